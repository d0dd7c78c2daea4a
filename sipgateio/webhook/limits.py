"""Connection limits of the embedded webhook server, enforced in front of uvicorn.

:class:`ServerLimits` says how many connections the server keeps open, how long a client
may take to send a request's head (request line and headers), and how large that head
may be. :func:`guarded_protocol` wraps uvicorn's HTTP protocol class with them: a thin
``asyncio.Protocol`` that passes every byte on unchanged and only follows where each
request's head starts and ends (``Content-Length`` and chunked bodies are stepped over).
The HTTP parsing itself stays uvicorn's.

* Beyond ``max_connections`` open connections a new one is answered ``503`` and closed
  at once, so idle sockets cannot exhaust the process's file descriptors.
* A connection that has not finished a request's head ``header_timeout`` seconds after
  it opened (or after the head's first byte, for later requests on a kept-alive
  connection) is answered ``408`` and closed: idle connections and slowloris clients.
* A request line longer than ``max_request_line`` bytes is answered ``414``, a head
  longer than ``max_header_size`` bytes ``431``; both close the connection.
"""

from __future__ import annotations

import asyncio
from typing import Any

import attrs

__all__ = ["ServerLimits", "guarded_protocol"]


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    from ..errors import ValidationError

    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValidationError(
            f"{attribute.name} must be a positive number, got {value!r}", field=attribute.name
        )


@attrs.frozen(kw_only=True)
class ServerLimits:
    """Limits of the embedded webhook server (see :mod:`sipgateio.webhook.limits`).

    ``max_connections``: open connections at most (503 beyond); it also caps requests in
    progress. ``header_timeout``: seconds to send a request's head (408 after).
    ``max_request_line`` and ``max_header_size``: bytes of the request line and of the
    whole head (414 and 431 beyond). The body's limit is the app's ``max_body_size``.
    """

    max_connections: int = attrs.field(default=256, validator=_positive)
    header_timeout: float = attrs.field(default=10.0, validator=_positive)
    max_request_line: int = attrs.field(default=8 * 1024, validator=_positive)
    max_header_size: int = attrs.field(default=16 * 1024, validator=_positive)


def _answer(status: str) -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n"
        "Connection: close\r\n\r\n"
    ).encode()


_SERVICE_UNAVAILABLE = _answer("503 Service Unavailable")
_REQUEST_TIMEOUT = _answer("408 Request Timeout")
_URI_TOO_LONG = _answer("414 URI Too Long")
_HEADERS_TOO_LARGE = _answer("431 Request Header Fields Too Large")

# Where the guard is in the byte stream of one connection.
_HEAD, _BODY, _CHUNK_SIZE, _CHUNK_DATA, _TRAILERS, _UNTRACKED = range(6)
_MAX_CHUNK_LINE = 1024
_CRLF = b"\r\n"


def _body_framing(head: bytes) -> tuple[int, int]:
    """(state, byte count) after a head: the body's length, chunked, or untracked."""
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"transfer-encoding":
            return (_CHUNK_SIZE, 0) if b"chunked" in value.lower() else (_UNTRACKED, 0)
        if name == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                return _UNTRACKED, 0  # uvicorn answers 400; nothing left to follow
            if length < 0:
                return _UNTRACKED, 0
    return (_BODY, length) if length else (_HEAD, 0)


class _Open:
    """The count of open connections of one server (its event loop's thread only)."""

    def __init__(self) -> None:
        self.count = 0


