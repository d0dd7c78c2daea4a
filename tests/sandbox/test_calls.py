"""Calls in the sandbox: simulated incoming calls and click-to-dial, pushes to the real
webhook app over sockets, RTCM through the facade, every call ending in the history."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

import sipgateio
from sipgateio.sandbox import CallState, Sandbox
from sipgateio.sandbox.serving import BackgroundServer
from sipgateio.webhook import WebhookResponse, create_webhook_app
from tests.conftest import Flavour


class Hook:
    """A webhook app verifying the sandbox's signatures, served on a free port."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.events: list[Any] = []
        self.server = BackgroundServer().start()  # the app comes once its URL is known
        self.url = self.server.url + "/hook"
        self.app = create_webhook_app(
            self.url, public_key=sandbox.public_key_pem, check_audio=False
        )
        self.server.app = self.app.wsgi
        self.app.on_answer(self.events.append)
        self.app.on_hangup(self.events.append)

    def kinds(self) -> list[str]:
        return [str(e.event) for e in self.events]


@pytest.fixture
def hook(sandbox: Sandbox) -> Iterator[Callable[..., Hook]]:
    hooks: list[Hook] = []

    def make(new_call: Callable[[Any], Any], on_data: Callable[[Any], Any] | None = None) -> Hook:
        h = Hook(sandbox)
        hooks.append(h)

        def route(event: Any) -> Any:
            h.events.append(event)
            return new_call(event)

        h.app.on_new_call(route)
        if on_data is not None:

            def data(event: Any) -> Any:
                h.events.append(event)
                return on_data(event)

            h.app.on_data(data)
        return h

    yield make
    sandbox.calls.hang_up_all()
    for h in hooks:
        h.server.stop()
        h.app.close()


def client(sandbox: Sandbox) -> sipgateio.SipgateIO:
    return sipgateio.SipgateIO(
        base_url=sandbox.base_url, token_id=sandbox.token_id, token=sandbox.token, max_retries=0
    )


def set_incoming(sandbox: Sandbox, url: str) -> None:
    with client(sandbox) as c:
        c.webhook_settings.set_incoming_url(url)


def test_incoming_call_without_webhook_is_delivered(sandbox: Sandbox) -> None:
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+4915799912345")
    assert call.state is CallState.ESTABLISHED and call.transcript == []
    with client(sandbox) as c:
        [active] = c.rtcm.get_established_calls()
        assert active.call_id == call.call_id
        numbers = {p.phone_number for p in active.participants}
        assert numbers == {"+4921100000", "+4915799912345"}
        sandbox.advance(42)
        c.rtcm.hang_up(active)
        assert c.rtcm.get_established_calls() == []
        entry = c.history.fetch_by_id(call.history_id)
    assert entry.type is sipgateio.HistoryEntryType.CALL
    assert entry.direction is sipgateio.HistoryDirection.INCOMING
    assert (entry.source, entry.target, entry.duration) == ("+4921100000", "+4915799912345", 42)


def test_gather_menu_then_dial(sandbox: Sandbox, hook: Callable[..., Hook]) -> None:
    menu = {"1": "+492111234568", "2": "+492111234560"}
    h = hook(
        lambda e: WebhookResponse.gather_dtmf(1, 2000, None),
        on_data=lambda e: WebhookResponse.redirect_call(numbers=[menu[e.dtmf]]),
    )
    set_incoming(sandbox, h.url)
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+4915799912345", dtmf="1")
    assert [e.event for e in call.transcript] == ["newCall", "dtmf", "answer"]
    assert all(e.status in (200, 204) for e in call.transcript)
    assert h.kinds() == ["newCall", "dtmf", "answer"]
    new_call = h.events[0]
    assert (new_call.from_, new_call.to, new_call.users, new_call.user_ids) == (
        "+4921100000",
        "+4915799912345",
        ("Ada Lovelace",),
        ("w0",),
    )
    assert h.events[2].answering_number == "+492111234568"
    with client(sandbox) as c:
        c.rtcm.hang_up(call.call_id)
        entry = c.history.fetch_by_id(call.history_id)
    assert h.kinds()[-1] == "hangup" and h.events[-1].cause == "normalClearing"
    assert entry.status is sipgateio.HistoryEntryStatus.FORWARD


