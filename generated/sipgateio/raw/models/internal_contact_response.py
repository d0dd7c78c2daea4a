from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InternalContactResponse")


@_attrs_define
class InternalContactResponse:
    """
    Attributes:
        id (str):
        name (str | Unset):
        emails (list[str] | Unset):
        mobile (list[str] | Unset):
        landline (list[str] | Unset):
        fax (list[str] | Unset):
        directdial (list[str] | Unset):
    """

    id: str
    name: str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    mobile: list[str] | Unset = UNSET
    landline: list[str] | Unset = UNSET
    fax: list[str] | Unset = UNSET
    directdial: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        mobile: list[str] | Unset = UNSET
        if not isinstance(self.mobile, Unset):
            mobile = self.mobile

        landline: list[str] | Unset = UNSET
        if not isinstance(self.landline, Unset):
            landline = self.landline

        fax: list[str] | Unset = UNSET
        if not isinstance(self.fax, Unset):
            fax = self.fax

        directdial: list[str] | Unset = UNSET
        if not isinstance(self.directdial, Unset):
            directdial = self.directdial

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if emails is not UNSET:
            field_dict["emails"] = emails
        if mobile is not UNSET:
            field_dict["mobile"] = mobile
        if landline is not UNSET:
            field_dict["landline"] = landline
        if fax is not UNSET:
            field_dict["fax"] = fax
        if directdial is not UNSET:
            field_dict["directdial"] = directdial

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        _emails = d.pop("emails", UNSET)
        emails: list[str] | Unset = UNSET
        if _emails is not UNSET:
            if type(_emails) is not list and _emails is not None:
                raise TypeError(
                    f"emails: a list expected, got {type(_emails).__name__}"
                )
            emails = cast(list[str], _emails)

        _mobile = d.pop("mobile", UNSET)
        mobile: list[str] | Unset = UNSET
        if _mobile is not UNSET:
            if type(_mobile) is not list and _mobile is not None:
                raise TypeError(
                    f"mobile: a list expected, got {type(_mobile).__name__}"
                )
            mobile = cast(list[str], _mobile)

        _landline = d.pop("landline", UNSET)
        landline: list[str] | Unset = UNSET
        if _landline is not UNSET:
            if type(_landline) is not list and _landline is not None:
                raise TypeError(
                    f"landline: a list expected, got {type(_landline).__name__}"
                )
            landline = cast(list[str], _landline)

        _fax = d.pop("fax", UNSET)
        fax: list[str] | Unset = UNSET
        if _fax is not UNSET:
            if type(_fax) is not list and _fax is not None:
                raise TypeError(f"fax: a list expected, got {type(_fax).__name__}")
            fax = cast(list[str], _fax)

        _directdial = d.pop("directdial", UNSET)
        directdial: list[str] | Unset = UNSET
        if _directdial is not UNSET:
            if type(_directdial) is not list and _directdial is not None:
                raise TypeError(
                    f"directdial: a list expected, got {type(_directdial).__name__}"
                )
            directdial = cast(list[str], _directdial)

        internal_contact_response = cls(
            id=id,
            name=name,
            emails=emails,
            mobile=mobile,
            landline=landline,
            fax=fax,
            directdial=directdial,
        )

        internal_contact_response.additional_properties = d
        return internal_contact_response

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
