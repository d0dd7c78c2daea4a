"""The library's own async client gets linear connection-pool bookkeeping (sipgateio._pool)."""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

import sipgateio
from sipgateio._pool import (
    _assign_requests_to_connections,
    _SocketCachingBackend,
    _SocketCachingStream,
    tune_async_transport,
)
from tests.apistub import APIStub
from tests.conftest import TOKEN, TOKEN_ID

# -- the bookkeeping, on stand-ins -------------------------------------------------------------


@dataclass(eq=False)
class Conn:
    name: str
    state: str = "active"  # active | idle | closed | expired
    origin: str = "a"

    def is_closed(self) -> bool:
        return self.state == "closed"

    def has_expired(self) -> bool:
        return self.state == "expired"

    def is_idle(self) -> bool:
        return self.state in ("idle", "expired")

    def is_available(self) -> bool:
        return self.state == "idle"

    def can_handle_request(self, origin: str) -> bool:
        return origin == self.origin


@dataclass
class URL:
    origin: str


@dataclass
class Req:
    url: URL


@dataclass(eq=False)
class PoolRequest:
    request: Req
    connection: Conn | None = None

    def is_queued(self) -> bool:
        return self.connection is None

    def assign_to_connection(self, connection: Conn) -> None:
        self.connection = connection


@dataclass
class Pool:
    _connections: list[Conn]
    _requests: list[PoolRequest] = field(default_factory=list)
    _max_connections: int = 3
    _max_keepalive_connections: int = 2
    created: int = 0

    def create_connection(self, origin: str) -> Conn:
        self.created += 1
        return Conn(f"new{self.created}", "active", origin)


def queued(origin: str = "a") -> PoolRequest:
    return PoolRequest(Req(URL(origin)))


def test_closed_expired_and_surplus_idle_connections_go() -> None:
    closed, expired, busy = Conn("closed", "closed"), Conn("expired", "expired"), Conn("busy")
    idle = [Conn(f"idle{i}", "idle") for i in range(4)]
    pool = Pool([closed, expired, busy, *idle], _max_connections=10, _max_keepalive_connections=2)
    closing = _assign_requests_to_connections(pool)
    assert closing == [expired, idle[0], idle[1]]  # closed ones are just dropped
    assert pool._connections == [busy, idle[2], idle[3]]


def test_idle_connections_within_keepalive_stay() -> None:
    conns = [Conn("busy1"), Conn("busy2"), Conn("busy3"), Conn("idle", "idle")]
    pool = Pool(conns, _max_connections=10, _max_keepalive_connections=1)
    assert _assign_requests_to_connections(pool) == []
    assert len(pool._connections) == 4  # httpcore 1.0 would close the idle one (4 > 1)


def test_requests_reuse_then_create_then_replace_then_wait() -> None:
    idle = Conn("idle", "idle")
    other = Conn("other-origin", "idle", origin="b")
    pool = Pool([idle, other], _max_connections=3, _max_keepalive_connections=5)
    reuse, create, replace, wait = queued(), queued(), queued(), queued()
    pool._requests = [reuse, create, replace, wait]
    closing = _assign_requests_to_connections(pool)
    assert reuse.connection is idle
    # the idle connection was still available for the next request too (as in httpcore: the
    # second request then finds it busy and is queued again); so 'create' reuses it as well
    assert create.connection is idle and replace.connection is idle and wait.connection is idle
    assert closing == []

    idle.state = "active"  # now every connection of origin a is busy
    fresh, replaced, stuck = queued(), queued(), queued()
    pool._requests = [fresh, replaced, stuck]
    closing = _assign_requests_to_connections(pool)
    assert fresh.connection is not None and fresh.connection.name == "new1"  # 2 < 3 connections
    assert closing == [other]  # at the limit: the idle connection of origin b makes room
    assert replaced.connection is not None and replaced.connection.name == "new2"
    assert stuck.connection is None  # at the limit, nothing idle: stays queued
    assert len(pool._connections) == 3


# -- where it applies ------------------------------------------------------------------------


