"""The event history: calls, voicemails, SMS and faxes. Read, walk, change, delete, export.

Entries come back as the subclass of :class:`HistoryEntry` for their type
(:class:`CallHistoryEntry`, :class:`VoicemailHistoryEntry`, :class:`SmsHistoryEntry`,
:class:`FaxHistoryEntry`). :func:`entry_by_id` is the shared sub-step other resources use
(the fax status is the ``fax_status`` of a fax's history entry).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import quote

import attrs

from .._batch import BulkError, OnDemand, Progress, check_concurrency, check_progress, tally
from .._ops import (
    Batch,
    Call,
    Emit,
    M,
    Op,
    Resource,
    Stream,
    check_page_size,
    check_pagination,
    fetch,
    fetch_body,
    item_stream,
    operation,
    send_all,
    walk_pages,
)
from .._read import needed_key, open_enum, timestamp
from .._responses import reading
from .._validation import aware_datetime, boolean, extension_id, filter_number, items, non_empty
from ..errors import APIError, SipgateIOError, ValidationError
from ..pagination import Pagination
from ..raw import models as raw
from ..raw.api.history import (
    delete_history_entries,
    delete_history_entry,
    get_history,
    get_history_by_id,
    get_history_csv,
    update_history_entries,
    update_history_entry,
)
from ..raw.types import UNSET, Unset

__all__ = [
    "CallHistoryEntry",
    "CallRecording",
    "CallStatusType",
    "Endpoint",
    "FaxHistoryEntry",
    "FaxStatus",
    "HistoryDirection",
    "HistoryEntry",
    "HistoryEntryStatus",
    "HistoryEntryType",
    "HistoryEntryUpdateOptions",
    "HistoryFilter",
    "HistoryResource",
    "HistoryUpdateError",
    "RoutedEndpoint",
    "SmsHistoryEntry",
    "VoicemailHistoryEntry",
    "entry_by_id",
    "history_entry",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

MAX_PAGE_SIZE = 1000
"""The most entries ``GET /history`` returns in one page."""

_BULK_UPDATE_MAX = 149
"""``PUT /history`` takes fewer than 150 items a request."""

_DELETE_QUERY_BUDGET = 2000
"""Characters of ``id=...&`` one ``DELETE /history`` may carry: URLs stay well below 4 KB."""


# -- enums ----------------------------------------------------------------------------------


class HistoryEntryType(enum.StrEnum):
    """The kind of event a history entry records."""

    CALL = "CALL"
    VOICEMAIL = "VOICEMAIL"
    SMS = "SMS"
    FAX = "FAX"


class HistoryDirection(enum.StrEnum):
    """Whether the event came in, went out, or was a missed call either way."""

    INCOMING = "INCOMING"
    OUTGOING = "OUTGOING"
    MISSED_INCOMING = "MISSED_INCOMING"
    MISSED_OUTGOING = "MISSED_OUTGOING"


class HistoryEntryStatus(enum.StrEnum):
    """How the connection ended up."""

    NOPICKUP = "NOPICKUP"
    BUSY = "BUSY"
    PICKUP = "PICKUP"
    FORWARD = "FORWARD"


class FaxStatus(enum.StrEnum):
    """The transmission state of a fax (``faxStatusType`` of its history entry).

    Defined here, with the history entries that carry it; ``sipgateio.resources.fax``
    uses the same enum.
    """

    SENT = "SENT"
    PENDING = "PENDING"
    FAILED = "FAILED"
    SENDING = "SENDING"
    SCHEDULED = "SCHEDULED"

    @property
    def is_final(self) -> bool:
        """True for SENT and FAILED: the status will not change any more."""
        return self in (FaxStatus.SENT, FaxStatus.FAILED)


class CallStatusType(enum.StrEnum):
    """The outcome of a call."""

    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"
    REJECTED = "REJECTED"
    REJECTED_DND = "REJECTED_DND"
    VOICEMAIL_NO_MESSAGE = "VOICEMAIL_NO_MESSAGE"
    BUSY_ON_BUSY = "BUSY_ON_BUSY"
    BUSY = "BUSY"
    MISSED = "MISSED"


# -- entries --------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Endpoint:
    """An extension of the account (``extension`` like ``p0``, ``type`` like ``PHONELINE``).

    A field the API leaves out is None.
    """

    extension: str | None
    type: str | None


@attrs.frozen(slots=True)
class RoutedEndpoint:
    """An extension an event passed through, and how (``type`` like ``ROUTED``, ``FORWARDED``).

    A field the API leaves out is None.
    """

    type: str | None
    endpoint: Endpoint | None


@attrs.frozen(slots=True)
class CallRecording:
    """A recording made during a call; ``url`` is where to download it (None if not given)."""

    id: str
    url: str | None


@attrs.frozen(slots=True, kw_only=True)
class HistoryEntry:
    """The fields every history entry has. Entries are one of its four subclasses.

    ``source``/``target`` are numbers or extensions (``source`` may be ``anonymous``);
    ``created`` and ``last_modified`` are timezone-aware. Only ``id`` and ``type`` are
    always there: any other field the API leaves out is None (lists: empty). An enum
    value this release does not know arrives as a plain ``str``; an entry of a ``type``
    it does not know is a plain :class:`HistoryEntry`.
    """

    id: str
    source: str | None
    target: str | None
    source_alias: str | None
    target_alias: str | None
    type: HistoryEntryType | str
    created: dt.datetime | None
    last_modified: dt.datetime | None
    direction: HistoryDirection | str | None
    incoming: bool | None
    status: HistoryEntryStatus | str | None
    connection_ids: tuple[str, ...]
    read: bool | None
    archived: bool | None
    note: str | None
    endpoints: tuple[RoutedEndpoint, ...]
    starred: bool | None
    labels: tuple[str, ...]


@attrs.frozen(slots=True, kw_only=True)
class CallHistoryEntry(HistoryEntry):
    """A call: its id, outcome, recordings and length in seconds."""

    call_id: str | None = None
    call_status: CallStatusType | str | None = None
    recordings: tuple[CallRecording, ...] = ()
    duration: int | None = None


@attrs.frozen(slots=True, kw_only=True)
class VoicemailHistoryEntry(HistoryEntry):
    """A voicemail message: where to download it, its transcript and length in seconds."""

    recording_url: str | None = None
    transcription: str | None = None
    duration: int | None = None


@attrs.frozen(slots=True, kw_only=True)
class SmsHistoryEntry(HistoryEntry):
    """An SMS: its text, and when it is (or was) due to be sent if it was scheduled."""

    sms_content: str = ""
    scheduled: dt.datetime | None = None


@attrs.frozen(slots=True, kw_only=True)
class FaxHistoryEntry(HistoryEntry):
    """A fax: its transmission state, documents and page count."""

    fax_status: FaxStatus | str | None = None
    scheduled: dt.datetime | None = None
    document_url: str | None = None
    report_url: str | None = None
    preview_url: str | None = None
    page_count: int | None = None


def _endpoint(r: Mapping[str, Any]) -> RoutedEndpoint:
    e = r.get("endpoint")
    return RoutedEndpoint(
        r.get("type"),
        None if not isinstance(e, Mapping) else Endpoint(e.get("extension"), e.get("type")),
    )


def history_entry(d: Mapping[str, Any], operation: str = get_history.OPERATION) -> HistoryEntry:
    """Map one history entry as the API sends it (decoded JSON) to the subclass for its type.

    History reads map the JSON themselves (``fetch_body``) instead of going through the
    generated models: walking a long history, the generated ``from_dict`` was most of
    the time spent. The shape is the spec's ``HistoryEntryResponse`` schema, read
    leniently (see ``sipgateio._read``): ``id`` and ``type`` are needed, the rest may be
    missing.
    """
    kind = open_enum(HistoryEntryType, needed_key(d, "type", operation))
    assert kind is not None
    base: dict[str, Any] = {
        "id": needed_key(d, "id", operation),
        "source": d.get("source"),
        "target": d.get("target"),
        "source_alias": d.get("sourceAlias"),
        "target_alias": d.get("targetAlias"),
        "type": kind,
        "created": timestamp(d.get("created"), operation, "created"),
        "last_modified": timestamp(d.get("lastModified"), operation, "lastModified"),
        "direction": open_enum(HistoryDirection, d.get("direction")),
        "incoming": d.get("incoming"),
        "status": open_enum(HistoryEntryStatus, d.get("status")),
        "connection_ids": tuple(d.get("connectionIds") or ()),
        "read": d.get("read"),
        "archived": d.get("archived"),
        "note": d.get("note"),
        "endpoints": tuple(_endpoint(r) for r in d.get("endpoints") or ()),
        "starred": d.get("starred"),
        "labels": tuple(d.get("labels") or ()),
    }
    if kind is HistoryEntryType.CALL:
        return CallHistoryEntry(
            **base,
            call_id=d.get("callId"),
            call_status=open_enum(CallStatusType, d.get("callStatus")),
            recordings=tuple(
                CallRecording(needed_key(r, "id", operation, "recordings[].id"), r.get("url"))
                for r in d.get("recordings") or ()
            ),
            duration=d.get("duration"),
        )
    if kind is HistoryEntryType.VOICEMAIL:
        return VoicemailHistoryEntry(
            **base,
            recording_url=d.get("recordingUrl"),
            transcription=d.get("transcription"),
            duration=d.get("duration"),
        )
    if kind is HistoryEntryType.SMS:
        return SmsHistoryEntry(
            **base,
            sms_content=d.get("smsContent") or "",
            scheduled=timestamp(d.get("scheduled"), operation, "scheduled"),
        )
    if kind is HistoryEntryType.FAX:
        return FaxHistoryEntry(
            **base,
            fax_status=open_enum(FaxStatus, d.get("faxStatusType")),
            scheduled=timestamp(d.get("scheduled"), operation, "scheduled"),
            document_url=d.get("documentUrl"),
            report_url=d.get("reportUrl"),
            preview_url=d.get("previewUrl"),
            page_count=d.get("pageCount"),
        )
    return HistoryEntry(**base)


# -- filter and update options --------------------------------------------------------------


def _members(cls: type[E], value: object, field: str) -> tuple[E, ...]:
    if value is None:
        return ()
    members = []
    for item in items(value, field):
        try:
            members.append(cls(item))
        except ValueError:
            allowed = ", ".join(str(m.value) for m in cls)
            raise ValidationError(
                f"{field} may hold only {allowed}, got {item!r}", field=field
            ) from None
    return tuple(dict.fromkeys(members))


def _connection_ids(value: Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    ids = (extension_id(v, "connection_ids") for v in items(value, "connection_ids"))
    return tuple(dict.fromkeys(ids))


def _types(value: Iterable[HistoryEntryType | str] | None) -> tuple[HistoryEntryType, ...]:
    return _members(HistoryEntryType, value, "types")


def _directions(value: Iterable[HistoryDirection | str] | None) -> tuple[HistoryDirection, ...]:
    return _members(HistoryDirection, value, "directions")


def _phonenumber(value: str | None) -> str | None:
    return None if value is None else filter_number(value, "phonenumber")


def _optional_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        boolean(value, attribute.name)


def _aware_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        aware_datetime(value, attribute.name)


@attrs.frozen(slots=True, kw_only=True)
class HistoryFilter:
    """Which history entries to select. Unset fields do not filter; set ones combine with AND.

    * ``connection_ids``: extensions involved (``p0``, ``s0``, ``f1``...), any of them.
    * ``types``, ``directions``: any of these :class:`HistoryEntryType` / :class:`HistoryDirection`
      values (members or their names as strings).
    * ``archived``, ``starred``: ``True`` for only those entries, ``False`` for only the others.
    * ``start_date``, ``end_date``: timezone-aware bounds of ``created``; start <= end.
    * ``phonenumber``: entries from or to this number, as it was stored (sent as given, trimmed).

    Every value is checked when the filter is built (:class:`~sipgateio.ValidationError`).
    """

    connection_ids: tuple[str, ...] = attrs.field(default=(), converter=_connection_ids)
    types: tuple[HistoryEntryType, ...] = attrs.field(default=(), converter=_types)
    directions: tuple[HistoryDirection, ...] = attrs.field(default=(), converter=_directions)
    archived: bool | None = attrs.field(default=None, validator=_optional_bool)
    starred: bool | None = attrs.field(default=None, validator=_optional_bool)
    start_date: dt.datetime | None = attrs.field(default=None, validator=_aware_or_none)
    end_date: dt.datetime | None = attrs.field(default=None, validator=_aware_or_none)
    phonenumber: str | None = attrs.field(default=None, converter=_phonenumber)

    def __attrs_post_init__(self) -> None:
        if self.start_date and self.end_date and self.start_date > self.end_date:
            raise ValidationError(
                f"start_date must not be after end_date, got {self.start_date.isoformat()} "
                f"> {self.end_date.isoformat()}",
                field="start_date",
            )

    def query(self, *, export: bool = False) -> dict[str, Any]:
        """The filter as keyword arguments of ``get_history`` (``export``: ``get_history_csv``)."""
        q: dict[str, Any] = {}
        types, directions, starred = (
            (
                raw.GetHistoryCsvTypesItem,
                raw.GetHistoryCsvDirectionsItem,
                raw.GetHistoryCsvStarredItem,
            )
            if export
            else (raw.GetHistoryTypesItem, raw.GetHistoryDirectionsItem, raw.GetHistoryStarredItem)
        )
        if self.connection_ids:
            q["connection_ids"] = list(self.connection_ids)
        if self.types:
            q["types"] = [types(t.value) for t in self.types]
        if self.directions:
            q["directions"] = [directions(d.value) for d in self.directions]
        if self.archived is not None:
            q["archived"] = self.archived
        if self.starred is not None:
            q["starred"] = [starred("STARRED" if self.starred else "UNSTARRED")]
        if self.start_date is not None:
            q["from_"] = self.start_date
        if self.end_date is not None:
            q["to"] = self.end_date
        if self.phonenumber is not None:
            q["phonenumber"] = self.phonenumber
        return q


def _optional_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise ValidationError(
            f"{attribute.name} must be a string or None, got {value!r}", field=attribute.name
        )


@attrs.frozen(slots=True, kw_only=True)
class HistoryEntryUpdateOptions:
    """Changes to one history entry; ``None`` leaves a field as it is.

    ``note`` replaces the entry's note (``""`` removes it).
    """

    archived: bool | None = attrs.field(default=None, validator=_optional_bool)
    starred: bool | None = attrs.field(default=None, validator=_optional_bool)
    read: bool | None = attrs.field(default=None, validator=_optional_bool)
    note: str | None = attrs.field(default=None, validator=_optional_str)

    def flags(self) -> dict[str, bool]:
        """The flags that are set, by their field name."""
        flags = {"archived": self.archived, "starred": self.starred, "read": self.read}
        return {k: v for k, v in flags.items() if v is not None}


# -- operations -----------------------------------------------------------------------------


def _chunks(
    values: Sequence[T], *, budget: int, price: Callable[[T], int] = lambda _: 1
) -> Iterator[list[T]]:
    """Split ``values``, in order, into runs whose summed ``price`` stays within ``budget``.

    Each value costs 1 unless ``price`` says otherwise (e.g. its length in a query string).
    A value dearer than the whole budget still gets a run of its own.
    """
    run: list[T] = []
    spent = 0
    for value in values:
        cost = price(value)
        if run and spent + cost > budget:
            yield run
            run, spent = [], 0
        run.append(value)
        spent += cost
    if run:
        yield run


def entry_by_id(entry_id: str) -> Op[HistoryEntry]:
    """Shared sub-step: GET /history/{entry_id} as the typed entry."""
    body = yield from fetch_body(
        get_history_by_id.prepare(entry_id=non_empty(entry_id, "entry_id"))
    )
    with reading(get_history_by_id.OPERATION):
        return history_entry(json.loads(body), get_history_by_id.OPERATION)


def _query(filter: object, *, export: bool = False) -> dict[str, Any]:
    if filter is None:
        return {}
    if not isinstance(filter, HistoryFilter):
        raise ValidationError(
            f"filter must be a HistoryFilter or None, got {filter!r}", field="filter"
        )
    return filter.query(export=export)


def _entries(query: dict[str, Any], slice_: Pagination, page_size: int) -> Stream[HistoryEntry]:
    """Every entry of the slice, in API order, one page in memory at a time."""

    def page(offset: int, size: int) -> Generator[Any, Any, tuple[int, bool]]:
        body = yield from fetch_body(get_history.prepare(**query, offset=offset, limit=size))
        with reading(get_history.OPERATION):
            data = json.loads(body)
            entries, total = (data.get("items") or [])[:size], data.get("totalCount")
            # Without totalCount, a full page means there may be more.
            more = (
                len(entries) == size
                if not isinstance(total, int)
                else offset + len(entries) < total
            )
        del data, body
        for index, e in enumerate(entries):
            with reading(f"{get_history.OPERATION} (item {offset + index})"):
                entry = history_entry(e)
            yield Emit(entry)
        return len(entries), more

    yield from walk_pages(page, slice_, page_size)


def _collect(stream: Stream[T]) -> Op[list[T]]:
    """Run an item stream inside an operation and return its items as a list."""
    found: list[T] = []
    reply: Any = None
    with contextlib.closing(stream):
        while True:
            try:
                out = stream.send(reply)
            except StopIteration:
                return found
            if isinstance(out, Emit):
                found.append(out.item)
                reply = None
            else:
                reply = yield out


def _csv_rows(text: str) -> tuple[str, str, int]:
    """Split an exported CSV page into its header line, its data lines and their record count."""
    cut = text.find("\n") + 1 or len(text)
    header, rows = text[:cut], text[cut:]
    from ..contacts.csv import count_records  # the CSV readers, loaded when exporting

    return header, rows, count_records(rows)


def _update_item(
    entry_id: str, options: HistoryEntryUpdateOptions
) -> raw.UpdateHistoryEntriesRequest:
    return raw.UpdateHistoryEntriesRequest(id=entry_id, **options.flags())


def _update_body(options: HistoryEntryUpdateOptions) -> raw.UpdateHistoryEntryRequest:
    note: str | Unset = UNSET if options.note is None else options.note
    return raw.UpdateHistoryEntryRequest(note=note, **options.flags())


_REFUSED = frozenset({400, 404, 409, 422})
"""Statuses with which the API refuses one entry's update; the other updates go on."""


