"""The contact models and their conversion from and to the API's JSON.

All models are frozen, slotted ``attrs`` classes; their collections are tuples, so a
:class:`Contact` is immutable and hashable (lists passed in are turned into tuples).

Types of numbers and e-mails
----------------------------
``PhoneNumber.type`` and ``Email.type`` are the API's type lists as tuples of lower-case
strings, for example ``("cell",)``, ``("home",)``, ``("work", "fax")``. They map one to one to
the values of the vCard ``TYPE`` parameter, in order: ``("work", "fax")`` is written as
``TEL;TYPE=work,fax`` and read back from ``TYPE=WORK,FAX``, ``TYPE=work;TYPE=fax`` or the
vCard 2.1 forms ``TEL;WORK;FAX`` and ``TEL;MSG,WORK``. Every value is kept (``voice``,
``pref``, ``internet``...), lower-cased, without duplicates; a vCard 4.0 ``PREF=1`` parameter
adds ``"pref"``, and Apple's ``itemN.X-ABLabel`` standard labels add theirs (``_$!<Mobile>!$_``
adds ``"cell"``). Writing quotes a type holding ``:``, ``;`` or ``,`` (a quoted value is read
back as one type); every type the reader produces can be written, while a type that is empty
or holds ``"`` or a control character cannot be a vCard parameter value and raises
ValidationError. In CSV the tuple is the
comma-separated part after ``;`` of each item of the ``numbers``/``emails`` cells.
"""

from __future__ import annotations

import enum
import gc
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .._validation import contact_number
from ..errors import ValidationError

__all__ = [
    "Address",
    "Contact",
    "ContactsExportFilter",
    "Email",
    "ExportScope",
    "ImportNote",
    "ImportReport",
    "ParseResult",
    "ParsedContact",
    "PhoneNumber",
    "Scope",
    "SkippedRecord",
    "contact_from_api",
    "contact_to_api",
    "contacts_from_api",
    "gc_pause_enabled",
    "import_body",
    "import_number",
    "import_numbers",
    "pause_gc_during_conversions",
    "paused_gc",
    "split_name",
]


class Scope(enum.StrEnum):
    """Where a contact lives: the user's own (``PRIVATE``) or the organisation's (``SHARED``)."""

    PRIVATE = "PRIVATE"
    SHARED = "SHARED"


class ExportScope(enum.StrEnum):
    """Which contacts to read: ``PRIVATE``, ``SHARED``, ``INTERNAL`` or ``ALL``.

    ``INTERNAL`` are the contacts sipgate keeps for the account, e.g. its web users.
    """

    PRIVATE = "PRIVATE"
    SHARED = "SHARED"
    INTERNAL = "INTERNAL"
    ALL = "ALL"


def _types(value: Iterable[str]) -> tuple[str, ...]:
    return value if type(value) is tuple else tuple(value)


@attrs.frozen
class PhoneNumber:
    """A phone number of a contact and its types: ``PhoneNumber("+4921163553355", ("work",))``."""

    number: str
    type: tuple[str, ...] = attrs.field(default=(), converter=_types)


@attrs.frozen
class Email:
    """An e-mail address of a contact and its types: ``Email("ada@example.com", ("home",))``."""

    email: str
    type: tuple[str, ...] = attrs.field(default=(), converter=_types)


@attrs.frozen
class Address:
    """A postal address, with the seven components of a vCard ``ADR``."""

    po_box: str = ""
    extended_address: str = ""
    street_address: str = ""
    locality: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""


def _numbers(value: Iterable[PhoneNumber]) -> tuple[PhoneNumber, ...]:
    return value if type(value) is tuple else tuple(value)


def _emails(value: Iterable[Email]) -> tuple[Email, ...]:
    return value if type(value) is tuple else tuple(value)


def _addresses(value: Iterable[Address]) -> tuple[Address, ...]:
    return value if type(value) is tuple else tuple(value)


