from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Participant")


@_attrs_define
class Participant:
    """
    Attributes:
        participant_id (str):
        phone_number (str | Unset):
        muted (bool | Unset):
        hold (bool | Unset):
        owner (bool | Unset):
    """

    participant_id: str
    phone_number: str | Unset = UNSET
    muted: bool | Unset = UNSET
    hold: bool | Unset = UNSET
    owner: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        participant_id = self.participant_id

        phone_number = self.phone_number

        muted = self.muted

        hold = self.hold

        owner = self.owner

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "participantId": participant_id,
            }
        )
        if phone_number is not UNSET:
            field_dict["phoneNumber"] = phone_number
        if muted is not UNSET:
            field_dict["muted"] = muted
        if hold is not UNSET:
            field_dict["hold"] = hold
        if owner is not UNSET:
            field_dict["owner"] = owner

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        participant_id = d.pop("participantId")

        phone_number = d.pop("phoneNumber", UNSET)

        muted = d.pop("muted", UNSET)

        hold = d.pop("hold", UNSET)

        owner = d.pop("owner", UNSET)

        participant = cls(
            participant_id=participant_id,
            phone_number=phone_number,
            muted=muted,
            hold=hold,
            owner=owner,
        )

        participant.additional_properties = d
        return participant

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
