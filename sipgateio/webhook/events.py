"""The four events of sipgate's push API, as typed, immutable objects.

sipgate POSTs a form for every event of a call: ``newCall`` when it rings, ``answer``
and ``hangup`` when the answer to ``newCall`` subscribed to them, and ``dtmf`` with the
digits a ``Gather`` collected. :func:`event_from_form` turns a decoded form into one of
:class:`NewCallEvent`, :class:`AnswerEvent`, :class:`HangUpEvent` or :class:`DataEvent`.

Phone numbers arrive without their leading ``+`` (``492111234567``); the events carry
them with it (``+492111234567``), except the literal ``anonymous`` of a suppressed number.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

import attrs

from .form import Form, FormError

__all__ = [
    "AnswerEvent",
    "CallEvent",
    "DataEvent",
    "Direction",
    "Event",
    "EventType",
    "HangUpCause",
    "HangUpEvent",
    "NewCallEvent",
    "event_from_form",
]

ANONYMOUS = "anonymous"


class EventType(enum.StrEnum):
    """The ``event`` field of a push."""

    NEW_CALL = "newCall"
    ANSWER = "answer"
    HANGUP = "hangup"
    DATA = "dtmf"


class Direction(enum.StrEnum):
    """Whether a call comes in to the account or goes out of it."""

    IN = "in"
    OUT = "out"


class HangUpCause(enum.StrEnum):
    """Why a call ended (the ``cause`` of a hangup event)."""

    NORMAL_CLEARING = "normalClearing"
    """One of the participants hung up after the call was established."""
    BUSY = "busy"
    """The called party was busy."""
    CANCEL = "cancel"
    """The caller hung up before the called party picked up."""
    NO_ANSWER = "noAnswer"
    """The called party rejected the call (e.g. through a do-not-disturb setting)."""
    CONGESTION = "congestion"
    """The called party could not be reached."""
    NOT_FOUND = "notFound"
    """The called number does not exist or the called party is offline."""
    FORWARDED = "forwarded"
    """The call was forwarded to a different party."""


@attrs.frozen(slots=True)
class CallEvent:
    """The fields every call event (new call, answer, hang-up) carries.

    ``from_`` and ``to`` are the calling and the called number (``"anonymous"`` for a
    suppressed one), ``call_id`` matches the events of one call, ``original_call_id``
    (``origCallId``) matches them across transfers, ``xcid`` is another call identifier
    and ``diversion`` the originally dialled number when the call was diverted before it
    reached sipgate. Optional fields are ``None`` when the push leaves them out.
    """

    from_: str
    to: str
    direction: Direction
    call_id: str
    original_call_id: str | None = None
    xcid: str | None = None
    diversion: str | None = None


@attrs.frozen(slots=True)
class NewCallEvent(CallEvent):
    """A call is ringing (``event=newCall``); the answer to it may steer the call.

    ``users``, ``user_ids`` and ``full_user_ids`` (``user[]``, ``userId[]``,
    ``fullUserId[]``) list the sipgate users involved: the caller of an outgoing call,
    every user an incoming call rings at.
    """

    users: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    user_ids: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    full_user_ids: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    event: EventType = attrs.field(default=EventType.NEW_CALL, init=False)


@attrs.frozen(slots=True)
class AnswerEvent(CallEvent):
    """The call was answered (``event=answer``); sipgate ignores the reply to it.

    ``answering_number`` is the destination that answered (useful after redirecting to
    several numbers); ``users`` names the user who answered an incoming call.
    """

    users: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    user_ids: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    full_user_ids: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    answering_number: str | None = attrs.field(default=None, kw_only=True)
    event: EventType = attrs.field(default=EventType.ANSWER, init=False)


@attrs.frozen(slots=True)
class HangUpEvent(CallEvent):
    """The call ended (``event=hangup``) for the reason in ``cause``; sipgate ignores the reply."""

    cause: HangUpCause | str = attrs.field(kw_only=True)
    """A :class:`HangUpCause`; a cause this library does not know yet stays a plain string."""
    answering_number: str | None = attrs.field(default=None, kw_only=True)
    event: EventType = attrs.field(default=EventType.HANGUP, init=False)


@attrs.frozen(slots=True, kw_only=True)
class DataEvent:
    """The digits a ``Gather`` collected (``event=dtmf``); ``dtmf`` is ``""`` when none came.

    The reply to it may steer the call like the reply to a :class:`NewCallEvent`.
    """

    call_id: str
    dtmf: str = ""
    original_call_id: str | None = None
    event: EventType = attrs.field(default=EventType.DATA, init=False)


Event = NewCallEvent | AnswerEvent | HangUpEvent | DataEvent
"""Any of the four push events."""


def _number(value: str) -> str:
    if not value or value == ANONYMOUS or value[0] == "+":
        return value
    return "+" + value


_DIRECTIONS = {d.value: d for d in Direction}


def _required(fields: dict[str, str], key: str) -> str:
    value = fields.get(key)
    if value is None:
        raise FormError(f"the field {key!r} is missing")
    return value


def _call(f: dict[str, str]) -> tuple[str, str, Direction, str, str | None, str | None, str | None]:
    """The fields of :class:`CallEvent`, in order."""
    try:
        from_, to, direction_name, call_id = f["from"], f["to"], f["direction"], f["callId"]
    except KeyError as exc:
        raise FormError(f"the field {exc.args[0]!r} is missing") from None
    direction = _DIRECTIONS.get(direction_name)
    if direction is None:
        raise FormError(f"direction must be 'in' or 'out', got {direction_name!r}")
    diversion = f.get("diversion")
    return (
        _number(from_),
        _number(to),
        direction,
        call_id,
        f.get("origCallId"),
        f.get("xcid"),
        None if diversion is None else _number(diversion),
    )


def _users(form: Form, name: str, array: str) -> tuple[str, ...]:
    # The protocol sends ``user[]`` on newCall and a single ``user`` on answer: take both.
    values = form.arrays.get(array)
    single = form.fields.get(name)
    if values is None:
        return () if single is None else (single,)
    return tuple(values) if single is None else (*values, single)


def _new_call(form: Form) -> NewCallEvent:
    return NewCallEvent(
        *_call(form.fields),
        users=_users(form, "user", "user[]"),
        user_ids=_users(form, "userId", "userId[]"),
        full_user_ids=_users(form, "fullUserId", "fullUserId[]"),
    )


def _answering_number(f: dict[str, str]) -> str | None:
    value = f.get("answeringNumber")
    return None if value is None else _number(value)


def _answer(form: Form) -> AnswerEvent:
    return AnswerEvent(
        *_call(form.fields),
        users=_users(form, "user", "user[]"),
        user_ids=_users(form, "userId", "userId[]"),
        full_user_ids=_users(form, "fullUserId", "fullUserId[]"),
        answering_number=_answering_number(form.fields),
    )


def _hang_up(form: Form) -> HangUpEvent:
    cause = _required(form.fields, "cause")
    try:
        hang_up_cause: HangUpCause | str = HangUpCause(cause)
    except ValueError:
        # A cause sipgate adds later must not cost the app its hangup event.
        hang_up_cause = cause
    return HangUpEvent(
        *_call(form.fields),
        cause=hang_up_cause,
        answering_number=_answering_number(form.fields),
    )


def _data(form: Form) -> DataEvent:
    f = form.fields
    return DataEvent(
        call_id=_required(f, "callId"),
        dtmf=f.get("dtmf", ""),
        original_call_id=f.get("origCallId"),
    )


_BUILDERS: dict[str, tuple[EventType, Callable[[Form], Event]]] = {
    EventType.NEW_CALL.value: (EventType.NEW_CALL, _new_call),
    EventType.ANSWER.value: (EventType.ANSWER, _answer),
    EventType.HANGUP.value: (EventType.HANGUP, _hang_up),
    EventType.DATA.value: (EventType.DATA, _data),
}


def event_type_of(form: Form) -> EventType:
    """The type named by the form's ``event`` field, or :class:`FormError`."""
    name = _required(form.fields, "event")
    entry = _BUILDERS.get(name)
    if entry is None:
        raise FormError(f"unknown event {name!r}")
    return entry[0]


def event_from_form(form: Form) -> Event:
    """Build the event a decoded push form describes, or raise :class:`FormError`.

    The ``event`` field picks the type; a missing required field, an unknown event or
    direction is an error. An unknown hang-up cause is kept as a string, and fields
    the protocol may add later are ignored.
    """
    return _BUILDERS[event_type_of(form).value][1](form)