class _Guard(asyncio.Protocol):
    """Follows request heads on one connection; hands every byte to uvicorn's protocol.

    The head timer is lazy: one ``call_later`` per connection, re-armed only when it fires
    while a head is in progress. A request whose head arrives whole in one read (the
    usual case) touches no timer at all; it only clears :attr:`head_started`.
    """

    def __init__(self, inner: Any, limits: ServerLimits, open_: _Open) -> None:
        self.inner = inner
        self.limits = limits
        self.open = open_
        self.transport: Any = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.refused = False
        self.state = _HEAD
        self.pending = 0  # body or chunk bytes still to step over
        self.head = bytearray()  # the head (or chunk line / trailers) read so far
        self.head_started: float | None = None  # loop time a head in progress began
        self.timer: asyncio.TimerHandle | None = None

    # -- asyncio.Protocol ---------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # an asyncio.Transport or uvloop's (not a subclass)
        if self.open.count >= self.limits.max_connections:
            self.refused = True
            self.transport.write(_SERVICE_UNAVAILABLE)
            self.transport.close()
            return
        self.open.count += 1
        self.loop = asyncio.get_running_loop()
        self._head_starts()  # the first head's time runs from the connection's start
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        state = self.state
        if state == _HEAD and not self.head and not self.refused:
            # Fast path: a whole head at the start of ``data``, no empty lines before it.
            end = data.find(b"\r\n\r\n")
            if end > 0 and data[0] not in _CRLF:
                limits = self.limits
                if data.find(b"\r\n") > limits.max_request_line:
                    self._refuse(_URI_TOO_LONG)
                    return
                if end + 4 > limits.max_header_size:
                    self._refuse(_HEADERS_TOO_LARGE)
                    return
                self.head_started = None
                state, pending = _body_framing(data[: end + 4])
                rest = len(data) - end - 4
                if state == _BODY and rest == pending:  # the body, all of it, nothing more
                    self.inner.data_received(data)
                    return
                self.state, self.pending = state, pending
                if rest and state != _UNTRACKED and not self._follow(memoryview(data)[end + 4 :]):
                    return  # a pipelined request refused
                self.inner.data_received(data)
                return
        if self.refused:
            return
        if state != _UNTRACKED and not self._follow(memoryview(data)):
            return  # refused: the answer is written, the connection closing
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        if self.refused:
            return None
        result: bool | None = self.inner.eof_received()
        return result

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self.refused:
            return
        self.open.count -= 1
        self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        if not self.refused:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if not self.refused:
            self.inner.resume_writing()

    # -- the head timer --------------------------------------------------------------------
    def _head_starts(self) -> None:
        assert self.loop is not None
        self.head_started = self.loop.time()
        if self.timer is None:
            self.timer = self.loop.call_later(self.limits.header_timeout, self._timer_fired)

    def _disarm(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    def _timer_fired(self) -> None:
        self.timer = None
        started = self.head_started
        if self.state != _HEAD or started is None:
            return  # no head in progress: the next one arms the timer again
        assert self.loop is not None
        left = started + self.limits.header_timeout - self.loop.time()
        if left > 0:  # this head began after the timer was armed: wait for its own time
            self.timer = self.loop.call_later(left, self._timer_fired)
        else:
            self._refuse(_REQUEST_TIMEOUT)

    def _refuse(self, answer: bytes) -> None:
        self._disarm()
        self.state = _UNTRACKED
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(answer)
            self.transport.close()

    # -- following the byte stream ------------------------------------------------------
    def _follow(self, view: memoryview) -> bool:
        """Step through ``view``; False when the connection was refused (data not passed on)."""
        while view:
            if self.state == _HEAD:
                taken = self._take_head(view)
                if taken is None:
                    return False
                view = taken
            elif self.state in (_BODY, _CHUNK_DATA):
                step = min(self.pending, len(view))
                view, self.pending = view[step:], self.pending - step
                if not self.pending and self.state == _BODY:
                    self.state = _HEAD
                elif not self.pending:
                    self.state, self.pending = _CHUNK_SIZE, -2  # then the CRLF after the data
            else:
                view = self._take_chunk_line(view)
            if self.state == _UNTRACKED:
                break
        return True

    def _take_head(self, view: memoryview) -> memoryview | None:
        if not self.head:
            while view and view[0] in b"\r\n":  # empty lines before a request are allowed
                view = view[1:]
            if not view:
                return view
            if self.head_started is None:
                self._head_starts()  # a later request on a kept-alive connection starts
        start = max(0, len(self.head) - 3)
        self.head += view
        end = self.head.find(b"\r\n\r\n", start)
        line_end = self.head.find(b"\r\n")
        if (line_end < 0 and len(self.head) > self.limits.max_request_line) or (
            line_end > self.limits.max_request_line
        ):
            self._refuse(_URI_TOO_LONG)
            return None
        head_size = end + 4 if end >= 0 else len(self.head)
        if head_size > self.limits.max_header_size:
            self._refuse(_HEADERS_TOO_LARGE)
            return None
        if end < 0:
            return view[len(view) :]
        rest = len(self.head) - (end + 4)
        self.state, self.pending = _body_framing(bytes(self.head[: end + 4]))
        self.head.clear()
        self.head_started = None
        return view[len(view) - rest :]

    def _take_chunk_line(self, view: memoryview) -> memoryview:
        if self.pending < 0:  # the CRLF that ends a chunk's data
            step = min(-self.pending, len(view))
            self.pending += step
            return view[step:]
        self.head += view
        if self.state == _TRAILERS:  # trailer lines, up to an empty line
            marker = b"\r\n" if self.head.startswith(b"\r\n") else b"\r\n\r\n"
        else:
            marker = b"\r\n"
        end = self.head.find(marker)
        if end < 0:
            if len(self.head) > _MAX_CHUNK_LINE:
                self.state = _UNTRACKED  # not ours to judge: uvicorn rejects or reads it
            return view[len(view) :]
        rest = len(self.head) - (end + len(marker))
        line = bytes(self.head[:end])
        self.head.clear()
        if self.state == _TRAILERS:
            self.state = _HEAD
        else:
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                self.state = _UNTRACKED
                return view[len(view) :]
            self.state, self.pending = (_CHUNK_DATA, size) if size else (_TRAILERS, 0)
        return view[len(view) - rest :]


def guarded_protocol(inner: type[asyncio.Protocol], limits: ServerLimits) -> type[asyncio.Protocol]:
    """A protocol class for ``uvicorn.Config.http_protocol_class``: ``inner`` behind ``limits``.

    The connection count is shared by the connections of the class returned (one server).
    """
    open_ = _Open()

    class Guarded(_Guard):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(inner(*args, **kwargs), limits, open_)

    return Guarded
