r"""CSV conversion of contacts: export, offline import, and the API's CSV import projection.

>>> from sipgateio.contacts import csv as contacts_csv
>>> text = contacts_csv.write_csv(contacts, delimiter=";")   # RFC 4180, one row per contact
>>> result = contacts_csv.parse_csv(text)                   # the same contacts back (offline)
>>> upload = contacts_csv.prepare_import(text)              # what POST /contacts/import/csv takes

Reading (:func:`parse_csv`, :func:`prepare_import`) uses the :mod:`csv` module: quoted fields
with delimiters, quotes and line breaks inside, a leading BOM, CRLF/LF/CR line ends. The
first non-blank row is the header; its names are matched case-insensitively, ignoring spaces,
``_`` and ``-`` (``First Name`` is ``firstname``), in any order; unknown columns are ignored.
The columns ``firstname``, ``lastname`` and ``number`` are required (a
:class:`~sipgateio.errors.ValidationError` names the missing ones). Every row that cannot be
taken is reported as a :class:`~sipgateio.contacts.models.SkippedRecord` with the physical line
where it starts (the header is line 1) and the reason; blank lines are ignored. The delimiter
is detected from the header (``,`` ``;`` tab ``|``) unless given.

Phone numbers are normalised to E.164 with ``phonenumbers`` (national numbers in
``default_region``, ``DE`` unless given); a number that is already E.164 (``+`` and 7 to 15
digits) is taken as it is. A row with a number that is not a possible phone number is skipped
with the reason, never dropped silently.

The export format (:func:`write_csv`)
-------------------------------------
Columns ``id,name,firstname,lastname,number,numbers,emails,addresses,organization,picture,scope``
(:data:`EXPORT_COLUMNS`), one row per contact, so the file also suits sipgate's own CSV import:
``firstname``/``lastname`` are the name split at its last word and ``number`` is the first
number. Every value is kept in the multi-value columns, one item per line inside the cell::

    numbers        +4915114183288;cell            number;type,type   (no ";" without types)
                   +4921163553355;work,fax
    emails         ada@example.com;home           e-mail;type,type
    addresses      ;;Hauptstr. 1;Essen;NRW;45960;Germany   po box;extended;street;locality;
                                                           region;postal code;country (as ADR)
    organization   sipgate GmbH;Development       name;unit;unit...    (as ORG)

Inside these items a backslash escapes ``\\`` ``\;`` and line breaks (``\n``, ``\r``), and
``\,`` inside types. As in vCard export, numbers and e-mails that are empty (or white space)
and addresses and organisations without any non-empty part carry nothing and are not written.
:func:`parse_csv` reads this format back to the same contacts; without a ``numbers`` column
(or with it empty) the ``number`` column is the contact's number.
"""

from __future__ import annotations

import base64
import csv as _csv
import io
import re
from collections.abc import Callable, Iterable, Iterator

import attrs

from .._validation import is_e164, phone_number
from ..errors import ValidationError
from .models import (
    Address,
    Contact,
    Email,
    ExportScope,
    ParsedContact,
    ParseResult,
    PhoneNumber,
    Scope,
    SkippedRecord,
    paused_gc,
    split_name,
)

__all__ = [
    "EXPORT_COLUMNS",
    "IMPORT_COLUMNS",
    "CsvImport",
    "normalize_number",
    "parse_csv",
    "prepare_import",
    "write_csv",
]

EXPORT_COLUMNS = (
    "id",
    "name",
    "firstname",
    "lastname",
    "number",
    "numbers",
    "emails",
    "addresses",
    "organization",
    "picture",
    "scope",
)
IMPORT_COLUMNS = ("firstname", "lastname", "number")
"""The columns every CSV import needs (and the header of the API's CSV import)."""

_ALIASES = {
    "givenname": "firstname",
    "first": "firstname",
    "familyname": "lastname",
    "surname": "lastname",
    "last": "lastname",
    "phone": "number",
    "phonenumber": "number",
    "email": "emails",
    "emailaddress": "emails",
    "address": "addresses",
    "organisation": "organization",
    "company": "organization",
    "org": "organization",
    "photo": "picture",
    "fullname": "name",
    "displayname": "name",
}
_DELIMITERS = (",", ";", "\t", "|")
_SCOPES: dict[str, Scope | ExportScope] = {
    "PRIVATE": Scope.PRIVATE,
    "SHARED": Scope.SHARED,
    "INTERNAL": ExportScope.INTERNAL,
}

