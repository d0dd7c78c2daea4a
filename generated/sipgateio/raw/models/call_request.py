from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallRequest")


@_attrs_define
class CallRequest:
    """A click-to-dial call to set up.

    Attributes:
        caller (str): The party rung first: an extension (`e`, `p`, `x` or `y` type, e.g. `e14`) or a phone number in
            E.164 form. Example: e14.
        callee (str): The party dialled once the caller has picked up, in E.164 form. Example: +4921100000000.
        caller_id (str | Unset): Phone number to display to the callee instead of the default one.
        device_id (str | Unset): Device that places the call, e.g. `e14`. Required when `caller` is a phone number;
            determines billing and, without `callerId`, the displayed number.
    """

    caller: str
    callee: str
    caller_id: str | Unset = UNSET
    device_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        caller = self.caller

        callee = self.callee

        caller_id = self.caller_id

        device_id = self.device_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "caller": caller,
                "callee": callee,
            }
        )
        if caller_id is not UNSET:
            field_dict["callerId"] = caller_id
        if device_id is not UNSET:
            field_dict["deviceId"] = device_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        caller = d.pop("caller")

        callee = d.pop("callee")

        caller_id = d.pop("callerId", UNSET)

        device_id = d.pop("deviceId", UNSET)

        call_request = cls(
            caller=caller,
            callee=callee,
            caller_id=caller_id,
            device_id=device_id,
        )

        call_request.additional_properties = d
        return call_request

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
