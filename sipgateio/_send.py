"""Sending the facade's calls: one ``httpx.Request`` per call, straight to the transport stack.

Each client's *facade* ``httpx`` client (see :mod:`sipgateio._http`) holds its auth,
headers, base URL, timeout and request hooks, and ``client.raw`` sends through it.
``httpx.Client.send`` adds per-request work the facade does not need (URL merging, a
cookie jar, the redirect loop, stream wrappers): about 90 µs of CPU per request on a
small machine, a third of a whole call. The senders here build the request from the
*same* facade client's settings (read once, through its public properties) and hand it
to the *same* transport stack (retries, then the connection pool or the user's client),
driving the facade's auth flow and request/response hooks as httpx does. So both paths
send identical requests and share retries and pool; only the bookkeeping is skipped.
"""

from __future__ import annotations

import json
from typing import Any, Generic, TypeVar

import httpx
import orjson

from ._credentials import HeaderAuth

__all__ = [
    "AsyncSender",
    "HeldBody",
    "SyncSender",
    "accept_for",
    "negotiate",
    "negotiate_async",
]

# What each operation answers with, where it is not JSON (see openapi/sipgate-v2.yaml; a
# test checks this table against the spec). Keyed by the path below the base URL.
_ACCEPT_BY_PATH = {"/history/export": "text/csv"}
_JSON = "application/json"


def accept_for(path: str) -> str:
    """The media type to ask for at ``path`` (a URL path ending in the operation's path)."""
    for suffix, media_type in _ACCEPT_BY_PATH.items():
        if path.endswith(suffix):
            return media_type
    return _JSON


def negotiate(request: httpx.Request) -> None:
    """The facade client's request hook: ask for the operation's media type.

    Only where the caller did not ask for something else (httpx's default is ``*/*``).
    The senders here do the same when they build a request's headers.
    """
    if request.headers.get("Accept", "*/*") == "*/*":
        request.headers["Accept"] = accept_for(request.url.path)


async def negotiate_async(request: httpx.Request) -> None:
    """:func:`negotiate` as an async client's hook."""
    negotiate(request)


_HOOKS_DONE_HERE = (negotiate, negotiate_async)
_SHAPES = 256
# The headers httpx adds itself to a request, which a caller's headers may preset instead:
# a request with these among its own headers is built by httpx as it comes.
_OWN_HEADERS = frozenset({"host", "content-length", "transfer-encoding"})