def _organization(value: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    if type(value) is tuple:
        for o in value:
            if type(o) is not tuple:
                break
        else:
            return value
    return tuple([o if type(o) is tuple else tuple(o) for o in value])


@attrs.frozen
class Contact:
    """A contact as the API returns it.

    ``organization`` holds one tuple per organisation: its name followed by its units, as in a
    vCard ``ORG`` (``(("sipgate GmbH", "Development"),)``). ``picture`` is the API's base64
    image data (or a URL), ``None`` when there is none. ``scope`` is a :class:`Scope`, or
    ``ExportScope.INTERNAL`` for sipgate's internal contacts. ``id`` is ``""`` for a contact that
    does not exist in sipgate yet (e.g. one read from a file).
    """

    id: str
    name: str
    picture: str | None = None
    emails: tuple[Email, ...] = attrs.field(default=(), converter=_emails)
    numbers: tuple[PhoneNumber, ...] = attrs.field(default=(), converter=_numbers)
    addresses: tuple[Address, ...] = attrs.field(default=(), converter=_addresses)
    organization: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_organization)
    scope: Scope | ExportScope = Scope.PRIVATE


@attrs.frozen
class ContactsExportFilter:
    """Restricts an export to the contacts having one of ``phonenumbers``."""

    phonenumbers: tuple[str, ...] = attrs.field(default=(), converter=_types)


@attrs.frozen
class SkippedRecord:
    """A record an import could not take.

    ``line`` is the physical line of the CSV file where the record starts (the header is
    line 1), or the ordinal of the vCard (the first card is 1).
    """

    line: int
    reason: str


@attrs.frozen
class ImportNote:
    """A value an import changed, or left out of a contact it imported.

    ``line`` is the CSV line or the card's ordinal (as in :class:`SkippedRecord`); ``field``
    names the value (``"number"``); ``original`` is the value as the file had it; ``result``
    what was stored instead, or ``None`` when it was left out (the contact was imported
    without it); ``reason`` says why. A CSV column not imported at all is one note with
    ``field="column"``, ``original`` its name (``""`` for a column without one), ``line``
    the header's line and ``result`` None. ``result == original`` means it was kept as given
    though something about it was doubtful (e.g. a short number with ``default_region``).
    """

    line: int
    field: str
    original: str
    result: str | None
    reason: str


def _notes(value: Iterable[ImportNote]) -> tuple[ImportNote, ...]:
    return value if type(value) is tuple else tuple(value)


@attrs.frozen
class ImportReport:
    """The outcome of an import.

    ``imported``: how many contacts were created. ``skipped``: every record not imported, with
    its line (or card ordinal) and the reason. ``notes``: every value of an imported (or
    offered) record that was changed or left out, as :class:`ImportNote` in file order.
    """

    imported: int
    skipped: list[SkippedRecord] = attrs.field(factory=list)
    notes: tuple[ImportNote, ...] = attrs.field(default=(), converter=_notes)


@attrs.frozen
class ParsedContact:
    """A contact read from a file, with where it started and the name parts an import sends.

    ``line`` is the CSV line or the vCard ordinal (as in :class:`SkippedRecord`); ``given`` and
    ``family`` are the first and last name (from the CSV columns or the vCard ``N``).
    """

    line: int
    contact: Contact
    given: str
    family: str


def _skipped(value: Iterable[SkippedRecord]) -> tuple[SkippedRecord, ...]:
    return value if type(value) is tuple else tuple(value)


