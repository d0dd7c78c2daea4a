r"""vCard conversion: read vCard 3.0 and 4.0, write vCard 4.0. Usable without a client.

>>> from sipgateio.contacts import vcard
>>> result = vcard.parse_vcards(open("contacts.vcf", encoding="utf-8").read())
>>> result.contacts, result.skipped            # the contacts, and every card it could not take
>>> text = vcard.write_vcards(result.contacts)  # one vCard 4.0 string per contact

Why not vobject?
    vobject is the reference this module is tested against (property-based tests: every card
    we write is read by vobject to the same values, and we read the cards vobject writes to the
    same values), but it parses about 3,800 and writes about 5,400 cards a second, ten times too
    slow for exporting or importing a 100,000-contact address book. vCard's grammar for the
    properties a contact has is small (content lines, folding, backslash escaping, parameters),
    so this module implements it directly: whole-text unfolding with ``str.replace``, one
    ``split`` into lines, and string building for writing.

Reading (:func:`parse_vcards`)
    * one or many cards, ``VERSION:3.0`` or ``4.0``; CRLF, LF or CR line ends; folded lines
      (a line break followed by a space or tab); a leading BOM;
    * property names case-insensitive, group prefixes ignored (``item1.TEL``); ``FN``, ``N``,
      ``TEL``, ``EMAIL``, ``ADR``, ``ORG``, ``PHOTO`` and ``UID`` are read, others ignored;
    * TYPE values in every form (``TYPE=CELL,VOICE``, ``type=work;type=pref``, bare ``;HOME``),
      lower-cased, see :mod:`sipgateio.contacts.models` for the mapping; Apple's
      ``itemN.X-ABLabel`` standard labels add their type (``_$!<Mobile>!$_`` gives ``cell``);
    * backslash escapes ``\\`` ``\,`` ``\;`` ``\n``/``\N`` are undone; the name is ``FN``,
      else the parts of ``N``; ``UID`` becomes the contact's id; a ``tel:`` URI loses its prefix;
      a ``data:`` URI photo gives its base64 data;
    * a card it cannot take is reported as a :class:`SkippedRecord` with its ordinal (the first
      card is 1) and the reason: missing ``END:VCARD``, missing or unsupported ``VERSION``
      (2.1 included), no name, empty card, malformed line.

Writing (:func:`write_vcard`, :func:`write_vcards`, :func:`write_vcard_book`)
    vCard 4.0 with CRLF line ends: ``UID`` (when the contact has an id), ``FN``, ``N`` (family
    name = last word of the name, see :func:`~sipgateio.contacts.models.split_name`), one
    ``ORG`` per organisation, ``TEL``/``EMAIL`` with their ``TYPE``, ``ADR``, and ``PHOTO`` as a
    URI (a ``data:image/...;base64,`` URI for base64 data). Text is escaped (``\`` ``,`` ``;``
    and line breaks), lines are folded at 75 octets without splitting a UTF-8 character.
    Leading and trailing white space of a name, number or e-mail is not significant and not
    kept by the reader.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable

from ..errors import ValidationError
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
    gc_pause_enabled,
    paused_gc,
    split_name,
)

__all__ = [
    "decode_vcard",
    "parse_vcards",
    "write_vcard",
    "write_vcard_book",
    "write_vcards",
]

_CACHE_LIMIT = 4096  # entries of each memo table below; real address books use a few dozen

# ----------------------------------------------------------------------------------- writing


def _escape(value: str) -> str:
    """Backslash-escape a text value (RFC 6350 section 3.4)."""
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if "," in value:
        value = value.replace(",", "\\,")
    if ";" in value:
        value = value.replace(";", "\\;")
    if "\n" in value or "\r" in value:
        value = value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return value


# A parameter value may hold any character but control characters and DQUOTE; it needs quotes
# when it contains ":" or ";". A comma separates values, so a type cannot contain one.
_BAD_TYPE = re.compile(r'[\x00-\x1f\x7f",]')
_QUOTED_TYPE = re.compile(r"[:;]")
_type_params: dict[tuple[str, ...], str] = {}


def _type_param(types: tuple[str, ...]) -> str:
    """``;TYPE=a,b`` for a type tuple (memoised: an address book has few distinct tuples)."""
    param = _type_params.get(types)
    if param is None:
        if not types:
            return ""
        values = []
        for t in types:
            if not t or _BAD_TYPE.search(t):
                raise ValidationError(
                    f"type {t!r} cannot be written to a vCard: it must not be empty or contain"
                    " commas, double quotes or control characters",
                    field="type",
                )
            values.append(f'"{t}"' if _QUOTED_TYPE.search(t) else t)
        param = ";TYPE=" + ",".join(values)
        if len(_type_params) < _CACHE_LIMIT:
            _type_params[types] = param
    return param


_IMAGE_PREFIXES = (("/9j/", "jpeg"), ("iVBOR", "png"), ("R0lGOD", "gif"), ("UklGR", "webp"))


def _photo_uri(picture: str) -> str:
    """The PHOTO value for the API's picture: URLs as they are, base64 data as a data: URI."""
    if "\n" in picture or "\r" in picture:
        picture = picture.replace("\r", "").replace("\n", "")
    lower = picture[:8].lower()
    if lower.startswith(("http:", "https:", "data:")):
        return picture
    kind = next((k for prefix, k in _IMAGE_PREFIXES if picture.startswith(prefix)), "jpeg")
    return f"data:image/{kind};base64,{picture}"


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 6350 section 3.2), never inside a UTF-8 character."""
    if line.isascii():
        return "\r\n ".join([line[:75], *(line[i : i + 74] for i in range(75, len(line), 74))])
    data = line.encode()
    chunks = []
    start, limit, size = 0, 75, len(data)
    while size - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: back off to the character start
            end -= 1
        chunks.append(data[start:end].decode())
        start, limit = end, 74
    chunks.append(data[start:].decode())
    return "\r\n ".join(chunks)


_needs_escape = re.compile(r"[\\,;\r\n]").search


def _needs_fold(line: str) -> bool:
    # More than 75 characters is more than 75 octets; up to 18 characters is at most 72.
    return len(line) > 18 and (len(line) > 75 or (not line.isascii() and len(line.encode()) > 75))


def write_vcard(contact: Contact) -> str:
    """One contact as a vCard 4.0 string (CRLF line ends, ending with ``END:VCARD`` + CRLF).

    Numbers and e-mails that are empty (or white space), and addresses and organisations
    without any non-empty part, carry nothing and are not written. Raises
    :class:`~sipgateio.errors.ValidationError` for a number or e-mail type that cannot be a
    vCard parameter value (empty, or with a comma, double quote or control character).
    """
    # Escaping is checked once per property (one regex search over its joined parts), not per
    # part: most values need none. Same for folding: most lines are short.
    esc = _escape
    name = contact.name
    given, family = split_name(name)
    if _needs_escape(name):
        name, given, family = esc(name), esc(given), esc(family)
    lines = ["BEGIN:VCARD\r\nVERSION:4.0"]
    if contact.id:
        lines.append("UID:" + esc(contact.id))
    lines.append("FN:" + name)
    lines.append(f"N:{family};{given};;;")
    for org in contact.organization:
        if any(org):
            value = ";".join(org)
            if _needs_escape(value):
                value = ";".join([esc(part) for part in org])
            lines.append("ORG:" + value)
    for number in contact.numbers:
        if number.number.strip():
            lines.append(f"TEL{_type_param(number.type)}:{esc(number.number)}")
    for email in contact.emails:
        if email.email.strip():
            lines.append(f"EMAIL{_type_param(email.type)}:{esc(email.email)}")
    for a in contact.addresses:
        value = (
            f"{a.po_box};{a.extended_address};{a.street_address};{a.locality};{a.region};"
            f"{a.postal_code};{a.country}"
        )
        if len(value) == 6:  # every part empty
            continue
        if value.count(";") != 6 or _needs_escape(value.replace(";", "")):
            value = ";".join(
                [
                    esc(a.po_box),
                    esc(a.extended_address),
                    esc(a.street_address),
                    esc(a.locality),
                    esc(a.region),
                    esc(a.postal_code),
                    esc(a.country),
                ]
            )
        lines.append("ADR:" + value)
    if contact.picture:
        lines.append("PHOTO:" + _photo_uri(contact.picture))
    lines.append("END:VCARD\r\n")
    for i, line in enumerate(lines):
        if _needs_fold(line):
            lines[i] = _fold(line)
    return "\r\n".join(lines)


def write_vcards(contacts: Iterable[Contact]) -> list[str]:
    """One vCard 4.0 string per contact, in order (see :func:`write_vcard`)."""
    with paused_gc():
        return [write_vcard(c) for c in contacts]


def write_vcard_book(contacts: Iterable[Contact]) -> str:
    """All contacts as one vCard 4.0 text (the cards one after another)."""
    with paused_gc():
        return "".join([write_vcard(c) for c in contacts])


# ----------------------------------------------------------------------------------- reading

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_UNESCAPED = {"n": "\n", "N": "\n"}
_SEMICOLON_OR_ESCAPE = re.compile(r"\\.|;", re.DOTALL)


def _unescape_one(match: re.Match[str]) -> str:
    char = match.group(1)
    return _UNESCAPED.get(char, char)


def _unescape(value: str) -> str:
    """Undo backslash escaping; an unknown escape (backslash and ``x``) gives ``x``."""
    return _ESCAPE.sub(_unescape_one, value) if "\\" in value else value


def _components(value: str) -> list[str]:
    """Split a structured value (N, ADR, ORG) at its unescaped semicolons and unescape the parts."""
    if "\\" not in value:
        return value.split(";")
    parts = []
    start = 0
    for match in _SEMICOLON_OR_ESCAPE.finditer(value):
        if match.group() == ";":
            parts.append(_unescape(value[start : match.start()]))
            start = match.end()
    parts.append(_unescape(value[start:]))
    return parts


def _split_params(params: str) -> list[str]:
    """Split ``a=1;b="x;y"`` at the semicolons outside double quotes."""
    if '"' not in params:
        return params.split(";")
    out, start, quoted = [], 0, False
    for i, char in enumerate(params):
        if char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            out.append(params[start:i])
            start = i + 1
    out.append(params[start:])
    return out


# Parameters that are not kinds of a number or address (vCard 2.1 writes them bare, too).
_NOT_TYPES = frozenset(
    {"base64", "b", "quoted-printable", "8bit", "7bit", "uri", "url", "text", "utf-8"}
)
_types_of_params: dict[str, tuple[str, ...]] = {}


def _types(params: str) -> tuple[str, ...]:
    """The lower-cased TYPE values of a parameter string (memoised)."""
    types = _types_of_params.get(params)
    if types is not None:
        return types
    values: list[str] = []
    for param in _split_params(params):
        key, eq, value = param.partition("=")
        key = key.strip().upper()
        if not eq:  # vCard 2.1 style bare type: TEL;CELL;VOICE
            candidates = [key]
        elif key == "TYPE":
            candidates = value.split(",")
        elif key == "PREF":
            candidates = ["pref"]
        else:
            continue
        for candidate in candidates:
            t = candidate.strip().strip('"').strip().lower()
            if t and t not in values and (eq or t not in _NOT_TYPES):
                values.append(t)
    types = tuple(values)
    if len(_types_of_params) < _CACHE_LIMIT:
        _types_of_params[params] = types
    return types


_APPLE_LABELS = {
    "_$!<mobile>!$_": ("cell",),
    "_$!<home>!$_": ("home",),
    "_$!<work>!$_": ("work",),
    "_$!<other>!$_": ("other",),
    "_$!<main>!$_": ("main",),
    "_$!<homefax>!$_": ("home", "fax"),
    "_$!<workfax>!$_": ("work", "fax"),
    "_$!<otherfax>!$_": ("other", "fax"),
    "_$!<pager>!$_": ("pager",),
    "iphone": ("cell", "iphone"),
}

_SUPPORTED_VERSIONS = ("3.0", "4.0")


class _Skip(Exception):
    """A card cannot be taken; the message is the reason."""


def _split_head(line: str) -> tuple[str, str]:
    """Split a content line whose name/parameters contain a double quote at the right colon."""
    quoted = False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:i], line[i + 1 :]
    raise _Skip(f"malformed line (no colon): {line[:40]!r}")


def _photo(value: str) -> str | None:
    value = value.strip()
    if value[:5].lower() == "data:":
        comma = value.find(",")
        return (value[comma + 1 :] or None) if comma >= 0 else None
    if " " in value or "\t" in value:  # base64 folded with extra white space
        value = "".join(value.split())
    return value or None


def _with_labels(
    numbers: list[PhoneNumber],
    emails: list[Email],
    grouped: dict[str, tuple[bool, int]],
    labels: dict[str, tuple[str, ...]],
) -> None:
    """Add the types of Apple's standard ``itemN.X-ABLabel`` labels to their numbers/e-mails."""
    for group, (is_number, index) in grouped.items():
        label = labels.get(group)
        if not label:
            continue
        if is_number:
            number = numbers[index]
            extra = tuple(t for t in label if t not in number.type)
            numbers[index] = PhoneNumber(number.number, number.type + extra)
        else:
            email = emails[index]
            extra = tuple(t for t in label if t not in email.type)
            emails[index] = Email(email.email, email.type + extra)


