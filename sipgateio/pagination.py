"""Paging arguments and results shared by the list endpoints."""

from __future__ import annotations

from typing import Generic, TypeVar

import attrs

from .errors import ValidationError

__all__ = ["Page", "Pagination"]

T = TypeVar("T")


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or value < 0:
        raise ValidationError(
            f"{attribute.name} must be a non-negative integer, got {value!r}", field=attribute.name
        )


def _positive_or_none(
    instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and (not isinstance(value, int) or value < 1):
        raise ValidationError(
            f"{attribute.name} must be a positive integer or None, got {value!r}",
            field=attribute.name,
        )


@attrs.frozen
class Pagination:
    """Which slice of a list to fetch: skip ``offset`` items, return at most ``limit``.

    ``limit=None`` means everything from ``offset`` on; the library fetches it in as
    many pages as it takes.
    """

    offset: int = attrs.field(default=0, validator=_non_negative)
    limit: int | None = attrs.field(default=None, validator=_positive_or_none)


@attrs.frozen
class Page(Generic[T]):
    """One page of a paginated call: the result and whether more items follow it."""

    response: T
    has_more: bool
