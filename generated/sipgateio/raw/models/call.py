from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.participant import Participant


T = TypeVar("T", bound="Call")


@_attrs_define
class Call:
    """
    Attributes:
        call_id (str):
        muted (bool | Unset):
        recording (bool | Unset):
        hold (bool | Unset):
        participants (list[Participant] | Unset):
    """

    call_id: str
    muted: bool | Unset = UNSET
    recording: bool | Unset = UNSET
    hold: bool | Unset = UNSET
    participants: list[Participant] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        call_id = self.call_id

        muted = self.muted

        recording = self.recording

        hold = self.hold

        participants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.participants, Unset):
            participants = []
            for participants_item_data in self.participants:
                participants_item = participants_item_data.to_dict()
                participants.append(participants_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "callId": call_id,
            }
        )
        if muted is not UNSET:
            field_dict["muted"] = muted
        if recording is not UNSET:
            field_dict["recording"] = recording
        if hold is not UNSET:
            field_dict["hold"] = hold
        if participants is not UNSET:
            field_dict["participants"] = participants

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        call_id = d.pop("callId")

        muted = d.pop("muted", UNSET)

        recording = d.pop("recording", UNSET)

        hold = d.pop("hold", UNSET)

        _participants = d.pop("participants", UNSET)
        participants: list[Participant] | Unset = UNSET
        if _participants is not UNSET:
            if type(_participants) is not list:
                raise TypeError(
                    f"participants: a list expected, got {type(_participants).__name__}"
                )
            participants = []
            for participants_item_data in _participants:
                participants_item = Participant.from_dict(participants_item_data)

                participants.append(participants_item)

        call = cls(
            call_id=call_id,
            muted=muted,
            recording=recording,
            hold=hold,
            participants=participants,
        )

        call.additional_properties = d
        return call

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
from ..models.participant import Participant
