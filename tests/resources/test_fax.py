"""client.fax: send, get_fax_status, wait_for_fax, get_faxlines, get_faxlines_by_web_user."""

from __future__ import annotations

import asyncio
import base64
import pickle
import re
import time
from typing import Any

import pytest

import sipgateio
from sipgateio import errors
from sipgateio.resources import fax as fax_module
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour
from tests.resources.helpers import rejected

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TO = "+4921100000000"
FAXLINES = {
    "items": [
        {
            "id": "f0",
            "alias": "Receive only",
            "tagline": None,
            "canSend": False,
            "canReceive": True,
        },
        {
            "id": "f1",
            "alias": "Office fax",
            "tagline": "ACME GmbH",
            "canSend": True,
            "canReceive": True,
        },
        {"id": "f2", "alias": "Another", "canSend": True, "canReceive": False},
    ]
}


def entry(type_: str = "FAX", status: str | None = "SENT", id: str = "123456") -> dict[str, Any]:
    e: dict[str, Any] = {
        "id": id,
        "source": "+4921100000001",
        "target": TO,
        "sourceAlias": "",
        "targetAlias": "",
        "type": type_,
        "created": "2026-11-23T10:00:00Z",
        "lastModified": "2026-11-23T10:01:00Z",
        "direction": "OUTGOING",
        "incoming": False,
        "status": "PICKUP",
        "connectionIds": ["f1"],
        "read": True,
        "archived": False,
        "note": "",
        "endpoints": [],
        "starred": False,
        "labels": [],
    }
    if type_ == "FAX":
        e.update(faxStatusType=status, pageCount=1, documentUrl="https://x/doc.pdf")
    return e


# -- send ------------------------------------------------------------------------------------


