"""Lenient reading: every facade read survives the loss of any field it does not need.

For each read the server first answers with every field the spec describes (a sample of
the schema), then, one case per field, with that field removed. Every such answer must
still be read (sync and async). Removing everything the read does not need at once must
leave the facade's optional attributes None or empty. A field the read does need (an id,
the entry type, a fax status) missing raises UnexpectedResponseError naming the operation
and the field.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import attrs
import pytest

import sipgateio
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour
from tests.spec_shapes import schema_sample

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Read:
    """One facade read: the request it makes, a full answer, and the fields it needs."""

    name: str
    method: str
    path: str
    answer: Any
    call: Callable[[Any], Any]
    needed: frozenset[str] = frozenset({"items/*/id"})  # field paths, * for any list index

    def __repr__(self) -> str:
        return self.name


def _history_entry(kind: str) -> dict[str, Any]:
    entry = schema_sample("HistoryEntryResponse")
    entry["type"] = kind
    return entry


READS = [
    Read(
        "get_authenticated_webuser_id",
        "GET",
        "/v2/authorization/userinfo",
        schema_sample("UserinfoResponse"),
        lambda c: c.get_authenticated_webuser_id(),
        frozenset({"sub"}),
    ),
    Read(
        "get_web_users",
        "GET",
        "/v2/users",
        schema_sample("UsersResponse"),
        lambda c: c.get_web_users(),
    ),
    Read(
        "get_account",
        "GET",
        "/v2/account",
        schema_sample("AccountResponse"),
        lambda c: c.get_account(),
        frozenset(),
    ),
    Read(
        "get_balance",
        "GET",
        "/v2/balance",
        schema_sample("BalanceResponse"),
        lambda c: c.get_balance(),
    ),
    Read(
        "sms.get_sms_extensions",
        "GET",
        "/v2/w0/sms",
        schema_sample("SmsExtensionsResponse"),
        lambda c: c.sms.get_sms_extensions("w0"),
    ),
    Read(
        "fax.get_faxlines_by_web_user",
        "GET",
        "/v2/w0/faxlines",
        schema_sample("FaxlinesResponse"),
        lambda c: c.fax.get_faxlines_by_web_user("w0"),
    ),
    Read(
        "fax.get_fax_status",
        "GET",
        "/v2/history/f1",
        {**_history_entry("FAX"), "faxStatusType": "SENT"},
        lambda c: c.fax.get_fax_status("f1"),
        frozenset({"id", "type", "faxStatusType"}),
    ),
    Read(
        "numbers.get_all_numbers",
        "GET",
        "/v2/numbers",
        {**schema_sample("NumbersResponse"), "totalCount": 1},
        lambda c: c.numbers.get_all_numbers(),
    ),
    Read(
        "voicemails.get_voicemails",
        "GET",
        "/v2/voicemails",
        schema_sample("VoicemailsResponse"),
        lambda c: c.voicemails.get_voicemails(),
    ),
    Read(
        "devices.get_devices",
        "GET",
        "/v2/w0/devices",
        schema_sample("DevicesResponse"),
        lambda c: c.devices.get_devices("w0"),
        frozenset({"items/*/id", "items/*/activePhonelines/*/id", "items/*/activeGroups/*/id"}),
    ),
    Read(
        "rtcm.get_established_calls",
        "GET",
        "/v2/calls",
        schema_sample("Calls"),
        lambda c: c.rtcm.get_established_calls(),
        frozenset({"data/*/callId", "data/*/participants/*/participantId"}),
    ),
    Read(
        "webhook_settings.get_webhook_settings",
        "GET",
        "/v2/settings/sipgateio",
        schema_sample("SipgateIoUrlResponse"),
        lambda c: c.webhook_settings.get_webhook_settings(),
        frozenset(),
    ),
    *(
        Read(
            f"history.fetch_by_id[{kind}]",
            "GET",
            "/v2/history/h1",
            _history_entry(kind),
            lambda c: c.history.fetch_by_id("h1"),
            frozenset({"id", "type", *(["recordings/*/id"] if kind == "CALL" else [])}),
        )
        for kind in ("CALL", "VOICEMAIL", "SMS", "FAX")
    ),
    Read(
        "history.fetch_all",
        "GET",
        "/v2/history",
        {"items": [_history_entry("CALL"), _history_entry("FAX")], "totalCount": 2},
        lambda c: c.history.fetch_all(),
        frozenset({"items/*/id", "items/*/type", "items/0/recordings/*/id"}),
    ),
]


def _paths(node: Any, prefix: Path = ()) -> Iterator[Path]:
    """Every field of an answer (object members at any depth, inside lists too)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


def _without(answer: Any, path: Path) -> Any:
    out = copy.deepcopy(answer)
    node = out
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return out


def _is_needed(read: Read, path: Path) -> bool:
    def matches(pattern: str) -> bool:
        parts = pattern.split("/")
        return len(parts) == len(path) and all(
            p == str(k) or (p == "*" and isinstance(k, int))
            for p, k in zip(parts, path, strict=False)
        )

    return any(matches(pattern) for pattern in read.needed)


def _unneeded(read: Read) -> list[Path]:
    return [p for p in _paths(read.answer) if not _is_needed(read, p)]


def _needed(read: Read) -> list[Path]:
    return [p for p in _paths(read.answer) if _is_needed(read, p)]


CASES = [(read, path) for read in READS for path in _unneeded(read)]
NEEDED_CASES = [(read, path) for read in READS for path in _needed(read)]


def _serve(api: APIStub, read: Read, answer: Any) -> None:
    api.reply(read.method, read.path, Answer(200, json=answer))


def _case_id(value: object) -> str:
    return "/".join(map(str, value)) if isinstance(value, tuple) else repr(value)


