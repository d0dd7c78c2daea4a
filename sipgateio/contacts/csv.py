r"""CSV conversion of contacts: export, offline import, and the API's CSV import projection.

>>> from sipgateio.contacts import csv as contacts_csv
>>> text = contacts_csv.write_csv(contacts, delimiter=";")   # RFC 4180, one row per contact
>>> result = contacts_csv.parse_csv(text)                   # the same contacts back (offline)
>>> upload = contacts_csv.prepare_import(text)              # what POST /contacts/import/csv takes

Reading (:func:`parse_csv`, :func:`prepare_import`) takes ``str`` or ``bytes`` (charset
detected: BOM, UTF-16, UTF-8, else Windows-1252, see :mod:`sipgateio.contacts.charset`) and
uses the :mod:`csv` module: quoted fields with delimiters, quotes and line breaks inside, a
leading BOM, CRLF/LF/CR line ends. Fields of any size are read: a file with a field over the
:mod:`csv` module's limit (131,072 characters, a process-wide setting this library leaves
alone) is read again by a reader without limit. The delimiter is detected from the header
(``,`` ``;`` tab ``|``) unless given. Every row that cannot be taken is reported as a
:class:`~sipgateio.contacts.models.SkippedRecord` with the physical line where it starts (the
first line is 1) and the reason; blank lines are ignored.

:func:`parse_csv` recognises the layouts of address-book exports by their header (Google
Contacts old and new, Outlook in English and German, Thunderbird, LinkedIn, CRM tools, and the
export format below; see :mod:`sipgateio.contacts.csv_columns`): the header is the first row
with a column it knows (rows before it, like LinkedIn's notes, are reported as skipped); every
phone column gives numbers typed by its kind, Google's ``Phone N - Type``/``Value`` pairs the
type of their row, a cell ``a ::: b`` several values; names come from a full-name column or
from their parts (a full name alone is split at its last word); e-mails, postal addresses
(street lines joined) and organisations with their department are kept. Numbers are kept as
written: an import stores them by the contacts rule
(:func:`~sipgateio.contacts.models.import_number`). Every column the reader does not take is
in the result's ``notes`` (its name, the header's line and the reason).

:func:`prepare_import` projects sipgate's own layout ``firstname,lastname,number`` (header names
matched case-insensitively, ignoring spaces, ``_`` and ``-``; a
:class:`~sipgateio.errors.ValidationError` names missing ones) onto the API's CSV import: one
number a row, stored by the contacts rule of every import (kept as given unless its
normalisation is unambiguous; no country assumed unless ``default_region`` is given), each
change noted. A row the CSV import cannot take as it is (no number, a number that cannot be
one, several numbers in the cell) becomes a record to create on its own, so that the contact
is imported with its name; every other column is noted as not sent.

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
from itertools import repeat
from typing import Protocol, TypeVar

import attrs

from .._validation import contact_number, is_e164, region_code
from ..errors import ValidationError
from .charset import decode_text
from .csv_columns import Header, google_types, header_key, known_columns, read_header
from .models import (
    Address,
    Contact,
    Email,
    ExportScope,
    ImportNote,
    ParsedContact,
    ParseResult,
    PhoneNumber,
    Scope,
    SkippedRecord,
    import_number,
    paused_gc,
    split_name,
)

__all__ = [
    "EXPORT_COLUMNS",
    "IMPORT_COLUMNS",
    "CsvImport",
    "csv_header",
    "csv_text",
    "is_import_layout",
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
T = TypeVar("T")
_SCOPES: dict[str, Scope | ExportScope] = {
    "PRIVATE": Scope.PRIVATE,
    "SHARED": Scope.SHARED,
    "INTERNAL": ExportScope.INTERNAL,
}

# ----------------------------------------------------------------------------- phone numbers


def normalize_number(number: str, default_region: str | None = None) -> str:
    """``number`` as the contacts imports store it (the contacts rule, offline).

    Kept as given (trimmed) unless its normalisation is unambiguous: ``"+49 (0)211 63553355"``
    → ``"+4921163553355"``, ``"+1 212 555 1234 ext. 12"`` → ``"+12125551234;ext=12"``;
    ``"0211 63553355"`` stays as it is unless ``default_region`` (``"DE"``) says where it was
    dialled, then it is ``"+4921163553355"``. Raises :class:`~sipgateio.errors.ValidationError`
    (field ``number``) when it cannot be a number (letters, an unknown country code, an
    impossible length), and (field ``default_region``) for a region ``phonenumbers`` does not
    know. See :func:`sipgateio._validation.contact_number`.
    """
    region = region_code(default_region, "default_region")
    if not isinstance(number, str):
        raise ValidationError(f"number must be a string, got {number!r}", field="number")
    result, reason = contact_number(number, region)
    if result is None:
        raise ValidationError(f"{number.strip()!r} {reason}", field="number")
    return result


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


def _detect_delimiter(lines: list[str], known: Callable[[list[str]], int]) -> str:
    """The delimiter that splits the first line with known columns into the most of them."""
    for line in lines:
        best, best_found = ",", 0
        for candidate in _DELIMITERS:
            found = known(line.split(candidate))
            if found > best_found:
                best, best_found = candidate, found
        if best_found:
            return best
    return ","


def _import_columns_found(names: list[str]) -> int:
    found = {_canonical(n.strip('"')) for n in names}
    return sum(1 for c in IMPORT_COLUMNS if c in found)


def _columns_found(names: list[str]) -> int:
    return known_columns([n.strip().strip('"') for n in names])


class _Reader(Protocol):
    """What the readers of this module offer: rows, and the physical lines read so far."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...
    def __next__(self) -> list[str]: ...


