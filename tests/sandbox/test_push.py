"""The push engine against the real webhook app over sockets: signed pushes, every answer verb."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sipgateio.sandbox import push
from sipgateio.sandbox.push import CallSimulation, CallState, simulate_call
from sipgateio.sandbox.serving import BackgroundServer
from sipgateio.webhook import (
    AnswerEvent,
    DataEvent,
    HangUpEvent,
    NewCallEvent,
    WebhookResponse,
    create_webhook_app,
)


@pytest.fixture(scope="module")
def key() -> Any:
    return push.generate_private_key()


class Hook:
    """A webhook app on a free port, recording every event it handled."""

    def __init__(self, key: Any, **options: Any) -> None:
        self.events: list[Any] = []
        self.server = BackgroundServer().start()  # the app comes once its URL is known
        self.url = self.server.url + "/hook"
        self.app = create_webhook_app(
            self.url, public_key=push.public_key_pem(key), check_audio=False, **options
        )
        self.server.app = self.app.wsgi

    def record(self, event: Any) -> None:
        self.events.append(event)

    def close(self) -> None:
        self.server.stop()
        self.app.close()


@pytest.fixture
def hook(key: Any) -> Iterator[Callable[..., Hook]]:
    hooks: list[Hook] = []

    def make(
        new_call: Callable[[NewCallEvent], Any] | None = None,
        *,
        follow: bool = True,
        on_data: Callable[[DataEvent], Any] | None = None,
    ) -> Hook:
        h = Hook(key)
        hooks.append(h)

        def route(event: NewCallEvent) -> Any:
            h.record(event)
            return None if new_call is None else new_call(event)

        h.app.on_new_call(route)
        if follow:
            h.app.on_answer(h.record)
            h.app.on_hangup(h.record)
        if on_data is not None:

            def data(event: DataEvent) -> Any:
                h.record(event)
                return on_data(event)

            h.app.on_data(data)
        return h

    yield make
    for h in hooks:
        h.close()


def kinds(sim: CallSimulation) -> list[str]:
    return [e.event for e in sim.transcript]


def test_form_body_is_what_sipgate_sends() -> None:
    body = push.form_body(
        [("event", "newCall"), ("from", "492111234567"), ("user[]", "Ada L"), ("user[]", "Grace")]
    )
    assert body == b"event=newCall&from=492111234567&user%5B%5D=Ada+L&user%5B%5D=Grace"


def test_signature_verifies_with_the_public_key(key: Any) -> None:
    from sipgateio.webhook.security import SignatureVerifier

    body = b"event=dtmf&callId=1&dtmf=12"
    signature = push.sign_body(body, key)
    verifier = SignatureVerifier(push.public_key_pem(key))
    assert verifier.verify(body, signature)
    assert not verifier.verify(body + b"3", signature)


def test_dial_answer_and_hangup_events(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.redirect_call(numbers=["+4915799912345", "+492111234568"]))
    sim = simulate_call(
        h.url,
        private_key=key,
        from_="+492111111111",
        to="+4915799912345",
        users=["Ada Lovelace"],
        user_ids=["w0"],
        full_user_ids=["1234567w0"],
    )
    assert kinds(sim) == ["newCall", "answer", "hangup"]
    assert [e.status for e in sim.transcript] == [200, 204, 204]
    new_call, answer, hangup = h.events
    assert isinstance(new_call, NewCallEvent)
    assert (new_call.from_, new_call.to, new_call.users, new_call.user_ids) == (
        "+492111111111",
        "+4915799912345",
        ("Ada Lovelace",),
        ("w0",),
    )
    assert isinstance(answer, AnswerEvent) and answer.answering_number == "+4915799912345"
    assert isinstance(hangup, HangUpEvent) and hangup.cause == "normalClearing"
    assert new_call.call_id == answer.call_id == hangup.call_id == sim.call_id
    assert sim.dialled is not None and sim.dialled.numbers == ("+4915799912345", "+492111234568")


def test_no_subscription_no_follow_ups(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.redirect_call(numbers=["+4915799912345"]), follow=False)
    sim = simulate_call(h.url, private_key=key, from_="+492111111111", to="+4915799912345")
    assert kinds(sim) == ["newCall"]
    assert sim.hangup_cause == "normalClearing"


def test_voicemail(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.send_to_voicemail())
    sim = CallSimulation(h.url, key, "+492111111111", "+4915799912345").start()
    assert sim.state is CallState.VOICEMAIL
    assert sim.dialled is not None and sim.dialled.voicemail
    sim.hang_up()
    assert kinds(sim) == ["newCall", "hangup"]


@pytest.mark.parametrize(("reason", "cause"), [("rejected", "noAnswer"), ("busy", "busy")])
def test_reject(key: Any, hook: Callable[..., Hook], reason: str, cause: str) -> None:
    h = hook(lambda e: WebhookResponse.reject_call(reason))
    sim = CallSimulation(h.url, key, "+492111111111", "+4915799912345").start()
    assert sim.state is CallState.ENDED and sim.rejected == reason
    assert kinds(sim) == ["newCall", "hangup"]
    assert h.events[-1].cause == cause


def test_play_then_the_call_is_delivered(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.play_audio("https://example.com/welcome.wav"))
    sim = CallSimulation(
        h.url, key, "+492111111111", "+4915799912345", users=["Ada Lovelace"], user_ids=["w0"]
    ).start()
    assert sim.played == ["https://example.com/welcome.wav"]
    assert sim.state is CallState.ESTABLISHED
    answer = h.events[1]
    assert isinstance(answer, AnswerEvent) and answer.users == ("Ada Lovelace",)


def test_gather_pushes_the_scripted_digits_and_follows_the_next_answer(
    key: Any, hook: Callable[..., Hook]
) -> None:
    menu = {"1": "+492111234567", "2": "+492111234568"}
    h = hook(
        lambda e: WebhookResponse.gather_dtmf(1, 3000, "https://example.com/menu.wav"),
        on_data=lambda e: WebhookResponse.redirect_call(numbers=[menu[e.dtmf]]),
    )
    sim = simulate_call(
        h.url, private_key=key, from_="+492111111111", to="+4915799912345", dtmf="27"
    )
    assert kinds(sim) == ["newCall", "dtmf", "answer", "hangup"]
    assert sim.gathered == ["2"]  # cut to maxDigits
    assert sim.played == ["https://example.com/menu.wav"]
    data = h.events[1]
    assert isinstance(data, DataEvent) and data.dtmf == "2"
    assert h.events[2].answering_number == "+492111234568"


def test_gather_without_digits_sends_none(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(
        lambda e: WebhookResponse.gather_dtmf(2, 1000),
        on_data=lambda e: WebhookResponse.hang_up_call(),
    )
    sim = simulate_call(h.url, private_key=key, from_="+492111111111", to="+4915799912345")
    assert ("dtmf", "") not in sim.transcript[1].fields
    assert "dtmf" not in dict(sim.transcript[1].fields)
    assert h.events[1].dtmf == ""
    assert sim.hangup_cause == "normalClearing" and kinds(sim)[-1] == "hangup"


def test_hang_up_verb(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.hang_up_call())
    sim = CallSimulation(h.url, key, "+492111111111", "+4915799912345").start()
    assert sim.state is CallState.ENDED and sim.hangup_cause == "normalClearing"
    assert kinds(sim) == ["newCall", "hangup"]


def test_endless_gathers_stop(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(
        lambda e: WebhookResponse.gather_dtmf(1, 1000),
        on_data=lambda e: WebhookResponse.gather_dtmf(1, 1000),
        follow=False,
    )
    sim = simulate_call(h.url, private_key=key, from_="+492111111111", to="+4915799912345")
    assert len(sim.transcript) == push.MAX_PUSHES + 1
    assert sim.transcript[-1].error is not None and sim.transcript[-1].status is None


def test_wrong_key_is_refused_and_the_call_goes_on(hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.hang_up_call())
    other = push.generate_private_key()
    sim = CallSimulation(h.url, other, "+492111111111", "+4915799912345").start()
    assert sim.transcript[0].status == 403
    assert sim.transcript[0].error == "the webhook answered HTTP 403"
    assert h.events == []
    assert sim.state is CallState.ESTABLISHED  # no instruction: delivered as usual


def test_unreachable_webhook_is_recorded(key: Any) -> None:
    with BackgroundServer(lambda environ, start: []) as server:
        url = server.url
    sim = CallSimulation(url, key, "+492111111111", "+4915799912345").start()
    assert sim.transcript[0].status is None and sim.transcript[0].error
    assert sim.state is CallState.ESTABLISHED


def test_outgoing_call_fields(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(
        lambda e: WebhookResponse.redirect_call(
            numbers=["+4915799912345"], caller_id="+492111234567", anonymous=True
        )
    )
    sim = simulate_call(
        h.url,
        private_key=key,
        from_="+492111234567",
        to="+4915112345678",
        direction="out",
        users=["Ada Lovelace"],
        diversion="+492111234560",
    )
    assert h.events[0].direction == "out" and h.events[0].diversion == "+492111234560"
    assert sim.dialled is not None
    assert (sim.dialled.caller_id, sim.dialled.anonymous) == ("+492111234567", True)
    answer = dict(sim.transcript[1].fields)
    assert "user" not in answer  # only incoming calls name who answered


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        ("<Response><Dial/></Response>", "<Dial> needs"),
        ("<Response><Gather maxDigits='0' onData='http://x'/></Response>", "maxDigits"),
        ("<Response><Reject reason='maybe'/></Response>", "rejected or busy"),
        ("<Response><Dance/></Response>", "unknown action"),
        ("<Answer/>", "root element"),
        ("<Response>", "well-formed"),
    ],
)
def test_bad_answers(xml: str, problem: str) -> None:
    with pytest.raises(push.AnswerError, match=problem):
        push.parse_answer(xml)


def test_parse_answer_reads_every_attribute() -> None:
    answer = push.parse_answer(
        '<?xml version="1.0" encoding="UTF-8"?><Response onAnswer="http://a" onHangup="http://h">'
        "<Play><Url>http://p.wav</Url></Play>"
        '<Gather onData="http://d" maxDigits="3" timeout="10000"><Play><Url>http://m.wav</Url>'
        "</Play></Gather></Response>"
    )
    assert answer == push.Answer(
        "http://a",
        "http://h",
        (push.Play("http://p.wav"), push.Gather("http://d", 3, 10000, "http://m.wav")),
    )
    assert push.parse_answer(b"") == push.Answer()


def test_describe_names_event_url_and_outcome(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.reject_call("busy"))
    sim = CallSimulation(h.url, key, "+492111111111", "+4915799912345").start()
    line = sim.transcript[0].describe()
    assert line.startswith(f"newCall -> {h.url} [from=492111111111, to=4915799912345")
    assert line.endswith("=> HTTP 200: Reject")


def test_call_fields_follow_the_protocol(key: Any, hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.redirect_call(numbers=["+4915799912345"]))
    sim = simulate_call(h.url, private_key=key, from_="anonymous", to="+4915799912345",
                        users=["A", "B"], user_ids=["w0", "w1"])  # fmt: skip
    new_call = dict(sim.transcript[0].fields)
    assert new_call["from"] == "anonymous" and new_call["to"] == "4915799912345"
    assert new_call["callId"] == new_call["origCallId"] == sim.call_id
    assert new_call["xcid"] == h.events[0].xcid
    assert [v for k, v in sim.transcript[0].fields if k == "user[]"] == ["A", "B"]
    hangup = dict(sim.transcript[2].fields)
    assert (hangup["event"], hangup["cause"], hangup["answeringNumber"]) == (
        "hangup", "normalClearing", "4915799912345")  # fmt: skip


def test_successive_gathers_get_successive_scripted_digits(
    key: Any, hook: Callable[..., Hook]
) -> None:
    def menu(event: DataEvent) -> Any:
        if event.dtmf == "3":
            return WebhookResponse.gather_dtmf(4, 5000)  # "enter your customer number"
        return WebhookResponse.redirect_call(numbers=["+492111234568"])

    h = hook(lambda e: WebhookResponse.gather_dtmf(1, 2000), on_data=menu)
    sim = simulate_call(h.url, private_key=key, from_="+492111111111", to="+4915799912345",
                        dtmf=["3", "123456"])  # fmt: skip
    assert sim.gathered == ["3", "1234"]
    assert kinds(sim) == ["newCall", "dtmf", "dtmf", "answer", "hangup"]
    assert [e.dtmf for e in h.events if isinstance(e, DataEvent)] == ["3", "1234"]
