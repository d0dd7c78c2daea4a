from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewCallRequest")


@_attrs_define
class NewCallRequest:
    """
    Attributes:
        caller (str):
        callee (str):
        device_id (str | Unset):
        caller_id (str | Unset):
    """

    caller: str
    callee: str
    device_id: str | Unset = UNSET
    caller_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        caller = self.caller

        callee = self.callee

        device_id = self.device_id

        caller_id = self.caller_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "caller": caller,
                "callee": callee,
            }
        )
        if device_id is not UNSET:
            field_dict["deviceId"] = device_id
        if caller_id is not UNSET:
            field_dict["callerId"] = caller_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        caller = d.pop("caller")

        callee = d.pop("callee")

        device_id = d.pop("deviceId", UNSET)

        caller_id = d.pop("callerId", UNSET)

        new_call_request = cls(
            caller=caller,
            callee=callee,
            device_id=device_id,
            caller_id=caller_id,
        )

        new_call_request.additional_properties = d
        return new_call_request

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
