"""client.call.get / list / paginated_list / iter_calls: one Call from RTCM or the history."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

import sipgateio
from sipgateio import Call, CallDirection, CallState, Pagination
from tests.apistub import Answer, APIStub, Recorded
from tests.conftest import Flavour
from tests.resources.helpers import rejected
from tests.resources.test_history import entry_json, page

CALLS = "/v2/calls"
HISTORY = "/v2/history"
ALICE = "+4915799912345"
OFFICE = "+4921100000000"


def rtcm(*calls: dict[str, Any]) -> dict[str, Any]:
    return {"data": list(calls)}


def rtcm_call(call_id: str, *, hold: bool = False) -> dict[str, Any]:
    return {
        "callId": call_id,
        "muted": True,
        "recording": True,
        "hold": hold,
        "participants": [
            {
                "participantId": "part-1",
                "phoneNumber": ALICE,
                "muted": False,
                "hold": False,
                "owner": False,
            },
            {
                "participantId": "part-2",
                "phoneNumber": "",
                "muted": True,
                "hold": hold,
                "owner": True,
            },
        ],
    }


def call_entry(entry_id: str, call_id: str | None, **extra: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"callId": call_id, "callStatus": "SUCCESS", "duration": 95}
    fields.update(extra)
    return entry_json(entry_id, "CALL", **fields)


def history_paths(api: APIStub) -> list[tuple[int, int]]:
    return [(int(r.query["offset"][0]), int(r.query["limit"][0])) for r in api.sent("GET", HISTORY)]


def serve_calls(api: APIStub, total: int) -> None:
    """GET /history like the API: entries ``h0..`` (call ids ``c0..``), newest first."""

    def handler(rec: Recorded) -> Answer:
        offset = int(rec.query["offset"][0])
        limit = int(rec.query["limit"][0])
        ids = range(offset, min(offset + limit, total))
        return Answer(json=page(*(call_entry(f"h{i}", f"c{i}") for i in ids), total=total))

    api.handle("GET", HISTORY, handler)


# -- get ------------------------------------------------------------------------------------


def test_get_finds_an_established_call_in_rtcm(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm(rtcm_call("other"), rtcm_call("c1")))
    found = flavour.run(lambda c: c.call.get("c1"))
    assert found.id == "c1"
    assert found.state is CallState.ACTIVE and found.state.is_active
    assert (found.recording, found.muted, found.hold) == (True, True, False)
    assert [p.phone_number for p in found.participants] == [ALICE, ""]
    assert found.rtcm_call is not None and found.rtcm_call.call_id == "c1"
    # RTCM does not say who called whom, or since when: nothing is made up
    assert (found.direction, found.from_, found.to, found.start_time) == (None, None, None, None)
    assert found.history_entry_id is None
    assert [(r.method, r.path) for r in api.requests] == [("GET", CALLS)]


def test_get_reports_a_held_call_as_on_hold(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm(rtcm_call("c1", hold=True)))
    found = flavour.run(lambda c: c.call.get("c1"))
    assert found.state is CallState.ON_HOLD and found.hold


def test_get_finds_a_finished_call_in_the_history(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm())
    recording = {"id": "r1", "url": "https://api.sipgate.com/rec/r1.mp3"}
    api.reply(
        "GET",
        HISTORY,
        json=page(
            call_entry("h9", "other"),
            call_entry("h7", "c1", direction="OUTGOING", incoming=False, recordings=[recording]),
        ),
    )
    found = flavour.run(lambda c: c.call.get("c1"))
    assert found == Call(
        id="c1",
        state=CallState.COMPLETED,
        direction=CallDirection.OUTGOING,
        from_=ALICE,
        to=OFFICE,
        start_time=datetime(2024, 5, 1, 10, 0, tzinfo=UTC),
        end_time=datetime(2024, 5, 1, 10, 1, 35, tzinfo=UTC),
        duration=95,
        recordings=(sipgateio.CallRecording("r1", recording["url"]),),
        history_entry=found.history_entry,
    )
    assert found.history_entry_id == "h7"
    assert not found.state.is_active
    history = api.sent("GET", HISTORY)[0]
    assert history.query == {"types": ["CALL"], "offset": ["0"], "limit": ["1000"]}


def test_get_walks_the_history_until_it_finds_the_call(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm())
    serve_calls(api, total=2500)
    found = flavour.run(lambda c: c.call.get("c1500"))
    assert found.history_entry_id == "h1500"
    assert history_paths(api) == [(0, 1000), (1000, 1000)]  # stops at the page that has it


def test_get_since_narrows_the_search(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm())
    api.reply("GET", HISTORY, json=page(call_entry("h1", "c1")))
    since = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    flavour.run(lambda c: c.call.get("c1", since=since))
    assert api.sent("GET", HISTORY)[0].query["from"] == ["2024-05-01T09:00:00+00:00"]


def test_get_of_an_unknown_call_raises_not_found(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm(rtcm_call("c2")))
    serve_calls(api, total=1200)
    with pytest.raises(sipgateio.CallNotFoundError) as info:
        flavour.run(lambda c: c.call.get("nope"))
    error = info.value
    assert isinstance(error, sipgateio.NotFoundError)
    assert error.call_id == "nope" and "'nope'" in str(error)
    assert history_paths(api) == [(0, 1000), (1000, 1000)]  # the whole history was searched
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_a_call_moving_from_active_to_finished(flavour: Flavour, api: APIStub) -> None:
    """Established, then just ended (in neither yet), then in the history: never contradictory."""
    api.reply("GET", CALLS, Answer(json=rtcm(rtcm_call("c1"))), Answer(json=rtcm()))
    api.reply("GET", HISTORY, Answer(json=page()), Answer(json=page(call_entry("h1", "c1"))))

    def three_looks(c: Any) -> Any:
        if isinstance(c, sipgateio.AsyncSipgateIO):

            async def go() -> list[Any]:
                return [await look(c) for _ in range(3)]

            return go()
        return [look_sync(c) for _ in range(3)]

    def look_sync(c: Any) -> Any:
        try:
            return c.call.get("c1").state
        except sipgateio.CallNotFoundError:
            return "not found"

    async def look(c: Any) -> Any:
        try:
            return (await c.call.get("c1")).state
        except sipgateio.CallNotFoundError:
            return "not found"

    assert flavour.run(three_looks) == [CallState.ACTIVE, "not found", CallState.COMPLETED]


def test_while_both_know_a_call_it_is_active_once_in_get_and_list(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("GET", CALLS, json=rtcm(rtcm_call("c1")))
    api.reply("GET", HISTORY, json=page(call_entry("h1", "c1"), call_entry("h0", "c0")))
    listed = flavour.run(lambda c: c.call.list())
    assert [(c.id, c.state) for c in listed] == [
        ("c1", CallState.ACTIVE),
        ("c0", CallState.COMPLETED),
    ]
    assert flavour.run(lambda c: c.call.get("c1")).state is CallState.ACTIVE


@pytest.mark.parametrize(
    ("call_status", "status", "direction", "state"),
    [
        ("SUCCESS", "PICKUP", "INCOMING", CallState.COMPLETED),
        ("MISSED", "NOPICKUP", "MISSED_INCOMING", CallState.MISSED),
        ("BUSY", "BUSY", "MISSED_OUTGOING", CallState.BUSY),
        ("BUSY_ON_BUSY", "BUSY", "MISSED_INCOMING", CallState.BUSY),
        ("REJECTED", "NOPICKUP", "MISSED_INCOMING", CallState.REJECTED),
        ("REJECTED_DND", "NOPICKUP", "MISSED_INCOMING", CallState.REJECTED),
        ("VOICEMAIL_NO_MESSAGE", "NOPICKUP", "INCOMING", CallState.VOICEMAIL),
        ("FAILURE", "NOPICKUP", "OUTGOING", CallState.FAILED),
        (None, "PICKUP", "INCOMING", CallState.COMPLETED),
        (None, "NOPICKUP", "OUTGOING", CallState.MISSED),
        (None, "BUSY", "OUTGOING", CallState.BUSY),
        (None, "FORWARD", "INCOMING", CallState.FORWARDED),
        (None, "PICKUP", "MISSED_INCOMING", CallState.MISSED),
    ],
)
def test_state_of_a_finished_call_follows_the_history_fields(
    api: APIStub, call_status: str | None, status: str, direction: str, state: CallState
) -> None:
    api.reply("GET", CALLS, json=rtcm())
    entry = call_entry("h1", "c1", callStatus=call_status, status=status, direction=direction)
    api.reply("GET", HISTORY, json=page(entry))
    with sipgateio.SipgateIO(
        token_id="token-ABC123", token="e68ead46-a7db-46cd-8a1a-44aed1e4e372", base_url=api.url
    ) as client:
        found = client.call.get("c1")
    assert found.state is state
    incoming = direction.endswith("INCOMING")
    assert found.direction is (CallDirection.INCOMING if incoming else CallDirection.OUTGOING)


def test_a_finished_call_without_duration_has_no_end_time(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm())
    api.reply("GET", HISTORY, json=page(call_entry("h1", "c1", duration=None)))
    found = flavour.run(lambda c: c.call.get("c1"))
    assert (found.duration, found.end_time) == (None, None)
    assert found.start_time == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


def test_an_unknown_call_status_is_an_unexpected_response(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm())
    api.reply("GET", HISTORY, json=page(call_entry("h1", "c1", callStatus="TELEPORTED")))
    with pytest.raises(sipgateio.UnexpectedResponseError):
        flavour.run(lambda c: c.call.get("c1"))


# -- list -----------------------------------------------------------------------------------


def test_list_gives_active_calls_then_the_history(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm(rtcm_call("a1"), rtcm_call("a2", hold=True)))
    api.reply(
        "GET",
        HISTORY,
        json=page(call_entry("h2", "c2"), call_entry("h1", None), call_entry("h0", "c0")),
    )
    listed = flavour.run(lambda c: c.call.list())
    assert [(c.id, c.state, c.history_entry_id) for c in listed] == [
        ("a1", CallState.ACTIVE, None),
        ("a2", CallState.ON_HOLD, None),
        ("c2", CallState.COMPLETED, "h2"),
        (None, CallState.COMPLETED, "h1"),  # an entry without callId is listed, not dropped
        ("c0", CallState.COMPLETED, "h0"),
    ]
    assert [(r.method, r.path) for r in api.requests] == [("GET", CALLS), ("GET", HISTORY)]
    assert "archived" not in api.requests[1].query  # archived entries are calls too


def test_list_filters_go_to_the_history_query(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", HISTORY, json=page())
    start = datetime(2024, 5, 1, 0, 0, tzinfo=UTC)
    end = datetime(2024, 5, 31, 23, 59, tzinfo=UTC)
    flavour.run(lambda c: c.call.list(from_=ALICE, direction="OUTGOING", start=start, end=end))
    (request,) = api.requests  # no GET /calls: RTCM cannot tell direction or numbers
    assert request.path == HISTORY
    assert request.query == {
        "types": ["CALL"],
        "directions": ["OUTGOING", "MISSED_OUTGOING"],
        "from": ["2024-05-01T00:00:00+00:00"],
        "to": ["2024-05-31T23:59:00+00:00"],
        "phonenumber": [ALICE],
        "offset": ["0"],
        "limit": ["1000"],
    }


def test_list_checks_numbers_and_direction_on_each_entry(flavour: Flavour, api: APIStub) -> None:
    """The API's phonenumber filter matches either side; from_/to name one side."""
    api.reply(
        "GET",
        HISTORY,
        json=page(
            call_entry("h4", "c4", source=ALICE, target=OFFICE),
            call_entry("h3", "c3", source=OFFICE, target=ALICE),  # ALICE on the other side
            call_entry("h2", "c2", source="0049 157 99912345", target=OFFICE),  # same number
            # the API found ALICE here, on neither side as answered: which side is unknown
            call_entry("h1", "c1", source="anonymous", target=OFFICE),
        ),
    )
    listed = flavour.run(lambda c: c.call.list(from_=ALICE))
    assert [c.id for c in listed] == ["c4", "c2", "c1"]
    listed = flavour.run(lambda c: c.call.list(from_=ALICE, to="+49 211 00000000"))
    assert [c.id for c in listed] == ["c4", "c2", "c1"]
    listed = flavour.run(lambda c: c.call.list(from_=ALICE, to="+4930123456"))
    assert [c.id for c in listed] == []  # to= is not sent: only calls with its number
    listed = flavour.run(lambda c: c.call.list(to=ALICE))
    assert [c.id for c in listed] == ["c3", "c1"]


