from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModifyAddressRequest")


@_attrs_define
class ModifyAddressRequest:
    """
    Attributes:
        countrycode (str):
        postcode (str):
        city (str):
        state (str | Unset):
        street (str | Unset):
        number (str | Unset):
        address1 (str | Unset):
        address2 (str | Unset):
    """

    countrycode: str
    postcode: str
    city: str
    state: str | Unset = UNSET
    street: str | Unset = UNSET
    number: str | Unset = UNSET
    address1: str | Unset = UNSET
    address2: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        countrycode = self.countrycode

        postcode = self.postcode

        city = self.city

        state = self.state

        street = self.street

        number = self.number

        address1 = self.address1

        address2 = self.address2

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "countrycode": countrycode,
                "postcode": postcode,
                "city": city,
            }
        )
        if state is not UNSET:
            field_dict["state"] = state
        if street is not UNSET:
            field_dict["street"] = street
        if number is not UNSET:
            field_dict["number"] = number
        if address1 is not UNSET:
            field_dict["address1"] = address1
        if address2 is not UNSET:
            field_dict["address2"] = address2

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        countrycode = d.pop("countrycode")

        postcode = d.pop("postcode")

        city = d.pop("city")

        state = d.pop("state", UNSET)

        street = d.pop("street", UNSET)

        number = d.pop("number", UNSET)

        address1 = d.pop("address1", UNSET)

        address2 = d.pop("address2", UNSET)

        modify_address_request = cls(
            countrycode=countrycode,
            postcode=postcode,
            city=city,
            state=state,
            street=street,
            number=number,
            address1=address1,
            address2=address2,
        )

        modify_address_request.additional_properties = d
        return modify_address_request

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