def _card(lines: list[str], scope: Scope | ExportScope, ordinal: int) -> ParsedContact:
    """Build the contact of one card from its unfolded content lines between BEGIN and END.

    The hot loop of every import: one ``partition`` per line, no per-line function call for
    the common properties.
    """
    version: str | None = None
    uid = fn = ""
    n: list[str] | None = None
    numbers: list[PhoneNumber] = []
    emails: list[Email] = []
    addresses: list[Address] = []
    organization: list[tuple[str, ...]] = []
    picture: str | None = None
    labels: dict[str, tuple[str, ...]] = {}
    grouped: dict[str, tuple[bool, int]] = {}
    properties = 0
    for line in lines:
        head, colon, value = line.partition(":")
        if '"' in head:
            head, value = _split_head(line)
        elif not colon:
            if not line.strip():
                continue
            raise _Skip(f"malformed line (no colon): {line[:40]!r}")
        name, semi, params = head.partition(";")
        group = ""
        if "." in name:
            group, _, name = name.rpartition(".")
            group = group.lower()
        name = name.upper()
        properties += 1
        if name == "TEL":
            if "\\" in value:
                value = _unescape(value)
            value = value.strip()
            if value[:4].lower() == "tel:":
                value = value[4:]
            if value:
                if group:
                    grouped[group] = (True, len(numbers))
                numbers.append(PhoneNumber(value, _types(params) if semi else ()))
        elif name == "EMAIL":
            if "\\" in value:
                value = _unescape(value)
            value = value.strip()
            if value:
                if group:
                    grouped[group] = (False, len(emails))
                emails.append(Email(value, _types(params) if semi else ()))
        elif name == "FN":
            if not fn:
                fn = _unescape(value).strip()
        elif name == "N":
            if n is None:
                n = _components(value)
        elif name == "ADR":
            parts = _components(value)
            if any(parts):
                if len(parts) != 7:
                    parts = (parts + [""] * 7)[:7]
                addresses.append(Address(*parts))
        elif name == "ORG":
            org = tuple(_components(value))
            if any(org):
                organization.append(org)
        elif name == "VERSION":
            version = value.strip()
            properties -= 1
        elif name == "UID":
            uid = _unescape(value).strip()
        elif name == "PHOTO":
            if picture is None:
                picture = _photo(value)
        elif name == "X-ABLABEL":
            if group:
                label = _APPLE_LABELS.get(value.strip().lower())
                if label:
                    labels[group] = label
        elif name == "BEGIN" or name == "END":
            raise _Skip(f"nested {name}:{value.strip()} inside the card")
    if version is None:
        raise _Skip("no VERSION (3.0 or 4.0 required)" if properties else "empty card")
    if version not in _SUPPORTED_VERSIONS:
        raise _Skip(f"unsupported vCard version {version!r} (3.0 or 4.0 required)")
    if not properties:
        raise _Skip("empty card")
    if labels:
        _with_labels(numbers, emails, grouped, labels)
    if n is not None:
        if len(n) < 5:
            n += [""] * (5 - len(n))
        family, given = n[0].strip(), n[1].strip()
        prefix, additional, suffix = n[3].strip(), n[2].replace(",", " ").strip(), n[4].strip()
        name_text = fn or " ".join([p for p in (prefix, given, additional, family, suffix) if p])
    else:
        name_text, given, family = fn, "", ""
    if not name_text:
        raise _Skip("no name (neither FN nor N)")
    if not given and not family:
        given, family = split_name(name_text)
    contact = Contact(
        uid,
        name_text,
        picture,
        tuple(emails),
        tuple(numbers),
        tuple(addresses),
        tuple(organization),
        scope,
    )
    return ParsedContact(ordinal, contact, given, family)


