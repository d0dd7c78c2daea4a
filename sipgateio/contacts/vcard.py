r"""vCard conversion: read vCard 2.1, 3.0 and 4.0, write vCard 4.0. Usable without a client.

>>> from sipgateio.contacts import vcard
>>> result = vcard.parse_vcards(open("contacts.vcf", "rb").read())   # str or bytes
>>> result.contacts, result.skipped, result.notes   # contacts, cards not taken, what changed
>>> text = vcard.write_vcards(result.contacts)       # one vCard 4.0 string per contact

Why not vobject?
    vobject is the reference this module is tested against (property-based tests: every card
    we write is read by vobject to the same values, and we read the cards vobject writes to the
    same values; on the real address books of ../shared/corpora no value vobject reads is
    missing from ours), but it parses about 3,800 and writes about 5,400 cards a second, ten
    times too slow for a 100,000-contact address book. vCard's grammar for the properties a
    contact has is small (content lines, folding, backslash escaping, parameters), so this
    module implements it directly: whole-text unfolding with ``str.replace``, one ``split``
    into lines, and string building for writing.

Reading (:func:`parse_vcards`)
    * one or many cards, ``VERSION`` 2.1, 3.0, 4.0 (or none); CRLF, LF, CR or iOS's
      ``\r\r\n`` line ends; folded lines; byte-order marks at the start and where
      concatenated files start; trailing blanks after ``BEGIN:VCARD``; a card without
      ``END:VCARD`` is read up to the next card or the end of the input; nested 2.1 ``AGENT``
      cards are read as cards of their own (ordinals count every ``BEGIN:VCARD``); base64
      values (``ENCODING=BASE64``/``b``) that go on in lines without folding's leading
      blank, up to a blank line (as vCard 2.1 allows), are read as one value;
    * ``bytes``: see :func:`decode_vcard`; quoted-printable values (2.1 and 3.0, soft line
      breaks joined) are decoded in their ``CHARSET`` (else UTF-8, else cp1252, noted);
    * property names case-insensitive, group prefixes ignored (``item1.TEL``); ``FN``, ``N``,
      ``TEL``, ``EMAIL``, ``ADR``, ``ORG``, ``PHOTO`` and ``UID`` are read; ``NICKNAME`` (also
      Android's ``X-ANDROID-CUSTOM`` nickname) names a card without ``FN``/``N``; every other
      property that carries data is listed in a note as not imported;
    * TYPE values in every form (``TYPE=CELL,VOICE``, ``type=work;type=pref``, bare ``;HOME``
      and ``;MSG,WORK``), lower-cased, see :mod:`sipgateio.contacts.models` for the mapping;
      Apple's ``itemN.X-ABLabel`` standard labels add their type (``_$!<Mobile>!$_`` gives
      ``cell``), other labels of numbers and e-mails (``Büro``) are noted as not imported;
    * backslash escapes ``\\`` ``\,`` ``\;`` ``\:`` ``\n``/``\N`` are undone, other
      backslashes kept; a 2.1 value whose line ends in a backslash goes on on the next line;
      the name is ``FN``, else the parts of ``N``, else (noted) the nickname, organisation,
      e-mail address, number or address; ``UID`` becomes the contact's id; ``tel:`` and
      ``mailto:`` URIs lose their prefix; a ``data:`` URI photo gives its base64 data;
    * a card it cannot take is reported as a :class:`SkippedRecord` with its ordinal (the
      first card is 1) and the reason: an empty card, an unknown version, no name and nothing
      a contact could hold. Lines it cannot read are noted, the card is read without them.

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

import binascii
import gc
import re
from collections.abc import Iterable
from itertools import starmap

from ..errors import ValidationError
from .charset import decode_unicode
from .models import (
    Address,
    Contact,
    Email,
    ExportScope,
    ImportNote,
    ParseResult,
    PhoneNumber,
    Scope,
    SkippedRecord,
    _parse_result,
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
# when it contains ":" or ";". A comma separates values: a type holding one ("msg,work", as
# older versions of this reader produced) is written as the values it names.
_BAD_TYPE = re.compile(r'[\x00-\x1f\x7f"]')
_QUOTED_TYPE = re.compile(r"[:;]")
_type_params: dict[tuple[str, ...], str] = {}


def _type_param(types: tuple[str, ...]) -> str:
    """``;TYPE=a,b`` for a type tuple (memoised: an address book has few distinct tuples)."""
    param = _type_params.get(types)
    if param is None:
        if not types:
            return ""
        values = []
        named = types
        if any("," in t for t in types):
            named = tuple(
                dict.fromkeys(v.strip() for t in types for v in t.split(",") if v.strip())
            )
        for t in named:
            if not t or _BAD_TYPE.search(t):
                raise ValidationError(
                    f"type {t!r} cannot be written to a vCard: it must not be empty or contain"
                    " double quotes or control characters",
                    field="type",
                )
            values.append(f'"{t}"' if _QUOTED_TYPE.search(t) else t)
        param = ";TYPE=" + ",".join(values) if values else ""
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


_ESCAPABLE = frozenset("\\,;:nN")


def _unescape_one(match: re.Match[str]) -> str:
    char = match.group(1)
    if char in _ESCAPABLE:
        return _UNESCAPED.get(char, char)
    return match.group()  # not an escape (vCard 2.1 writes "C:\path"): kept as written


def _unescape(value: str) -> str:
    r"""Undo backslash escaping (``\\`` ``\,`` ``\;`` ``\:`` ``\n``); other backslashes stay."""
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
        if not eq:  # vCard 2.1 style bare type: TEL;CELL;VOICE (or TEL;WORK,MSG)
            candidates, bare = key.split(","), True
        elif key.strip().upper() == "TYPE":
            candidates, bare = value.split(","), False
        elif key.strip().upper() == "PREF":
            candidates, bare = ["pref"], False
        else:
            continue
        for candidate in candidates:
            t = candidate.strip()
            if '"' in t:  # quotes enclose a value; a stray one is not part of it
                t = t.replace('"', "").strip()
            if not t.isprintable():  # no control characters (a vCard cannot write them)
                t = "".join(c for c in t if c.isprintable()).strip()
            t = t.lower()
            if t and t not in values and not (bare and t in _NOT_TYPES):
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

_SUPPORTED_MAJOR = ("2", "3", "4")

# Properties that describe the card, not the person: not reported when not imported.
_ABOUT_THE_CARD = frozenset(
    {
        "VERSION",
        "PRODID",
        "REV",
        "UID",
        "X-ABUID",
        "SORT-STRING",
        "CLASS",
        "SOURCE",
        "NAME",
        "KIND",
        "MAILER",
        "PROFILE",
        "LABEL",
        "X-ABSHOWAS",
        "X-MOZILLA-HTML",
        "X-RADICALE-NAME",
        "X-EVOLUTION-FILE-AS",
        "X-EVOLUTION-LIST",
        "X-EVOLUTION-LIST-SHOW-ADDRESSES",
        "X-ABLABEL",
        "X-ABADR",
        "X-PHONETIC-FIRST-NAME",
        "X-PHONETIC-LAST-NAME",
        "AGENT",
        "X-IRMC-LUID",
        "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
        "X-ANDROID-CUSTOM",
        "CLIENTPIDMAP",
        "X-WAB-GENDER",
        "X-MS-OL-DESIGN",
        "X-MS-CARDPICTURE",
        "X-COUCHDB-UUID",
    }
)


# Values an address book repeats (a city, region or country; a company and its unit) are kept
# once and shared by every contact that has them (memo tables, bounded like the ones above;
# the values are immutable, so sharing changes nothing but memory). Colleagues and neighbours
# then hold one string or tuple instead of one each: less memory, and fewer distinct objects
# for each pass of the cyclic garbage collector over kept contacts to touch.
_shared_parts: dict[str, str] = {}
_shared_orgs: dict[str, tuple[str, ...]] = {}
_shared_org_lists: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}


class _Skip(Exception):
    """A card cannot be taken; the message is the reason."""


_heads: dict[str, tuple[str, str, str, bool]] = {}


def _head(head: str) -> tuple[str, str, str, bool]:
    """A property's name (upper case), group (lower case), parameters, and whether it has any.

    Memoised: an address book repeats a few dozen heads (``TEL;TYPE=cell``, ``FN``).
    """
    name, semi, params = head.partition(";")
    group = ""
    if "." in name:
        group, _, name = name.rpartition(".")
        group = group.lower()
    parsed = (name.upper(), group, params, bool(semi))
    if len(_heads) < _CACHE_LIMIT and '"' not in head:  # quoted: split at the right colon
        _heads[head] = parsed
    return parsed


def _split_head(line: str) -> tuple[str, str]:
    """Split a content line whose name/parameters contain a double quote at the right colon."""
    quoted = False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:i], line[i + 1 :]
    return line, ""


def _photo(value: str) -> str | None:
    value = value.strip()
    if value[:5].lower() == "data:":
        comma = value.find(",")
        return (value[comma + 1 :] or None) if comma >= 0 else None
    if " " in value or "\t" in value:  # base64 folded with extra white space
        value = "".join(value.split())
    return value or None


_BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]+")
_BASE64_PARAMS = frozenset({"ENCODING=B", "ENCODING=BASE64", "BASE64"})


def _base64_continued(lines: list[str]) -> list[str] | None:
    """The lines with unfolded base64 continuations joined to their property, or None if none.

    vCard 2.1 ends a base64 value (``ENCODING=BASE64``) with a blank line, and some writers
    continue it on lines without the leading blank of folding. Such a
    line holds only base64 characters (no colon, so it cannot be a property): it is joined to
    the value before it, up to a blank line or the next line that is not base64.
    """
    out: list[str] = []
    joined = base64 = False
    for line in lines:
        if base64:
            text = line.strip()
            if _BASE64_LINE.fullmatch(text):
                out[-1] += text
                joined = True
                continue
            base64 = False  # a blank line (2.1's end of the value) or anything else ends it
        head = _split_head(line)[0] if '"' in line else line.partition(":")[0]
        if ";" in head and len(head) < len(line):  # a property with parameters
            params = _split_params(head.partition(";")[2])
            base64 = any(p.strip().replace('"', "").upper() in _BASE64_PARAMS for p in params)
        out.append(line)
    return out if joined else None


_Typed = tuple[str, tuple[str, ...]]
"""A number or e-mail address read from a card and its types (made a PhoneNumber/Email last)."""


def _with_labels(
    numbers: list[_Typed],
    emails: list[_Typed],
    grouped: dict[str, tuple[bool, int]],
    labels: dict[str, tuple[str, ...]],
) -> None:
    """Add the types of Apple's standard ``itemN.X-ABLabel`` labels to their numbers/e-mails."""
    for group, (is_number, index) in grouped.items():
        label = labels.get(group)
        if not label:
            continue
        values = numbers if is_number else emails
        value, types = values[index]
        values[index] = (value, types + tuple(t for t in label if t not in types))


