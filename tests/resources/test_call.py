"""client.call.initiate and the seed's table of valid combinations."""

from __future__ import annotations

from typing import Any

import pytest

import sipgateio
from sipgateio import errors
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour
from tests.resources.helpers import rejected

PATH = "/v2/sessions/calls"
TO = "+4921165432000"
NUMBER = "+4921123456000"
CALLER_ID = "+4917012345678"


@pytest.mark.parametrize(
    ("kwargs", "body"),
    [
        # the seed's table: to | from | callerId | deviceId
        ({"from_": "e14"}, {"caller": "e14"}),
        ({"from_": "p0", "caller_id": CALLER_ID}, {"caller": "p0", "callerId": CALLER_ID}),
        (
            {"from_": "x3", "caller_id": CALLER_ID, "device_id": "e14"},
            {"caller": "x3", "callerId": CALLER_ID, "deviceId": "e14"},
        ),
        ({"from_": NUMBER, "device_id": "e14"}, {"caller": NUMBER, "deviceId": "e14"}),
        ({"from_": "y0", "device_id": "y0"}, {"caller": "y0", "deviceId": "y0"}),
        (
            {"from_": "0049 211 23456000", "caller_id": "+49 170 12345678", "device_id": "p2"},
            {"caller": NUMBER, "callerId": CALLER_ID, "deviceId": "p2"},
        ),
    ],
    ids=["ext", "ext+callerid", "ext+callerid+device", "number+device", "ext+device", "all"],
)
def test_initiate_valid_combinations(
    flavour: Flavour, api: APIStub, kwargs: dict[str, Any], body: dict[str, str]
) -> None:
    api.reply("POST", PATH, json={"sessionId": "CALL-1"})
    result = flavour.run(lambda c: c.call.initiate(to="+49 211 65432000", **kwargs))
    assert result == sipgateio.InitiateNewCallSessionResponse(session_id="CALL-1")
    (request,) = api.requests
    assert (request.method, request.path, request.query) == ("POST", PATH, {})
    assert request.json == {"callee": TO, **body}


@pytest.mark.parametrize(
    ("kwargs", "field", "needle"),
    [
        ({"to": "e14"}, "to", "'e14'"),
        ({"to": "+999 65432000"}, "to", "unknown country code"),
        ({"from_": "w0"}, "from_", "e (VoIP phone), p (phoneline), x (external phone), y (mobile)"),
        ({"from_": "g1"}, "from_", "'g1'"),
        ({"from_": "e014"}, "from_", "'e014'"),
        ({"from_": "anonymous"}, "from_", "'anonymous'"),
        ({"from_": None}, "from_", "None"),
        ({"from_": NUMBER}, "device_id", NUMBER),  # number without device
        ({"from_": NUMBER, "caller_id": CALLER_ID}, "device_id", "required"),
        ({"caller_id": "e14"}, "caller_id", "'e14'"),
        ({"caller_id": ""}, "caller_id", "''"),
        ({"device_id": "s0"}, "device_id", "'s0'"),
        ({"device_id": NUMBER}, "device_id", NUMBER),
    ],
)
def test_initiate_validation(
    flavour: Flavour, api: APIStub, kwargs: dict[str, Any], field: str, needle: str
) -> None:
    args: dict[str, Any] = {"to": TO, "from_": "e14", **kwargs}
    assert needle in str(rejected(flavour, api, lambda c: c.call.initiate(**args), field))


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (402, errors.PaymentRequiredError),
        (403, errors.PermissionDeniedError),
    ],
)
def test_initiate_error_mapping(
    flavour: Flavour, api: APIStub, status: int, cls: type[errors.APIError]
) -> None:
    api.reply("POST", PATH, Answer(status, json={"message": "nope"}))
    with pytest.raises(cls):
        flavour.run(lambda c: c.call.initiate(to=TO, from_="e14"))
    assert len(api.requests) == 1  # a POST is never sent twice
