from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_email_target_cause import CallEmailTargetCause
from ..models.call_email_target_direction import CallEmailTargetDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallEmailTarget")


@_attrs_define
class CallEmailTarget:
    """
    Attributes:
        id (str):
        email (str | Unset):
        direction (CallEmailTargetDirection | Unset):
        cause (CallEmailTargetCause | Unset):
    """

    id: str
    email: str | Unset = UNSET
    direction: CallEmailTargetDirection | Unset = UNSET
    cause: CallEmailTargetCause | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

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
        if email is not UNSET:
            field_dict["email"] = email
        if direction is not UNSET:
            field_dict["direction"] = direction
        if cause is not UNSET:
            field_dict["cause"] = cause

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        email = d.pop("email", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: CallEmailTargetDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = CallEmailTargetDirection.of(_direction)

        _cause = d.pop("cause", UNSET)
        cause: CallEmailTargetCause | Unset
        if isinstance(_cause, Unset):
            cause = UNSET
        else:
            cause = CallEmailTargetCause.of(_cause)

        call_email_target = cls(
            id=id,
            email=email,
            direction=direction,
            cause=cause,
        )

        call_email_target.additional_properties = d
        return call_email_target

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
