"""Sans-IO operations: every API function is written once and run sync or async.

An *operation* is a generator that yields :class:`Call` objects (a generated endpoint
plus its arguments) and receives each call's parsed result back; its return value is
the function's result. An *item stream* (for ``iter_*`` functions) additionally yields
:class:`Emit` objects whose payload goes to the caller one by one. Either may yield a
:class:`Sleep` to pause (``time.sleep`` or ``asyncio.sleep``, e.g. between polls), or a
:class:`~sipgateio._batch.Batch` of independent calls, sent with bounded concurrency and
answered with one :class:`~sipgateio._batch.Outcome` per call (see :mod:`sipgateio._batch`).

A resource method decorated with :func:`operation` or :func:`item_stream` is a plain
method on a resource of a :class:`SipgateIO` client and an awaitable method (or async
iterator) on a resource of an :class:`AsyncSipgateIO` client. The runners below are
the only place where sync and async differ: how a call is sent.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Generator,
    Iterator,
)
from types import FunctionType, MethodType
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar, cast, overload

import attrs
import httpx

from ._batch import DEFAULT_CONCURRENCY, Batch, Outcome, Scheduler
from ._http import async_sleep, request_failed
from ._responses import PARSE_ERRORS, api_error, unreadable
from .errors import SipgateIOError, ValidationError
from .pagination import Pagination

if TYPE_CHECKING:
    from typing import Self

    from ._bulk_loop import BulkLoop
    from ._send import AsyncSender, SyncSender
    from .raw.types import Prepared

__all__ = [
    "EVERYTHING",
    "AsyncMode",
    "AsyncRunner",
    "Batch",
    "Call",
    "Emit",
    "Fetch",
    "Op",
    "Outcome",
    "Resource",
    "Sleep",
    "Stream",
    "SyncMode",
    "SyncRunner",
    "check_page_size",
    "check_pagination",
    "fetch",
    "fetch_body",
    "fetch_unless",
    "item_stream",
    "operation",
    "run_batch",
    "send_all",
    "walk_pages",
]

P = ParamSpec("P")
T = TypeVar("T")


@attrs.frozen(slots=True)
class Call(Generic[T]):
    """A request to make: one operation of the generated client with its parameters.

    ``request`` comes from the generated endpoint module's public ``prepare(...)``: the
    httpx request arguments and the parser of the answer, typed by what it returns.
    ``ok`` lists extra statuses that are not errors for this call (e.g. 404 while
    probing): the call's result is None then. ``body_only=True`` returns the response body
    (bytes) instead of the parsed model: for bulk reads (100,000 contacts) where the
    generated ``from_dict`` is the bottleneck and the resource reads the JSON itself.
    """

    request: Prepared[T]
    ok: frozenset[int] = frozenset()
    body_only: bool = False


@attrs.frozen(slots=True)
class Emit(Generic[T]):
    """An item an item stream hands to its consumer."""

    item: T


@attrs.frozen(slots=True)
class Sleep:
    """A pause of ``seconds``: the runner sleeps (sync or async), then resumes with None."""

    seconds: float


Op = Generator["Call[Any] | Sleep | Batch", Any, T]
"""An operation: yields calls, is sent their parsed results, returns ``T``."""

Fetch = Generator["Call[Any]", Any, T]
"""One call as a sub-generator (``result = yield from fetch(...)``), returning ``T``."""

Stream = Generator["Call[Any] | Sleep | Batch | Emit[T]", Any, None]
"""An item stream: yields calls (answered with results) and items (answered with None)."""

# What httpx raises for a request that failed: transport (connection, timeout, TLS,
# protocol), decoding, redirects, a URL it refuses, a stream used wrongly.
HTTP_FAILURES = (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError)

# Indirections so tests can record pauses instead of sleeping them.
_sleep = time.sleep

_async_sleep = async_sleep


def fetch(request: Prepared[T]) -> Fetch[T]:
    """Make one call and return its parsed, typed answer.

    Used as ``entry = yield from fetch(get_history_by_id.prepare(entry_id=...))``.
    """
    result: T = yield Call(request)
    return result


def fetch_unless(request: Prepared[T], ok: frozenset[int]) -> Fetch[T | None]:
    """Like :func:`fetch`, but None when the API answers with one of the ``ok`` statuses."""
    result: T | None = yield Call(request, ok=ok)
    return result


def fetch_body(request: Prepared[Any]) -> Fetch[bytes]:
    """Make one call; the answer's body as bytes (the resource reads the JSON itself)."""
    body: bytes = yield Call(request, body_only=True)
    return body