@pytest.mark.parametrize(
    ("answer", "direction", "call_status", "cause"),
    [
        (lambda e: WebhookResponse.reject_call("busy"), "MISSED_INCOMING", "BUSY", "busy"),
        (lambda e: WebhookResponse.reject_call(), "MISSED_INCOMING", "REJECTED", "noAnswer"),
        (lambda e: WebhookResponse.hang_up_call(), "MISSED_INCOMING", "MISSED", "normalClearing"),
    ],
)
def test_calls_that_never_connect(
    sandbox: Sandbox,
    hook: Callable[..., Hook],
    answer: Any,
    direction: str,
    call_status: str,
    cause: str,
) -> None:
    h = hook(answer)
    set_incoming(sandbox, h.url)
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234567")
    assert call.state is CallState.ENDED
    assert h.kinds() == ["newCall", "hangup"] and h.events[-1].cause == cause
    with client(sandbox) as c:
        assert c.rtcm.get_established_calls() == []
        entry = c.history.fetch_by_id(call.history_id)
    assert entry.direction.value == direction
    assert entry.call_status.value == call_status


def test_voicemail(sandbox: Sandbox, hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.send_to_voicemail())
    set_incoming(sandbox, h.url)
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234567")
    assert call.state is CallState.ENDED
    assert h.kinds() == ["newCall", "hangup"]
    with client(sandbox) as c:
        entry = c.history.fetch_by_id(call.history_id)
    assert entry.type is sipgateio.HistoryEntryType.VOICEMAIL
    assert set(entry.connection_ids) == {"p0", "v0"}


def test_play_then_delivered_to_the_user(sandbox: Sandbox, hook: Callable[..., Hook]) -> None:
    h = hook(lambda e: WebhookResponse.play_audio("https://example.com/hello.wav"))
    set_incoming(sandbox, h.url)
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234568")
    assert call.simulation is not None
    assert call.simulation.played == ["https://example.com/hello.wav"]
    assert call.established and call.owner == "w1"
    assert h.events[1].users == ("Grace Hopper",)


def test_whitelist_keeps_other_extensions_quiet(
    sandbox: Sandbox, hook: Callable[..., Hook]
) -> None:
    h = hook(lambda e: WebhookResponse.hang_up_call())
    with client(sandbox) as c:
        c.webhook_settings.set_incoming_url(h.url)
        c.webhook_settings.set_whitelist(["p1"])
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234567")
    assert call.transcript == [] and call.established
    assert h.events == []


def test_rtcm_acts_on_the_call(sbflavour: Flavour, sandbox: Sandbox) -> None:
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234567")

    def steer(c: Any) -> Any:
        return c.rtcm.mute(call.call_id, True)

    sbflavour.run(steer)
    sbflavour.run(lambda c: c.rtcm.hold(call.call_id, True))
    sbflavour.run(lambda c: c.rtcm.record(call.call_id, value=True, announcement=False))
    sbflavour.run(lambda c: c.rtcm.announce(call.call_id, "https://example.com/a.wav"))
    sbflavour.run(lambda c: c.rtcm.send_dtmf(call.call_id, "12#"))
    [active] = sbflavour.run(lambda c: c.rtcm.get_established_calls())
    assert (active.muted, active.hold, active.recording) == (True, True, True)
    assert call.announcements == ["https://example.com/a.wav"]
    assert call.dtmf_sent == ["12#"]
    sbflavour.run(lambda c: c.rtcm.transfer(call.call_id, attended=True, phone_number="+4930123"))
    [active] = sbflavour.run(lambda c: c.rtcm.get_established_calls())
    assert "+4930123" in {p.phone_number for p in active.participants}
    sbflavour.run(lambda c: c.rtcm.hang_up(call.call_id))
    entry = sbflavour.run(lambda c: c.history.fetch_by_id(call.history_id))
    assert len(entry.recordings) == 1
    with pytest.raises(sipgateio.NotFoundError):
        sbflavour.run(lambda c: c.rtcm.hang_up(call.call_id))


def test_blind_transfer_ends_the_call_here(sandbox: Sandbox) -> None:
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234567")
    with client(sandbox) as c:
        c.rtcm.transfer(call.call_id, attended=False, phone_number="+4930123")
        assert c.rtcm.get_established_calls() == []
        entry = c.history.fetch_by_id(call.history_id)
    assert call.hangup_cause == "forwarded"
    assert entry.status is sipgateio.HistoryEntryStatus.FORWARD


