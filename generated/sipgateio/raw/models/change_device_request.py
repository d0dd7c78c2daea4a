from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangeDeviceRequest")


@_attrs_define
class ChangeDeviceRequest:
    """
    Attributes:
        dnd (bool | Unset):
        emergency_address_id (int | Unset):
    """

    dnd: bool | Unset = UNSET
    emergency_address_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dnd = self.dnd

        emergency_address_id = self.emergency_address_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dnd is not UNSET:
            field_dict["dnd"] = dnd
        if emergency_address_id is not UNSET:
            field_dict["emergencyAddressId"] = emergency_address_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        dnd = d.pop("dnd", UNSET)

        emergency_address_id = d.pop("emergencyAddressId", UNSET)

        change_device_request = cls(
            dnd=dnd,
            emergency_address_id=emergency_address_id,
        )

        change_device_request.additional_properties = d
        return change_device_request

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
