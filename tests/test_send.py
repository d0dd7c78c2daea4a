"""The facade's fast sending path and the library's own connection pools.

The facade's calls skip ``httpx.Client``'s per-request bookkeeping (sipgateio._send) but
must send exactly what ``client.raw`` (which goes through the facade httpx client) sends,
with the same auth, headers, timeout and retries. The own pools honour the environment's
proxy settings as ``httpx.Client`` would."""

from __future__ import annotations

import asyncio
import base64
import json
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sipgateio
from sipgateio._http import environment_proxy
from sipgateio.raw.api.numbers import get_numbers
from sipgateio.raw.api.sessions import send_web_sms
from sipgateio.raw.models import SendWebSmsRequest
from tests.apistub import Answer, APIStub
from tests.conftest import TOKEN, TOKEN_ID, Flavour
from tests.rawhttp import RawServer, full

NUMBERS = {"items": [], "totalCount": 0}
COMPARED = ("authorization", "accept", "accept-encoding", "user-agent", "x-sipgate-client",
            "x-sipgate-version", "content-type", "content-length", "host")  # fmt: skip


def both_ways(flavour: Flavour) -> Any:
    """One facade call and the same request through client.raw, sync or async."""
    sms = SendWebSmsRequest(sms_id="s0", recipient="+4915799912345", message="hi")

    def sync(client: sipgateio.SipgateIO) -> None:
        client.numbers.get_all_numbers()
        client.sms.send(to="+4915799912345", message="hi", sms_id="s0")
        get_numbers.sync_detailed(client=client.raw)
        send_web_sms.sync_detailed(client=client.raw, body=sms)

    async def run_async(client: sipgateio.AsyncSipgateIO) -> None:
        await client.numbers.get_all_numbers()
        await client.sms.send(to="+4915799912345", message="hi", sms_id="s0")
        await get_numbers.asyncio_detailed(client=client.raw)
        await send_web_sms.asyncio_detailed(client=client.raw, body=sms)

    return flavour.run(sync if flavour.name == "sync" else run_async)


def test_facade_requests_equal_the_raw_clients(api: APIStub, flavour: Flavour) -> None:
    api.reply("GET", "/v2/numbers", json=NUMBERS)
    api.reply("POST", "/v2/sessions/sms", status=204)
    both_ways(flavour)
    facade_get, facade_post, raw_get, raw_post = api.requests
    for facade, raw in ((facade_get, raw_get), (facade_post, raw_post)):
        assert (facade.method, facade.path, facade.query) == (raw.method, raw.path, raw.query)
        assert {k: facade.headers.get(k) for k in COMPARED} == {
            k: raw.headers.get(k) for k in COMPARED
        }
        assert facade.body == raw.body
    token = base64.b64encode(f"{TOKEN_ID}:{TOKEN}".encode()).decode()
    assert facade_get.headers["authorization"] == f"Basic {token}"
    assert facade_get.headers["accept"] == "application/json"
    assert facade_post.headers["content-type"] == "application/json"


def test_every_request_of_an_operation_carries_its_own_body_and_length(
    api: APIStub, flavour: Flavour
) -> None:
    """Later requests of an operation reuse its headers, never its body or Content-Length."""
    api.reply("POST", "/v2/sessions/sms", status=204)
    messages = ["hi", "a longer message, with ü and €", "", "x" * 2000]

    def sync(client: sipgateio.SipgateIO) -> None:
        for message in messages:
            send_web_sms.sync_detailed(
                client=client.raw,
                body=SendWebSmsRequest(sms_id="s0", recipient="+4915799912345", message=message),
            )
            client.sms.send(to="+4915799912345", message=message or "-", sms_id="s0")

    async def run_async(client: sipgateio.AsyncSipgateIO) -> None:
        for message in messages:
            await send_web_sms.asyncio_detailed(
                client=client.raw,
                body=SendWebSmsRequest(sms_id="s0", recipient="+4915799912345", message=message),
            )
            await client.sms.send(to="+4915799912345", message=message or "-", sms_id="s0")

    flavour.run(sync if flavour.name == "sync" else run_async)
    sent = api.sent("POST", "/v2/sessions/sms")
    for raw, facade, message in zip(sent[::2], sent[1::2], messages, strict=True):
        assert json.loads(facade.body) == {
            "smsId": "s0",
            "recipient": "+4915799912345",
            "message": message or "-",
        }
        assert int(facade.headers["content-length"]) == len(facade.body)
        if message:  # the facade refuses an empty message; raw sends it
            assert facade.body == raw.body
            assert {k: facade.headers.get(k) for k in COMPARED} == {
                k: raw.headers.get(k) for k in COMPARED
            }


