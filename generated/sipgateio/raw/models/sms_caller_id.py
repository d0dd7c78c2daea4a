from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SmsCallerId")


@_attrs_define
class SmsCallerId:
    """A phone number that can appear as sender of an SMS extension's messages.

    Attributes:
        id (int): Id of this sender number within the SMS extension.
        phonenumber (str): The sender number in E.164 form.
        verified (bool): Whether ownership of the number has been confirmed; only verified numbers can be used.
        default_number (bool): Whether this number is the one messages are currently sent from.
    """

    id: int
    phonenumber: str
    verified: bool
    default_number: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        phonenumber = self.phonenumber

        verified = self.verified

        default_number = self.default_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "phonenumber": phonenumber,
                "verified": verified,
                "defaultNumber": default_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        phonenumber = d.pop("phonenumber")

        verified = d.pop("verified")

        default_number = d.pop("defaultNumber")

        sms_caller_id = cls(
            id=id,
            phonenumber=phonenumber,
            verified=verified,
            default_number=default_number,
        )

        sms_caller_id.additional_properties = d
        return sms_caller_id

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
