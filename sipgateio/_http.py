"""The HTTP layer: sipgate's headers, auth, base URL, timeouts, retries and logging, per request.

Each client builds its own *facade* ``httpx`` client holding its credentials, headers,
base URL and timeout. That client owns no connections: its transport hands every request,
built and authenticated, to the *connection* client (an ``httpx.Client`` or
``httpx.AsyncClient``: the user's ``http_client``, or one the library creates). The
connection client is never changed, so several sipgateio clients (and the user's own code)
can share one without ever seeing each other's credentials, and it keeps its proxies,
limits, TLS settings and event hooks.

Retries live in a transport wrapper between the two, so ``client.raw`` (the generated
client, which sends through the facade client) gets them too. Whether and how long to
wait is one pure policy (:class:`RetryPolicy`); the attempt loop is one sans-IO generator
(:func:`_attempts`), driven by the sync and the async transport.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import platform
import random
import ssl
import time
from collections.abc import Generator
from email.utils import parsedate_to_datetime
from typing import Any

import attrs
import httpx

from ._send import AsyncSender, HeldBody, SyncSender, negotiate, negotiate_async
from ._tls import deferred_ca_context
from ._version import __version__
from .errors import SipgateIOError, TransportError, UnexpectedResponseError, redact

__all__ = [
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "async_facade_client",
    "async_sleep",
    "default_headers",
    "pool_limits",
    "request_failed",
    "retry_after_seconds",
    "secrets_of",
    "sync_facade_client",
]

logger = logging.getLogger("sipgateio")

DEFAULT_BASE_URL = "https://api.sipgate.com/v2"
BASE_URL_ENV = "SIPGATE_BASE_URL"
"""The environment variable read for the base URL when none is passed."""
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
# Keep as many idle connections as a busy async app has requests in flight.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=64)


def pool_limits(concurrency: int) -> httpx.Limits:
    """The bounds of a client's own pool when its bulk work keeps ``concurrency`` in flight.

    At least :data:`DEFAULT_LIMITS`; a larger ``concurrency`` gets as many connections, all
    kept alive between requests: a pool smaller than the requests in flight makes them
    wait for each other, and one that closes what it cannot keep opens them again.
    """
    if concurrency <= (DEFAULT_LIMITS.max_connections or 0):
        return DEFAULT_LIMITS
    return httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)


_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_RETRY_STATUSES = frozenset({429, 502, 503, 504})
# Failures that happen before a single byte of the request left this machine:
# even a POST (an SMS, a fax, a call) is safe to send again after these.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


async def async_sleep(seconds: float) -> None:
    """``asyncio.sleep``; asyncio is imported here, so a sync client never loads it."""
    import asyncio

    await asyncio.sleep(seconds)


# Indirections so tests can record the waits instead of sleeping them.
_sleep = time.sleep
_async_sleep = async_sleep


def default_headers() -> dict[str, str]:
    """The identification headers every request carries."""
    client = (
        f"sipgateio-python/{__version__} ({platform.python_implementation()} "
        f"{platform.python_version()}; {platform.system()} {platform.machine()})"
    )
    return {"User-Agent": client, "X-Sipgate-Client": client, "X-Sipgate-Version": __version__}


def retry_after_seconds(value: str | None) -> float | None:
    """Parse a ``Retry-After`` header (delta seconds or an HTTP date) into seconds."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when.timestamp() - time.time())