# ----------------------------------------------------------------------------- phone numbers

DEFAULT_REGION = "DE"
"""Where national numbers of an imported address book are read as dialled (``0211...``)."""


def normalize_number(number: str, default_region: str = DEFAULT_REGION) -> str:
    """``number`` in E.164 form, e.g. ``"0211 63553355"`` → ``"+4921163553355"``.

    A number already in E.164 form is returned as it is. Raises
    :class:`~sipgateio.errors.ValidationError` (field ``number``) when ``phonenumbers`` cannot
    parse it or it cannot be a phone number: too short or too long for its country, or a local
    number without area code (``110``). The import paths' check, see
    :func:`sipgateio._validation.phone_number` with ``default_region``.
    """
    return phone_number(number, "number", default_region=default_region)


# ------------------------------------------------------------------------------------ export


def _esc(value: str) -> str:
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if ";" in value:
        value = value.replace(";", "\\;")
    if "\n" in value or "\r" in value:
        value = value.replace("\n", "\\n").replace("\r", "\\r")
    return value


def _esc_type(value: str) -> str:
    value = _esc(value)
    return value.replace(",", "\\,") if "," in value else value


_needs_esc = re.compile(r"[\\;\r\n]").search
_type_suffixes: dict[tuple[str, ...], str] = {}


def _type_suffix(types: tuple[str, ...]) -> str:
    """``;type,type`` for a type tuple (memoised: an address book has few distinct tuples)."""
    suffix = _type_suffixes.get(types)
    if suffix is None:
        suffix = ";" + ",".join([_esc_type(t) for t in types]) if types else ""
        if len(_type_suffixes) < 4096:
            _type_suffixes[types] = suffix
    return suffix


def _numbers_cell(numbers: tuple[PhoneNumber, ...]) -> str:
    items = []
    for n in numbers:
        value = n.number
        if value and not value.isspace():
            items.append((_esc(value) if _needs_esc(value) else value) + _type_suffix(n.type))
    return "\n".join(items)


def _emails_cell(emails: tuple[Email, ...]) -> str:
    items = []
    for e in emails:
        value = e.email
        if value and not value.isspace():
            items.append((_esc(value) if _needs_esc(value) else value) + _type_suffix(e.type))
    return "\n".join(items)


def _addresses_cell(addresses: tuple[Address, ...]) -> str:
    items = []
    for a in addresses:
        joined = (
            f"{a.po_box};{a.extended_address};{a.street_address};{a.locality};{a.region};"
            f"{a.postal_code};{a.country}"
        )
        if len(joined) == 6:  # every part empty: nothing to keep
            continue
        if joined.count(";") != 6 or _needs_esc(joined.replace(";", "")):
            joined = ";".join(
                [
                    _esc(a.po_box),
                    _esc(a.extended_address),
                    _esc(a.street_address),
                    _esc(a.locality),
                    _esc(a.region),
                    _esc(a.postal_code),
                    _esc(a.country),
                ]
            )
        items.append(joined)
    return "\n".join(items)


def _organization_cell(organization: tuple[tuple[str, ...], ...]) -> str:
    items = []
    for org in organization:
        if any(org):
            joined = ";".join(org)
            if joined.count(";") != len(org) - 1 or _needs_esc(joined.replace(";", "")):
                joined = ";".join([_esc(part) for part in org])
            items.append(joined)
    return "\n".join(items)


def _row(contact: Contact) -> tuple[str, ...]:
    given, family = split_name(contact.name)
    numbers = contact.numbers
    first = ""
    for n in numbers:
        if n.number and not n.number.isspace():
            first = n.number
            break
    return (
        contact.id,
        contact.name,
        given,
        family,
        first,
        _numbers_cell(numbers) if numbers else "",
        _emails_cell(contact.emails) if contact.emails else "",
        _addresses_cell(contact.addresses) if contact.addresses else "",
        _organization_cell(contact.organization) if contact.organization else "",
        contact.picture or "",
        contact.scope.value,
    )


