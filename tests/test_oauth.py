"""sipgateio.oauth: the authorization-code flow and the self-renewing session.

Everything runs over real sockets: the API and the token endpoint are the local stub
(tests/apistub.py); the token endpoint hands out numbered tokens and records each grant.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import functools
import hashlib
import logging
import pickle
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import sipgateio
from sipgateio._batch import BulkError
from sipgateio.oauth import OAuthFlow, OAuthSession, OAuthToken, OAuthTokenError
from tests.apistub import Answer, APIStub, Recorded

CLIENT_ID = "my-app"
CLIENT_SECRET = "client-secret-0f9e8d7c"
REDIRECT = "http://127.0.0.1:8765/callback"
TOKEN_PATH = "/auth/realms/third-party/protocol/openid-connect/token"
USERINFO = "/v2/authorization/userinfo"


class TokenEndpoint:
    """Numbered token sets for each grant; ``fail`` answers every grant with an OAuth error."""

    def __init__(self, api: APIStub, *, fail: Answer | None = None) -> None:
        self.grants: list[dict[str, str]] = []
        self.fail = fail
        self._lock = threading.Lock()
        api.handle("POST", TOKEN_PATH, self._answer)

    def _answer(self, rec: Recorded) -> Answer:
        form = {k: v[0] for k, v in parse_qs(rec.body.decode()).items()}
        form["authorization"] = rec.headers.get("authorization", "")
        with self._lock:
            self.grants.append(form)
            n = len(self.grants)
        if self.fail is not None:
            return self.fail
        return Answer(
            json={
                "access_token": f"access-{n}",
                "refresh_token": f"refresh-{n}",
                "expires_in": 300,
                "token_type": "Bearer",
                "scope": "all",
            }
        )


def origin(api: APIStub) -> str:
    return api.url.removesuffix("/v2")


def make_flow(api: APIStub, **options: Any) -> OAuthFlow:
    return OAuthFlow(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        redirect_uri=REDIRECT,
        authorization_endpoint="https://login.example/auth",
        token_endpoint=origin(api) + TOKEN_PATH,
        **options,
    )


def expiring(seconds: float, n: int = 0) -> OAuthToken:
    return OAuthToken(
        access_token=f"old-access-{n}",
        refresh_token=f"old-refresh-{n}",
        expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds),
    )


def api_tokens(api: APIStub) -> list[str]:
    return [r.headers["authorization"] for r in api.sent("GET", USERINFO)]


# -- the authorization URL and the code exchange ---------------------------------------------


def test_authorization_url_carries_client_scopes_state_and_pkce(api: APIStub) -> None:
    flow = make_flow(api, scopes=["account:read", "history:read"])
    url, state = flow.authorization_url()
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://login.example/auth"
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == REDIRECT
    assert query["scope"] == "account:read history:read"
    assert query["state"] == state and len(state) >= 20
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    assert CLIENT_SECRET not in url
    assert flow.authorization_url()[1] != state  # a fresh state each time


def test_default_endpoints_are_sipgates() -> None:
    flow = OAuthFlow(client_id="a", client_secret="b", redirect_uri=REDIRECT)
    url, _ = flow.authorization_url()
    assert url.startswith(
        "https://login.sipgate.com/auth/realms/third-party/protocol/openid-connect/auth?"
    )
    assert "scope=all" in url
    assert flow.token_endpoint == (
        "https://login.sipgate.com/auth/realms/third-party/protocol/openid-connect/token"
    )


def test_without_pkce_there_is_no_challenge(api: APIStub) -> None:
    endpoint = TokenEndpoint(api)
    flow = make_flow(api, pkce=False)
    url, state = flow.authorization_url()
    assert "code_challenge" not in url
    flow.exchange("the-code", state=state)
    assert "code_verifier" not in endpoint.grants[0]


def test_exchange_sends_code_and_verifier_and_returns_the_token_set(api: APIStub) -> None:
    endpoint = TokenEndpoint(api)
    flow = make_flow(api)
    url, state = flow.authorization_url()
    challenge = parse_qs(urlsplit(url).query)["code_challenge"][0]
    before = dt.datetime.now(dt.UTC)

    token = flow.exchange("the-code", state=state)

    (grant,) = endpoint.grants
    assert grant["grant_type"] == "authorization_code"
    assert grant["code"] == "the-code"
    assert grant["redirect_uri"] == REDIRECT
    verifier = grant["code_verifier"]
    digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    assert digest.decode() == challenge
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert grant["authorization"] == f"Basic {basic}"
    assert token.access_token == "access-1"
    assert token.refresh_token == "refresh-1"
    assert token.scope == "all"
    assert token.expires_at is not None and token.expires_at.tzinfo is not None
    assert before + dt.timedelta(seconds=299) <= token.expires_at
    assert token.expires_at <= dt.datetime.now(dt.UTC) + dt.timedelta(seconds=301)


def test_exchange_async_does_the_same(api: APIStub) -> None:
    endpoint = TokenEndpoint(api)
    flow = make_flow(api)
    _, state = flow.authorization_url()
    token = asyncio.run(flow.exchange_async("async-code", state=state))
    assert token.access_token == "access-1"
    assert endpoint.grants[0]["code"] == "async-code"


@pytest.mark.parametrize("state", ["not-issued", None, 5])
def test_exchange_refuses_a_state_it_did_not_issue(api: APIStub, state: Any) -> None:
    TokenEndpoint(api)
    flow = make_flow(api)
    flow.authorization_url()
    with pytest.raises(sipgateio.ValidationError) as info:
        flow.exchange("the-code", state=state)
    assert info.value.field == "state"
    assert api.requests == []


def test_a_state_is_exchanged_once(api: APIStub) -> None:
    TokenEndpoint(api)
    flow = make_flow(api)
    _, state = flow.authorization_url()
    flow.exchange("the-code", state=state)
    with pytest.raises(sipgateio.ValidationError):
        flow.exchange("the-code", state=state)
    assert len(api.requests) == 1


def test_a_refused_code_raises_an_authentication_error_without_secrets(api: APIStub) -> None:
    TokenEndpoint(
        api,
        fail=Answer(400, json={"error": "invalid_grant", "error_description": "Code not valid"}),
    )
    flow = make_flow(api)
    _, state = flow.authorization_url()
    with pytest.raises(OAuthTokenError) as info:
        flow.exchange("secret-code-123", state=state)
    error = info.value
    assert isinstance(error, sipgateio.AuthenticationError)
    assert error.reason == "invalid_grant: Code not valid"
    assert str(error) == "exchanging the authorization code failed: invalid_grant: Code not valid"
    assert "secret-code-123" not in repr(error) and CLIENT_SECRET not in str(error)
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error)


def test_a_token_endpoint_that_is_down_raises_a_typed_error(api: APIStub) -> None:
    TokenEndpoint(api, fail=Answer(503, body="maintenance"))
    flow = make_flow(api)
    _, state = flow.authorization_url()
    with pytest.raises(OAuthTokenError, match="HTTP 503") as info:
        flow.exchange("c", state=state)
    assert info.value.status_code == 503


def test_flow_arguments_are_checked() -> None:
    with pytest.raises(sipgateio.ValidationError) as info:
        OAuthFlow(client_id="a", client_secret="b", redirect_uri="not a url")
    assert info.value.field == "redirect_uri"
    with pytest.raises(sipgateio.ValidationError) as info:
        OAuthFlow(client_id="a", client_secret="b", redirect_uri=REDIRECT, scopes="all")
    assert info.value.field == "scopes"
    with pytest.raises(sipgateio.ValidationError) as info:
        OAuthFlow(client_id="a", client_secret="", redirect_uri=REDIRECT)
    assert info.value.field == "client_secret"


# -- tokens ----------------------------------------------------------------------------------


def test_token_round_trips_through_a_dict_and_hides_its_secrets() -> None:
    token = OAuthToken(
        access_token="acc-XYZ",
        refresh_token="ref-XYZ",
        expires_at=dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        scope="all",
    )
    assert OAuthToken.from_dict(token.to_dict()) == token
    assert "acc-XYZ" not in repr(token) and "ref-XYZ" not in repr(token)
    assert "2030-01-02T03:04:05+00:00" in repr(token)


def test_token_fields_are_checked_without_echoing_them() -> None:
    with pytest.raises(sipgateio.ValidationError) as info:
        OAuthToken(access_token="x", expires_at=dt.datetime(2030, 1, 1))  # naive
    assert info.value.field == "expires_at"
    with pytest.raises(sipgateio.ValidationError) as info:
        OAuthToken.from_dict({"access_token": "", "refresh_token": "r"})
    assert info.value.field == "access_token"


# -- the session in a client -------------------------------------------------------------------


def client_with(flavour: Any, session: OAuthSession) -> dict[str, Any]:
    return {"token_id": None, "token": None, "oauth": session}


def test_a_fresh_token_is_used_as_it_is(api: APIStub, flavour: Any) -> None:
    endpoint = TokenEndpoint(api)
    api.reply("GET", USERINFO, json={"sub": "w0"})
    session = make_flow(api).session(expiring(3600))
    assert flavour.run(lambda c: c.get_authenticated_webuser_id(), **client_with(flavour, session))
    assert api_tokens(api) == ["Bearer old-access-0"]
    assert endpoint.grants == []


def test_renews_before_expiry_and_hands_the_new_token_to_the_hook(
    api: APIStub, flavour: Any
) -> None:
    endpoint = TokenEndpoint(api)
    api.reply("GET", USERINFO, json={"sub": "w0"})
    saved: list[OAuthToken] = []
    session = make_flow(api).session(expiring(30), on_token=saved.append)  # within 60 s

    flavour.run(lambda c: c.get_authenticated_webuser_id(), **client_with(flavour, session))

    (grant,) = endpoint.grants
    assert grant["grant_type"] == "refresh_token"
    assert grant["refresh_token"] == "old-refresh-0"
    assert api_tokens(api) == ["Bearer access-1"]
    assert [t.access_token for t in saved] == ["access-1"]
    assert saved[0].refresh_token == "refresh-1"
    assert session.token is saved[0]


def test_a_401_renews_once_and_sends_the_request_again(api: APIStub, flavour: Any) -> None:
    endpoint = TokenEndpoint(api)
    api.reply("GET", USERINFO, Answer(401, json={"error": "expired"}), Answer(json={"sub": "w3"}))
    saved: list[OAuthToken] = []
    session = make_flow(api).session(expiring(3600), on_token=saved.append)

    result = flavour.run(
        lambda c: c.get_authenticated_webuser_id(), **client_with(flavour, session)
    )

    assert result == "w3"
    assert len(endpoint.grants) == 1
    assert api_tokens(api) == ["Bearer old-access-0", "Bearer access-1"]
    assert [t.access_token for t in saved] == ["access-1"]


def test_a_second_401_is_raised_after_exactly_one_renewal(api: APIStub, flavour: Any) -> None:
    endpoint = TokenEndpoint(api)
    api.reply("GET", USERINFO, Answer(401, json={"error": "no access"}))
    session = make_flow(api).session(expiring(3600))

    with pytest.raises(sipgateio.AuthenticationError) as info:
        flavour.run(lambda c: c.get_authenticated_webuser_id(), **client_with(flavour, session))

    assert not isinstance(info.value, OAuthTokenError)  # the API's 401, not the renewal
    assert len(endpoint.grants) == 1
    assert api_tokens(api) == ["Bearer old-access-0", "Bearer access-1"]


def test_without_a_refresh_token_a_401_is_raised_as_it_is(api: APIStub, flavour: Any) -> None:
    endpoint = TokenEndpoint(api)
    api.reply("GET", USERINFO, Answer(401))
    session = make_flow(api).session(OAuthToken(access_token="only-access"))
    with pytest.raises(sipgateio.AuthenticationError):
        flavour.run(lambda c: c.get_authenticated_webuser_id(), **client_with(flavour, session))
    assert endpoint.grants == []
    assert len(api.requests) == 1


def test_a_failed_renewal_raises_with_the_reason_and_no_token(
    api: APIStub, flavour: Any, caplog: pytest.LogCaptureFixture
) -> None:
    TokenEndpoint(
        api,
        fail=Answer(
            400, json={"error": "invalid_grant", "error_description": "Token is not active"}
        ),
    )
    api.reply("GET", USERINFO, json={"sub": "w0"})
    saved: list[OAuthToken] = []
    session = make_flow(api).session(expiring(5), on_token=saved.append)

    caplog.set_level(logging.DEBUG)
    with pytest.raises(OAuthTokenError) as info:
        flavour.run(lambda c: c.get_authenticated_webuser_id(), **client_with(flavour, session))

    error = info.value
    assert isinstance(error, sipgateio.AuthenticationError)
    assert error.reason == "invalid_grant: Token is not active"
    assert "renewing the OAuth access token failed" in str(error)
    assert api.sent("GET", USERINFO) == []  # nothing was sent with the expired token
    assert saved == []
    assert session.token.access_token == "old-access-0"  # kept: the app may retry
    for text in (str(error), repr(error), caplog.text):
        for secret in ("old-access-0", "old-refresh-0", CLIENT_SECRET):
            assert secret not in text


def userinfo_from_16_threads(api: APIStub, session: OAuthSession) -> list[str]:
    with (
        sipgateio.SipgateIO(base_url=api.url, oauth=session, max_retries=0) as client,
        ThreadPoolExecutor(max_workers=8) as pool,
    ):
        return list(pool.map(lambda _: client.get_authenticated_webuser_id(), range(16)))


def test_concurrent_threads_share_one_renewal(api: APIStub) -> None:
    endpoint = TokenEndpoint(api)
    api.reply("GET", USERINFO, json={"sub": "w0"})
    saved: list[OAuthToken] = []
    session = make_flow(api).session(expiring(1), on_token=saved.append)
    assert userinfo_from_16_threads(api, session) == ["w0"] * 16
    assert len(endpoint.grants) == 1
    assert set(api_tokens(api)) == {"Bearer access-1"}
    assert len(saved) == 1


def test_concurrent_tasks_share_one_renewal(api: APIStub) -> None:
    endpoint = TokenEndpoint(api)
    api.reply("GET", USERINFO, json={"sub": "w0"})
    saved: list[OAuthToken] = []

    async def save(token: OAuthToken) -> None:  # an async hook is awaited
        await asyncio.sleep(0)
        saved.append(token)

    session = make_flow(api).session(expiring(1), on_token=save)

    async def go() -> list[str]:
        async with sipgateio.AsyncSipgateIO(base_url=api.url, oauth=session) as client:
            return list(
                await asyncio.gather(*(client.get_authenticated_webuser_id() for _ in range(16)))
            )

    assert asyncio.run(go()) == ["w0"] * 16
    assert len(endpoint.grants) == 1
    assert set(api_tokens(api)) == {"Bearer access-1"}
    assert [t.access_token for t in saved] == ["access-1"]


def test_concurrent_401s_share_one_renewal(api: APIStub) -> None:
    endpoint = TokenEndpoint(api)

    def userinfo(rec: Recorded) -> Answer:
        if rec.headers["authorization"] == "Bearer old-access-0":
            return Answer(401)
        return Answer(json={"sub": "w0"})

    api.handle("GET", USERINFO, userinfo)
    session = make_flow(api).session(expiring(3600))
    assert userinfo_from_16_threads(api, session) == ["w0"] * 16
    assert len(endpoint.grants) == 1


def test_a_sync_client_refuses_an_async_hook_before_anything_is_sent(api: APIStub) -> None:
    endpoint = TokenEndpoint(api)

    async def save(token: OAuthToken) -> None:
        pass

    class Saver:
        async def __call__(self, token: OAuthToken) -> None:
            pass

    for hook in (save, Saver(), functools.partial(save)):
        session = make_flow(api).session(expiring(1), on_token=hook)
        with pytest.raises(sipgateio.ValidationError) as info:
            sipgateio.SipgateIO(base_url=api.url, oauth=session)
        assert info.value.field == "on_token" and "AsyncSipgateIO" in str(info.value)
        sipgateio.AsyncSipgateIO(base_url=api.url, oauth=session)  # which awaits it
    assert endpoint.grants == [] and api.requests == []


def test_a_hook_returning_an_awaitable_is_refused_by_single_and_bulk_calls_alike(
    api: APIStub,
) -> None:
    TokenEndpoint(api)
    api.reply("GET", USERINFO, json={"sub": "w0"})
    api.reply("POST", "/v2/contacts", Answer(201, json={"id": "c1"}))
    awaited: list[OAuthToken] = []

    async def store(token: OAuthToken) -> None:
        awaited.append(token)

    def save(token: OAuthToken) -> Any:  # a plain function, but it hands back a coroutine
        return store(token)

    cards = "".join(
        f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:P{i}\r\nTEL:+4915799912{i:03d}\r\nEND:VCARD\r\n"
        for i in range(4)
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "coroutine was never awaited" either
        for call in (
            lambda c: c.get_authenticated_webuser_id(),
            lambda c: c.contacts.import_vcard_string(cards, sipgateio.Scope.PRIVATE),
        ):
            session = make_flow(api).session(expiring(1), on_token=save)
            with (
                sipgateio.SipgateIO(base_url=api.url, oauth=session) as client,
                pytest.raises(sipgateio.SipgateIOError) as info,
            ):
                call(client)
            refused = info.value.__cause__ if isinstance(info.value, BulkError) else info.value
            assert isinstance(refused, sipgateio.ValidationError), info.value
            assert refused.field == "on_token"
    assert awaited == []


def test_no_token_in_logs_or_reprs(api: APIStub, caplog: pytest.LogCaptureFixture) -> None:
    TokenEndpoint(api)
    api.reply("GET", USERINFO, Answer(401), Answer(json={"sub": "w0"}))
    flow = make_flow(api)
    _, state = flow.authorization_url()
    caplog.set_level(logging.DEBUG)
    token = flow.exchange("code-abc", state=state)
    session = flow.session(OAuthToken(**{**token.to_dict(), "expires_at": token.expires_at}))
    with sipgateio.SipgateIO(base_url=api.url, oauth=session) as client:
        client.get_authenticated_webuser_id()
        shown = " ".join([caplog.text, repr(client), repr(session), repr(flow), repr(token)])
    assert session.token.access_token == "access-2"
    for secret in ("access-1", "refresh-1", "access-2", "refresh-2", CLIENT_SECRET, "code-abc"):
        assert secret not in shown


def test_oauth_conflicts_with_other_credentials(api: APIStub) -> None:
    session = make_flow(api).session(expiring(3600))
    with pytest.raises(sipgateio.ValidationError) as info:
        sipgateio.SipgateIO(oauth=session, token="x")
    assert info.value.field == "credentials"
    with pytest.raises(sipgateio.ValidationError) as info:
        sipgateio.SipgateIO(oauth="a token")  # type: ignore[arg-type]
    assert info.value.field == "oauth"


def test_session_arguments_are_checked(api: APIStub) -> None:
    flow = make_flow(api)
    with pytest.raises(sipgateio.ValidationError) as info:
        flow.session({"access_token": "x"})  # type: ignore[arg-type]
    assert info.value.field == "token"
    with pytest.raises(sipgateio.ValidationError) as info:
        flow.session(expiring(10), on_token="save")  # type: ignore[arg-type]
    assert info.value.field == "on_token"
