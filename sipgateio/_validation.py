"""Checks of user input, run before anything is sent; each raises a ValidationError."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from .errors import ValidationError

__all__ = [
    "aware_datetime",
    "boolean",
    "contact_number",
    "extension_id",
    "filter_number",
    "http_url",
    "is_e164",
    "is_extension",
    "items",
    "non_empty",
    "phone_number",
    "region_code",
    "same_number",
    "to_e164",
]

_EXTENSION_ID = re.compile(r"([a-z])(0|[1-9][0-9]*)")

EXTENSION_TYPES = {
    "a": "application",
    "c": "conference",
    "e": "VoIP phone",
    "f": "fax",
    "g": "group",
    "h": "IVR",
    "i": "SIM",
    "p": "phoneline",
    "q": "queue",
    "r": "callthrough",
    "s": "SMS",
    "t": "trunking",
    "v": "voicemail",
    "w": "webuser",
    "x": "external phone",
    "y": "mobile",
}


def is_extension(value: str, types: str | None = None) -> bool:
    """True when ``value`` is an extension id (``e14``, ``p0``), optionally of one of ``types``."""
    match = _EXTENSION_ID.fullmatch(value)
    return match is not None and (types is None or match.group(1) in types)


def extension_id(value: object, field: str, types: str | None = None) -> str:
    """Return ``value`` if it is an extension id (of one of the letters in ``types``)."""
    if not isinstance(value, str) or not _EXTENSION_ID.fullmatch(value):
        raise ValidationError(
            f"{field} must be an extension id such as 'e14' or 'p0' (a letter and a number "
            f"without leading zeros), got {value!r}",
            field=field,
        )
    if types is not None and value[0] not in types:
        allowed = ", ".join(f"{t} ({EXTENSION_TYPES[t]})" for t in types)
        raise ValidationError(
            f"{field} must be an extension of type {allowed}, got {value!r}", field=field
        )
    return value


is_e164 = re.compile(r"\+[1-9][0-9]{6,14}").fullmatch
"""Whether a string has the form of an E.164 number (``+`` and 7 to 15 digits); no other check."""

# -- phone numbers: one rule for sending, filtering and importing -----------------------------
#
# sipgate decides which numbers it accepts and its numbering plans change faster than any
# metadata: the library refuses only what cannot be a number at all (no digits, letters, an
# impossible length) and never checks whether a range is assigned. See phone_number,
# filter_number and contact_number.

MIN_DIGITS = 2
"""Fewest digits of a number without country code (``110``, a transfer to ``12``)."""
MAX_DIGITS = 16
"""Most digits of a number without country code: 15 (E.164) and a trunk prefix ``0``."""

_NUMBER = re.compile(r"\+?[0-9 \-./()\u00a0]*[0-9][0-9 \-./()\u00a0]*")
"""Digits with the separators people write (space ``-`` ``/`` ``.`` brackets), maybe a ``+``."""
_EXTENSION = re.compile(
    r"(.*?[0-9)])\s*(?:;\s*ext=|(?:ext|extn|extension|durchwahl|dw|x)\.?\s*:?|#)\s*([0-9]{1,10})",
    re.IGNORECASE | re.DOTALL,
)
"""A number and its extension: ``;ext=102`` (RFC 3966), ``ext. 12``, ``x102``, ``#12``."""
_NOT_DIGITS = re.compile(r"[^0-9]")

_PARSE_ERRORS = {  # phonenumbers.NumberParseException error types
    0: "unknown country code",
    1: "no number found",
    2: "too short",
    3: "too short",
    4: "too long",
}
_IMPOSSIBLE = {  # phonenumbers.ValidationResult
    1: "unknown country code",
    2: "too short",
    3: "too long",
    5: "invalid length",
}
_INCOMPLETE = {  # of them: a known country's number that lacks digits (or has a wrong count)
    2: "too short for a number with country code ",
    5: "a length no number has with country code ",
}


def phone_number(value: object, field: str, *, default_region: str | None = None) -> str:
    """Return the number to send for ``value``, or raise ValidationError naming ``field``.

    The rule for numbers sent to sipgate (SMS and fax recipients, callees, caller ids,
    transfer targets): a number with country code (``+49 211 63553355``, ``0049...``) is sent
    in E.164 form (``+4921163553355``) when its length is possible for its country; a number
    without one (``110``, ``12``, ``0211 63553355``) is sent as its digits, sipgate reads it as
    dialled from the account. Whether a range is assigned is sipgate's to decide
    (``+4912368712`` is sent, and ``+1 555 0123``, a local number's length, as ``+15550123``).
    Real-world spellings are read: ``(+57) 320 432 05 09``, ``+49 (0) 211 ...``, dashes and
    Unicode or full-width separators. Refused, with the reason: anything but a string, an empty one,
    letters or other characters that are not part of a phone number (an extension cannot be
    dialled), a country code that does not exist, a length no number can have.

    ``default_region`` (``"DE"``) reads a number without country code as dialled in that
    region instead and sends it in E.164 form; it then must have a possible length there.
    """
    if not isinstance(value, str):
        raise ValidationError(
            f"{field} must be a phone number as a string (e.g. '+4915799912345'), got {value!r}",
            field=field,
        )
    text = value.strip()
    if is_e164(text):
        return text
    number, reason = _send_form(text, default_region)
    if number is None:
        if default_region is not None:  # an address book's number: named by its value
            raise ValidationError(f"{text!r} {reason}", field=field)
        raise ValidationError(f"{field} {reason}, got {value!r}", field=field)
    return number


