from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResendFaxRequest")


@_attrs_define
class ResendFaxRequest:
    """
    Attributes:
        fax_id (str):
        faxline_id (str | Unset):
    """

    fax_id: str
    faxline_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fax_id = self.fax_id

        faxline_id = self.faxline_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "faxId": fax_id,
            }
        )
        if faxline_id is not UNSET:
            field_dict["faxlineId"] = faxline_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        fax_id = d.pop("faxId")

        faxline_id = d.pop("faxlineId", UNSET)

        resend_fax_request = cls(
            fax_id=fax_id,
            faxline_id=faxline_id,
        )

        resend_fax_request.additional_properties = d
        return resend_fax_request

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