# -- encodings inside a card: quoted-printable and CHARSET ----------------------------------

_encodings: dict[str, tuple[bool, str | None]] = {}
_CHARSET = re.compile(r"(?:^|;)\s*CHARSET\s*=\s*\"?([^;:\"]+)", re.IGNORECASE)


def _encoding(params: str) -> tuple[bool, str | None]:
    """Whether a property's value is quoted-printable, and its CHARSET (memoised)."""
    found = _encodings.get(params)
    if found is None:
        upper = params.upper()
        qp = "QUOTED-PRINTABLE" in upper and any(
            p.strip().upper() in ("QUOTED-PRINTABLE", "ENCODING=QUOTED-PRINTABLE")
            for p in _split_params(params)
        )
        match = _CHARSET.search(params) if "CHARSET" in upper else None
        found = (qp, match.group(1).strip() if match else None)
        if len(_encodings) < _CACHE_LIMIT:
            _encodings[params] = found
    return found


def _decode_bytes(data: bytes, charset: str | None) -> tuple[str, bool]:
    """``data`` as text in ``charset`` (else UTF-8); cp1252 when neither fits (True then)."""
    for encoding in (charset, "utf-8"):
        if encoding:
            try:
                return data.decode(encoding), False
            except (LookupError, UnicodeDecodeError):
                pass
    return data.decode("cp1252", "replace"), True