def filter_number(value: object, field: str) -> str:
    """Return ``value`` trimmed, for a filter: the API matches a number as it was stored.

    History and contact filters find ``0211123456789`` only as ``0211123456789``: they are
    passed on as given. Refused: anything but a string, an empty one.
    """
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            f"{field} must be a phone number as a non-empty string, got {value!r}", field=field
        )
    return value.strip()


def contact_number(text: str, default_region: str | None = None) -> tuple[str | None, str]:
    """How an import stores a number of an address book: ``(number or None, reason)``.

    * A number already in E.164 form, or one without country code (``0211 63553355``,
      ``110``), is kept as given (trimmed): ``(text, "")``. No country is assumed.
    * One with country code written otherwise (``+49 (0)211 63553355``, ``0049...``) becomes
      E.164, its extension kept in RFC 3966 form (``+12125551234;ext=102``), with the reason
      of the change.
    * With ``default_region`` (``"DE"``), a national number that is unambiguous there (it has
      the region's trunk prefix, or is an assigned number of the region) becomes E.164 too;
      one that is not (``110``, a local number without area code) is kept, with a reason.
    * One with country code that is not complete (``+1-555-0123``: a local number without
      area code; ``+33 1 23 45 67``: too short for France) is kept as given, with the reason:
      it is not turned into an E.164 number that looks complete.
    * ``(None, reason)``: it cannot be a number (no digits, letters, an unknown country code,
      too long, fewer digits than a country code and one more) and is left out.

    Real-world spellings are read: a country code in brackets (``(+57) 320 432 05 09``), the
    trunk zero in brackets (``+49 (0)211 ...``), dashes, Unicode and full-width separators.

    A reason is given whenever the result is not ``text`` unchanged, so an import can report
    every change made and every number left out.
    """
    text = text.strip()
    if is_e164(text):
        return text, ""
    return _contact_form(text, default_region)


def region_code(value: object, field: str) -> str | None:
    """``value`` as a region code phonenumbers knows (``"DE"``, any case), or None for None."""
    if value is None:
        return None
    if isinstance(value, str):
        import phonenumbers  # heavy: loaded only when a region is given

        region = value.strip().upper()
        if region in phonenumbers.SUPPORTED_REGIONS:
            return region
    raise ValidationError(
        f"{field} must be None or a two-letter region code such as 'DE' or 'US', got {value!r}",
        field=field,
    )


def to_e164(text: str, default_region: str | None = None) -> str | None:
    """``text`` as E.164, or None when it has no country code (and no region) or is no number.

    For comparing numbers; never raises.
    """
    text = text.strip()
    if is_e164(text):
        return text
    main, _extension, problem = _split(text)
    if problem:
        return None
    digits = _NOT_DIGITS.sub("", main)
    if main.startswith("+") or (default_region is None and digits.startswith("00")):
        return _international(_without_idd(main, digits))[0]
    if default_region is None:
        return None
    return _in_region(main, default_region)[0]


# Separators as word processors and phones write them: dashes, minus and Unicode spaces, the
# full-width forms of East Asian input, square brackets.
_SPELLINGS = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
        **dict.fromkeys("\t\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008", " "),
        **dict.fromkeys("\u2009\u200a\u202f\u205f\u3000", " "),
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "\uff0b": "+",
        "\uff08": "(",
        "\uff09": ")",
        "[": "(",
        "]": ")",
    }
)
_BRACKETED_PLUS = re.compile(r"\(\s*\+")
"""A country code in brackets: ``(+57) 320 432 05 09``, ``(+49) 211 ...``."""


def _spelled(text: str) -> str:
    """``text`` with the separators of real-world spellings made plain (see _SPELLINGS).

    A ``+`` inside an opening bracket is put before it: ``(+57) 320`` reads as ``+(57) 320``.
    """
    if not text.isascii() or "[" in text:
        text = text.translate(_SPELLINGS)
    if text.startswith("(") and (match := _BRACKETED_PLUS.match(text)):
        text = "+(" + text[match.end() :]
    return text


