"""client.rtcm: list established calls and steer them."""

from __future__ import annotations

from typing import Any

import pytest

import sipgateio
from sipgateio import errors
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour

CALL = {
    "callId": "ABCDEF0123456789",
    "muted": False,
    "recording": True,
    "hold": False,
    "participants": [
        {
            "participantId": "P1",
            "phoneNumber": "+4915799912345",
            "muted": False,
            "hold": False,
            "owner": True,
        },
        {
            "participantId": "P2",
            "phoneNumber": 4921100000000,
            "muted": True,
            "hold": True,
            "owner": False,
        },
    ],
}
CALL_ID = "ABCDEF0123456789"
RTCM_CALL = sipgateio.RTCMCall(
    call_id=CALL_ID,
    muted=False,
    recording=True,
    hold=False,
    participants=(
        sipgateio.RTCMParticipant("P1", "+4915799912345", muted=False, hold=False, owner=True),
        sipgateio.RTCMParticipant("P2", "4921100000000", muted=True, hold=True, owner=False),
    ),
)


def test_get_established_calls(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/calls", json={"data": [CALL]})
    assert flavour.run(lambda c: c.rtcm.get_established_calls()) == [RTCM_CALL]
    (request,) = api.requests
    assert (request.method, request.path, request.query) == ("GET", "/v2/calls", {})


def test_no_established_calls(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/calls", json={"data": []})
    assert flavour.run(lambda c: c.rtcm.get_established_calls()) == []


# each function: the call, then (method, path suffix, JSON body)
CASES: list[tuple[str, Any, str, str, Any]] = [
    ("mute on", lambda r, call: r.mute(call, True), "PUT", "/muted", {"value": True}),
    ("mute off", lambda r, call: r.mute(call, False), "PUT", "/muted", {"value": False}),
    ("hold on", lambda r, call: r.hold(call, True), "PUT", "/hold", {"value": True}),
    ("hold off", lambda r, call: r.hold(call, False), "PUT", "/hold", {"value": False}),
    (
        "record",
        lambda r, call: r.record(call, value=True, announcement=False),
        "PUT",
        "/recording",
        {"value": True, "announcement": False},
    ),
    (
        "stop recording",
        lambda r, call: r.record(call, value=False, announcement=True),
        "PUT",
        "/recording",
        {"value": False, "announcement": True},
    ),
    (
        "announce",
        lambda r, call: r.announce(call, "https://static.example.com/wav/hello.wav"),
        "POST",
        "/announcements",
        {"url": "https://static.example.com/wav/hello.wav"},
    ),
    (
        "attended transfer",
        lambda r, call: r.transfer(call, attended=True, phone_number="+49 157 99912345"),
        "POST",
        "/transfer",
        {"attended": True, "phoneNumber": "+4915799912345"},
    ),
    (
        "blind transfer",
        lambda r, call: r.transfer(call, attended=False, phone_number="0049211000000"),
        "POST",
        "/transfer",
        {"attended": False, "phoneNumber": "+49211000000"},
    ),
    (
        "dtmf",
        lambda r, call: r.send_dtmf(call, "*12345#"),
        "POST",
        "/dtmf",
        {"sequence": "*12345#"},
    ),
    (
        "dtmf lower case",
        lambda r, call: r.send_dtmf(call, "0abcd9"),
        "POST",
        "/dtmf",
        {"sequence": "0ABCD9"},
    ),
    ("hang up", lambda r, call: r.hang_up(call), "DELETE", "", None),
]


@pytest.mark.parametrize(
    ("name", "fn", "method", "suffix", "body"), CASES, ids=[c[0] for c in CASES]
)
@pytest.mark.parametrize("target", [RTCM_CALL, CALL_ID], ids=["RTCMCall", "call id"])
def test_request(
    flavour: Flavour,
    api: APIStub,
    target: Any,
    name: str,
    fn: Any,
    method: str,
    suffix: str,
    body: Any,
) -> None:
    path = f"/v2/calls/{CALL_ID}{suffix}"
    api.reply(method, path, Answer(204))
    assert flavour.run(lambda c: fn(c.rtcm, target)) is None
    (request,) = api.requests
    assert (request.method, request.path, request.query, request.json) == (method, path, {}, body)
    if body is not None:
        assert request.headers["content-type"] == "application/json"


def test_call_id_is_quoted_in_the_path(flavour: Flavour, api: APIStub) -> None:
    api.reply("DELETE", "/v2/calls/a b", Answer(204))
    flavour.run(lambda c: c.rtcm.hang_up("a b"))
    assert api.requests[0].path == "/v2/calls/a b"  # sent as a%20b, decoded by the server


BAD: list[tuple[str, Any, str]] = [
    ("empty call id", lambda r: r.hang_up(""), "call"),
    ("blank call id", lambda r: r.mute("  ", True), "call"),
    ("no call", lambda r: r.hold(None, True), "call"),
    ("call as number", lambda r: r.send_dtmf(123, "1"), "call"),
    ("call as dict", lambda r: r.hang_up({"callId": "x"}), "call"),
    ("mute status", lambda r: r.mute(CALL_ID, 1), "status"),
    ("hold status", lambda r: r.hold(CALL_ID, "true"), "status"),
    ("record value", lambda r: r.record(CALL_ID, value=None, announcement=True), "value"),
    (
        "record announcement",
        lambda r: r.record(CALL_ID, value=True, announcement="no"),
        "announcement",
    ),
    ("announce ftp", lambda r: r.announce(CALL_ID, "ftp://example.com/a.wav"), "announcement"),
    ("announce no scheme", lambda r: r.announce(CALL_ID, "example.com/a.wav"), "announcement"),
    ("announce no host", lambda r: r.announce(CALL_ID, "https:///a.wav"), "announcement"),
    ("announce empty", lambda r: r.announce(CALL_ID, ""), "announcement"),
    (
        "announce spaces",
        lambda r: r.announce(CALL_ID, " https://example.com/a.wav"),
        "announcement",
    ),
    ("announce bytes", lambda r: r.announce(CALL_ID, b"https://example.com/a.wav"), "announcement"),
    (
        "transfer number",
        lambda r: r.transfer(CALL_ID, attended=True, phone_number="1"),
        "phone_number",
    ),
    (
        "transfer letters",
        lambda r: r.transfer(CALL_ID, attended=True, phone_number="reception"),
        "phone_number",
    ),
    (
        "transfer attended",
        lambda r: r.transfer(CALL_ID, attended=None, phone_number="+4915799912345"),
        "attended",
    ),
    ("dtmf empty", lambda r: r.send_dtmf(CALL_ID, ""), "sequence"),
    ("dtmf letter", lambda r: r.send_dtmf(CALL_ID, "12E"), "sequence"),
    ("dtmf space", lambda r: r.send_dtmf(CALL_ID, "1 2"), "sequence"),
    ("dtmf plus", lambda r: r.send_dtmf(CALL_ID, "+1"), "sequence"),
    ("dtmf none", lambda r: r.send_dtmf(CALL_ID, None), "sequence"),
    ("dtmf int", lambda r: r.send_dtmf(CALL_ID, 123), "sequence"),
]


@pytest.mark.parametrize(("name", "fn", "field"), BAD, ids=[b[0] for b in BAD])
def test_validation(flavour: Flavour, api: APIStub, name: str, fn: Any, field: str) -> None:
    with pytest.raises(sipgateio.ValidationError) as info:
        flavour.run(lambda c: fn(c.rtcm))
    assert info.value.field == field
    assert field in str(info.value)
    assert api.requests == []


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (500, errors.ServerError),
    ],
)
def test_api_errors_are_mapped(
    flavour: Flavour, api: APIStub, status: int, cls: type[errors.APIError]
) -> None:
    api.reply("PUT", f"/v2/calls/{CALL_ID}/muted", Answer(status, json={"message": "gone"}))
    with pytest.raises(cls) as info:
        flavour.run(lambda c: c.rtcm.mute(CALL_ID, True))
    assert info.value.status_code == status
    assert info.value.url == f"{api.url}/calls/{CALL_ID}/muted"


def test_list_error_is_mapped(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/calls", Answer(403, json={"message": "rtcm not booked"}))
    with pytest.raises(errors.PermissionDeniedError):
        flavour.run(lambda c: c.rtcm.get_established_calls())
