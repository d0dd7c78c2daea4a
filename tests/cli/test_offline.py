"""``sipgateio demo`` and ``sipgateio sandbox``: the offline commands, end to end."""

from __future__ import annotations

import ipaddress
import json
import signal
import socket
from typing import Any

import pytest
from typer.testing import CliRunner

from sipgateio.cli.app import app
from tests.cli import helpers

EXPECTED_DEMO_LINES = [
    "client.sms.send: sent to +4915112345678 from s0",
    "client.fax.get_fax_status: PENDING",
    "client.fax.wait_for_fax: SENT",
    "client.contacts.import_from_csv_string: 4 imported, 0 left out",  # Alan Kay without his number
    "line 5: 'not a number' is not a phone number",
    "client.contacts.import_vcard_string: 1 imported (shared)",
    "webhook newCall +4915112345678 -> +492111234567: answers with a menu (Gather: 1 digit, 3 s)",
    "webhook dtmf '1': answers Dial +492111234568 (sales)",
    "client.call.get: ACTIVE, 2 participants",
    "client.rtcm.get_established_calls: 1 established",
    "client.call.get: COMPLETED, +4915112345678 -> +492111234567, history entry ",
    "ended: normalClearing",
    "client.history.fetch_all (newest 6)",
]


def test_demo_through_the_real_entry_point() -> None:
    result = helpers.run("demo")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for line in EXPECTED_DEMO_LINES:
        assert line in result.stdout
    # the routed call is established, then hung up through RTCM, then in the history
    call_id = result.stdout.split("client.rtcm.hang_up: ")[1].split()[0]
    assert f"call {call_id}: established" in result.stdout
    assert f"webhook hangup  call {call_id} ended: normalClearing" in result.stdout
    history = result.stdout.split("client.history.fetch_all (newest 6)")[1]
    assert "CALL" in history and "SENT" in history and "Reminder: the" in history
    assert result.stdout.rstrip().splitlines()[-1].startswith("done in ")


def _loopback(host: Any) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def test_demo_touches_no_network_beyond_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection and name lookup of the demo (client, webhook, sandbox) is 127.0.0.1."""
    seen: list[Any] = []
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> Any:
        seen.append(address)
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
            raise AssertionError(f"the demo connected to {address}")
        return real_connect(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(host)
        if not _loopback(host):
            raise AssertionError(f"the demo looked up {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    result = CliRunner().invoke(
        app, ["demo"], env={"SIPGATE_TOKEN_ID": None, "SIPGATE_TOKEN": None}
    )
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    assert "client.fax.wait_for_fax: SENT" in result.stdout
    assert seen  # the guard was in the path


def test_sandbox_command_serves_the_cli(tmp_path: Any) -> None:
    key_file = tmp_path / "sandbox.pem"
    db = tmp_path / "sandbox.sqlite"
    server = helpers.start(
        "sandbox", "--port", "0", "--db", str(db), "--public-key-file", str(key_file), "--json"
    )
    try:
        assert server.stdout is not None
        lines = []
        for line in server.stdout:
            lines.append(line)
            if line.rstrip() == "}":
                break
        info = json.loads("".join(lines))
        assert info["base_url"].startswith("http://127.0.0.1:")
        assert key_file.read_text() == info["public_key_pem"]
        env = {
            "SIPGATE_BASE_URL": info["base_url"],
            "SIPGATE_TOKEN_ID": info["token_id"],
            "SIPGATE_TOKEN": info["token"],
        }
        numbers = helpers.run("numbers", "--json", **env)
        assert numbers.returncode == 0, numbers.stderr
        assert "+492111234567" in [n["number"] for n in json.loads(numbers.stdout)]
        wrong = helpers.run(
            "numbers", **{**env, "SIPGATE_TOKEN": "0" * 8 + "-0000-0000-0000-" + "0" * 12}
        )
        assert wrong.returncode == 4
        assert wrong.stderr.startswith("error: AuthenticationError: GET ")
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=60)
    assert server.returncode == 0
    assert err.rstrip().endswith("sandbox stopped")
    assert db.exists()
