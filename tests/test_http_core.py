"""The HTTP core: a shared http_client is never changed, body reads are retried,
credentials never leak into errors or logs, the right media type is asked for,
and every httpx failure comes out typed."""

from __future__ import annotations

import asyncio
import base64
import copy
import gzip
import json
import logging
from pathlib import Path

import httpx
import pytest
import yaml

import sipgateio
from sipgateio import errors
from sipgateio._send import _ACCEPT_BY_PATH, accept_for
from tests.apistub import Answer, APIStub, Recorded
from tests.conftest import TOKEN, TOKEN_ID, Flavour
from tests.rawhttp import RawServer, full, reset, truncated
from tests.test_client import OAUTH, USER

OTHER_ID, OTHER_TOKEN = "token-XYZ789", "0f0e0d0c-0b0a-4909-8807-060504030201"


def basic(user: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()


def devices_by_user(api: APIStub) -> None:
    api.handle("GET", "/v2/w1/devices", lambda r: Answer(json={"items": []}))
    api.handle("GET", "/v2/w2/devices", lambda r: Answer(json={"items": []}))


def snapshot(http: httpx.Client | httpx.AsyncClient) -> tuple[object, ...]:
    return (
        http.auth,
        dict(http.headers),
        str(http.base_url),
        copy.copy(http.timeout),
        http.follow_redirects,
        dict(http.event_hooks),
    )


def assert_each_carries_its_own(api: APIStub) -> None:
    by_path = {
        "/v2/w1/devices": basic(TOKEN_ID, TOKEN),
        "/v2/w2/devices": basic(OTHER_ID, OTHER_TOKEN),
    }
    sent = [r for r in api.requests if r.path in by_path]
    assert len(sent) >= 20
    for r in sent:
        assert r.headers["authorization"] == by_path[r.path], r.path


# -- one http_client, two SipgateIO clients ---------------------------------------------------


def test_two_sync_clients_sharing_one_http_client(api: APIStub) -> None:
    devices_by_user(api)
    shared = httpx.Client(headers={"X-Team": "ops"})
    before = snapshot(shared)
    a = sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url, http_client=shared)
    b = sipgateio.SipgateIO(
        token_id=OTHER_ID, token=OTHER_TOKEN, base_url=api.url, http_client=shared, timeout=3
    )
    for _ in range(10):
        a.devices.get_devices("w1")
        b.devices.get_devices("w2")
    assert_each_carries_its_own(api)
    # the user's own request through the shared client carries no credentials of ours
    shared.get(f"{api.url}/w1/devices")
    assert snapshot(shared) == before
    assert "authorization" not in api.requests[-1].headers
    assert all(r.headers["x-team"] == "ops" for r in api.requests)  # the user's headers stay
    a.close()
    b.close()
    assert not shared.is_closed  # the user's to close
    shared.close()


def test_two_async_clients_sharing_one_http_client_interleaved(api: APIStub) -> None:
    devices_by_user(api)

    async def go() -> None:
        async with httpx.AsyncClient() as shared:
            before = snapshot(shared)
            a = sipgateio.AsyncSipgateIO(
                token_id=TOKEN_ID, token=TOKEN, base_url=api.url, http_client=shared
            )
            b = sipgateio.AsyncSipgateIO(
                token_id=OTHER_ID, token=OTHER_TOKEN, base_url=api.url, http_client=shared
            )
            calls = [a.devices.get_devices("w1") for _ in range(10)]
            calls += [b.devices.get_devices("w2") for _ in range(10)]
            calls[::2], calls[1::2] = calls[:10], calls[10:]  # a, b, a, b ...
            await asyncio.gather(*calls)
            assert snapshot(shared) == before
            await a.aclose()
            await b.aclose()
            assert not shared.is_closed

    asyncio.run(go())
    assert_each_carries_its_own(api)


def test_sync_and_async_clients_and_raw_calls_interleaved(api: APIStub) -> None:
    from sipgateio.raw.api.devices import get_devices

    devices_by_user(api)
    sync_shared = httpx.Client()
    sync_a = sipgateio.SipgateIO(
        token_id=TOKEN_ID, token=TOKEN, base_url=api.url, http_client=sync_shared
    )
    sync_b = sipgateio.SipgateIO(
        token_id=OTHER_ID, token=OTHER_TOKEN, base_url=api.url, http_client=sync_shared
    )

    async def go() -> None:
        async with httpx.AsyncClient() as shared:
            a = sipgateio.AsyncSipgateIO(
                token_id=TOKEN_ID, token=TOKEN, base_url=api.url, http_client=shared
            )
            b = sipgateio.AsyncSipgateIO(
                token_id=OTHER_ID, token=OTHER_TOKEN, base_url=api.url, http_client=shared
            )
            for _ in range(5):
                await a.devices.get_devices("w1")
                sync_b.devices.get_devices("w2")
                get_devices.sync_detailed(client=sync_a.raw, user_id="w1")
                await get_devices.asyncio_detailed(client=b.raw, user_id="w2")

    asyncio.run(go())
    assert_each_carries_its_own(api)
    assert sync_shared.auth is None and "x-sipgate-version" not in sync_shared.headers
    sync_shared.close()


