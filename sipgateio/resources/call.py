"""Calls: start a click-to-dial call, and read calls, active or finished, as one model.

sipgate keeps what it knows about a call in two places: Real Time Call Manipulation
(``GET /calls``) lists the calls that are established right now, and the history
(``GET /history``, entries of type CALL) records calls once they are over. A
:class:`Call` is built from whichever of the two knows the call; see
:meth:`CallResource.get` for how a call is found and :class:`CallState` for how its
state follows from the API's fields.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from .._ops import (
    Emit,
    M,
    Op,
    Resource,
    Stream,
    check_page_size,
    check_pagination,
    fetch,
    item_stream,
    operation,
)
from .._read import listed, missing
from .._validation import (
    aware_datetime,
    extension_id,
    filter_number,
    is_extension,
    items,
    non_empty,
    phone_number,
    same_number,
)
from ..errors import NotFoundError, UnexpectedResponseError, ValidationError
from ..pagination import Page, Pagination
from ..raw import models as raw
from ..raw.api.history import get_history
from ..raw.api.rtcm import get_calls
from ..raw.api.sessions import new_call
from ..raw.models import NewCallRequest
from ..raw.types import UNSET, Unset
from .history import (
    MAX_PAGE_SIZE,
    CallHistoryEntry,
    CallRecording,
    CallStatusType,
    HistoryDirection,
    HistoryEntry,
    HistoryEntryStatus,
    _collect,
    _entries,
)
from .rtcm import RTCMCall, RTCMParticipant, _rtcm_call

__all__ = [
    "CALL_EXTENSION_TYPES",
    "Call",
    "CallDirection",
    "CallNotFoundError",
    "CallResource",
    "CallState",
    "InitiateNewCallSessionResponse",
]

T = TypeVar("T")
U = TypeVar("U")

CALL_EXTENSION_TYPES = "epxy"
"""Extensions that can place a call: e (VoIP phone), p (phoneline), x (external), y (mobile)."""


@attrs.frozen(slots=True)
class InitiateNewCallSessionResponse:
    """The handle of a call being set up."""

    session_id: str


# -- the call model -------------------------------------------------------------------------


class CallState(enum.StrEnum):
    """Where a call stands, as the API's own fields say (never inferred from anything else).

    ========== =============================================================================
    ACTIVE     listed by ``GET /calls`` (established now), not on hold
    ON_HOLD    listed by ``GET /calls`` with ``hold`` set
    COMPLETED  history: ``callStatus`` SUCCESS; without a ``callStatus``, ``status`` PICKUP
    MISSED     history: ``callStatus`` MISSED; without one, a MISSED_* ``direction`` or
               ``status`` NOPICKUP
    BUSY       history: ``callStatus`` BUSY or BUSY_ON_BUSY; without one, ``status`` BUSY
    REJECTED   history: ``callStatus`` REJECTED or REJECTED_DND (do not disturb)
    VOICEMAIL  history: ``callStatus`` VOICEMAIL_NO_MESSAGE (went to voicemail, no message)
    FAILED     history: ``callStatus`` FAILURE
    FORWARDED  history: no ``callStatus``, ``status`` FORWARD
    ========== =============================================================================

    ``callStatus`` is the most specific fact and decides when present; the history entry
    keeps every field as sent (:attr:`Call.history_entry`).
    """

    ACTIVE = "ACTIVE"
    ON_HOLD = "ON_HOLD"
    COMPLETED = "COMPLETED"
    MISSED = "MISSED"
    BUSY = "BUSY"
    REJECTED = "REJECTED"
    VOICEMAIL = "VOICEMAIL"
    FAILED = "FAILED"
    FORWARDED = "FORWARDED"

    @property
    def is_active(self) -> bool:
        """True while the call is established (ACTIVE or ON_HOLD)."""
        return self in _ACTIVE_STATES


_ACTIVE_STATES = frozenset({CallState.ACTIVE, CallState.ON_HOLD})

_BY_CALL_STATUS = {
    CallStatusType.SUCCESS: CallState.COMPLETED,
    CallStatusType.MISSED: CallState.MISSED,
    CallStatusType.BUSY: CallState.BUSY,
    CallStatusType.BUSY_ON_BUSY: CallState.BUSY,
    CallStatusType.REJECTED: CallState.REJECTED,
    CallStatusType.REJECTED_DND: CallState.REJECTED,
    CallStatusType.VOICEMAIL_NO_MESSAGE: CallState.VOICEMAIL,
    CallStatusType.FAILURE: CallState.FAILED,
}

_BY_STATUS = {
    HistoryEntryStatus.PICKUP: CallState.COMPLETED,
    HistoryEntryStatus.NOPICKUP: CallState.MISSED,
    HistoryEntryStatus.BUSY: CallState.BUSY,
    HistoryEntryStatus.FORWARD: CallState.FORWARDED,
}


class CallDirection(enum.StrEnum):
    """Whether a call came in to the account or went out of it."""

    INCOMING = "INCOMING"
    OUTGOING = "OUTGOING"


_HISTORY_DIRECTIONS = {
    CallDirection.INCOMING: (HistoryDirection.INCOMING, HistoryDirection.MISSED_INCOMING),
    CallDirection.OUTGOING: (HistoryDirection.OUTGOING, HistoryDirection.MISSED_OUTGOING),
}
_MISSED = frozenset({HistoryDirection.MISSED_INCOMING, HistoryDirection.MISSED_OUTGOING})


@attrs.frozen(slots=True, kw_only=True)
class Call:
    """A call, active (from ``GET /calls``) or finished (from the history).

    * ``id``: the call id (the one webhooks, ``initiate`` follow-ups and RTCM use). A
      history entry without a ``callId`` gives a call with ``id`` None.
    * ``state``: see :class:`CallState`; ``state.is_active`` tells the two sources apart.
    * ``direction``, ``from_``, ``to``: from the history entry (``from_``/``to`` are its
      ``source``/``target`` as sent: numbers, extensions or ``anonymous``). RTCM does not
      report them, so they are None while a call is active; ``participants`` then lists
      its parties.
    * ``start_time``: the history's ``created``, the time the call is recorded at;
      ``duration`` in seconds; ``end_time`` is ``start_time + duration`` (None unless
      both are known). Neither source reports when a call was answered.
    * ``recording``, ``muted``, ``hold``: RTCM's flags while active (False once over);
      ``recordings``: the history's recordings of a finished call.
    * ``history_entry_id`` / ``history_entry``, ``rtcm_call``: the source record,
      with every field the API sent.
    """

    id: str | None
    state: CallState
    direction: CallDirection | None = None
    from_: str | None = None
    to: str | None = None
    start_time: dt.datetime | None = None
    end_time: dt.datetime | None = None
    duration: int | None = None
    participants: tuple[RTCMParticipant, ...] = ()
    recording: bool = False
    muted: bool = False
    hold: bool = False
    recordings: tuple[CallRecording, ...] = ()
    history_entry: CallHistoryEntry | None = None
    rtcm_call: RTCMCall | None = None

    @property
    def history_entry_id(self) -> str | None:
        """The id of the call's history entry (for ``client.history``), once it is over."""
        return None if self.history_entry is None else self.history_entry.id


