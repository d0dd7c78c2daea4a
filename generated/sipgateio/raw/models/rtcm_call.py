from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rtcm_participant import RtcmParticipant


T = TypeVar("T", bound="RtcmCall")


@_attrs_define
class RtcmCall:
    """A call that is currently established.

    Attributes:
        call_id (str):
        muted (bool): Whether your side of the call is muted.
        recording (bool): Whether the call is being recorded.
        hold (bool): Whether the call is on hold.
        participants (list[RtcmParticipant]):
    """

    call_id: str
    muted: bool
    recording: bool
    hold: bool
    participants: list[RtcmParticipant]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        call_id = self.call_id

        muted = self.muted

        recording = self.recording

        hold = self.hold

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "callId": call_id,
                "muted": muted,
                "recording": recording,
                "hold": hold,
                "participants": participants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rtcm_participant import RtcmParticipant

        d = dict(src_dict)
        call_id = d.pop("callId")

        muted = d.pop("muted")

        recording = d.pop("recording")

        hold = d.pop("hold")

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = RtcmParticipant.from_dict(participants_item_data)

            participants.append(participants_item)

        rtcm_call = cls(
            call_id=call_id,
            muted=muted,
            recording=recording,
            hold=hold,
            participants=participants,
        )

        rtcm_call.additional_properties = d
        return rtcm_call

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