def test_settings_of_a_shared_client_that_are_kept(api: APIStub) -> None:
    api.reply("GET", "/v2/users", json={"items": []})
    shared = httpx.Client(base_url=api.url, timeout=7)
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, http_client=shared) as c:
        c.get_web_users()  # the base URL comes from the shared client
        assert c._http.timeout == httpx.Timeout(7)
    assert api.requests[0].path == "/v2/users"
    shared.close()


def test_base_url_from_the_environment(api: APIStub, monkeypatch: pytest.MonkeyPatch) -> None:
    api.reply("GET", "/v2/users", json={"items": []})
    monkeypatch.setenv("SIPGATE_BASE_URL", api.url)
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN) as c:
        assert c.get_web_users() == []
        assert c.base_url == api.url
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url="http://x.invalid/v2") as c:
        assert c.base_url == "http://x.invalid/v2"  # an argument wins


# -- body reads are retried (idempotent requests only) --------------------------------------


BODY = {"items": [USER] * 40}


@pytest.mark.parametrize("failure", [truncated, reset], ids=["truncated", "reset"])
def test_get_is_retried_when_the_body_read_fails(
    failure: object, flavour: Flavour, caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    caplog.set_level(logging.INFO, logger="sipgateio")
    with RawServer([failure(BODY), failure(BODY), full(BODY)]) as server:  # type: ignore[operator]
        flavour.base_url = server.url
        users = flavour.run(lambda c: c.get_web_users(), max_retries=2)
    assert len(users) == 40
    assert len(server.requests) == 3
    # pyreqwest reads the first 64 KiB of a body before it hands on the answer, so a
    # failure in them shows as the send's; httpx's and aiohttp's pools fail on the read.
    assert caplog.text.count("retrying GET") == 2
    assert caplog.text.count("RemoteProtocolError") + caplog.text.count("ReadError") == 2


def test_get_is_retried_when_the_body_stalls(flavour: Flavour, sleeps: list[float]) -> None:
    server = RawServer([])
    server.behaviours = [server.stalled(BODY), full(BODY)]
    with server:
        flavour.base_url = server.url
        users = flavour.run(lambda c: c.get_web_users(), max_retries=1, timeout=0.3)
    assert len(users) == 40 and len(server.requests) == 2


def test_body_read_failures_give_up_typed(flavour: Flavour, sleeps: list[float]) -> None:
    with RawServer([truncated(BODY)]) as server:
        flavour.base_url = server.url
        with pytest.raises(errors.TransportError, match="RemoteProtocolError"):
            flavour.run(lambda c: c.get_web_users(), max_retries=2)
    assert len(server.requests) == 3


@pytest.mark.parametrize("failure", [truncated, reset], ids=["truncated", "reset"])
def test_post_is_not_resent_when_its_answer_breaks(
    failure: object, flavour: Flavour, sleeps: list[float]
) -> None:
    with RawServer([failure({"sessionId": "X" * 200})]) as server:  # type: ignore[operator]
        flavour.base_url = server.url
        with pytest.raises(errors.TransportError):
            flavour.run(lambda c: c.call.initiate(to="+4921165432000", from_="e14"), max_retries=5)
    assert len(server.requests) == 1
    assert sleeps == []


# -- what the library cannot decode or follow is still typed ---------------------------------


def test_body_that_claims_gzip_and_is_not(flavour: Flavour) -> None:
    with RawServer([full(b"not gzip at all", extra="Content-Encoding: gzip\r\n")]) as server:
        flavour.base_url = server.url
        with pytest.raises(errors.UnexpectedResponseError, match=r"GET .*/users.*decoded"):
            flavour.run(lambda c: c.get_web_users())


def test_real_gzip_is_read(flavour: Flavour) -> None:
    body = gzip.compress(json.dumps({"items": [USER]}).encode())
    with RawServer([full(body, extra="Content-Encoding: gzip\r\n")]) as server:
        flavour.base_url = server.url
        assert len(flavour.run(lambda c: c.get_web_users())) == 1


def test_too_many_redirects(api: APIStub) -> None:
    api.reply("GET", "/v2/users", Answer(302, headers={"Location": f"{api.url}/users"}))
    shared = httpx.Client(follow_redirects=True, max_redirects=3)
    with (
        sipgateio.SipgateIO(
            token_id=TOKEN_ID, token=TOKEN, base_url=api.url, http_client=shared
        ) as c,
        pytest.raises(errors.TransportError, match="TooManyRedirects"),
    ):
        c.get_web_users()
    shared.close()


def test_json_nested_too_deeply(flavour: Flavour, api: APIStub) -> None:
    api.reply(
        "GET", "/v2/users", body="[" * 100_000 + "]" * 100_000, content_type="application/json"
    )
    with pytest.raises(errors.UnexpectedResponseError, match=r"GET .*/users"):
        flavour.run(lambda c: c.get_web_users())


# -- credentials never quoted ------------------------------------------------------------------


def echo_headers(status: int) -> object:
    def answer(r: Recorded) -> Answer:
        return Answer(status, json={"message": "denied", "youSent": r.headers})

    return answer


@pytest.mark.parametrize(
    ("credentials", "secrets"),
    [
        ({"token_id": TOKEN_ID, "token": TOKEN}, [TOKEN, basic(TOKEN_ID, TOKEN)[6:]]),
        ({"token": OAUTH}, [OAUTH]),
        (
            {"username": "ada@example.com", "password": 'p"a:s s/w\\rd'},
            ['p"a:s s/w\\rd', basic("ada@example.com", 'p"a:s s/w\\rd')[6:]],
        ),
    ],
    ids=["pat", "oauth", "basic"],
)
@pytest.mark.parametrize("status", [400, 401, 403, 500])
def test_credentials_echoed_by_the_server_are_redacted(
    flavour: Flavour,
    api: APIStub,
    caplog: pytest.LogCaptureFixture,
    credentials: dict[str, str],
    secrets: list[str],
    status: int,
) -> None:
    caplog.set_level(logging.DEBUG)
    api.handle("GET", "/v2/users", echo_headers(status))
    flavour.options = {"max_retries": 0, **credentials}
    with pytest.raises(errors.APIError) as info:
        flavour.run(lambda c: c.get_web_users())
    err = info.value
    quoted = [str(err), repr(err), err.body, json.dumps(err.detail), caplog.text]
    for text in quoted:
        for secret in secrets:
            for form in (secret, json.dumps(secret)[1:-1]):
                assert form not in text
    assert "***" in err.body and err.detail["message"] == "denied"
    assert "x-sipgate-version" in err.body  # the rest of the echo is kept


def test_foreign_credentials_are_redacted_too() -> None:
    someone = basic("token-QQQ111", "11111111-2222-3333-4444-555555555555")
    text = f"Authorization: {someone}; bearer eyJhbGciOi.eyJzdWIiOiJ3MCJ9.c2ln; Basic auth required"
    out = errors.redact(text)
    assert someone[6:] not in out and "eyJzdWIiOiJ3MCJ9" not in out
    assert "Basic auth required" in out  # words are not credentials


# -- the media type each operation answers with -------------------------------------------------


def test_csv_export_asks_for_csv(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/history/export", body="id,type\n", content_type="text/csv")
    api.reply("GET", "/v2/users", json={"items": []})
    flavour.run(lambda c: c.history.export_as_csv_string())
    flavour.run(lambda c: c.get_web_users())
    assert api.sent(path="/v2/history/export")[0].headers["accept"] == "text/csv"
    assert api.sent(path="/v2/users")[0].headers["accept"] == "application/json"


def test_media_types_match_the_spec() -> None:
    spec = yaml.safe_load(
        (Path(__file__).resolve().parents[1] / "openapi" / "sipgate-v2.yaml").read_text()
    )
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                for media_type in response.get("content", {}):
                    if str(status).startswith("2"):
                        assert accept_for("/v2" + path) == media_type, path
    assert set(_ACCEPT_BY_PATH) <= set(spec["paths"])


def test_a_closed_client_or_http_client_is_a_typed_error(flavour: Flavour) -> None:
    client = flavour.client()
    if flavour.name == "sync":
        client.close()
        with pytest.raises(errors.SipgateIOError, match="client is closed"):
            client.get_web_users()
        shared = httpx.Client()
        shared.close()
        user = sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, http_client=shared)
        with pytest.raises(errors.SipgateIOError, match=r"http_client .* is closed"):
            user.get_web_users()
        return

    async def go() -> None:
        await client.aclose()
        with pytest.raises(errors.SipgateIOError, match="client is closed"):
            await client.get_web_users()
        shared = httpx.AsyncClient()
        await shared.aclose()
        user = sipgateio.AsyncSipgateIO(token_id=TOKEN_ID, token=TOKEN, http_client=shared)
        with pytest.raises(errors.SipgateIOError, match=r"http_client .* is closed"):
            await user.get_web_users()

    asyncio.run(go())