_NOT_ASCII = re.compile(r"([^\x00-\x7f]+)")


def _unquote_printable(value: str, charset: str | None) -> tuple[str, bool]:
    """Decode a quoted-printable value (its soft line breaks already joined).

    Its ``=XX`` escapes are bytes in ``charset``; characters beyond ASCII written as they are
    (raw 8-bit bytes that :func:`decode_vcard` read in that ``CHARSET``, or a ``str`` given)
    are text already. Written back in ``charset`` they take their place among the escaped
    bytes, so every byte is decoded once; characters the charset cannot hold are kept, the
    escapes between them decoded.
    """
    try:
        data = binascii.a2b_qp(value.encode(charset or "utf-8"))
    except (LookupError, UnicodeEncodeError):
        fallback = False
        parts = _NOT_ASCII.split(value)
        for i in range(0, len(parts), 2):  # the ASCII runs; the odd ones are kept as they are
            parts[i], run_fallback = _decode_bytes(binascii.a2b_qp(parts[i]), charset)
            fallback = fallback or run_fallback
        text = "".join(parts)
    else:
        text, fallback = _decode_bytes(data, charset)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, fallback


# -- one card ----------------------------------------------------------------------------


def _note_custom_labels(
    ordinal: int,
    numbers: list[_Typed],
    emails: list[_Typed],
    grouped: dict[str, tuple[bool, int]],
    custom: dict[str, str],
    notes: list[ImportNote],
) -> None:
    """Note the labels (``itemN.X-ABLabel:Büro``) of numbers and e-mails that are no type."""
    for group, (is_number, index) in grouped.items():
        label = custom.get(group)
        if label:
            what = f"number {numbers[index][0]}" if is_number else f"e-mail {emails[index][0]}"
            reason = f"label of the {what}: sipgate contacts have no field for it"
            notes.append(ImportNote(ordinal, "label", label, None, reason))