def test_the_table_covers_every_read_field() -> None:
    assert len(CASES) > 150  # every field of every read's answer, one case each
    assert {r.name for r, _ in NEEDED_CASES} >= {"get_web_users", "fax.get_fax_status"}


@pytest.mark.parametrize(
    ("read", "path"),
    CASES,
    ids=_case_id,
)
def test_a_read_survives_the_loss_of_any_field_it_does_not_need(
    flavour: Flavour, api: APIStub, read: Read, path: Path
) -> None:
    _serve(api, read, read.answer)
    full = flavour.run(read.call)
    _serve(api, read, _without(read.answer, path))
    lean = flavour.run(read.call)
    if isinstance(full, list):  # the same items, fewer details
        assert len(lean) == len(full) or path in (("items",), ("data",))
        assert [getattr(x, "id", None) for x in lean] == [
            getattr(x, "id", None) for x in full[: len(lean)]
        ]


def _is_empty(value: Any) -> bool:
    return value is None or value == () or value == "" or value == []


@pytest.mark.parametrize("read", READS, ids=repr)
def test_an_answer_with_only_the_needed_fields_reads_as_none_and_empty(
    flavour: Flavour, api: APIStub, read: Read
) -> None:
    lean = copy.deepcopy(read.answer)
    # drop every removable field that is not on the way to a needed one, deepest first
    for path in sorted(_unneeded(read), key=len, reverse=True):
        with contextlib.suppress(KeyError, IndexError):  # already gone with its parent
            lean = _without(lean, path)
    _serve(api, read, lean)
    result = flavour.run(read.call)
    for item in result if isinstance(result, list) else [result]:
        if not attrs.has(type(item)):
            continue
        for attribute in attrs.fields(type(item)):
            value = getattr(item, attribute.name)
            if attribute.name in {"id", "call_id", "participant_id", "type", "fax_status"}:
                continue
            if attribute.name == "participants":
                assert all(p.muted is None and p.owner is None for p in value)
                continue
            assert _is_empty(value), (read.name, attribute.name, value)


@pytest.mark.parametrize(
    ("read", "path"),
    NEEDED_CASES,
    ids=_case_id,
)
def test_a_missing_needed_field_names_the_operation_and_the_field(
    flavour: Flavour, api: APIStub, read: Read, path: Path
) -> None:
    _serve(api, read, _without(read.answer, path))
    with pytest.raises(sipgateio.UnexpectedResponseError) as caught:
        flavour.run(read.call)
    message = str(caught.value)
    assert re.search(rf"'([\w\[\]]+\.)?{path[-1]}'", message), message  # the field, quoted
    template = re.sub(r"/(w0|f1|h1)(?=/|$)", r"/{\\w+}", re.escape(read.path.removeprefix("/v2")))
    assert re.search(f"GET {template}:", message), message  # the operation, as a template


def test_open_enum_reads_members_unknown_values_and_gaps() -> None:
    import enum

    from sipgateio._read import open_enum
    from sipgateio.raw.types import UNSET

    class Kind(enum.StrEnum):
        MOBILE = "MOBILE"
        LANDLINE = "LANDLINE"

    class Other(enum.StrEnum):
        MOBILE = "MOBILE"
        FAX = "FAX"

    assert open_enum(Kind, "MOBILE") is Kind.MOBILE
    assert open_enum(Kind, Kind.LANDLINE) is Kind.LANDLINE
    assert open_enum(Kind, Other.MOBILE) is Kind.MOBILE  # a generated enum's member, same value
    for unknown, text in (
        (Other.FAX, "FAX"),
        ("SATELLITE", "SATELLITE"),
        (7, "7"),
        (["x"], "['x']"),
    ):
        got = open_enum(Kind, unknown)
        assert got == text and type(got) is str
    assert open_enum(Kind, None) is None
    assert open_enum(Kind, UNSET) is None


@pytest.mark.parametrize("whitelist", [False, "w0", [1, 2], {"id": "w0"}])
@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.webhook_settings.get_webhook_settings(),
        lambda c: c.webhook_settings.set_log(True),
    ],
    ids=["get_webhook_settings", "set_log"],
)
def test_a_whitelist_that_is_no_list_of_ids_is_the_answers_fault(
    flavour: Flavour, api: APIStub, whitelist: Any, call: Callable[[Any], Any]
) -> None:
    # found by tests/test_response_fuzz.py: {"whitelist": false} raised a raw TypeError,
    # and a string would have been read as a whitelist of its characters
    api.reply("GET", "/v2/settings/sipgateio", Answer(200, json={"whitelist": whitelist}))
    with pytest.raises(sipgateio.UnexpectedResponseError, match="GET /settings/sipgateio"):
        flavour.run(call)
    assert [r.method for r in api.requests] == ["GET"]  # nothing written back


@pytest.mark.parametrize("ids", [False, "w0", [1, 2]])
def test_direct_dial_ids_that_are_no_list_of_ids_are_the_answers_fault(
    flavour: Flavour, api: APIStub, ids: Any
) -> None:
    user = {"id": "w0", "directDialIds": ids}
    api.reply("GET", "/v2/users", Answer(200, json={"items": [user]}))
    with pytest.raises(sipgateio.UnexpectedResponseError, match="GET /users"):
        flavour.run(lambda c: c.get_web_users())


def test_direct_dial_ids_read_as_sent(flavour: Flavour, api: APIStub) -> None:
    user = {"id": "w0", "directDialIds": ["s0", "s1"]}
    api.reply("GET", "/v2/users", Answer(200, json={"items": [user]}))
    assert flavour.run(lambda c: c.get_web_users())[0].direct_dial_ids == ("s0", "s1")
