"""Property-based: no body, header or form makes the app answer 5xx from its own code."""

from __future__ import annotations

from typing import Any

import falcon.testing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sipgateio.webhook import WebhookResponse, create_webhook_app

from .conftest import FORM, KeyPair, form

FIELDS = [
    "event",
    "from",
    "to",
    "direction",
    "callId",
    "origCallId",
    "user[]",
    "userId[]",
    "fullUserId[]",
    "xcid",
    "diversion",
    "cause",
    "answeringNumber",
    "dtmf",
    "user",
]
VALUES = {
    "event": st.sampled_from(["newCall", "answer", "hangup", "dtmf", "", "newcall", "x"]),
    "direction": st.sampled_from(["in", "out", "", "IN"]),
    "cause": st.sampled_from(["normalClearing", "busy", "cancel", "nope", ""]),
}
text = st.text(max_size=20)
content_types = st.one_of(
    st.just(FORM),
    st.just(FORM + "; charset=utf-8"),
    st.sampled_from(["application/json", "text/plain", "", "multipart/form-data"]),
    st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=30),
)
header_names = st.sampled_from(
    ["X-Sipgate-Signature", "X-Forwarded-For", "Content-Length", "Transfer-Encoding", "X-Other"]
)
headers = st.dictionaries(
    header_names,
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
    max_size=3,
)


@st.composite
def pushes(draw: st.DrawFn) -> dict[str, Any]:
    chosen = draw(st.lists(st.sampled_from(FIELDS), unique=True, max_size=len(FIELDS)))
    out: dict[str, Any] = {}
    for name in chosen:
        strategy = VALUES.get(name, text)
        out[name] = (
            draw(st.lists(strategy, min_size=1, max_size=3))
            if name.endswith("[]")
            else draw(strategy)
        )
    return out


def build(keys: KeyPair, sign: bool) -> dict[str, falcon.testing.TestClient]:
    app = create_webhook_app(
        "https://hook.example/",
        skip_signature_verification=not sign,
        public_key=keys.public_pem if sign else None,
        check_origin=sign,
        allowed_origins=["127.0.0.1"],
        trusted_proxies=["127.0.0.1"],
        max_body_size=512,
    )
    app.on_new_call(lambda e: WebhookResponse.redirect_call([f"49{len(e.users)}"]))
    app.on_data(lambda e: WebhookResponse.gather_dtmf(1, 5))
    app.on_answer(lambda e: None)
    app.on_hangup(lambda e: None)
    return {
        "wsgi": falcon.testing.TestClient(app.wsgi),
        "asgi": falcon.testing.TestClient(app.asgi),
    }


@pytest.fixture(scope="module")
def clients(keys: KeyPair) -> dict[bool, dict[str, falcon.testing.TestClient]]:
    return {True: build(keys, True), False: build(keys, False)}


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(body=st.binary(max_size=600), content_type=content_types, extra=headers, sign=st.booleans())
def test_random_bytes_never_5xx(
    clients: Any, keys: KeyPair, body: bytes, content_type: str, extra: dict[str, str], sign: bool
) -> None:
    all_headers = {"Content-Type": content_type, **extra}
    if sign and "X-Sipgate-Signature" not in extra:
        all_headers["X-Sipgate-Signature"] = keys.sign(body)
    all_headers.pop("Content-Length", None)  # the test client writes the real one
    all_headers.pop("Transfer-Encoding", None)
    for client in clients[sign].values():
        result = client.simulate_post("/", body=body, headers=all_headers)
        assert result.status_code < 500, (result.status_code, result.text)


@FUZZ
@given(push=pushes(), sign=st.booleans(), forwarded=st.one_of(st.none(), st.text(max_size=30)))
def test_random_pushes_never_5xx(
    clients: Any, keys: KeyPair, push: dict[str, Any], sign: bool, forwarded: str | None
) -> None:
    body = form(push)
    all_headers = {"Content-Type": FORM, "X-Sipgate-Signature": keys.sign(body)}
    if forwarded is not None and forwarded.isprintable() and forwarded.isascii():
        all_headers["X-Forwarded-For"] = forwarded
    for client in clients[sign].values():
        result = client.simulate_post("/sipgate", body=body, headers=all_headers)
        assert result.status_code < 500, (result.status_code, result.text)
        if result.status_code == 200:
            assert result.headers["content-type"] == "application/xml"