def send_all(batch: Batch) -> Generator[Batch, Any, list[Outcome]]:
    """Send a batch of independent calls; one :class:`Outcome` per call, in order.

    Used as ``outcomes = yield from send_all(Batch(calls, limit=..., stop=..., progress=...))``
    (see :mod:`sipgateio._batch`).
    """
    outcomes: list[Outcome] = yield batch
    return outcomes


# -- paging: the walk over offset/limit pages that the list resources share -----------------

Pager = Callable[[int, int], Generator[Any, Any, "tuple[int, bool]"]]
"""``page(offset, size)``: one request (as a sub-generator); returns (items got, more after)."""


def walk_pages(page: Pager, slice_: Pagination, page_size: int) -> Generator[Any, Any, None]:
    """Fetch pages from ``slice_.offset`` until ``slice_.limit`` items (or all) are read.

    ``page(offset, size)`` makes one request (yielding its call, and any items) and
    returns how many items it got and whether the API reports more after them. The walk
    stops at a short page, an empty one, or when the API says there are no more.
    """
    offset, remaining = slice_.offset, slice_.limit
    while remaining is None or remaining > 0:
        size = page_size if remaining is None else min(page_size, remaining)
        count, more = yield from page(offset, size)
        offset += count
        if remaining is not None:
            remaining -= count
        if count < size or not more:
            return


EVERYTHING = Pagination()
"""The whole list (frozen, so one instance serves every call)."""


def check_pagination(pagination: object) -> Pagination:
    """``pagination`` if it is a :class:`Pagination`; ``Pagination()`` (everything) for None."""
    if pagination is None:
        return EVERYTHING
    if not isinstance(pagination, Pagination):
        raise ValidationError(
            f"pagination must be a Pagination or None, got {pagination!r}", field="pagination"
        )
    return pagination