def _check_delimiter(delimiter: str) -> None:
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise ValidationError(
            f"delimiter must be one character other than a double quote or line break, "
            f"got {delimiter!r}",
            field="delimiter",
        )


class _Chunks(list[str]):
    """A file for :func:`csv.writer` that collects what it writes."""

    write = list.append


def _writer(
    delimiter: str, lineterminator: str
) -> tuple[_Chunks, Callable[[Iterable[str]], object]]:
    """The rows' writer: plain joining for rows that need no quotes, the csv module for the rest.

    A row none of whose fields holds the delimiter, a double quote or a line break is written
    by ``csv.writer`` (QUOTE_MINIMAL) exactly as ``delimiter.join(row)``: that case, nearly
    every row, skips the per-character work of the csv module. (Tests check the equivalence.)
    """
    chunks = _Chunks()
    writerow = _csv.writer(chunks, delimiter=delimiter, lineterminator=lineterminator).writerow

    def write(row: Iterable[str]) -> object:
        fields = tuple(row)
        line = delimiter.join(fields)
        width = len(fields) - 1
        if (
            line.count(delimiter) == width
            and '"' not in line
            and "\n" not in line
            and "\r" not in line
            and (width or line)  # csv writes a lone empty field as ""
        ):
            chunks.append(line + lineterminator)
            return None
        return writerow(fields)

    return chunks, write


def write_csv(contacts: Iterable[Contact], *, delimiter: str = ",", header: bool = True) -> str:
    """The contacts as RFC 4180 CSV (CRLF line ends), in the export format described above.

    ``header=False`` leaves out the header row (to append a further page to an export).
    """
    _check_delimiter(delimiter)
    with paused_gc():
        chunks, write = _writer(delimiter, "\r\n")
        if header:
            write(EXPORT_COLUMNS)
        for contact in contacts:
            write(_row(contact))
        return "".join(chunks)


# ------------------------------------------------------------------------------------ import


def _canonical(name: str) -> str:
    key = name.strip().lower().replace(" ", "").replace("_", "").replace("-", "")
    return _ALIASES.get(key, key)


def _detect_delimiter(first_line: str) -> str:
    best, best_found = ",", -1
    for candidate in _DELIMITERS:
        names = {_canonical(n.strip('"')) for n in first_line.split(candidate)}
        found = sum(1 for c in IMPORT_COLUMNS if c in names)
        if found > best_found:
            best, best_found = candidate, found
    return best


class _Table:
    """An opened CSV: the reader (positioned after the header) and the header's columns."""

    __slots__ = ("columns", "delimiter", "line", "reader", "unquoted", "width")

    def __init__(self, text: str, delimiter: str | None) -> None:
        if text[:1] == "\ufeff":
            text = text[1:]
        if delimiter is None:  # from the first non-blank line (a header is not 64 KiB long)
            lines = io.StringIO(text[:65536], newline="")
            first = next((line for line in lines if line.strip()), "")
            delimiter = _detect_delimiter(first.rstrip("\r\n"))
        _check_delimiter(delimiter)
        self.delimiter = delimiter
        # No double quote anywhere: no field was quoted, so none holds a delimiter or line break.
        self.unquoted = '"' not in text
        self.reader = _csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header: list[str] = []
        for row in self.reader:
            if any(cell.strip() for cell in row):
                header = row
                break
        self.columns: dict[str, int] = {}
        for index, name in enumerate(header):
            self.columns.setdefault(_canonical(name), index)
        missing = [c for c in IMPORT_COLUMNS if c not in self.columns]
        if missing:
            found = ", ".join(repr(h) for h in header) or "none"
            raise ValidationError(
                f"CSV header lacks the column(s) {', '.join(missing)} (found: {found})",
                field="csv_content",
            )
        self.width = len(header)
        self.line = self.reader.line_num  # physical line number of the header's last line

    def fit(self, row: list[str]) -> list[str] | str:
        """A row whose length differs from the header's: padded, or the reason to skip it."""
        width = self.width
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            return f"the record has {len(row)} fields, the header {width}"
        return (row + [""] * width)[:width]

    def rows(self) -> Iterator[tuple[int, list[str] | str]]:
        """Yield ``(line, row)`` per record, or ``(line, reason)`` for a malformed one.

        ``line`` is the physical line where the record starts; blank lines are left out and
        short rows padded with empty cells.
        """
        reader, width, line_num = self.reader, self.width, self.line
        for row in reader:
            start, line_num = line_num + 1, reader.line_num
            if len(row) != width:
                if not row:
                    continue
                yield start, self.fit(row)
            else:
                yield start, row