def parse_vcards(text: str | bytes, *, scope: Scope | ExportScope = Scope.PRIVATE) -> ParseResult:
    """Read every card of a vCard text (one card or a whole address book), ``str`` or ``bytes``.

    ``bytes`` are decoded as described in :func:`decode_vcard`.

    Returns a :class:`~sipgateio.contacts.models.ParseResult`: the contacts (with ``scope``,
    as a vCard carries none) and a :class:`~sipgateio.contacts.models.SkippedRecord` with the
    ordinal and reason of every card it could not take. A text of only white space gives an
    empty result; a text without any ``BEGIN:VCARD`` raises
    :class:`~sipgateio.errors.ValidationError`.
    """
    notes: tuple[ImportNote, ...] = ()
    if isinstance(text, bytes):
        text, encoding = decode_vcard(text)
        if encoding == "cp1252":
            notes = (
                ImportNote(0, "encoding", "", "cp1252", "not UTF-8 nor UTF-16: read as cp1252"),
            )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n " in text:
        text = text.replace("\n ", "")
    if "\n\t" in text:
        text = text.replace("\n\t", "")
    if text[:1] == "\ufeff":
        text = text[1:]
    # paused_gc() inlined: allocating its context object could itself trigger a collection.
    resume = gc_pause_enabled() and gc.isenabled()
    if resume:
        gc.disable()
    try:
        result = _parse(text, scope)
    finally:
        if resume:
            gc.enable()
    return ParseResult(result.records, result.skipped, notes) if notes else result


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_vcard(data: bytes) -> tuple[str, str]:
    """The text of a vCard file's bytes and the encoding it was read with.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); UTF-16 without one is recognised by its
    zero bytes; otherwise UTF-8, and cp1252 (which reads any byte) when the data is not UTF-8.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, "replace"), encoding.removesuffix("-sig")
    head = data[:200]
    if head.count(b"\x00") * 3 > len(head):
        encoding = "utf-16-be" if head[:1] == b"\x00" else "utf-16-le"
        return data.decode(encoding, "replace"), encoding
    try:
        return data.decode(), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace"), "cp1252"


def _parse(text: str, scope: Scope | ExportScope) -> ParseResult:
    records: list[ParsedContact] = []
    skipped: list[SkippedRecord] = []
    ordinal = 0
    begin = -1  # index of the first line of the open card, -1 outside a card
    lines = text.split("\n")
    for i, line in enumerate(lines):
        # Only BEGIN:VCARD and END:VCARD (maybe with trailing blanks) can match: cheap pre-test.
        if 8 < len(line) < 20 and line[0] in "BEbe":
            marker = line.rstrip().upper()
            if marker == "BEGIN:VCARD":
                if begin >= 0:
                    skipped.append(SkippedRecord(ordinal, "missing END:VCARD"))
                ordinal += 1
                begin = i + 1
            elif marker == "END:VCARD" and begin >= 0:
                try:
                    records.append(_card(lines[begin:i], scope, ordinal))
                except _Skip as skip:
                    skipped.append(SkippedRecord(ordinal, str(skip)))
                begin = -1
    if begin >= 0:
        skipped.append(SkippedRecord(ordinal, "missing END:VCARD"))
    if not ordinal and text.strip():
        raise ValidationError("no vCard found (no BEGIN:VCARD line)", field="vcard_content")
    return ParseResult(records, skipped)
