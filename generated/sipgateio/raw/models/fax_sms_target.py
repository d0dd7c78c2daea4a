from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fax_sms_target_direction import FaxSmsTargetDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="FaxSmsTarget")


@_attrs_define
class FaxSmsTarget:
    """
    Attributes:
        id (str):
        number (str | Unset):
        direction (FaxSmsTargetDirection | Unset):
    """

    id: str
    number: str | Unset = UNSET
    direction: FaxSmsTargetDirection | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number", UNSET)

        _direction = d.pop("direction", UNSET)
        direction: FaxSmsTargetDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = FaxSmsTargetDirection.of(_direction)

        fax_sms_target = cls(
            id=id,
            number=number,
            direction=direction,
        )

        fax_sms_target.additional_properties = d
        return fax_sms_target

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