class _LargeFieldReader:
    """``csv.reader`` (excel dialect, not strict) without its limit on the size of a field.

    The :mod:`csv` module refuses fields over ``csv.field_size_limit()`` characters (131,072
    by default), a process-wide setting this library never changes. A file with such a field
    is read again with this reader: regular expressions per field, slower than the C reader
    but without limit. It gives the same rows and ``line_num`` (tests compare the two).
    """

    def __init__(self, text: str, delimiter: str) -> None:
        self._text = text
        self._pos = 0
        self._delimiter = delimiter
        self.line_num = 0
        escaped = re.escape(delimiter)
        self._plain = re.compile(f"[^{escaped}\\r\\n]*")
        self._quoted = re.compile(r'"((?:[^"]|"")*)"?')

    def __iter__(self) -> _LargeFieldReader:
        return self

    def __next__(self) -> list[str]:
        text, pos, end, delimiter = self._text, self._pos, len(self._text), self._delimiter
        if pos >= end:
            raise StopIteration
        start, row = pos, []
        while True:
            if text.startswith('"', pos):
                match = self._quoted.match(text, pos)
                assert match is not None  # the pattern matches any quote
                value = match.group(1).replace('""', '"')
                pos = match.end()
                if pos < end and text[pos - 1] == '"' and match.end() - match.start() > 1:
                    rest = self._plain.match(text, pos)  # text after the closing quote
                    assert rest is not None
                    value += rest.group()
                    pos = rest.end()
            else:
                match = self._plain.match(text, pos)
                assert match is not None
                value = match.group()
                pos = match.end()
            row.append(value)
            if pos < end and text[pos] == delimiter:
                pos += 1
                continue
            break
        if text.startswith("\r\n", pos):
            pos += 2
        elif pos < end:
            pos += 1
        record = text[start:pos]
        breaks = record.count("\n") + record.count("\r") - record.count("\r\n")
        self.line_num += breaks + (0 if record.endswith(("\n", "\r")) else 1)
        self._pos = pos
        return [] if row == [""] and not record.rstrip("\r\n") else row


_TOO_LARGE = "field larger than field limit"
_PREAMBLE = 10
"""How many non-blank rows may come before the header (LinkedIn puts notes there)."""


def csv_text(content: str | bytes, field: str = "text") -> str:
    """The text of a CSV given as ``str`` or ``bytes``; ValidationError naming ``field`` else.

    The charset of ``bytes`` is detected by :func:`sipgateio.contacts.charset.decode_text`.
    """
    if isinstance(content, bytes | bytearray | memoryview):
        return decode_text(bytes(content))[0]
    if isinstance(content, str):
        return content
    raise ValidationError(f"{field} must be str or bytes, got {content!r}", field=field)


