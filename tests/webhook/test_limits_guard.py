"""The connection guard of the embedded server, driven byte by byte on a clock of the test's own.

The socket tests (test_server_limits.py) show the limits at work; these pin down how the guard
follows a connection's byte stream however it is cut into reads, and when its lazy head timer
answers 408, without sleeping.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from sipgateio.webhook import limits
from sipgateio.webhook.limits import ServerLimits, guarded_protocol

from .test_server_limits import REQUEST, chunked_request

GET = b"GET /x HTTP/1.1\r\nHost: x\r\n\r\n"
LIMITS = ServerLimits(max_connections=4, header_timeout=0.5, max_request_line=1024)


class Clock:
    """A fake event loop: ``time()`` and ``call_later`` on a clock the test moves."""

    def __init__(self) -> None:
        self.now = 0.0
        self.timers: list[Timer] = []

    def time(self) -> float:
        return self.now

    def call_later(self, delay: float, callback: Callable[[], None]) -> Timer:
        timer = Timer(self.now + delay, callback)
        self.timers.append(timer)
        return timer

    def advance(self, to: float) -> None:
        """Move the clock to ``to``, firing the timers due by then, in order."""
        while due := sorted(
            (t for t in self.timers if not t.cancelled and t.when <= to), key=lambda t: t.when
        ):
            timer = due[0]
            self.timers.remove(timer)
            self.now = timer.when
            timer.callback()
        self.now = to

    def pending(self) -> list[Timer]:
        return [t for t in self.timers if not t.cancelled]


class Timer:
    def __init__(self, when: float, callback: Callable[[], None]) -> None:
        self.when = when
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Inner(asyncio.Protocol):
    """Stands for uvicorn's protocol: keeps what it is handed."""

    def __init__(self) -> None:
        self.received = b""

    def data_received(self, data: bytes) -> None:
        self.received += data


class Transport:
    def __init__(self) -> None:
        self.written = b""
        self.closed = False

    def write(self, data: bytes) -> None:
        self.written += data

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(limits.asyncio, "get_running_loop", lambda: fake)
    return fake


def connect(clock: Clock, server_limits: ServerLimits = LIMITS) -> tuple[Any, Transport]:
    guard = guarded_protocol(Inner, server_limits)()
    transport = Transport()
    guard.connection_made(transport)
    return guard, transport


STREAM = REQUEST + chunked_request() + GET + b"\r\n" + REQUEST + REQUEST


def test_every_cut_of_a_kept_alive_stream_is_followed(clock: Clock) -> None:
    for cut in range(1, len(STREAM)):
        for reads in (
            [STREAM[:cut], STREAM[cut:]],
            [STREAM[:cut], STREAM[cut : cut + 7], STREAM[cut + 7 :]],
        ):
            guard, transport = connect(clock)
            for data in reads:
                if data:
                    guard.data_received(data)
            assert guard.inner.received == STREAM, cut
            assert transport.written == b"", cut
            assert (guard.state, guard.pending, bytes(guard.head)) == (limits._HEAD, 0, b""), cut


def test_a_whole_request_touches_no_timer(clock: Clock) -> None:
    guard, transport = connect(clock)
    assert [t.when for t in clock.pending()] == [0.5]  # the first head's time: from the start
    clock.advance(0.1)
    for _ in range(3):
        guard.data_received(REQUEST)
    assert len(clock.timers) == 1
    clock.advance(5.0)  # idle between requests is uvicorn's keep-alive to judge, not ours
    assert transport.written == b"" and not transport.closed
    assert clock.pending() == []
    guard.data_received(REQUEST)
    assert clock.pending() == [] and guard.inner.received == REQUEST * 4


def test_a_slow_head_after_an_idle_pause_is_answered_408(clock: Clock) -> None:
    guard, transport = connect(clock)
    guard.data_received(REQUEST)
    clock.advance(3.0)
    guard.data_received(REQUEST[:20])  # a head begins: its own 0.5 s run from now
    assert [t.when for t in clock.pending()] == [3.5]
    clock.advance(3.49)
    assert transport.written == b""
    clock.advance(3.5)
    assert transport.written.startswith(b"HTTP/1.1 408 ") and transport.closed


def test_a_head_begun_while_the_timer_runs_gets_its_full_time(clock: Clock) -> None:
    guard, transport = connect(clock)
    guard.data_received(REQUEST)  # the connection's timer (due at 0.5) keeps running
    clock.advance(0.4)
    guard.data_received(REQUEST[:20])
    clock.advance(0.85)  # the timer fired at 0.5 and waits for 0.9 now
    assert transport.written == b"" and [t.when for t in clock.pending()] == [0.9]
    guard.data_received(REQUEST[20:])
    clock.advance(2.0)
    assert transport.written == b"" and guard.inner.received == REQUEST * 2


def test_the_first_head_counts_from_the_connection_start(clock: Clock) -> None:
    guard, transport = connect(clock)
    clock.advance(0.3)
    guard.data_received(REQUEST[:20])
    clock.advance(0.5)
    assert transport.written.startswith(b"HTTP/1.1 408 ") and transport.closed


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"POST /" + b"a" * 2000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", b"414"),
        (b"POST / HTTP/1.1\r\n" + b"X-Filler: " + b"f" * 20_000 + b"\r\n\r\n", b"431"),
        (REQUEST + b"POST /" + b"a" * 2000 + b" HTTP/1.1\r\n\r\n", b"414"),  # pipelined
    ],
)
def test_oversized_heads_in_one_read_are_refused(clock: Clock, data: bytes, status: bytes) -> None:
    guard, transport = connect(clock)
    guard.data_received(data)
    assert transport.written.startswith(b"HTTP/1.1 " + status) and transport.closed
    assert guard.inner.received == b""


@pytest.mark.parametrize(
    ("head", "framing"),
    [
        (b"POST / HTTP/1.1\r\nContent-Length: 12\r\n\r\n", (limits._BODY, 12)),
        (b"POST / HTTP/1.1\r\ncontent-length : 3\r\nContent-Length: 4\r\n\r\n", (limits._BODY, 4)),
        (b"POST / HTTP/1.1\r\nContent-Length\r\n: 5\r\n\r\n", (limits._UNTRACKED, 0)),
        (b"POST / HTTP/1.1\r\nX-Content-Length: 5\r\n\r\n", (limits._HEAD, 0)),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", (limits._CHUNK_SIZE, 0)),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", (limits._UNTRACKED, 0)),
        (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", (limits._HEAD, 0)),
    ],
)
def test_framing_examples(head: bytes, framing: tuple[int, int]) -> None:
    assert limits._body_framing(head) == framing