# The API finds a number on either side of a call and may answer it in another form than the
# filter gave it: E.164 for a national filter, national for an E.164 one, without "+", spaced.
# (filter, the entry's source as the API answers it)
SAME_NUMBER = [
    ("0211 00000000", "+4921100000000"),
    ("021100000000", "+4921100000000"),
    ("+4921100000000", "021100000000"),
    ("+49 211 00000000", "4921100000000"),  # without "+", as pushes send numbers
    ("0049 211 00000000", "+49 211 00000000"),
    ("0211/00000000", "0211 00000000"),
    ("+1 202 555 0123", "2025550123"),  # national in the USA: no trunk prefix
    ("(+49) 211 00000000", "+4921100000000"),
]


@pytest.mark.parametrize(("given", "answered"), SAME_NUMBER)
def test_list_keeps_calls_whose_number_the_api_answers_in_another_form(
    flavour: Flavour, api: APIStub, given: str, answered: str
) -> None:
    api_page = [
        call_entry("h3", "c3", source=answered, target=ALICE),
        call_entry("h2", "c2", source=ALICE, target=answered),
        call_entry("h1", "c1", source=answered, target=answered),  # a call to itself
    ]
    api.reply("GET", HISTORY, json=page(*api_page))
    listed = flavour.run(lambda c: c.call.list(from_=given))
    assert [c.id for c in listed] == ["c3", "c1"]
    assert api.requests[-1].query["phonenumber"] == [given.strip()]
    listed = flavour.run(lambda c: c.call.list(to=given))
    assert [c.id for c in listed] == ["c2", "c1"]
    # to= beside from_=: the API applies only from_ (its answer has ALICE on every call), the
    # number of to= is compared here
    api.reply("GET", HISTORY, json=page(*api_page[:2]))
    listed = flavour.run(lambda c: c.call.list(from_=ALICE, to=given))
    assert [c.id for c in listed] == ["c2"]


