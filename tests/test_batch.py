"""Bulk work with bounded concurrency: the scheduler's rules, and both runners over real sockets."""

from __future__ import annotations

import os
import signal
import threading
import time
import warnings
from typing import Any

import pytest

import sipgateio
from sipgateio import errors
from sipgateio._batch import RATE_LIMIT_TRIES, Batch, Outcome, Scheduler
from sipgateio.contacts.resource import ContactsDeleteError, ContactsImportError
from sipgateio.resources.history import history_entry
from tests.apistub import Answer, APIStub, Recorded
from tests.conftest import TOKEN, TOKEN_ID, Flavour
from tests.resources.test_history import entry_json

CONTACTS = "/v2/contacts"


def rate_limited(retry_after: float | None = 2.0) -> errors.RateLimitError:
    return errors.RateLimitError(
        status_code=429, method="POST", url="http://x/v2/contacts", body="", retry_after=retry_after
    )


def refused() -> errors.ConflictError:
    return errors.ConflictError(status_code=409, method="DELETE", url="http://x", body="")


def calls(n: int) -> list[Any]:
    return [object() for _ in range(n)]  # the scheduler never looks inside a call


# -- the scheduler (pure: no sockets, no clocks) -------------------------------------------


def test_scheduler_keeps_at_most_limit_in_flight_and_keeps_order() -> None:
    plan = Scheduler(Batch(calls(5), limit=2), default_limit=64)
    assert [plan.take(), plan.take(), plan.take()] == [0, 1, None]
    plan.finish(1, "b", None)
    assert plan.take() == 2 and plan.take() is None
    for index, value in ((0, "a"), (2, "c")):
        plan.finish(index, value, None)
    assert [plan.take(), plan.take(), plan.take()] == [3, 4, None]
    plan.finish(4, "e", None)
    plan.finish(3, "d", None)
    assert plan.take() is None and plan.pause() is None
    assert [o.value for o in plan.outcomes()] == ["a", "b", "c", "d", "e"]
    assert all(o.ok for o in plan.outcomes())


def test_scheduler_default_limit_and_small_batches() -> None:
    assert Scheduler(Batch(calls(100)), default_limit=8).workers == 8
    assert Scheduler(Batch(calls(3)), default_limit=8).workers == 3  # no idle workers
    assert Scheduler(Batch(calls(0)), default_limit=8).outcomes() == []


def test_scheduler_slows_down_on_429_and_retries_the_call() -> None:
    plan = Scheduler(Batch(calls(10), limit=8), default_limit=64)
    started = [plan.take() for _ in range(8)]
    assert started == list(range(8))
    plan.finish(3, None, rate_limited(2.5))
    assert plan.limit == 4  # halved
    assert plan.take() is None  # no new call while the calls in flight end
    for index in (0, 1, 2, 4, 5, 6, 7):
        plan.finish(index, "ok", None)
    assert plan.take() is None
    assert plan.pause() == 2.5  # the server's Retry-After
    assert plan.pause() is None  # once
    assert plan.take() == 3  # the refused call goes first
    assert [plan.take(), plan.take(), plan.take(), plan.take()] == [8, 9, None, None]
    for index in (3, 8, 9):
        plan.finish(index, "ok", None)
    assert plan.pause() is None
    assert all(o.ok for o in plan.outcomes())


def test_scheduler_backs_off_without_retry_after_and_caps_long_hints() -> None:
    plan = Scheduler(Batch(calls(1)), default_limit=1)
    plan.take()
    plan.finish(0, None, rate_limited(None))
    first = plan.pause()
    plan.take()
    plan.finish(0, None, rate_limited(None))
    second = plan.pause()
    assert first is not None and second is not None and 0 < first < second
    plan.take()
    plan.finish(0, None, rate_limited(3600))
    assert plan.pause() == 60.0