def test_own_async_client_is_tuned_a_users_is_not() -> None:
    async def go() -> tuple[Any, Any]:
        async with sipgateio.AsyncSipgateIO(token_id=TOKEN_ID, token=TOKEN) as own:
            mine = own._http._transport.inner._pool  # type: ignore[attr-defined]
        user_http = httpx.AsyncClient()
        async with sipgateio.AsyncSipgateIO(token_id=TOKEN_ID, token=TOKEN, http_client=user_http):
            theirs = user_http._transport.inner._pool  # type: ignore[attr-defined]
        await user_http.aclose()
        return mine, theirs

    mine, theirs = asyncio.run(go())
    assert isinstance(mine._network_backend, _SocketCachingBackend)
    assert "_assign_requests_to_connections" in vars(mine)
    assert not isinstance(theirs._network_backend, _SocketCachingBackend)
    assert "_assign_requests_to_connections" not in vars(theirs)


def test_tuning_leaves_unknown_transports_alone() -> None:
    assert tune_async_transport(httpx.MockTransport(lambda r: httpx.Response(200))) is False
    assert tune_async_transport(object()) is False
    transport = httpx.AsyncHTTPTransport()
    assert tune_async_transport(transport) is True
    assert tune_async_transport(transport) is True  # idempotent: wrapped once
    backend = transport._pool._network_backend
    assert isinstance(backend, _SocketCachingBackend)
    assert not isinstance(backend._inner, _SocketCachingBackend)


def test_many_requests_in_flight(api: APIStub) -> None:
    api.reply("GET", "/v2/users", json={"items": []})

    async def go() -> list[Any]:
        async with sipgateio.AsyncSipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as c:
            first = await asyncio.gather(*(c.get_web_users() for _ in range(24)))
            return [*first, *await asyncio.gather(*(c.get_web_users() for _ in range(24)))]

    # (the test server closes every connection: each batch opens fresh ones)
    assert asyncio.run(go()) == [[]] * 48
    assert len(api.requests) == 48


# -- the stream wrapper ----------------------------------------------------------------------


class FakeStream(httpcore.AsyncNetworkStream):
    def __init__(self, sock: socket.socket | None) -> None:
        self.sock = sock
        self.written: list[bytes] = []

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return b"data"[:max_bytes]

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.written.append(buffer)

    async def aclose(self) -> None:
        self.sock = None

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return FakeStream(self.sock)

    def get_extra_info(self, info: str) -> Any:
        return {"socket": self.sock, "is_readable": "inner", "client_addr": ("x", 1)}.get(info)


def test_stream_answers_readability_from_its_socket() -> None:
    a, b = socket.socketpair()
    with a, b:
        inner = FakeStream(a)
        stream = _SocketCachingStream(inner)
        assert stream.get_extra_info("is_readable") is False
        b.sendall(b"x")
        assert stream.get_extra_info("is_readable") is True
        assert stream.get_extra_info("client_addr") == ("x", 1)

        async def go() -> None:
            assert await stream.read(2) == b"da"
            await stream.write(b"hi")
            tls = await stream.start_tls(None, "example.com")
            assert isinstance(tls, _SocketCachingStream)
            await stream.aclose()

        asyncio.run(go())
        assert inner.written == [b"hi"] and inner.sock is None
    assert _SocketCachingStream(FakeStream(None)).get_extra_info("is_readable") == "inner"


def test_keep_alive_connections_are_reused_under_load() -> None:
    """Against a keep-alive HTTP/1.1 server: 3 rounds of 32 concurrent calls need 32 connections."""
    body = b'{"items": []}'
    answer = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    connections = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                writer.write(answer)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def go() -> list[Any]:
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        results: list[Any] = []
        async with (
            server,
            sipgateio.AsyncSipgateIO(
                token_id=TOKEN_ID, token=TOKEN, base_url=f"http://127.0.0.1:{port}/v2"
            ) as c,
        ):
            for _ in range(3):
                results += await asyncio.gather(*(c.get_web_users() for _ in range(32)))
        return results

    assert asyncio.run(go()) == [[]] * 96
    assert connections <= 32