def test_list_keeps_what_the_api_matched_where_neither_side_can_be_told(
    flavour: Flavour, api: APIStub
) -> None:
    # The API found the filter's number on these calls; sipgateio cannot tell on which side
    # (an extension, a form it cannot compare): they are kept, not dropped unseen.
    api.reply(
        "GET",
        HISTORY,
        json=page(
            call_entry("h2", "c2", source="e14", target="+4930123456"),
            call_entry("h1", "c1", source=OFFICE, target="anonymous"),
        ),
    )
    listed = flavour.run(lambda c: c.call.list(from_="0211 00000000"))
    assert [c.id for c in listed] == ["c2", "c1"]
    listed = flavour.run(lambda c: c.call.list(from_="110"))  # compared on neither side
    assert [c.id for c in listed] == ["c2", "c1"]
    listed = flavour.run(lambda c: c.call.list(to="0211 00000000"))  # c1: on the other side
    assert [c.id for c in listed] == ["c2"]
    # the second filter is not sent to the API: it keeps only the calls where it finds its number
    listed = flavour.run(lambda c: c.call.list(from_="+4930123456", to="110"))
    assert [c.id for c in listed] == []


def test_list_by_state(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm(rtcm_call("a1"), rtcm_call("a2", hold=True)))
    api.reply(
        "GET",
        HISTORY,
        json=page(
            call_entry("h2", "c2", callStatus="MISSED", direction="MISSED_INCOMING"),
            call_entry("h1", "c1"),
        ),
    )
    missed = flavour.run(lambda c: c.call.list(state=CallState.MISSED))
    assert [c.id for c in missed] == ["c2"]
    assert [r.path for r in api.requests] == [HISTORY]  # no established call can be missed

    api.requests.clear()
    held = flavour.run(lambda c: c.call.list(state="ON_HOLD"))
    assert [c.id for c in held] == ["a2"]
    assert [r.path for r in api.requests] == [CALLS]  # no finished call is on hold

    api.requests.clear()
    both = flavour.run(lambda c: c.call.list(state=[CallState.ACTIVE, "COMPLETED"]))
    assert [c.id for c in both] == ["a1", "c1"]