class ParseResult:
    """What an offline parse returns: the contacts it read and the records it skipped.

    ``records`` holds a :class:`ParsedContact` for each contact read, in file order;
    ``contacts`` the contacts alone. ``skipped`` lists every record not taken (see
    :class:`SkippedRecord`), ``notes`` what the reader changed or left out of the contacts it
    read (see :class:`ImportNote`), e.g. a text decoded as cp1252 or a property it could not
    read. Immutable; equal when records, skipped and notes are; hashable and picklable.

    The vCard reader keeps the contacts and, beside them, the line and name parts of each in
    one tuple of plain values; the :class:`ParsedContact` objects are made when ``records``
    is first read. Kept by the thousand (one result per card), the result then leaves fewer
    objects for CPython's cyclic garbage collector to go through (see
    ``benchmarks/RESULTS.md``).
    """

    __slots__ = ("__weakref__", "_contacts", "_meta", "_notes", "_records", "_skipped")
    # Either _records, or _contacts (one Contact as itself) and _meta (line, given, family of
    # each, flat) from which records are made (and then kept in _records).
    _contacts: tuple[Contact, ...] | Contact
    _meta: tuple[int | str, ...]
    _records: tuple[ParsedContact, ...] | None
    _skipped: tuple[SkippedRecord, ...]
    _notes: tuple[ImportNote, ...]

    def __init__(
        self,
        records: Iterable[ParsedContact] = (),
        skipped: Iterable[SkippedRecord] = (),
        notes: Iterable[ImportNote] = (),
    ) -> None:
        _set_contacts(self, ())
        _set_meta(self, ())
        _set_records(self, records if type(records) is tuple else tuple(records))
        _set_skipped(self, _skipped(skipped))
        _set_notes(self, _notes(notes))

    @property
    def records(self) -> tuple[ParsedContact, ...]:
        """The contacts read, each with its line (or card ordinal) and name parts."""
        records = self._records
        if records is None:
            meta = self._meta
            contacts = self._contacts
            if type(contacts) is Contact:
                contacts = (contacts,)
            records = tuple(
                [
                    ParsedContact(meta[i], contact, meta[i + 1], meta[i + 2])  # type: ignore[arg-type]
                    for i, contact in zip(range(0, len(meta), 3), contacts, strict=True)  # type: ignore[arg-type]
                ]
            )
            _set_records(self, records)
        return records

    @property
    def skipped(self) -> tuple[SkippedRecord, ...]:
        """Every record not taken, with its line (or card ordinal) and the reason."""
        return self._skipped

    @property
    def notes(self) -> tuple[ImportNote, ...]:
        """What the reader changed or left out of the contacts it read, in file order."""
        return self._notes

    @property
    def contacts(self) -> list[Contact]:
        """The parsed contacts, without their line numbers and name parts."""
        if self._records is not None:
            return [r.contact for r in self._records]
        contacts = self._contacts
        return [contacts] if type(contacts) is Contact else list(contacts)  # type: ignore[arg-type]

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, ParseResult)
        return (
            self.records == other.records
            and self._skipped == other._skipped
            and self._notes == other._notes
        )

    def __hash__(self) -> int:
        return hash((self.records, self._skipped, self._notes))

    def __repr__(self) -> str:
        return (
            f"ParseResult(records={self.records!r}, skipped={self._skipped!r},"
            f" notes={self._notes!r})"
        )

    def __reduce__(self) -> tuple[type[ParseResult], tuple[object, ...]]:
        return ParseResult, (self.records, self._skipped, self._notes)


_new = object.__new__
_set_contacts, _set_meta, _set_records, _set_skipped, _set_notes = (
    ParseResult.__dict__[slot].__set__  # the slots' own setters: ParseResult refuses setattr
    for slot in ("_contacts", "_meta", "_records", "_skipped", "_notes")
)


def _parse_result(
    contacts: tuple[Contact, ...],
    meta: tuple[int | str, ...],
    skipped: tuple[SkippedRecord, ...] = (),
    notes: tuple[ImportNote, ...] = (),
) -> ParseResult:
    """A :class:`ParseResult` of ``contacts`` and, flat, ``(line, given, family)`` of each.

    For the readers: made once per parse (once per card when cards are read one by one), so
    without the checks and copies of ``ParseResult(records, ...)``.
    """
    self: ParseResult = _new(ParseResult)
    # One contact is kept as itself: a tuple around it would be one more tracked object.
    _set_contacts(self, contacts[0] if len(contacts) == 1 else contacts)
    _set_meta(self, meta)
    _set_records(self, None)
    _set_skipped(self, skipped)
    _set_notes(self, notes)
    return self


_NOT_IN_A_NAME = re.compile(r"[;\n\r\t]")
_SUFFIXES = frozenset(
    {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "esq", "esq."}
)


def split_name(name: str) -> tuple[str, str]:
    """Split a full name into ``(given, family)``.

    ``"Ada Lovelace"`` gives ``("Ada", "Lovelace")``: the last word is the family name; a
    single word is taken as the given name. A name written family name first, with one comma
    (``"Lovelace, Ada"``, ``"van Beethoven, Ludwig"``), gives ``("Ada", "Lovelace")``, unless
    what follows the comma is a suffix (``"John Doe, Jr."``). Only used where nothing better is
    known (the API returns a contact's full name only).
    """
    text = name.strip()
    if text.count(",") == 1 and not _NOT_IN_A_NAME.search(text):
        family, given = (part.strip() for part in text.split(","))
        if family and given and given.lower() not in _SUFFIXES:
            return given, family
    parts = text.rsplit(None, 1)
    if len(parts) == 2:
        return parts[0], parts[1]
    return (parts[0] if parts else ""), ""


