"""client.get_account() and client.get_balance()."""

from __future__ import annotations

import pytest

import sipgateio
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour


def test_get_account(flavour: Flavour, api: APIStub) -> None:
    api.reply(
        "GET",
        "/v2/account",
        json={
            "company": "Example GmbH",
            "mainProductType": "TEAM",
            "logoUrl": "https://example.com/logo.png",
            "verified": True,
            "historyLifeTime": "UNLIMITED",
        },
    )
    account = flavour.run(lambda c: c.get_account())
    assert account == sipgateio.Account(
        company="Example GmbH",
        main_product_type="TEAM",
        logo_url="https://example.com/logo.png",
        verified=True,
        history_life_time=sipgateio.HistoryLifeTime.UNLIMITED,
    )
    assert [(r.method, r.path) for r in api.requests] == [("GET", "/v2/account")]


def test_get_account_reads_what_is_there(flavour: Flavour, api: APIStub) -> None:
    api.reply(
        "GET", "/v2/account", json={"mainProductType": "HOLODECK", "historyLifeTime": "A_WEEK"}
    )
    account = flavour.run(lambda c: c.get_account())
    assert account.company is None and account.verified is None
    assert (account.main_product_type, account.history_life_time) == ("HOLODECK", "A_WEEK")


def test_get_balance(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/balance", json={"amount": 12345, "currency": "EUR"})
    assert flavour.run(lambda c: c.get_balance()) == sipgateio.Balance(amount=12345, currency="EUR")
    assert api.requests[0].headers["authorization"].startswith("Basic ")


def test_get_balance_errors_are_typed(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/balance", Answer(403, body=b""))
    with pytest.raises(sipgateio.PermissionDeniedError):
        flavour.run(lambda c: c.get_balance())
