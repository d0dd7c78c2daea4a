"""What a webhook handler answers: the actions of sipgate's push protocol, rendered as XML.

A handler of a :class:`~sipgateio.webhook.NewCallEvent` or a
:class:`~sipgateio.webhook.DataEvent` returns one action built by
:class:`WebhookResponse` (or ``None`` to let the call proceed as it would have)::

    @app.on_new_call
    def route(event: NewCallEvent) -> Action:
        return WebhookResponse.redirect_call(numbers=["+4915799912345"])

Every rule of the push reference that can be checked when an action is built is checked
then, and a violation raises :class:`~sipgateio.ValidationError`: sipgate would reject
or misread such an answer. The app adds what only it knows: the ``onAnswer`` /
``onHangup`` / ``onData`` URLs, the limit of five ``Dial`` targets for incoming calls,
the audio format of announcements.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Protocol
from urllib.parse import urlsplit

import attrs

from .._validation import phone_number as _checked_number
from ..errors import ValidationError

__all__ = [
    "Action",
    "FollowUp",
    "GatherDTMF",
    "HangUpCall",
    "PlayAudio",
    "RedirectCall",
    "RejectCall",
    "RejectReason",
    "RtcmClient",
    "SendToVoicemail",
    "TransferOptions",
    "WebhookResponse",
    "escape_attribute",
    "escape_text",
]

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
"""The first line of every answer."""

MAX_DIAL_TARGETS_INCOMING = 5
"""sipgate redirects an incoming call to at most this many numbers."""

# Characters XML 1.0 cannot carry at all (not even escaped).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\t\n\r]')
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_TABLE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)
_TEXT_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})

# What phone_number() sends unchanged: E.164, or the digits of a number without country code
# (as sipgate writes numbers in pushes: 4915799912345). Checked here first, for speed.
_AS_IS = re.compile(r"\+[1-9][0-9]{6,14}|[0-9]{2,16}")


def _xml_safe(value: str, field: str) -> None:
    if _NOT_XML.search(value):
        raise ValidationError(f"{field} contains a character XML cannot carry", field=field)


def escape_attribute(value: str) -> str:
    """``value`` escaped for a double-quoted XML attribute.

    Tabs and line breaks become character references, so that they survive attribute
    value normalisation. A character XML 1.0 cannot carry raises ValidationError.
    """
    _xml_safe(value, "attribute value")
    if _ATTRIBUTE_SPECIAL.search(value) is None:
        return value
    return value.translate(_ATTRIBUTE_TABLE)


def escape_text(value: str) -> str:
    """``value`` escaped as XML character data."""
    _xml_safe(value, "text")
    if _TEXT_SPECIAL.search(value) is None:
        return value
    return value.translate(_TEXT_TABLE)


def _phone_number(value: object, field: str) -> str:
    """A number to dial: as sipgate writes them (``4915799912345``) unchanged, others checked.

    See :func:`sipgateio._validation.phone_number`: refused only when it cannot be a number.
    """
    if type(value) is str and _AS_IS.fullmatch(value) is not None:
        return value
    return _checked_number(value, field)


def absolute_url(value: object, field: str) -> str:
    """Return ``value`` if it is an absolute http(s) URL sipgate can fetch or call."""
    if isinstance(value, str) and not any(c.isspace() for c in value):
        try:
            parts = urlsplit(value)
        except ValueError:
            parts = None
        if parts is not None and parts.scheme in ("http", "https") and parts.hostname:
            _xml_safe(value, field)
            return value
    raise ValidationError(
        f"{field} must be an absolute http:// or https:// URL, got {value!r}", field=field
    )


def _int_at_least(value: object, minimum: int, field: str, unit: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValidationError(
            f"{field} must be an integer >= {minimum}{unit}, got {value!r}", field=field
        )
    return value


def _optional_bool(value: object, field: str) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise ValidationError(f"{field} must be True, False or None, got {value!r}", field=field)
    return value


class RejectReason(enum.StrEnum):
    """How :meth:`WebhookResponse.reject_call` rejects: plainly, or pretending to be busy."""

    REJECTED = "rejected"
    BUSY = "busy"


class _Rtcm(Protocol):
    def hang_up(self, call: str, /) -> object: ...

    def transfer(self, call: str, /, *, attended: bool, phone_number: str) -> object: ...


class RtcmClient(Protocol):
    """What the play-then-act answers need of a client: ``SipgateIO`` or ``AsyncSipgateIO``.

    ``client.rtcm.hang_up(call_id)`` and ``client.rtcm.transfer(call_id, attended=...,
    phone_number=...)``; on an async client they return awaitables, which are awaited.
    """

    @property
    def rtcm(self) -> _Rtcm:
        """The client's real-time call manipulation module."""
        ...