def test_click_to_dial_pushes_to_the_outgoing_url(
    sandbox: Sandbox, hook: Callable[..., Hook], sbflavour: Flavour
) -> None:
    h = hook(lambda e: WebhookResponse.redirect_call(numbers=[e.to], caller_id="+4915799912345"))
    with client(sandbox) as c:
        c.webhook_settings.set_outgoing_url(h.url)
    session = sbflavour.run(lambda c: c.call.initiate(to="+4915112345678", from_="e0"))
    call = sandbox.calls.get(session.session_id)
    assert call is not None and call.established
    out = h.events[0]
    assert (out.direction, out.from_, out.to, out.users) == (
        "out",
        "+492111234567",
        "+4915112345678",
        ("Ada Lovelace",),
    )
    sbflavour.run(lambda c: c.rtcm.hang_up(session.session_id))
    entry = sbflavour.run(lambda c: c.history.fetch_by_id(call.history_id))
    assert entry.direction is sipgateio.HistoryDirection.OUTGOING
    assert entry.source == "+4915799912345"  # the Dial's callerId


def test_click_to_dial_checks(sandbox: Sandbox) -> None:
    with client(sandbox) as c:
        with pytest.raises(sipgateio.PermissionDeniedError):
            c.call.initiate(to="+4915112345678", from_="e1")  # Grace's phone
        session = c.call.initiate(to="+4915112345678", from_="+4915799912345", device_id="y0")
        assert [a.call_id for a in c.rtcm.get_established_calls()] == [session.session_id]


def test_stopping_the_sandbox_ends_calls_in_the_history(tmp_path: Any) -> None:
    path = str(tmp_path / "calls.db")
    with Sandbox(db=path) as sb:
        call = sb.simulate_incoming_call(from_="+4921100000", to="+492111234567")
    with Sandbox(db=path) as sb, client(sb) as c:
        assert c.history.fetch_by_id(call.history_id).type is sipgateio.HistoryEntryType.CALL
        assert c.rtcm.get_established_calls() == []


def test_unknown_number_is_a_validation_error(sandbox: Sandbox) -> None:
    with pytest.raises(sipgateio.ValidationError, match="routed number"):
        sandbox.simulate_incoming_call(from_="+4921100000", to="+4930000000")


def test_call_get_and_list_follow_a_call_from_active_to_finished(
    sandbox: Sandbox, sbflavour: Flavour
) -> None:
    from sipgateio.resources.call import CallState as State

    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234567")
    missed = sandbox.simulate_incoming_call(from_="+4921100001", to="+492111234567", pick_up=False)
    assert sbflavour.run(lambda c: c.call.get(call.call_id)).state is State.ACTIVE
    sbflavour.run(lambda c: c.rtcm.hold(call.call_id, True))
    assert sbflavour.run(lambda c: c.call.get(call.call_id)).state is State.ON_HOLD
    sandbox.advance(30)
    sbflavour.run(lambda c: c.rtcm.hang_up(call.call_id))
    done = sbflavour.run(lambda c: c.call.get(call.call_id))
    assert (done.state, done.duration, done.from_) == (State.COMPLETED, 30, "+4921100000")
    assert sbflavour.run(lambda c: c.call.get(missed.call_id)).state is State.MISSED
    listed = sbflavour.run(lambda c: c.call.list(state=State.MISSED))
    assert missed.call_id in {c.id for c in listed} and call.call_id not in {c.id for c in listed}


def wav(seconds: float) -> bytes:
    import io
    import wave

    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * int(8000 * seconds))
    return out.getvalue()


def test_play_audio_and_hang_up_hangs_up_through_the_sandbox_rtcm(
    sandbox: Sandbox, hook: Callable[..., Hook], serve: Callable[[Any], BackgroundServer]
) -> None:
    import threading

    audio = wav(0.05)
    files = serve(lambda environ, start: (start("200 OK", [("Content-Type", "audio/wav"),
                   ("Content-Length", str(len(audio)))]), [audio])[1])  # fmt: skip
    rtcm_client = client(sandbox)
    ended = threading.Event()
    h = hook(
        lambda e: WebhookResponse.play_audio_and_hang_up(
            files.url + "/bye.wav", rtcm_client, e.call_id
        )
    )
    seen: list[Any] = []

    def hung_up(event: Any) -> None:
        h.events.append(event)
        seen.append(rtcm_client.call.get(event.call_id))  # the history has it already
        ended.set()

    h.app.on_hangup(hung_up)
    set_incoming(sandbox, h.url)
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234567")
    assert call.established  # Play, then delivered: the hang-up comes later, through RTCM
    assert ended.wait(30)  # the webhook's timer called DELETE /calls/{id} on the sandbox
    assert call.hangup_cause == "normalClearing" and not call.established
    assert h.events[-1].cause == "normalClearing"
    assert seen[0].history_entry_id == call.history_id
    rtcm_client.close()