def test_scheduler_gives_up_on_a_call_after_repeated_429() -> None:
    plan = Scheduler(Batch(calls(1)), default_limit=4)
    for _ in range(RATE_LIMIT_TRIES):
        assert plan.take() == 0
        plan.finish(0, None, rate_limited(0))
        plan.pause()
    (outcome,) = plan.outcomes()
    assert isinstance(outcome.error, errors.RateLimitError) and outcome.attempted


def test_scheduler_raises_the_limit_again_after_calm_completions() -> None:
    plan = Scheduler(Batch(calls(40), limit=4), default_limit=64)
    for _ in range(4):
        plan.take()
    plan.finish(0, None, rate_limited(0))
    assert plan.limit == 2
    for index in (1, 2, 3):
        plan.finish(index, "ok", None)
    plan.pause()
    limits = []
    while (index := plan.take()) is not None or plan.in_flight:
        if index is not None:
            plan.finish(index, "ok", None)
            limits.append(plan.limit)
    assert max(limits) == 4 and limits[-1] == 4  # back to the batch's bound, never above


def test_scheduler_stops_at_a_fatal_error_and_reports_the_rest_not_attempted() -> None:
    def fatal(error: errors.SipgateIOError) -> bool:
        return not isinstance(error, errors.ConflictError)

    plan = Scheduler(Batch(calls(6), limit=2, stop=fatal), default_limit=64)
    plan.take(), plan.take()
    plan.finish(0, None, refused())  # refused: goes on
    assert plan.take() == 2
    denied = errors.AuthenticationError(status_code=401, method="GET", url="x", body="")
    plan.finish(1, None, denied)
    assert plan.take() is None  # stopped; 2 still in flight
    plan.finish(2, "ok", None)
    assert plan.pause() is None
    out = plan.outcomes()
    assert [o.ok for o in out] == [False, False, True, False, False, False]
    assert out[0].error is not None and out[1].error is denied
    assert out[3:] == [Outcome(attempted=False)] * 3


def test_scheduler_reports_progress_and_stops_when_it_raises() -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 2:
            raise KeyboardInterrupt

    plan = Scheduler(Batch(calls(4), limit=2, progress=progress), default_limit=64)
    plan.take(), plan.take()
    plan.finish(1, "b", None)
    plan.finish(0, "a", None)
    assert plan.take() is None and plan.pause() is None
    with pytest.raises(KeyboardInterrupt):
        plan.outcomes()
    assert seen == [(1, 4), (2, 4)]


# -- the runners over real sockets ---------------------------------------------------------


class InFlight:
    """A handler that counts requests in flight and holds the first ``gather`` until all came."""

    def __init__(self, gather: int, answer: Answer | None = None) -> None:
        self.lock = threading.Lock()
        self.now = self.most = self.seen = 0
        self.barrier = threading.Barrier(gather, timeout=20) if gather > 1 else None
        self.gather = gather
        self.answer = answer or Answer(204)

    def __call__(self, rec: Recorded) -> Answer:
        with self.lock:
            self.now += 1
            self.seen += 1
            self.most = max(self.most, self.now)
            first_group = self.seen <= self.gather
        try:
            if self.barrier is not None and first_group:
                self.barrier.wait()  # proves `gather` requests are in flight together
            return self.answer
        finally:
            with self.lock:
                self.now -= 1


def book(n: int, scope: str = "SHARED") -> list[dict[str, Any]]:
    return [{"id": f"c{i}", "name": f"Person {i}", "scope": scope} for i in range(n)]


def serve_book(api: APIStub, contacts: list[dict[str, Any]]) -> None:
    api.reply("GET", CONTACTS, json={"items": contacts, "totalCount": len(contacts)})


def serve_deletable_book(api: APIStub, n: int) -> None:
    """``n`` shared contacts, each answering its DELETE with 204."""
    contacts = book(n)
    serve_book(api, contacts)
    for c in contacts:
        api.reply("DELETE", f"{CONTACTS}/{c['id']}", Answer(204))


def card(i: int) -> str:
    return f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person {i}\r\nTEL:+491579991{i:04d}\r\nEND:VCARD\r\n"