def check_page_size(value: object, maximum: int) -> int:
    """``value`` if it is an integer from 1 to ``maximum`` (the API's largest page)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        raise ValidationError(
            f"page_size must be an integer from 1 to {maximum}, got {value!r}",
            field="page_size",
        )
    return value


class SyncMode:
    """Marker type: resources of a :class:`sipgateio.SipgateIO` client."""


class AsyncMode:
    """Marker type: resources of a :class:`sipgateio.AsyncSipgateIO` client."""


M = TypeVar("M", SyncMode, AsyncMode)


class Resource(Generic[M]):
    """Base of the API areas (``client.sms``, ``client.history``...)."""

    __slots__ = ("_runner",)

    def __init__(self, runner: SyncRunner | AsyncRunner) -> None:
        self._runner = runner

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


def _shown(fn: Callable[..., Any], returns: object) -> Callable[..., Any]:
    """A copy of ``fn`` whose return annotation is ``returns``: what ``help()`` shows."""
    shown = FunctionType(fn.__code__, fn.__globals__, fn.__name__, fn.__defaults__, fn.__closure__)
    shown.__kwdefaults__ = fn.__kwdefaults__
    shown.__annotations__ = {**fn.__annotations__, "return": returns}
    shown.__doc__, shown.__qualname__, shown.__module__ = fn.__doc__, fn.__qualname__, fn.__module__
    return shown


def _inner(annotation: object) -> str | None:
    """``X`` of a string annotation ``Op[X]`` / ``Stream[X]``; None for anything else."""
    if not isinstance(annotation, str) or not annotation.endswith("]") or "[" not in annotation:
        return None
    return annotation[annotation.index("[") + 1 : -1]


class _Driven:
    """What both decorators share: wrap the generator method once, bind it cheaply.

    Each mode gets its own wrapper, whose signature (``help()``, ``inspect``) shows what
    a call returns there: ``T`` / ``Coroutine[Any, Any, T]`` for an ``Op[T]``,
    ``Iterator[T]`` / ``AsyncIterator[T]`` for a ``Stream[T]``.
    """

    def __init__(self, fn: Callable[..., Any], drive: str, sync: str, async_: str) -> None:
        functools.update_wrapper(self, fn)  # type: ignore[arg-type]
        inner = _inner(fn.__annotations__.get("return"))
        self._sync = self._wrap(fn, drive, None if inner is None else sync.format(inner))
        self._async = self._wrap(fn, drive, None if inner is None else async_.format(inner))

    @staticmethod
    def _wrap(fn: Callable[..., Any], drive: str, returns: str | None) -> Callable[..., Any]:
        def invoke(resource: Resource[Any], /, *args: Any, **kwargs: Any) -> Any:
            # ``drive`` is "run" (operations) or "iterate" (item streams).
            return getattr(resource._runner, drive)(fn(resource, *args, **kwargs))

        functools.update_wrapper(invoke, fn)
        if returns is not None:
            invoke.__wrapped__ = _shown(fn, returns)  # type: ignore[attr-defined]
        return invoke

    def _bind(self, obj: Resource[Any] | None) -> Any:
        if obj is None:
            return self
        # A bound method of a function wrapped once: cheap per attribute access (hot path).
        invoke = self._async if isinstance(obj._runner, AsyncRunner) else self._sync
        return MethodType(invoke, obj)


class operation(_Driven, Generic[P, T]):
    """Decorator: turn an operation generator method into a sync or async method."""

    def __init__(self, fn: Callable[Concatenate[Any, P], Op[T]]) -> None:
        super().__init__(fn, "run", "{}", "Coroutine[Any, Any, {}]")

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: Resource[SyncMode], owner: type[Any]) -> Callable[P, T]: ...
    @overload
    def __get__(
        self, obj: Resource[AsyncMode], owner: type[Any]
    ) -> Callable[P, Coroutine[Any, Any, T]]: ...
    def __get__(self, obj: Resource[Any] | None, owner: type[Any]) -> Any:
        return self._bind(obj)


class item_stream(_Driven, Generic[P, T]):
    """Decorator: turn an item stream generator method into an iterator or async iterator."""

    def __init__(self, fn: Callable[Concatenate[Any, P], Stream[T]]) -> None:
        super().__init__(fn, "iterate", "Iterator[{}]", "AsyncIterator[{}]")

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: Resource[SyncMode], owner: type[Any]) -> Callable[P, Iterator[T]]: ...
    @overload
    def __get__(
        self, obj: Resource[AsyncMode], owner: type[Any]
    ) -> Callable[P, AsyncIterator[T]]: ...
    def __get__(self, obj: Resource[Any] | None, owner: type[Any]) -> Any:
        return self._bind(obj)


_Outcome = tuple[Any, BaseException | None]
_START: _Outcome = (None, None)


_DONE = object()
"""What :func:`_advance` returns when the generator is done (its value comes second)."""


def _advance(gen: Generator[Any, Any, Any], outcome: _Outcome) -> tuple[Any, Any]:
    """Feed the last call's outcome into ``gen``; return what it yields next.

    ``(what it yields, None)``, or ``(_DONE, its return value)`` when it returns. A
    failed call is thrown into the generator, so an operation can clean up with
    ``try/finally`` (and even make more calls while doing so). What the generator raises
    goes to the caller as it is: reading an answer is wrapped where it happens
    (``_responses.reading``), so that an error of the operation's own logic is never
    passed off as a strange answer.
    """
    value, error = outcome
    try:
        return (gen.throw(error) if error is not None else gen.send(value)), None
    except StopIteration as stop:
        return _DONE, stop.value


def closed_error() -> SipgateIOError:
    """The error of a call on a closed client."""
    return SipgateIOError("this client is closed (after close() or its with block): make a new one")


class _RunnerBase:
    """What both runners share: sending prepared requests and turning answers into results.

    Requests are built and answers parsed by the public seams of the generated
    endpoint modules (``prepare`` gives the request arguments and ``parse_response``):
    the spec stays the single source of truth for paths and shapes. Error statuses
    raise the typed :class:`~sipgateio.APIError` whatever the body (see ``_responses``).
    """

    default_concurrency: int

    def __init__(self, sender: Any, base_url: str, concurrency: int | None = None) -> None:
        self._sender = sender  # builds and sends the request (sipgateio._send)
        self._base_url = base_url.rstrip("/")
        # calls in flight in a Batch that names no bound
        self.concurrency = concurrency or self.default_concurrency

    @property
    def closed(self) -> bool:
        """Whether the client (and so every call through this runner) was closed."""
        closed: bool = self._sender.closed
        return closed

    def _result(self, c: Call[Any], response: httpx.Response) -> Any:
        status = response.status_code
        if status < 400:
            if c.body_only:
                return response.content
            try:
                return c.request.parse(response)
            except PARSE_ERRORS as exc:  # e.g. JSON nested deeper than Python recurses
                if isinstance(exc, SipgateIOError):
                    raise
                raise unreadable(c.request.operation, exc) from exc
        if status in c.ok:
            return None
        raise api_error(response)

    def _request_error(self, kwargs: dict[str, Any], exc: Exception) -> SipgateIOError:
        method = str(kwargs["method"]).upper()
        url = str(httpx.URL(self._base_url + kwargs["url"], params=kwargs.get("params") or None))
        try:
            request: httpx.Request | None = exc.request  # type: ignore[attr-defined]
        except (AttributeError, RuntimeError):  # not every httpx error knows its request
            request = None
        return request_failed(method, url, exc, request)


async def run_batch(
    batch: Batch, default_limit: int, item: Callable[[Call[Any]], Awaitable[_Outcome]]
) -> list[Outcome]:
    """Send ``batch`` as asyncio tasks, ``item(call)`` each: THE batch loop of both clients.

    :class:`~sipgateio._batch.Scheduler` decides what starts and when to pause; this only
    starts, collects and sleeps. ``AsyncSipgateIO`` runs it in the caller's event loop,
    ``SipgateIO`` in a private one (:mod:`sipgateio._bulk_loop`). Each call's end is
    handled by its task's done callback, which starts the next calls at once (no
    ``asyncio.wait`` over every task in flight per answer: that costs as much as the
    call itself with a hundred in flight). Cancelled (from outside), it cancels the calls
    in flight and waits for them.
    """
    import asyncio  # here: a sync client loads it only for bulk work

    plan = Scheduler(batch, default_limit)
    loop = asyncio.get_running_loop()
    running: dict[asyncio.Future[_Outcome], int] = {}
    idle: asyncio.Future[None] = loop.create_future()

    def start() -> None:
        while (taken := plan.next_call()) is not None:
            index, call = taken
            task = asyncio.ensure_future(item(call))
            running[task] = index
            task.add_done_callback(ended)

    def ended(task: asyncio.Future[_Outcome]) -> None:
        index = running.pop(task)
        if task.cancelled():  # the run was cancelled: no outcome to record
            return
        plan.finish(index, *task.result())
        start()
        if not running and not idle.done():
            idle.set_result(None)

    try:
        while True:
            start()
            if running:
                await idle
                idle = loop.create_future()
                continue
            wait = plan.pause()
            if wait is None:
                return plan.outcomes()
            await _async_sleep(wait)
    finally:
        if running:  # cancelled from outside: the calls in flight go too
            pending = list(running)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)


class SyncRunner(_RunnerBase):
    """Sends calls with a :class:`~sipgateio._send.SyncSender`."""

    _sender: SyncSender

    default_concurrency = DEFAULT_CONCURRENCY

    bulk: BulkLoop | None = None
    """Where batches run; the client sets it (a runner without one makes its own)."""

    def send(self, c: Call[Any] | Sleep | Batch) -> _Outcome:
        """Make one call; return its parsed result, or the typed error it ended with."""
        if isinstance(c, Sleep):
            _sleep(c.seconds)
            return _START
        if isinstance(c, Batch):
            return self._batch(c), None
        kwargs = c.request.kwargs  # no params when there are none (see the endpoint template)
        if self._sender.closed:
            return None, closed_error()
        try:
            response = self._sender.send(kwargs)
            return self._result(c, response), None
        except HTTP_FAILURES as exc:
            return None, self._request_error(kwargs, exc)
        except SipgateIOError as exc:
            return None, exc

    def item(self, c: Call[Any]) -> _Outcome:
        """:meth:`send` for a call of a batch: any exception becomes its outcome."""
        try:
            return self.send(c)
        except BaseException as exc:  # handed to the scheduler, which stops and re-raises
            return None, exc

    def _batch(self, batch: Batch) -> list[Outcome]:
        """Send the batch's calls on the async machinery (see :mod:`sipgateio._bulk_loop`)."""
        if self.bulk is None:  # a runner without a client (tests): its own loop
            from ._bulk_loop import BulkLoop

            self.bulk = BulkLoop(None)
        return self.bulk.run(batch, self)

    def run(self, op: Op[T]) -> T:
        """Drive ``op`` to completion and return its result."""
        outcome = _START
        while True:
            out, result = _advance(op, outcome)
            if out is _DONE:
                return cast(T, result)
            outcome = self.send(out)

    def iterate(self, stream: Stream[T]) -> Iterator[T]:
        """Drive ``stream``, handing its items to the caller as they come."""
        outcome = _START
        with contextlib.closing(stream):
            while (out := _advance(stream, outcome)[0]) is not _DONE:
                if isinstance(out, Emit):
                    yield out.item
                outcome = _START if isinstance(out, Emit) else self.send(out)


