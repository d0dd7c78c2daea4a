from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GreetingResponse")


@_attrs_define
class GreetingResponse:
    """
    Attributes:
        id (str):
        alias (str | Unset):
        greeting_url (str | Unset):
        recording_enabled (bool | Unset):
        active (bool | Unset):
    """

    id: str
    alias: str | Unset = UNSET
    greeting_url: str | Unset = UNSET
    recording_enabled: bool | Unset = UNSET
    active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        greeting_url = self.greeting_url

        recording_enabled = self.recording_enabled

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias
        if greeting_url is not UNSET:
            field_dict["greetingUrl"] = greeting_url
        if recording_enabled is not UNSET:
            field_dict["recordingEnabled"] = recording_enabled
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias", UNSET)

        greeting_url = d.pop("greetingUrl", UNSET)

        recording_enabled = d.pop("recordingEnabled", UNSET)

        active = d.pop("active", UNSET)

        greeting_response = cls(
            id=id,
            alias=alias,
            greeting_url=greeting_url,
            recording_enabled=recording_enabled,
            active=active,
        )

        greeting_response.additional_properties = d
        return greeting_response

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
