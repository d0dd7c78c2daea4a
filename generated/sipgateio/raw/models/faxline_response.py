from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FaxlineResponse")


@_attrs_define
class FaxlineResponse:
    """
    Attributes:
        id (str):
        alias (str | Unset):
        tagline (None | str | Unset):
        can_send (bool | Unset):
        can_receive (bool | Unset):
    """

    id: str
    alias: str | Unset = UNSET
    tagline: None | str | Unset = UNSET
    can_send: bool | Unset = UNSET
    can_receive: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        tagline: None | str | Unset
        if isinstance(self.tagline, Unset):
            tagline = UNSET
        else:
            tagline = self.tagline

        can_send = self.can_send

        can_receive = self.can_receive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias
        if tagline is not UNSET:
            field_dict["tagline"] = tagline
        if can_send is not UNSET:
            field_dict["canSend"] = can_send
        if can_receive is not UNSET:
            field_dict["canReceive"] = can_receive

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias", UNSET)

        tagline = d.pop("tagline", UNSET)

        can_send = d.pop("canSend", UNSET)

        can_receive = d.pop("canReceive", UNSET)

        faxline_response = cls(
            id=id,
            alias=alias,
            tagline=tagline,
            can_send=can_send,
            can_receive=can_receive,
        )

        faxline_response.additional_properties = d
        return faxline_response

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