class _Table:
    """An opened CSV: the reader (positioned after the header), the header and its line.

    ``known`` counts the columns of a row the caller can read: the header is the first
    non-blank row (of the first :data:`_PREAMBLE`) with a known column, or the first
    non-blank row when none has one; ``preamble`` are the lines of the rows before it,
    ``header_line`` the line where it starts.
    """

    __slots__ = (
        "delimiter",
        "header",
        "header_line",
        "line",
        "preamble",
        "reader",
        "source",
        "unquoted",
        "width",
    )

    def __init__(
        self,
        text: str,
        delimiter: str | None,
        known: Callable[[list[str]], int],
        large: bool = False,
    ) -> None:
        if text[:1] == "\ufeff":
            text = text[1:]
        if delimiter is None:  # from the first non-blank lines (a header is not 64 KiB long)
            lines = io.StringIO(text[:65536], newline="")
            first = [line.rstrip("\r\n") for line in lines if line.strip()][:_PREAMBLE]
            delimiter = _detect_delimiter(first, known)
        _check_delimiter(delimiter)
        self.delimiter = delimiter
        # No double quote anywhere: no field was quoted, so none holds a delimiter or line break.
        self.unquoted = '"' not in text
        # Unquoted text with LF line ends only: a record is one line, split at the delimiter
        # exactly as the csv module would (see split_rest); the rest is read from ``source``.
        self.source: io.StringIO | None = None
        if large:
            self.reader: _Reader = _LargeFieldReader(text, delimiter)
        else:
            source = io.StringIO(text, newline="")
            if self.unquoted and "\r" not in text:
                self.source = source
            self.reader = _csv.reader(source, delimiter=delimiter)
        self.header: list[str] = []
        self.preamble: list[int] = []
        candidates: list[tuple[int, list[str]]] = []
        line = 0
        for row in self.reader:
            start, line = line + 1, self.reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            candidates.append((start, row))
            if known(row) or len(candidates) >= _PREAMBLE:
                break
        found = next((i for i, (_, row) in enumerate(candidates) if known(row)), None)
        self.header_line = 1
        if found is None:  # nothing known: the first row is the header (and is refused)
            if candidates:
                self.header_line, self.header = candidates[0]
        else:
            self.preamble = [start for start, _ in candidates[:found]]
            self.header_line, self.header = candidates[found]
        self.width = len(self.header)
        self.line = line  # physical line number of the header's last line

    def split_rest(self) -> Iterator[list[str]] | None:
        """The rows after the header, one per line, when the text is simple; else None.

        Simple: no double quote and no CR, so a record is one physical line and its fields are
        the line split at the delimiter, which is what the csv module reads from it (faster,
        and with no field size limit). A blank line gives ``[""]`` where the csv module gives
        ``[]``; the line after the header is line ``self.line + 1``, and so on.
        """
        if self.source is None:
            return None
        lines = self.source.read().split("\n")
        if lines[-1] == "":  # the text's final line break ends the last record
            lines.pop()
        return map(str.split, lines, repeat(self.delimiter))

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


def count_records(text: str, delimiter: str = ",") -> int:
    """How many records (non-empty rows) ``text`` holds, read as the importers read it.

    Fields of any size (see :class:`_LargeFieldReader`); every line end is the reader's own
    (a CR inside an unquoted field ends its record, as the csv module reads a file opened
    with ``newline=""``).
    """

    def count(large: bool) -> int:
        rows: _Reader = (
            _LargeFieldReader(text, delimiter)
            if large
            else _csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        )
        return sum(1 for row in rows if row)

    return _read(count)


def _read(work: Callable[[bool], T]) -> T:
    """``work(large=False)``, again with the unlimited reader if a field is too large."""
    try:
        return work(False)
    except _csv.Error as exc:
        if _TOO_LARGE not in str(exc):
            raise ValidationError(f"the CSV cannot be read: {exc}", field="csv_content") from exc
    return work(True)


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


_MULTI = " ::: "
"""Google Contacts' separator of several values in one cell (``a ::: b``)."""


