from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserInfo")


@_attrs_define
class UserInfo:
    """Claims about the authenticated user.

    Attributes:
        sub (str): Id of the authenticated web user, e.g. `w0`. Example: w0.
        domain (str | Unset): The sipgate platform the account belongs to.
        master_sip_id (str | Unset): The account's main SIP id.
        locale (str | Unset): The user's language setting, e.g. `de_DE`.
    """

    sub: str
    domain: str | Unset = UNSET
    master_sip_id: str | Unset = UNSET
    locale: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sub = self.sub

        domain = self.domain

        master_sip_id = self.master_sip_id

        locale = self.locale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sub": sub,
            }
        )
        if domain is not UNSET:
            field_dict["domain"] = domain
        if master_sip_id is not UNSET:
            field_dict["masterSipId"] = master_sip_id
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sub = d.pop("sub")

        domain = d.pop("domain", UNSET)

        master_sip_id = d.pop("masterSipId", UNSET)

        locale = d.pop("locale", UNSET)

        user_info = cls(
            sub=sub,
            domain=domain,
            master_sip_id=master_sip_id,
            locale=locale,
        )

        user_info.additional_properties = d
        return user_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