def _active_call(c: RTCMCall) -> Call:
    return Call(
        id=c.call_id,
        state=CallState.ON_HOLD if c.hold else CallState.ACTIVE,
        participants=c.participants,
        recording=bool(c.recording),
        muted=bool(c.muted),
        hold=bool(c.hold),
        rtcm_call=c,
    )


def _finished_state(e: CallHistoryEntry) -> CallState:
    if isinstance(e.call_status, CallStatusType):
        return _BY_CALL_STATUS[e.call_status]
    if e.call_status is not None:  # a callStatus this release does not know: no guessing
        raise UnexpectedResponseError(
            f"{get_history.OPERATION}: callStatus {e.call_status!r} of call {e.call_id!r} "
            "is not one this release knows; a newer sipgateio may"
        )
    if e.direction in _MISSED:
        return CallState.MISSED
    if isinstance(e.status, HistoryEntryStatus):
        return _BY_STATUS[e.status]
    # Never inferred: without a callStatus or status this release knows, there is no state.
    raise missing(get_history.OPERATION, "callStatus (or status)")


def _finished_call(e: CallHistoryEntry) -> Call:
    incoming = e.direction in _HISTORY_DIRECTIONS[CallDirection.INCOMING]
    end = (
        None
        if e.duration is None or e.created is None
        else e.created + dt.timedelta(seconds=e.duration)
    )
    return Call(
        id=e.call_id,
        state=_finished_state(e),
        direction=CallDirection.INCOMING if incoming else CallDirection.OUTGOING,
        from_=e.source,
        to=e.target,
        start_time=e.created,
        end_time=end,
        duration=e.duration,
        recordings=e.recordings,
        history_entry=e,
    )