def test_a_time_range_in_the_past_lists_no_active_call(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm(rtcm_call("a1")))
    api.reply("GET", HISTORY, json=page(call_entry("h1", "c1")))
    start = datetime(2024, 5, 1, tzinfo=UTC)
    past = flavour.run(lambda c: c.call.list(start=start, end=start + timedelta(days=1)))
    assert [c.id for c in past] == ["c1"]
    assert [r.path for r in api.requests] == [HISTORY]
    api.requests.clear()
    ongoing = flavour.run(lambda c: c.call.list(start=start))
    assert [c.id for c in ongoing] == ["a1", "c1"]


def test_list_pagination_slices_active_and_finished_calls(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm(rtcm_call("a1"), rtcm_call("a2")))
    serve_calls(api, total=30)
    listed = flavour.run(lambda c: c.call.list(pagination=Pagination(offset=1, limit=5)))
    assert [c.id for c in listed] == ["a2", "c0", "c1", "c2", "c3"]
    assert history_paths(api) == [(0, 7)]


def test_list_reads_every_page(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm())
    serve_calls(api, total=2300)
    listed = flavour.run(lambda c: c.call.list())
    assert [c.id for c in listed] == [f"c{i}" for i in range(2300)]
    assert history_paths(api) == [(0, 1000), (1000, 1000), (2000, 1000)]


