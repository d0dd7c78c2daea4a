"""An ``httpx`` async transport that sends over aiohttp's connection pool.

httpx's own async stack (httpcore on anyio, h11 in pure Python) costs about a
millisecond of CPU per request with 32 requests in flight on a small machine; aiohttp's
pool and C parser about a tenth of that. :class:`AiohttpTransport` puts aiohttp under
the unchanged httpx request/response model, so everything above it (auth, headers,
retries, error mapping, response decoding, ``client.raw``) stays as it is.

It uses aiohttp's public API only. What httpx's own transport would do, it does too:
no redirects followed, no cookies kept, the body handed on undecoded (httpx decodes
``Content-Encoding``), the request's ``timeout`` extension applied, the pool bounded by
``httpx.Limits``. Failures become the httpx exception that says *how far the request
got*, which the retry policy relies on: only a connection that could not be made (or a
pool wait that timed out) is a ``ConnectError``/``ConnectTimeout``; anything after the
connection was made is a read, write or protocol error, so a POST is never sent twice.

aiohttp itself sends an idempotent request (GET, HEAD, OPTIONS, PUT, DELETE) once more
when a kept-alive connection turns out to have been closed by the server before any
answer arrived (RFC 9112, section 9.3.1.1), as httpcore discards such connections.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import aiohttp
import httpx

from ._responses import whole_response
from ._tls import deferred_ca_context

__all__ = ["AiohttpTransport"]

_CHUNK = 64 * 1024
_EAGER = 1024 * 1024  # bodies up to this size are read at once
_EXTENSIONS = {"http_version": b"HTTP/1.1"}


@contextmanager
def _mapped(request: httpx.Request) -> Iterator[None]:
    """Re-raise aiohttp's failures as the httpx exception of the same stage.

    Only aiohttp's connector errors (and its connect/pool timeout) happen before the
    request left this machine; every other failure may come after the server got it.
    """
    try:
        yield
    except aiohttp.ConnectionTimeoutError as exc:  # connecting, or waiting for the pool
        raise httpx.ConnectTimeout(str(exc) or "connection timed out", request=request) from exc
    except aiohttp.ClientConnectorError as exc:  # refused, DNS, TLS handshake
        raise httpx.ConnectError(str(exc) or type(exc).__name__, request=request) from exc
    except aiohttp.SocketTimeoutError as exc:
        raise httpx.ReadTimeout(str(exc) or "read timed out", request=request) from exc
    except (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError) as exc:
        raise httpx.RemoteProtocolError(str(exc) or type(exc).__name__, request=request) from exc
    except aiohttp.ClientResponseError as exc:  # a malformed answer
        raise httpx.RemoteProtocolError(exc.message or type(exc).__name__, request=request) from exc
    except (aiohttp.InvalidURL, aiohttp.NonHttpUrlClientError) as exc:
        raise httpx.UnsupportedProtocol(str(exc), request=request) from exc
    except (aiohttp.ClientError, OSError) as exc:  # reset or broken while sending or reading
        raise httpx.ReadError(str(exc) or type(exc).__name__, request=request) from exc
    except TimeoutError as exc:  # a deadline aiohttp did not classify
        raise httpx.ReadTimeout(str(exc) or "timed out", request=request) from exc


class _Body(httpx.AsyncByteStream):
    """The body of an aiohttp response as an httpx stream; closing releases the connection."""

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        content = self._response.content
        with _mapped(self._request):
            while True:
                chunk = await content.read(_CHUNK)
                if not chunk:
                    return
                yield chunk

    async def aclose(self) -> None:
        self._response.release()


class _Failed(httpx.AsyncByteStream):
    """A body that could not be read: reading it raises the failure."""

    def __init__(self, error: httpx.TransportError) -> None:
        self._error = error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        raise self._error
        yield b""  # an async generator, like every body stream


def _timeout(extension: dict[str, float | None]) -> aiohttp.ClientTimeout:
    """The per-request httpx timeout as aiohttp's (``pool`` bounds the wait for a connection)."""
    return aiohttp.ClientTimeout(
        total=None,
        connect=extension.get("pool"),
        sock_connect=extension.get("connect"),
        sock_read=extension.get("read"),
    )


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Sends httpx requests with an ``aiohttp.ClientSession`` (created on first use).

    ``limits`` bound the pool as for ``httpx.AsyncHTTPTransport``
    (``max_connections``, ``keepalive_expiry``); ``verify`` is an ``ssl.SSLContext``
    or a bool, ``proxy`` a proxy URL every request goes through (None: direct). The
    session belongs to the running event loop it was created in; :meth:`aclose`
    closes it.
    """

    def __init__(
        self,
        *,
        limits: httpx.Limits | None = None,
        verify: ssl.SSLContext | bool = True,
        proxy: str | None = None,
    ) -> None:
        self._limits = limits or httpx.Limits()
        self._verify = verify
        self._proxy = proxy
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timeouts: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}

    def _new_session(self) -> aiohttp.ClientSession:
        ssl_option: ssl.SSLContext | bool = self._verify
        if ssl_option is True:
            ssl_option = deferred_ca_context()  # httpx's CA bundle, as its transport
        connector = aiohttp.TCPConnector(
            limit=self._limits.max_connections or 0,
            limit_per_host=0,
            keepalive_timeout=self._limits.keepalive_expiry or 0.0,
            ssl=ssl_option,
        )
        return aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=False,  # httpx.Response decodes Content-Encoding
            skip_auto_headers=("Accept", "Accept-Encoding", "User-Agent", "Content-Type"),
            timeout=aiohttp.ClientTimeout(total=None),
        )

    def _timeout_for(self, request: httpx.Request) -> aiohttp.ClientTimeout:
        extension: dict[str, float | None] = request.extensions.get("timeout") or {}
        key = tuple(extension.get(k) for k in ("connect", "read", "write", "pool"))
        timeout = self._timeouts.get(key)
        if timeout is None:
            timeout = self._timeouts[key] = _timeout(extension)
        return timeout

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``; return the answer, its body read if small, else streamed.

        A body of known length up to 1 MiB (every JSON answer of the API) is read here,
        which saves the streaming machinery a third of its cost; larger or unannounced
        bodies (recordings, fax documents) are streamed from the connection.
        """
        session = self._session
        loop = asyncio.get_running_loop()
        if session is None or session.closed or loop is not self._loop:
            # A session belongs to its event loop: a client used from a later
            # asyncio.run() gets a fresh one (the old loop, and its sockets, are gone).
            session, self._loop = self._new_session(), loop
            self._session = session
        try:
            body = request.content
        except httpx.RequestNotRead:  # a streamed body (multipart): buffer it
            body = await request.aread()
        with _mapped(request):
            response = await session.request(
                request.method,
                str(request.url),
                headers=request.headers.multi_items(),
                data=body or None,
                allow_redirects=False,
                timeout=self._timeout_for(request),
                proxy=self._proxy,
            )
        length = response.content_length
        if length is not None and length <= _EAGER:
            try:
                with _mapped(request):
                    try:
                        content = await response.read()
                    finally:
                        response.release()
            except httpx.TransportError as exc:  # the answer came, its body failed: say so on read
                return httpx.Response(
                    response.status,
                    headers=response.raw_headers,
                    stream=_Failed(exc),
                    extensions=_EXTENSIONS,
                )
            # read (decoded where it is encoded) right away: reading it again costs nothing
            return whole_response(response.status, response.raw_headers, content, _EXTENSIONS)
        return httpx.Response(
            response.status,
            headers=response.raw_headers,
            stream=_Body(response, request),
            extensions=_EXTENSIONS,
        )

    async def aclose(self) -> None:
        """Close the session and its connections."""
        if self._session is not None:
            await self._session.close()
            self._session = None