def _plain(value: Any) -> bool:
    """Whether orjson encodes ``value`` to the very bytes ``json.dumps`` gives (see below)."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return bool(-(2**63) <= value < 2**64)
    if kind is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    if kind is list or kind is tuple:
        return all(_plain(v) for v in value)
    return False


def _json_body(value: Any) -> bytes:
    """A request's JSON body, encoded exactly as ``httpx.Request(json=...)`` encodes it.

    httpx uses ``json.dumps(ensure_ascii=False, separators=(",", ":"), allow_nan=False)``.
    For strings (every code point but lone surrogates), booleans, None, 64-bit integers,
    dicts with string keys, lists and tuples orjson writes the same bytes in a tenth of
    the time; anything else (floats, which orjson writes in other notations and NaN as
    null; subclasses; lone surrogates, which orjson refuses) goes to ``json.dumps``, which
    also raises what httpx would raise for a value JSON cannot hold.
    """
    try:
        if _plain(value):
            return orjson.dumps(value)
    except (orjson.JSONEncodeError, RecursionError):
        pass
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


class HeldBody:
    """A request's or response's whole body, at hand: ``content``, ``read()``, ``aread()``.

    Mixed into httpx's classes where the body is known when they are made, so that
    reading it does not gather it again from its stream (see :class:`_Request` and
    :class:`sipgateio._responses.WholeResponse`).
    """

    _held: bytes

    @property
    def content(self) -> bytes:
        """The body."""
        return self._held

    def read(self) -> bytes:
        """The body (it is at hand)."""
        return self._held

    async def aread(self) -> bytes:
        """The body (it is at hand)."""
        return self._held


class _Request(HeldBody, httpx.Request):
    """A request with its body at hand: what ``httpx.Request(content=...)`` would be.

    The body is handed to httpx as a ready stream (so httpx adds no headers) and kept as
    the content, which ``httpx.Request.read()`` would otherwise gather from that stream
    again (a check of the stream's type through ``typing`` costs more than the rest).
    """

    def __init__(
        self,
        method: str,
        url: httpx.URL,
        *,
        params: Any,
        headers: httpx.Headers,
        body: bytes,
        extensions: dict[str, Any],
    ) -> None:
        super().__init__(
            method,
            url,
            params=params,
            headers=headers,
            stream=httpx.ByteStream(body),
            extensions=extensions,
        )
        self._held = body


class _Shape:
    """What the requests of one kind share: headers in httpx's order, whether sized."""

    __slots__ = ("headers", "sized")

    def __init__(self, headers: httpx.Headers | None, sized: bool) -> None:
        self.headers = headers  # None: built by httpx each time (an unusual request)
        self.sized = sized  # the body's length goes into Content-Length


class _Template:
    """What every request of one facade client carries, read once from it.

    Building an ``httpx.Request`` from its arguments parses the URL, merges and
    normalises headers, encodes the body and adds ``Host`` and ``Content-Length``:
    most of it the same for every request of an operation. The first request of each
    *shape* (method, media type asked for, extra headers, kind of body) is built by httpx
    itself; its headers (the facade client's own, the extra ones, what httpx added, the
    negotiated ``Accept``) are kept, and later requests of that shape get a copy of them with their
    body's ``Content-Length``, handed to ``httpx.Request`` with the body as a ready
    stream (httpx then adds nothing). So every request carries exactly the headers, in
    the order, httpx would have given it. The path is not part of a shape (the headers
    do not depend on it beyond ``Accept``), so the requests of bulk work on
    ``/contacts/{id}`` share one; parsed URLs are kept apart, per path. Bodies of forms
    and files are built by httpx.
    """

    def __init__(self, facade: httpx.Client | httpx.AsyncClient) -> None:
        self.base = str(facade.base_url).rstrip("/")
        self.headers = facade.headers.copy()
        self.timeout = facade.timeout.as_dict()
        self.auth = facade.auth or httpx.Auth()  # the base class sends requests as they are
        # A fixed Authorization value is part of the kept headers: no flow to drive.
        self.fixed = self.auth if isinstance(self.auth, HeaderAuth) else None
        hooks = facade.event_hooks
        # the negotiation hook's work is done when the headers are built
        self.request_hooks = [h for h in hooks["request"] if h not in _HOOKS_DONE_HERE]
        self.response_hooks = list(hooks["response"])
        self._shapes: dict[tuple[Any, ...], _Shape] = {}
        self._urls: dict[str, httpx.URL] = {}

    def _by_httpx(self, method: str, url: httpx.URL, kwargs: dict[str, Any]) -> httpx.Request:
        headers = self.headers
        extra = kwargs.get("headers")
        if extra:
            headers = httpx.Headers(headers)
            headers.update(extra)
        request = httpx.Request(
            method,
            url,
            params=kwargs.get("params") or None,
            headers=headers,
            content=kwargs.get("content"),
            data=kwargs.get("data"),
            files=kwargs.get("files"),
            json=kwargs.get("json"),
            extensions={"timeout": self.timeout},
        )
        negotiate(request)
        if self.fixed is not None:
            self.fixed.apply(request)
        return request

    def build(self, kwargs: dict[str, Any]) -> httpx.Request:
        """The request for a generated operation's ``httpx.Client.request`` arguments."""
        method = str(kwargs["method"]).upper()
        path: str = kwargs["url"]
        extra = kwargs.get("headers")
        content = kwargs.get("content")
        body: bytes | None
        if kwargs.get("data") is not None or kwargs.get("files"):
            kind, body = "form", None  # httpx encodes forms and files
        elif content is not None:
            if isinstance(content, str):
                kind, body = "content", content.encode()
            elif isinstance(content, bytes):
                kind, body = "content", content
            else:
                kind, body = "stream", None
        elif kwargs.get("json") is not None:
            kind, body = "json", _json_body(kwargs["json"])
        else:
            kind, body = "", b""
        url = self._urls.get(path) or self._url(path)
        key = (method, accept_for(path), tuple(extra.items()) if extra else (), kind, not body)
        shape = self._shapes.get(key) or self._first(key, method, url, kwargs, body)
        if shape.headers is None:
            return self._by_httpx(method, url, kwargs)
        assert body is not None  # a shape with headers is one whose body is bytes
        request = _Request(
            method,
            url,
            params=kwargs.get("params") or None,
            headers=shape.headers,  # copied by httpx
            body=body,
            extensions={"timeout": self.timeout},
        )
        if shape.sized:
            request.headers["Content-Length"] = str(len(body))
        return request

    def _url(self, path: str) -> httpx.URL:
        """The parsed URL of an operation path, kept for the next request to it.

        At most ``_SHAPES`` are kept: paths with ids in them (``/history/{id}``) are many,
        the ones in a hot loop few.
        """
        if len(self._urls) >= _SHAPES:
            self._urls.clear()
        url = self._urls[path] = httpx.URL(self.base + path)  # paths start with "/"
        return url

    def _first(
        self,
        key: tuple[Any, ...],
        method: str,
        url: httpx.URL,
        kwargs: dict[str, Any],
        body: bytes | None,
    ) -> _Shape:
        """The shape of a request seen first: httpx builds it, its headers are kept."""
        if len(self._shapes) >= _SHAPES:  # only extra headers make shapes many
            self._shapes.clear()
        extra = kwargs.get("headers") or {}
        if body is None or any(str(k).lower() in _OWN_HEADERS for k in extra):
            shape = _Shape(None, sized=False)
        else:
            request = self._by_httpx(method, url, {**kwargs, "params": None})
            sized = "Content-Length" in request.headers and bool(body)
            shape = _Shape(request.headers, sized)
        self._shapes[key] = shape
        return shape


_C = TypeVar("_C", httpx.Client, httpx.AsyncClient)
_T = TypeVar("_T", httpx.BaseTransport, httpx.AsyncBaseTransport)


class _Sender(Generic[_C, _T]):
    """What both senders hold: the facade client, its request template, the transport."""

    _facade: _C
    _transport: _T

    def __init__(self, facade: _C, transport: _T) -> None:
        self._facade = facade
        self._template = _Template(facade)
        self._transport = transport

    @property
    def closed(self) -> bool:
        """Whether the facade client (and so this sender) was closed."""
        return self._facade.is_closed


class SyncSender(_Sender[httpx.Client, httpx.BaseTransport]):
    """Sends facade calls of a :class:`~sipgateio.SipgateIO` through ``transport``."""

    def send(self, kwargs: dict[str, Any]) -> httpx.Response:
        """Build, authenticate and send the request; return the answer with its body read."""
        t = self._template
        request = t.build(kwargs)
        # a request with a fixed Authorization value comes authorized from build()
        response = self._send_one(request) if t.fixed else self._authorized(request)
        try:
            response.read()
        except BaseException:
            response.close()
            raise
        return response

    def _authorized(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` as the auth flow asks (again after a 401, with a renewed token)."""
        flow = self._template.auth.sync_auth_flow(request)
        try:
            request = next(flow)
            while True:
                response = self._send_one(request)
                try:
                    request = flow.send(response)  # the auth asks again (e.g. after a 401)
                except StopIteration:
                    break
                response.close()
        finally:
            flow.close()
        return response

    def _send_one(self, request: httpx.Request) -> httpx.Response:
        t = self._template
        for hook in t.request_hooks:
            hook(request)
        response = self._transport.handle_request(request)
        response.request = request
        for hook in t.response_hooks:
            hook(response)
        return response


class AsyncSender(_Sender[httpx.AsyncClient, httpx.AsyncBaseTransport]):
    """Sends facade calls of an :class:`~sipgateio.AsyncSipgateIO` through ``transport``."""

    async def send(self, kwargs: dict[str, Any]) -> httpx.Response:
        """Build, authenticate and send the request; return the answer with its body read."""
        t = self._template
        request = t.build(kwargs)
        # a request with a fixed Authorization value comes authorized from build()
        response = await (self._send_one(request) if t.fixed else self._authorized(request))
        try:
            await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return response

    async def _authorized(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` as the auth flow asks (again after a 401, with a renewed token)."""
        flow = self._template.auth.async_auth_flow(request)
        try:
            request = await flow.__anext__()
            while True:
                response = await self._send_one(request)
                try:
                    request = await flow.asend(response)  # the auth asks again
                except StopAsyncIteration:
                    break
                await response.aclose()
        finally:
            await flow.aclose()
        return response

    async def _send_one(self, request: httpx.Request) -> httpx.Response:
        t = self._template
        for hook in t.request_hooks:
            await hook(request)
        response = await self._transport.handle_async_request(request)
        response.request = request
        for hook in t.response_hooks:
            await hook(response)
        return response