@pytest.mark.parametrize("auth", [None, "basic", "bearer"])
def test_the_template_builds_what_httpx_builds(auth: str | None) -> None:
    """Header by header, in order, and body: the senders' requests are httpx's own.

    With a fixed Authorization value the request comes authorized as its auth flow
    would have left it (the senders then drive no flow)."""
    from sipgateio._credentials import Credentials
    from sipgateio._send import _Template, negotiate

    credentials = {
        "basic": Credentials("pat", TOKEN_ID, TOKEN),
        "bearer": Credentials("oauth", None, "eyJ.token"),
    }
    facade = httpx.Client(
        base_url="https://api.example.com/v2",
        headers={"User-Agent": "t", "X-Sipgate-Version": "1"},
        timeout=7.0,
        auth=credentials[auth].auth() if auth else None,
    )
    template = _Template(facade)
    calls: list[dict[str, Any]] = [
        {"method": "get", "url": "/numbers"},
        {"method": "get", "url": "/numbers", "params": {"offset": 5, "limit": 2}},
        {"method": "get", "url": "/history/export"},
        {"method": "post", "url": "/sessions/sms", "json": {"message": "hi"},
         "headers": {"Content-Type": "application/json"}},
        {"method": "post", "url": "/sessions/sms", "json": {"message": "ünïcode, longer"},
         "headers": {"Content-Type": "application/json"}},
        {"method": "post", "url": "/x", "json": {"a": 1}},
        {"method": "post", "url": "/x"},
        {"method": "put", "url": "/x", "content": b"abc"},
        {"method": "put", "url": "/x", "content": "abcdef"},
        {"method": "put", "url": "/x", "content": b""},
        {"method": "delete", "url": "/x", "content": b"1"},
        {"method": "post", "url": "/x", "data": {"a": "b"}},
        {"method": "post", "url": "/x", "content": b"ab", "headers": {"Content-Length": "2"}},
        {"method": "get", "url": "/numbers", "headers": {"Accept": "text/plain"}},
        # one shape over many paths (bulk work on ids), and paths asking for other types
        {"method": "put", "url": "/history/h1", "json": {"note": "a"}},
        {"method": "put", "url": "/history/h22", "json": {"note": "longer note"}},
        {"method": "delete", "url": "/contacts/c1"},
        {"method": "delete", "url": "/contacts/c2"},
        {"method": "get", "url": "/history/h1"},
        {"method": "get", "url": "/history/export", "params": {"limit": 1}},
    ]  # fmt: skip
    for kwargs in calls * 2:  # the second time from the kept shapes
        built = template.build(kwargs)
        expected = facade.build_request(
            kwargs["method"].upper(),
            kwargs["url"],
            params=kwargs.get("params"),
            headers=kwargs.get("headers"),
            content=kwargs.get("content"),
            data=kwargs.get("data"),
            json=kwargs.get("json"),
        )
        negotiate(expected)
        if facade.auth is not None:
            expected = next(facade.auth.sync_auth_flow(expected))
            assert template.fixed is facade.auth
        assert (built.method, built.url) == (expected.method, expected.url), kwargs
        assert built.headers.raw == expected.headers.raw, kwargs
        assert built.content == expected.read() == built.read(), kwargs
        assert asyncio.run(built.aread()) == b"".join(built.stream) == expected.content
        assert built.extensions["timeout"] == expected.extensions["timeout"]
    facade.close()


