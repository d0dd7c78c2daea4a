"""``client.contacts``: create, change and delete contacts; import and export them in bulk.

The conversions are the offline ones of :mod:`sipgateio.contacts` (:mod:`~sipgateio.contacts.csv`,
:mod:`~sipgateio.contacts.vcard`, :mod:`~sipgateio.contacts.models`); this module adds the
requests. One implementation serves :class:`~sipgateio.SipgateIO` and
:class:`~sipgateio.AsyncSipgateIO` (see :mod:`sipgateio._ops`).

Scopes
    ``ExportScope.ALL`` is every contact ``GET /contacts`` lists: private, shared and the
    account's internal ones (the API lists all three; reading ``GET /contacts/internal`` as
    well would list the internal contacts twice). ``PRIVATE`` and ``SHARED`` are the contacts
    of ``GET /contacts`` with that scope, filtered on every page. ``INTERNAL`` reads
    ``GET /contacts/internal``, the account's directory (one contact per web user): its
    numbers come typed by kind, ``mobile`` as ``("cell",)``, ``landline`` as ``("voice",)``,
    ``fax`` as ``("fax",)`` and ``directdial`` as ``("work",)``.

Paging
    Without ``pagination`` every contact of the scope is read, page by page
    (:data:`DEFAULT_PAGE_SIZE` contacts a request), whatever the address book's size.
    ``Pagination(offset, limit)`` selects positions of the API's list (``GET /contacts``
    before the scope filter, the directory for ``INTERNAL``): a slice of ``PRIVATE`` contacts
    may thus hold fewer than ``limit``. The ``paginated_*`` functions return a
    :class:`~sipgateio.Page` whose ``has_more`` says whether the list goes on after the slice
    (from the API's ``totalCount``). ``ContactsExportFilter(phonenumbers)`` restricts any read to
    the contacts having one of those numbers (the ``phonenumbers`` query parameter).

Bulk deletes and imports
    :meth:`ContactsResource.delete_all_private` and :meth:`ContactsResource.delete_all_shared`
    read the ids of every contact of the scope, then delete them, one request per contact,
    ``concurrency`` in flight at once (the client's setting unless the call names its own;
    see :mod:`sipgateio._batch`: HTTP 429 slows the run down and the request is sent
    again). A contact that is already gone (HTTP 404) counts as deleted; a delete the API
    refuses for that contact alone (HTTP 400, 409, 422) is recorded and the others go on; any
    other error (401, 402, 403, 5xx, connection) stops the run: no further delete starts.
    Either way the outcome is raised as one :class:`ContactsDeleteError` naming the ids that
    failed and those not attempted. (``DELETE /contacts`` is not used: it removes every
    contact the user may delete, shared ones included.)

    The imports create their contacts the same way (``POST /contacts``, bounded concurrency)
    and report every record they could not take in :class:`~sipgateio.ImportReport` (CSV line
    or vCard ordinal, and the reason), including records the API refused (HTTP 400, 409,
    422); any other error stops the run and is raised as :class:`ContactsImportError`, whose
    ``report`` says what was imported, and which records failed or were not attempted.
    Every bulk call takes ``progress(done, total)``, called after each request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import orjson

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
from .._responses import reading, unreadable
from .._validation import (
    contact_number,
    filter_number,
    items,
    non_empty,
    region_code,
    to_e164,
)
from ..errors import APIError, SipgateIOError, ValidationError
from ..pagination import Page, Pagination
from ..raw.api.contacts import (
    create_contact,
    delete_contact,
    get_all_contacts,
    get_contacts,
    import_from_csv,
    update_contact,
)
from ..raw.models import CreateContactRequest, ImportCSVRequest, UpdateContactRequest
from .csv import (
    csv_header,
    csv_text,
    is_import_layout,
    parse_csv,
    prepare_import,
    write_csv,
)
from .models import (
    Address,
    Contact,
    ContactsExportFilter,
    Email,
    ExportScope,
    ImportNote,
    ImportReport,
    ParsedContact,
    PhoneNumber,
    Scope,
    SkippedRecord,
    contact_from_api,
    contact_to_api,
    contacts_from_api,
    import_body,
    paused_gc,
)
from .vcard import parse_vcards, write_vcard_book, write_vcards

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "ContactsDeleteError",
    "ContactsImportError",
    "ContactsResource",
]

DEFAULT_PAGE_SIZE = 5000
"""Contacts per ``GET /contacts`` request: the API's own default page size, and the largest
``page_size`` :meth:`ContactsResource.iter_contacts` takes."""

_GONE = frozenset({404})
_REFUSED = frozenset({400, 409, 422})
"""Statuses with which the API refuses one record's content; a bulk operation goes on."""