@pytest.mark.parametrize("limit", [1, 3, 8])
def test_delete_all_keeps_the_bound_and_deletes_every_contact(
    flavour: Flavour, api: APIStub, limit: int
) -> None:
    contacts = book(20)
    serve_book(api, contacts)
    handler = InFlight(gather=limit)
    for c in contacts:
        api.handle("DELETE", f"{CONTACTS}/{c['id']}", handler)
    progress: list[tuple[int, int]] = []
    flavour.run(
        lambda c: c.contacts.delete_all_shared(
            concurrency=limit, progress=lambda d, t: progress.append((d, t))
        )
    )
    assert sorted(r.path for r in api.sent("DELETE")) == sorted(
        f"{CONTACTS}/{c['id']}" for c in contacts
    )
    assert handler.most == limit  # reached (the barrier) and never exceeded
    assert progress == [(i, 20) for i in range(1, 21)]


def test_the_clients_concurrency_is_the_default_bound(flavour: Flavour, api: APIStub) -> None:
    contacts = book(12)
    serve_book(api, contacts)
    handler = InFlight(gather=4)
    for c in contacts:
        api.handle("DELETE", f"{CONTACTS}/{c['id']}", handler)
    flavour.run(lambda c: c.contacts.delete_all_shared(), concurrency=4)
    assert handler.most == 4 and len(api.sent("DELETE")) == 12