def test_a_users_client_gets_the_facades_requests_through_its_hooks(api: APIStub) -> None:
    """A user's client still sees every facade request (its event hooks run), unchanged."""
    api.reply("GET", "/v2/numbers", json=NUMBERS)
    seen: list[httpx.Request] = []
    http = httpx.Client(event_hooks={"request": [seen.append]})
    with sipgateio.SipgateIO(
        token_id=TOKEN_ID, token=TOKEN, base_url=api.url, http_client=http
    ) as c:
        c.numbers.get_all_numbers()
    assert [str(r.url) for r in seen] == [f"{api.url}/numbers"]
    assert seen[0].headers["authorization"].startswith("Basic ")
    assert not http.is_closed  # the user's client is theirs to close
    http.close()


def test_retries_apply_to_the_facades_calls(
    api: APIStub, flavour: Flavour, sleeps: list[float]
) -> None:
    api.reply("GET", "/v2/numbers", Answer(status=503), Answer(json=NUMBERS))
    assert flavour.run(lambda c: c.numbers.get_all_numbers(), max_retries=2) == []
    assert len(api.sent("GET", "/v2/numbers")) == 2
    assert len(sleeps) == 1


def test_the_timeout_reaches_the_request(api: APIStub, flavour: Flavour) -> None:
    api.reply("GET", "/v2/numbers", Answer(json=NUMBERS, delay=2.0))
    with pytest.raises(sipgateio.TransportError, match="Timeout"):
        flavour.run(lambda c: c.numbers.get_all_numbers(), timeout=0.3)


@pytest.mark.parametrize(
    ("env", "url", "expected"),
    [
        ({}, "https://api.sipgate.com/v2", None),
        ({"HTTPS_PROXY": "http://proxy:3128"}, "https://api.sipgate.com/v2", "http://proxy:3128"),
        ({"HTTPS_PROXY": "http://proxy:3128"}, "http://127.0.0.1:9/v2", None),
        ({"ALL_PROXY": "http://proxy:3128"}, "http://10.0.0.1/v2", "http://proxy:3128"),
        (
            {"HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "sipgate.com"},
            "https://api.sipgate.com/v2",
            None,
        ),
    ],
)
def test_environment_proxy(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], url: str, expected: str | None
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert environment_proxy(url) == expected


def test_the_own_pool_goes_through_the_environments_proxy(
    flavour: Flavour, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With HTTP_PROXY set, a request for an unresolvable host goes to the proxy."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    with RawServer([full(NUMBERS)]) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url.removesuffix("/v2"))
        via_proxy = Flavour(flavour.name, "http://sipgate.invalid/v2")
        assert via_proxy.run(lambda c: c.numbers.get_all_numbers()) == []
    assert len(proxy.requests) == 1
    assert proxy.requests[0].startswith(b"GET http://sipgate.invalid/v2/numbers HTTP/1.1\r\n")


_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=st.characters(codec=None)),  # lone surrogates too
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5) | st.integers(0, 9), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(_json_values.filter(lambda v: v is not None))  # json=None: no body at all
def test_json_bodies_are_httpxs_bytes(value: Any) -> None:
    """The senders' JSON bodies: byte for byte what httpx.Request(json=...) sends, or its error."""
    from sipgateio._send import _json_body

    try:
        expected: bytes | type[BaseException] = httpx.Request(
            "POST", "http://x", json=value
        ).content
    except (ValueError, TypeError) as exc:  # NaN, lone surrogates (UnicodeEncodeError)
        expected = type(exc)
    try:
        got: bytes | type[BaseException] = _json_body(value)
    except (ValueError, TypeError) as exc:
        got = type(exc)
    assert got == expected