class HistoryUpdateError(BulkError):
    """:meth:`HistoryResource.batch_update_events` could not change every entry.

    Attributes:
        updated: how many entries were changed.
        failed: entry id -> the error its update ended with (every entry of a failed
            ``PUT /history`` request carries that request's error).
        not_attempted: ids never sent because the run stopped at an error every further
            request would meet too (401, 403, 5xx, connection...).

    The first error is ``__cause__``.

    """

    def __init__(
        self, updated: int, failed: dict[str, SipgateIOError], not_attempted: tuple[str, ...] = ()
    ) -> None:
        self.updated = updated
        self.failed = failed
        self.not_attempted = not_attempted
        total = updated + len(failed) + len(not_attempted)
        super().__init__(self._summary(f"updated {updated} of {total} entries"))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.updated, self.failed, self.not_attempted))


def _fatal(error: SipgateIOError) -> bool:
    return not (isinstance(error, APIError) and error.status_code in _REFUSED)


def _update_call(job: tuple[str | None, Any]) -> Call[Any]:
    """The request of one job of ``batch_update_events``: a bulk run, or one entry's note."""
    entry_id, body = job
    if entry_id is None:
        return Call(update_history_entries.prepare(body=body))
    return Call(update_history_entry.prepare(entry_id=entry_id, body=body))