class AsyncRunner(_RunnerBase):
    """Sends calls with an :class:`~sipgateio._send.AsyncSender`."""

    _sender: AsyncSender

    default_concurrency = DEFAULT_CONCURRENCY

    async def send(self, c: Call[Any] | Sleep | Batch) -> _Outcome:
        """Make one call; return its parsed result, or the typed error it ended with."""
        if isinstance(c, Sleep):
            await _async_sleep(c.seconds)
            return _START
        if isinstance(c, Batch):
            return await self._batch(c), None
        kwargs = c.request.kwargs  # no params when there are none (see the endpoint template)
        if self._sender.closed:
            return None, closed_error()
        try:
            response = await self._sender.send(kwargs)
            return self._result(c, response), None
        except HTTP_FAILURES as exc:
            return None, self._request_error(kwargs, exc)
        except SipgateIOError as exc:
            return None, exc

    async def item(self, c: Call[Any]) -> _Outcome:
        """:meth:`send` for a call of a batch: any exception becomes its outcome."""
        try:
            return await self.send(c)
        except Exception as exc:  # handed to the scheduler, which stops and re-raises
            return None, exc

    async def _batch(self, batch: Batch) -> list[Outcome]:
        return await run_batch(batch, self.concurrency, self.item)

    async def run(self, op: Op[T]) -> T:
        """Drive ``op`` to completion and return its result."""
        outcome = _START
        while True:
            out, result = _advance(op, outcome)
            if out is _DONE:
                return cast(T, result)
            outcome = await self.send(out)

    async def iterate(self, stream: Stream[T]) -> AsyncIterator[T]:
        """Drive ``stream``, handing its items to the caller as they come."""
        outcome = _START
        with contextlib.closing(stream):
            while (out := _advance(stream, outcome)[0]) is not _DONE:
                if isinstance(out, Emit):
                    yield out.item
                outcome = _START if isinstance(out, Emit) else await self.send(out)