def _unesc(value: str) -> str:
    if "\\" not in value:
        return value
    out, i, size = [], 0, len(value)
    while i < size:
        char = value[i]
        if char == "\\" and i + 1 < size:
            i += 1
            char = value[i]
            char = "\n" if char == "n" else "\r" if char == "r" else char
        out.append(char)
        i += 1
    return "".join(out)


def _split(value: str, separator: str) -> list[str]:
    """Split at unescaped separators, keeping the escapes (undone by :func:`_unesc`)."""
    if "\\" not in value:
        return value.split(separator)
    parts, start, i, size = [], 0, 0, len(value)
    while i < size:
        char = value[i]
        if char == "\\":
            i += 2
            continue
        if char == separator:
            parts.append(value[start:i])
            start = i + 1
        i += 1
    parts.append(value[start:])
    return parts


def _items(cell: str) -> list[str]:
    """The items of a multi-value cell: one per line (a raw CR can only come from a CRLF)."""
    if "\r" in cell:
        cell = cell.replace("\r", "")
    return [item for item in cell.split("\n") if item]


def _typed(cell: str) -> list[tuple[str, tuple[str, ...]]]:
    """The ``value;type,type`` items of a numbers or e-mails cell.

    Items without a value are left out: they carry nothing, and the export never writes them.
    """
    out = []
    for item in _items(cell):
        parts = _split(item, ";")
        value = _unesc(parts[0]).strip()
        if not value:
            continue
        types = (
            tuple(_unesc(t).strip().lower() for t in _split(parts[1], ",") if t.strip())
            if len(parts) > 1
            else ()
        )
        out.append((value, types))
    return out


def _contact(
    row: list[str], columns: dict[str, int], scope: Scope | ExportScope, region: str
) -> tuple[Contact, str, str]:
    """The contact of one row; ValueError (with the reason) when the row cannot be taken."""

    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index] if index is not None else ""

    if not any(cell_.strip() for cell_ in row):
        raise ValueError("empty record")
    given, family = cell("firstname").strip(), cell("lastname").strip()
    name = cell("name").strip() or f"{given} {family}".strip()
    if not name:
        raise ValueError("no name (firstname and lastname are empty)")
    if not given and not family:
        given, family = split_name(name)
    numbers = []
    typed_numbers = _typed(cell("numbers")) or (
        [(cell("number").strip(), ())] if cell("number").strip() else []
    )
    for number, types in typed_numbers:
        try:
            numbers.append(
                PhoneNumber(phone_number(number, "number", default_region=region), types)
            )
        except ValidationError as exc:
            raise ValueError(str(exc)) from None
    emails = tuple(Email(email, types) for email, types in _typed(cell("emails")))
    addresses = []
    for item in _items(cell("addresses")):
        parts = [_unesc(p) for p in _split(item, ";")]
        addresses.append(Address(*(parts + [""] * 7)[:7]))
    organization = tuple(
        tuple(_unesc(p) for p in _split(item, ";")) for item in _items(cell("organization"))
    )
    scope_name = cell("scope").strip().upper()
    if scope_name:
        found = _SCOPES.get(scope_name)
        if found is None:
            raise ValueError(f"unknown scope {scope_name!r}")
        scope = found
    contact = Contact(
        cell("id").strip(),
        name,
        cell("picture").strip() or None,
        emails,
        tuple(numbers),
        tuple(addresses),
        organization,
        scope,
    )
    return contact, given, family