def secrets_of(request: httpx.Request | None) -> tuple[str, ...]:
    """The credentials a request carried, in every form a server might echo them.

    The ``Authorization`` value, its credential part (the base64 of ``user:secret``, or
    the bearer token) and, for basic auth, the decoded ``user:secret`` and the secret.
    """
    if request is None:
        return ()
    value = request.headers.get("Authorization")
    if not value:
        return ()
    found = [value]
    scheme, _, credential = value.partition(" ")
    if credential:
        found.append(credential)
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(credential, validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                decoded = ""
            if decoded:
                found.append(decoded)
                found.append(decoded.partition(":")[2])
    return tuple(s for s in found if s)


def request_failed(
    method: str, url: str, exc: Exception, request: httpx.Request | None = None
) -> SipgateIOError:
    """The typed error for an httpx failure of ``method url`` (``exc`` becomes its cause).

    A body the client cannot decode (a wrong ``Content-Encoding``) is an
    :class:`UnexpectedResponseError`; everything else (connection, timeout, TLS,
    protocol, too many redirects, a URL httpx refuses) a :class:`TransportError`.
    """
    secrets = secrets_of(request)
    detail = redact(str(exc), secrets) or "no detail"
    url = redact(url, secrets)
    error: SipgateIOError
    if isinstance(exc, httpx.DecodingError):
        error = UnexpectedResponseError(
            f"{method} {url}: the answer's body could not be decoded "
            f"({type(exc).__name__}: {detail})"
        )
    else:
        error = TransportError(
            f"{method} {url} failed: {type(exc).__name__}: {detail}", method=method, url=url
        )
    error.__cause__ = exc
    return error


@attrs.frozen
class RetryPolicy:
    """When to send a request again, and how long to wait first.

    GET, PUT, DELETE (idempotent) are retried on connection errors, timeouts, failures
    while reading the response body, and HTTP 429/502/503/504. POST is retried only when
    the connection failed before the request was sent, so nothing that costs money is
    ever sent twice. The wait is exponential (``base_delay * 2**attempt``, at most
    ``max_delay``) with full jitter, or the server's ``Retry-After`` capped at
    ``max_retry_after``.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay(
        self,
        method: str,
        attempt: int,
        *,
        response: httpx.Response | None = None,
        error: Exception | None = None,
    ) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or None to give up."""
        if attempt >= self.max_retries or not self._retryable(method, response, error):
            return None
        if response is not None:
            hinted = retry_after_seconds(response.headers.get("Retry-After"))
            if hinted is not None:
                return min(hinted, self.max_retry_after)
        return random.uniform(0, min(self.max_delay, self.base_delay * 2**attempt))

    @staticmethod
    def rereadable(method: str) -> bool:
        """Whether a failed read of the answer's body may be repaired by asking again."""
        return method in _IDEMPOTENT

    @staticmethod
    def _retryable(method: str, response: httpx.Response | None, error: Exception | None) -> bool:
        if error is not None:
            return method in _IDEMPOTENT or isinstance(error, _NOT_SENT)
        return (
            response is not None
            and method in _IDEMPOTENT
            and response.status_code in _RETRY_STATUSES
        )


def _safe_url(url: httpx.URL) -> httpx.URL:
    return url.copy_with(username=None, password=None) if url.userinfo else url


def _log_retry(request: httpx.Request, attempt: int, wait: float, why: str) -> None:
    logger.info(
        "retrying %s %s in %.2f s (retry %d) after %s",
        request.method,
        _safe_url(request.url),
        wait,
        attempt + 1,
        why,
    )


def _log_done(request: httpx.Request, response: httpx.Response, started: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s -> %d in %.1f ms",
            request.method,
            _safe_url(request.url),
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )


# -- the attempt loop, written once -------------------------------------------------------------


class _Send:
    """Send the request; answered with the response."""

    __slots__ = ()


class _Read:
    """Read the whole body of ``response``."""

    __slots__ = ("response",)

    def __init__(self, response: httpx.Response) -> None:
        self.response = response


class _Close:
    """Close ``response`` unread (it is thrown away)."""

    __slots__ = ("response",)

    def __init__(self, response: httpx.Response) -> None:
        self.response = response


class _Wait:
    """Sleep ``seconds`` before the next attempt."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


_Step = _Send | _Read | _Close | _Wait
_SEND = _Send()


def _attempts(policy: RetryPolicy, request: httpx.Request) -> Generator[_Step, Any, httpx.Response]:
    """The retry loop as steps; a failed step's httpx error is thrown in.

    The body of an idempotent request's answer is read here, so that a connection reset,
    a truncated body or a read timeout halfway through it is retried like a failure
    before the answer; a POST's answer is handed on unread.
    """
    method = request.method
    attempt = 0
    while True:
        started = time.perf_counter()
        try:
            response: httpx.Response = yield _SEND
        except httpx.TransportError as exc:
            wait = policy.delay(method, attempt, error=exc)
            if wait is None:
                raise
            _log_retry(request, attempt, wait, type(exc).__name__)
        else:
            wait = policy.delay(method, attempt, response=response)
            if wait is not None:
                yield _Close(response)
                _log_retry(request, attempt, wait, f"HTTP {response.status_code}")
            else:
                # a body at hand (read by the transport with the answer) cannot fail to be read
                if policy.rereadable(method) and not isinstance(response, HeldBody):
                    try:
                        yield _Read(response)
                    except httpx.DecodingError:
                        yield _Close(response)
                        raise
                    except httpx.TransportError as exc:
                        yield _Close(response)
                        wait = policy.delay(method, attempt, error=exc)
                        if wait is None:
                            raise
                        _log_retry(request, attempt, wait, f"{type(exc).__name__} reading the body")
                if wait is None:
                    _log_done(request, response, started)
                    return response
        yield _Wait(wait)
        attempt += 1


def _resume(
    steps: Generator[_Step, Any, httpx.Response], result: Any, error: httpx.HTTPError | None
) -> _Step | httpx.Response:
    """The loop's next step after ``result`` (or ``error``), or the response it ends with."""
    try:
        return steps.throw(error) if error is not None else steps.send(result)
    except StopIteration as done:
        response: httpx.Response = done.value
        return response


class RetryTransport(httpx.BaseTransport):
    """Sends through ``inner`` with the retry policy and request logging."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        steps = _attempts(self.policy, request)
        step: _Step | httpx.Response = next(steps)
        while not isinstance(step, httpx.Response):
            result: Any = None
            error: httpx.HTTPError | None = None
            try:
                if isinstance(step, _Send):
                    result = self.inner.handle_request(request)
                elif isinstance(step, _Read):
                    step.response.read()
                elif isinstance(step, _Close):
                    step.response.close()
                else:
                    _sleep(step.seconds)
            except httpx.HTTPError as exc:  # the loop decides: retry, or raise
                error = exc
            step = _resume(steps, result, error)
        return step

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Sends through ``inner`` with the retry policy and request logging."""

    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        steps = _attempts(self.policy, request)
        step: _Step | httpx.Response = next(steps)
        while not isinstance(step, httpx.Response):
            result: Any = None
            error: httpx.HTTPError | None = None
            try:
                if isinstance(step, _Send):
                    result = await self.inner.handle_async_request(request)
                elif isinstance(step, _Read):
                    await step.response.aread()
                elif isinstance(step, _Close):
                    await step.response.aclose()
                else:
                    await _async_sleep(step.seconds)
            except httpx.HTTPError as exc:  # the loop decides: retry, or raise
                error = exc
            step = _resume(steps, result, error)
        return step

    async def aclose(self) -> None:
        await self.inner.aclose()


# -- handing requests to the connection client ------------------------------------------------


_HTTP_CLIENT_CLOSED = "the http_client this client sends through is closed"


class _Bridge(httpx.BaseTransport):
    """Sends finished requests through a user's ``httpx.Client``, never changing it."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.http.is_closed:
            raise SipgateIOError(_HTTP_CLIENT_CLOSED)
        # auth=None: the request is authenticated already, not by the connection client.
        return self.http.send(request, stream=True, auth=None)

    def close(self) -> None:
        """The user's client stays open: it is theirs."""


class _AsyncBridge(httpx.AsyncBaseTransport):
    """Sends finished requests through a user's ``httpx.AsyncClient``, never changing it."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.http.is_closed:
            raise SipgateIOError(_HTTP_CLIENT_CLOSED)
        return await self.http.send(request, stream=True, auth=None)

    async def aclose(self) -> None:
        """The user's client stays open: it is theirs."""


def resolve_base_url(base_url: str | None, http: httpx.Client | httpx.AsyncClient | None) -> str:
    """``base_url``, else the connection client's, else ``$SIPGATE_BASE_URL``, else sipgate's."""
    return (
        base_url
        or (str(http.base_url) if http is not None else "")
        or os.environ.get(BASE_URL_ENV, "").strip()
        or DEFAULT_BASE_URL
    ).rstrip("/")


# What httpx.Client sends by default, for requests through the library's own pool (httpx
# decodes these encodings itself; User-Agent is replaced by default_headers()).
_POOL_HEADERS = {"Accept": "*/*", "Accept-Encoding": "gzip, deflate", "Connection": "keep-alive"}


def _settings(
    http: httpx.Client | httpx.AsyncClient | None,
    auth: httpx.Auth,
    base_url: str | None,
    timeout: float | httpx.Timeout | None,
) -> dict[str, Any]:
    headers = httpx.Headers(_POOL_HEADERS if http is None else http.headers)
    headers.update(default_headers())
    if timeout is not None:
        timeout = httpx.Timeout(timeout)
    return {
        "auth": auth,
        "headers": headers,
        "base_url": resolve_base_url(base_url, http),
        "timeout": timeout or (DEFAULT_TIMEOUT if http is None else http.timeout),
        "trust_env": False,  # proxies and certificates are the connection client's
    }


def environment_proxy(url: str) -> str | None:
    """The proxy the environment names for ``url`` (``HTTPS_PROXY``, ``NO_PROXY``...), or None.

    What ``httpx.Client`` would use for it by default; the library's own pool sends to the
    base URL's origin only, so this is looked up once per client.
    """
    import urllib.request

    parsed = httpx.URL(url)
    proxies = urllib.request.getproxies_environment()
    bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]  # not in typeshed
    if not proxies or bypass(parsed.host, proxies):
        return None
    return proxies.get(parsed.scheme) or proxies.get("all")