def _values(cell: str) -> list[str]:
    """The values of a cell: one, or several separated by Google's `` ::: ``."""
    if _MULTI in cell:
        return [v.strip() for v in cell.split(_MULTI) if v.strip()]
    value = cell.strip()
    return [value] if value else []


def _address(parts: dict[str, str]) -> Address | None:
    """The address of one group's parts (street lines joined), None when all are empty.

    Google's ``Formatted`` text is the street address when no other part but the country is
    given (it repeats the parts otherwise).
    """
    get = parts.get
    street = "\n".join(v for key in ("street", "street2", "street3") if (v := get(key, "")))
    if not street and not any(
        get(key) for key in ("extended", "locality", "region", "postal_code", "po_box")
    ):
        street = get("formatted", "")
        if not street and not get("country"):
            return None
    return Address(
        get("po_box", ""),
        get("extended", ""),
        street,
        get("locality", ""),
        get("region", ""),
        get("postal_code", ""),
        get("country", ""),
    )


class _Row:
    """What a reader takes from one row of an address-book CSV, column by column."""

    def __init__(self, row: list[str], header: Header) -> None:
        self.names: dict[str, str] = {}
        self.numbers: list[PhoneNumber] = []
        self.emails: list[Email] = []
        self.addresses: list[Address] = []
        self.organization: list[tuple[str, ...]] = []
        self.export: dict[str, str] = {}
        typed: dict[str, tuple[str, ...]] = {}  # Google's type cells, by role and group
        parts: dict[str, dict[str, str]] = {}
        orgs: dict[str, dict[str, str]] = {}
        for column in header.columns:
            cell = row[column.index]
            role = column.role
            if role.endswith("_type"):
                typed[role[:-5] + column.group] = google_types(cell)
            elif role == "address":
                if cell.strip():
                    parts.setdefault(column.group, {})[column.part] = cell.strip()
            elif role in ("org_name", "org_unit"):
                if cell.strip():
                    orgs.setdefault(column.group, {})[role] = cell.strip()
            elif role not in ("phone", "email"):
                if role in self.names or role in self.export:
                    continue
                if role in _NAME_ROLES:
                    self.names[role] = cell.strip()
                else:
                    self.export[role] = cell
        for column in header.columns:  # values after types: a type column may come later
            if column.role == "phone":
                types = column.types or typed.get("phone" + column.group, ())
                self.numbers.extend(PhoneNumber(v, types) for v in _values(row[column.index]))
            elif column.role == "email":
                types = column.types or typed.get("email" + column.group, ())
                self.emails.extend(Email(v, types) for v in _values(row[column.index]))
        for group in parts.values():
            address = _address(group)
            if address is not None:
                self.addresses.append(address)
        for org in orgs.values():
            self.organization.append(
                (org.get("org_name", ""), org["org_unit"])
                if "org_unit" in org
                else (org["org_name"],)
            )


_NAME_ROLES = frozenset({"given", "middle", "family", "name", "prefix", "suffix"})


def _names(row: _Row) -> tuple[str, str, str]:
    """``(name, given, family)`` of a row; the name is empty when the row names nobody.

    A full name (``Name``, ``Display Name``...) is the contact's name; without one the parts
    are joined (``prefix given middle family suffix``). Without first and last name, the
    full name is split at its last word. Middle names go with the given name.
    """
    names = row.names
    given = " ".join(p for p in (names.get("given", ""), names.get("middle", "")) if p)
    family = names.get("family", "")
    name = names.get("name", "") or " ".join(
        p for p in (names.get("prefix", ""), given, family, names.get("suffix", "")) if p
    )
    if name and not given and not family:
        given, family = split_name(name)
    return name, given, family


