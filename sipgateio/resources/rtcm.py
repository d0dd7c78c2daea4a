"""Real Time Call Manipulation: list established calls and steer them while they last.

Every function takes the call as an :class:`RTCMCall` (as listed by
:meth:`RTCMResource.get_established_calls`) or as its call id (e.g. a webhook event's ``call_id``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from .._ops import M, Op, Resource, fetch, operation
from .._read import listed, present
from .._validation import boolean, http_url
from .._validation import phone_number as _phone_number
from ..errors import ValidationError
from ..raw.api.rtcm import (
    get_calls,
    hangup_call,
    send_call_dtmf,
    set_call_hold,
    set_call_muted,
    set_call_recording,
    start_call_announcement,
    transfer_call,
)
from ..raw.models import (
    AnnouncementRequest,
    BooleanRequest,
    DtmfRequest,
    RecordingRequest,
    TransferRequest,
)

if TYPE_CHECKING:
    from ..raw.models import Call, Participant

__all__ = ["RTCMCall", "RTCMParticipant", "RTCMResource"]

_DTMF = re.compile(r"[0-9A-D*#]+")


@attrs.frozen(slots=True)
class RTCMParticipant:
    """A party of an established call.

    ``phone_number`` may be empty (anonymous); ``owner`` is True for the account's own side.
    A flag the API leaves out is None.
    """

    participant_id: str
    phone_number: str
    muted: bool | None
    hold: bool | None
    owner: bool | None


@attrs.frozen(slots=True)
class RTCMCall:
    """A call that is established right now, with its state and participants.

    A flag the API leaves out is None.
    """

    call_id: str
    muted: bool | None
    recording: bool | None
    hold: bool | None
    participants: tuple[RTCMParticipant, ...]


def _participant(p: Participant) -> RTCMParticipant:
    number = present(p.phone_number)
    return RTCMParticipant(
        participant_id=p.participant_id,
        phone_number="" if number is None else str(number),
        muted=present(p.muted),
        hold=present(p.hold),
        owner=present(p.owner),
    )


def _rtcm_call(c: Call) -> RTCMCall:
    return RTCMCall(
        call_id=c.call_id,
        muted=present(c.muted),
        recording=present(c.recording),
        hold=present(c.hold),
        participants=tuple(_participant(p) for p in listed(c.participants)),
    )


def _call_id(value: object) -> str:
    """The call id of an :class:`RTCMCall` or of a call id string."""
    call_id = value.call_id if isinstance(value, RTCMCall) else value
    if not isinstance(call_id, str) or not call_id.strip():
        raise ValidationError(
            f"call must be an RTCMCall or a non-empty call id, got {value!r}", field="call"
        )
    return call_id


def _dtmf(value: object) -> str:
    sequence = value.upper() if isinstance(value, str) else value
    if not isinstance(sequence, str) or not _DTMF.fullmatch(sequence):
        raise ValidationError(
            "sequence must be one or more DTMF tones from 0-9, A-D, * and # "
            f"(e.g. '*12345#'), got {value!r}",
            field="sequence",
        )
    return sequence


class RTCMResource(Resource[M]):
    """Real Time Call Manipulation of established calls (``client.rtcm``)."""

    @operation
    def get_established_calls(self) -> Op[list[RTCMCall]]:
        """The account's calls that are connected right now (GET /calls).

        Calls still ringing and voicemail recordings in progress are not listed.
        """
        calls = yield from fetch(get_calls.prepare())
        return [_rtcm_call(c) for c in listed(calls.data)]

    @operation
    def mute(self, call: RTCMCall | str, status: bool) -> Op[None]:
        """Mute (``status=True``) or unmute your side of the call (PUT /calls/{id}/muted)."""
        body = BooleanRequest(value=boolean(status, "status"))
        yield from fetch(set_call_muted.prepare(call_id=_call_id(call), body=body))

    @operation
    def hold(self, call: RTCMCall | str, status: bool) -> Op[None]:
        """Put the call on hold (``status=True``) or resume it (PUT /calls/{id}/hold)."""
        body = BooleanRequest(value=boolean(status, "status"))
        yield from fetch(set_call_hold.prepare(call_id=_call_id(call), body=body))

    @operation
    def record(self, call: RTCMCall | str, *, value: bool, announcement: bool) -> Op[None]:
        """Start (``value=True``) or stop recording (PUT /calls/{id}/recording).

        With ``announcement=True`` the participants hear that recording starts or stops.
        The recording appears on the call's history entry.
        """
        body = RecordingRequest(
            value=boolean(value, "value"), announcement=boolean(announcement, "announcement")
        )
        yield from fetch(set_call_recording.prepare(call_id=_call_id(call), body=body))

    @operation
    def announce(self, call: RTCMCall | str, announcement: str) -> Op[None]:
        """Play the audio file at the URL ``announcement`` to every participant.

        The file must be a WAV file: mono, 16 bit PCM, 8 kHz (POST /calls/{id}/announcements).
        """
        body = AnnouncementRequest(url=http_url(announcement, "announcement"))
        yield from fetch(start_call_announcement.prepare(call_id=_call_id(call), body=body))

    @operation
    def transfer(self, call: RTCMCall | str, *, attended: bool, phone_number: str) -> Op[None]:
        """Transfer the call to ``phone_number`` (POST /calls/{id}/transfer).

        ``attended=True`` lets you talk to the target first; False connects straight away.
        A number with country code is sent in E.164, one without (``12``, ``110``) as its
        digits; only what cannot be a number is refused (see
        :func:`sipgateio._validation.phone_number`).
        """
        body = TransferRequest(
            attended=boolean(attended, "attended"),
            phone_number=_phone_number(phone_number, "phone_number"),
        )
        yield from fetch(transfer_call.prepare(call_id=_call_id(call), body=body))

    @operation
    def send_dtmf(self, call: RTCMCall | str, sequence: str) -> Op[None]:
        """Send DTMF tones (0-9, A-D, *, #; lower case is upper-cased) (POST /calls/{id}/dtmf)."""
        body = DtmfRequest(sequence=_dtmf(sequence))
        yield from fetch(send_call_dtmf.prepare(call_id=_call_id(call), body=body))

    @operation
    def hang_up(self, call: RTCMCall | str) -> Op[None]:
        """End the call for every participant (DELETE /calls/{id})."""
        yield from fetch(hangup_call.prepare(call_id=_call_id(call)))