class CallNotFoundError(NotFoundError):
    """Neither ``GET /calls`` nor the call history knows the call id.

    A call still ringing is in neither; one that has just ended may take a moment to
    reach the history.
    """

    def __init__(self, call_id: str) -> None:
        self.call_id = call_id
        super().__init__(status_code=404, method="GET", url="/calls, /history", body="")

    def _message(self) -> str:
        return (
            f"call {self.call_id!r} is neither established (GET /calls) nor in the call "
            "history (GET /history, type CALL)"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (CallNotFoundError, (self.call_id,))


# -- filters --------------------------------------------------------------------------------


def _members(cls: type[Any], value: object, field: str) -> frozenset[Any]:
    """One member of ``cls`` (or its value) or an iterable of them, as a set."""
    many = items(value, field) if not isinstance(value, (str, enum.Enum)) else (value,)
    try:
        return frozenset(cls(v) for v in many)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise ValidationError(
            f"{field} must be one of {allowed} (or a list of them), got {value!r}", field=field
        ) from None


def _aware(value: object, field: str) -> dt.datetime | None:
    return None if value is None else aware_datetime(value, field)


def _on_side(given: str, this: str | None, other: str | None, api_matched: bool) -> bool:
    """Whether the ``given`` number of a filter is on ``this`` side of a call.

    Found there (see :func:`~sipgateio._validation.same_number`), it is. Where the API
    already found the number on the call (its ``phonenumber`` filter matches either side),
    the call is left out only when the number is found on the ``other`` side instead: a
    form the library cannot compare (an extension, a spelling the API keeps) never drops
    what the API answered.
    """
    if this and same_number(given, this):
        return True
    return api_matched and not (other and same_number(given, other))


@attrs.frozen(slots=True)
class _CallFilter:
    """The checked filters of :meth:`CallResource.list` and what they select."""

    from_: str | None = None
    to: str | None = None
    directions: frozenset[CallDirection] = frozenset()
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    states: frozenset[CallState] = frozenset()

    @classmethod
    def check(
        cls,
        from_: object,
        to: object,
        direction: object,
        start: object,
        end: object,
        state: object,
    ) -> _CallFilter:
        begin, finish = _aware(start, "start"), _aware(end, "end")
        if begin is not None and finish is not None and begin > finish:
            raise ValidationError(
                f"start must not be after end, got {begin.isoformat()} > {finish.isoformat()}",
                field="start",
            )
        return cls(
            from_=None if from_ is None else filter_number(from_, "from_"),
            to=None if to is None else filter_number(to, "to"),
            directions=frozenset()
            if direction is None
            else _members(CallDirection, direction, "direction"),
            start=begin,
            end=finish,
            states=frozenset() if state is None else _members(CallState, state, "state"),
        )

    def wants(self, state: CallState) -> bool:
        return not self.states or state in self.states

    def reads_active(self) -> bool:
        """Whether an established call can match: RTCM reports no numbers, direction, start."""
        now = dt.datetime.now(dt.UTC)
        return (
            self.from_ is None
            and self.to is None
            and not self.directions
            and (self.start is None or self.start <= now)
            and (self.end is None or self.end >= now)
            and any(self.wants(s) for s in _ACTIVE_STATES)
        )

    def reads_history(self) -> bool:
        return any(self.wants(s) for s in CallState if not s.is_active)

    def history_query(self) -> dict[str, Any]:
        """The ``GET /history`` parameters that narrow the walk on the server."""
        q: dict[str, Any] = {"types": [raw.GetHistoryTypesItem.CALL]}
        if self.directions:
            q["directions"] = [
                raw.GetHistoryDirectionsItem(d.value)
                for direction in sorted(self.directions)
                for d in _HISTORY_DIRECTIONS[direction]
            ]
        if self.start is not None:
            q["from_"] = self.start
        if self.end is not None:
            q["to"] = self.end
        number = self.from_ if self.from_ is not None else self.to
        if number is not None:
            q["phonenumber"] = number
        return q

    def matches(self, c: Call) -> bool:
        """The filters the server cannot apply (or applies more loosely), checked here."""
        if not self.wants(c.state):
            return False
        if c.state.is_active:
            return True  # reads_active() already held for it
        # history_query() sends from_ (else to) as phonenumber: the API found that one
        if self.from_ is not None and not _on_side(self.from_, c.from_, c.to, True):
            return False
        if self.to is not None and not _on_side(self.to, c.to, c.from_, self.from_ is None):
            return False
        if self.directions and c.direction not in self.directions:
            return False
        if self.start is None and self.end is None:
            return True
        start = c.start_time
        return start is not None and (
            (self.start is None or start >= self.start) and (self.end is None or start <= self.end)
        )


def _relay(stream: Stream[T], keep: Callable[[T], U | None], limit: int | None = None) -> Stream[U]:
    """``stream``'s requests passed on, its items through ``keep`` (None drops one).

    Stops, reading no further page, once ``limit`` items were kept.
    """
    kept = 0
    reply: Any = None
    with contextlib.closing(stream):
        while limit is None or kept < limit:
            try:
                out = stream.send(reply)
            except StopIteration:
                return
            if isinstance(out, Emit):
                reply = None
                item = keep(out.item)
                if item is not None:
                    kept += 1
                    yield Emit(item)
            else:
                reply = yield out


def _window(stream: Stream[T], offset: int, limit: int | None) -> Stream[T]:
    """The items of ``stream`` after the first ``offset``, at most ``limit``."""
    skipped = 0

    def keep(item: T) -> T | None:
        nonlocal skipped
        if skipped < offset:
            skipped += 1
            return None
        return item

    return _relay(stream, keep, limit)


def _history_calls(query: dict[str, Any], page_size: int) -> Stream[Call]:
    """The history's CALL entries for ``query`` as calls, newest first."""

    def keep(entry: HistoryEntry) -> Call | None:
        return _finished_call(entry) if isinstance(entry, CallHistoryEntry) else None

    return _relay(_entries(query, Pagination(), page_size), keep)


def _calls(flt: _CallFilter, page_size: int) -> Stream[Call]:
    """Every call the filter selects: established ones first, then the history's, newest first.

    ``GET /calls`` is read first. A call it lists that the history already records too
    is given once, as active (the state :meth:`CallResource.get` reports for it as well,
    until RTCM drops it).
    """
    active: set[str | None] = set()
    if flt.reads_active():
        established = yield from fetch(get_calls.prepare())
        for c in listed(established.data):
            found = _active_call(_rtcm_call(c))
            active.add(found.id)
            if flt.matches(found):
                yield Emit(found)
    if flt.reads_history():

        def keep(c: Call) -> Call | None:
            return c if (c.id is None or c.id not in active) and flt.matches(c) else None

        yield from _relay(_history_calls(flt.history_query(), page_size), keep)


def _page_size(slice_: Pagination) -> int:
    """History entries a request asks for: enough for a small slice in one, at most 1000."""
    if slice_.limit is None:
        return MAX_PAGE_SIZE
    return min(MAX_PAGE_SIZE, slice_.offset + slice_.limit + 1)


def _find(call_id: str, since: dt.datetime | None) -> Op[Call]:
    """The call ``call_id``: established (``GET /calls``), else finished (the history)."""
    established = yield from fetch(get_calls.prepare())
    for c in listed(established.data):
        if c.call_id == call_id:
            return _active_call(_rtcm_call(c))
    query: dict[str, Any] = {"types": [raw.GetHistoryTypesItem.CALL]}
    if since is not None:
        query["from_"] = since
    matching = _relay(
        _history_calls(query, MAX_PAGE_SIZE), lambda c: c if c.id == call_id else None, 1
    )
    found = yield from _collect(matching)
    if not found:
        raise CallNotFoundError(call_id)
    return found[0]


def _caller(from_: object) -> tuple[str, bool]:
    """``from_`` normalised, and whether it is an extension (else a phone number)."""
    if isinstance(from_, str) and is_extension(from_.strip()):
        return extension_id(from_.strip(), "from_", CALL_EXTENSION_TYPES), True
    try:
        return phone_number(from_, "from_"), False
    except ValidationError as exc:
        raise ValidationError(
            f"from_ must be an extension of type e, p, x or y (e.g. 'e14', 'p0') or a phone "
            f"number (e.g. '+4921100000000'); as a number, {exc}",
            field="from_",
        ) from None


class CallResource(Resource[M]):
    """Start calls and read them, active or finished: ``client.call``."""

    __slots__ = ()

    @operation
    def get(self, call_id: str, *, since: dt.datetime | None = None) -> Op[Call]:
        """The call ``call_id``, active or finished.

        First ``GET /calls``: a call established right now comes back as ACTIVE or ON_HOLD
        with its participants and flags. Otherwise the history's CALL entries are searched,
        newest first, for the entry whose ``callId`` is ``call_id`` (the history cannot be
        asked for a call id, so this walks it page by page, 1000 entries a request; pass
        ``since``, a timezone-aware time before the call started, to search only the
        entries from then on). A call that moves from active to finished is found in one
        place or the other, never in neither once its history entry exists.

        Raises :class:`CallNotFoundError` (a ``NotFoundError``) when neither knows the id:
        a call still ringing is not established yet, and one that ended a moment ago may
        not be in the history yet; history entries without a ``callId`` cannot be found.
        """
        wanted = non_empty(call_id, "call_id")
        return (yield from _find(wanted, _aware(since, "since")))

    @operation
    def list(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        direction: CallDirection | str | Iterable[CallDirection | str] | None = None,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        state: CallState | str | Iterable[CallState | str] | None = None,
        pagination: Pagination | None = None,
    ) -> Op[list[Call]]:
        """Calls, active ones first, then finished ones newest first.

        Filters (unset ones do not filter; set ones combine with AND):

        * ``from_`` / ``to``: the call's ``source`` / ``target`` in the history is this
          number (compared as given and in E.164), sent to the API as ``phonenumber``.
        * ``direction``: :class:`CallDirection` (or a list): INCOMING includes missed
          incoming calls, OUTGOING missed outgoing ones.
        * ``start`` / ``end``: timezone-aware bounds of ``start_time``; an active call
          counts as happening now.
        * ``state``: one :class:`CallState` or a list of them.

        RTCM reports no numbers, direction or start for an established call: with
        ``from_``, ``to`` or ``direction`` set, or a time range that excludes now, only
        finished calls are listed. Archived history entries are included.
        ``pagination`` selects a slice of the result (``Pagination(offset, limit)``); by
        default every matching call is read, page by page (:meth:`iter_calls` does so
        lazily).
        """
        flt = _CallFilter.check(from_, to, direction, start, end, state)
        slice_ = check_pagination(pagination)
        stream = _window(_calls(flt, _page_size(slice_)), slice_.offset, slice_.limit)
        return (yield from _collect(stream))

    @operation
    def paginated_list(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        direction: CallDirection | str | Iterable[CallDirection | str] | None = None,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        state: CallState | str | Iterable[CallState | str] | None = None,
        pagination: Pagination | None = None,
    ) -> Op[Page[builtins.list[Call]]]:
        """:meth:`list` as a :class:`~sipgateio.Page`: the slice and whether calls follow it."""
        flt = _CallFilter.check(from_, to, direction, start, end, state)
        slice_ = check_pagination(pagination)
        more = None if slice_.limit is None else slice_.limit + 1
        found = yield from _collect(_window(_calls(flt, _page_size(slice_)), slice_.offset, more))
        if slice_.limit is not None and len(found) > slice_.limit:
            return Page(found[: slice_.limit], True)
        return Page(found, False)

    @item_stream
    def iter_calls(
        self,
        *,
        from_: str | None = None,
        to: str | None = None,
        direction: CallDirection | str | Iterable[CallDirection | str] | None = None,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        state: CallState | str | Iterable[CallState | str] | None = None,
        page_size: int = MAX_PAGE_SIZE,
    ) -> Stream[Call]:
        """Iterate over the calls :meth:`list` selects, fetching lazily.

        History pages of ``page_size`` entries (1 to 1000) are requested as the
        iteration reaches them; one page is held in memory at a time.
        """
        flt = _CallFilter.check(from_, to, direction, start, end, state)
        yield from _calls(flt, check_page_size(page_size, MAX_PAGE_SIZE))

    @operation
    def initiate(
        self,
        *,
        to: str,
        from_: str,
        caller_id: str | None = None,
        device_id: str | None = None,
    ) -> Op[InitiateNewCallSessionResponse]:
        """Ring ``from_`` and, once it picks up, call ``to`` (POST /sessions/calls).

        Valid combinations (``to`` is always a phone number):

        ==========  ===========  ===========  ===========
        ``to``      ``from_``    caller_id    device_id
        ==========  ===========  ===========  ===========
        number      extension    --           --
        number      extension    number       --
        number      extension    number       extension
        number      extension    --           extension
        number      number       --           extension
        number      number       number       extension
        ==========  ===========  ===========  ===========

        Extensions are of type e (VoIP phone), p (phoneline), x (external phone) or
        y (mobile). Numbers with country code are sent in E.164, others as their digits
        (``110``); only what cannot be a number is refused (letters, an impossible length,
        see :func:`sipgateio._validation.phone_number`). ``device_id`` is
        required when ``from_`` is a number (a group's number, say): it is billed and,
        without ``caller_id``, its number is shown. The number shown to the callee is
        ``caller_id``, else the device's number, else that of the ``from_`` extension.
        """
        callee = phone_number(to, "to")
        caller, caller_is_extension = _caller(from_)
        shown: str | Unset = UNSET if caller_id is None else phone_number(caller_id, "caller_id")
        device: str | Unset
        if device_id is not None:
            device = extension_id(device_id, "device_id", CALL_EXTENSION_TYPES)
        elif caller_is_extension:
            device = UNSET
        else:
            raise ValidationError(
                f"device_id is required when from_ is a phone number ({caller}): name the "
                f"device (e.g. 'e14') that places and pays for the call",
                field="device_id",
            )
        body = NewCallRequest(caller=caller, callee=callee, caller_id=shown, device_id=device)
        response = yield from fetch(new_call.prepare(body=body))
        return InitiateNewCallSessionResponse(session_id=response.session_id)