def _contact(row: _Row, name: str, scope: Scope | ExportScope) -> Contact | str:
    """The contact of a row, or the reason to skip it (an unknown scope).

    The cells of sipgate's export format (``numbers``, ``emails``... with one item a line)
    add to what the other columns hold; a ``numbers`` cell replaces the ``number`` column.
    """
    cell = row.export.get
    numbers = [PhoneNumber(v, t) for v, t in _typed(cell("numbers", ""))] or row.numbers
    emails = [Email(v, t) for v, t in _typed(cell("emails", ""))] + row.emails
    addresses = row.addresses + [
        Address(*([_unesc(p) for p in _split(item, ";")] + [""] * 7)[:7])
        for item in _items(cell("addresses", ""))
    ]
    organization = row.organization + [
        tuple(_unesc(p) for p in _split(item, ";")) for item in _items(cell("organization", ""))
    ]
    scope_name = cell("scope", "").strip().upper()
    if scope_name:
        found = _SCOPES.get(scope_name)
        if found is None:
            return f"unknown scope {scope_name!r}"
        scope = found
    return Contact(
        cell("id", "").strip(),
        name,
        cell("picture", "").strip() or None,
        tuple(emails),
        tuple(numbers),
        tuple(addresses),
        tuple(organization),
        scope,
    )


def _record(
    cells: list[str], header: Header, scope: Scope | ExportScope, line: int
) -> ParsedContact | str:
    """The contact of one row of any layout, or the reason it cannot be taken."""
    if not any(cell.strip() for cell in cells):
        return "empty record"
    row = _Row(cells, header)
    name, given, family = _names(row)
    if not name:
        # Nobody named: address books show such a contact by its organisation or address.
        fallback = next(
            (
                value
                for value in (
                    row.organization[0][0] if row.organization else "",
                    row.emails[0].email if row.emails else "",
                )
                if value
            ),
            "",
        )
        if not fallback:
            if header.has("given") or header.has("family") or header.has("name"):
                return "no name (no name, organisation or e-mail address in the record)"
            return "nothing to import: no name, organisation or e-mail address"
        name = fallback
    contact = _contact(row, name, scope)
    if isinstance(contact, str):
        return contact
    return ParsedContact(line, contact, given, family)


_UNKNOWN_COLUMN = "not imported: a sipgate contact has no field for this column"
_SECOND_COLUMN = "not imported: another column holds the same field (the first one is read)"
_NOT_SENT = "not sent: sipgate's CSV import takes only firstname, lastname and number"


def _column_notes(names: Iterable[str], line: int, known: str) -> list[ImportNote]:
    """A note for each column not taken: ``known`` for a column the reader knows, else unknown."""
    return [
        ImportNote(
            line, "column", name, None, known if read_header([name]).columns else _UNKNOWN_COLUMN
        )
        for name in names
        if name.strip()
    ]


def _blank_columns(header: list[str], taken: Iterable[int] = ()) -> list[int]:
    """The indices of the columns without a name (their values are not read)."""
    skip = set(taken)
    return [i for i, name in enumerate(header) if not name.strip() and i not in skip]


def _fill(blank: list[int], filled: list[int], row: list[str]) -> None:
    """Move the columns of ``blank`` in which ``row`` has a value to ``filled``."""
    for index in blank:
        if row[index].strip():
            filled.append(index)
    blank[:] = [i for i in blank if i not in filled]


def _blank_notes(filled: list[int], line: int) -> list[ImportNote]:
    return [
        ImportNote(
            line,
            "column",
            "",
            None,
            f"not imported: column {index + 1} has no name in the header, though rows have "
            "values in it",
        )
        for index in sorted(filled)
    ]


def _no_columns(header: list[str]) -> ValidationError:
    found = ", ".join(repr(h) for h in header) or "none"
    return ValidationError(
        "CSV header names no column of a name, phone number, e-mail address, postal address "
        f"or organisation (sipgate's own layout is firstname,lastname,number; found: {found})",
        field="csv_content",
    )


