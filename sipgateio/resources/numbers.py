"""Numbers: the phone numbers booked on the account."""

from __future__ import annotations

import enum
from collections.abc import Generator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs

from .._ops import EVERYTHING, M, Op, Resource, check_pagination, fetch, operation, walk_pages
from .._read import listed, open_enum, present
from ..pagination import Pagination
from ..raw.api.numbers import get_numbers
from ..raw.types import Unset

if TYPE_CHECKING:
    from ..raw.models import MnpState, NumberResponseWithEndpoint

__all__ = [
    "PAGE_SIZE",
    "NumberMnpState",
    "NumberResponseItem",
    "NumberResponseItemType",
    "NumbersResource",
]

PAGE_SIZE = 1000
"""Numbers fetched per request when reading all of them."""


class NumberResponseItemType(enum.StrEnum):
    """Kind of phone number."""

    MOBILE = "MOBILE"
    LANDLINE = "LANDLINE"
    QUICKDIAL = "QUICKDIAL"
    INTERNATIONAL = "INTERNATIONAL"


@attrs.frozen(slots=True)
class NumberMnpState:
    """Porting state of a mobile number: released for porting, and until when."""

    is_released: bool | None
    released_until: datetime | None


@attrs.frozen(slots=True)
class NumberResponseItem:
    """A phone number of the account and the extension it routes to.

    ``number`` is in E.164 form, ``localized`` formatted for display. The endpoint
    fields are None for a number routed nowhere; ``mnp_state`` is only set on mobile
    numbers, ``port_id`` only on numbers being ported. Any other field the API leaves
    out is None; a ``type`` this release does not know arrives as a plain ``str``.
    """

    id: str
    number: str | None
    localized: str | None
    type: NumberResponseItemType | str | None
    endpoint_id: str | None
    endpoint_alias: str | None
    endpoint_url: str | None
    mnp_state: NumberMnpState | None
    port_id: int | None


def _aware(value: Any) -> datetime | None:
    """A generated optional datetime as an aware one (UTC when the API gave no offset)."""
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _mnp_state(m: MnpState | Unset | None) -> NumberMnpState | None:
    if m is None or isinstance(m, Unset):
        return None
    return NumberMnpState(
        is_released=present(m.is_released), released_until=_aware(m.released_until)
    )


def _number(n: NumberResponseWithEndpoint) -> NumberResponseItem:
    return NumberResponseItem(
        id=n.id,
        number=present(n.number),
        localized=present(n.localized),
        type=open_enum(NumberResponseItemType, n.type_),
        endpoint_id=present(n.endpoint_id) or None,
        endpoint_alias=present(n.endpoint_alias) or None,
        endpoint_url=present(n.endpoint_url) or None,
        mnp_state=_mnp_state(n.mnp_state),
        port_id=present(n.port_id),
    )


class NumbersResource(Resource[M]):
    """The phone numbers of the account: ``client.numbers``."""

    __slots__ = ()

    @operation
    def get_all_numbers(self, pagination: Pagination | None = None) -> Op[list[NumberResponseItem]]:
        """The account's phone numbers (GET /numbers), every page of them.

        With ``Pagination(offset=..., limit=...)`` only that slice (``limit=None``: the
        rest from ``offset``), fetched in pages of at most :data:`PAGE_SIZE`.
        """
        slice_ = check_pagination(pagination)
        numbers: list[NumberResponseItem] = []

        def page(offset: int, size: int | None) -> Generator[Any, Any, tuple[int, bool]]:
            args = {} if size is None else {"offset": offset, "limit": size}
            body = yield from fetch(get_numbers.prepare(**args))
            got = listed(body.items)
            numbers.extend(_number(n) for n in got)
            total = body.total_count  # typed int, but the generated model does not check
            return len(got), isinstance(total, int) and offset + len(got) < total

        if slice_ == EVERYTHING:
            # Most accounts have few numbers: ask plainly first (the request a bare client
            # makes, no query to build) and page on only when totalCount says there is more.
            count, more = yield from page(0, None)
            if not more:
                return numbers
            slice_ = Pagination(offset=count)
        yield from walk_pages(page, slice_, PAGE_SIZE)
        return numbers
