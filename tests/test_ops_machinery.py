"""The sans-IO machinery: Sleep in both runners, request building, bound operations."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from sipgateio._ops import AsyncRunner, Emit, Op, Sleep, Stream, SyncRunner


def _pausing() -> Op[str]:
    answer = yield Sleep(0.01)
    assert answer is None
    yield Sleep(0.02)
    return "done"


def _pausing_stream() -> Stream[int]:
    yield Emit(1)
    yield Sleep(0.01)
    yield Emit(2)


def _runners() -> tuple[SyncRunner, AsyncRunner]:
    def no_client() -> Any:
        raise AssertionError("a pause must not touch the HTTP client")

    return SyncRunner(no_client, "http://x"), AsyncRunner(no_client, "http://x")


def test_sync_runner_sleeps(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr("sipgateio._ops._sleep", waits.append)
    sync, _ = _runners()
    assert sync.run(_pausing()) == "done"
    assert list(sync.iterate(_pausing_stream())) == [1, 2]
    assert waits == [0.01, 0.02, 0.01]


def test_async_runner_sleeps(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []

    async def fake(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr("sipgateio._ops._async_sleep", fake)
    _, runner = _runners()

    async def go() -> tuple[str, list[int]]:
        return await runner.run(_pausing()), [i async for i in runner.iterate(_pausing_stream())]

    assert asyncio.run(go()) == ("done", [1, 2])
    assert waits == [0.01, 0.02, 0.01]


def test_pauses_for_real_without_blocking_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    sync, runner = _runners()
    started = time.monotonic()
    sync.run(_pausing())
    assert time.monotonic() - started >= 0.03

    # The real asyncio.sleep, counting the pauses in progress at once.
    sleeping, most = [0], [0]

    async def counted_sleep(seconds: float) -> None:
        sleeping[0] += 1
        most[0] = max(most[0], sleeping[0])
        try:
            await asyncio.sleep(seconds)
        finally:
            sleeping[0] -= 1

    monkeypatch.setattr("sipgateio._ops._async_sleep", counted_sleep)

    async def go() -> list[str]:
        return list(await asyncio.gather(runner.run(_pausing()), runner.run(_pausing())))

    started = time.monotonic()
    assert asyncio.run(go()) == ["done", "done"]
    assert time.monotonic() - started >= 0.03
    assert most[0] == 2  # both operations pause at the same time: neither blocks the loop


def test_empty_query_params_are_left_out() -> None:
    from sipgateio.raw.api.numbers import get_numbers

    assert "params" not in get_numbers.prepare().kwargs
    assert get_numbers.prepare(offset=5).kwargs["params"] == {"offset": 5}


def test_bound_operations_keep_name_doc_and_signature() -> None:
    import inspect

    import sipgateio

    with sipgateio.SipgateIO(
        token_id="token-ABC123", token="e68ead46-a7db-46cd-8a1a-44aed1e4e372"
    ) as c:
        send = c.sms.send
        assert send.__name__ == "send" and "Send ``message``" in (send.__doc__ or "")
        assert list(inspect.signature(send).parameters)[:2] == ["to", "message"]
        assert c.sms.send == send  # a fresh bound method per access, equal to the last


def test_help_shows_what_a_call_returns_in_each_mode() -> None:
    import inspect

    import sipgateio

    sync = sipgateio.SipgateIO(
        token_id="token-ABC123", token="e68ead46-a7db-46cd-8a1a-44aed1e4e372"
    )
    asy = sipgateio.AsyncSipgateIO(
        token_id="token-ABC123", token="e68ead46-a7db-46cd-8a1a-44aed1e4e372"
    )
    assert inspect.signature(sync.sms.send).return_annotation == "None"
    assert inspect.signature(sync.get_web_users).return_annotation == "list[Webuser]"
    assert inspect.signature(asy.get_balance).return_annotation == "Coroutine[Any, Any, Balance]"
    assert inspect.signature(sync.history.iter_entries).return_annotation == (
        "Iterator[HistoryEntry]"
    )
    assert inspect.signature(asy.history.iter_entries).return_annotation == (
        "AsyncIterator[HistoryEntry]"
    )
    assert list(inspect.signature(asy.sms.send).parameters)[:2] == ["to", "message"]
    sync.close()
