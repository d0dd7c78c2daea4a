"""``webhook simulate`` against the real webhook app over sockets, and ``webhook serve``."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from sipgateio.cli.app import app
from sipgateio.cli.simulate import KEY_ENV, simulator_key
from sipgateio.sandbox.push import public_key_pem
from sipgateio.webhook import DataEvent, NewCallEvent, WebhookResponse, WebhookServer
from tests.cli import helpers


@pytest.fixture
def key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config" / "push-key.pem"
    monkeypatch.setenv(KEY_ENV, str(path))
    return path


def simulate(*args: str) -> Result:
    return CliRunner().invoke(app, ["webhook", "simulate", *args])


@pytest.fixture
def menu(key_file: Path) -> Iterator[WebhookServer]:
    """A webhook on 127.0.0.1 with a menu: key 1 dials sales, anything else the voicemail."""
    port = helpers.free_port()
    server = WebhookServer(
        port=port,
        hostname="127.0.0.1",
        server_address=f"http://127.0.0.1:{port}/",
        public_key=public_key_pem(simulator_key()),  # made on first use, in key_file
    )
    server.seen = []  # type: ignore[attr-defined]

    @server.on_new_call
    def route(event: NewCallEvent) -> Any:
        server.seen.append(event)  # type: ignore[attr-defined]
        return WebhookResponse.gather_dtmf(max_digits=1, timeout=2000)

    @server.on_data
    def choice(event: DataEvent) -> Any:
        server.seen.append(event)  # type: ignore[attr-defined]
        if event.dtmf == "1":
            return WebhookResponse.redirect_call(numbers=["+492111234568"])
        return WebhookResponse.send_to_voicemail()

    server.on_hangup(lambda event: server.seen.append(event))  # type: ignore[attr-defined]
    server.start()
    yield server
    server.stop()


def test_the_simulator_key_is_made_once_and_private(key_file: Path) -> None:
    first = public_key_pem(simulator_key())
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert public_key_pem(simulator_key()) == first
    printed = CliRunner().invoke(app, ["webhook", "public-key"])
    assert printed.exit_code == 0
    assert printed.stdout == first


def test_simulate_a_menu_call(menu: WebhookServer) -> None:
    result = simulate("--url", menu.url, "--from", "+4921155501", "--dtmf", "1")
    assert result.exit_code == 0, (result.stdout, result.stderr)
    out = result.stdout
    assert "newCall -> " in out and "=> HTTP 200: Gather" in out
    assert "<Gather onData=" in out  # the XML answer is printed
    assert "dtmf -> " in out and "dtmf=1" in out and "=> HTTP 200: Dial" in out
    assert "<Number>+492111234568</Number>" in out
    assert "hangup -> " in out and "cause=normalClearing" in out
    assert (
        out.rstrip()
        .splitlines()[-1]
        .endswith("ended, cause normalClearing, answered by +492111234568, digits '1'")
    )
    new_call, data, hangup = menu.seen  # type: ignore[attr-defined]
    assert (new_call.from_, new_call.to, new_call.direction.value) == (
        "+4921155501",
        "+4915799912345",
        "in",
    )
    assert data.dtmf == "1"
    assert hangup.call_id == new_call.call_id


def test_simulate_json(menu: WebhookServer) -> None:
    result = simulate("--url", menu.url, "--dtmf", "2", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [p["event"] for p in data["pushes"]] == ["newCall", "dtmf", "hangup"]
    assert data["state"] == "ended"
    assert data["gathered"] == ["2"]
    dial = data["pushes"][1]["answer"]["actions"][0]
    assert dial["voicemail"] is True
    assert all(p["status"] in (200, 204) and p["error"] is None for p in data["pushes"])


def test_a_webhook_refusing_the_signature_exits_14(key_file: Path) -> None:
    port = helpers.free_port()
    server = WebhookServer(port=port, hostname="127.0.0.1")  # trusts sipgate's key only
    server.on_new_call(lambda event: WebhookResponse.hang_up_call())
    with server:
        result = simulate("--url", server.url)
    assert result.exit_code == 14
    assert "=> HTTP 403" in result.stdout
    assert "X-Sipgate-Signature" in result.stdout


def test_an_unreachable_webhook_exits_14(key_file: Path) -> None:
    result = simulate("--url", f"http://127.0.0.1:{helpers.free_port()}/", "--timeout", "5")
    assert result.exit_code == 14
    assert "no answer (ConnectError" in result.stdout


def test_simulate_checks_its_input(key_file: Path, tmp_path: Path) -> None:
    assert simulate("--url", "ftp://x/").exit_code == 3
    bad_event = simulate("hangup", "--url", "http://127.0.0.1:9/")
    assert bad_event.exit_code == 3
    assert "newCall" in bad_event.stderr
    not_a_key = tmp_path / "key.pem"
    not_a_key.write_text("hello")
    refused = simulate("--url", "http://127.0.0.1:9/", "--private-key", str(not_a_key))
    assert refused.exit_code == 3
    assert "is not a PEM RSA private key" in refused.stderr
    assert simulate().exit_code == 2  # --url missing


@pytest.mark.parametrize(
    ("answer", "shown", "cause"),
    [
        (["--dial", "+492111234568"], "HTTP 200: Dial", "normalClearing"),
        (["--voicemail"], "HTTP 200: Dial", "normalClearing"),
        (["--reject", "busy"], "HTTP 200: Reject", "busy"),
        (["--hangup"], "HTTP 200: Hangup", "normalClearing"),
        # no instruction: the answer only subscribes to answer and hangup events
        ([], "HTTP 200", "normalClearing"),
    ],
)
def test_serve_answers_as_told_and_prints_every_push(
    key_file: Path, answer: list[str], shown: str, cause: str
) -> None:
    simulator_key()  # both processes use the key in key_file
    port = helpers.free_port()
    server = helpers.start(
        "webhook", "serve", "--port", str(port), "--host", "127.0.0.1", "--trust-simulator",
        *answer, **{KEY_ENV: str(key_file)},
    )  # fmt: skip
    try:
        assert server.stderr is not None
        assert "webhook listening on" in server.stderr.readline()
        result = simulate("--url", f"http://127.0.0.1:{port}/")
        assert result.exit_code == 0, result.stdout
        first = result.stdout.splitlines()[0]
        assert first.endswith(shown)
    finally:
        server.send_signal(signal.SIGINT)
        printed, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    lines = printed.splitlines()
    assert lines[0].startswith("newCall  call ")
    assert lines[0].endswith("+4921100000000 -> +4915799912345 (in)")
    assert lines[-1].startswith("hangup   call ")
    assert lines[-1].endswith(f"cause {cause}")
    assert err.rstrip().endswith("webhook stopped")
