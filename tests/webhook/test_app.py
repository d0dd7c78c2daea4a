"""The app's answers: statuses, follow-up attributes, handler failures, coroutine handlers."""

from __future__ import annotations

import asyncio
import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import falcon.testing
import pytest

from sipgateio import ValidationError
from sipgateio.webhook import NewCallEvent, WebhookResponse, create_webhook_app

from .conftest import ADDRESS, FORM, NEW_CALL, Pusher, call_asgi, call_wsgi, form

ANSWER = {"event": "answer", "callId": "1", "from": "491", "to": "492", "direction": "in"}
HANGUP = {**ANSWER, "event": "hangup", "cause": "normalClearing"}
DTMF = {"event": "dtmf", "callId": "1", "dtmf": "12"}


def xml(result: falcon.testing.Result) -> ET.Element:
    assert result.status_code == 200, result.text
    assert result.headers["content-type"] == "application/xml"
    return ET.fromstring(result.content)


# -- follow-up subscriptions ----------------------------------------------------------------


def test_answer_names_the_follow_up_urls_of_registered_handlers(pusher: Pusher) -> None:
    pusher.app.on_new_call(lambda e: WebhookResponse.redirect_call(["491"], anonymous=False))
    pusher.app.on_answer(lambda e: None)
    pusher.app.on_hangup(lambda e: None)
    root = xml(pusher.post(NEW_CALL))
    assert root.get("onAnswer") == ADDRESS  # the & of the query string survives escaping
    assert root.get("onHangup") == ADDRESS
    dial = root.find("Dial")
    assert dial is not None and dial.get("anonymous") == "false"


def test_no_follow_up_attributes_without_their_handlers(pusher: Pusher) -> None:
    pusher.app.on_new_call(lambda e: WebhookResponse.hang_up_call())
    root = xml(pusher.post(NEW_CALL))
    assert root.attrib == {}
    assert [c.tag for c in root] == ["Hangup"]


def test_only_the_registered_follow_up_is_named(pusher: Pusher) -> None:
    pusher.app.on_new_call(lambda e: WebhookResponse.send_to_voicemail())
    pusher.app.on_hangup(lambda e: None)
    assert xml(pusher.post(NEW_CALL)).attrib == {"onHangup": ADDRESS}


def test_gather_gets_on_data(pusher: Pusher) -> None:
    pusher.app.on_new_call(lambda e: WebhookResponse.gather_dtmf(max_digits=4, timeout=3000))
    gather = xml(pusher.post(NEW_CALL)).find("Gather")
    assert gather is not None
    assert gather.attrib == {"onData": ADDRESS, "maxDigits": "4", "timeout": "3000"}


def test_gather_without_server_address_is_a_handler_error(make: Callable[..., Pusher]) -> None:
    pusher = make(server_address=None)
    pusher.app.on_new_call(lambda e: WebhookResponse.gather_dtmf(1, 1000))
    result = pusher.post(NEW_CALL)
    assert result.status_code == 500
    assert result.text == "handler failed"


def test_new_call_without_handler_still_subscribes_follow_ups(pusher: Pusher) -> None:
    pusher.app.on_answer(lambda e: None)
    root = xml(pusher.post(NEW_CALL))
    assert root.attrib == {"onAnswer": ADDRESS}
    assert len(root) == 0


# -- nothing to say: 204 ---------------------------------------------------------------------


@pytest.mark.parametrize("fields", [NEW_CALL, ANSWER, HANGUP, DTMF], ids=lambda f: f["event"])
def test_event_without_handler_is_204_not_200(pusher: Pusher, fields: dict[str, Any]) -> None:
    result = pusher.post(fields)
    assert result.status_code == 204
    assert result.content == b""


def test_handler_returning_none_without_follow_ups_is_204(pusher: Pusher) -> None:
    seen: list[object] = []
    pusher.app.on_new_call(seen.append)
    assert pusher.post(NEW_CALL).status_code == 204
    assert len(seen) == 1


@pytest.mark.parametrize("fields", [ANSWER, HANGUP], ids=lambda f: f["event"])
def test_replies_to_answer_and_hangup_are_204_whatever_the_handler_returns(
    pusher: Pusher, fields: dict[str, Any]
) -> None:
    handler = lambda e: WebhookResponse.hang_up_call()  # noqa: E731
    pusher.app.on_answer(handler)
    pusher.app.on_hangup(handler)
    assert pusher.post(fields).status_code == 204


def test_dtmf_handler_answers_like_new_call(pusher: Pusher) -> None:
    pusher.app.on_data(lambda e: WebhookResponse.redirect_call([f"49{e.dtmf}"]))
    root = xml(pusher.post(DTMF))
    assert [n.text for n in root.iter("Number")] == ["4912"]


# -- push rules the builder cannot know ---------------------------------------------------------