def test_vcard_import_slows_down_on_429_and_imports_every_card(
    flavour: Flavour, api: APIStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []

    async def async_wait(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr("sipgateio._ops._sleep", waits.append)
    monkeypatch.setattr("sipgateio._ops._async_sleep", async_wait)
    lock, refusals = threading.Lock(), {"Person 3": 2, "Person 7": 1}

    def handler(rec: Recorded) -> Answer:
        with lock:
            left = refusals.get(rec.json["name"], 0)
            refusals[rec.json["name"]] = left - 1
        if left > 0:
            return Answer(429, json={"message": "slow down"}, headers={"Retry-After": "7"})
        return Answer(204)

    api.handle("POST", CONTACTS, handler)
    report = flavour.run(
        lambda c: c.contacts.import_vcard_string(
            "".join(card(i) for i in range(10)), sipgateio.Scope.PRIVATE, concurrency=4
        )
    )
    assert report == sipgateio.ImportReport(10, [])
    names = [r.json["name"] for r in api.sent("POST", CONTACTS)]
    assert sorted(set(names)) == sorted(f"Person {i}" for i in range(10))
    assert names.count("Person 3") == 3 and names.count("Person 7") == 2 and len(names) == 13
    assert waits and set(waits) == {7.0}  # Retry-After honoured, at least once per pause


def test_vcard_import_reports_a_card_still_rate_limited_after_every_try(
    flavour: Flavour, api: APIStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def async_wait(seconds: float) -> None:
        pass

    monkeypatch.setattr("sipgateio._ops._sleep", lambda s: None)
    monkeypatch.setattr("sipgateio._ops._async_sleep", async_wait)
    api.reply("POST", CONTACTS, Answer(429, json={"message": "slow down"}))
    with pytest.raises(ContactsImportError) as info:
        flavour.run(
            lambda c: c.contacts.import_vcard_string(
                card(1) + card(2), sipgateio.Scope.PRIVATE, concurrency=1
            )
        )
    error = info.value
    assert [r.json["name"] for r in api.requests] == ["Person 1"] * RATE_LIMIT_TRIES
    assert error.report.imported == 0 and list(error.failed) == [1]
    assert error.not_attempted == (2,)
    assert isinstance(error.__cause__, errors.RateLimitError)


def test_delete_all_reports_every_outcome_when_run_concurrently(
    flavour: Flavour, api: APIStub
) -> None:
    contacts = book(9)
    serve_book(api, contacts)
    for i, c in enumerate(contacts):
        status = 409 if i % 3 == 0 else 404 if i == 4 else 204
        api.reply("DELETE", f"{CONTACTS}/{c['id']}", Answer(status, json={"message": "m"}))
    with pytest.raises(ContactsDeleteError) as info:
        flavour.run(lambda c: c.contacts.delete_all_shared(concurrency=5))
    error = info.value
    assert sorted(error.failed) == ["c0", "c3", "c6"]
    assert error.deleted == 6 and error.not_attempted == ()


def test_history_note_updates_run_concurrently(flavour: Flavour, api: APIStub) -> None:
    handler = InFlight(gather=5)
    ids = [str(i) for i in range(15)]
    for i in ids:
        api.handle("PUT", f"/v2/history/{i}", handler)
    events = [history_entry(entry_json(i)) for i in ids]
    done: list[int] = []
    flavour.run(
        lambda c: c.history.batch_update_events(
            events,
            lambda e: sipgateio.HistoryEntryUpdateOptions(note=f"note {e.id}"),
            concurrency=5,
            progress=lambda d, t: done.append(d),
        )
    )
    assert handler.most == 5 and done == list(range(1, 16))
    assert sorted((r.path, r.json["note"]) for r in api.sent("PUT")) == sorted(
        (f"/v2/history/{i}", f"note {i}") for i in ids
    )


def test_a_failing_progress_callback_stops_the_run_and_is_raised(
    flavour: Flavour, api: APIStub
) -> None:
    contacts = book(6)
    serve_book(api, contacts)
    for c in contacts:
        api.reply("DELETE", f"{CONTACTS}/{c['id']}", Answer(204))

    def progress(done: int, total: int) -> None:
        if done == 2:
            raise RuntimeError("user cancelled")

    with pytest.raises(RuntimeError, match="user cancelled"):
        flavour.run(lambda c: c.contacts.delete_all_shared(concurrency=1, progress=progress))
    assert len(api.sent("DELETE")) == 2


@pytest.mark.parametrize("value", [0, -1, 1001, 2.5, "8", True])
def test_bad_concurrency_is_refused_before_anything_is_sent(
    flavour: Flavour, api: APIStub, value: Any
) -> None:
    with pytest.raises(sipgateio.ValidationError) as info:
        flavour.run(lambda c: c.contacts.delete_all_shared(concurrency=value))
    assert info.value.field == "concurrency"
    with pytest.raises(sipgateio.ValidationError) as info:
        sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, concurrency=value)
    assert info.value.field == "concurrency"
    with pytest.raises(sipgateio.ValidationError) as info:
        flavour.run(lambda c: c.contacts.import_vcard_string(card(1), "PRIVATE", progress=5))
    assert info.value.field == "progress"
    assert api.requests == []


# -- SipgateIO's bulk machinery: a private event loop thread --------------------------------


def bulk_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "sipgateio-bulk"]


def test_sync_bulk_runs_in_its_loop_thread_and_raises_in_the_callers(api: APIStub) -> None:
    serve_deletable_book(api, 6)
    before = set(bulk_threads())
    threads: list[str] = []

    def progress(done: int, total: int) -> None:
        threads.append(threading.current_thread().name)
        if done == 3:
            raise KeyboardInterrupt  # even this comes out in the caller's thread

    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as client:
        with pytest.raises(KeyboardInterrupt):
            client.contacts.delete_all_shared(concurrency=2, progress=progress)
        assert set(threads) == {"sipgateio-bulk"} and len(threads) >= 3
        interrupted = len(api.sent("DELETE"))
        client.contacts.delete_all_shared(concurrency=2)  # the loop survived it
        (started,) = set(bulk_threads()) - before
        threads.clear()
        client.contacts.delete_all_shared(
            concurrency=1, progress=lambda d, t: threads.append(threading.current_thread().name)
        )
        assert threads == [threading.current_thread().name] * 6  # one at a time: this thread
    started.join(timeout=10)
    assert not started.is_alive()  # close() stopped it
    assert 3 <= interrupted <= 4 and len(api.sent("DELETE")) == interrupted + 12


def test_a_closed_sync_client_reports_every_item_without_starting_a_thread(
    api: APIStub,
) -> None:
    client = sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url)
    client.close()
    before = set(bulk_threads())
    with pytest.raises(ContactsImportError) as info:
        client.contacts.import_vcard_string(card(1) + card(2), sipgateio.Scope.PRIVATE)
    assert list(info.value.failed) == [1] and info.value.not_attempted == (2,)
    assert "closed" in str(info.value.__cause__)
    assert set(bulk_threads()) == before and api.requests == []


