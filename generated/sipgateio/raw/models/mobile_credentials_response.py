from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MobileCredentialsResponse")


@_attrs_define
class MobileCredentialsResponse:
    """
    Attributes:
        sim_id (str | Unset):
        puk1 (str | Unset):
        puk2 (str | Unset):
    """

    sim_id: str | Unset = UNSET
    puk1: str | Unset = UNSET
    puk2: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sim_id = self.sim_id

        puk1 = self.puk1

        puk2 = self.puk2

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sim_id is not UNSET:
            field_dict["simId"] = sim_id
        if puk1 is not UNSET:
            field_dict["puk1"] = puk1
        if puk2 is not UNSET:
            field_dict["puk2"] = puk2

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sim_id = d.pop("simId", UNSET)

        puk1 = d.pop("puk1", UNSET)

        puk2 = d.pop("puk2", UNSET)

        mobile_credentials_response = cls(
            sim_id=sim_id,
            puk1=puk1,
            puk2=puk2,
        )

        mobile_credentials_response.additional_properties = d
        return mobile_credentials_response

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
