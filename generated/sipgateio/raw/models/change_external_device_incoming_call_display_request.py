from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_external_device_incoming_call_display_request_incoming_call_display import (
    ChangeExternalDeviceIncomingCallDisplayRequestIncomingCallDisplay,
)

T = TypeVar("T", bound="ChangeExternalDeviceIncomingCallDisplayRequest")


@_attrs_define
class ChangeExternalDeviceIncomingCallDisplayRequest:
    """
    Attributes:
        incoming_call_display (ChangeExternalDeviceIncomingCallDisplayRequestIncomingCallDisplay):
    """

    incoming_call_display: (
        ChangeExternalDeviceIncomingCallDisplayRequestIncomingCallDisplay
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incoming_call_display = self.incoming_call_display.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incomingCallDisplay": incoming_call_display,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        incoming_call_display = (
            ChangeExternalDeviceIncomingCallDisplayRequestIncomingCallDisplay.of(
                d.pop("incomingCallDisplay")
            )
        )

        change_external_device_incoming_call_display_request = cls(
            incoming_call_display=incoming_call_display,
        )

        change_external_device_incoming_call_display_request.additional_properties = d
        return change_external_device_incoming_call_display_request

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
