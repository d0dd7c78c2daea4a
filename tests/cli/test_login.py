"""``sipgateio login``: the browser sign-in with a local redirect server on 127.0.0.1."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from sipgateio.cli import login as login_cli
from tests.apistub import APIStub
from tests.cli.conftest import Run
from tests.test_oauth import CLIENT_SECRET, TOKEN_PATH, TokenEndpoint, origin


def fake_browser(monkeypatch: pytest.MonkeyPatch, **answer: str) -> list[str]:
    """A browser that signs in at once: it follows the redirect with ``answer`` (code/state)."""
    opened: list[str] = []

    def open_(url: str) -> bool:
        opened.append(url)
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        params = {"state": query["state"], **answer}
        httpx.get(f"{query['redirect_uri']}?{urlencode(params)}")
        return True

    monkeypatch.setattr(login_cli.webbrowser, "open", open_)
    return opened


def login(cli: Run, api: APIStub, tmp_path: Path, *extra: str) -> Any:
    return cli(
        "login",
        "--client-id",
        "my-app",
        "--port",
        "0",
        "--token-file",
        str(tmp_path / "token.json"),
        "--authorization-endpoint",
        "https://login.example/auth",
        "--token-endpoint",
        origin(api) + TOKEN_PATH,
        *extra,
        env={"SIPGATE_CLIENT_SECRET": CLIENT_SECRET},
    )


def test_login_stores_the_token_set_for_the_user_only(
    cli: Run, api: APIStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = TokenEndpoint(api)
    opened = fake_browser(monkeypatch, code="the-code")

    result = login(cli, api, tmp_path, "--scope", "account:read", "--scope", "history:read")

    assert result.exit_code == 0, result.stderr
    (url,) = opened
    query = parse_qs(urlsplit(url).query)
    assert query["scope"] == ["account:read history:read"]
    redirect = query["redirect_uri"][0]
    assert redirect.startswith("http://127.0.0.1:") and redirect.endswith("/callback")
    (grant,) = endpoint.grants
    assert (grant["code"], grant["redirect_uri"]) == ("the-code", redirect)
    saved = tmp_path / "token.json"
    assert json.loads(saved.read_text())["access_token"] == "access-1"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "Signed in" in result.stdout and str(saved) in result.stdout
    for secret in ("access-1", "refresh-1", "the-code", CLIENT_SECRET):
        assert secret not in result.stdout + result.stderr


def test_login_json_summary(
    cli: Run, api: APIStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    TokenEndpoint(api)
    fake_browser(monkeypatch, code="c")
    result = login(cli, api, tmp_path, "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["token_file"] == str(tmp_path / "token.json")
    assert summary["scope"] == "all" and summary["expires_at"]


def test_a_refused_sign_in_exits_with_the_authentication_code(
    cli: Run, api: APIStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = TokenEndpoint(api)
    fake_browser(monkeypatch, error="access_denied", error_description="the user said no")
    result = login(cli, api, tmp_path)
    assert result.exit_code == 4
    assert "access_denied: the user said no" in result.stderr
    assert endpoint.grants == [] and not (tmp_path / "token.json").exists()


def test_a_callback_with_a_foreign_state_is_refused(
    cli: Run, api: APIStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = TokenEndpoint(api)
    fake_browser(monkeypatch, code="c", state="forged")
    result = login(cli, api, tmp_path)
    assert result.exit_code == 3, result.stderr
    assert "state" in result.stderr
    assert endpoint.grants == []


def test_other_commands_use_and_renew_the_stored_sign_in(
    cli: Run, api: APIStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = TokenEndpoint(api)
    fake_browser(monkeypatch, code="c")
    assert login(cli, api, tmp_path).exit_code == 0
    stored = tmp_path / "token.json"
    data = json.loads(stored.read_text())
    assert CLIENT_SECRET not in stored.read_text()
    data["expires_at"] = (datetime.now(UTC) + timedelta(seconds=5)).isoformat()  # about to expire
    stored.write_text(json.dumps(data))
    api.reply("GET", "/v2/numbers", json={"items": [], "totalCount": 0})
    no_pat = {"SIPGATE_TOKEN_ID": None, "SIPGATE_TOKEN": None, "SIPGATE_TOKEN_FILE": str(stored)}

    result = cli("numbers", "--json", env={**no_pat, "SIPGATE_CLIENT_SECRET": CLIENT_SECRET})

    assert result.exit_code == 0, result.stderr
    assert [g["grant_type"] for g in endpoint.grants] == ["authorization_code", "refresh_token"]
    assert api.sent("GET", "/v2/numbers")[0].headers["authorization"] == "Bearer access-2"
    renewed = json.loads(stored.read_text())
    assert (renewed["access_token"], renewed["refresh_token"]) == ("access-2", "refresh-2")
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600

    without_secret = cli("numbers", env={**no_pat, "SIPGATE_CLIENT_SECRET": None})
    assert without_secret.exit_code == 3
    assert "SIPGATE_CLIENT_SECRET" in without_secret.stderr


def test_no_sign_in_within_the_timeout(cli: Run, api: APIStub, tmp_path: Path) -> None:
    result = login(cli, api, tmp_path, "--no-browser", "--timeout", "0.05")
    assert result.exit_code == 16
    assert "no sign-in arrived" in result.stderr
    assert "https://login.example/auth?" in result.stderr  # the URL to open by hand
