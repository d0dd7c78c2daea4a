from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MnpState")


@_attrs_define
class MnpState:
    """
    Attributes:
        is_released (bool | Unset):
        released_until (datetime.datetime | None | Unset):
    """

    is_released: bool | Unset = UNSET
    released_until: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_released = self.is_released

        released_until: None | str | Unset
        if isinstance(self.released_until, Unset):
            released_until = UNSET
        elif isinstance(self.released_until, datetime.datetime):
            released_until = self.released_until.isoformat()
        else:
            released_until = self.released_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_released is not UNSET:
            field_dict["isReleased"] = is_released
        if released_until is not UNSET:
            field_dict["releasedUntil"] = released_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        is_released = d.pop("isReleased", UNSET)

        def _parse_released_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_until_type_0 = datetime.datetime.fromisoformat(data)

                return released_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("datetime.datetime | None | Unset", data)

        released_until = _parse_released_until(d.pop("releasedUntil", UNSET))

        mnp_state = cls(
            is_released=is_released,
            released_until=released_until,
        )

        mnp_state.additional_properties = d
        return mnp_state

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