def test_at_most_five_numbers_for_incoming_calls(
    pusher: Pusher, caplog: pytest.LogCaptureFixture
) -> None:
    pusher.app.on_new_call(lambda e: WebhookResponse.redirect_call([f"4910{i}" for i in range(6)]))
    with caplog.at_level(logging.ERROR, "sipgateio.webhook"):
        result = pusher.post(NEW_CALL)
    assert result.status_code == 500
    assert "at most 5" in caplog.text


def test_five_numbers_are_fine_and_outgoing_calls_are_not_limited(pusher: Pusher) -> None:
    pusher.app.on_new_call(
        lambda e: WebhookResponse.redirect_call(
            [f"4910{i}" for i in range(5 if e.direction == "in" else 6)]
        )
    )
    assert len(xml(pusher.post(NEW_CALL)).findall("Dial/Number")) == 5
    assert len(xml(pusher.post({**NEW_CALL, "direction": "out"})).findall("Dial/Number")) == 6


def test_dtmf_answers_get_the_incoming_limit(pusher: Pusher) -> None:
    pusher.app.on_data(lambda e: WebhookResponse.redirect_call([f"4910{i}" for i in range(6)]))
    assert pusher.post(DTMF).status_code == 500


# -- handlers that fail ---------------------------------------------------------------------------


def test_handler_exception_is_500_logged_without_traceback(
    pusher: Pusher, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: NewCallEvent) -> None:
        raise RuntimeError("secret detail")

    pusher.app.on_new_call(broken)
    with caplog.at_level(logging.ERROR, "sipgateio.webhook"):
        result = pusher.post(NEW_CALL)
    assert result.status_code == 500
    assert result.text == "handler failed"
    assert "secret" not in result.text and "Traceback" not in result.text
    assert "secret detail" in caplog.text
    assert caplog.records[-1].exc_info is not None


@pytest.mark.parametrize("returned", ["<Hangup/>", 42, {"Dial": "491"}])
def test_handler_returning_something_else_is_500(pusher: Pusher, returned: object) -> None:
    pusher.app.on_new_call(lambda e: returned)
    assert pusher.post(NEW_CALL).status_code == 500


def test_validation_error_raised_in_handler_is_500(pusher: Pusher) -> None:
    pusher.app.on_new_call(lambda e: WebhookResponse.redirect_call("491"))  # type: ignore[arg-type]
    assert pusher.post(NEW_CALL).status_code == 500


# -- coroutine handlers ---------------------------------------------------------------------------


def test_coroutine_handlers(pusher: Pusher) -> None:
    async def route(event: NewCallEvent) -> Any:
        await asyncio.sleep(0)
        return WebhookResponse.reject_call("busy")

    pusher.app.on_new_call(route)
    assert xml(pusher.post(NEW_CALL)).find("Reject").get("reason") == "busy"  # type: ignore[union-attr]
    assert xml(pusher.post(NEW_CALL)).find("Reject") is not None  # the loop is reused under WSGI


def test_failing_coroutine_handler_is_500(pusher: Pusher, caplog: pytest.LogCaptureFixture) -> None:
    async def broken(event: NewCallEvent) -> None:
        await asyncio.sleep(0)
        raise KeyError("boom")

    pusher.app.on_new_call(broken)
    with caplog.at_level(logging.ERROR, "sipgateio.webhook"):
        assert pusher.post(NEW_CALL).status_code == 500
    assert "boom" in caplog.text


async def test_asgi_runs_coroutine_handlers_on_the_running_loop() -> None:
    app = create_webhook_app(ADDRESS, skip_signature_verification=True)
    loops: list[asyncio.AbstractEventLoop] = []

    @app.on_new_call
    async def route(event: NewCallEvent) -> Any:
        loops.append(asyncio.get_running_loop())
        return WebhookResponse.hang_up_call()

    async with falcon.testing.ASGIConductor(app.asgi) as conductor:
        result = await conductor.simulate_post(
            "/", body=form(NEW_CALL), content_type="application/x-www-form-urlencoded"
        )
    assert result.status_code == 200
    assert loops == [asyncio.get_running_loop()]


# -- rejections -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "status"),
    [
        (None, 415),
        ("application/json", 415),
        ("text/plain", 415),
        ("multipart/form-data; boundary=x", 415),
        ("application/x-www-form-urlencoded", 204),
        ("Application/X-WWW-Form-Urlencoded; charset=UTF-8", 204),
    ],
)
def test_content_type(pusher: Pusher, content_type: str | None, status: int) -> None:
    assert pusher.post(NEW_CALL, content_type=content_type).status_code == status


def test_body_too_large_by_content_length(make: Callable[..., Pusher]) -> None:
    pusher = make(max_body_size=64)
    result = pusher.post({**NEW_CALL, "xcid": "x" * 100})
    assert result.status_code == 413
    assert pusher.post({"event": "dtmf", "callId": "1"}).status_code == 204


