"""A stand-in for api.sipgate.com that answers what the README's examples ask, plausibly.

Served by :class:`tests.apistub.APIStub`; the README test points the examples at it with
``SIPGATE_BASE_URL``. The data reuses the resource tests' fixtures, so it keeps the API's
shapes. A request it has no answer for gets the stub's 404 (``not scripted``), which fails
the example that sent it: add the answer here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tests.apistub import Answer, APIStub, Recorded
from tests.contacts.test_models import API_CONTACT
from tests.resources.test_devices import DEVICES
from tests.resources.test_fax import FAXLINES
from tests.resources.test_fax import entry as fax_entry
from tests.resources.test_history import entry_json
from tests.resources.test_numbers import NUMBERS
from tests.resources.test_rtcm import CALL as RTCM_CALL
from tests.resources.test_sms import caller_id
from tests.resources.test_webhook_settings import CURRENT as WEBHOOK_SETTINGS
from tests.spec_shapes import schema_sample
from tests.test_client import USER

VOICEMAILS = {
    "items": [
        {
            "id": "v0",
            "alias": "Voicemail Ada",
            "belongsToEndpoint": {"extension": "w0", "type": "USER"},
        }
    ]
}
HISTORY = [
    entry_json("123456789", kind="CALL", duration=720, callId="C1", callStatus="MISSED",
               direction="MISSED_INCOMING"),
    entry_json("123456790", kind="SMS", smsContent="hi", direction="OUTGOING", incoming=False),
    fax_entry(id="123456791"),
]  # fmt: skip
CONTACTS = [
    API_CONTACT,
    {**API_CONTACT, "id": "c-ada", "name": "Ada Lovelace", "scope": "PRIVATE"},
    {**API_CONTACT, "id": "c-empty", "name": "No Numbers", "numbers": [], "scope": "PRIVATE"},
]
DIRECTORY = {
    "items": [
        {"id": "w0", "firstname": "Ada", "lastname": "Lovelace", "mobile": ["+4915799912345"]}
    ]
}

Route = tuple[str, str, Callable[[Recorded], Answer]]


def _json(value: Any, status: int = 200) -> Callable[[Recorded], Answer]:
    return lambda _: Answer(status, json=value)


def _empty(_: Recorded) -> Answer:
    return Answer(204)


def _page(items: list[Any]) -> Callable[[Recorded], Answer]:
    def answer(r: Recorded) -> Answer:
        offset = int(r.query.get("offset", ["0"])[0])
        limit = int(r.query.get("limit", [str(len(items))])[0])
        return Answer(json={"items": items[offset : offset + limit], "totalCount": len(items)})

    return answer


def _history_entry(r: Recorded) -> Answer:
    entry_id = r.path.rsplit("/", 1)[1]
    found = [e for e in HISTORY if e["id"] == entry_id]
    # a fax just sent: its session id is its history entry, already SENT
    return Answer(json=found[0] if found else fax_entry(id=entry_id))


ROUTES: list[Route] = [
    ("GET", r"/authorization/userinfo", _json({"sub": "w0"})),
    ("GET", r"/users", _json({"items": [USER]})),
    (
        "GET",
        r"/account",
        _json({"company": "ACME GmbH", "mainProductType": "TEAM", "logoUrl": "", "verified": True}),
    ),
    ("GET", r"/balance", _json({"amount": 100000, "currency": "EUR"})),
    ("POST", r"/sessions/sms", _empty),
    (
        "GET",
        r"/w\d+/sms",
        _json({"items": [{"id": "s0", "alias": "SMS Ada", "callerId": "+4921100000000"}]}),
    ),
    (
        "GET",
        r"/w\d+/sms/s\d+/callerids",
        _json(
            {
                "items": [
                    caller_id(3, "+4921100000000", default=True),
                    caller_id(7, "+4915700000001"),
                ]
            }
        ),
    ),
    ("PUT", r"/w\d+/sms/s\d+/callerids/\d+", _empty),
    ("POST", r"/sessions/fax", _json({"sessionId": "123456791"})),
    ("GET", r"/w\d+/faxlines", _json(FAXLINES)),
    ("POST", r"/sessions/calls", _json({"sessionId": "CS1"})),
    ("GET", r"/numbers", _page(NUMBERS["items"])),
    ("GET", r"/voicemails", _json(VOICEMAILS)),
    ("GET", r"/w\d+/devices", _json(DEVICES)),
    ("GET", r"/history", _page(HISTORY)),
    (
        "GET",
        r"/history/export",
        lambda _: Answer(body="id,type\n123456790,SMS\n", content_type="text/csv"),
    ),
    ("GET", r"/history/[^/]+", _history_entry),
    ("PUT", r"/history", _empty),
    ("PUT", r"/history/[^/]+", _empty),
    ("DELETE", r"/history", _empty),
    ("DELETE", r"/history/[^/]+", _empty),
    ("GET", r"/calls", _json({"data": [RTCM_CALL]})),
    ("PUT", r"/calls/[^/]+/(muted|hold|recording)", _empty),
    ("POST", r"/calls/[^/]+/(announcements|dtmf|transfer)", _empty),
    ("DELETE", r"/calls/[^/]+", _empty),
    ("GET", r"/settings/sipgateio", _json(WEBHOOK_SETTINGS)),
    ("PUT", r"/settings/sipgateio", _empty),
    ("GET", r"/contacts", _page(CONTACTS)),
    ("GET", r"/contacts/internal", _json(DIRECTORY)),
    ("POST", r"/contacts", _empty),
    ("POST", r"/contacts/import/csv", _empty),
    ("PUT", r"/contacts/[^/]+", _empty),
    ("DELETE", r"/contacts/[^/]+", _empty),
    # client.raw examples: answers shaped by the spec's schemas
    ("GET", r"/w\d+/phonelines", _json(schema_sample("SimplePhonelinesResponse"))),
    ("GET", r"/w\d+/phonelines/[^/]+/forwardings", _json(schema_sample("ForwardingsResponse"))),
    ("POST", r"/blacklist/incoming", _json(schema_sample("IncomingEntry"))),
    ("GET", r"/groups", _json(schema_sample("SimpleGroupsResponse"))),
    ("GET", r"/groups/[^/]+/users", _json(schema_sample("GroupUsersResponse"))),
]


def serve_readme_api(api: APIStub) -> None:
    """Script ``api`` (a started stub) with :data:`ROUTES`, below its ``/v2`` base path."""
    compiled = [(m, re.compile(f"/v2{pattern}"), answer) for m, pattern, answer in ROUTES]

    def dispatch(r: Recorded) -> Answer:
        for method, pattern, answer in compiled:
            if method == r.method and pattern.fullmatch(r.path):
                return answer(r)
        return Answer(404, json={"message": f"not scripted: {r.method} {r.path}"})

    api.fallback = dispatch