def _has_properties(lines: list[str]) -> bool:
    """Whether a card's lines hold a property besides VERSION (and BEGIN/END)."""
    for line in lines:
        head, colon, _ = line.partition(":")
        if '"' in head:
            head = _split_head(line)[0]
        elif not colon:
            continue
        if _head(head)[0] not in ("VERSION", "BEGIN", "END"):
            return True
    return False


def _fallback_name(
    nickname: str,
    organization: list[tuple[str, ...]],
    emails: list[_Typed],
    numbers: list[_Typed],
    addresses: list[list[str]],
) -> tuple[str, str]:
    """A name for a card without FN and N, and what it was taken from ("" if none)."""
    if nickname:
        return nickname, "its NICKNAME"
    for org in organization:
        name = " ".join(part for part in org if part.strip()).strip()
        if name:
            return name, "its organisation (ORG)"
    if emails:
        return emails[0][0], "its e-mail address"
    if numbers:
        return numbers[0][0], "its phone number"
    for a in addresses:  # the seven ADR parts: street, locality and country
        name = ", ".join(p for p in (a[2], a[3], a[6]) if p.strip())
        if name:
            return name.replace("\n", " "), "its address"
    return "", ""


def _one_org(org: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A contact's ``organization`` of the one organisation ``org`` (shared, see above)."""
    found = _shared_org_lists.get(org)
    if found is None:
        found = (org,)
        if len(_shared_org_lists) < _CACHE_LIMIT:
            _shared_org_lists[org] = found
    return found


def _card(
    lines: list[str],
    scope: Scope | ExportScope,
    ordinal: int,
    notes: list[ImportNote],
    qp_possible: bool,
) -> tuple[Contact, str, str]:
    """The contact of one card (from its unfolded lines between BEGIN and END), given, family.

    The hot loop of every import: one ``partition`` per line, no per-line function call for
    the common properties. What it changes or cannot read goes to ``notes``.
    ``qp_possible``: whether the text mentions quoted-printable at all.
    """
    version: str | None = None
    uid = fn = nickname = ""
    n: list[str] | None = None
    numbers: list[_Typed] = []
    emails: list[_Typed] = []
    addresses: list[list[str]] = []
    organization: list[tuple[str, ...]] = []
    picture: str | None = None
    labels: dict[str, tuple[str, ...]] | None = None  # Apple's itemN labels, by group
    grouped: dict[str, tuple[bool, int]] | None = None  # numbers/e-mails with a group
    custom: dict[str, str] | None = None  # labels that are no type, by group
    unread: list[str] = []
    not_imported: list[str] = []
    cp1252 = False
    heads, types_of = _heads, _types_of_params
    shared, shared_orgs = _shared_parts, _shared_orgs
    it = iter(lines)
    for line in it:
        head, colon, value = line.partition(":")
        parsed = heads.get(head) if colon else None
        if parsed is None:
            if '"' in head:
                head, value = _split_head(line)
            elif not colon:
                if line.strip():
                    unread.append(line)
                continue
            parsed = _head(head)
        name, group, params, semi = parsed
        if qp_possible and semi:
            qp, charset = _encoding(params)
            if qp:
                while value[-1:] == "=":  # a soft line break: the value goes on
                    following = next(it, None)
                    if following is None:
                        break
                    value = value[:-1] + following
                value, fallback = _unquote_printable(value, charset)
                cp1252 = cp1252 or fallback
        if name == "TEL":
            if "\\" in value:
                value = _unescape(value)
            value = value.strip()
            if value[:1] in "tT" and value[:4].lower() == "tel:":
                value = value[4:]
            if value:
                if group:
                    grouped = grouped or {}
                    grouped[group] = (True, len(numbers))
                types = (types_of.get(params) or _types(params)) if semi else ()
                numbers.append((value, types))
        elif name == "EMAIL":
            if "\\" in value:
                value = _unescape(value)
            value = value.strip()
            if value[:1] in "mM" and value[:7].lower() == "mailto:":
                value = value[7:]
            if value:
                if group:
                    grouped = grouped or {}
                    grouped[group] = (False, len(emails))
                types = (types_of.get(params) or _types(params)) if semi else ()
                emails.append((value, types))
        elif name == "FN":
            if not fn:
                fn = (_unescape(value) if "\\" in value else value).strip()
        elif name == "N":
            if n is None:
                n = _components(value) if "\\" in value else value.split(";")
        elif name == "ADR":
            parts = _components(value) if "\\" in value else value.split(";")
            if any(parts):
                if len(parts) != 7:
                    parts = (parts + [""] * 7)[:7]
                for k in (3, 4, 6):  # locality, region, country: one string for each value
                    part = parts[k]
                    known = shared.get(part)
                    if known is None:
                        if len(shared) < _CACHE_LIMIT:
                            shared[part] = part
                    else:
                        parts[k] = known
                addresses.append(parts)
        elif name == "ORG":
            org = shared_orgs.get(value)
            if org is None:
                org = tuple(_components(value) if "\\" in value else value.split(";"))
                if len(shared_orgs) < _CACHE_LIMIT:
                    shared_orgs[value] = org
            if any(org):
                organization.append(org)
        elif name == "VERSION":
            version = value.strip()
        elif name == "UID":
            uid = _unescape(value).strip()
        elif name == "PHOTO":
            if picture is None:
                picture = _photo(value)
        elif name == "X-ABLABEL":
            if group:
                text = value.strip()
                label = _APPLE_LABELS.get(text.lower())
                if label:
                    labels = labels or {}
                    labels[group] = label
                elif text:
                    custom = custom or {}
                    custom[group] = _unescape(text)
        elif name == "NICKNAME":
            if not nickname:
                nickname = _components(value)[0].split(",")[0].strip()
            not_imported.append(name)
        elif name == "X-ANDROID-CUSTOM":
            parts = _components(value)
            if parts[0].endswith("/nickname") and len(parts) > 1 and not nickname:
                nickname = parts[1].strip()
                not_imported.append("NICKNAME")
        elif name not in _ABOUT_THE_CARD and value.strip():
            not_imported.append(name)
    if unread:  # rare: lines without a colon; maybe base64 continued without folding (2.1)
        joined = _base64_continued(lines)
        if joined is not None:
            return _card(joined, scope, ordinal, notes, qp_possible)
    if version is not None and version[:1] not in _SUPPORTED_MAJOR:
        raise _Skip(f"unsupported vCard version {version!r} (2.1, 3.0 or 4.0 expected)")
    if labels and grouped:
        _with_labels(numbers, emails, grouped, labels)
    if n is not None:
        if len(n) < 5:
            n += [""] * (5 - len(n))
        family, given = n[0].strip(), n[1].strip()
        name_text = fn
        if not name_text:
            prefix, suffix = n[3].strip(), n[4].strip()
            additional = n[2].replace(",", " ").strip()
            name_text = " ".join([p for p in (prefix, given, additional, family, suffix) if p])
    else:
        name_text, given, family = fn, "", ""
    if not name_text:
        if not _has_properties(lines):
            raise _Skip("empty card")
        name_text, source = _fallback_name(nickname, organization, emails, numbers, addresses)
        if not name_text:
            if picture is None and not not_imported:
                raise _Skip("no name (neither FN nor N), and nothing else a contact could hold")
            held = ", ".join(dict.fromkeys((["PHOTO"] if picture else []) + not_imported))
            raise _Skip(
                f"no name (neither FN nor N), number, e-mail, address or organisation to "
                f"import: only {held}"
            )
        notes.append(
            ImportNote(ordinal, "name", "", name_text, f"no FN or N: named after {source}")
        )
    if not given and not family:
        given, family = split_name(name_text)
    if custom and grouped:
        _note_custom_labels(ordinal, numbers, emails, grouped, custom, notes)
    if unread:
        for text in unread:
            notes.append(ImportNote(ordinal, "line", text, None, "malformed line (no colon)"))
    if not_imported:
        names = ", ".join(dict.fromkeys(not_imported))
        notes.append(
            ImportNote(
                ordinal, "properties", names, None, "sipgate contacts have no field for them"
            )
        )
    if cp1252:
        notes.append(
            ImportNote(
                ordinal,
                "encoding",
                "quoted-printable",
                "cp1252",
                "its CHARSET is missing or wrong: read as cp1252",
            )
        )
    # The contact's objects are made last, one after another: kept by the thousand, objects
    # made together lie together in memory, and the cyclic garbage collector goes through
    # them faster than through objects made amid the reading's temporary strings. (One of
    # each is the common case: made without an iterator.)
    email_objects = (Email(*emails[0]),) if len(emails) == 1 else tuple(starmap(Email, emails))
    number_objects = (
        (PhoneNumber(*numbers[0]),) if len(numbers) == 1 else tuple(starmap(PhoneNumber, numbers))
    )
    address_objects = (
        (Address(*addresses[0]),) if len(addresses) == 1 else tuple(starmap(Address, addresses))
    )
    contact = Contact(
        uid,
        name_text,
        picture,
        email_objects,
        number_objects,
        address_objects,
        _one_org(organization[0]) if len(organization) == 1 else tuple(organization),
        scope,
    )
    return contact, given, family


# -- the text ------------------------------------------------------------------------------


def parse_vcards(text: str | bytes, *, scope: Scope | ExportScope = Scope.PRIVATE) -> ParseResult:
    """Read every card of a vCard text (one card or a whole address book), ``str`` or ``bytes``.

    ``bytes`` are decoded as :func:`decode_vcard` describes. Returns a
    :class:`~sipgateio.contacts.models.ParseResult`: the contacts (with ``scope``, as a vCard
    carries none), a :class:`~sipgateio.contacts.models.SkippedRecord` with the ordinal and
    reason of every card it could not take, and an
    :class:`~sipgateio.contacts.models.ImportNote` for everything it changed or did not read
    in the cards it took. A text of only white space gives an empty result; a text without
    any ``BEGIN:VCARD`` raises :class:`~sipgateio.errors.ValidationError`.
    """
    notes: list[ImportNote] = []
    if isinstance(text, bytes):
        text, encoding = decode_vcard(text)
        if encoding.endswith("cp1252"):
            notes.append(
                ImportNote(
                    0,
                    "encoding",
                    "",
                    "cp1252",
                    "lines that are not UTF-8 and name no CHARSET were read as cp1252",
                )
            )
    if "\ufeff" in text:  # byte-order marks: at the start, and of each of concatenated files
        text = text.removeprefix("\ufeff").replace("\n\ufeff", "\n").replace("\r\ufeff", "\r")
        if "\ufeff" in text:  # a file appended to one without a final line break
            text = _BOM_BEFORE_CARD.sub("\n", text)
    if "\r" in text:
        lf = text.replace("\r\n", "\n")
        if "\r" in lf:  # CR alone, or iOS's \r\r\n
            lf = text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
        text = lf
    # Single characters are found fastest: look for the pairs only where they can be.
    if "\\" in text and "\\\n" in text:  # 2.1 (Android): a backslash ending a line goes on
        text = _CONTINUED.sub("\\\\n", text)
    if "\n " in text:
        text = text.replace("\n ", "")
    if "\t" in text and "\n\t" in text:
        text = text.replace("\n\t", "")
    # paused_gc() inlined: allocating its context object could itself trigger a collection.
    resume = gc_pause_enabled() and gc.isenabled()
    if resume:
        gc.disable()
    try:
        return _parse(text, scope, notes)
    finally:
        if resume:
            gc.enable()


_LINE_CHARSET = re.compile(rb"^[^:]*?;\s*CHARSET\s*=\s*\"?([A-Za-z0-9_.:-]+?)\"?\s*[;:]", re.I)


def decode_vcard(data: bytes) -> tuple[str, str]:
    """The text of a vCard file's bytes and how it was decoded.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32); UTF-16 without one is recognised by
    its zero bytes; then UTF-8. Anything else (vCard 2.1 files of Outlook, old phones) is
    read line by line: a line in the ``CHARSET`` its property names (``CHARSET=SHIFT_JIS``,
    ``CHARSET=ISO-8859-1``), else as UTF-8 when it is, else as cp1252, which reads any
    byte; a folded line's continuation, and a quoted-printable value's line after a soft line
    break (``=`` at its end), as its first line. The second value is the encoding,
    ``"charset-lines"`` for line by line, ``"charset-lines+cp1252"`` when cp1252 was needed.
    """
    found = decode_unicode(data)  # the readers' shared first step
    if found is not None:
        return found
    out: list[str] = []
    charset: str | None = None
    any_cp1252 = False
    quoted = False
    soft_break = False  # the line before ended a quoted-printable line with "=": it goes on
    for raw in data.splitlines(keepends=True):
        if raw[:1] not in (b" ", b"\t") and not soft_break:  # a new content line
            match = _LINE_CHARSET.match(raw)
            charset = match.group(1).decode("ascii") if match else None
            quoted = b"QUOTED-PRINTABLE" in raw.partition(b":")[0].upper()
        soft_break = quoted and raw.rstrip(b"\r\n").endswith(b"=")
        if raw.isascii():
            out.append(raw.decode("ascii"))
            continue
        text, fallback = _decode_bytes(raw, charset)
        any_cp1252 = any_cp1252 or fallback
        out.append(text)
    return "".join(out), "charset-lines+cp1252" if any_cp1252 else "charset-lines"


_MARKER_START = frozenset("BbEe")  # the first characters of BEGIN:VCARD and END:VCARD
_BOM_BEFORE_CARD = re.compile("\ufeff(?=BEGIN:VCARD)", re.IGNORECASE)
_CONTINUED = re.compile(r"(?<!\\)\\\n(?![\w.-]+[;:]|[ \t])")
"""A value's line break written as a backslash at the end of the line (not before a property)."""


_Span = tuple[int, int, int, list[tuple[int, int]] | None]
"""A card found: its ordinal, first line, end line, and earlier runs of lines (or None)."""


def _spans(lines: list[str]) -> tuple[list[_Span], int, bool]:
    """The cards of a text's lines, how many BEGIN:VCARD there are, whether cards nest.

    A ``BEGIN:VCARD`` inside an open card starts a nested card (vCard 2.1 ``AGENT``, or a
    card whose ``END:VCARD`` is missing): the outer card keeps its lines around it. A card
    still open at the end of the input ends there.
    """
    # The cards found: (ordinal, first line, end line, earlier runs of lines or None).
    spans: list[_Span] = []
    ordinal = 0
    # The open card: its ordinal, the first line of its current run of lines (-1: no card
    # open) and its earlier runs (None unless a nested card interrupted it); the cards a
    # nested one interrupted wait in ``outer``.
    card, begin, runs, nested = 0, -1, None, False
    outer: list[tuple[int, list[tuple[int, int]]]] = []
    for i, line in enumerate(lines):
        # Only BEGIN:VCARD and END:VCARD (maybe with trailing blanks) can match: cheap pre-test.
        if line[:1] in _MARKER_START and len(line) > 8 and (line[0] in "Bb" or line[1] in "Nn"):
            marker = line.rstrip().upper()
            if marker == "BEGIN:VCARD":
                ordinal += 1
                if begin >= 0:  # inside an open card
                    nested = True
                    interrupted = runs or []
                    interrupted.append((begin, i))
                    outer.append((card, interrupted))
                card, begin, runs = ordinal, i + 1, None
            elif marker == "END:VCARD" and begin >= 0:
                spans.append((card, begin, i, runs))
                if outer:
                    card, runs = outer.pop()
                    begin = i + 1
                else:
                    begin = -1
    end = len(lines)
    while begin >= 0:  # no END:VCARD before the end of the input: read what is there
        spans.append((card, begin, end, runs))
        if outer:
            card, runs = outer.pop()
            begin = end
        else:
            begin = -1
    return spans, ordinal, nested


def _parse(text: str, scope: Scope | ExportScope, notes: list[ImportNote]) -> ParseResult:
    """Read the cards of an unfolded text with LF line ends.

    A ``BEGIN:VCARD`` inside an open card starts a nested card (vCard 2.1 ``AGENT``, or a
    card whose ``END:VCARD`` is missing): each is read on its own, the outer card keeps its
    lines around it. A card still open at the end of the input is read as it is.
    """
    lines = text.split("\n")
    if (
        2 < len(lines) < 256
        and not lines[-1]
        and lines[0].rstrip().upper() == "BEGIN:VCARD"
        and lines[-2].rstrip().upper() == "END:VCARD"
        and text.count(":V") + text.count(":v") == 2
    ):  # one card, the common case: no other line can be BEGIN:VCARD or END:VCARD (only v
        # and V upper-case to a V, only ":" to a colon: every such line holds ":V" or ":v")
        spans: list[_Span] = [(1, 1, len(lines) - 2, None)]
        ordinal, nested = 1, False
    else:
        spans, ordinal, nested = _spans(lines)
    if not ordinal and text.strip():
        raise ValidationError("no vCard found (no BEGIN:VCARD line)", field="vcard_content")
    # Any case of QUOTED-PRINTABLE, cheaply: a single character is found fastest, then the
    # usual spellings; any other (Quoted-Printable) in an upper-cased copy.
    qp = ("Q" in text or "q" in text) and (
        "UOTED-P" in text or "uoted-p" in text or "UOTED-P" in text.upper()
    )
    contacts: list[Contact] = []
    meta: list[int | str] = []  # (ordinal, given, family) of each contact, flat
    skipped: list[SkippedRecord] = []
    for card, begin, end, runs in spans:
        card_lines = lines[begin:end]
        if runs is not None:
            card_lines = [x for a, b in runs for x in lines[a:b]] + card_lines
        try:
            contact, given, family = _card(card_lines, scope, card, notes, qp)
        except _Skip as skip:
            skipped.append(SkippedRecord(card, str(skip)))
            continue
        contacts.append(contact)
        meta += (card, given, family)
    if nested:  # back into card order
        order = sorted(range(len(contacts)), key=lambda k: meta[3 * k])
        contacts = [contacts[k] for k in order]
        meta = [meta[3 * k + j] for k in order for j in range(3)]
        skipped.sort(key=lambda s: s.line)
    if len(notes) > 1:
        notes.sort(key=lambda n: n.line)
    # The records are made from the contacts and meta when read (see ParseResult).
    return _parse_result(tuple(contacts), tuple(meta), tuple(skipped), tuple(notes))