_INTERNAL_KINDS: tuple[tuple[str, list[str]], ...] = (
    ("mobile", ["cell"]),
    ("landline", ["voice"]),
    ("fax", ["fax"]),
    ("directdial", ["work"]),
)
"""The number lists of an internal contact and the types their numbers get."""

_Take = Callable[[Iterator[dict[str, Any]], bool], object]
"""Receives each page's contacts (API JSON objects) and whether it is the first page."""


class ContactsDeleteError(BulkError):
    """Deleting every contact of a scope left some of them.

    Attributes:
        scope: the :class:`~sipgateio.Scope` that was being deleted.
        deleted: how many contacts were deleted (or were already gone).
        failed: contact id -> the error its delete ended with.
        not_attempted: ids left alone because the run stopped at an error that every
            further request would meet too (its error is ``__cause__`` and in ``failed``).

    """

    def __init__(
        self,
        scope: Scope,
        deleted: int,
        failed: dict[str, SipgateIOError],
        not_attempted: tuple[str, ...] = (),
    ) -> None:
        self.scope = scope
        self.deleted = deleted
        self.failed = failed
        self.not_attempted = not_attempted
        total = deleted + len(failed) + len(not_attempted)
        super().__init__(self._summary(f"deleted {deleted} of {total} {scope.value} contacts"))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.scope, self.deleted, self.failed, self.not_attempted))


class ContactsImportError(BulkError):
    """An import stopped at an error every further request would meet too (401, 5xx...).

    Attributes:
        report: the :class:`~sipgateio.ImportReport` of what was done before the run
            stopped: the contacts created and every record skipped or refused.
        failed: line (CSV) or ordinal (vCard) -> the error its request ended with.
        not_attempted: the lines/ordinals of records never sent because the run stopped.
        what: ``"cards"`` or ``"rows"``.

    The first error is ``__cause__``.

    """

    def __init__(
        self,
        report: ImportReport,
        failed: dict[int, SipgateIOError],
        not_attempted: tuple[int, ...] = (),
        what: str = "records",
    ) -> None:
        self.report = report
        self.failed = failed
        self.not_attempted = not_attempted
        self.what = what
        total = report.imported + len(failed) + len(not_attempted)
        super().__init__(
            self._summary(f"imported {report.imported} of {total} {what} sent", total_named=3)
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.report, self.failed, self.not_attempted, self.what))


# -- argument checks ------------------------------------------------------------------------


def _export_scope(value: object) -> ExportScope:
    if isinstance(value, str):
        try:
            return ExportScope(value)
        except ValueError:
            pass
    raise ValidationError(
        f"scope must be an ExportScope (PRIVATE, SHARED, INTERNAL or ALL), got {value!r}",
        field="scope",
    )


def _write_scope(value: object) -> Scope:
    if isinstance(value, str) and value in ("PRIVATE", "SHARED"):
        return Scope(value)
    raise ValidationError(
        f"scope must be Scope.PRIVATE or Scope.SHARED (contacts are written to one of "
        f"these), got {value!r}",
        field="scope",
    )


def _phonenumbers(filter: object) -> tuple[str, ...]:
    """The filter's numbers as given, trimmed (no numbers: no restriction).

    The API matches a number as it was stored (``0211123456789`` is not ``+49211123456789``).
    """
    if filter is None:
        return ()
    if not isinstance(filter, ContactsExportFilter):
        raise ValidationError(
            f"filter must be a ContactsExportFilter or None, got {filter!r}", field="filter"
        )
    return tuple(dict.fromkeys(filter_number(n, "filter") for n in filter.phonenumbers))


