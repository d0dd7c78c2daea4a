from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.porting_number_response import PortingNumberResponse


T = TypeVar("T", bound="PortingResponse")


@_attrs_define
class PortingResponse:
    """
    Attributes:
        id (str):
        port_date (str | Unset):
        numbers (list[PortingNumberResponse] | Unset):
        status (int | Unset):
        revocable (bool | Unset):
        pending (bool | Unset):
    """

    id: str
    port_date: str | Unset = UNSET
    numbers: list[PortingNumberResponse] | Unset = UNSET
    status: int | Unset = UNSET
    revocable: bool | Unset = UNSET
    pending: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        port_date = self.port_date

        numbers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.numbers, Unset):
            numbers = []
            for numbers_item_data in self.numbers:
                numbers_item = numbers_item_data.to_dict()
                numbers.append(numbers_item)

        status = self.status

        revocable = self.revocable

        pending = self.pending

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if port_date is not UNSET:
            field_dict["portDate"] = port_date
        if numbers is not UNSET:
            field_dict["numbers"] = numbers
        if status is not UNSET:
            field_dict["status"] = status
        if revocable is not UNSET:
            field_dict["revocable"] = revocable
        if pending is not UNSET:
            field_dict["pending"] = pending

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        port_date = d.pop("portDate", UNSET)

        _numbers = d.pop("numbers", UNSET)
        numbers: list[PortingNumberResponse] | Unset = UNSET
        if _numbers is not UNSET:
            if type(_numbers) is not list:
                raise TypeError(
                    f"numbers: a list expected, got {type(_numbers).__name__}"
                )
            numbers = []
            for numbers_item_data in _numbers:
                numbers_item = PortingNumberResponse.from_dict(numbers_item_data)

                numbers.append(numbers_item)

        status = d.pop("status", UNSET)

        revocable = d.pop("revocable", UNSET)

        pending = d.pop("pending", UNSET)

        porting_response = cls(
            id=id,
            port_date=port_date,
            numbers=numbers,
            status=status,
            revocable=revocable,
            pending=pending,
        )

        porting_response.additional_properties = d
        return porting_response

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


# The models this one refers to, imported once this class exists (they may refer back to it).
from ..models.porting_number_response import PortingNumberResponse
