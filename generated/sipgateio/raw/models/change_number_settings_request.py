from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangeNumberSettingsRequest")


@_attrs_define
class ChangeNumberSettingsRequest:
    """
    Attributes:
        endpoint_id (str | Unset):
        release_for_mnp (bool | Unset):
        quick_dial (bool | Unset):
    """

    endpoint_id: str | Unset = UNSET
    release_for_mnp: bool | Unset = UNSET
    quick_dial: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        endpoint_id = self.endpoint_id

        release_for_mnp = self.release_for_mnp

        quick_dial = self.quick_dial

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if endpoint_id is not UNSET:
            field_dict["endpointId"] = endpoint_id
        if release_for_mnp is not UNSET:
            field_dict["releaseForMnp"] = release_for_mnp
        if quick_dial is not UNSET:
            field_dict["quickDial"] = quick_dial

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoint_id = d.pop("endpointId", UNSET)

        release_for_mnp = d.pop("releaseForMnp", UNSET)

        quick_dial = d.pop("quickDial", UNSET)

        change_number_settings_request = cls(
            endpoint_id=endpoint_id,
            release_for_mnp=release_for_mnp,
            quick_dial=quick_dial,
        )

        change_number_settings_request.additional_properties = d
        return change_number_settings_request

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