@attrs.frozen(slots=True)
class TransferOptions:
    """Where :meth:`WebhookResponse.play_audio_and_transfer` transfers the call.

    ``attended``: announce the call to the target first (attended transfer) or not.
    """

    attended: bool
    phone_number: str

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.attended, bool):
            raise ValidationError(
                f"attended must be True or False, got {self.attended!r}", field="attended"
            )
        checked = _checked_number(self.phone_number, "phone_number")
        object.__setattr__(self, "phone_number", checked)


@attrs.frozen(slots=True, eq=False)
class FollowUp:
    """An RTCM call to make once an announcement has played (plus ``extra_ms``).

    Made by :meth:`WebhookResponse.play_audio_and_hang_up` and
    :meth:`WebhookResponse.play_audio_and_transfer`; the app schedules it when it sends
    the answer, without delaying the answer.
    """

    client: RtcmClient
    call_id: str
    extra_ms: int = 0
    transfer: TransferOptions | None = None

    def run(self) -> object:
        """Make the RTCM call; the result is an awaitable on an async client."""
        if self.transfer is None:
            return self.client.rtcm.hang_up(self.call_id)
        return self.client.rtcm.transfer(
            self.call_id,
            attended=self.transfer.attended,
            phone_number=self.transfer.phone_number,
        )

    @property
    def description(self) -> str:
        """A short text for log messages."""
        what = "hang-up" if self.transfer is None else "transfer"
        return f"{what} of call {self.call_id}"


class Action:
    """An answer to a push: one action for sipgate. Built by :class:`WebhookResponse`."""

    __slots__ = ()

    @property
    def announcements(self) -> tuple[str, ...]:
        """The URLs of the audio files this action plays."""
        return ()

    @property
    def dial_targets(self) -> int:
        """How many numbers this action dials."""
        return 0

    @property
    def needs_on_data(self) -> bool:
        """Whether rendering needs the ``onData`` URL (a ``Gather``)."""
        return False

    def to_xml(self, on_data: str | None = None) -> str:
        """The element(s) this action puts into ``<Response>``.

        ``on_data`` is the already escaped URL the ``dtmf`` push goes to.
        """
        raise NotImplementedError


def _numbers(numbers: object) -> tuple[str, ...]:
    if type(numbers) is not tuple:
        if isinstance(numbers, str) or not isinstance(numbers, Iterable):
            raise ValidationError(
                f"numbers must be a list of phone numbers, got {numbers!r}", field="numbers"
            )
        numbers = tuple(numbers)
    if not numbers:
        raise ValidationError("numbers must name at least one number", field="numbers")
    return numbers


@attrs.frozen(slots=True)
class RedirectCall(Action):
    """Redirect the call to ``numbers`` (``<Dial>``), optionally hiding or setting the caller id."""

    numbers: tuple[str, ...]
    anonymous: bool | None = None
    caller_id: str | None = None
    _xml: str = attrs.field(init=False, repr=False, eq=False)

    @property
    def dial_targets(self) -> int:
        """How many numbers this action dials."""
        return len(self.numbers)

    def __attrs_post_init__(self) -> None:
        numbers = _numbers(self.numbers)
        head = "<Dial"
        if self.caller_id is not None:
            caller_id = _phone_number(self.caller_id, "caller_id")
            object.__setattr__(self, "caller_id", caller_id)
            head += f' callerId="{caller_id}"'
        if self.anonymous is True:
            head += ' anonymous="true"'
        elif self.anonymous is False:
            head += ' anonymous="false"'
        else:
            _optional_bool(self.anonymous, "anonymous")
        for number in numbers:
            if type(number) is not str or _AS_IS.fullmatch(number) is None:
                numbers = tuple([_phone_number(n, "numbers") for n in numbers])
                break
        object.__setattr__(self, "numbers", numbers)
        object.__setattr__(
            self, "_xml", f"{head}><Number>{'</Number><Number>'.join(numbers)}</Number></Dial>"
        )

    def to_xml(self, on_data: str | None = None) -> str:
        """The ``<Dial>`` element."""
        return self._xml


