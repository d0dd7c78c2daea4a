"""The app runs unchanged under a production server with several worker processes."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import FORM, NEW_CALL, KeyPair, form

APP = textwrap.dedent(
    """
    import os
    from sipgateio.webhook import WebhookResponse, create_webhook_app

    webhook = create_webhook_app(
        server_address="https://example.com/webhook",
        public_key=open(os.environ["PUSH_PUBLIC_KEY"]).read(),
    )

    @webhook.on_new_call
    def route(event):
        return WebhookResponse.redirect_call(numbers=[event.to], anonymous=False)

    asgi = webhook.asgi
    wsgi = webhook.wsgi
    """
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post(port: int, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("POST", "/webhook", body=body, headers={"Content-Type": FORM, **headers})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_asgi_app_under_uvicorn_with_two_workers(tmp_path: Path, keys: KeyPair) -> None:
    (tmp_path / "webhook_app.py").write_text(APP)
    (tmp_path / "push.pem").write_text(keys.public_pem)
    port = _free_port()
    env = {**os.environ, "PUSH_PUBLIC_KEY": str(tmp_path / "push.pem")}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--workers",
            "2",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--app-dir",
            str(tmp_path),
            "--log-level",
            "warning",
            "webhook_app:asgi",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        body = form(NEW_CALL)
        signed = {"X-Sipgate-Signature": keys.sign(body)}
        deadline = time.monotonic() + 30
        while True:
            try:
                status, content = _post(port, body, signed)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"uvicorn did not come up: {server.stderr.read()!r}")  # type: ignore[union-attr]
                time.sleep(0.2)
        assert status == 200
        dial = ET.fromstring(content).find("Dial")
        assert dial is not None and dial.get("anonymous") == "false"
        assert [n.text for n in dial.findall("Number")] == ["+4915791234567"]  # the handler ran
        # every worker answers alike: signed pushes pass, unsigned ones are refused
        for _ in range(20):
            assert _post(port, body, signed)[0] == 200
            assert _post(port, body, {})[0] == 403
    finally:
        server.terminate()
        server.wait(timeout=15)