def test_send_with_faxline(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", "/v2/sessions/fax", json={"sessionId": "ABC123"})
    result = flavour.run(
        lambda c: c.fax.send(
            to="0049 211 00000000", file_content=PDF, filename="invoice", faxline_id="f1"
        )
    )
    assert result == sipgateio.SendFaxSessionResponse(session_id="ABC123")
    (request,) = api.requests
    assert (request.method, request.path, request.query) == ("POST", "/v2/sessions/fax", {})
    assert request.json == {
        "faxlineId": "f1",
        "recipient": TO,
        "filename": "invoice.pdf",
        "base64Content": base64.b64encode(PDF).decode(),
    }


def test_send_defaults_to_first_faxline_that_can_send(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/authorization/userinfo", json={"sub": "w2"})
    api.reply("GET", "/v2/w2/faxlines", json=FAXLINES)
    api.reply("POST", "/v2/sessions/fax", json={"sessionId": "S1"})
    result = flavour.run(lambda c: c.fax.send(to=TO, file_content=bytearray(PDF)))
    assert result.session_id == "S1"
    assert [(r.method, r.path) for r in api.requests] == [
        ("GET", "/v2/authorization/userinfo"),
        ("GET", "/v2/w2/faxlines"),
        ("POST", "/v2/sessions/fax"),
    ]
    body = api.requests[-1].json
    assert body["faxlineId"] == "f1"
    assert re.fullmatch(r"Fax_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.pdf", body["filename"])
    assert base64.b64decode(body["base64Content"]) == PDF


def test_send_keeps_pdf_suffix_in_any_case(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", "/v2/sessions/fax", json={"sessionId": "S1"})
    flavour.run(lambda c: c.fax.send(to=TO, file_content=PDF, filename="Scan.PDF", faxline_id="f0"))
    assert api.requests[0].json["filename"] == "Scan.PDF"


def test_send_without_sending_faxline(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/authorization/userinfo", json={"sub": "w0"})
    api.reply("GET", "/v2/w0/faxlines", json={"items": [FAXLINES["items"][0]]})
    with pytest.raises(sipgateio.ValidationError, match="w0 has no fax line that can send") as info:
        flavour.run(lambda c: c.fax.send(to=TO, file_content=PDF))
    assert info.value.field == "faxline_id"
    assert api.sent("POST") == []


@pytest.mark.parametrize(
    ("kwargs", "field", "needle"),
    [
        ({"to": "0211 FAX"}, "to", "'0211 FAX'"),
        ({"to": ""}, "to", "''"),
        ({"file_content": "%PDF-1.4 %%EOF"}, "file_content", "got str"),
        ({"file_content": b""}, "file_content", "got 0 bytes"),
        ({"file_content": b"GIF89a..."}, "file_content", "b'GIF89a..'"),
        ({"file_content": b"%PDF-1.4 truncated"}, "file_content", "%%EOF"),
        ({"filename": ""}, "filename", "''"),
        ({"filename": "../../etc/passwd"}, "filename", "without directories"),
        ({"filename": 7}, "filename", "7"),
        ({"faxline_id": "s0"}, "faxline_id", "'s0'"),
        ({"faxline_id": "f"}, "faxline_id", "'f'"),
    ],
)
def test_send_validation(
    flavour: Flavour, api: APIStub, kwargs: dict[str, Any], field: str, needle: str
) -> None:
    args: dict[str, Any] = {"to": TO, "file_content": PDF, "faxline_id": "f1", **kwargs}
    assert needle in str(rejected(flavour, api, lambda c: c.fax.send(**args), field))


def test_send_error_mapping(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", "/v2/sessions/fax", Answer(402, json={"message": "no credit"}))
    with pytest.raises(errors.PaymentRequiredError):
        flavour.run(lambda c: c.fax.send(to=TO, file_content=PDF, faxline_id="f1"))
    assert len(api.requests) == 1


# -- status -----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", list(sipgateio.FaxStatus))
def test_get_fax_status(flavour: Flavour, api: APIStub, status: sipgateio.FaxStatus) -> None:
    api.reply("GET", "/v2/history/123456", json=entry(status=status.value))
    result = flavour.run(lambda c: c.fax.get_fax_status("123456"))
    assert result is status
    assert [(r.method, r.path, r.query) for r in api.requests] == [
        ("GET", "/v2/history/123456", {})
    ]


def test_fax_status_enum() -> None:
    assert [s.value for s in sipgateio.FaxStatus] == [
        "SENT",
        "PENDING",
        "FAILED",
        "SENDING",
        "SCHEDULED",
    ]
    assert sipgateio.FaxStatus.SENT.is_final and sipgateio.FaxStatus.FAILED.is_final
    assert not sipgateio.FaxStatus.SCHEDULED.is_final


def test_status_of_an_entry_that_is_not_a_fax(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/history/77", json=entry(type_="CALL", id="77"))
    with pytest.raises(
        sipgateio.ValidationError, match="'77' is a CALL history entry, not a fax"
    ) as info:
        flavour.run(lambda c: c.fax.get_fax_status("77"))
    assert info.value.field == "session_id"


def test_status_of_a_fax_without_status(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/history/5", json=entry(status=None, id="5"))
    with pytest.raises(sipgateio.UnexpectedResponseError, match=r"lacks 'faxStatusType'"):
        flavour.run(lambda c: c.fax.get_fax_status("5"))


def test_status_not_found(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/history/9", Answer(404, json={"message": "not found"}))
    with pytest.raises(errors.NotFoundError):
        flavour.run(lambda c: c.fax.get_fax_status("9"))


@pytest.mark.parametrize("session_id", ["", "  ", None, 12])
def test_status_validation(flavour: Flavour, api: APIStub, session_id: Any) -> None:
    rejected(flavour, api, lambda c: c.fax.get_fax_status(session_id), "session_id")


# -- wait_for_fax --------------------------------------------------------------------------------


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A fake clock: pauses are recorded and advance it instead of sleeping."""
    now = [1000.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    async def async_sleep(seconds: float) -> None:
        sleep(seconds)

    monkeypatch.setattr(fax_module, "_monotonic", lambda: now[0])
    monkeypatch.setattr("sipgateio._ops._sleep", sleep)
    monkeypatch.setattr("sipgateio._ops._async_sleep", async_sleep)
    return waits


def test_wait_polls_with_backoff_until_final(
    flavour: Flavour, api: APIStub, clock: list[float]
) -> None:
    api.reply(
        "GET",
        "/v2/history/S1",
        Answer(404, json={"message": "not yet"}),
        Answer(json=entry(status="PENDING", id="S1")),
        Answer(json=entry(status="SCHEDULED", id="S1")),
        Answer(json=entry(status="SENDING", id="S1")),
        Answer(json=entry(status="SENDING", id="S1")),
        Answer(json=entry(status="SENDING", id="S1")),
        Answer(json=entry(status="SENDING", id="S1")),
        Answer(json=entry(status="SENT", id="S1")),
    )
    result = flavour.run(lambda c: c.fax.wait_for_fax("S1", timeout=600, poll_interval=10))
    assert result is sipgateio.FaxStatus.SENT
    assert len(api.requests) == 8
    assert {r.path for r in api.requests} == {"/v2/history/S1"}
    assert clock == [10, 15, 22.5, 30, 30, 30, 30]  # grows by half, capped at 30 s


def test_wait_returns_failed(flavour: Flavour, api: APIStub, clock: list[float]) -> None:
    api.reply("GET", "/v2/history/S1", json=entry(status="FAILED", id="S1"))
    assert flavour.run(lambda c: c.fax.wait_for_fax("S1")) is sipgateio.FaxStatus.FAILED
    assert clock == []


def test_wait_times_out(flavour: Flavour, api: APIStub, clock: list[float]) -> None:
    api.reply("GET", "/v2/history/S1", json=entry(status="SENDING", id="S1"))
    with pytest.raises(sipgateio.FaxTimeoutError) as info:
        flavour.run(lambda c: c.fax.wait_for_fax("S1", timeout=12, poll_interval=5))
    err = info.value
    assert isinstance(err, TimeoutError) and isinstance(err, sipgateio.SipgateIOError)
    assert err.session_id == "S1" and err.last_status is sipgateio.FaxStatus.SENDING
    assert str(err) == "fax S1 not finished after 12 s (last status: SENDING)"
    assert clock == [5, 7]  # the last pause is cut to what is left, then one final poll
    assert len(api.requests) == 3
    assert pickle.loads(pickle.dumps(err)).last_status is sipgateio.FaxStatus.SENDING


def test_wait_times_out_without_entry(flavour: Flavour, api: APIStub, clock: list[float]) -> None:
    api.reply("GET", "/v2/history/S1", Answer(404))
    with pytest.raises(sipgateio.FaxTimeoutError, match="no history entry yet"):
        flavour.run(lambda c: c.fax.wait_for_fax("S1", timeout=1, poll_interval=1))


def test_wait_raises_other_errors(flavour: Flavour, api: APIStub, clock: list[float]) -> None:
    api.reply("GET", "/v2/history/S1", Answer(403, json={"message": "scope"}))
    with pytest.raises(errors.PermissionDeniedError):
        flavour.run(lambda c: c.fax.wait_for_fax("S1"))


def test_wait_rejects_a_non_fax_entry(flavour: Flavour, api: APIStub, clock: list[float]) -> None:
    api.reply("GET", "/v2/history/S1", json=entry(type_="SMS", id="S1"))
    with pytest.raises(sipgateio.ValidationError, match="SMS history entry"):
        flavour.run(lambda c: c.fax.wait_for_fax("S1"))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"session_id": ""}, "session_id"),
        ({"timeout": 0}, "timeout"),
        ({"timeout": -1}, "timeout"),
        ({"timeout": "60"}, "timeout"),
        ({"poll_interval": 0}, "poll_interval"),
        ({"poll_interval": True}, "poll_interval"),
        ({"poll_interval": float("nan")}, "poll_interval"),
    ],
)
def test_wait_validation(
    flavour: Flavour, api: APIStub, kwargs: dict[str, Any], field: str
) -> None:
    args: dict[str, Any] = {"session_id": "S1", **kwargs}
    rejected(flavour, api, lambda c: c.fax.wait_for_fax(**args), field)


def test_wait_really_sleeps_and_async_waits_do_not_block(
    api: APIStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import TOKEN, TOKEN_ID

    # The real asyncio.sleep, counting how many pauses are in progress at once.
    sleeping, most = [0], [0]

    async def counted_sleep(seconds: float) -> None:
        sleeping[0] += 1
        most[0] = max(most[0], sleeping[0])
        try:
            await asyncio.sleep(seconds)
        finally:
            sleeping[0] -= 1

    monkeypatch.setattr("sipgateio._ops._async_sleep", counted_sleep)

    api.reply(
        "GET",
        "/v2/history/S1",
        Answer(json=entry(status="PENDING", id="S1")),
        Answer(json=entry(status="SENT", id="S1")),
    )
    api.reply(
        "GET",
        "/v2/history/S2",
        Answer(json=entry(status="PENDING", id="S2")),
        Answer(json=entry(id="S2")),
    )

    async def go() -> list[Any]:
        async with sipgateio.AsyncSipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as c:
            return list(
                await asyncio.gather(
                    c.fax.wait_for_fax("S1", poll_interval=0.3),
                    c.fax.wait_for_fax("S2", poll_interval=0.3),
                )
            )

    started = time.monotonic()
    assert asyncio.run(go()) == [sipgateio.FaxStatus.SENT, sipgateio.FaxStatus.SENT]
    assert time.monotonic() - started >= 0.3  # the pause is really slept
    # Neither wait blocks the other: both pauses are in progress at once (no upper time
    # bound: the box is shared and noisy).
    assert most[0] == 2
    assert len(api.requests) == 4


# -- faxlines -------------------------------------------------------------------------------------

LINES = [
    sipgateio.Faxline(
        id="f0", alias="Receive only", tagline=None, can_send=False, can_receive=True
    ),
    sipgateio.Faxline(
        id="f1", alias="Office fax", tagline="ACME GmbH", can_send=True, can_receive=True
    ),
    sipgateio.Faxline(id="f2", alias="Another", tagline=None, can_send=True, can_receive=False),
]


def test_get_faxlines(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/authorization/userinfo", json={"sub": "w4"})
    api.reply("GET", "/v2/w4/faxlines", json=FAXLINES)
    assert flavour.run(lambda c: c.fax.get_faxlines()) == LINES
    assert [(r.method, r.path) for r in api.requests] == [
        ("GET", "/v2/authorization/userinfo"),
        ("GET", "/v2/w4/faxlines"),
    ]


def test_get_faxlines_by_web_user(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/w1/faxlines", json=FAXLINES)
    assert flavour.run(lambda c: c.fax.get_faxlines_by_web_user("w1")) == LINES
    assert [(r.method, r.path, r.query) for r in api.requests] == [("GET", "/v2/w1/faxlines", {})]


@pytest.mark.parametrize("webuser_id", ["", "f0", "W1", None])
def test_get_faxlines_by_web_user_validation(
    flavour: Flavour, api: APIStub, webuser_id: Any
) -> None:
    rejected(flavour, api, lambda c: c.fax.get_faxlines_by_web_user(webuser_id), "webuser_id")


def test_get_faxlines_error_mapping(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/w1/faxlines", Answer(401, json={"message": "bad token"}))
    with pytest.raises(errors.AuthenticationError):
        flavour.run(lambda c: c.fax.get_faxlines_by_web_user("w1"))