def parse_csv(
    text: str,
    *,
    delimiter: str | None = None,
    default_region: str = DEFAULT_REGION,
    scope: Scope | ExportScope = Scope.PRIVATE,
) -> ParseResult:
    """Read contacts from CSV (offline): the format of :func:`write_csv`, or any CSV file.

    The file needs the ``firstname``, ``lastname`` and ``number`` columns and may have
    ``name``, ``numbers``, ``email(s)``, ``address(es)``, ``organization``, ``picture``,
    ``scope`` and ``id``.

    Contacts get ``scope`` unless the file has a ``scope`` column. Rows without a number are
    kept (a contact may have none); :func:`prepare_import` skips them.
    """
    table = _Table(text, delimiter)
    records: list[ParsedContact] = []
    skipped: list[SkippedRecord] = []
    with paused_gc():
        for line, row in table.rows():
            if isinstance(row, str):
                skipped.append(SkippedRecord(line, row))
                continue
            try:
                contact, given, family = _contact(row, table.columns, scope, default_region)
            except ValueError as exc:
                skipped.append(SkippedRecord(line, str(exc)))
                continue
            records.append(ParsedContact(line, contact, given, family))
        return ParseResult(records, skipped)


@attrs.frozen
class CsvImport:
    """The body of the API's CSV import, made from a user's CSV by :func:`prepare_import`.

    ``content`` is the ``firstname,lastname,number`` CSV (LF line ends), ``base64_content`` its
    UTF-8 bytes in base64 (the ``base64Content`` of ``POST /contacts/import/csv``), ``rows``
    the number of contacts in it and ``skipped`` every record that was left out.
    """

    content: str
    base64_content: str
    rows: int
    skipped: tuple[SkippedRecord, ...]


def prepare_import(
    text: str, *, delimiter: str | None = None, default_region: str = DEFAULT_REGION
) -> CsvImport:
    """Project a CSV onto the API's import format ``firstname,lastname,number``.

    Other columns are left out (the endpoint takes one number per contact: the ``number``
    column). A row is skipped, with its line and the reason, when it is empty, has more fields
    than the header, has neither first nor last name, has no number, or a number that is not a
    phone number. Numbers are normalised to E.164 (see :func:`normalize_number`).
    """
    table = _Table(text, delimiter)
    columns = table.columns
    first_index, last_index, number_index = (columns[c] for c in IMPORT_COLUMNS)
    lines = ["firstname,lastname,number\n"]
    skipped: list[SkippedRecord] = []
    quoting_chunks, quoting_write = _writer(",", "\n")
    # Unquoted comma-separated input has no field holding a comma, quote or line break: its
    # projection needs no quoting (E.164 numbers never do).
    plain = table.unquoted and table.delimiter == ","
    # The hot loop of a CSV import: no generator, no per-row function call on the common path.
    with paused_gc():
        reader, width, line_num = table.reader, table.width, table.line
        for row in reader:
            start, line_num = line_num + 1, reader.line_num
            if len(row) != width:
                if not row:
                    continue  # a blank line
                fitted = table.fit(row)
                if isinstance(fitted, str):
                    skipped.append(SkippedRecord(start, fitted))
                    continue
                row = fitted
            first, last = row[first_index].strip(), row[last_index].strip()
            number = row[number_index]
            if not (first or last):
                reason = (
                    "empty record"
                    if not any(cell.strip() for cell in row)
                    else "no name (firstname and lastname are empty)"
                )
                skipped.append(SkippedRecord(start, reason))
                continue
            if not is_e164(number):
                number = number.strip()
                if not number:
                    skipped.append(SkippedRecord(start, "no number"))
                    continue
                try:
                    number = phone_number(number, "number", default_region=default_region)
                except ValidationError as exc:
                    skipped.append(SkippedRecord(start, str(exc)))
                    continue
            if plain:
                lines.append(f"{first},{last},{number}\n")
                continue
            line = f"{first},{last},{number}"
            if line.count(",") == 2 and '"' not in line and "\n" not in line and "\r" not in line:
                lines.append(line + "\n")
            else:  # needs quotes: the csv module writes it
                quoting_write((first, last, number))
                lines.append(quoting_chunks.pop())
        content = "".join(lines)
    return CsvImport(
        content,
        base64.b64encode(content.encode()).decode("ascii"),
        len(lines) - 1,
        tuple(skipped),
    )