def parse_csv(
    text: str | bytes,
    *,
    delimiter: str | None = None,
    scope: Scope | ExportScope = Scope.PRIVATE,
) -> ParseResult:
    """Read contacts from CSV (offline): sipgate's formats or an address book's export.

    ``text`` is a ``str``, or ``bytes`` whose charset is detected (BOM, UTF-16, UTF-8, else
    Windows-1252). The layout is recognised from the header (see
    :mod:`sipgateio.contacts.csv_columns`): Google Contacts, Outlook (English, German),
    Thunderbird, LinkedIn, CRM exports, and the format of :func:`write_csv`. Every phone column
    gives numbers typed by its kind, Google's multi-values (``a ::: b``) give one number or
    e-mail each; numbers are kept as written (an import decides how to store them).

    Contacts get ``scope`` unless the file has a ``scope`` column. A row is skipped, with its
    line and the reason, when it is empty, has more fields than the header, or names nobody
    (no name, organisation or e-mail address; a contact without a name is named after its
    organisation, else its e-mail address). Rows before the header (LinkedIn's notes) are
    reported as skipped. Every column not read is in ``notes`` (line: the header's) with the
    reason: a column a sipgate contact has no field for (birthday, notes, job title...), a
    second column of a field, a column without a name that holds values. Raises
    :class:`~sipgateio.errors.ValidationError` when no column of the header is one the
    reader knows.
    """
    content = csv_text(text, "text")
    return _read(lambda large: _parse(_Table(content, delimiter, _columns_found, large), scope))


def _parse(table: _Table, scope: Scope | ExportScope) -> ParseResult:
    header = read_header(table.header)
    if not header.columns:
        raise _no_columns(table.header)
    records: list[ParsedContact] = []
    skipped = [SkippedRecord(line, "before the header: not a record") for line in table.preamble]
    notes = _column_notes(header.ignored, table.header_line, _SECOND_COLUMN)
    blank = _blank_columns(table.header)
    filled: list[int] = []
    with paused_gc():
        for line, row in table.rows():
            if isinstance(row, str):
                skipped.append(SkippedRecord(line, row))
                continue
            if blank:
                _fill(blank, filled, row)
            record = _record(row, header, scope, line)
            if isinstance(record, str):
                skipped.append(SkippedRecord(line, record))
            else:
                records.append(record)
        notes += _blank_notes(filled, table.header_line)
        return ParseResult(records, skipped, notes)


def csv_header(text: str | bytes, *, delimiter: str | None = None) -> Header:
    """What the columns of a CSV hold (see :mod:`sipgateio.contacts.csv_columns`)."""
    content = csv_text(text, "text")
    return _read(
        lambda large: read_header(_Table(content, delimiter, _columns_found, large).header)
    )


def is_import_layout(header: Header) -> bool:
    """Whether a CSV suits sipgate's CSV import: ``firstname``, ``lastname``, ``number``.

    True when those three columns exist (any case, spaces or ``_``), ``number`` is the only
    column of phone numbers (a second one, e.g. ``mobile``, needs a contact per row with
    every number) and the file is not in the export format (whose ``numbers`` column holds
    every number of a contact). Other columns do not matter: that import leaves them out,
    and :func:`prepare_import` notes each.
    """
    if header.export_format:
        return False
    keys = {header_key(c.name) for c in header.columns}
    phones = sum(1 for c in header.columns if c.role == "phone")
    return {"firstname", "lastname", "number"} <= keys and phones == 1


@attrs.frozen
class CsvImport:
    """The body of the API's CSV import, made from a user's CSV by :func:`prepare_import`.

    ``content`` is the ``firstname,lastname,number`` CSV (LF line ends), ``base64_content`` its
    UTF-8 bytes in base64 (the ``base64Content`` of ``POST /contacts/import/csv``), ``rows``
    the number of contacts in it and ``skipped`` every record that was left out.
    ``records`` are the rows that CSV import cannot take as they are (no number, a number that
    cannot be one, several numbers in one cell), each to be created on its own (``POST
    /contacts``, its numbers stored through
    :func:`~sipgateio.contacts.models.import_body`, which notes them). ``notes`` lists every
    number of ``content`` that was changed and every column not sent
    (:class:`~sipgateio.contacts.models.ImportNote`, in line order).
    """

    content: str
    base64_content: str
    rows: int
    skipped: tuple[SkippedRecord, ...]
    records: tuple[ParsedContact, ...] = ()
    notes: tuple[ImportNote, ...] = ()


