"""client.sms: send, schedule, get_sms_extensions, and the from_ flow."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

import sipgateio
from sipgateio import errors
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour
from tests.resources.helpers import rejected

TO = "+4915799912345"
SMS = "/v2/sessions/sms"
CALLER_IDS = "/v2/w0/sms/s0/callerids"


def sent(api: APIStub) -> list[tuple[str, str, Any]]:
    return [(r.method, r.path, r.json) for r in api.requests]


# -- send by sms_id ------------------------------------------------------------------------


def test_send_with_sms_id(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", SMS, Answer(204))
    result = flavour.run(
        lambda c: c.sms.send(to="0049 157 99912345", message="Hallo ü", sms_id="s0")
    )
    assert result is None
    (request,) = api.requests
    assert (request.method, request.path, request.query) == ("POST", SMS, {})
    assert request.json == {"smsId": "s0", "recipient": TO, "message": "Hallo ü"}
    assert request.headers["content-type"] == "application/json"


def test_send_at_goes_out_as_unix_seconds(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", SMS, Answer(204))
    when = datetime.now(timezone(timedelta(hours=2))) + timedelta(hours=3)
    flavour.run(lambda c: c.sms.send(to=TO, message="later", sms_id="s1", send_at=when))
    assert api.requests[0].json == {
        "smsId": "s1",
        "recipient": TO,
        "message": "later",
        "sendAt": int(when.timestamp()),
    }


def test_schedule(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", SMS, Answer(204))
    when = datetime.now(UTC) + timedelta(days=29, hours=23)
    assert (
        flavour.run(lambda c: c.sms.schedule(to=TO, message="x", send_at=when, sms_id="s0")) is None
    )
    assert api.requests[0].json["sendAt"] == int(when.timestamp())


def test_payment_required_is_mapped(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", SMS, Answer(402, json={"message": "no credit"}))
    with pytest.raises(errors.PaymentRequiredError) as info:
        flavour.run(lambda c: c.sms.send(to=TO, message="hi", sms_id="s0"))
    assert info.value.status_code == 402 and info.value.method == "POST"
    assert info.value.detail == {"message": "no credit"}


@pytest.mark.parametrize("status", [400, 401, 403, 500])
def test_api_errors_are_mapped(flavour: Flavour, api: APIStub, status: int) -> None:
    api.reply("POST", SMS, Answer(status, json={"message": "nope"}))
    with pytest.raises(errors.APIError) as info:
        flavour.run(lambda c: c.sms.send(to=TO, message="hi", sms_id="s0"))
    assert info.value.status_code == status
    assert len(api.requests) == 1


# -- validation ------------------------------------------------------------------------------

NOW = datetime.now(UTC)


@pytest.mark.parametrize(
    ("kwargs", "field", "needle"),
    [
        ({"to": "12345678901234567"}, "to", "too long"),
        ({"to": "+1"}, "to", "too short"),
        ({"to": None}, "to", "None"),
        ({"message": ""}, "message", "''"),
        ({"message": "   "}, "message", "message"),
        ({"message": 42}, "message", "42"),
        ({"sms_id": None}, "from_", "neither"),
        ({"from_": "+4921100000000"}, "sms_id", "both"),
        ({"sms_id": "e0"}, "sms_id", "'e0'"),
        ({"sms_id": "s01"}, "sms_id", "'s01'"),
        ({"sms_id": "S0"}, "sms_id", "'S0'"),
        ({"sms_id": None, "from_": "sipgate"}, "from_", "'sipgate'"),
        ({"send_at": datetime(2030, 1, 1, 12)}, "send_at", "naive"),
        ({"send_at": "2030-01-01T12:00:00Z"}, "send_at", "'2030-01-01T12:00:00Z'"),
        ({"send_at": 1893456000}, "send_at", "1893456000"),
        ({"send_at": NOW - timedelta(minutes=1)}, "send_at", "future"),
        ({"send_at": NOW + timedelta(days=31)}, "send_at", "30 days"),
    ],
)
def test_send_validation(
    flavour: Flavour, api: APIStub, kwargs: dict[str, Any], field: str, needle: str
) -> None:
    args: dict[str, Any] = {"to": TO, "message": "hi", "sms_id": "s0", **kwargs}
    assert needle in str(rejected(flavour, api, lambda c: c.sms.send(**args), field))


def test_schedule_requires_send_at(flavour: Flavour, api: APIStub) -> None:
    fn = lambda c: c.sms.schedule(to=TO, message="x", send_at=None, sms_id="s0")  # noqa: E731
    rejected(flavour, api, fn, "send_at")


# -- get_sms_extensions ----------------------------------------------------------------------


def test_get_sms_extensions(flavour: Flavour, api: APIStub) -> None:
    api.reply(
        "GET",
        "/v2/w3/sms",
        json={
            "items": [
                {"id": "s0", "alias": "SMS Ada", "callerId": "+4921100000000"},
                {"id": "s1", "alias": "Second"},
            ]
        },
    )
    result = flavour.run(lambda c: c.sms.get_sms_extensions("w3"))
    assert result == [
        sipgateio.SmsExtension(id="s0", alias="SMS Ada", caller_id="+4921100000000"),
        sipgateio.SmsExtension(id="s1", alias="Second", caller_id=None),
    ]
    assert sent(api) == [("GET", "/v2/w3/sms", None)]


@pytest.mark.parametrize("webuser_id", ["", "s0", "w01", None])
def test_get_sms_extensions_validation(flavour: Flavour, api: APIStub, webuser_id: Any) -> None:
    rejected(flavour, api, lambda c: c.sms.get_sms_extensions(webuser_id), "webuser_id")


def test_get_sms_extensions_not_found(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/w9/sms", Answer(404, json={"message": "no such user"}))
    with pytest.raises(errors.NotFoundError):
        flavour.run(lambda c: c.sms.get_sms_extensions("w9"))


# -- send from_ a verified number ---------------------------------------------------------------


def script_sender(
    api: APIStub,
    caller_ids: list[dict[str, Any]],
    *,
    send: Answer | None = None,
    restore: Answer | None = None,
) -> None:
    api.reply("GET", "/v2/authorization/userinfo", json={"sub": "w0"})
    api.reply(
        "GET",
        "/v2/w0/sms",
        json={"items": [{"id": "s0", "alias": "SMS"}, {"id": "s1", "alias": "B"}]},
    )
    api.reply("GET", CALLER_IDS, json={"items": caller_ids})
    api.reply("PUT", f"{CALLER_IDS}/7", Answer(204))
    api.reply("PUT", f"{CALLER_IDS}/3", restore or Answer(204))
    api.reply("POST", SMS, send or Answer(204))


def caller_id(
    id: int, number: str, *, verified: bool = True, default: bool = False
) -> dict[str, Any]:
    return {"id": id, "phonenumber": number, "verified": verified, "defaultNumber": default}


OLD = caller_id(3, "+4921100000000", default=True)
NEW = caller_id(7, "+4915700000001")
LOOKUPS = [
    ("GET", "/v2/authorization/userinfo", None),
    ("GET", "/v2/w0/sms", None),
    ("GET", CALLER_IDS, None),
]
SET_NEW = ("PUT", f"{CALLER_IDS}/7", {"defaultNumber": True})
RESTORE = ("PUT", f"{CALLER_IDS}/3", {"defaultNumber": True})
BODY = {"smsId": "s0", "recipient": TO, "message": "hi"}


def test_from_sets_default_sends_and_restores(flavour: Flavour, api: APIStub) -> None:
    script_sender(api, [OLD, NEW])
    assert flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+49 157 00000001")) is None
    assert sent(api) == [*LOOKUPS, SET_NEW, ("POST", SMS, BODY), RESTORE]


def test_from_with_schedule(flavour: Flavour, api: APIStub) -> None:
    script_sender(api, [OLD, NEW])
    when = datetime.now(UTC) + timedelta(days=1)
    flavour.run(lambda c: c.sms.schedule(to=TO, message="hi", send_at=when, from_="+4915700000001"))
    assert sent(api) == [
        *LOOKUPS,
        SET_NEW,
        ("POST", SMS, {**BODY, "sendAt": int(when.timestamp())}),
        RESTORE,
    ]


@pytest.mark.parametrize(
    "listed", ["4915700000001", "+49 157 00000001", "0157 00000001", "+49 (0) 157 00000001"]
)
def test_from_matches_api_numbers_in_other_forms(
    flavour: Flavour, api: APIStub, listed: str
) -> None:
    # The caller id list may hold E.164 without "+", spaced or national forms; the
    # sender number is found in each (one comparison: _validation.same_number).
    script_sender(api, [OLD, caller_id(7, listed)])
    flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"))
    assert SET_NEW in sent(api)


def test_from_does_not_match_another_country(flavour: Flavour, api: APIStub) -> None:
    script_sender(api, [OLD, caller_id(7, "+4315700000001")])
    with pytest.raises(sipgateio.ValidationError, match="not a sender number"):
        flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"))
    assert ("POST", SMS, BODY) not in sent(api)


def test_from_that_is_already_default_changes_nothing(flavour: Flavour, api: APIStub) -> None:
    script_sender(
        api, [caller_id(3, "+4921100000000"), caller_id(7, "+4915700000001", default=True)]
    )
    flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"))
    assert sent(api) == [*LOOKUPS, ("POST", SMS, BODY)]


def test_from_without_previous_default_sets_and_keeps(flavour: Flavour, api: APIStub) -> None:
    script_sender(api, [caller_id(3, "+4921100000000"), NEW])
    flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"))
    assert sent(api) == [*LOOKUPS, SET_NEW, ("POST", SMS, BODY)]


def test_from_restores_default_after_failed_send(flavour: Flavour, api: APIStub) -> None:
    script_sender(api, [OLD, NEW], send=Answer(402, json={"message": "no credit"}))
    with pytest.raises(errors.PaymentRequiredError) as info:
        flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"))
    assert sent(api) == [*LOOKUPS, SET_NEW, ("POST", SMS, BODY), RESTORE]
    assert not getattr(info.value, "__notes__", None)


def test_from_restores_default_after_transport_failure(flavour: Flavour, api: APIStub) -> None:
    script_sender(api, [OLD, NEW], send=Answer(204, delay=0.5))
    with pytest.raises(errors.TransportError):
        flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"), timeout=0.2)
    assert sent(api)[-1] == RESTORE


def test_failed_send_and_failed_restore_keep_the_send_error(flavour: Flavour, api: APIStub) -> None:
    script_sender(api, [OLD, NEW], send=Answer(402), restore=Answer(500, json={"message": "down"}))
    with pytest.raises(errors.PaymentRequiredError) as info:
        flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"))
    (note,) = info.value.__notes__
    assert "restoring +4921100000000 as default sender of s0 also failed" in note
    assert sent(api)[-1] == RESTORE


def test_sent_but_failed_restore_warns_instead_of_raising(
    flavour: Flavour, api: APIStub, caplog: pytest.LogCaptureFixture
) -> None:
    script_sender(api, [OLD, NEW], restore=Answer(500, json={"message": "down"}))
    with caplog.at_level(logging.WARNING, logger="sipgateio"):
        assert (
            flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001")) is None
        )
    assert sent(api) == [*LOOKUPS, SET_NEW, ("POST", SMS, BODY), RESTORE]
    assert "SMS sent from +4915700000001, but restoring +4921100000000" in caplog.text


@pytest.mark.parametrize(
    ("caller_ids", "needle"),
    [
        ([OLD], "is not a sender number of SMS extension s0 (its sender numbers: +4921100000000)"),
        ([], "its sender numbers: none"),
        ([OLD, caller_id(7, "+4915700000001", verified=False)], "not verified"),
    ],
)
def test_unknown_or_unverified_from_sends_nothing(
    flavour: Flavour, api: APIStub, caller_ids: list[dict[str, Any]], needle: str
) -> None:
    script_sender(api, caller_ids)
    with pytest.raises(sipgateio.ValidationError) as info:
        flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"))
    assert info.value.field == "from_"
    assert "'+4915700000001'" in str(info.value) and needle in str(info.value)
    assert sent(api) == LOOKUPS  # looked up, nothing changed, nothing sent


def test_from_without_sms_extension(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/authorization/userinfo", json={"sub": "w0"})
    api.reply("GET", "/v2/w0/sms", json={"items": []})
    with pytest.raises(sipgateio.ValidationError, match="w0 has no SMS extension") as info:
        flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"))
    assert info.value.field == "from_"
    assert [r.method for r in api.requests] == ["GET", "GET"]


def test_failed_set_default_sends_nothing_and_restores_nothing(
    flavour: Flavour, api: APIStub
) -> None:
    script_sender(api, [OLD, NEW])
    api.reply("PUT", f"{CALLER_IDS}/7", Answer(403, json={"message": "forbidden"}))
    with pytest.raises(errors.PermissionDeniedError):
        flavour.run(lambda c: c.sms.send(to=TO, message="hi", from_="+4915700000001"))
    assert sent(api) == [*LOOKUPS, SET_NEW]