class HistoryResource(Resource[M]):
    """The call, voicemail, SMS and fax history (``client.history``)."""

    @operation
    def fetch_all(
        self, filter: HistoryFilter | None = None, pagination: Pagination | None = None
    ) -> Op[list[HistoryEntry]]:
        """The entries matching ``filter``, newest first, as a list.

        Without ``pagination`` every matching entry is fetched, page by page
        (``iter_entries`` does the same without holding them all). ``Pagination(offset,
        limit)`` selects a slice: skip ``offset`` entries, return at most ``limit`` (all the
        rest when ``limit`` is None); slices larger than a page take several requests.
        """
        query, slice_ = _query(filter), check_pagination(pagination)
        return (yield from _collect(_entries(query, slice_, MAX_PAGE_SIZE)))

    @item_stream
    def iter_entries(
        self, filter: HistoryFilter | None = None, page_size: int = MAX_PAGE_SIZE
    ) -> Stream[HistoryEntry]:
        """Iterate over every entry matching ``filter``, newest first, fetching lazily.

        Pages of ``page_size`` entries (1 to 1000) are requested as the iteration reaches
        them; only one page is held in memory, however long the history. Entries that
        arrive while iterating shift the API's offsets, so an entry may then be seen twice.
        """
        query, size = _query(filter), check_page_size(page_size, MAX_PAGE_SIZE)
        yield from _entries(query, Pagination(), size)

    @operation
    def fetch_by_id(self, entry_id: str) -> Op[HistoryEntry]:
        """One entry (GET /history/{entry_id}), as the subclass for its type."""
        return (yield from entry_by_id(entry_id))

    @operation
    def delete_by_id(self, entry_id: str) -> Op[None]:
        """Delete one entry (DELETE /history/{entry_id}). This cannot be undone."""
        yield from fetch(delete_history_entry.prepare(entry_id=non_empty(entry_id, "entry_id")))

    @operation
    def delete_by_list_of_ids(self, entry_ids: Iterable[str]) -> Op[None]:
        """Delete every entry listed (DELETE /history?id=..&id=..). This cannot be undone.

        Long lists are split over several requests so that URLs stay short; an empty
        list sends nothing. When a request fails, the ones before it have taken effect.
        """
        ids = [non_empty(v, "entry_ids") for v in items(entry_ids, "entry_ids")]
        ids = list(dict.fromkeys(ids))
        query_cost = len("id=&")
        budget = _DELETE_QUERY_BUDGET
        for run in _chunks(ids, budget=budget, price=lambda i: len(quote(i, safe="")) + query_cost):
            yield from fetch(delete_history_entries.prepare(id=run))

    @operation
    def batch_update_events(
        self,
        events: Iterable[HistoryEntry],
        callback: Callable[[HistoryEntry], HistoryEntryUpdateOptions | None],
        *,
        concurrency: int | None = None,
        progress: Progress | None = None,
    ) -> Op[None]:
        """Change many entries: ``callback(entry)`` says how, or returns None to skip it.

        The callback runs for every entry before anything is sent. Flag changes go out in
        bulk (PUT /history, up to 149 entries a request); an entry whose options carry a
        ``note`` is updated on its own (PUT /history/{id}), since only that call takes notes.
        Options that change nothing are not sent. The requests run ``concurrency`` at once
        (default: the client's, see :mod:`sipgateio._batch`; HTTP 429 slows down and
        retries); ``progress(done, total)`` is called after each request.

        An entry the API refuses (400, 404, 409, 422) is recorded and the others go on; any
        other error stops the run. Either way :class:`HistoryUpdateError` names the entries
        updated, failed and not attempted.
        """
        if not callable(callback):
            raise ValidationError(f"callback must be callable, got {callback!r}", field="callback")
        limit, report = check_concurrency(concurrency), check_progress(progress)
        bulk: list[raw.UpdateHistoryEntriesRequest] = []
        single: list[tuple[str, raw.UpdateHistoryEntryRequest]] = []
        for entry in items(events, "events"):
            if not isinstance(entry, HistoryEntry):
                raise ValidationError(
                    f"events must hold HistoryEntry objects, got {entry!r}", field="events"
                )
            options = callback(entry)
            if options is None:
                continue
            if not isinstance(options, HistoryEntryUpdateOptions):
                raise ValidationError(
                    f"callback must return HistoryEntryUpdateOptions or None, got {options!r} "
                    f"for entry {entry.id!r}",
                    field="callback",
                )
            if options.note is not None:
                single.append((entry.id, _update_body(options)))
            elif options.flags():
                bulk.append(_update_item(entry.id, options))
        # One request per bulk run (entry id None) or per note; each made when it starts.
        jobs: list[tuple[str | None, Any]] = []
        ids: list[list[str]] = []  # the entries each request changes
        for run in _chunks(bulk, budget=_BULK_UPDATE_MAX):
            jobs.append((None, run))
            ids.append([item.id for item in run])
        for entry_id, body in single:
            jobs.append((entry_id, body))
            ids.append([entry_id])
        if not jobs:
            return
        calls = OnDemand(jobs, _update_call)
        outcomes = yield from send_all(Batch(calls, limit=limit, stop=_fatal, progress=report))
        done = tally(range(len(jobs)), outcomes, _fatal)
        if done.cause is not None:
            raise HistoryUpdateError(
                sum(len(ids[i]) for i in done.succeeded),
                {eid: error for i, error in done.failed.items() for eid in ids[i]},
                tuple(eid for i in done.not_attempted for eid in ids[i]),
            ) from done.cause

    @operation
    def export_as_csv_string(
        self, filter: HistoryFilter | None = None, pagination: Pagination | None = None
    ) -> Op[str]:
        """The entries matching ``filter`` as one CSV document with a single header line.

        ``pagination`` works as in :meth:`fetch_all`: without it every matching entry is
        exported (GET /history/export, page by page, the pages joined).
        """
        query, slice_ = _query(filter, export=True), check_pagination(pagination)
        parts: list[str] = []

        def page(offset: int, size: int) -> Generator[Any, Any, tuple[int, bool]]:
            text = yield from fetch(get_history_csv.prepare(**query, offset=offset, limit=size))
            header, rows, count = _csv_rows(text)
            if not parts:
                parts.append(header)
            if rows:
                if not parts[-1].endswith("\n"):
                    parts.append(header[len(header.rstrip("\r\n")) :] or "\n")
                parts.append(rows)
            return count, True

        yield from walk_pages(page, slice_, MAX_PAGE_SIZE)
        return "".join(parts)
