from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewVoicemailRecordingRecordingRequest")


@_attrs_define
class NewVoicemailRecordingRecordingRequest:
    """
    Attributes:
        device_id (str | Unset):
        target_id (str | Unset):
        endpoint (str | Unset):
    """

    device_id: str | Unset = UNSET
    target_id: str | Unset = UNSET
    endpoint: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        device_id = self.device_id

        target_id = self.target_id

        endpoint = self.endpoint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if device_id is not UNSET:
            field_dict["deviceId"] = device_id
        if target_id is not UNSET:
            field_dict["targetId"] = target_id
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        device_id = d.pop("deviceId", UNSET)

        target_id = d.pop("targetId", UNSET)

        endpoint = d.pop("endpoint", UNSET)

        new_voicemail_recording_recording_request = cls(
            device_id=device_id,
            target_id=target_id,
            endpoint=endpoint,
        )

        new_voicemail_recording_recording_request.additional_properties = d
        return new_voicemail_recording_recording_request

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
