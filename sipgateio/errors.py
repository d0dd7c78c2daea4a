"""The exceptions raised by sipgateio.

Every error the library raises derives from :class:`SipgateIOError`::

    SipgateIOError
    ├── ValidationError          bad input, caught before any request is sent
    ├── TransportError           connection failed or timed out (after retries)
    ├── UnexpectedResponseError  a successful answer whose body the library cannot read
    └── APIError                 the API answered with an error status
        ├── BadRequestError       400
        ├── AuthenticationError   401
        ├── PaymentRequiredError  402
        ├── PermissionDeniedError 403
        ├── NotFoundError         404
        ├── ConflictError         409
        ├── RateLimitError        429
        └── ServerError           5xx

Messages never contain credentials: request headers are not kept, only method, URL
and the response body, and the credentials of the request are cut out of what is quoted
(see :func:`redact`): a server that echoes the request's headers cannot leak them.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, quote_plus

__all__ = [
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "SipgateIOError",
    "TransportError",
    "UnexpectedResponseError",
    "ValidationError",
    "error_for_status",
    "redact",
]

_BODY_IN_MESSAGE = 500  # characters of the response body quoted in str(error)
_REDACTED = "***"
# An Authorization value, whoever's it is: "Basic <base64 of user:secret>", "Bearer <token>".
_AUTH_VALUE = re.compile(
    r"(?i)\b(?P<scheme>basic|bearer)(?P<gap>\s+|%20|\+)(?P<credential>[A-Za-z0-9._~+/-]{8,}=*)"
)


def _credential_like(match: re.Match[str]) -> bool:
    credential = match["credential"]
    if match["scheme"].lower() == "bearer":
        return len(credential) >= 16 and any(c.isdigit() or c == "." for c in credential)
    try:
        return b":" in base64.b64decode(credential + "=" * (-len(credential) % 4), validate=True)
    except binascii.Error:
        return False


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with each of ``secrets``, and anything like a credential, replaced by ``***``.

    Each secret is also found JSON-escaped and URL-encoded, the forms in which an
    echoing server quotes it; ``Basic``/``Bearer`` credentials are cut out whoever's
    they are.
    """
    forms: set[str] = set()
    for secret in secrets:
        if secret:
            forms.update(
                (secret, json.dumps(secret)[1:-1], quote(secret, safe=""), quote_plus(secret))
            )
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, _REDACTED)
    return _AUTH_VALUE.sub(
        lambda m: f"{m['scheme']}{m['gap']}{_REDACTED}" if _credential_like(m) else m[0], text
    )


class SipgateIOError(Exception):
    """Base class of every exception raised by sipgateio."""


class ValidationError(SipgateIOError, ValueError):
    """An argument was rejected before anything was sent to the API.

    ``field`` names the offending argument (for example ``"to"`` or ``"send_at"``).
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class TransportError(SipgateIOError):
    """The request could not be completed: connection refused, DNS, TLS or timeout.

    Raised after the retries allowed by ``max_retries`` were used up. The
    underlying ``httpx`` exception is available as ``__cause__``.
    """

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class UnexpectedResponseError(SipgateIOError):
    """The API answered with success, but with a body this library cannot read.

    For example an enum value sipgate added after this release, a missing field, a body
    that is not JSON or nested too deeply. The message names the request and what could
    not be read; the underlying exception is ``__cause__``.
    """


class APIError(SipgateIOError):
    """The API answered with an error status.

    Attributes:
        status_code: the HTTP status.
        method: the request method (``"GET"``, ``"POST"``...).
        url: the request URL.
        body: the response body as text.
        detail: the body decoded as JSON, or ``None`` when it is not JSON.

    """

    def __init__(self, *, status_code: int, method: str, url: str, body: str) -> None:
        self.status_code = status_code
        self.method = method
        self.url = url
        self.body = body
        self.detail: Any = _decode_json(body)
        super().__init__(self._message())

    def _message(self) -> str:
        text = self.body.strip()
        if len(text) > _BODY_IN_MESSAGE:
            text = text[:_BODY_IN_MESSAGE] + "..."
        suffix = f": {text}" if text else ""
        return f"{self.method} {self.url} returned HTTP {self.status_code}{suffix}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only __init__: teach pickle (and multiprocessing) how to rebuild us.
        return (_rebuild, (type(self), self.status_code, self.method, self.url, self.body))


def _rebuild(cls: type[APIError], status_code: int, method: str, url: str, body: str) -> APIError:
    return cls(status_code=status_code, method=method, url=url, body=body)


class BadRequestError(APIError):
    """HTTP 400: the API rejected the request's content."""


class AuthenticationError(APIError):
    """HTTP 401: the credentials are missing, wrong or expired."""


class PaymentRequiredError(APIError):
    """HTTP 402: the account lacks credit (SMS, fax and calls cost money)."""


class PermissionDeniedError(APIError):
    """HTTP 403: the credentials lack the scope or the right for this request."""


class NotFoundError(APIError):
    """HTTP 404: the resource (user, extension, entry, contact...) does not exist."""


class ConflictError(APIError):
    """HTTP 409: the request conflicts with the current state of the resource."""


class RateLimitError(APIError):
    """HTTP 429: too many requests. ``retry_after`` is the server's hint in seconds."""

    def __init__(
        self,
        *,
        status_code: int,
        method: str,
        url: str,
        body: str,
        retry_after: float | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(status_code=status_code, method=method, url=url, body=body)


class ServerError(APIError):
    """HTTP 5xx: the API failed (after the retries allowed by ``max_retries``)."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_for_status(
    status_code: int,
    *,
    method: str,
    url: str,
    body: str,
    retry_after: float | None = None,
    secrets: Iterable[str] = (),
) -> APIError:
    """Build the :class:`APIError` subclass that matches ``status_code``.

    ``secrets`` (the request's credentials) are cut out of the body and the URL.
    """
    secrets = tuple(secrets)
    body, url = redact(body, secrets), redact(url, secrets)
    if status_code == 429:
        return RateLimitError(
            status_code=status_code, method=method, url=url, body=body, retry_after=retry_after
        )
    cls = _BY_STATUS.get(status_code)
    if cls is None:
        cls = ServerError if status_code >= 500 else APIError
    return cls(status_code=status_code, method=method, url=url, body=body)


def _decode_json(body: str) -> Any:
    if not body:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None
