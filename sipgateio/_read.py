"""Reading answers leniently: the facade takes what it needs and lets the rest be missing.

sipgate leaves fields out and adds enum values over time. The rules, for every read:

* a field the facade does not need may be missing (or null): it becomes None, or an
  empty tuple for a list (:func:`present`, :func:`listed`);
* a field the facade needs (an id, the type that decides how to read the rest) must be
  there: if not, :class:`~sipgateio.UnexpectedResponseError` names the operation and the
  field (:func:`needed`, :func:`needed_key`);
* an enum value this release does not know reaches the caller as a plain ``str``
  (:func:`open_enum`), never as an exception;
* a time is parsed when it is well-formed; one that is not raises
  :class:`~sipgateio.UnexpectedResponseError` naming the field (:func:`timestamp`).

The helpers take both generated models' values (where a missing field is ``UNSET``)
and decoded JSON (where it is an absent key, read with ``.get``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from .errors import UnexpectedResponseError
from .raw.types import Unset

__all__ = ["listed", "needed", "needed_key", "open_enum", "present", "timestamp"]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


def present(value: T | Unset | None) -> T | None:
    """``value``, or None when the answer left it out (``UNSET``) or sent null."""
    return None if value is None or isinstance(value, Unset) else value


def listed(value: Iterable[T] | Unset | None, of: type | None = None) -> tuple[T, ...]:
    """The items of a list field; an empty tuple when it is missing or null.

    The generated models keep a list of plain values as the answer sent it, so anything
    but a list (a string would give its characters), or with ``of`` an item of another
    type, raises ``TypeError``: read inside :func:`~sipgateio._responses.reading`, that is
    an :class:`~sipgateio.UnexpectedResponseError` naming the operation.
    """
    if value is None or isinstance(value, Unset):
        return ()
    if not isinstance(value, (list, tuple)):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    if of is not None and not all(isinstance(v, of) for v in value):
        raise TypeError(f"expected a list of {of.__name__}")
    return tuple(value)


def missing(operation: str, field: str) -> UnexpectedResponseError:
    """The error for a needed ``field`` that the answer of ``operation`` lacks."""
    return UnexpectedResponseError(
        f"{operation}: the answer lacks {field!r}, which sipgateio needs to read it"
    )


def needed(value: T | Unset | None, operation: str, field: str) -> T:
    """``value``, which the facade cannot do without; raise naming ``field`` when missing."""
    if value is None or isinstance(value, Unset):
        raise missing(operation, field)
    return value


def needed_key(data: Mapping[str, Any], key: str, operation: str, field: str = "") -> Any:
    """``data[key]`` of decoded JSON, not null; raise naming the field when missing."""
    value = data.get(key) if isinstance(data, Mapping) else None
    if value is None:
        raise missing(operation, field or key)
    return value


# enum class -> its members by value: a dict lookup instead of cls(value) (~1 us) per value read
_MEMBERS: dict[type[enum.Enum], dict[Any, Any]] = {}


def open_enum(cls: type[E], value: object) -> E | str | None:
    """The member of ``cls`` for ``value``; an unknown value as a plain str; None stays None."""
    if value is None or isinstance(value, Unset):
        return None
    members = _MEMBERS.get(cls)
    if members is None:
        members = _MEMBERS[cls] = {member.value: member for member in cls}
    try:
        # a generated enum's member is a str: found by itself, as its value is
        member: E | None = members.get(value)
        if member is None and isinstance(value, enum.Enum):
            value = value.value
            member = members.get(value)
    except TypeError:  # an unhashable value is no member's
        member = None
    return str(value) if member is None else member


def timestamp(value: object, operation: str, field: str) -> dt.datetime | None:
    """An ISO 8601 time as an aware datetime (UTC when it has no offset); None when missing."""
    if value is None or isinstance(value, Unset):
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    else:
        try:
            parsed = dt.datetime.fromisoformat(str(value))
        except ValueError:
            raise UnexpectedResponseError(
                f"{operation}: {field!r} is not an ISO 8601 time: {value!r}"
            ) from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)