def test_body_too_large_without_content_length_asgi() -> None:
    # a chunked body: no Content-Length, the app reads at most max_body_size + 1 bytes
    app = create_webhook_app(ADDRESS, skip_signature_verification=True, max_body_size=100)
    headers = [(b"content-type", FORM.encode()), (b"transfer-encoding", b"chunked")]
    assert call_asgi(app.asgi, headers, [b"event=dtmf&callId=1&x=", *([b"y" * 50] * 10)]) == 413
    assert call_asgi(app.asgi, headers, [b"event=dtmf&", b"callId=1"]) == 204


@pytest.mark.parametrize(("terminated", "status"), [(False, 400), (True, 204)])
def test_wsgi_body_without_content_length(terminated: bool, status: int) -> None:
    # without Content-Length a WSGI app may read only if the server delimits the body
    app = create_webhook_app(ADDRESS, skip_signature_verification=True)
    extra = {"wsgi.input_terminated": True} if terminated else {}
    assert call_wsgi(app.wsgi, form(DTMF), CONTENT_LENGTH=None, **extra) == status


@pytest.mark.parametrize(("length", "status"), [("abc", 400), ("-5", 400), ("9" * 20, 413)])
def test_invalid_content_length(length: str, status: int) -> None:
    app = create_webhook_app(ADDRESS, skip_signature_verification=True)
    assert call_wsgi(app.wsgi, form(DTMF), CONTENT_LENGTH=length) == status
    headers = [(b"content-type", FORM.encode()), (b"content-length", length.encode())]
    assert call_asgi(app.asgi, headers, [form(DTMF)]) == status


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "'event' is missing"),
        ({"event": "ring", "callId": "1"}, "unknown event 'ring'"),
        ({**NEW_CALL, "event": "NEWCALL"}, "unknown event"),
        ({k: v for k, v in NEW_CALL.items() if k != "from"}, "'from' is missing"),
        ({k: v for k, v in NEW_CALL.items() if k != "callId"}, "'callId' is missing"),
        ({**NEW_CALL, "direction": "sideways"}, "direction"),
        ({k: v for k, v in HANGUP.items() if k != "cause"}, "'cause' is missing"),
        ({"event": "dtmf"}, "'callId' is missing"),
    ],
)
def test_malformed_pushes_are_400(pusher: Pusher, fields: dict[str, Any], message: str) -> None:
    result = pusher.post(fields)
    assert result.status_code == 400
    assert message in result.text


@pytest.mark.parametrize(
    "body",
    [
        b"event=newCall&event=answer&callId=1",
        b"event=dtmf&callId=%FF",
        b"\xff\xfe",
        b"event=dtmf&callId=%C3",
    ],
)
def test_undecodable_bodies_are_400(pusher: Pusher, body: bytes) -> None:
    assert pusher.post(body).status_code == 400


def test_other_methods_are_405(pusher: Pusher) -> None:
    assert pusher.client.simulate_get("/").status_code == 405
    assert pusher.client.simulate_put("/", body=form(DTMF)).status_code == 405


def test_every_path_is_served(pusher: Pusher) -> None:
    pusher.app.on_data(lambda e: WebhookResponse.hang_up_call())
    for path in ("/", "/sipgate", "/a/b/c"):
        assert pusher.post(DTMF, path=path).status_code == 200


# -- configuration --------------------------------------------------------------------------------


@pytest.mark.parametrize("register", ["on_answer", "on_hangup", "on_data"])
def test_follow_up_handlers_need_a_server_address(register: str) -> None:
    app = create_webhook_app(skip_signature_verification=True)
    with pytest.raises(ValidationError, match="server_address"):
        getattr(app, register)(lambda e: None)
    app.on_new_call(lambda e: None)  # fine without


def test_handlers_register_as_decorators_and_calls() -> None:
    app = create_webhook_app(ADDRESS, skip_signature_verification=True)

    @app.on_new_call
    def route(event: NewCallEvent) -> None:
        return None

    assert route.__name__ == "route"  # the decorator returns the function
    from sipgateio.webhook import EventType

    assert app.handler_for(EventType.NEW_CALL) is route
    with pytest.raises(ValidationError):
        app.on_new_call("not callable")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [
        {"server_address": "example.com/hook"},
        {"server_address": "ftp://example.com/"},
        {"max_body_size": 0},
        {"max_body_size": "1k"},
        {"public_key": "not a key"},
        {"check_origin": True, "trusted_proxies": ["10.0.0.300"]},
    ],
)
def test_bad_configuration_is_rejected_at_creation(options: dict[str, Any]) -> None:
    address = options.pop("server_address", ADDRESS)
    with pytest.raises(ValidationError):
        create_webhook_app(address, **options)


def test_wsgi_and_asgi_apps_are_built_once() -> None:
    app = create_webhook_app(ADDRESS, skip_signature_verification=True)
    assert app.wsgi is app.wsgi
    assert app.asgi is app.asgi
