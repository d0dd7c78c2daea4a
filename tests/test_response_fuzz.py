"""Whatever a server answers, every read method raises nothing but a SipgateIOError.

Hypothesis builds answers: any JSON, JSON shaped like the API's (the field names of
openapi/sipgate-v2.yaml, pages with items) with any values, bodies that are not JSON, JSON
nested deeper than Python recurses, a body claiming gzip that is not. Each read method of
the facade gets them for every request it makes. ``SIPGATEIO_FUZZ_EXAMPLES`` sets how
many answers each method gets (default 60).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sipgateio
from sipgateio import ExportScope, HistoryFilter, SipgateIOError
from tests.conftest import TOKEN, TOKEN_ID

EXAMPLES = int(os.environ.get("SIPGATEIO_FUZZ_EXAMPLES", "60"))
SPEC = Path(__file__).resolve().parents[1] / "openapi" / "sipgate-v2.yaml"


def _field_names() -> list[str]:
    spec = yaml.safe_load(SPEC.read_text())
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(k for k in node.get("properties", {}) if isinstance(k, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return sorted(names)


FIELDS = _field_names()
ENUMISH = st.sampled_from(
    ["CALL", "SMS", "FAX", "VOICEMAIL", "INCOMING", "OUTGOING", "MISSED_INCOMING", "SENT",
     "PENDING", "FAILED", "PRIVATE", "SHARED", "INTERNAL", "REGISTER", "MOBILE", "USER", "",
     "2024-01-01T00:00:00Z", "not a date", "+4915799912345", "w0", "e0", "s0", "f0", "v0"]
)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | ENUMISH
)
ANY_JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
FIELD_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6)
    ),
    max_leaves=25,
)
OBJECT = st.dictionaries(st.sampled_from(FIELDS), FIELD_VALUES, max_size=12)
PAGE = st.fixed_dictionaries(
    {"items": st.lists(OBJECT, max_size=5)},
    optional={
        "totalCount": st.integers(min_value=-5, max_value=10**6) | SCALARS,
        "data": st.lists(OBJECT, max_size=3),
    },
)


@attrs.frozen
class Answer:
    """What the server sends: status, headers and the body's bytes as they go on the wire."""

    status: int
    headers: dict[str, str]
    body: bytes


@st.composite
def answers(draw: st.DrawFn) -> Answer:
    kind = draw(st.sampled_from(["shaped", "page", "any", "bytes", "deep", "gzip", "csv"]))
    headers = {"Content-Type": "application/json"}
    if kind in ("shaped", "page", "any"):
        value = draw({"shaped": OBJECT, "page": PAGE, "any": ANY_JSON}[kind])
        body = json.dumps(value).encode()
    elif kind == "bytes":
        body = draw(st.binary(max_size=40))
    elif kind == "deep":
        depth = draw(st.integers(min_value=900, max_value=200_000))
        body = (
            (b"[" * depth + b"]" * depth)
            if draw(st.booleans())
            else b'{"a":' * depth + b"1" + b"}" * depth
        )
    elif kind == "gzip":
        body = draw(st.binary(max_size=40))
        if draw(st.booleans()):
            body = gzip.compress(body)
        headers["Content-Encoding"] = "gzip"
    else:
        body = draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")
        headers["Content-Type"] = "text/csv"
    status = draw(st.sampled_from([200, 200, 200, 201, 204, 206, 299]))
    return Answer(status, headers, body)


NOW = datetime(2030, 1, 1, tzinfo=UTC)

