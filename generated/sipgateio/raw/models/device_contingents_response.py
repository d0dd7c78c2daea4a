from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contingent_response import ContingentResponse


T = TypeVar("T", bound="DeviceContingentsResponse")


@_attrs_define
class DeviceContingentsResponse:
    """
    Attributes:
        contingents (list[ContingentResponse] | Unset):
    """

    contingents: list[ContingentResponse] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contingents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contingents, Unset):
            contingents = []
            for contingents_item_data in self.contingents:
                contingents_item = contingents_item_data.to_dict()
                contingents.append(contingents_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if contingents is not UNSET:
            field_dict["contingents"] = contingents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _contingents = d.pop("contingents", UNSET)
        contingents: list[ContingentResponse] | Unset = UNSET
        if _contingents is not UNSET:
            if type(_contingents) is not list:
                raise TypeError(
                    f"contingents: a list expected, got {type(_contingents).__name__}"
                )
            contingents = []
            for contingents_item_data in _contingents:
                contingents_item = ContingentResponse.from_dict(contingents_item_data)

                contingents.append(contingents_item)

        device_contingents_response = cls(
            contingents=contingents,
        )

        device_contingents_response.additional_properties = d
        return device_contingents_response

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
from ..models.contingent_response import ContingentResponse