@attrs.frozen(slots=True)
class SendToVoicemail(Action):
    """Send the call to the voicemail (``<Dial><Voicemail/></Dial>``)."""

    def to_xml(self, on_data: str | None = None) -> str:
        """The ``<Dial>`` element."""
        return "<Dial><Voicemail/></Dial>"


def _reject_reason(value: RejectReason | str) -> RejectReason:
    try:
        return RejectReason(value)
    except ValueError:
        allowed = ", ".join(repr(r.value) for r in RejectReason)
        raise ValidationError(
            f"reason must be one of {allowed}, got {value!r}", field="reason"
        ) from None


@attrs.frozen(slots=True)
class RejectCall(Action):
    """Reject the call (``<Reject reason=...>``), plainly or signalling busy."""

    reason: RejectReason = attrs.field(default=RejectReason.REJECTED, converter=_reject_reason)

    def to_xml(self, on_data: str | None = None) -> str:
        """The ``<Reject>`` element."""
        return f'<Reject reason="{self.reason.value}"/>'


@attrs.frozen(slots=True)
class HangUpCall(Action):
    """Hang up the call (``<Hangup/>``)."""

    def to_xml(self, on_data: str | None = None) -> str:
        """The ``<Hangup>`` element."""
        return "<Hangup/>"


def _play(url: str) -> str:
    return f"<Play><Url>{escape_text(url)}</Url></Play>"


@attrs.frozen(slots=True)
class PlayAudio(Action):
    """Play the WAV file at ``url`` (``<Play>``), then go on, or run ``follow_up``."""

    url: str
    follow_up: FollowUp | None = attrs.field(default=None, eq=False)
    _xml: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_xml", _play(absolute_url(self.url, "announcement")))

    @property
    def announcements(self) -> tuple[str, ...]:
        """The URLs of the audio files this action plays."""
        return (self.url,)

    def to_xml(self, on_data: str | None = None) -> str:
        """The ``<Play>`` element."""
        return self._xml


@attrs.frozen(slots=True)
class GatherDTMF(Action):
    """Collect up to ``max_digits`` key presses (``<Gather>``), waiting ``timeout`` ms for them.

    ``announcement`` is played first; the wait starts when it has finished. The digits
    arrive as a :class:`~sipgateio.webhook.DataEvent` at the app's ``server_address``.
    """

    max_digits: int
    timeout: int
    announcement: str | None = None
    _inner: str = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        _int_at_least(self.max_digits, 1, "max_digits")
        _int_at_least(self.timeout, 1, "timeout", " (milliseconds)")
        inner = f' maxDigits="{self.max_digits}" timeout="{self.timeout}"'
        if self.announcement is None:
            inner += "/>"
        else:
            inner += f">{_play(absolute_url(self.announcement, 'announcement'))}</Gather>"
        object.__setattr__(self, "_inner", inner)

    @property
    def announcements(self) -> tuple[str, ...]:
        """The URLs of the audio files this action plays."""
        return () if self.announcement is None else (self.announcement,)

    @property
    def needs_on_data(self) -> bool:
        """A ``Gather`` needs the ``onData`` URL."""
        return True

    def to_xml(self, on_data: str | None = None) -> str:
        """The ``<Gather>`` element; ``on_data`` (escaped) is required."""
        if on_data is None:
            raise ValidationError(
                "gather_dtmf needs the app's server_address: sipgate pushes the digits there",
                field="server_address",
            )
        return f'<Gather onData="{on_data}"{self._inner}'


def _timeout_ms(timeout: object) -> int:
    return 0 if timeout is None else _int_at_least(timeout, 0, "timeout", " (milliseconds)")


def _call_id(call_id: object) -> str:
    if not isinstance(call_id, str) or not call_id:
        raise ValidationError(f"call_id must be the event's call id, got {call_id!r}")
    return call_id