def test_sync_bulk_through_the_users_http_client_keeps_the_bound(api: APIStub) -> None:
    import httpx

    contacts = book(12)
    serve_book(api, contacts)
    handler = InFlight(gather=4)
    for c in contacts:
        api.handle("DELETE", f"{CONTACTS}/{c['id']}", handler)
    seen: list[str] = []

    def hook(request: httpx.Request) -> None:
        seen.append(request.method)

    with (
        httpx.Client(event_hooks={"request": [hook]}) as http,
        sipgateio.SipgateIO(
            token_id=TOKEN_ID, token=TOKEN, base_url=api.url, http_client=http, concurrency=4
        ) as client,
    ):
        client.contacts.delete_all_shared()
    assert handler.most == 4 and len(api.sent("DELETE")) == 12
    assert seen.count("DELETE") == 12  # every delete went through the user's client


def test_the_pool_is_as_large_as_the_clients_concurrency(flavour: Flavour, api: APIStub) -> None:
    n = 120  # more than the pool's default 100 connections
    contacts = book(n)
    serve_book(api, contacts)
    handler = InFlight(gather=n)
    for c in contacts:
        api.handle("DELETE", f"{CONTACTS}/{c['id']}", handler)
    flavour.run(lambda c: c.contacts.delete_all_shared(), concurrency=n)
    assert handler.most == n and len(api.sent("DELETE")) == n


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_sync_bulk_works_in_a_child_process_after_fork(api: APIStub) -> None:
    contacts = book(4)
    serve_book(api, contacts)
    for c in contacts:
        api.reply("DELETE", f"{CONTACTS}/{c['id']}", Answer(204))
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as client:
        client.contacts.delete_all_shared()  # the parent's bulk thread runs
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads running
            pid = os.fork()
        if pid == 0:  # the child: its own loop thread, or it would wait forever
            code = 1
            signal.signal(signal.SIGALRM, signal.SIG_DFL)  # whatever the test runner set
            signal.alarm(30)  # a child that waits for a thread it does not have dies
            try:
                client.contacts.delete_all_shared()
                code = 0
            finally:
                os._exit(code)
        for _ in range(600):  # the parent never waits forever either
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the child process hung in its bulk call")
    assert os.waitstatus_to_exitcode(status) == 0
    assert len(api.sent("DELETE")) == 8


def test_calls_made_on_demand_are_made_as_they_start_and_a_failure_stops_the_run() -> None:
    import asyncio

    from sipgateio._batch import OnDemand
    from sipgateio._ops import run_batch

    events: list[str] = []

    def make(i: int) -> Any:
        events.append(f"make {i}")
        if i == 3:
            raise ValueError("cannot make call 3")
        return i

    async def item(call: Any) -> tuple[Any, BaseException | None]:
        events.append(f"send {call}")
        await asyncio.sleep(0)
        return call * 10, None

    batch = Batch(OnDemand(range(6), make), limit=1)
    assert asyncio.run(run_batch(Batch(OnDemand(range(3), make), limit=1), 8, item)) == [
        Outcome(0),
        Outcome(10),
        Outcome(20),
    ]
    assert events == ["make 0", "send 0", "make 1", "send 1", "make 2", "send 2"]
    events.clear()
    with pytest.raises(ValueError, match="cannot make call 3"):
        asyncio.run(run_batch(batch, 8, item))
    assert events[-2:] == ["send 2", "make 3"]  # nothing started after the failure