READS: dict[str, Callable[[sipgateio.SipgateIO], Any]] = {
    "get_authenticated_webuser_id": lambda c: c.get_authenticated_webuser_id(),
    "get_web_users": lambda c: c.get_web_users(),
    "sms.get_sms_extensions": lambda c: c.sms.get_sms_extensions("w0"),
    "sms.send(from_)": lambda c: c.sms.send(
        to="+4915799912345", message="hi", from_="+4921100000000"
    ),
    "fax.get_fax_status": lambda c: c.fax.get_fax_status("1"),
    "fax.get_faxlines": lambda c: c.fax.get_faxlines(),
    "fax.get_faxlines_by_web_user": lambda c: c.fax.get_faxlines_by_web_user("w0"),
    "fax.send": lambda c: c.fax.send(to="+4921100000000", file_content=b"%PDF-1.4\n%%EOF"),
    "call.initiate": lambda c: c.call.initiate(to="+4921165432000", from_="e14"),
    "history.fetch_all": lambda c: c.history.fetch_all(),
    "history.iter_entries": lambda c: list(c.history.iter_entries(HistoryFilter(archived=True))),
    "history.fetch_by_id": lambda c: c.history.fetch_by_id("1"),
    "history.export_as_csv_string": lambda c: c.history.export_as_csv_string(),
    "numbers.get_all_numbers": lambda c: c.numbers.get_all_numbers(),
    "voicemails.get_voicemails": lambda c: c.voicemails.get_voicemails(),
    "devices.get_devices": lambda c: c.devices.get_devices("w0"),
    "rtcm.get_established_calls": lambda c: c.rtcm.get_established_calls(),
    "webhook_settings.get_webhook_settings": lambda c: c.webhook_settings.get_webhook_settings(),
    "webhook_settings.set_log": lambda c: c.webhook_settings.set_log(True),
    "contacts.get": lambda c: c.contacts.get(ExportScope.ALL),
    "contacts.get(PRIVATE)": lambda c: c.contacts.get(ExportScope.PRIVATE),
    "contacts.get(INTERNAL)": lambda c: c.contacts.get(ExportScope.INTERNAL),
    "contacts.export_as_csv": lambda c: c.contacts.export_as_csv(ExportScope.ALL),
    "contacts.export_as_json": lambda c: c.contacts.export_as_json(ExportScope.SHARED),
    "contacts.export_as_vcards": lambda c: c.contacts.export_as_vcards(ExportScope.ALL),
    "contacts.export_as_single_vcard": lambda c: c.contacts.export_as_single_vcard(
        ExportScope.INTERNAL
    ),
    "contacts.iter_contacts": lambda c: list(c.contacts.iter_contacts(ExportScope.ALL)),
    "contacts.delete_all_private": lambda c: c.contacts.delete_all_private(),
}


def client_answering(answer: Answer) -> sipgateio.SipgateIO:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            answer.status, headers=answer.headers, stream=httpx.ByteStream(answer.body)
        )

    http = httpx.Client(transport=httpx.MockTransport(handler))
    return sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, http_client=http, max_retries=0)


@pytest.mark.parametrize("method", sorted(READS))
def test_only_typed_errors_escape(method: str) -> None:
    read = READS[method]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(answers())
    def check(answer: Answer) -> None:
        with client_answering(answer) as client, contextlib.suppress(SipgateIOError):
            read(client)

    check()


def json_answer(value: Any) -> Answer:
    return Answer(200, {"Content-Type": "application/json"}, json.dumps(value).encode())


def test_errors_name_the_operation() -> None:
    bad_entry = {"items": [{"id": "1", "type": "CALL"}, {"id": "2"}], "totalCount": 2}
    with (
        client_answering(json_answer(bad_entry)) as client,
        pytest.raises(sipgateio.UnexpectedResponseError, match=r"GET /history"),
    ):
        list(client.history.iter_entries())
    with (
        client_answering(Answer(200, {}, b"<html>")) as client,
        pytest.raises(sipgateio.UnexpectedResponseError, match=r"GET /contacts"),
    ):
        client.contacts.get(ExportScope.ALL)
    page = {"items": [{"id": "1", "name": "A", "scope": "PUBLIC"}], "totalCount": 1}
    with (
        client_answering(json_answer(page)) as client,
        pytest.raises(sipgateio.UnexpectedResponseError, match=r"GET /contacts.*PUBLIC"),
    ):
        client.contacts.get(ExportScope.ALL)
