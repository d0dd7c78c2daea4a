"""Fax: send PDF documents from a fax line and follow their transmission."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs

from .._ops import Fetch, M, Op, Resource, Sleep, fetch, fetch_unless, operation
from .._read import listed, needed, open_enum, present
from .._validation import extension_id, non_empty, phone_number
from ..errors import SipgateIOError, ValidationError
from ..raw.api.faxlines import get_user_faxlines
from ..raw.api.history import get_history_by_id
from ..raw.api.sessions import send_fax
from ..raw.models import SendFaxRequest
from .history import FaxStatus
from .users import authenticated_webuser_id

if TYPE_CHECKING:
    from ..raw.models import FaxlineResponse, HistoryEntryResponse

__all__ = [
    "FaxResource",
    "FaxStatus",
    "FaxTimeoutError",
    "Faxline",
    "SendFaxSessionResponse",
]

# How often wait_for_fax polls at most, however long the fax takes.
MAX_POLL_INTERVAL = 30.0
_BACKOFF = 1.5
_monotonic = time.monotonic  # indirection: tests drive a fake clock


@attrs.frozen(slots=True)
class Faxline:
    """A fax line of a web user (``id`` like ``f0``); ``tagline`` heads outgoing pages.

    A field the API leaves out is None.
    """

    id: str
    alias: str | None
    tagline: str | None
    can_send: bool | None
    can_receive: bool | None


@attrs.frozen(slots=True)
class SendFaxSessionResponse:
    """The handle of a queued fax: ``session_id`` is also the id of its history entry."""

    session_id: str


class FaxTimeoutError(SipgateIOError, TimeoutError):
    """:meth:`FaxResource.wait_for_fax` gave up: the fax had not finished within ``timeout``.

    ``last_status`` is the status seen last (None if the history entry never appeared).
    The fax itself goes on; wait again or check later with ``get_fax_status``.
    """

    def __init__(
        self, session_id: str, timeout: float, last_status: FaxStatus | str | None
    ) -> None:
        shown = str(last_status) if last_status is not None else "no history entry yet"
        super().__init__(
            f"fax {session_id} not finished after {timeout:g} s (last status: {shown})"
        )
        self.session_id = session_id
        self.timeout = timeout
        self.last_status = last_status

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.session_id, self.timeout, self.last_status))


def _faxline(f: FaxlineResponse) -> Faxline:
    return Faxline(
        id=f.id,
        alias=present(f.alias),
        tagline=present(f.tagline) or None,
        can_send=present(f.can_send),
        can_receive=present(f.can_receive),
    )


def _faxlines(webuser_id: str) -> Op[list[Faxline]]:
    page = yield from fetch(get_user_faxlines.prepare(user_id=webuser_id))
    return [_faxline(f) for f in listed(page.items)]


def _pdf(file_content: object) -> bytes:
    if not isinstance(file_content, (bytes, bytearray, memoryview)):
        raise ValidationError(
            f"file_content must be the bytes of a PDF document, got {type(file_content).__name__}",
            field="file_content",
        )
    content = bytes(file_content)
    if not content.startswith(b"%PDF-") or b"%%EOF" not in content:
        start = content[:8]
        raise ValidationError(
            f"file_content must be a PDF document (starting with %PDF- and containing %%EOF), "
            f"got {len(content)} bytes starting with {start!r}",
            field="file_content",
        )
    return content


def _filename(filename: object) -> str:
    """The document name the history shows: ``filename`` with ``.pdf``, or a timestamped one."""
    if filename is None:
        return datetime.now(UTC).strftime("Fax_%Y-%m-%d_%H-%M-%S.pdf")
    name = non_empty(filename, "filename").strip()
    if "/" in name or "\\" in name:
        raise ValidationError(
            f"filename must be a plain file name without directories, got {filename!r}",
            field="filename",
        )
    return name if name.lower().endswith(".pdf") else name + ".pdf"


def _sending_faxline() -> Op[str]:
    webuser_id = yield from authenticated_webuser_id()
    for line in (yield from _faxlines(webuser_id)):
        # Choosing a line needs to know whether it can send.
        if needed(line.can_send, get_user_faxlines.OPERATION, "items[].canSend"):
            return line.id
    raise ValidationError(
        f"web user {webuser_id} has no fax line that can send; pass faxline_id",
        field="faxline_id",
    )


def _session_id(value: object) -> str:
    return non_empty(value, "session_id").strip()


def _status_call(session_id: str) -> Fetch[HistoryEntryResponse | None]:
    """The fax's history entry; None while it does not exist yet (404 right after sending)."""
    return fetch_unless(get_history_by_id.prepare(entry_id=session_id), frozenset({404}))


