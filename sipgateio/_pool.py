"""Cheaper connection-pool bookkeeping for the async client the library builds itself.

httpcore 1.0's ``AsyncConnectionPool`` re-examines every connection several times per
request (``_assign_requests_to_connections`` runs when a request arrives and when a
response is closed), and for each idle connection asks the network stream whether the
server closed it. Two costs make that slow with many requests in flight:

* the idle-connection count is recomputed inside the loop over connections (quadratic);
* on asyncio, ``get_extra_info("is_readable")`` goes through anyio's typed attributes,
  which build a dict and call ``getpeername()`` each time (~20 µs per idle connection).

With 32 requests in flight that is several milliseconds of CPU per request. This module
replaces the bookkeeping with a linear pass and caches each stream's socket; the checks
themselves (closed, expired keep-alive, server disconnect, surplus idle connections)
stay as they are. It touches httpcore internals, so it applies only to the httpcore
1.0 pool it was written against and otherwise leaves the transport alone. Only the
library's own ``httpx.AsyncClient`` is tuned, never one a user passes in.
"""

from __future__ import annotations

import typing
from types import MethodType
from typing import Any

import httpcore
from httpcore._utils import is_socket_readable

__all__ = ["tune_async_transport"]


class _SocketCachingStream(httpcore.AsyncNetworkStream):
    """A network stream that answers ``is_readable`` from its cached socket."""

    __slots__ = ("_inner", "_socket")

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _SocketCachingStream(
            await self._inner.start_tls(ssl_context, server_hostname, timeout)
        )

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and self._socket is not None:
            return is_socket_readable(self._socket)
        return self._inner.get_extra_info(info)


class _SocketCachingBackend(httpcore.AsyncNetworkBackend):
    """Wraps httpcore's network backend so its streams cache their socket."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(
            host, port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )
        return _SocketCachingStream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_unix_socket(
            path, timeout=timeout, socket_options=socket_options
        )
        return _SocketCachingStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def _assign_requests_to_connections(pool: Any) -> list[Any]:
    """The pool bookkeeping of httpcore 1.0 in one linear pass (same checks, same order).

    Surplus idle connections are those beyond ``max_keepalive_connections`` idle ones
    (httpcore 1.0 compares the count of all connections, closing idle connections as
    soon as more than that many exist at all).
    """
    closing: list[Any] = []
    connections = pool._connections
    idle = sum(1 for c in connections if c.is_idle())
    for connection in list(connections):
        if connection.is_closed():
            connections.remove(connection)
        elif connection.has_expired():
            if connection.is_idle():
                idle -= 1
            connections.remove(connection)
            closing.append(connection)
        elif idle > pool._max_keepalive_connections and connection.is_idle():
            idle -= 1
            connections.remove(connection)
            closing.append(connection)

    for pool_request in [r for r in pool._requests if r.is_queued()]:
        origin = pool_request.request.url.origin
        reusable = next(
            (c for c in connections if c.can_handle_request(origin) and c.is_available()), None
        )
        if reusable is not None:
            pool_request.assign_to_connection(reusable)
            continue
        if len(connections) >= pool._max_connections:
            spare = next((c for c in connections if c.is_idle()), None)
            if spare is None:
                continue  # stays queued until a connection frees up
            connections.remove(spare)
            closing.append(spare)
        connection = pool.create_connection(origin)
        connections.append(connection)
        pool_request.assign_to_connection(connection)
    return closing


_EXPECTED = (
    "_connections",
    "_requests",
    "_max_connections",
    "_max_keepalive_connections",
    "_network_backend",
    "_assign_requests_to_connections",
    "create_connection",
)


def tune_async_transport(transport: object) -> bool:
    """Give an ``httpx.AsyncHTTPTransport``'s pool the cheaper bookkeeping; True if done."""
    pool = getattr(transport, "_pool", None)
    if (
        type(pool) is not httpcore.AsyncConnectionPool
        or not httpcore.__version__.startswith("1.0.")
        or not all(hasattr(pool, name) for name in _EXPECTED)
    ):
        return False
    if not isinstance(pool._network_backend, _SocketCachingBackend):
        pool._network_backend = _SocketCachingBackend(pool._network_backend)
    pool._assign_requests_to_connections = MethodType(_assign_requests_to_connections, pool)  # type: ignore[method-assign]
    return True