def test_list_skips_filtered_entries_across_pages(flavour: Flavour, api: APIStub) -> None:
    def handler(rec: Recorded) -> Answer:
        offset, limit = int(rec.query["offset"][0]), int(rec.query["limit"][0])
        entries = [
            call_entry(f"h{i}", f"c{i}", callStatus="MISSED" if i % 3 == 0 else "SUCCESS")
            for i in range(offset, min(offset + limit, 40))
        ]
        return Answer(json=page(*entries, total=40))

    api.handle("GET", HISTORY, handler)
    found = flavour.run(
        lambda c: c.call.list(state="MISSED", pagination=Pagination(offset=2, limit=3))
    )
    assert [c.id for c in found] == ["c6", "c9", "c12"]


def test_paginated_list_says_whether_more_follow(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm())
    serve_calls(api, total=12)
    first = flavour.run(lambda c: c.call.paginated_list(pagination=Pagination(limit=10)))
    assert [c.id for c in first.response] == [f"c{i}" for i in range(10)]
    assert first.has_more is True
    rest = flavour.run(lambda c: c.call.paginated_list(pagination=Pagination(offset=10, limit=10)))
    assert [c.id for c in rest.response] == ["c10", "c11"]
    assert rest.has_more is False
    everything = flavour.run(lambda c: c.call.paginated_list())
    assert len(everything.response) == 12 and everything.has_more is False


def test_iter_calls_walks_every_page(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm(rtcm_call("a1")))
    serve_calls(api, total=25)
    found = flavour.run(lambda c: c.call.iter_calls(page_size=10))
    assert [c.id for c in found] == ["a1", *(f"c{i}" for i in range(25))]
    assert history_paths(api) == [(0, 10), (10, 10), (20, 10)]


def test_iter_calls_fetches_lazily(api: APIStub) -> None:
    api.reply("GET", CALLS, json=rtcm())
    serve_calls(api, total=25)
    with sipgateio.SipgateIO(
        token_id="token-ABC123", token="e68ead46-a7db-46cd-8a1a-44aed1e4e372", base_url=api.url
    ) as client:
        calls = client.call.iter_calls(page_size=10)
        assert [next(calls).id for _ in range(3)] == ["c0", "c1", "c2"]
        assert history_paths(api) == [(0, 10)]
        calls.close()


@pytest.mark.parametrize(
    ("fn", "field"),
    [
        (lambda c: c.call.get(""), "call_id"),
        (lambda c: c.call.get(None), "call_id"),
        (lambda c: c.call.get("c1", since=datetime(2024, 5, 1)), "since"),
        (lambda c: c.call.list(direction="SIDEWAYS"), "direction"),
        (lambda c: c.call.list(state="RINGING"), "state"),
        (lambda c: c.call.list(state=["ACTIVE", "RINGING"]), "state"),
        (lambda c: c.call.list(start=datetime(2024, 5, 1)), "start"),
        (lambda c: c.call.list(end="2024-05-01"), "end"),
        (
            lambda c: c.call.list(
                start=datetime(2024, 6, 1, tzinfo=UTC), end=datetime(2024, 5, 1, tzinfo=UTC)
            ),
            "start",
        ),
        (lambda c: c.call.list(from_=""), "from_"),
        (lambda c: c.call.list(to=4915799912345), "to"),
        (lambda c: c.call.list(pagination=(0, 10)), "pagination"),
        (lambda c: c.call.iter_calls(page_size=0), "page_size"),
        (lambda c: c.call.iter_calls(page_size=1001), "page_size"),
    ],
)
def test_bad_arguments_are_rejected_before_sending(
    flavour: Flavour, api: APIStub, fn: Any, field: str
) -> None:
    rejected(flavour, api, fn, field)
