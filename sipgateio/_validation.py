"""Checks of user input, run before anything is sent; each raises a ValidationError."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .errors import ValidationError

__all__ = [
    "boolean",
    "extension_id",
    "http_url",
    "is_extension",
    "items",
    "non_empty",
    "phone_number",
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


def phone_number(value: object, field: str) -> str:
    """Return ``value`` as an E.164 number (``+4915799912345``), or raise ValidationError.

    Accepts the international forms ``+49 157 99912345`` and ``0049...``; a national
    number without country code is rejected rather than guessed.
    """
    if isinstance(value, str):
        e164 = _e164(value)
        if e164 is not None:
            return e164
    raise ValidationError(
        f"{field} must be a valid phone number with country code (E.164, e.g. "
        f"'+4915799912345'), got {value!r}",
        field=field,
    )


@functools.lru_cache(maxsize=4096)
def _e164(value: str) -> str | None:
    """``value`` in E.164 form, or None. Cached: parsing costs ~20 µs, senders repeat numbers."""
    import phonenumbers  # heavy: loaded on first use

    text = value.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


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