_SCOPES: dict[str, Scope | ExportScope] = {
    "PRIVATE": Scope.PRIVATE,
    "SHARED": Scope.SHARED,
    "INTERNAL": ExportScope.INTERNAL,
}
_NO_TYPES: tuple[str, ...] = ()


def _str(value: Any) -> str:
    # The API documents numbers as strings with integer examples: take either, never None.
    return "" if value is None else value if type(value) is str else str(value)


def contact_from_api(data: Mapping[str, Any]) -> Contact:
    """Build a :class:`Contact` from one contact of the API's JSON (``GET /contacts`` items).

    Missing lists count as empty; a missing or ``null`` picture is ``None``; numbers sent as
    JSON numbers become strings. Raises :class:`~sipgateio.errors.ValidationError` for a scope
    the library does not know. Written for speed (plain loops, no comprehensions): it runs once
    per contact of an export.
    """
    get = data.get
    scope_name = get("scope") or "PRIVATE"
    scope = _SCOPES.get(scope_name)
    if scope is None:
        raise ValidationError(f"unknown contact scope {scope_name!r}", field="scope")
    emails: tuple[Email, ...] = ()
    numbers: tuple[PhoneNumber, ...] = ()
    addresses: tuple[Address, ...] = ()
    organization: tuple[tuple[str, ...], ...] = ()
    raw = get("emails")
    if raw:
        out_emails = []
        for e in raw:
            value, types = e.get("email"), e.get("type")
            out_emails.append(
                Email(value if type(value) is str else _str(value), tuple(types) if types else ())
            )
        emails = tuple(out_emails)
    raw = get("numbers")
    if raw:
        out_numbers = []
        for n in raw:
            value, types = n.get("number"), n.get("type")
            out_numbers.append(
                PhoneNumber(
                    value if type(value) is str else _str(value), tuple(types) if types else ()
                )
            )
        numbers = tuple(out_numbers)
    raw = get("addresses")
    if raw:
        out_addresses = []
        for a in raw:
            a_get = a.get
            out_addresses.append(
                Address(
                    a_get("poBox") or "",
                    a_get("extendedAddress") or "",
                    a_get("streetAddress") or "",
                    a_get("locality") or "",
                    a_get("region") or "",
                    a_get("postalCode") or "",
                    a_get("country") or "",
                )
            )
        addresses = tuple(out_addresses)
    raw = get("organization")
    if raw:
        out_organization = []
        for o in raw:
            out_organization.append(tuple(o))
        organization = tuple(out_organization)
    contact_id, name = get("id"), get("name")
    return Contact(
        contact_id if type(contact_id) is str else _str(contact_id),
        name if type(name) is str else _str(name),
        get("picture") or None,
        emails,
        numbers,
        addresses,
        organization,
        scope,
    )


def _address_to_api(a: Address) -> dict[str, str]:
    return {
        "poBox": a.po_box,
        "extendedAddress": a.extended_address,
        "streetAddress": a.street_address,
        "locality": a.locality,
        "region": a.region,
        "postalCode": a.postal_code,
        "country": a.country,
    }


def contact_to_api(
    contact: Contact,
    *,
    given: str | None = None,
    family: str | None = None,
    with_id: bool = True,
) -> dict[str, Any]:
    """The JSON body that updates ``contact`` (``PUT /contacts/{id}``) or creates it (``POST``).

    The body carries ``id`` when ``contact.id`` is not empty and ``with_id`` is true; pass
    ``with_id=False`` to create a contact read from a file (whose id is the vCard's UID).
    ``given``/``family`` (the API's first and last name) default to :func:`split_name` of
    ``contact.name``. Only ``PRIVATE`` and ``SHARED`` contacts can be written: any other scope
    raises :class:`~sipgateio.errors.ValidationError`.
    """
    scope = contact.scope
    if scope != Scope.PRIVATE and scope != Scope.SHARED:
        raise ValidationError(
            f"contacts can only be written with scope PRIVATE or SHARED, got {scope}",
            field="scope",
        )
    if given is None or family is None:
        split_given, split_family = split_name(contact.name)
        given = split_given if given is None else given
        family = split_family if family is None else family
    body: dict[str, Any] = {"id": contact.id} if contact.id and with_id else {}
    body.update(
        {
            "name": contact.name,
            "given": given,
            "family": family,
            "picture": contact.picture,
            "emails": [{"email": e.email, "type": list(e.type)} for e in contact.emails],
            "numbers": [{"number": n.number, "type": list(n.type)} for n in contact.numbers],
            "addresses": [_address_to_api(a) for a in contact.addresses],
            "organization": [list(o) for o in contact.organization],
            "scope": str(scope),
        }
    )
    return body


