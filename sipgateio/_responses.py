"""Reading answers: one place that turns an error status or an unreadable body into our errors.

Used by the runner of the facade and by every generated endpoint module (``client.raw``),
so both raise the same typed errors: :class:`~sipgateio.APIError` for an error status,
whatever its body (empty, HTML, JSON), and :class:`~sipgateio.UnexpectedResponseError`
when a successful answer does not have the documented shape.
"""

from __future__ import annotations

import httpx

from ._http import retry_after_seconds, secrets_of
from .errors import APIError, UnexpectedResponseError, error_for_status, redact

__all__ = ["PARSE_ERRORS", "api_error", "unreadable"]

PARSE_ERRORS = (ValueError, LookupError, TypeError, AttributeError, ArithmeticError, RecursionError)
"""What reading an answer of an unexpected shape raises: a missing key, a wrong type, an
unknown enum value, a list too short, a bad date, JSON nested deeper than Python recurses."""


def api_error(response: httpx.Response) -> APIError:
    """The :class:`APIError` subclass for ``response``'s (error) status."""
    try:
        request: httpx.Request | None = response.request
    except RuntimeError:  # a response built by hand, without its request
        request = None
    return error_for_status(
        response.status_code,
        method=request.method if request is not None else "",
        url=str(request.url) if request is not None else "",
        body=response.content.decode("utf-8", "replace"),
        retry_after=retry_after_seconds(response.headers.get("Retry-After")),
        secrets=secrets_of(request),  # a server echoing the request must not leak them
    )


def unreadable(operation: str, exc: BaseException) -> UnexpectedResponseError:
    """The error for an answer of ``operation`` (``"GET /history"``) that could not be read."""
    if isinstance(exc, KeyError) and exc.args:
        what = f"the field {exc.args[0]!r} is missing"
    elif isinstance(exc, RecursionError):
        what = "it is nested too deeply"
    else:
        text = str(exc)
        what = f"{type(exc).__name__}: {text[:200]}{'...' if len(text) > 200 else ''}"
    error = UnexpectedResponseError(
        redact(
            f"{operation}: the API's answer could not be read ({what}); "
            "a newer sipgateio may know this response"
        )
    )
    error.__cause__ = exc
    return error