_SSL_CONTEXTS: dict[tuple[str | None, str | None], ssl.SSLContext] = {}


def _ssl_context() -> ssl.SSLContext:
    """The TLS context httpx would make (the environment's certificates), once per setting.

    For the fallback pools (httpx's, aiohttp's). Loading the CA bundle takes ~15-50 ms:
    the context reads it on its first handshake (:mod:`sipgateio._tls`; an ``http://``
    client never does), and the pools of every client share it, so it is read once.
    """
    key = (os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    context = _SSL_CONTEXTS.get(key)
    if context is None:
        context = _SSL_CONTEXTS[key] = deferred_ca_context(trust_env=True)
    return context


def _sync_pool(base_url: str, limits: httpx.Limits = DEFAULT_LIMITS) -> httpx.BaseTransport:
    """The library's own connection pool for a :class:`SipgateIO`.

    pyreqwest's (:mod:`sipgateio._pyreqwest`) where it can be imported, else httpx's
    transport, which is also where a forked child of a process that used pyreqwest sends.
    """
    proxy = environment_proxy(base_url)

    def fallback() -> httpx.BaseTransport:
        return httpx.HTTPTransport(
            verify=_ssl_context(), limits=limits, trust_env=True, proxy=proxy
        )

    try:
        from ._pyreqwest import PyreqwestTransport
    except ImportError:
        return fallback()
    return PyreqwestTransport(limits=limits, proxy=proxy, fallback=fallback)


def _async_pool(base_url: str, limits: httpx.Limits = DEFAULT_LIMITS) -> httpx.AsyncBaseTransport:
    """The library's own connection pool for an :class:`AsyncSipgateIO` (and bulk work).

    aiohttp's where it can be imported, else httpx's. Not pyreqwest's (though
    :class:`~sipgateio._pyreqwest.AsyncPyreqwestTransport` passes the same tests and needs
    less CPU per call): with pyreqwest 0.15.1 a process whose async client was used aborts
    at exit now and then ("Fatal Python error: PyGILState_Release", 13-14 of 100 runs of
    a one-call script on a loaded machine): its runtime thread takes the GIL while the
    interpreter finalizes. Its sync client does not (0 of 200).
    """
    proxy = environment_proxy(base_url)
    try:
        from ._aiohttp import AiohttpTransport
    except ImportError:
        return httpx.AsyncHTTPTransport(
            verify=_ssl_context(), limits=limits, trust_env=True, proxy=proxy
        )
    return AiohttpTransport(limits=limits, verify=_ssl_context(), proxy=proxy)


def sync_facade_client(
    http: httpx.Client | None,
    *,
    auth: httpx.Auth,
    base_url: str | None,
    timeout: float | httpx.Timeout | None,
    policy: RetryPolicy,
    limits: httpx.Limits = DEFAULT_LIMITS,
) -> tuple[httpx.Client, SyncSender]:
    """The client that sends one :class:`SipgateIO`'s requests through ``http``, and its sender.

    Without ``http`` the requests go to a connection pool of the library's own (bounded by
    ``limits``), closed with the result. The sender sends the facade's calls with the same
    settings and transports, without ``httpx.Client``'s per-request bookkeeping.
    """
    settings = _settings(http, auth, base_url, timeout)
    inner = _sync_pool(settings["base_url"], limits) if http is None else _Bridge(http)
    transport = RetryTransport(inner, policy)
    facade = httpx.Client(transport=transport, event_hooks={"request": [negotiate]}, **settings)
    return facade, SyncSender(facade, transport)


def async_facade_client(
    http: httpx.AsyncClient | None,
    *,
    auth: httpx.Auth,
    base_url: str | None,
    timeout: float | httpx.Timeout | None,
    policy: RetryPolicy,
    limits: httpx.Limits = DEFAULT_LIMITS,
) -> tuple[httpx.AsyncClient, AsyncSender]:
    """Like :func:`sync_facade_client`, for an :class:`AsyncSipgateIO`."""
    settings = _settings(http, auth, base_url, timeout)
    inner = _async_pool(settings["base_url"], limits) if http is None else _AsyncBridge(http)
    transport = AsyncRetryTransport(inner, policy)
    facade = httpx.AsyncClient(
        transport=transport, event_hooks={"request": [negotiate_async]}, **settings
    )
    return facade, AsyncSender(facade, transport)
