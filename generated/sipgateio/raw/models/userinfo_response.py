from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserinfoResponse")


@_attrs_define
class UserinfoResponse:
    """
    Attributes:
        sub (str):
        domain (str | Unset):
        master_sip_id (str | Unset):
        locale (str | Unset):
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

        userinfo_response = cls(
            sub=sub,
            domain=domain,
            master_sip_id=master_sip_id,
            locale=locale,
        )

        userinfo_response.additional_properties = d
        return userinfo_response

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
