"""The HTTP layer: httpx clients with sipgate's headers, auth, timeouts, retries and logging.

Retries live in a transport wrapper, below both the facade and the generated client,
so ``client.raw`` gets the same behaviour. The decision *whether and how long to wait*
is one pure policy (:class:`RetryPolicy`); the two transports differ only in how they
send and sleep.
"""

from __future__ import annotations

import asyncio
import logging
import platform
import random
import time
from email.utils import parsedate_to_datetime
from typing import Any

import attrs
import httpx

from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "configure_client",
    "default_headers",
    "retry_after_seconds",
]

logger = logging.getLogger("sipgateio")

DEFAULT_BASE_URL = "https://api.sipgate.com/v2"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
# Keep as many idle connections as a busy async app has requests in flight.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=64)

_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_RETRY_STATUSES = frozenset({429, 502, 503, 504})
# Failures that happen before a single byte of the request left this machine:
# even a POST (an SMS, a fax, a call) is safe to send again after these.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


# Indirections so tests can record the waits instead of sleeping them.
_sleep = time.sleep
_async_sleep = asyncio.sleep


def default_headers() -> dict[str, str]:
    """The identification headers every request carries."""
    client = (
        f"sipgateio-python/{__version__} ({platform.python_implementation()} "
        f"{platform.python_version()}; {platform.system()} {platform.machine()})"
    )
    return {
        "Accept": "application/json",
        "User-Agent": client,
        "X-Sipgate-Client": client,
        "X-Sipgate-Version": __version__,
    }


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
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@attrs.frozen
class RetryPolicy:
    """When to send a request again, and how long to wait first.

    GET, PUT, DELETE (idempotent) are retried on connection errors, timeouts and
    HTTP 429/502/503/504. POST is retried only when the connection failed before
    the request was sent, so nothing that costs money is ever sent twice.
    The wait is exponential (``base_delay * 2**attempt``, at most ``max_delay``)
    with full jitter, or the server's ``Retry-After`` capped at ``max_retry_after``.
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
    def _retryable(method: str, response: httpx.Response | None, error: Exception | None) -> bool:
        if error is not None:
            return method in _IDEMPOTENT or isinstance(error, _NOT_SENT)
        return (
            response is not None
            and method in _IDEMPOTENT
            and response.status_code in _RETRY_STATUSES
        )


def _describe(response: httpx.Response | None, error: Exception | None) -> str:
    if response is not None:
        return f"HTTP {response.status_code}"
    return type(error).__name__


def _log_retry(request: httpx.Request, attempt: int, wait: float, why: str) -> None:
    logger.info(
        "retrying %s %s in %.2f s (retry %d) after %s",
        request.method,
        request.url,
        wait,
        attempt + 1,
        why,
    )


def _log_done(request: httpx.Request, response: httpx.Response, started: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s %s -> %d in %.1f ms",
            request.method,
            request.url,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )


class RetryTransport(httpx.BaseTransport):
    """Wraps a sync transport with the retry policy and request logging."""

    def __init__(self, inner: httpx.BaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = self.inner.handle_request(request)
            except httpx.TransportError as exc:
                wait = self.policy.delay(request.method, attempt, error=exc)
                if wait is None:
                    raise
                _log_retry(request, attempt, wait, _describe(None, exc))
            else:
                wait = self.policy.delay(request.method, attempt, response=response)
                if wait is None:
                    _log_done(request, response, started)
                    return response
                response.close()
                _log_retry(request, attempt, wait, _describe(response, None))
            _sleep(wait)
            attempt += 1

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps an async transport with the retry policy and request logging."""

    def __init__(self, inner: httpx.AsyncBaseTransport, policy: RetryPolicy) -> None:
        self.inner = inner
        self.policy = policy

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 0
        while True:
            started = time.perf_counter()
            try:
                response = await self.inner.handle_async_request(request)
            except httpx.TransportError as exc:
                wait = self.policy.delay(request.method, attempt, error=exc)
                if wait is None:
                    raise
                _log_retry(request, attempt, wait, _describe(None, exc))
            else:
                wait = self.policy.delay(request.method, attempt, response=response)
                if wait is None:
                    _log_done(request, response, started)
                    return response
                await response.aclose()
                _log_retry(request, attempt, wait, _describe(response, None))
            await _async_sleep(wait)
            attempt += 1

    async def aclose(self) -> None:
        await self.inner.aclose()


def _wrap(transport: Any, policy: RetryPolicy, wrapper: type[Any]) -> Any:
    if transport is None or isinstance(transport, (RetryTransport, AsyncRetryTransport)):
        return transport
    return wrapper(transport, policy)


def configure_client(
    http: httpx.Client | httpx.AsyncClient,
    *,
    auth: httpx.Auth,
    base_url: str | None,
    timeout: float | httpx.Timeout | None,
    policy: RetryPolicy,
) -> None:
    """Give an httpx client (ours or the user's) sipgate's auth, headers, base URL and retries.

    A user's client keeps its own transport, proxies, limits and TLS settings; its
    transports are wrapped with the retry policy (httpx has no public hook for that).
    """
    http.auth = auth
    http.headers.update(default_headers())
    if base_url is not None or not str(http.base_url):
        http.base_url = httpx.URL(base_url or DEFAULT_BASE_URL)
    if timeout is not None:
        http.timeout = httpx.Timeout(timeout)
    wrapper = AsyncRetryTransport if isinstance(http, httpx.AsyncClient) else RetryTransport
    http._transport = _wrap(http._transport, policy, wrapper)
    http._mounts = {
        pattern: _wrap(transport, policy, wrapper) for pattern, transport in http._mounts.items()
    }
