from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_sms_target_cause import CallSmsTargetCause
from ..models.call_sms_target_direction import CallSmsTargetDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallSmsTarget")


@_attrs_define
class CallSmsTarget:
    """
    Attributes:
        id (str):
        number (str | Unset):
        direction (CallSmsTargetDirection | Unset):
        cause (CallSmsTargetCause | Unset):
    """

    id: str
    number: str | Unset = UNSET
    direction: CallSmsTargetDirection | Unset = UNSET
    cause: CallSmsTargetCause | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        cause: str | Unset = UNSET
        if not isinstance(self.cause, Unset):
            cause = self.cause.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if number is not UNSET:
            field_dict["number"] = number
        if direction is not UNSET:
            field_dict["direction"] = direction
        if cause is not UNSET:
            field_dict["cause"] = cause

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: CallSmsTargetDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = CallSmsTargetDirection.of(_direction)

        _cause = d.pop("cause", UNSET)
        cause: CallSmsTargetCause | Unset
        if isinstance(_cause, Unset):
            cause = UNSET
        else:
            cause = CallSmsTargetCause.of(_cause)

        call_sms_target = cls(
            id=id,
            number=number,
            direction=direction,
            cause=cause,
        )

        call_sms_target.additional_properties = d
        return call_sms_target

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