class WebhookResponse:
    """Builders of the answers a handler returns. All are static methods.

    ``WebhookResponse.hang_up_call()`` and ``WebhookResponse().hang_up_call()`` both work.
    Every duration is in milliseconds, as in the push protocol.
    """

    __slots__ = ()

    @staticmethod
    def redirect_call(
        numbers: Iterable[str], anonymous: bool | None = None, caller_id: str | None = None
    ) -> RedirectCall:
        """Redirect the call to ``numbers`` (at most 5 for an incoming call).

        Numbers as sipgate writes them (``4915799912345``, ``+4915799912345``) go out as
        they are; others are checked and normalised as every number the library sends
        (``+49 157 99912345`` → ``+4915799912345``, ``110`` as it is; letters refused).

        ``anonymous=True`` suppresses the caller's number, ``False`` shows it, ``None``
        (the default) leaves it to the account settings; ``caller_id`` sets the number shown.
        """
        return RedirectCall(_numbers(numbers), anonymous, caller_id)

    @staticmethod
    def send_to_voicemail() -> SendToVoicemail:
        """Send the call to the voicemail (the feature must be booked)."""
        return SendToVoicemail()

    @staticmethod
    def reject_call(reason: RejectReason | str = RejectReason.REJECTED) -> RejectCall:
        """Reject the call: ``RejectReason.REJECTED`` (the default) or ``RejectReason.BUSY``."""
        return RejectCall(reason)

    @staticmethod
    def play_audio(announcement: str) -> PlayAudio:
        """Play the WAV file at ``announcement`` (PCM, 16 bit, 8 kHz, mono), then go on."""
        return PlayAudio(announcement)

    @staticmethod
    def play_audio_and_hang_up(
        announcement: str, client: RtcmClient, call_id: str, timeout: int | None = None
    ) -> PlayAudio:
        """Play ``announcement``, then hang up ``call_id`` through ``client``'s RTCM API.

        The hang-up runs once the audio has played plus ``timeout`` ms, in the background:
        the answer is not delayed.
        """
        follow_up = FollowUp(client, _call_id(call_id), _timeout_ms(timeout))
        return PlayAudio(announcement, follow_up)

    @staticmethod
    def play_audio_and_transfer(
        announcement: str,
        transfer_options: TransferOptions,
        client: RtcmClient,
        call_id: str,
        timeout: int | None = None,
    ) -> PlayAudio:
        """Play ``announcement``, then transfer ``call_id`` as ``transfer_options`` say.

        The transfer runs once the audio has played plus ``timeout`` ms, in the background.
        """
        if not isinstance(transfer_options, TransferOptions):
            raise ValidationError(
                f"transfer_options must be TransferOptions, got {transfer_options!r}",
                field="transfer_options",
            )
        follow_up = FollowUp(client, _call_id(call_id), _timeout_ms(timeout), transfer_options)
        return PlayAudio(announcement, follow_up)

    @staticmethod
    def gather_dtmf(max_digits: int, timeout: int, announcement: str | None = None) -> GatherDTMF:
        """Collect up to ``max_digits`` (>= 1) digits, waiting ``timeout`` ms (>= 1) for them.

        ``announcement`` (a WAV URL) is played first; the digits arrive as a ``DataEvent``.
        """
        return GatherDTMF(max_digits, timeout, announcement)

    @staticmethod
    def hang_up_call() -> HangUpCall:
        """Hang up the call."""
        return HangUpCall()


def render(action: Action | None, head: str, on_data: str | None) -> bytes:
    """The complete answer: ``head`` is the opening ``<Response ...`` tag, unclosed."""
    if action is None:
        return (head + "/>").encode()
    return (head + ">" + action.to_xml(on_data) + "</Response>").encode()


def response_head(on_answer: str | None, on_hangup: str | None) -> str:
    """The XML declaration and the unclosed ``<Response`` tag with the follow-up URLs."""
    head = XML_DECLARATION + "<Response"
    if on_answer is not None:
        head += f' onAnswer="{escape_attribute(on_answer)}"'
    if on_hangup is not None:
        head += f' onHangup="{escape_attribute(on_hangup)}"'
    return head