def _text(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be a string, got {value!r}", field=field)
    return value


def _types(value: object, field: str) -> tuple[str, ...]:
    types = items(value, field)
    for t in types:
        if not isinstance(t, str) or not t.strip():
            raise ValidationError(
                f"{field} must hold non-empty strings such as 'cell' or 'work', got {t!r}",
                field=field,
            )
    return types  # type: ignore[return-value]


def _new_number(value: object) -> str:
    """A number of a new contact: as given, or in E.164 form when that is unambiguous."""
    if isinstance(value, str):
        number, reason = contact_number(value)
        if number is not None:
            return number
    else:
        reason = "is not a string"
    raise ValidationError(f"numbers: {value!r} {reason}", field="numbers")


def _new_numbers(value: object) -> tuple[PhoneNumber, ...]:
    numbers = []
    for n in items(value, "numbers"):
        if isinstance(n, PhoneNumber):
            numbers.append(PhoneNumber(_new_number(n.number), _types(n.type, "numbers")))
        else:
            numbers.append(PhoneNumber(_new_number(n)))
    return tuple(numbers)


def _new_emails(value: object) -> tuple[Email, ...]:
    emails = []
    for e in items(value, "emails"):
        address, types = (e.email, _types(e.type, "emails")) if isinstance(e, Email) else (e, ())
        if not isinstance(address, str) or "@" not in address or address != address.strip():
            raise ValidationError(
                f"emails must hold e-mail addresses (strings or Email), got {e!r}", field="emails"
            )
        emails.append(Email(address, types))
    return tuple(emails)


def _addresses(value: object, field: str) -> tuple[Address, ...]:
    addresses = items(value, field)
    for a in addresses:
        if not isinstance(a, Address) or not all(
            isinstance(getattr(a, part.name), str) for part in Address.__attrs_attrs__
        ):
            raise ValidationError(
                f"{field} must hold Address objects with string parts, got {a!r}", field=field
            )
    return addresses  # type: ignore[return-value]


def _organization(value: object, field: str) -> tuple[tuple[str, ...], ...]:
    """One organisation as strings (name, unit...), or several as a list of such tuples."""
    entries = items(value, field)
    if entries and all(isinstance(e, str) for e in entries):
        entries = (entries,)
    organization = []
    for org in entries:
        parts = items(org, field)
        if not all(isinstance(p, str) for p in parts):
            raise ValidationError(
                f"{field} must be the strings of one organisation (name, unit...) or a list "
                f"of such tuples, got {value!r}",
                field=field,
            )
        organization.append(tuple(str(p) for p in parts))
    return tuple(organization)


def _picture(value: object, field: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValidationError(f"{field} must be a string or None, got {value!r}", field=field)
    return value


def _checked(contact: object) -> Contact:
    """``contact`` if it is a stored, writable :class:`Contact` with well-typed fields."""
    if not isinstance(contact, Contact):
        raise ValidationError(f"contact must be a Contact, got {contact!r}", field="contact")
    non_empty(contact.id, "contact.id")
    non_empty(contact.name, "contact.name")
    _write_scope(contact.scope)
    _picture(contact.picture, "contact.picture")
    for n in items(contact.numbers, "contact.numbers"):
        if not isinstance(n, PhoneNumber) or not isinstance(n.number, str):
            raise ValidationError(
                f"contact.numbers must hold PhoneNumber objects, got {n!r}", field="contact.numbers"
            )
        _types(n.type, "contact.numbers")
    for e in items(contact.emails, "contact.emails"):
        if not isinstance(e, Email) or not isinstance(e.email, str):
            raise ValidationError(
                f"contact.emails must hold Email objects, got {e!r}", field="contact.emails"
            )
        _types(e.type, "contact.emails")
    _addresses(contact.addresses, "contact.addresses")
    _organization(contact.organization, "contact.organization")
    return contact


# -- reading --------------------------------------------------------------------------------


def _decode(body: bytes, request: str) -> dict[str, Any]:
    """The JSON object of a list response, with its ``items`` list."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise unreadable(request, ValueError(f"the body is not JSON: {exc}")) from exc
    if type(data) is not dict or type(data.get("items")) is not list:
        raise unreadable(request, TypeError(f"answered without a list of items: {body[:200]!r}"))
    return data


def _each(items: list[Any], keep: str | None) -> Iterator[dict[str, Any]]:
    """The contacts of scope ``keep`` (all for None), each released from ``items`` in passing."""
    for index, item in enumerate(items):
        items[index] = None
        if keep is None or item.get("scope") == keep:
            yield item


def _comparable(number: str) -> str:
    return to_e164(number) or number


def _internal_contacts(body: bytes, numbers: tuple[str, ...]) -> list[dict[str, Any]]:
    """The directory of ``GET /contacts/internal`` as contacts in the shape of ``GET /contacts``.

    With ``numbers``, only the contacts having one of them (compared in E.164 form where both
    have a country code, else as written).
    """
    wanted = {_comparable(n) for n in numbers}
    contacts = []
    for item in _decode(body, get_all_contacts.OPERATION)["items"]:
        typed: list[dict[str, Any]] = [
            {"number": n, "type": types}
            for key, types in _INTERNAL_KINDS
            for n in item.get(key) or ()
            if isinstance(n, str)
        ]
        if wanted and not any(_comparable(t["number"]) in wanted for t in typed):
            continue
        contacts.append(
            {
                "id": item.get("id"),
                "name": item.get("name"),
                "picture": None,
                "emails": [{"email": e, "type": []} for e in item.get("emails") or ()],
                "numbers": typed,
                "addresses": [],
                "organization": [],
                "scope": ExportScope.INTERNAL.value,
            }
        )
    return contacts


def _scan(
    scope: ExportScope,
    numbers: tuple[str, ...],
    slice_: Pagination,
    page_size: int,
    take: _Take,
) -> Op[tuple[int, bool]]:
    """Read the contacts of ``scope`` in ``slice_``, handing each page's contacts to ``take``.

    ``take(contacts, first)`` gets an iterator over the page's contacts of the scope, as the
    API's JSON objects, while the page is decoded (the collector paused, each object released
    from the page as it is handed out). Returns how many positions of the API's list were
    read and whether the list goes on after them.
    """
    if scope is ExportScope.INTERNAL:
        body = yield from fetch_body(get_all_contacts.prepare())
        with paused_gc(), reading(get_all_contacts.OPERATION):
            directory = _internal_contacts(body, numbers)
            start = min(slice_.offset, len(directory))
            end = (
                len(directory)
                if slice_.limit is None
                else min(len(directory), start + slice_.limit)
            )
            take(_each(directory[start:end], None), True)
        return end - start, end < len(directory)

    keep = None if scope is ExportScope.ALL else scope.value
    query: dict[str, Any] = {"phonenumbers": list(numbers)} if numbers else {}
    read, more, first = 0, False, True

    def page(offset: int, size: int) -> Op[tuple[int, bool]]:
        nonlocal read, more, first
        body = yield from fetch_body(get_contacts.prepare(offset=offset, limit=size, **query))
        with paused_gc(), reading(get_contacts.OPERATION):
            data = _decode(body, get_contacts.OPERATION)
            items, total = data["items"], data.get("totalCount")
            del data
            if len(items) > size:  # a server ignoring limit: positions beyond it are not ours
                del items[size:]
            count = len(items)
            take(_each(items, keep), first)
        first = False
        read += count
        more = offset + count < total if type(total) is int else count == size
        return count, more

    yield from walk_pages(page, slice_, page_size)
    return read, more


def _read(scope: object, pagination: object, filter: object, take: _Take) -> Op[bool]:
    """Check the arguments of a read, then :func:`_scan` it; returns ``has_more``."""
    scope_, numbers = _export_scope(scope), _phonenumbers(filter)
    slice_ = check_pagination(pagination)
    _, more = yield from _scan(scope_, numbers, slice_, DEFAULT_PAGE_SIZE, take)
    return more


def _get(scope: object, pagination: object, filter: object) -> Op[Page[list[Contact]]]:
    contacts: list[Contact] = []
    more = yield from _read(
        scope, pagination, filter, lambda items, _: contacts.extend(contacts_from_api(items))
    )
    return Page(contacts, more)


def _json(scope: object, pagination: object, filter: object) -> Op[Page[str]]:
    objects: list[dict[str, Any]] = []
    more = yield from _read(scope, pagination, filter, lambda items, _: objects.extend(items))
    return Page(orjson.dumps(objects).decode(), more)


def _csv(scope: object, delimiter: object, pagination: object, filter: object) -> Op[Page[str]]:
    delimiter = _text(delimiter, "delimiter")
    write_csv((), delimiter=delimiter)  # checks the delimiter before anything is sent
    parts: list[str] = []

    def take(items: Iterator[dict[str, Any]], first: bool) -> None:
        parts.append(write_csv(map(contact_from_api, items), delimiter=delimiter, header=first))

    more = yield from _read(scope, pagination, filter, take)
    return Page("".join(parts), more)


def _vcards(scope: object, pagination: object, filter: object) -> Op[Page[list[str]]]:
    cards: list[str] = []
    more = yield from _read(
        scope,
        pagination,
        filter,
        lambda items, _: cards.extend(write_vcards(map(contact_from_api, items))),
    )
    return Page(cards, more)


def _vcard_book(scope: object, pagination: object, filter: object) -> Op[Page[str]]:
    parts: list[str] = []
    more = yield from _read(
        scope,
        pagination,
        filter,
        lambda items, _: parts.append(write_vcard_book(map(contact_from_api, items))),
    )
    return Page("".join(parts), more)


# -- writing --------------------------------------------------------------------------------


def _naming(field: str, error: ValidationError) -> ValidationError:
    """``error`` of a conversion, its message prefixed with the argument it is about."""
    return ValidationError(f"{field}: {error}", field=field)


def _refused(error: BaseException) -> bool:
    """True when the API refused one record's content, so that a bulk operation may go on."""
    return isinstance(error, APIError) and error.status_code in _REFUSED


def _fatal(error: SipgateIOError) -> bool:
    """True for an error every further request of a bulk operation would meet too."""
    return not _refused(error)


def _delete_all(scope: Scope, concurrency: object, progress: object) -> Op[None]:
    """Delete every contact of ``scope``, one request each (see the module's notes)."""
    limit, report = check_concurrency(concurrency), check_progress(progress)
    ids: list[str] = []
    yield from _scan(
        ExportScope(scope.value),
        (),
        Pagination(),
        DEFAULT_PAGE_SIZE,
        lambda items, _: ids.extend(str(item["id"]) for item in items if item.get("id")),
    )
    ids = list(dict.fromkeys(ids))
    # 404: already gone, which is what was asked for.
    outcomes = yield from send_all(
        Batch(
            OnDemand(
                ids,
                lambda contact_id: Call(delete_contact.prepare(contact_id=contact_id), ok=_GONE),
            ),
            limit=limit,
            stop=_fatal,
            progress=report,
        )
    )
    done = tally(ids, outcomes, _fatal)
    if done.cause is not None:
        raise ContactsDeleteError(
            scope, len(done.succeeded), done.failed, tuple(done.not_attempted)
        ) from done.cause


def _bodies(
    records: Iterable[ParsedContact], region: str | None = None
) -> tuple[list[tuple[int, dict[str, Any]]], list[ImportNote]]:
    """``(line, create body)`` of each record, and a note for each number changed or left out.

    See :func:`~sipgateio.contacts.models.import_body`: a record is sent with every field,
    without the numbers that cannot be stored.
    """
    bodies: list[tuple[int, dict[str, Any]]] = []
    notes: list[ImportNote] = []
    for record in records:
        body, record_notes = import_body(record, region)
        bodies.append((record.line, body))
        notes.extend(record_notes)
    return bodies, notes


def _after(progress: Progress, done: int) -> Progress:
    """``progress`` for the requests that follow ``done`` others of the same call."""
    return lambda d, t: progress(done + d, done + t)


def _create_all(
    bodies: list[tuple[int, dict[str, Any]]],
    skipped: list[SkippedRecord],
    what: str,
    concurrency: int | None,
    progress: Progress | None,
    notes: Iterable[ImportNote] = (),
    imported: int = 0,
) -> Op[ImportReport]:
    """Create a contact from each ``(line, body)`` (POST /contacts, ``concurrency`` at once).

    A record the API refuses (400, 409, 422) joins ``skipped``; any other error stops the
    run and is raised as :class:`ContactsImportError` with the report so far. ``notes``
    (values the conversion changed or left out) go into the report, in line order;
    ``imported`` contacts were created before (by sipgate's CSV import).
    """
    outcomes = yield from send_all(
        Batch(
            OnDemand(
                bodies,
                lambda item: Call(
                    create_contact.prepare(body=CreateContactRequest.from_dict(item[1]))
                ),
            ),
            limit=concurrency,
            stop=_fatal,
            progress=progress,
        )
    )
    done = tally([line for line, _ in bodies], outcomes, _fatal)
    failed: dict[int, SipgateIOError] = {}
    for line, error in done.failed.items():
        if _refused(error):
            skipped.append(SkippedRecord(line, f"refused by the API: {error}"))
        else:
            failed[line] = error
    skipped.sort(key=lambda s: s.line)
    report = ImportReport(
        imported + len(done.succeeded), skipped, sorted(notes, key=lambda n: n.line)
    )
    if failed:
        raise ContactsImportError(report, failed, tuple(done.not_attempted), what) from done.cause
    return report


class ContactsResource(Resource[M]):
    """The address book (``client.contacts``). See :mod:`sipgateio.contacts.resource`."""

    # -- single contacts -----------------------------------------------------------------

    @operation
    def create(
        self,
        *,
        firstname: str,
        lastname: str,
        scope: Scope,
        numbers: Iterable[str | PhoneNumber] = (),
        emails: Iterable[str | Email] = (),
        addresses: Iterable[Address] = (),
        organization: Iterable[str] | Iterable[Iterable[str]] = (),
        picture: str | None = None,
    ) -> Op[None]:
        """Create a contact in the ``PRIVATE`` or ``SHARED`` address book (POST /contacts).

        Its name is ``firstname lastname``; one of the two may be empty. ``numbers`` are
        strings or :class:`~sipgateio.PhoneNumber` (with types); each is stored as given, or
        in E.164 form when it has a country code (``+49 211 63553355``, extensions kept as
        ``;ext=12``); one that cannot be a number (letters, an impossible length) is refused.
        ``emails`` are strings or :class:`~sipgateio.Email`. ``organization`` is one
        organisation as its name and units (``("sipgate GmbH", "Development")``) or a list of
        such tuples. ``picture`` is base64 image data or a URL.
        """
        given = _text(firstname, "firstname").strip()
        family = _text(lastname, "lastname").strip()
        if not given and not family:
            raise ValidationError(
                "firstname and lastname must not both be empty", field="firstname"
            )
        contact = Contact(
            "",
            f"{given} {family}".strip(),
            _picture(picture, "picture"),
            _new_emails(emails),
            _new_numbers(numbers),
            _addresses(addresses, "addresses"),
            _organization(organization, "organization"),
            _write_scope(scope),
        )
        body = contact_to_api(contact, given=given, family=family, with_id=False)
        yield from fetch(create_contact.prepare(body=CreateContactRequest.from_dict(body)))

    @operation
    def update(self, contact: Contact) -> Op[None]:
        """Replace a stored contact with ``contact`` (PUT /contacts/{contact.id}).

        Pass a contact read with :meth:`get` (or :meth:`iter_contacts`), changed with
        ``attrs.evolve``. Every field is written; numbers are sent as they are, so a contact
        read from the API goes back unchanged. Only ``PRIVATE`` and ``SHARED`` contacts can
        be written.
        """
        checked = _checked(contact)
        body = UpdateContactRequest.from_dict(contact_to_api(checked))
        yield from fetch(update_contact.prepare(contact_id=checked.id, body=body))

    @operation
    def delete(self, contact_id: str) -> Op[None]:
        """Delete one contact (DELETE /contacts/{contact_id}). This cannot be undone."""
        yield from fetch(delete_contact.prepare(contact_id=non_empty(contact_id, "contact_id")))

    @operation
    def delete_all_private(
        self, *, concurrency: int | None = None, progress: Progress | None = None
    ) -> Op[None]:
        """Delete every private contact, one request each. This cannot be undone.

        ``concurrency`` deletes are in flight at once (default: the client's);
        ``progress(done, total)`` is called after each. Failures are raised as
        :class:`ContactsDeleteError` (see the module's notes).
        """
        yield from _delete_all(Scope.PRIVATE, concurrency, progress)

    @operation
    def delete_all_shared(
        self, *, concurrency: int | None = None, progress: Progress | None = None
    ) -> Op[None]:
        """Delete every shared contact, one request each. This cannot be undone.

        ``concurrency`` deletes are in flight at once (default: the client's);
        ``progress(done, total)`` is called after each. Failures are raised as
        :class:`ContactsDeleteError` (see the module's notes).
        """
        yield from _delete_all(Scope.SHARED, concurrency, progress)

    # -- imports -------------------------------------------------------------------------

    @operation
    def import_from_csv_string(
        self,
        csv_content: str | bytes,
        *,
        scope: Scope = Scope.PRIVATE,
        default_region: str | None = None,
        concurrency: int | None = None,
        progress: Progress | None = None,
    ) -> Op[ImportReport]:
        """Import the contacts of a CSV document: sipgate's layout or an address book's export.

        ``csv_content`` is a ``str``, or ``bytes`` whose charset is detected (BOM, UTF-16,
        UTF-8, else Windows-1252). Two ways, chosen by the header:

        * sipgate's own layout, the columns ``firstname``, ``lastname`` and ``number`` (any
          order, any case) with no other column of numbers: sipgate's CSV import (POST
          /contacts/import/csv, one request), one number a row; other columns are not sent,
          and the report notes each. A named row that import cannot take as it is (no number,
          one that cannot be a number, several in one cell) is created on its own with POST
          /contacts, with its name and the numbers that can be stored.
        * any other layout (Google Contacts, Outlook in English or German, Thunderbird,
          LinkedIn, CRM exports, :meth:`export_as_csv`; see
          :func:`sipgateio.contacts.csv.parse_csv`), or ``scope=Scope.SHARED``: a contact
          per row with every number, e-mail, address and organisation of the row, created
          with POST /contacts; every column not read is noted in the report.

        Numbers are stored as given unless their normalisation is unambiguous (see
        :func:`~sipgateio.contacts.models.import_numbers`): no country is assumed unless
        ``default_region`` (``"DE"``) says where national numbers were dialled. Every number
        changed or left out is in the report's ``notes`` with its line and the reason; a row
        is imported with its other fields when one of its numbers is left out. Rows it cannot
        take (no name, malformed), and rows the API refuses (HTTP 400, 409, 422), are in
        ``skipped`` with their line. POST /contacts runs ``concurrency`` at once (default:
        the client's); ``progress(done, total)`` is called after each request. Any other
        error stops the import: :class:`ContactsImportError` carries the report (an error of
        the CSV import request itself is raised as it is). A CSV without any row to send
        sends nothing.
        """
        text = csv_text(csv_content, "csv_content")
        scope_ = _write_scope(scope)
        region = region_code(default_region, "default_region")
        limit, report = check_concurrency(concurrency), check_progress(progress)
        try:
            if scope_ is Scope.PRIVATE and is_import_layout(csv_header(text)):
                upload = prepare_import(text, default_region=region)
            else:
                parsed = parse_csv(text, scope=scope_)
                upload = None
        except ValidationError as exc:
            raise _naming("csv_content", exc) from None
        if upload is None:
            bodies, notes = _bodies(parsed.records, region)
            notes[:0] = parsed.notes
            return (
                yield from _create_all(bodies, list(parsed.skipped), "rows", limit, report, notes)
            )
        sent = 1 if upload.rows else 0  # the CSV import: one request
        total = sent + len(upload.records)
        if sent:
            yield from fetch(
                import_from_csv.prepare(
                    body=ImportCSVRequest(base_64_content=upload.base64_content)
                )
            )
            if report is not None:
                report(1, total)
        if not upload.records:  # the common case: no batch to run
            return ImportReport(upload.rows, list(upload.skipped), upload.notes)
        bodies, notes = _bodies(upload.records, region)
        notes[:0] = upload.notes
        if report is not None and sent:
            report = _after(report, sent)
        return (
            yield from _create_all(
                bodies, list(upload.skipped), "rows", limit, report, notes, imported=upload.rows
            )
        )

    @operation
    def import_vcard_string(
        self,
        vcard_content: str | bytes,
        scope: Scope,
        *,
        default_region: str | None = None,
        concurrency: int | None = None,
        progress: Progress | None = None,
    ) -> Op[ImportReport]:
        """Create a contact in ``scope`` from each card of a vCard text (POST /contacts each).

        Takes one card or a whole address book, as ``str`` or as the file's ``bytes`` (the
        encoding is detected, see :func:`~sipgateio.contacts.vcard.parse_vcards`), vCard 2.1,
        3.0 or 4.0, with every number, e-mail, address and organisation of a card.

        Numbers are stored as given unless their normalisation is unambiguous (see
        :func:`~sipgateio.contacts.models.import_numbers`): no country is assumed unless
        ``default_region`` (``"DE"``) says where national numbers were dialled. Every number
        changed or left out is in the report's ``notes`` with the card's ordinal and the reason;
        a card is imported with its other fields when one of its numbers is left out. A card
        that cannot be read is in ``skipped`` with its ordinal (the first card is 1) and the
        reason, as is a card the API refuses (HTTP 400, 409, 422). ``concurrency`` cards are
        sent at once (default: the client's); ``progress(done, total)`` is called after each.
        Any other error stops the import: :class:`ContactsImportError` carries the report.
        """
        scope_ = _write_scope(scope)
        region = region_code(default_region, "default_region")
        limit, report = check_concurrency(concurrency), check_progress(progress)
        if not isinstance(vcard_content, (str, bytes)):
            raise ValidationError(
                f"vcard_content must be str or bytes, got {vcard_content!r}",
                field="vcard_content",
            )
        try:
            parsed = parse_vcards(vcard_content, scope=scope_)
        except ValidationError as exc:
            raise _naming("vcard_content", exc) from None
        skipped = list(parsed.skipped)
        bodies, notes = _bodies(parsed.records, region)
        notes[:0] = parsed.notes
        return (yield from _create_all(bodies, skipped, "cards", limit, report, notes))

    # -- reads and exports ---------------------------------------------------------------

    @operation
    def get(
        self,
        scope: ExportScope,
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[list[Contact]]:
        """The contacts of ``scope`` (every one without ``pagination``), in the API's order."""
        return (yield from _get(scope, pagination, filter)).response

    @operation
    def paginated_get(
        self,
        scope: ExportScope,
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[Page[list[Contact]]]:
        """:meth:`get` with ``has_more``: whether the list goes on after the slice."""
        return (yield from _get(scope, pagination, filter))

    @item_stream
    def iter_contacts(
        self,
        scope: ExportScope,
        filter: ContactsExportFilter | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> Stream[Contact]:
        """Iterate over every contact of ``scope``, fetching lazily.

        Pages of ``page_size`` contacts (1 to :data:`DEFAULT_PAGE_SIZE`) are requested as
        the iteration reaches them; only one page is held in memory, however large the
        address book. Contacts created or deleted while iterating shift the API's offsets,
        so a contact may then be seen twice or not at all.
        """
        scope_, numbers = _export_scope(scope), _phonenumbers(filter)
        size = check_page_size(page_size, DEFAULT_PAGE_SIZE)
        batch: list[Contact] = []

        def take(items: Iterator[dict[str, Any]], _first: bool) -> None:
            batch.extend(contacts_from_api(items))

        offset = 0
        while True:
            count, more = yield from _scan(scope_, numbers, Pagination(offset, size), size, take)
            for contact in batch:
                yield Emit(contact)
            batch.clear()
            if not more or not count:
                return
            offset += count

    @operation
    def export_as_json(
        self,
        scope: ExportScope,
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[str]:
        """The contacts of ``scope`` as one JSON array of the API's contact objects.

        Each object is a contact as ``GET /contacts`` returns it (``id``, ``name``,
        ``picture``, ``emails``, ``numbers``, ``addresses``, ``organization``, ``scope``).
        """
        return (yield from _json(scope, pagination, filter)).response

    @operation
    def paginated_export_as_json(
        self,
        scope: ExportScope,
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[Page[str]]:
        """:meth:`export_as_json` with ``has_more``: whether the list goes on after the slice."""
        return (yield from _json(scope, pagination, filter))

    @operation
    def export_as_csv(
        self,
        scope: ExportScope,
        delimiter: str = ",",
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[str]:
        """The contacts of ``scope`` as RFC 4180 CSV with one header row.

        One row per contact, every number, e-mail, address and organisation kept: the format
        of :func:`sipgateio.contacts.csv.write_csv`, which
        :func:`~sipgateio.contacts.csv.parse_csv` reads back to the same contacts.
        """
        return (yield from _csv(scope, delimiter, pagination, filter)).response

    @operation
    def paginated_export_as_csv(
        self,
        scope: ExportScope,
        delimiter: str = ",",
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[Page[str]]:
        """:meth:`export_as_csv` with ``has_more``: whether the list goes on after the slice."""
        return (yield from _csv(scope, delimiter, pagination, filter))

    @operation
    def export_as_vcards(
        self,
        scope: ExportScope,
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[list[str]]:
        """The contacts of ``scope`` as vCard 4.0 strings, one per contact."""
        return (yield from _vcards(scope, pagination, filter)).response

    @operation
    def paginated_export_as_vcards(
        self,
        scope: ExportScope,
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[Page[list[str]]]:
        """:meth:`export_as_vcards` with ``has_more``: whether the list goes on after the slice."""
        return (yield from _vcards(scope, pagination, filter))

    @operation
    def export_as_single_vcard(
        self,
        scope: ExportScope,
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[str]:
        """The contacts of ``scope`` as one vCard 4.0 address book (the cards in a row)."""
        return (yield from _vcard_book(scope, pagination, filter)).response

    @operation
    def paginated_export_as_single_vcard(
        self,
        scope: ExportScope,
        pagination: Pagination | None = None,
        filter: ContactsExportFilter | None = None,
    ) -> Op[Page[str]]:
        """:meth:`export_as_single_vcard` with ``has_more``: whether the list goes on."""
        return (yield from _vcard_book(scope, pagination, filter))