def import_numbers(
    numbers: Iterable[PhoneNumber], line: int, default_region: str | None = None
) -> tuple[tuple[PhoneNumber, ...], list[ImportNote]]:
    """The numbers an import stores for a record's ``numbers``, and a note for each change.

    Each number goes through :func:`sipgateio._validation.contact_number`: kept as given
    unless its normalisation is unambiguous (see there), left out when it cannot be a number.
    Every change and every number left out gets an :class:`ImportNote` at ``line``.
    """
    kept: list[PhoneNumber] = []
    notes: list[ImportNote] = []
    for n in numbers:
        result, note = import_number(n.number, line, default_region)
        if note is not None:
            notes.append(note)
        if result is not None:
            kept.append(n if result == n.number else PhoneNumber(result, n.type))
    return tuple(kept), notes


def import_number(
    number: str, line: int, default_region: str | None = None
) -> tuple[str | None, ImportNote | None]:
    """How an import stores one ``number`` of the record at ``line``: ``(stored, note)``.

    ``stored`` is the number as given (trimmed), or its unambiguous normalisation, or None
    when it cannot be a number (see :func:`sipgateio._validation.contact_number`); ``note``
    says what was changed or left out and why (None when the number is kept as given). Every
    contacts import stores its numbers through this function.
    """
    result, reason = contact_number(number, default_region)
    return result, ImportNote(line, "number", number, result, reason) if reason else None


def import_body(
    record: ParsedContact, default_region: str | None = None
) -> tuple[dict[str, Any], list[ImportNote]]:
    """The ``POST /contacts`` body that creates a contact read from a file, and its notes.

    The contact's numbers go through :func:`import_numbers`; its id (a vCard UID, a CSV id)
    is not sent. A number that cannot be stored is left out and noted: the contact is
    imported with every other field.
    """
    contact = record.contact
    numbers, notes = import_numbers(contact.numbers, record.line, default_region)
    body = contact_to_api(
        Contact(
            "",
            contact.name,
            contact.picture,
            contact.emails,
            numbers,
            contact.addresses,
            contact.organization,
            contact.scope,
        ),
        given=record.given,
        family=record.family,
        with_id=False,
    )
    return body, notes


_gc_pause = [False]  # opt-in: see pause_gc_during_conversions


def pause_gc_during_conversions(enabled: bool = True) -> None:
    """Opt in (or back out) of pausing the cyclic garbage collector during bulk conversions.

    Off by default. When on, the contacts conversions (CSV and vCard, reading and writing,
    the export pages) switch CPython's cyclic garbage collector off while they build their
    results and back on when they end, even on error. They create no reference cycles, so
    nothing is lost, and 100,000 contacts convert markedly faster (see
    ``benchmarks/contacts_bench.py --gc-pause``). The switch is process-wide: while a
    conversion runs, no thread's cycles are collected. Choose it for batch jobs, not inside a
    server that must collect while a conversion runs.
    """
    _gc_pause[0] = bool(enabled)


def gc_pause_enabled() -> bool:
    """Whether :func:`pause_gc_during_conversions` is on."""
    return _gc_pause[0]


class paused_gc:
    """Pause CPython's cyclic garbage collector while a bulk conversion builds its results.

    Only when :func:`pause_gc_during_conversions` opted in (otherwise it does nothing).
    Converting 100,000 contacts allocates millions of container objects; each allocation
    burst makes the collector re-scan the whole, growing heap, which costs more than the
    conversion itself. The conversions create no reference cycles, so there is nothing for
    the collector to find. Collection is deferred, not skipped: the next collection after
    the call looks at the new objects once. Nests; a collector the caller switched off
    stays off.
    """

    __slots__ = ("_resume",)

    def __enter__(self) -> None:
        self._resume = _gc_pause[0] and gc.isenabled()
        if self._resume:
            gc.disable()

    def __exit__(self, *exc_info: object) -> None:
        if self._resume:
            gc.enable()


def contacts_from_api(items: Iterable[Mapping[str, Any]]) -> list[Contact]:
    """:func:`contact_from_api` for every item of a ``GET /contacts`` page."""
    with paused_gc():
        return [contact_from_api(item) for item in items]