@pytest.mark.parametrize("limit", [1, 3])
def test_a_call_that_cannot_be_made_is_its_items_outcome_one_at_a_time_or_not(
    flavour: Flavour, api: APIStub, limit: int
) -> None:
    from sipgateio._batch import OnDemand
    from sipgateio._ops import Call, send_all
    from sipgateio.raw.api.contacts import delete_contact

    for i in range(5):
        api.reply("DELETE", f"{CONTACTS}/c{i}", Answer(204))

    def make(i: int) -> Any:
        if i == 2:
            raise errors.ValidationError("contact 2 cannot be deleted", field="id")
        return Call(delete_contact.prepare(contact_id=f"c{i}"))

    def op() -> Any:
        return (yield from send_all(Batch(OnDemand(range(5), make), limit=limit)))

    # the same outcomes whether the batch runs one call at a time or in its loop
    outcomes = flavour.run(lambda c: c._runner.run(op()))
    assert [o.ok for o in outcomes] == [True, True, False, True, True]
    assert isinstance(outcomes[2].error, errors.ValidationError) and outcomes[2].attempted
    assert sorted(r.path for r in api.sent("DELETE")) == [f"{CONTACTS}/c{i}" for i in (0, 1, 3, 4)]


def test_close_from_a_progress_callback_leaves_no_thread_behind(api: APIStub) -> None:
    serve_deletable_book(api, 8)
    before = set(bulk_threads())
    client = sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url)

    def progress(done: int, total: int) -> None:
        if done == 1:
            client.close()

    with pytest.raises(ContactsDeleteError) as info:  # the deletes not yet sent: closed
        client.contacts.delete_all_shared(concurrency=2, progress=progress)
    assert "closed" in str(info.value.__cause__)
    assert set(bulk_threads()) == before  # stopped when the run ended, not left idle
    assert len(info.value.failed) + len(info.value.not_attempted) + info.value.deleted == 8


def test_close_from_the_loop_thread_between_runs_stops_it_without_waiting_for_itself(
    api: APIStub, caplog: pytest.LogCaptureFixture
) -> None:
    import asyncio
    import gc

    # Other tests' garbage (an aiohttp session left by a client used across event loops)
    # warns when collected: collected (and its warnings dropped) before, none meanwhile.
    gc.collect()
    caplog.clear()
    gc.disable()
    try:
        serve_deletable_book(api, 4)
        before = set(bulk_threads())
        client = sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url)
        client.contacts.delete_all_shared(concurrency=2)
        (thread,) = set(bulk_threads()) - before
        loop = client._bulk._worker.loop
        # e.g. the client's finalizer, run by a garbage collection in that thread
        asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop).result()
        loop.call_soon_threadsafe(client.close)
        thread.join(timeout=10)
        assert not thread.is_alive()
        assert client._bulk._worker is None
    finally:
        gc.enable()
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []


@pytest.mark.skipif(os.name != "posix", reason="the open-files limit of POSIX systems")
@pytest.mark.parametrize(
    ("soft_limit", "expected"), [(256, 128), (1024, 512), (65536, 512), (-1, 512)]
)
def test_the_default_concurrency_leaves_room_under_the_open_files_limit(
    monkeypatch: pytest.MonkeyPatch, api: APIStub, soft_limit: int, expected: int
) -> None:
    import resource

    limit = resource.RLIM_INFINITY if soft_limit < 0 else soft_limit
    monkeypatch.setattr(resource, "getrlimit", lambda which: (limit, resource.RLIM_INFINITY))
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as client:
        assert client._runner.concurrency == expected
    with sipgateio.SipgateIO(  # the user's own setting is theirs
        token_id=TOKEN_ID, token=TOKEN, base_url=api.url, concurrency=300
    ) as client:
        assert client._runner.concurrency == 300
