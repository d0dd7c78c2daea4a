"""Reading answers: one place that turns an error status or an unreadable body into our errors.

Used by the runner of the facade and by every generated endpoint module (``client.raw``),
so both raise the same typed errors: :class:`~sipgateio.APIError` for an error status,
whatever its body (empty, HTML, JSON), and :class:`~sipgateio.UnexpectedResponseError`
when a successful answer does not have the documented shape.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

import httpx
import orjson

from ._http import retry_after_seconds, secrets_of
from ._send import HeldBody
from .errors import (
    APIError,
    SipgateIOError,
    UnexpectedResponseError,
    ValidationError,
    error_for_status,
    redact,
)

__all__ = [
    "PARSE_ERRORS",
    "WholeResponse",
    "api_error",
    "read_json",
    "reading",
    "unreadable",
    "whole_response",
]

PARSE_ERRORS = (ValueError, LookupError, TypeError, AttributeError, ArithmeticError, RecursionError)
"""What reading an answer of an unexpected shape raises: a missing key, a wrong type, an
unknown enum value, a list too short, a bad date, JSON nested deeper than Python recurses."""


# 19 digits in a row may be an integer beyond 64 bits, which orjson would make a float. They
# are found by mapping every digit to "0" and everything else to " " and looking for 19
# "0"s: a tenth of the time of a regular expression's search (which took longer than
# orjson's reading of the whole body).
_DIGITS_ONLY = bytes(0x30 if 0x30 <= i <= 0x39 else 0x20 for i in range(256))
_LONG_DIGITS = b"0" * 19


class WholeResponse(HeldBody, httpx.Response):
    """An answer whose body came whole and as it is meant (no ``Content-Encoding``): read.

    ``httpx.Response(content=...)`` runs even an empty body through its streaming
    machinery (content decoder, chunkers, request context) to read it: ~8 us per answer,
    as much as the library's own work on a small one. This keeps the body as it came as
    the content; in every other respect it is the ``httpx.Response`` it would have been
    (status, headers, ``text``, ``json()``, the body iterated as often as asked, closing).
    Made by :func:`whole_response`.
    """

    def __init__(
        self,
        status_code: int,
        *,
        headers: httpx.Headers,
        content: bytes,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(
            status_code, headers=headers, stream=httpx.ByteStream(content), extensions=extensions
        )
        self._held = content
        # as httpx's response is once it read its body in __init__
        self.is_stream_consumed = self.is_closed = True

    def _pieces(self, chunk_size: int | None) -> Iterator[bytes]:
        body = self._held
        size = max(chunk_size or len(body), 1)
        return (body[i : i + size] for i in range(0, len(body), size))

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in pieces of ``chunk_size`` bytes (all at once without)."""
        return self._pieces(chunk_size)

    async def aiter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """:meth:`iter_bytes` for async code."""
        for piece in self._pieces(chunk_size):
            yield piece


def whole_response(
    status_code: int,
    headers: Sequence[tuple[bytes, bytes]] | Sequence[tuple[str, str]],
    content: bytes,
    extensions: dict[str, Any] | None = None,
) -> httpx.Response:
    """The answer of a transport that read its whole (raw) body ``content`` at once.

    What ``httpx.Response(status_code, headers=headers, content=content,
    extensions=extensions)`` gives, at a fraction of its cost: a :class:`WholeResponse`
    where the body is not encoded; where it is (``Content-Encoding: gzip``...) httpx's own
    response, which decodes it. Like httpx, a body without ``Content-Length`` gets one.
    """
    length = False
    for name, value in headers:
        key = name.lower()
        if key == b"content-encoding" or key == "content-encoding":
            code = value.strip().lower()
            if code != b"identity" and code != "identity":
                return httpx.Response(
                    status_code, headers=headers, content=content, extensions=extensions
                )
        elif key == b"content-length" or key == "content-length":
            length = True
    fields = httpx.Headers(headers)
    if content and not length:
        fields["Content-Length"] = str(len(content))
    return WholeResponse(status_code, headers=fields, content=content, extensions=extensions)


def read_json(response: httpx.Response) -> Any:
    """The answer's JSON body: ``response.json()``, read by orjson where it can.

    orjson reads the API's answers in a third of the time ``json`` takes. What it
    refuses (a body not in UTF-8, a byte order mark, a lone surrogate, NaN, invalid
    JSON), and a body with a run of 19 digits (an integer beyond 64 bits, which orjson
    would turn into a float), is read by ``response.json()`` as before, which also
    raises what it always raised for a body that is no JSON.
    """
    content = response.content
    if _LONG_DIGITS not in content.translate(_DIGITS_ONLY):
        try:
            return orjson.loads(content)
        except orjson.JSONDecodeError:
            pass
    return response.json()


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


@contextlib.contextmanager
def reading(operation: str) -> Iterator[None]:
    """Run the facade code that reads an answer of ``operation`` (``"GET /history"``).

    What it raises because the answer has a shape it cannot take (a missing or mistyped
    field, an unknown enum value, a conversion's :class:`~sipgateio.ValidationError`)
    becomes :class:`~sipgateio.UnexpectedResponseError` naming the operation and the field.
    Only reading code goes in here: an error of the facade's own logic, or of a callback
    of the user's, is not an answer's fault and is not relabelled.
    """
    try:
        yield
    except ValidationError as exc:
        raise unreadable(operation, exc) from exc
    except PARSE_ERRORS as exc:
        if isinstance(exc, SipgateIOError):
            raise
        raise unreadable(operation, exc) from exc