def same_number(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one number, however each is written. Never raises.

    As given, or with the same digits (``0211/123`` and ``0211 123``; ``+49 211 123`` and
    ``49211123``, E.164 without its ``+`` as pushes send numbers); with country code on both
    sides, the same E.164 number; with one on one side only, when the other is that number
    dialled inside its country (``0211 123456`` and ``+49211123456``; ``202 555 0123`` and
    ``+12025550123``). Extension ids and ``anonymous`` match only themselves.
    """
    a, b = a.strip(), b.strip()
    if a == b:
        return True
    main_a, ext_a, problem_a = _split(a)
    main_b, ext_b, problem_b = _split(b)
    if problem_a or problem_b or ext_a != ext_b:
        return False
    digits_a, digits_b = _NOT_DIGITS.sub("", main_a), _NOT_DIGITS.sub("", main_b)
    if digits_a == digits_b:
        return True
    e164_a, e164_b = to_e164(a), to_e164(b)
    if e164_a is not None and e164_b is not None:
        return e164_a == e164_b
    if e164_a is None and e164_b is None:
        return False
    e164, national = (e164_a, main_b) if e164_a is not None else (e164_b, main_a)
    return e164 == _national_in(national, str(e164))


@functools.lru_cache(maxsize=4096)
def _national_in(national: str, e164: str) -> str | None:
    """``national`` as E.164 when dialled in the country of ``e164`` (None when no number)."""
    import phonenumbers

    try:
        country = phonenumbers.parse(e164).country_code or 0
        region = phonenumbers.region_code_for_country_code(country)
        return _e164(phonenumbers.parse(national, region))
    except phonenumbers.NumberParseException:
        return None


@functools.lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, str, str]:
    """``(number, extension, "")``, or ``("", "", why it is not a number)``.

    The number is ``text`` in plain spelling (see :func:`_spelled`).
    """
    if not text:
        return "", "", "is empty"
    text = _spelled(text)
    extension = ""
    if _NUMBER.fullmatch(text) is None:
        match = _EXTENSION.fullmatch(text)
        if match is None or _NUMBER.fullmatch(match.group(1)) is None:
            bad = next((c for c in text if not c.isdigit() and c not in "+ -./()\u00a0"), "")
            if bad:
                what = "letters" if bad.isalpha() else f"{bad!r}"
                return "", "", f"is not a phone number (it contains {what})"
            if "+" in text and any(c.isdigit() for c in text):
                return "", "", "is not a phone number (a '+' belongs only at its start)"
            return "", "", "is not a phone number (it has no digits)"
        text, extension = match.group(1), match.group(2)
    return text, extension, ""


@functools.lru_cache(maxsize=4096)
def _international(digits: str) -> tuple[str | None, str, str]:
    """A number with country code: ``(E.164 or None, why not, why it is not complete)``.

    ``("+" digits, "", "")`` for a possible number; ``(None, why, "")`` for one that cannot be
    a number. The third value is set for a number of a known country that is shorter than its
    numbers: ``(None, "... too short", why)``, or ``(E.164, "", why)`` for a length that is
    possible only for a local number dialled without its area code (``+1 555 0123``).
    """
    if len(digits) < 3:  # a country code and at least one digit more
        return None, "is not a phone number: too short", ""
    if len(digits) > 15:  # E.164's limit
        return None, "is not a phone number: too long (more than 15 digits)", ""
    import phonenumbers  # heavy: loaded on first use

    try:
        parsed = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException as exc:
        return None, f"is not a phone number: {_PARSE_ERRORS.get(exc.error_type, 'invalid')}", ""
    why = phonenumbers.is_possible_number_with_reason(parsed)
    country = f"+{parsed.country_code}"
    if why in _INCOMPLETE:
        return None, f"is not a phone number: {_IMPOSSIBLE[why]}", _INCOMPLETE[why] + country
    if why in _IMPOSSIBLE:
        return None, f"is not a phone number: {_IMPOSSIBLE[why]}", ""
    if why == phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        return _e164(parsed), "", f"a local number without its area code after {country}"
    return _e164(parsed), "", ""


@functools.lru_cache(maxsize=4096)
def _in_region(main: str, region: str) -> tuple[str | None, str]:
    """A number without country code dialled in ``region``: ``(E.164, "")`` or ``(None, why)``.

    Only an unambiguous reading gives a number: a possible number (not only a local one)
    that has the region's trunk prefix (``0211...`` in DE), or, where no trunk prefix is
    dialled, is assigned there.
    """
    import phonenumbers

    try:
        parsed = phonenumbers.parse(main, region)
    except phonenumbers.NumberParseException as exc:
        return None, f"{_PARSE_ERRORS.get(exc.error_type, 'invalid')} for a number in {region}"
    why = phonenumbers.is_possible_number_with_reason(parsed)
    if why in _IMPOSSIBLE:
        return None, f"{_IMPOSSIBLE[why]} for a number in {region}"
    if why != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None, f"a short or local number in {region} (no area code)"
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region.upper())
    prefix = metadata.national_prefix if metadata is not None else None
    digits = _NOT_DIGITS.sub("", main)
    national = phonenumbers.national_significant_number(parsed)
    if prefix and digits.startswith(prefix) and len(national) < len(digits):  # prefix dialled
        return _e164(parsed), ""
    # Without the trunk prefix a number is complete only where none is dialled (IT, ES...)
    # or it is optional (the 10 digits of North America), and then only an assigned one.
    if (not prefix or parsed.country_code == 1) and phonenumbers.is_valid_number(parsed):
        return _e164(parsed), ""
    return None, f"without the trunk prefix and not an assigned number in {region}"


def _e164(parsed: Any) -> str:
    import phonenumbers

    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def _length(digits: str) -> str:
    """Why a number without country code cannot be one ("" when its length is possible)."""
    if len(digits) < MIN_DIGITS:
        return f"is not a phone number: too short (fewer than {MIN_DIGITS} digits)"
    if len(digits) > MAX_DIGITS:
        return f"is not a phone number: too long (more than {MAX_DIGITS} digits)"
    return ""


def _without_idd(main: str, digits: str) -> str:
    """The digits after ``+`` or the international prefix ``00``."""
    return digits[2:] if not main.startswith("+") and digits.startswith("00") else digits


@functools.lru_cache(maxsize=4096)
def _send_form(text: str, region: str | None) -> tuple[str | None, str]:
    """The sending rule of :func:`phone_number`: ``(number, "")`` or ``(None, why not)``."""
    main, extension, problem = _split(text)
    if problem:
        return None, problem
    if extension:
        return None, "is not a phone number that can be dialled (it has an extension)"
    digits = _NOT_DIGITS.sub("", main)
    if main.startswith("+") or digits.startswith("00"):
        # A local-only length (+1 555 0123) may still reach someone: sipgate decides.
        e164, reason, _incomplete = _international(_without_idd(main, digits))
        return e164, reason
    reason = _length(digits)
    if reason:
        return None, reason
    if region is not None:
        e164, why = _in_region(main, region)
        return e164, "" if e164 else f"is not a phone number: {why}"
    return digits, ""


@functools.lru_cache(maxsize=4096)
def _contact_form(text: str, region: str | None) -> tuple[str | None, str]:
    """The import rule of :func:`contact_number` for ``text`` (trimmed, not E.164)."""
    main, extension, problem = _split(text)
    if problem:
        return None, problem
    digits = _NOT_DIGITS.sub("", main)
    if main.startswith("+") or (region is None and digits.startswith("00")):
        e164, reason, incomplete = _international(_without_idd(main, digits))
        if incomplete:  # not turned into a complete-looking number: the owner may finish it
            return text, f"kept as given: not a complete number ({incomplete})"
        if e164 is None:
            return None, reason
        why = "written in E.164 form"
    else:
        reason = _length(digits)
        if reason:
            return None, reason
        if region is None:
            return text, ""
        e164, reason = _in_region(main, region)
        if e164 is None:
            return text, f"kept as given: {reason}"
        why = f"national number read as dialled in {region}"
    result = f"{e164};ext={extension}" if extension else e164
    if result == text:
        return text, ""
    return result, why + (", extension kept" if extension else "")


def non_empty(value: object, field: str) -> str:
    """Return ``value`` if it is a non-blank string."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"{field} must be a non-empty string, got {value!r}", field=field)
    return value


def boolean(value: object, field: str) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (not 0/1, not a string)."""
    if not isinstance(value, bool):
        raise ValidationError(f"{field} must be True or False, got {value!r}", field=field)
    return value


def http_url(value: object, field: str) -> str:
    """Return ``value`` if it is an absolute ``http://`` or ``https://`` URL with a host."""
    if isinstance(value, str) and value == value.strip():
        try:
            parts = urlsplit(value)
            ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError:
            ok = False
        if ok:
            return value
    raise ValidationError(
        f"{field} must be an http:// or https:// URL with a host, got {value!r}", field=field
    )


def items(value: object, field: str) -> tuple[object, ...]:
    """Return the elements of a list, tuple or other iterable; a lone string is rejected."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ValidationError(
            f"{field} must be a list (or other iterable) of values, got {value!r}", field=field
        )
    return tuple(value)


def aware_datetime(value: object, field: str) -> dt.datetime:
    """Return ``value`` if it is a timezone-aware datetime (a naive one is not guessed at)."""
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise ValidationError(
            f"{field} must be a timezone-aware datetime (e.g. datetime(2024, 5, 1, "
            f"tzinfo=timezone.utc)), got {value!r}",
            field=field,
        )
    return value