def prepare_import(
    text: str | bytes, *, delimiter: str | None = None, default_region: str | None = None
) -> CsvImport:
    """Project a CSV onto the API's import format ``firstname,lastname,number``.

    ``text`` is a ``str`` or ``bytes`` (charset detected as by :func:`parse_csv`). The
    endpoint takes one number per contact (the ``number`` column): every other column is left
    out and noted. Numbers are stored by the contacts rule (see :func:`normalize_number`): as
    given unless their normalisation is unambiguous, no country assumed unless
    ``default_region`` (``"DE"``) is given; each change is noted. A row is skipped, with its
    line and the reason, when it is empty, has more fields than the header or has neither
    first nor last name. A named row without a number, with one that cannot be a number or
    with several (``a ::: b``) is one of the ``records`` to create on their own.
    """
    region = region_code(default_region, "default_region")
    content = csv_text(text, "text")
    return _read(
        lambda large: _project(_Table(content, delimiter, _import_columns_found, large), region)
    )


def _alone(line: int, first: str, last: str, numbers: list[PhoneNumber]) -> ParsedContact:
    """A row of sipgate's layout to be created on its own (POST /contacts)."""
    name = f"{first} {last}".strip()
    return ParsedContact(line, Contact("", name, None, (), tuple(numbers)), first, last)


_BLANK_SPLIT = [""]  # a blank line split at the delimiter


def _numbered(reader: _Reader, line: int) -> Iterator[tuple[int, list[str]]]:
    """``(line, row)`` per row of ``reader``: the physical line where each row starts."""
    for row in reader:
        yield line + 1, row
        line = reader.line_num


def _project(table: _Table, region: str | None) -> CsvImport:
    columns: dict[str, int] = {}
    for index, name in enumerate(table.header):
        columns.setdefault(_canonical(name), index)
    missing = [c for c in IMPORT_COLUMNS if c not in columns]
    if missing:
        found = ", ".join(repr(h) for h in table.header) or "none"
        raise ValidationError(
            f"CSV header lacks the column(s) {', '.join(missing)} (found: {found})",
            field="csv_content",
        )
    first_index, last_index, number_index = taken = tuple(columns[c] for c in IMPORT_COLUMNS)
    header_line = table.header_line
    notes = _column_notes(
        (name for index, name in enumerate(table.header) if index not in taken),
        header_line,
        _NOT_SENT,
    )
    blank = _blank_columns(table.header, taken)
    filled: list[int] = []
    lines = ["firstname,lastname,number\n"]
    skipped: list[SkippedRecord] = []
    alone: list[ParsedContact] = []
    quoting_chunks, quoting_write = _writer(",", "\n")
    # Unquoted comma-separated input has no field holding a comma, quote or line break: its
    # projection needs no quoting (no stored number holds one either).
    plain = table.unquoted and table.delimiter == ","
    # The hot loop of a CSV import: no generator, no per-row function call on the common path.
    skipped.extend(
        SkippedRecord(line, "before the header: not a record") for line in table.preamble
    )
    with paused_gc():
        width, line_num, split = table.width, table.line, table.split_rest()
        numbered = (
            _numbered(table.reader, line_num) if split is None else enumerate(split, line_num + 1)
        )
        for start, row in numbered:
            if len(row) != width:
                if not row or (row == _BLANK_SPLIT and split is not None):
                    continue  # a blank line
                fitted = table.fit(row)
                if isinstance(fitted, str):
                    skipped.append(SkippedRecord(start, fitted))
                    continue
                row = fitted
            if blank:
                _fill(blank, filled, row)
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
                values = _values(number)
                if len(values) != 1:  # none, or several (a ::: b): a contact on its own
                    alone.append(_alone(start, first, last, [PhoneNumber(v) for v in values]))
                    continue
                stored, note = import_number(values[0], start, region)
                if stored is None:  # the contact without it; import_body notes why
                    alone.append(_alone(start, first, last, [PhoneNumber(values[0])]))
                    continue
                if note is not None:
                    notes.append(note)
                number = stored
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
    notes += _blank_notes(filled, header_line)
    return CsvImport(
        content,
        base64.b64encode(content.encode()).decode("ascii"),
        len(lines) - 1,
        tuple(skipped),
        tuple(alone),
        tuple(sorted(notes, key=lambda n: n.line)),
    )
