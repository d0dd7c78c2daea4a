"""The client core: credentials, headers, errors, retries, timeouts, logging, secrets, raw."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import pickle

import httpx
import pytest

import sipgateio
from sipgateio import errors
from sipgateio._http import RetryPolicy
from tests.apistub import Answer, APIStub
from tests.conftest import TOKEN, TOKEN_ID, Flavour

USER = {
    "id": "w0",
    "firstname": "Ada",
    "lastname": "Lovelace",
    "email": "ada@example.com",
    "defaultDevice": "e0",
    "busyOnBusy": False,
    "addressId": "1",
    "directDialIds": ["e0"],
    "timezone": "Europe/Berlin",
    "admin": True,
}


def jwt(payload: object) -> str:
    def enc(obj: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    return f"{enc({'alg': 'RS256'})}.{enc(payload)}.c2lnbmF0dXJl"


OAUTH = jwt({"sub": "w0", "exp": 2000000000})


# -- credentials ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {"token_id": TOKEN_ID, "token": TOKEN},
            "Basic " + base64.b64encode(f"{TOKEN_ID}:{TOKEN}".encode()).decode(),
        ),
        ({"token": OAUTH}, f"Bearer {OAUTH}"),
        (
            {"username": "me@example.com", "password": "s3cret"},
            "Basic " + base64.b64encode(b"me@example.com:s3cret").decode(),
        ),
    ],
    ids=["pat", "oauth", "basic"],
)
def test_auth_header_for_each_credential_kind(
    api: APIStub, kwargs: dict[str, str], expected: str
) -> None:
    api.reply("GET", "/v2/authorization/userinfo", json={"sub": "w0"})
    with sipgateio.SipgateIO(base_url=api.url, **kwargs) as client:
        assert client.get_authenticated_webuser_id() == "w0"
    (sent,) = api.requests
    assert sent.headers["authorization"] == expected


def test_identification_headers(api: APIStub) -> None:
    api.reply("GET", "/v2/authorization/userinfo", json={"sub": "w0"})
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as client:
        client.get_authenticated_webuser_id()
    headers = api.requests[0].headers
    assert headers["x-sipgate-version"] == sipgateio.__version__
    assert headers["x-sipgate-client"].startswith(f"sipgateio-python/{sipgateio.__version__} (")
    assert "Python" in headers["x-sipgate-client"]


def test_credentials_from_environment(api: APIStub, monkeypatch: pytest.MonkeyPatch) -> None:
    api.reply("GET", "/v2/authorization/userinfo", json={"sub": "w1"})
    monkeypatch.setenv("SIPGATE_TOKEN_ID", TOKEN_ID)
    monkeypatch.setenv("SIPGATE_TOKEN", TOKEN)
    with sipgateio.SipgateIO(base_url=api.url) as client:
        assert client.get_authenticated_webuser_id() == "w1"
    assert api.requests[0].headers["authorization"].startswith("Basic ")

    monkeypatch.delenv("SIPGATE_TOKEN_ID")
    monkeypatch.setenv("SIPGATE_TOKEN", OAUTH)
    with sipgateio.SipgateIO(base_url=api.url) as client:
        client.get_authenticated_webuser_id()
    assert api.requests[1].headers["authorization"] == f"Bearer {OAUTH}"


def test_no_credentials_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIPGATE_TOKEN_ID", raising=False)
    monkeypatch.delenv("SIPGATE_TOKEN", raising=False)
    with pytest.raises(sipgateio.ValidationError, match="SIPGATE_TOKEN"):
        sipgateio.SipgateIO()


@pytest.mark.parametrize(
    ("kwargs", "field", "secret"),
    [
        ({"token_id": "token-AB", "token": TOKEN}, "token_id", None),
        ({"token_id": "tok-ABC123", "token": TOKEN}, "token_id", None),
        ({"token_id": TOKEN_ID, "token": "not-a-uuid-supersecret"}, "token", "supersecret"),
        ({"token": "supersecret.token"}, "token", "supersecret"),
        ({"token": "a.supersecretnotbase64!.c"}, "token", "supersecret"),
        ({"token": jwt(["supersecret"])}, "token", "supersecret"),
        ({"username": "not-an-email", "password": "supersecret"}, "username", "supersecret"),
        ({"username": "me@example.com", "password": ""}, "password", None),
        ({"username": "me@example.com"}, "password", None),
        (
            {"token": TOKEN, "username": "me@example.com", "password": "supersecret"},
            "credentials",
            "supersecret",
        ),
    ],
)
def test_bad_credentials_are_named_but_never_echoed(
    api: APIStub, kwargs: dict[str, str], field: str, secret: str | None
) -> None:
    for cls in (sipgateio.SipgateIO, sipgateio.AsyncSipgateIO):
        with pytest.raises(sipgateio.ValidationError) as info:
            cls(base_url=api.url, **kwargs)
        assert info.value.field == field
        assert field in str(info.value)
        if secret:
            assert secret not in str(info.value)
    assert api.requests == []


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": "3"}, "max_retries"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": "5"}, "timeout"),
        ({"http_client": httpx.AsyncClient()}, "http_client"),
    ],
)
def test_bad_options(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(sipgateio.ValidationError) as info:
        sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


# -- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (402, errors.PaymentRequiredError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (418, errors.APIError),
        (429, errors.RateLimitError),
        (500, errors.ServerError),
        (503, errors.ServerError),
    ],
)
def test_status_maps_to_error_class(
    flavour: Flavour, api: APIStub, status: int, cls: type[errors.APIError]
) -> None:
    api.reply(
        "GET", "/v2/users", Answer(status, json={"message": "nope"}, headers={"Retry-After": "7"})
    )
    with pytest.raises(cls) as info:
        flavour.run(lambda c: c.get_web_users())
    err = info.value
    assert type(err) is cls
    assert isinstance(err, errors.APIError) and isinstance(err, sipgateio.SipgateIOError)
    assert err.status_code == status
    assert err.method == "GET"
    assert err.url == f"{api.url}/users"
    assert json.loads(err.body) == {"message": "nope"}
    assert err.detail == {"message": "nope"}
    assert f"HTTP {status}" in str(err) and "nope" in str(err)
    if status == 429:
        assert isinstance(err, errors.RateLimitError) and err.retry_after == 7.0
    assert pickle.loads(pickle.dumps(err)).status_code == status


def test_error_with_non_json_body(api: APIStub) -> None:
    api.reply("GET", "/v2/users", Answer(500, body="<html>boom</html>", content_type="text/html"))
    client = sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url, max_retries=0)
    with client, pytest.raises(errors.ServerError) as info:
        client.get_web_users()
    assert info.value.detail is None and info.value.body == "<html>boom</html>"


def test_validation_error_is_a_value_error() -> None:
    assert issubclass(sipgateio.ValidationError, ValueError)


# -- results, parity ----------------------------------------------------------------------


def test_web_users_parity(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/users", json={"items": [USER]})
    (user,) = flavour.run(lambda c: c.get_web_users())
    assert user == sipgateio.Webuser(
        id="w0",
        firstname="Ada",
        lastname="Lovelace",
        email="ada@example.com",
        default_device="e0",
        busy_on_busy=False,
        address_id="1",
        direct_dial_ids=("e0",),
        timezone="Europe/Berlin",
        admin=True,
    )


# -- retries -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_get_retried_then_succeeds(
    flavour: Flavour, api: APIStub, sleeps: list[float], status: int
) -> None:
    api.reply("GET", "/v2/users", Answer(status), Answer(status), Answer(200, json={"items": []}))
    assert flavour.run(lambda c: c.get_web_users(), max_retries=2) == []
    assert len(api.requests) == 3
    assert len(sleeps) == 2


def test_retries_give_up_after_max_retries(
    flavour: Flavour, api: APIStub, sleeps: list[float]
) -> None:
    api.reply("GET", "/v2/users", Answer(503))
    with pytest.raises(errors.ServerError):
        flavour.run(lambda c: c.get_web_users(), max_retries=3)
    assert len(api.requests) == 4
    # exponential backoff with full jitter: each wait within 0.5 * 2**attempt
    assert all(0 <= w <= 0.5 * 2**i for i, w in enumerate(sleeps)) and len(sleeps) == 3


def test_default_is_two_retries(api: APIStub, sleeps: list[float]) -> None:
    api.reply("GET", "/v2/users", Answer(502))
    client = sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url)
    with client, pytest.raises(errors.ServerError):
        client.get_web_users()
    assert len(api.requests) == 3


def test_retry_after_is_honoured_and_capped(
    flavour: Flavour, api: APIStub, sleeps: list[float]
) -> None:
    api.reply(
        "GET",
        "/v2/users",
        Answer(429, headers={"Retry-After": "3"}),
        Answer(503, headers={"Retry-After": "86400"}),
        Answer(200, json={"items": []}),
    )
    flavour.run(lambda c: c.get_web_users(), max_retries=2)
    assert sleeps == [3.0, RetryPolicy().max_retry_after]


def test_retry_after_waits_for_real(api: APIStub) -> None:
    import time

    api.reply(
        "GET",
        "/v2/users",
        Answer(503, headers={"Retry-After": "0.3"}),
        Answer(200, json={"items": []}),
    )
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as c:
        started = time.monotonic()
        c.get_web_users()
    assert time.monotonic() - started >= 0.3
    assert len(api.requests) == 2


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_post_is_never_resent_after_an_answer(
    flavour: Flavour, api: APIStub, sleeps: list[float], status: int
) -> None:
    api.reply("POST", "/v2/sessions/sms", Answer(status))
    with pytest.raises(errors.APIError):
        flavour.run(
            lambda c: c.sms.send(to="+4915799912345", message="hi", sms_id="s0"), max_retries=5
        )
    assert len(api.sent("POST")) == 1
    assert sleeps == []


def test_post_is_never_resent_after_a_read_timeout(api: APIStub) -> None:
    api.reply("POST", "/v2/sessions/sms", Answer(204, delay=0.6))
    with (
        sipgateio.SipgateIO(
            token_id=TOKEN_ID, token=TOKEN, base_url=api.url, timeout=0.2, max_retries=3
        ) as c,
        pytest.raises(errors.TransportError) as info,
    ):
        c.sms.send(to="+4915799912345", message="hi", sms_id="s0")
    assert "ReadTimeout" in str(info.value)
    assert len(api.sent("POST")) == 1


def test_get_is_retried_after_a_read_timeout(api: APIStub, sleeps: list[float]) -> None:
    api.reply(
        "GET",
        "/v2/users",
        Answer(200, json={"items": []}, delay=0.6),
        Answer(200, json={"items": [USER]}),
    )
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url, timeout=0.2) as c:
        assert len(c.get_web_users()) == 1
    assert len(api.requests) == 2


def _flaky_connect(fail: int) -> tuple[list[str], httpx.MockTransport]:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        if len(calls) <= fail:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(204)

    return calls, httpx.MockTransport(handler)


def test_post_is_retried_when_the_connection_failed_before_sending(sleeps: list[float]) -> None:
    calls, transport = _flaky_connect(fail=2)
    with sipgateio.SipgateIO(
        token_id=TOKEN_ID, token=TOKEN, http_client=httpx.Client(transport=transport)
    ) as c:
        c.sms.send(to="+4915799912345", message="hi", sms_id="s0")
    assert calls == ["POST", "POST", "POST"]


def test_connection_refused_becomes_transport_error(flavour: Flavour, sleeps: list[float]) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    flavour.base_url = f"http://127.0.0.1:{port}/v2"
    with pytest.raises(errors.TransportError) as info:
        flavour.run(lambda c: c.get_web_users(), max_retries=1)
    assert info.value.method == "GET" and info.value.url.endswith("/v2/users")
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert len(sleeps) == 1


def test_default_timeout_is_finite() -> None:
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN) as c:
        t = c._http.timeout
        assert None not in (t.connect, t.read, t.write, t.pool)


def test_async_timeout(api: APIStub) -> None:
    api.reply("GET", "/v2/users", Answer(200, json={"items": []}, delay=0.6))

    async def go() -> None:
        async with sipgateio.AsyncSipgateIO(
            token_id=TOKEN_ID, token=TOKEN, base_url=api.url, timeout=0.2, max_retries=0
        ) as c:
            await c.get_web_users()

    with pytest.raises(errors.TransportError, match="ReadTimeout"):
        asyncio.run(go())


# -- secrets ---------------------------------------------------------------------------------


def test_secrets_never_in_logs_reprs_or_errors(
    api: APIStub, caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    caplog.set_level(logging.DEBUG)
    api.reply("GET", "/v2/users", Answer(503), Answer(401, json={"message": "bad token"}))
    basic = base64.b64encode(f"{TOKEN_ID}:{TOKEN}".encode()).decode()
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as c:
        with pytest.raises(errors.AuthenticationError) as info:
            c.get_web_users()
        texts = [
            repr(c),
            repr(c.raw),
            repr(c._credentials),
            repr(c._http.auth),
            str(info.value),
            repr(info.value),
            caplog.text,
        ]
    oauth = sipgateio.SipgateIO(token=OAUTH)
    texts += [repr(oauth), repr(oauth._credentials), repr(oauth._http.auth), repr(oauth.raw)]
    for text in texts:
        assert TOKEN not in text and basic not in text and OAUTH not in text
    assert "retrying GET" in caplog.text
    assert "/v2/users -> 401" in caplog.text


def test_logger_name_and_request_line(api: APIStub, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="sipgateio")
    api.reply("GET", "/v2/users", json={"items": []})
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as c:
        c.get_web_users()
    (record,) = [r for r in caplog.records if r.name == "sipgateio"]
    assert record.getMessage().startswith(f"GET {api.url}/users -> 200 in ")


# -- raw client -------------------------------------------------------------------------------


def test_raw_shares_auth_base_url_and_retries(api: APIStub, sleeps: list[float]) -> None:
    from sipgateio.raw.api.users import get_all_users

    api.reply("GET", "/v2/users", Answer(503), Answer(200, json={"items": [USER]}))
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as c:
        response = get_all_users.sync_detailed(client=c.raw)
    assert response.status_code == 200
    assert response.parsed.items[0].id == "w0"
    assert len(api.requests) == 2
    assert all(r.headers["authorization"].startswith("Basic ") for r in api.requests)


def test_raw_async(api: APIStub) -> None:
    from sipgateio.raw.api.authorization import userinfo

    api.reply("GET", "/v2/authorization/userinfo", json={"sub": "w7"})

    async def go() -> str:
        async with sipgateio.AsyncSipgateIO(token=OAUTH, base_url=api.url) as c:
            return (await userinfo.asyncio_detailed(client=c.raw)).parsed.sub

    assert asyncio.run(go()) == "w7"
    assert api.requests[0].headers["authorization"] == f"Bearer {OAUTH}"


def test_user_http_client_keeps_its_transport_and_gets_our_settings() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"sub": "w0"})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, http_client=http) as c:
        c.get_authenticated_webuser_id()
    assert str(seen[0].url) == "https://api.sipgate.com/v2/authorization/userinfo"
    assert seen[0].headers["x-sipgate-version"] == sipgateio.__version__
    assert not http.is_closed  # the user's client is the user's to close
    http.close()


def test_context_manager_closes_own_pool() -> None:
    c = sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN)
    with c:
        pass
    assert c._http.is_closed

    async def go() -> sipgateio.AsyncSipgateIO:
        async with sipgateio.AsyncSipgateIO(token_id=TOKEN_ID, token=TOKEN) as ac:
            return ac

    assert asyncio.run(go())._http.is_closed


# -- answers the library cannot read ------------------------------------------------------------


def test_unknown_enum_in_a_successful_answer_reaches_the_caller_as_a_string(
    flavour: Flavour, api: APIStub
) -> None:
    from tests.resources.test_history import entry_json

    api.reply("GET", "/v2/history/1", json=entry_json("1", kind="CALL"))
    assert flavour.run(lambda c: c.history.fetch_by_id("1")).id == "1"  # the control
    # the same entry with a type and a direction sipgate might add one day
    data = {**entry_json("1", kind="HOLOGRAM"), "direction": "SIDEWAYS"}
    api.reply("GET", "/v2/history/1", json=data)
    entry = flavour.run(lambda c: c.history.fetch_by_id("1"))
    assert type(entry) is sipgateio.HistoryEntry
    assert (entry.id, entry.type, entry.direction) == ("1", "HOLOGRAM", "SIDEWAYS")
    assert type(entry.type) is str and type(entry.direction) is str


def test_missing_field_in_a_generated_model_is_a_typed_error(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("GET", "/v2/authorization/userinfo", json={"no_sub": True})
    with pytest.raises(sipgateio.UnexpectedResponseError, match="could not be read"):
        flavour.run(lambda c: c.get_authenticated_webuser_id())


def test_input_errors_stay_validation_errors(flavour: Flavour, api: APIStub) -> None:
    with pytest.raises(sipgateio.ValidationError):
        flavour.run(lambda c: c.history.fetch_by_id(""))
    assert api.requests == []
