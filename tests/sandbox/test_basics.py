"""The sandbox's first endpoints through the real facade, sync and async, answers checked."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

import sipgateio
from sipgateio.sandbox import Sandbox
from tests.conftest import Flavour


def test_identity_and_users(sbflavour: Flavour) -> None:
    assert sbflavour.run(lambda c: c.get_authenticated_webuser_id()) == "w0"
    users = sbflavour.run(lambda c: c.get_web_users())
    assert [(u.id, u.firstname) for u in users] == [("w0", "Ada"), ("w1", "Grace")]


def test_numbers_devices_voicemails(sbflavour: Flavour) -> None:
    numbers = sbflavour.run(lambda c: c.numbers.get_all_numbers())
    assert "+4915799912345" in [n.number for n in numbers]
    devices = sbflavour.run(lambda c: c.devices.get_devices("w0"))
    assert [d.id for d in devices] == ["e0", "y0", "x0"]
    boxes = sbflavour.run(lambda c: c.voicemails.get_voicemails())
    assert [b.id for b in boxes] == ["v0", "v1"]


def test_account_and_balance(sandbox: Sandbox) -> None:
    auth = (sandbox.token_id, sandbox.token)
    account = httpx.get(sandbox.base_url + "/account", auth=auth).json()
    assert account["company"] == "Rheinblick Bakery GmbH"
    assert httpx.get(sandbox.base_url + "/balance", auth=auth).json() == {
        "amount": 1_000_000,
        "currency": "EUR",
    }


def test_sms_becomes_a_history_entry(sbflavour: Flavour, sandbox: Sandbox) -> None:
    sbflavour.run(lambda c: c.sms.send(to="+4915112345678", message="Bread is ready", sms_id="s0"))
    entries = sbflavour.run(
        lambda c: c.history.fetch_all(
            sipgateio.HistoryFilter(types=[sipgateio.HistoryEntryType.SMS])
        )
    )
    newest = entries[0]
    assert (newest.sms_content, newest.target, newest.source) == (
        "Bread is ready",
        "+4915112345678",
        "+492111234567",
    )
    assert newest.created == sandbox.clock.now().replace(microsecond=0)


def test_sms_from_a_verified_sender_restores_the_default(sbflavour: Flavour) -> None:
    sbflavour.run(lambda c: c.sms.send(to="+4915112345678", message="hi", from_="+4915799912345"))
    entry = sbflavour.run(lambda c: c.history.fetch_all())[0]
    assert entry.source == "+4915799912345"
    extensions = sbflavour.run(lambda c: c.sms.get_sms_extensions("w0"))
    assert extensions[0].caller_id == "+492111234567"


@pytest.mark.parametrize("kind", ["wrong token", "no header", "bad scheme"])
def test_wrong_credentials_get_401(sandbox: Sandbox, kind: str) -> None:
    headers = {
        "wrong token": {
            "Authorization": "Basic "
            + base64.b64encode(
                f"{sandbox.token_id}:00000000-0000-0000-0000-000000000000".encode()
            ).decode()
        },
        "no header": {},
        "bad scheme": {"Authorization": "Digest abc"},
    }[kind]
    answer = httpx.get(sandbox.base_url + "/users", headers=headers)
    assert answer.status_code == 401
    assert answer.json() == {
        "status": 401,
        "error": "Unauthorized",
        "message": "missing or invalid credentials",
    }


def test_wrong_credentials_raise_authentication_error(sbflavour: Flavour) -> None:
    with pytest.raises(sipgateio.AuthenticationError):
        sbflavour.run(lambda c: c.get_web_users(), token="11111111-2222-3333-4444-555555555555")


def test_oauth_and_legacy_credentials(sandbox: Sandbox) -> None:
    with sipgateio.SipgateIO(base_url=sandbox.base_url, token=sandbox.oauth_token) as c:
        assert c.get_authenticated_webuser_id() == "w0"
    with sipgateio.SipgateIO(
        base_url=sandbox.base_url, username=sandbox.username, password=sandbox.password
    ) as c:
        assert c.get_authenticated_webuser_id() == "w0"


def test_non_admin_gets_403(sandbox: Sandbox) -> None:
    token_id, token = sandbox.issue_token("w1")
    with sipgateio.SipgateIO(
        base_url=sandbox.base_url, token_id=token_id, token=token, max_retries=0
    ) as c:
        assert c.get_authenticated_webuser_id() == "w1"
        with pytest.raises(sipgateio.PermissionDeniedError):
            c.get_web_users()
        with pytest.raises(sipgateio.PermissionDeniedError):
            c.sms.get_sms_extensions("w0")
        assert [s.id for s in c.sms.get_sms_extensions("w1")] == ["s1"]


def test_bad_request_gets_the_api_error_shape(sandbox: Sandbox) -> None:
    auth = (sandbox.token_id, sandbox.token)
    answer = httpx.post(
        sandbox.base_url + "/sessions/sms",
        auth=auth,
        json={"smsId": "s0", "recipient": 4915112345678},
    )
    assert answer.status_code == 400
    body = answer.json()
    assert body["status"] == 400 and body["error"] == "Bad Request"
    assert "'message' is a required property" in body["message"]
    assert "4915112345678 is not of type 'string'" in body["message"]


def test_unknown_path_is_404(sandbox: Sandbox) -> None:
    answer = httpx.get(
        sandbox.base_url + "/nothing/here/at/all", auth=(sandbox.token_id, sandbox.token)
    )
    assert answer.status_code == 404 and answer.json()["status"] == 404


def test_file_database_keeps_state_and_credentials(tmp_path: Any) -> None:
    path = str(tmp_path / "sandbox.db")
    with Sandbox(db=path) as sb:
        first = (sb.token_id, sb.token, sb.public_key_pem)
        with sipgateio.SipgateIO(base_url=sb.base_url, token_id=sb.token_id, token=sb.token) as c:
            c.sms.send(to="+4915112345678", message="kept", sms_id="s0")
    with Sandbox(db=path) as sb:
        assert (sb.token_id, sb.token, sb.public_key_pem) == first
        with sipgateio.SipgateIO(base_url=sb.base_url, token_id=sb.token_id, token=sb.token) as c:
            assert c.history.fetch_all()[0].sms_content == "kept"


def test_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from sipgateio.sandbox import spec

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "yaml" else real(name, *a)
    )
    with pytest.raises(sipgateio.SipgateIOError, match=r"sipgateio\[sandbox\].*missing: yaml"):
        spec._require_extra()


def test_serve_forever_stops_from_another_thread_and_cannot_restart() -> None:
    import threading

    sb = Sandbox()
    started = threading.Event()
    original = sb.start

    def start() -> Sandbox:
        original()
        started.set()
        return sb

    sb.start = start  # type: ignore[method-assign]
    runner = threading.Thread(target=sb.serve_forever)
    runner.start()
    assert started.wait(30)
    assert httpx.get(sb.base_url + "/balance", auth=(sb.token_id, sb.token)).status_code == 200
    sb.stop()
    runner.join(30)
    assert not runner.is_alive()
    with pytest.raises(httpx.ConnectError):
        httpx.get(sb.base_url + "/balance")
    with pytest.raises(sipgateio.SipgateIOError, match="cannot start again"):
        sb.start()


def test_background_server_answers_503_until_it_has_an_app() -> None:
    from sipgateio.sandbox.serving import BackgroundServer

    with BackgroundServer() as server:
        assert httpx.get(server.url + "/").status_code == 503

        def hello(environ: Any, start_response: Any) -> list[bytes]:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [b"hello"]

        server.app = hello
        assert httpx.get(server.url + "/x").text == "hello"
    assert not server.running


@pytest.mark.parametrize(
    ("recipient", "stored"),
    [
        ("+4915112345678", "+4915112345678"),
        ("015112345678", "+4915112345678"),  # national: German
        ("0041 44 668 18 00", "+41446681800"),  # 00: the international prefix
        ("4915112345678", "+4915112345678"),
    ],
)
def test_sms_recipient_as_the_api_takes_it(sandbox: Sandbox, recipient: str, stored: str) -> None:
    auth = (sandbox.token_id, sandbox.token)
    answer = httpx.post(sandbox.base_url + "/sessions/sms", auth=auth,
                        json={"smsId": "s0", "recipient": recipient, "message": "hi"})  # fmt: skip
    assert answer.status_code == 204
    newest = httpx.get(sandbox.base_url + "/history", auth=auth).json()["items"][0]
    assert newest["target"] == stored


def test_contacts_number_filter_ignores_formatting(sandbox: Sandbox) -> None:
    auth = (sandbox.token_id, sandbox.token)
    answer = httpx.get(sandbox.base_url + "/contacts", auth=auth,
                       params={"phonenumbers": "+49 221 6677889"})  # fmt: skip
    assert [c["name"] for c in answer.json()["items"]] == ["Mary Somerville"]


def test_many_simultaneous_connections(sandbox: Sandbox) -> None:
    import asyncio

    async def burst() -> list[int]:
        async with httpx.AsyncClient(
            auth=(sandbox.token_id, sandbox.token), limits=httpx.Limits(max_connections=64)
        ) as client:
            answers = await asyncio.gather(
                *(client.get(sandbox.base_url + "/balance") for _ in range(128))
            )
        return [a.status_code for a in answers]

    assert asyncio.run(burst()) == [200] * 128


def test_issued_oauth_token_is_a_jwt_the_client_takes(sandbox: Sandbox) -> None:
    token = sandbox.issue_oauth_token("w1", ["all"])
    with sipgateio.SipgateIO(base_url=sandbox.base_url, token=token) as c:
        assert c.get_authenticated_webuser_id() == "w1"
    with pytest.raises(sipgateio.ValidationError):
        sandbox.issue_oauth_token("w9")
