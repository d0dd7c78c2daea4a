"""Every event type and field, decoded from a push through the app (WSGI and ASGI)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from sipgateio.webhook import (
    AnswerEvent,
    DataEvent,
    Direction,
    EventType,
    HangUpCause,
    HangUpEvent,
    NewCallEvent,
)

from .conftest import NEW_CALL, Pusher


def capture(pusher: Pusher, register: str, fields: dict[str, Any]) -> Any:
    seen: list[Any] = []
    getattr(pusher.app, register)(seen.append)
    result = pusher.post(fields)
    assert result.status_code < 300, result.text
    assert len(seen) == 1
    return seen[0]


def test_new_call_event_carries_every_field(pusher: Pusher) -> None:
    event = capture(pusher, "on_new_call", {**NEW_CALL, "diversion": "4921100000"})
    assert event == NewCallEvent(
        "+492111234567",
        "+4915791234567",
        Direction.IN,
        "123456",
        original_call_id="orig-1",
        xcid="xc-1",
        diversion="+4921100000",
        users=("Alice", "Bob"),
        user_ids=("w0", "w1"),
        full_user_ids=("1234567w0", "1234567w1"),
    )
    assert event.event is EventType.NEW_CALL
    assert event.from_ == "+492111234567"


def test_new_call_minimal_push_of_the_reference(pusher: Pusher) -> None:
    # the curl example of the push reference: no origCallId, no xcid, one user
    fields = {"event": "newCall", "from": "492111234567", "to": "4915791234567",
              "direction": "out", "callId": "1", "user[]": "Alice"}  # fmt: skip
    event = capture(pusher, "on_new_call", fields)
    assert event.direction is Direction.OUT
    assert (event.original_call_id, event.xcid, event.diversion) == (None, None, None)
    assert event.users == ("Alice",)
    assert event.user_ids == event.full_user_ids == ()


def test_anonymous_and_plus_numbers_are_kept(pusher: Pusher) -> None:
    event = capture(pusher, "on_new_call", {**NEW_CALL, "from": "anonymous", "to": "+4930123"})
    assert event.from_ == "anonymous"
    assert event.to == "+4930123"


def test_percent_encoded_values_and_umlauts(pusher: Pusher) -> None:
    event = capture(pusher, "on_new_call", {**NEW_CALL, "user[]": ["Jürgen Müller", "A&B=C+D"]})
    assert event.users == ("Jürgen Müller", "A&B=C+D")


def test_answer_event(pusher: Pusher) -> None:
    fields = {"event": "answer", "callId": "123456", "user": "John Doe", "userId": "w0",
              "fullUserId": "1234567w0", "from": "492111234567", "to": "4915791234567",
              "direction": "in", "answeringNumber": "21199999999", "origCallId": "o",
              "xcid": "x", "diversion": "4930"}  # fmt: skip
    event = capture(pusher, "on_answer", fields)
    assert event == AnswerEvent(
        "+492111234567",
        "+4915791234567",
        Direction.IN,
        "123456",
        original_call_id="o",
        xcid="x",
        diversion="+4930",
        users=("John Doe",),
        user_ids=("w0",),
        full_user_ids=("1234567w0",),
        answering_number="+21199999999",
    )
    assert event.event is EventType.ANSWER


@pytest.mark.parametrize("cause", list(HangUpCause))
def test_hangup_event_every_cause(pusher: Pusher, cause: HangUpCause) -> None:
    fields = {"event": "hangup", "cause": cause.value, "callId": "123456",
              "from": "492111234567", "to": "4915791234567", "direction": "in",
              "answeringNumber": "4921199999999"}  # fmt: skip
    event = capture(pusher, "on_hangup", fields)
    assert event == HangUpEvent(
        "+492111234567",
        "+4915791234567",
        Direction.IN,
        "123456",
        cause=cause,
        answering_number="+4921199999999",
    )
    assert event.event is EventType.HANGUP


def test_hangup_with_a_cause_added_later_reaches_the_handler(pusher: Pusher) -> None:
    fields = {"event": "hangup", "cause": "meteorStrike", "callId": "1", "from": "anonymous",
              "to": "4930", "direction": "in"}  # fmt: skip
    event = capture(pusher, "on_hangup", fields)
    assert event.cause == "meteorStrike"
    assert not isinstance(event.cause, HangUpCause)


def test_hangup_without_answering_number(pusher: Pusher) -> None:
    fields = {"event": "hangup", "cause": "cancel", "callId": "1", "from": "anonymous",
              "to": "4930", "direction": "in"}  # fmt: skip
    event = capture(pusher, "on_hangup", fields)
    assert event.answering_number is None
    assert event.cause is HangUpCause.CANCEL


def test_dtmf_event(pusher: Pusher) -> None:
    event = capture(
        pusher, "on_data", {"event": "dtmf", "dtmf": "1234", "callId": "c", "origCallId": "o"}
    )
    assert event == DataEvent(call_id="c", dtmf="1234", original_call_id="o")
    assert event.event is EventType.DATA


def test_dtmf_event_without_digits(pusher: Pusher) -> None:
    # "completely omitted if the callee sent no data"
    event = capture(pusher, "on_data", {"event": "dtmf", "callId": "c"})
    assert event.dtmf == ""
    assert event.original_call_id is None


def test_events_are_frozen(pusher: Pusher) -> None:
    event = capture(pusher, "on_new_call", NEW_CALL)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.call_id = "other"
    assert hash(event) == hash(attrs.evolve(event))


def test_unknown_fields_are_ignored(pusher: Pusher) -> None:
    event = capture(pusher, "on_new_call", {**NEW_CALL, "somethingNew": "1", "tags[]": ["a", "b"]})
    assert event.call_id == "123456"
