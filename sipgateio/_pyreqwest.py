"""``httpx`` transports over pyreqwest (Rust's reqwest, hyper and tokio): the library's own pools.

httpx's request/response models stay above (auth, headers, retries, error mapping,
response decoding, ``client.raw``); below, the connections, HTTP/1.1 parsing and TLS
(rustls) run in Rust, outside the GIL, at a fraction of the CPU per request of httpx's
own stack (httpcore and h11 in Python) or aiohttp's.

What httpx's own transport does, these do too: no redirects followed, no cookies kept,
the body handed on undecoded (httpx decodes ``Content-Encoding``), the request's
``timeout`` extension applied (``connect``, ``read``, ``pool``), the pool bounded by
``httpx.Limits``, the proxy given (the environment's is looked up by the caller, never by
reqwest). Failures become the httpx exception that says *how far the request got*, which
the retry policy relies on: only a connection that could not be made (refused, DNS, TLS
handshake, proxy tunnel) or a pool wait that timed out is a
``ConnectError``/``ConnectTimeout``/``PoolTimeout``; anything after is a read, write or
protocol error, so a POST is never sent twice.

Trust: reqwest verifies with the platform's verifier, which on Linux reads the
certificates ``SSL_CERT_FILE``/``SSL_CERT_DIR`` name, else the system's store; certifi's
bundle (what httpx trusts) is added to that. pyreqwest can add roots but not take the
platform's away, so the trusted set is the system's and certifi's (never less than
httpx's); a certificate no CA vouches for is refused as there.

The library uses :class:`PyreqwestTransport` (``SipgateIO``'s pool).
:class:`AsyncPyreqwestTransport` passes the same tests but is not used: with pyreqwest
0.15.1 a process that used its async client aborts at exit now and then (its runtime
thread takes the GIL while the interpreter finalizes; see ``_http._async_pool``).

A pyreqwest client is made on a transport's first request (one per ``timeout`` setting:
reqwest takes these per client), so building a client costs nothing and a process may
fork before its first call. A forked child cannot use its parent's clients, nor make new
ones once the parent started pyreqwest's runtime (tokio's threads do not survive
``fork()``): there the transport hands its requests to ``fallback()``, a transport made
once, on first need.
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any, Generic, TypeVar, overload

import httpx
from pyreqwest import exceptions as rx
from pyreqwest.client import (
    Client,
    ClientBuilder,
    SyncClient,
    SyncClientBuilder,
)
from pyreqwest.proxy import ProxyBuilder
from pyreqwest.request import (
    RequestBuilder,
    StreamRequest,
    SyncRequestBuilder,
    SyncStreamRequest,
)
from pyreqwest.response import BaseResponse, Response, SyncResponse

from ._responses import whole_response

__all__ = ["AsyncPyreqwestTransport", "PyreqwestTransport"]

_CHUNK = 64 * 1024

_forks = 0  # how many times this process was forked into (0 in the original process)


def _count_fork() -> None:
    global _forks
    _forks += 1


os.register_at_fork(after_in_child=_count_fork)


# -- failures ---------------------------------------------------------------------------------


def _describe(exc: rx.PyreqwestError) -> str:
    """The message with its causes, which say what happened ("invalid peer certificate ...")."""
    details: Any = getattr(exc, "details", None) or {}
    causes = [str(c.get("message", "")) for c in details.get("causes") or ()]
    return ": ".join(m for m in (exc.message, *causes) if m) or type(exc).__name__


# hyper's word for a failure of the connector (TCP connect, DNS, TLS handshake, proxy
# tunnel), in the cause chain. pyreqwest's exception classes do not tell the stage:
# its ConnectError and ConnectTimeoutError also come after the request was sent (a
# connection closed before the answer; a read timeout before the answer's head).
_CONNECTING = "client error (Connect)"
_CUT_OFF = "connection closed before message completed"


def _translated(exc: rx.PyreqwestError, request: httpx.Request) -> httpx.TransportError:
    """The httpx exception for how far ``request`` got when ``exc`` happened.

    Only what is known to have happened before the request was sent (a pool wait, the
    connector's failure) is a ``PoolTimeout``/``ConnectTimeout``/``ConnectError``; the
    retry policy resends even a POST after these. Whatever is not recognised counts as
    after sending (a read failure): never sent twice, at worst not retried.
    """
    message = _describe(exc)
    error: type[httpx.TransportError]
    if isinstance(exc, rx.PoolTimeoutError):
        error = httpx.PoolTimeout
    elif _CONNECTING in message:
        timed_out = isinstance(exc, rx.RequestTimeoutError)
        error = httpx.ConnectTimeout if timed_out else httpx.ConnectError
    elif isinstance(exc, rx.WriteTimeoutError):
        error = httpx.WriteTimeout
    elif isinstance(exc, rx.RequestTimeoutError):
        error = httpx.ReadTimeout  # reading the answer (or a deadline it did not place)
    elif isinstance(exc, rx.BuilderError):
        error = httpx.UnsupportedProtocol  # a URL reqwest does not send to
    elif isinstance(exc, rx.DecodeError) or _CUT_OFF in message:
        error = httpx.RemoteProtocolError  # malformed, or cut short (nothing decompresses)
    elif isinstance(exc, rx.WriteError):
        error = httpx.WriteError
    else:  # reset while reading, the client closed meanwhile, ...
        error = httpx.ReadError
    return error(message, request=request)


@contextmanager
def _mapped(request: httpx.Request) -> Iterator[None]:
    """Re-raise pyreqwest's failures as the httpx exception of the same stage."""
    try:
        yield
    except rx.PyreqwestError as exc:
        raise _translated(exc, request) from exc


# -- clients ----------------------------------------------------------------------------------

_B = TypeVar("_B", ClientBuilder, SyncClientBuilder)
_C = TypeVar("_C", Client, SyncClient)
_Key = tuple[float | None, float | None, float | None]  # the connect, read and pool timeouts


def _certifi_pem() -> bytes | None:
    """The CA bundle of certifi (httpx's default trust), unless the environment names CAs."""
    if os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR"):
        return None  # reqwest's platform verifier reads these, as httpx does
    import certifi

    with open(certifi.where(), "rb") as file:
        return file.read()


def _configured(builder: _B, limits: httpx.Limits, proxy: str | None, key: _Key) -> _B:
    """``builder`` set up as httpx's own transport behaves, for one ``timeout`` setting."""
    builder.follow_redirects(False).referer(False).default_cookie_store(False)
    builder.gzip(False).brotli(False).deflate(False).zstd(False)  # httpx decodes
    builder.no_proxy()  # not reqwest's reading of the environment: the caller's
    if proxy:
        builder.proxy(ProxyBuilder.all(proxy))
    builder.max_connections(limits.max_connections)
    builder.pool_idle_timeout(
        None if limits.keepalive_expiry is None else timedelta(seconds=limits.keepalive_expiry)
    )
    if limits.max_keepalive_connections is not None:
        builder.pool_max_idle_per_host(limits.max_keepalive_connections)
    connect, read, pool = key
    if connect is not None:
        builder.connect_timeout(timedelta(seconds=connect))
    if read is not None:
        builder.read_timeout(timedelta(seconds=read))
    if pool is not None:
        builder.pool_timeout(timedelta(seconds=pool))
    pem = _certifi_pem()
    if pem is not None:
        builder.add_root_certificate_pem(pem)
    return builder


class _Clients(Generic[_C]):
    """One transport's pyreqwest clients: one per ``timeout`` setting, made on first use.

    (reqwest takes timeouts per client. The library's requests all carry their client's
    one setting; a request with other timeouts gets a client, and so a pool, of its own.)
    """

    def __init__(self, build: Callable[[_Key], _C]) -> None:
        self._build: Callable[[_Key], _C] = build
        self._forks = _forks
        self._lock = threading.Lock()  # one client per setting, however many threads ask
        self.clients: dict[_Key, _C] = {}

    def get(self, request: httpx.Request) -> _C | None:
        """The client for ``request``'s timeouts; None where pyreqwest cannot run (forked)."""
        timeout: dict[str, float | None] = request.extensions.get("timeout") or {}
        key = (timeout.get("connect"), timeout.get("read"), timeout.get("pool"))
        if self._forks != _forks:
            # Forked: the parent's clients wait on threads that are not here; they are
            # dropped, never used nor closed (closing would wait for those threads).
            self.clients = {}
            self._forks = _forks
        client = self.clients.get(key)
        if client is None:
            with self._lock:
                client = self.clients.get(key)
                if client is None:
                    try:
                        client = self._build(key)
                    except RuntimeError:  # "runtime was initialized before fork()"
                        return None
                    self.clients[key] = client
        return client

    def taken(self) -> list[_C]:
        """The clients, forgotten (to be closed); none of a parent process."""
        clients = [] if self._forks != _forks else list(self.clients.values())
        self.clients = {}
        return clients


@overload
def _request(client: Client, request: httpx.Request, body: bytes) -> RequestBuilder: ...
@overload
def _request(client: SyncClient, request: httpx.Request, body: bytes) -> SyncRequestBuilder: ...
def _request(
    client: Client | SyncClient, request: httpx.Request, body: bytes
) -> RequestBuilder | SyncRequestBuilder:
    """The request builder for ``request``: its method, URL, headers and body."""
    builder = client.request(request.method, str(request.url))
    builder.headers(request.headers.multi_items())
    if body:
        builder.body_bytes(body)
    return builder


def _read_whole(request: httpx.Request) -> bool:
    """Whether the answer is read whole in Rust, in one hand-over: what accepts only JSON.

    Every API answer the library reads as JSON is small and read whole anyway; reading it
    in one step costs a tenth less CPU per call than streaming it with 32 in flight. Other
    answers (CSV exports, fax documents, recordings) are streamed from the connection.
    """
    accept: str | None = request.headers.get("accept")
    return accept == "application/json"


_NO_BODY = frozenset({204, 304})


def _bodiless(response: BaseResponse, request: httpx.Request) -> bool:
    """Whether the answer never has a body (RFC 9110: 204, 304, an answer to HEAD)."""
    return response.status in _NO_BODY or request.method == "HEAD"


def _answer(response: BaseResponse, **body: Any) -> httpx.Response:
    return httpx.Response(
        response.status,
        headers=list(response.headers.items()),
        extensions={"http_version": response.version.encode("ascii")},
        **body,
    )


def _whole(response: BaseResponse, content: bytes) -> httpx.Response:
    """The answer with its body read at once: ``_answer(content=...)``, read cheaply."""
    return whole_response(
        response.status,
        list(response.headers.items()),
        content,
        {"http_version": response.version.encode("ascii")},
    )


# -- sync -------------------------------------------------------------------------------------


class _SyncBody(httpx.SyncByteStream):
    """A streamed answer's body; closing it releases the connection."""

    def __init__(self, sending: SyncStreamRequest, response: SyncResponse, request: httpx.Request):
        self._sending = sending
        self._response = response
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        reader = self._response.body_reader
        with _mapped(self._request):
            while (chunk := reader.read(_CHUNK)) is not None:
                yield bytes(chunk)

    def close(self) -> None:
        self._sending.__exit__(None, None, None)


class PyreqwestTransport(httpx.BaseTransport):
    """Sends httpx requests with a pyreqwest ``SyncClient`` (see the module's description)."""

    def __init__(
        self,
        *,
        limits: httpx.Limits | None = None,
        proxy: str | None = None,
        fallback: Callable[[], httpx.BaseTransport],
    ) -> None:
        limits = limits or httpx.Limits()
        self._clients = _Clients(
            lambda key: _configured(SyncClientBuilder(), limits, proxy, key).build()
        )
        self._fallback = fallback
        self._instead: httpx.BaseTransport | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``; the answer's body read whole if JSON, else streamed."""
        client = self._clients.get(request) if self._instead is None else None
        if client is None:
            if self._instead is None:
                self._instead = self._fallback()
            return self._instead.handle_request(request)
        try:
            body = request.content
        except httpx.RequestNotRead:  # a streamed body (multipart): sent buffered
            body = request.read()
        builder = _request(client, request, body)
        if _read_whole(request):
            with _mapped(request):
                whole = builder.build().send()
                content = whole.bytes()
            return _whole(whole, bytes(content))
        sending = builder.build_streamed()
        with _mapped(request):
            response = sending.__enter__()
        if _bodiless(response, request):  # whole, and the connection free again
            sending.__exit__(None, None, None)
            return _whole(response, b"")
        return _answer(response, stream=_SyncBody(sending, response, request))

    def close(self) -> None:
        """Close the clients and their connections."""
        for client in self._clients.taken():
            client.close()
        if self._instead is not None:
            self._instead.close()


# -- async ------------------------------------------------------------------------------------


class _AsyncBody(httpx.AsyncByteStream):
    """A streamed answer's body; closing it releases the connection."""

    def __init__(self, sending: StreamRequest, response: Response, request: httpx.Request):
        self._sending = sending
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        reader = self._response.body_reader
        with _mapped(self._request):
            while (chunk := await reader.read(_CHUNK)) is not None:
                yield bytes(chunk)

    async def aclose(self) -> None:
        await self._sending.__aexit__(None, None, None)


class AsyncPyreqwestTransport(httpx.AsyncBaseTransport):
    """Sends httpx requests with a pyreqwest ``Client`` (see the module's description).

    Its clients serve any event loop (a client kept across ``asyncio.run()`` calls, or
    used from a private loop thread): their connections live in pyreqwest's runtime.
    """

    def __init__(
        self,
        *,
        limits: httpx.Limits | None = None,
        proxy: str | None = None,
        fallback: Callable[[], httpx.AsyncBaseTransport],
    ) -> None:
        limits = limits or httpx.Limits()
        self._clients = _Clients(
            lambda key: _configured(ClientBuilder(), limits, proxy, key).build()
        )
        self._fallback = fallback
        self._instead: httpx.AsyncBaseTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``; the answer's body read whole if JSON, else streamed."""
        client = self._clients.get(request) if self._instead is None else None
        if client is None:
            if self._instead is None:
                self._instead = self._fallback()
            return await self._instead.handle_async_request(request)
        try:
            body = request.content
        except httpx.RequestNotRead:  # a streamed body (multipart): sent buffered
            body = await request.aread()
        builder = _request(client, request, body)
        if _read_whole(request):
            with _mapped(request):
                whole = await builder.build().send()
                content = await whole.bytes()
            return _whole(whole, bytes(content))
        sending = builder.build_streamed()
        with _mapped(request):
            response = await sending.__aenter__()
        if _bodiless(response, request):  # whole, and the connection free again
            await sending.__aexit__(None, None, None)
            return _whole(response, b"")
        return _answer(response, stream=_AsyncBody(sending, response, request))

    async def aclose(self) -> None:
        """Close the clients and their connections."""
        for client in self._clients.taken():
            await client.close()
        if self._instead is not None:
            await self._instead.aclose()
