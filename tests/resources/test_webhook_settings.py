"""client.webhook_settings: read the settings; each setter reads, changes one value, writes back."""

from __future__ import annotations

from typing import Any

import pytest

import sipgateio
from sipgateio import errors
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour

SETTINGS = "/v2/settings/sipgateio"
CURRENT = {
    "incomingUrl": "https://example.com/in",
    "outgoingUrl": "https://example.com/out",
    "log": True,
    "whitelist": ["p0", "g3"],
}


def test_get_webhook_settings(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", SETTINGS, json=CURRENT)
    assert flavour.run(lambda c: c.webhook_settings.get_webhook_settings()) == (
        sipgateio.WebhookSettings(
            incoming_url="https://example.com/in",
            outgoing_url="https://example.com/out",
            log=True,
            whitelist=("p0", "g3"),
        )
    )
    (request,) = api.requests
    assert (request.method, request.path, request.query) == ("GET", SETTINGS, {})


def test_unset_values(flavour: Flavour, api: APIStub) -> None:
    api.reply(
        "GET",
        SETTINGS,
        json={"incomingUrl": None, "outgoingUrl": "", "log": False, "whitelist": None},
    )
    settings = flavour.run(lambda c: c.webhook_settings.get_webhook_settings())
    assert settings == sipgateio.WebhookSettings("", "", False, None)


def test_empty_whitelist_is_not_none(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", SETTINGS, json={**CURRENT, "whitelist": []})
    assert flavour.run(lambda c: c.webhook_settings.get_webhook_settings()).whitelist == ()


SETTERS: list[tuple[str, Any, dict[str, Any]]] = [
    (
        "set incoming",
        lambda w: w.set_incoming_url("https://hooks.example.com/new"),
        {"incomingUrl": "https://hooks.example.com/new"},
    ),
    ("clear incoming", lambda w: w.clear_incoming_url(), {"incomingUrl": ""}),
    (
        "set outgoing",
        lambda w: w.set_outgoing_url("http://127.0.0.1:8080/out"),
        {"outgoingUrl": "http://127.0.0.1:8080/out"},
    ),
    ("clear outgoing", lambda w: w.clear_outgoing_url(), {"outgoingUrl": ""}),
    ("set whitelist", lambda w: w.set_whitelist(["p1", "g0", "p1"]), {"whitelist": ["p1", "g0"]}),
    ("set empty whitelist", lambda w: w.set_whitelist([]), {"whitelist": []}),
    ("clear whitelist", lambda w: w.clear_whitelist(), {"whitelist": []}),
    ("disable whitelist", lambda w: w.disable_whitelist(), {"whitelist": None}),
    ("log off", lambda w: w.set_log(False), {"log": False}),
    ("log on", lambda w: w.set_log(True), {"log": True}),
]


@pytest.mark.parametrize(("name", "fn", "change"), SETTERS, ids=[s[0] for s in SETTERS])
def test_setter_reads_then_writes_back_changed(
    flavour: Flavour, api: APIStub, name: str, fn: Any, change: dict[str, Any]
) -> None:
    api.reply("GET", SETTINGS, json=CURRENT)
    api.reply("PUT", SETTINGS, Answer(204))
    assert flavour.run(lambda c: fn(c.webhook_settings)) is None
    get, put = api.requests
    assert (get.method, get.path) == ("GET", SETTINGS)
    assert (put.method, put.path, put.query) == ("PUT", SETTINGS, {})
    assert put.json == {**CURRENT, **change}
    assert put.headers["content-type"] == "application/json"


def test_unset_urls_are_written_back_as_empty_strings(flavour: Flavour, api: APIStub) -> None:
    api.reply(
        "GET",
        SETTINGS,
        json={"incomingUrl": None, "outgoingUrl": None, "log": False, "whitelist": None},
    )
    api.reply("PUT", SETTINGS, Answer(204))
    flavour.run(lambda c: c.webhook_settings.set_log(True))
    assert api.requests[1].json == {
        "incomingUrl": "",
        "outgoingUrl": "",
        "log": True,
        "whitelist": None,
    }


def test_fields_unknown_to_the_library_survive_a_setter(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", SETTINGS, json={**CURRENT, "futureFlag": {"on": True}})
    api.reply("PUT", SETTINGS, Answer(200))
    flavour.run(lambda c: c.webhook_settings.clear_incoming_url())
    assert api.requests[1].json == {**CURRENT, "incomingUrl": "", "futureFlag": {"on": True}}


BAD: list[tuple[str, Any, str]] = [
    ("incoming no scheme", lambda w: w.set_incoming_url("example.com/hook"), "url"),
    ("incoming ftp", lambda w: w.set_incoming_url("ftp://example.com/hook"), "url"),
    ("incoming empty", lambda w: w.set_incoming_url(""), "url"),
    ("incoming none", lambda w: w.set_incoming_url(None), "url"),
    ("outgoing no host", lambda w: w.set_outgoing_url("https://"), "url"),
    ("outgoing bad port", lambda w: w.set_outgoing_url("https://example.com:99999/x"), "url"),
    ("whitelist string", lambda w: w.set_whitelist("p0"), "extensions"),
    ("whitelist none", lambda w: w.set_whitelist(None), "extensions"),
    ("whitelist webuser", lambda w: w.set_whitelist(["p0", "w0"]), "extensions"),
    ("whitelist phone", lambda w: w.set_whitelist(["e14"]), "extensions"),
    ("whitelist leading zero", lambda w: w.set_whitelist(["p01"]), "extensions"),
    ("whitelist number", lambda w: w.set_whitelist([0]), "extensions"),
    ("log int", lambda w: w.set_log(1), "value"),
    ("log none", lambda w: w.set_log(None), "value"),
]


@pytest.mark.parametrize(("name", "fn", "field"), BAD, ids=[b[0] for b in BAD])
def test_validation(flavour: Flavour, api: APIStub, name: str, fn: Any, field: str) -> None:
    with pytest.raises(sipgateio.ValidationError) as info:
        flavour.run(lambda c: fn(c.webhook_settings))
    assert info.value.field == field
    assert field in str(info.value)
    assert api.requests == []


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (500, errors.ServerError),
    ],
)
def test_failed_read_writes_nothing(
    flavour: Flavour, api: APIStub, status: int, cls: type[errors.APIError]
) -> None:
    api.reply("GET", SETTINGS, Answer(status, json={"message": "sipgate.io not booked"}))
    with pytest.raises(cls):
        flavour.run(lambda c: c.webhook_settings.set_log(True))
    assert [r.method for r in api.requests] == ["GET"]


@pytest.mark.parametrize(
    ("status", "cls"), [(400, errors.BadRequestError), (403, errors.PermissionDeniedError)]
)
def test_failed_write_is_mapped(
    flavour: Flavour, api: APIStub, status: int, cls: type[errors.APIError]
) -> None:
    api.reply("GET", SETTINGS, json=CURRENT)
    api.reply("PUT", SETTINGS, Answer(status, json={"message": "bad url"}))
    with pytest.raises(cls) as info:
        flavour.run(lambda c: c.webhook_settings.set_incoming_url("https://example.com/x"))
    assert info.value.method == "PUT"
    assert [r.method for r in api.requests] == ["GET", "PUT"]
