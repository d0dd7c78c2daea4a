"""Checks of user input, run before anything is sent; each raises a ValidationError."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .errors import ValidationError

__all__ = [
    "aware_datetime",
    "boolean",
    "extension_id",
    "http_url",
    "is_e164",
    "is_extension",
    "items",
    "non_empty",
    "phone_number",
    "to_e164",
]

_EXTENSION = re.compile(r"([a-z])(0|[1-9][0-9]*)")

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
    match = _EXTENSION.fullmatch(value)
    return match is not None and (types is None or match.group(1) in types)


def extension_id(value: object, field: str, types: str | None = None) -> str:
    """Return ``value`` if it is an extension id (of one of the letters in ``types``)."""
    if not isinstance(value, str) or not _EXTENSION.fullmatch(value):
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

_IMPOSSIBLE = {  # phonenumbers.ValidationResult
    1: "unknown country code",
    2: "too short",
    3: "too long",
    4: "too short, or a local number without area code",
    5: "invalid length",
}


def phone_number(value: object, field: str, *, default_region: str | None = None) -> str:
    """Return ``value`` as an E.164 number (``+4915799912345``), or raise ValidationError.

    Without ``default_region`` (arguments of API calls): accepts the international forms
    ``+49 157 99912345`` and ``0049...`` of a valid number; a national number without
    country code is rejected rather than guessed.

    With ``default_region`` (numbers read from address books, e.g. ``"DE"``): a national
    number is read as dialled in that region (``"0211 63553355"`` gives
    ``"+4921163553355"``), a number already in E.164 form is taken as it is, and any other
    must be a *possible* number (its length fits its country; the numbering plan is not
    checked). The message names the number and why it was refused (too short, too long,
    a local number without area code, not a number at all).
    """
    if isinstance(value, str):
        text = value.strip()
        if default_region is not None and is_e164(text):
            return text
        e164, reason = _parse(text, default_region)
        if e164 is not None:
            return e164
        if default_region is not None:
            raise ValidationError(f"{text!r} {reason}", field=field)
    raise ValidationError(
        f"{field} must be a valid phone number with country code (E.164, e.g. "
        f"'+4915799912345'), got {value!r}",
        field=field,
    )


def to_e164(text: str, default_region: str | None = None) -> str | None:
    """``text`` as E.164, or None when it is no phone number: for comparing, never raises."""
    return _parse(text.strip(), default_region)[0]


@functools.lru_cache(maxsize=4096)
def _parse(text: str, region: str | None) -> tuple[str | None, str]:
    """``(E.164, "")`` for ``text``, or ``(None, why not)``; see :func:`phone_number`.

    Cached: parsing costs ~20 µs, senders and address books repeat numbers.
    """
    import phonenumbers  # heavy: loaded on first use

    if region is None and text.startswith("00"):
        text = "+" + text[2:]
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        reason = str(exc).split(") ", 1)[-1].rstrip(".")  # "(1) The string supplied..."
        return None, f"is not a phone number: {reason}"
    if region is None:
        if not phonenumbers.is_valid_number(parsed):
            return None, "is not a valid phone number"
    else:
        why = phonenumbers.is_possible_number_with_reason(parsed)
        if why != phonenumbers.ValidationResult.IS_POSSIBLE:
            return None, f"is not a possible phone number: {_IMPOSSIBLE.get(why, 'invalid')}"
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)), ""


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
