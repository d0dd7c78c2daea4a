"""The embedded server over a real socket on 127.0.0.1."""

from __future__ import annotations

import http.client
import socket
import threading
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from sipgateio import SipgateIOError
from sipgateio.webhook import FluentWebhookServer, NewCallEvent, WebhookResponse, WebhookServer

from .conftest import FORM, NEW_CALL, KeyPair, form


def post(
    server: WebhookServer, body: bytes, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request("POST", "/", body=body, headers={"Content-Type": FORM, **headers})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def redirect(event: NewCallEvent) -> Any:
    return WebhookResponse.redirect_call(numbers=["4915799912345"], anonymous=False)


def test_start_serve_stop(keys: KeyPair) -> None:
    server = WebhookServer(
        port=0, server_address="http://127.0.0.1/", hostname="127.0.0.1", public_key=keys.public_pem
    )
    server.on_new_call(redirect)
    server.on_hangup(lambda event: None)
    server.start()
    try:
        assert server.listening.is_set()
        assert server.url == f"http://127.0.0.1:{server.port}/"
        body = form(NEW_CALL)
        status, headers, content = post(server, body, {"X-Sipgate-Signature": keys.sign(body)})
        assert status == 200
        assert headers["content-type"] == "application/xml"
        root = ET.fromstring(content)
        assert root.get("onHangup") == "http://127.0.0.1/"
        assert root.find("Dial").get("anonymous") == "false"  # type: ignore[union-attr]
        assert post(server, body, {})[0] == 403
        assert post(server, b"{}", {"Content-Type": "application/json"})[0] == 415
        # the server survives what killed the Node.js one, and keeps answering
        assert post(server, body, {"X-Sipgate-Signature": keys.sign(body)})[0] == 200
    finally:
        server.stop()
    assert not server.listening.is_set()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()


def test_context_manager_and_restart() -> None:
    server = WebhookServer(port=0, hostname="127.0.0.1", skip_signature_verification=True)
    with server:
        port = server.port
        assert post(server, form({"event": "dtmf", "callId": "1"}), {})[0] == 204
        with pytest.raises(SipgateIOError, match="already running"):
            server.start()
    server.port = port
    with server:  # the same port again, right away
        assert post(server, form({"event": "dtmf", "callId": "1"}), {})[0] == 204


def test_port_in_use() -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        server = WebhookServer(port=taken.getsockname()[1], hostname="127.0.0.1")
        with pytest.raises(OSError):
            server.start()


def test_serve_forever_until_stop() -> None:
    server = WebhookServer(port=0, hostname="127.0.0.1", skip_signature_verification=True)
    server.on_new_call(redirect)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    assert server.listening.wait(10)
    assert post(server, form(NEW_CALL), {})[0] == 200
    server.stop()  # returns once the serving thread is done
    assert not server.listening.is_set()
    thread.join(10)
    assert not thread.is_alive()
    server.stop()  # again: nothing to do


def test_stop_before_start() -> None:
    server = WebhookServer(port=0, hostname="127.0.0.1")
    server.stop()
    assert not server.listening.is_set()


def test_fluent_server() -> None:
    seen: list[str] = []
    server = (
        FluentWebhookServer()
        .set_server_port(0)
        .set_hostname("127.0.0.1")
        .set_server_address("http://127.0.0.1/hook")
        .set_skip_signature_verification()
        .set_on_new_call_listener(redirect)
        .set_on_answer_listener(lambda e: seen.append("answer"))
        .set_on_hangup_listener(lambda e: seen.append("hangup"))
        .set_on_data_listener(lambda e: seen.append(e.dtmf))
        .start_server()
    )
    try:
        root = ET.fromstring(post(server, form(NEW_CALL), {})[2])
        assert root.attrib == {
            "onAnswer": "http://127.0.0.1/hook",
            "onHangup": "http://127.0.0.1/hook",
        }
        answer = {"event": "answer", "callId": "1", "from": "1", "to": "2", "direction": "in"}
        assert post(server, form(answer), {})[0] == 204
        assert post(server, form({**answer, "event": "hangup", "cause": "busy"}), {})[0] == 204
        # nothing to do, but the answer keeps the follow-up subscriptions
        status, _, content = post(server, form({"event": "dtmf", "callId": "1", "dtmf": "7"}), {})
        assert status == 200
        assert len(ET.fromstring(content)) == 0
        assert seen == ["answer", "hangup", "7"]
    finally:
        server.stop()


def test_localhost_default() -> None:
    server = WebhookServer(port=0, skip_signature_verification=True)
    assert server.hostname == "localhost"
    with server:
        assert post(server, form({"event": "dtmf", "callId": "1"}), {})[0] == 204