def _status_of(session_id: str, entry: HistoryEntryResponse) -> FaxStatus | str:
    """The fax status of ``entry``: a :class:`FaxStatus`, or the API's word for a new one."""
    op = get_history_by_id.OPERATION
    kind = str(needed(entry.type_, op, "type"))
    if kind != "FAX":
        raise ValidationError(
            f"session_id {session_id!r} is a {kind} history entry, not a fax",
            field="session_id",
        )
    status = open_enum(FaxStatus, needed(entry.fax_status_type, op, "faxStatusType"))
    assert status is not None
    return status


def _is_final(status: FaxStatus | str | None) -> bool:
    return isinstance(status, FaxStatus) and status.is_final


def _positive(value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValidationError(
            f"{field} must be a positive number of seconds, got {value!r}", field=field
        )
    return float(value)


class FaxResource(Resource[M]):
    """Send faxes and follow their status: ``client.fax``."""

    __slots__ = ()

    @operation
    def send(
        self,
        *,
        to: str,
        file_content: bytes,
        filename: str | None = None,
        faxline_id: str | None = None,
    ) -> Op[SendFaxSessionResponse]:
        """Send the PDF document ``file_content`` to the fax number ``to``.

        ``to`` is a fax number: with country code it is sent in E.164, without as its
        digits; only what cannot be a number is refused (see
        :func:`sipgateio._validation.phone_number`). ``filename`` is the
        name shown in the history (``.pdf`` is appended if missing; default
        ``Fax_<UTC date and time>.pdf``). ``faxline_id`` (``f0``) defaults to the first
        fax line of the authenticated user that can send (two extra requests).

        Returns the session id, which is also the id of the fax's history entry: pass it
        to :meth:`get_fax_status` or :meth:`wait_for_fax`. The document is checked to be
        a PDF (``%PDF-`` ... ``%%EOF``) before anything is sent.
        """
        recipient = phone_number(to, "to")
        content = _pdf(file_content)
        name = _filename(filename)
        if faxline_id is None:
            line = yield from _sending_faxline()
        else:
            line = extension_id(faxline_id, "faxline_id", "f")
        body = SendFaxRequest(
            faxline_id=line,
            recipient=recipient,
            filename=name,
            base_64_content=base64.b64encode(content).decode("ascii"),
        )
        response = yield from fetch(send_fax.prepare(body=body))
        return SendFaxSessionResponse(session_id=response.session_id)

    @operation
    def get_fax_status(self, session_id: str) -> Op[FaxStatus | str]:
        """The transmission status of the fax ``session_id`` (GET /history/{id}).

        A status this release does not know arrives as the API's word (a ``str``).
        Raises :class:`~sipgateio.ValidationError` when the entry is not a fax and
        :class:`~sipgateio.NotFoundError` when there is no such entry.
        """
        sid = _session_id(session_id)
        entry = yield from fetch(get_history_by_id.prepare(entry_id=sid))
        return _status_of(sid, entry)

    @operation
    def wait_for_fax(
        self, session_id: str, *, timeout: float = 600.0, poll_interval: float = 5.0
    ) -> Op[FaxStatus | str]:
        """Poll the fax ``session_id`` until it is SENT or FAILED; return that status.

        PENDING, SENDING and SCHEDULED count as not finished (a scheduled fax keeps
        waiting until it has gone out or ``timeout`` ends). The first poll is at once;
        then the pause starts at ``poll_interval`` seconds and grows by half each time
        up to 30 s, so long transmissions cost few requests. A history entry that does
        not exist yet (404 right after sending), or a status this release does not know,
        counts as not finished. Waits with
        ``time.sleep`` on :class:`~sipgateio.SipgateIO` and ``asyncio.sleep`` on
        :class:`~sipgateio.AsyncSipgateIO`.

        Raises :class:`FaxTimeoutError` (a ``TimeoutError``) after ``timeout`` seconds;
        a FAILED fax is returned, not raised.
        """
        sid = _session_id(session_id)
        limit = _positive(timeout, "timeout")
        pause = _positive(poll_interval, "poll_interval")
        deadline = _monotonic() + limit
        last: FaxStatus | str | None = None
        while True:
            entry = yield from _status_call(sid)
            if entry is not None:
                last = _status_of(sid, entry)
                if _is_final(last):
                    return last
            remaining = deadline - _monotonic()
            if remaining <= 0:
                raise FaxTimeoutError(sid, limit, last)
            yield Sleep(min(pause, remaining))
            pause = min(pause * _BACKOFF, MAX_POLL_INTERVAL)

    @operation
    def get_faxlines(self) -> Op[list[Faxline]]:
        """The fax lines of the authenticated web user."""
        webuser_id = yield from authenticated_webuser_id()
        return (yield from _faxlines(webuser_id))

    @operation
    def get_faxlines_by_web_user(self, webuser_id: str) -> Op[list[Faxline]]:
        """The fax lines of the web user ``webuser_id`` (``w0``), GET /{userId}/faxlines."""
        return (yield from _faxlines(extension_id(webuser_id, "webuser_id", "w")))
