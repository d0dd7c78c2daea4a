"""Input checks shared by the history, rtcm and webhook_settings resources.

Each raises :class:`~sipgateio.errors.ValidationError` naming the field and the bad value.
(Candidates for ``sipgateio/_validation.py``; kept here to stay out of a file others edit.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar
from urllib.parse import urlsplit

from ..errors import ValidationError

__all__ = ["boolean", "chunks", "http_url", "items"]

T = TypeVar("T")


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


def chunks(
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
