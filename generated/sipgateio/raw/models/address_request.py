from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressRequest")


@_attrs_define
class AddressRequest:
    """
    Attributes:
        po_box (None | str | Unset):
        extended_address (None | str | Unset):
        street_address (None | str | Unset):
        locality (None | str | Unset):
        region (None | str | Unset):
        postal_code (None | str | Unset):
        country (None | str | Unset):
    """

    po_box: None | str | Unset = UNSET
    extended_address: None | str | Unset = UNSET
    street_address: None | str | Unset = UNSET
    locality: None | str | Unset = UNSET
    region: None | str | Unset = UNSET
    postal_code: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        po_box: None | str | Unset
        if isinstance(self.po_box, Unset):
            po_box = UNSET
        else:
            po_box = self.po_box

        extended_address: None | str | Unset
        if isinstance(self.extended_address, Unset):
            extended_address = UNSET
        else:
            extended_address = self.extended_address

        street_address: None | str | Unset
        if isinstance(self.street_address, Unset):
            street_address = UNSET
        else:
            street_address = self.street_address

        locality: None | str | Unset
        if isinstance(self.locality, Unset):
            locality = UNSET
        else:
            locality = self.locality

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if po_box is not UNSET:
            field_dict["poBox"] = po_box
        if extended_address is not UNSET:
            field_dict["extendedAddress"] = extended_address
        if street_address is not UNSET:
            field_dict["streetAddress"] = street_address
        if locality is not UNSET:
            field_dict["locality"] = locality
        if region is not UNSET:
            field_dict["region"] = region
        if postal_code is not UNSET:
            field_dict["postalCode"] = postal_code
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        po_box = d.pop("poBox", UNSET)

        extended_address = d.pop("extendedAddress", UNSET)

        street_address = d.pop("streetAddress", UNSET)

        locality = d.pop("locality", UNSET)

        region = d.pop("region", UNSET)

        postal_code = d.pop("postalCode", UNSET)

        country = d.pop("country", UNSET)

        address_request = cls(
            po_box=po_box,
            extended_address=extended_address,
            street_address=street_address,
            locality=locality,
            region=region,
            postal_code=postal_code,
            country=country,
        )

        address_request.additional_properties = d
        return address_request

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
