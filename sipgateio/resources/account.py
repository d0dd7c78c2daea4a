"""The account: who it is (GET /account) and how much credit it has (GET /balance)."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from .._ops import Op, fetch
from .._read import open_enum, present
from ..raw.api.account import get_account, get_balance

if TYPE_CHECKING:
    from ..raw.models import AccountResponse, BalanceResponse

__all__ = ["Account", "Balance", "HistoryLifeTime", "account", "balance"]


class HistoryLifeTime(enum.StrEnum):
    """How long the account keeps its history."""

    NONE = "NONE"
    THIRTY_DAYS = "THIRTY_DAYS"
    UNLIMITED = "UNLIMITED"


@attrs.frozen(slots=True)
class Account:
    """The account: company name, main product (``TEAM``, ``BASIC``...), history retention.

    A field the API leaves out is None; a product type or retention this release does
    not know arrives as a plain ``str``.
    """

    company: str | None
    main_product_type: str | None
    logo_url: str | None
    verified: bool | None
    history_life_time: HistoryLifeTime | str | None


@attrs.frozen(slots=True)
class Balance:
    """The account's credit: ``amount`` as the API states it (an integer) and its ``currency``.

    Either is None when the API leaves it out.
    """

    amount: int | None
    currency: str | None


def _account(a: AccountResponse) -> Account:
    product = present(a.main_product_type)
    return Account(
        company=present(a.company),
        main_product_type=None if product is None else str(product),
        logo_url=present(a.logo_url),
        verified=present(a.verified),
        history_life_time=open_enum(HistoryLifeTime, a.history_life_time),
    )


def account() -> Op[Account]:
    """GET /account as an :class:`Account`."""
    return _account((yield from fetch(get_account.prepare())))


def balance() -> Op[Balance]:
    """GET /balance as a :class:`Balance`."""
    b: BalanceResponse = yield from fetch(get_balance.prepare())
    return Balance(amount=present(b.amount), currency=present(b.currency))
