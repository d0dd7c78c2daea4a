"""Bulk work: many independent calls sent with bounded concurrency, one outcome per item.

An operation yields a :class:`Batch` (from :mod:`sipgateio._ops`) instead of a single
:class:`~sipgateio._ops.Call` and is sent back one :class:`Outcome` per call, in the order of
the calls. What to start next, when to slow down and what to report is decided here, once, by
:class:`Scheduler`; one loop (:func:`sipgateio._ops.run_batch`) only sends, as asyncio tasks:
in the caller's event loop for :class:`~sipgateio.AsyncSipgateIO`, in a private one for
:class:`~sipgateio.SipgateIO` (:mod:`sipgateio._bulk_loop`).

Rules
    * At most ``limit`` calls are in flight (the client's ``concurrency`` unless the batch
      names its own).
    * HTTP 429 (rate limited): the call goes back to the front of the queue, the concurrency
      is halved (at least 1), no new call starts until those in flight are done, then the
      runner waits the ``Retry-After`` the API sent (at most :data:`MAX_PAUSE` seconds; without
      it a growing back-off) and goes on. After :data:`RATE_LIMIT_TRIES` 429 answers for one
      call its outcome is the :class:`~sipgateio.errors.RateLimitError`. Every ``limit``
      calls that complete without a 429 raise the concurrency by one, up to the batch's
      own bound again.
    * ``stop(error)`` true for a call's error (e.g. 401: every further call would fail too):
      nothing more is started; calls in flight complete; the calls never started are
      reported as not attempted (``Outcome.attempted`` false).
    * ``progress(done, total)`` is called after every call that reached its final outcome
      (in the caller's event loop; for ``SipgateIO`` in its bulk thread). An exception
      raised by it, or any exception that is not a :class:`~sipgateio.errors.SipgateIOError`,
      stops the batch: the calls in flight complete, then it propagates (in the caller's
      thread).
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

import attrs

from .errors import RateLimitError, SipgateIOError, ValidationError

if TYPE_CHECKING:
    from ._ops import Call

__all__ = [
    "DEFAULT_CONCURRENCY",
    "MAX_PAUSE",
    "RATE_LIMIT_TRIES",
    "Batch",
    "BulkError",
    "OnDemand",
    "Outcome",
    "Progress",
    "Scheduler",
    "Tally",
    "check_concurrency",
    "check_progress",
    "default_concurrency",
    "tally",
]

K = TypeVar("K", bound=Hashable)

DEFAULT_CONCURRENCY = 512
"""Requests bulk work keeps in flight unless the client or the call says otherwise.

Chosen by ``benchmarks/bulk_bench.py`` (figures in ``benchmarks/RESULTS.md``): with a 50 ms
round trip, ``n`` requests wait at least ``n / limit`` round trips, so 500 deletes or note
updates take two at 256 and one at 512, 1,000 creates four and two. With the requests' I/O
in pyreqwest's runtime (the async pool), what is left is the client's CPU: 512 set 500 notes
in 0.12 s against 0.17 s at 256 and imported 1,000 cards in 0.28 s against 0.38 s (one
sitting, load ~3); 1,000 in flight gained nothing more. The Node.js library sends everything
at once. 512 keeps the sockets of one client below the common limit of 1,024 open files.
sipgate publishes no concurrency limit; an account that meets its rate limit gets HTTP 429,
which halves the concurrency and waits ``Retry-After`` (see :class:`Scheduler`), so the
default need not guess the limit low. The client's own pool has a connection for each
request in flight (``_http.pool_limits``).
"""


def default_concurrency() -> int:
    """:data:`DEFAULT_CONCURRENCY`, or half the process's open-files limit where that is lower.

    Each request in flight holds a socket; a soft limit of 256 open files (macOS's default
    for a shell) would make 512 connections fail with "too many open files", so a client
    made there keeps at most 128 in flight unless told otherwise.
    """
    try:
        import resource
    except ImportError:  # Windows: no such limit on sockets
        return DEFAULT_CONCURRENCY
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft <= 0:
        return DEFAULT_CONCURRENCY
    return max(1, min(DEFAULT_CONCURRENCY, soft // 2))


MAX_CONCURRENCY = 1000
"""The largest ``concurrency`` accepted (beyond it the connection pool is the bound anyway)."""

RATE_LIMIT_TRIES = 6
"""How many HTTP 429 answers one call of a batch may meet before its outcome is that error."""

MAX_PAUSE = 60.0
"""The longest pause after a 429, whatever ``Retry-After`` says."""

Progress = Callable[[int, int], object]
"""``progress(done, total)``: called after every item of a bulk operation that is done."""


@attrs.frozen(slots=True)
class Outcome:
    """What became of one call of a batch.

    ``value`` is the call's result when ``error`` is None; ``error`` the typed error it ended
    with; ``attempted`` is false for a call never sent because the batch stopped first.
    """

    value: Any = None
    error: SipgateIOError | None = None
    attempted: bool = True

    @property
    def ok(self) -> bool:
        """True when the call was sent and succeeded."""
        return self.attempted and self.error is None


_NOT_ATTEMPTED = Outcome(attempted=False)

T = TypeVar("T")


class OnDemand(Sequence["Call[Any]"], Generic[T]):
    """The calls of a batch, each made from its item (``make(item)``) when it is started.

    Making a request (the generated model from a body, the request's arguments) costs about
    0.1 ms: made on demand, the first requests of a batch go out at once and the rest are
    made while answers are awaited, not all before the first is sent.
    """

    __slots__ = ("_items", "_make")

    def __init__(self, items: Sequence[T], make: Callable[[T], Call[Any]]) -> None:
        self._items = items
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Call[Any]: ...
    @overload
    def __getitem__(self, index: slice) -> list[Call[Any]]: ...
    def __getitem__(self, index: int | slice) -> Call[Any] | list[Call[Any]]:
        if isinstance(index, slice):
            return [self._make(item) for item in self._items[index]]
        return self._make(self._items[index])


@attrs.frozen(slots=True)
class Batch:
    """Independent calls to send with at most ``limit`` in flight (None: the client's bound)."""

    calls: Sequence[Call[Any]]
    limit: int | None = None
    stop: Callable[[SipgateIOError], bool] | None = None
    progress: Progress | None = None


def check_concurrency(value: object, field: str = "concurrency") -> int | None:
    """``value`` if it is None or an integer from 1 to :data:`MAX_CONCURRENCY`."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_CONCURRENCY:
        raise ValidationError(
            f"{field} must be an integer from 1 to {MAX_CONCURRENCY} (requests in flight at "
            f"once), or None for the default, got {value!r}",
            field=field,
        )
    return value


def check_progress(value: object) -> Progress | None:
    """``value`` if it is None or callable (``progress(done, total)``)."""
    if value is not None and not callable(value):
        raise ValidationError(
            f"progress must be a callable taking (done, total), or None, got {value!r}",
            field="progress",
        )
    return value


class Scheduler:
    """The decisions of one batch run: which call to start, when to pause, the outcomes.

    A runner loops: start every call :meth:`next_call` hands out, wait for any call in flight to
    end and hand its ``(value, error)`` to :meth:`finish`; when nothing is in flight and
    :meth:`take` gives nothing, sleep :meth:`pause` seconds if it is not None, else the run is
    over and :meth:`outcomes` is the result.
    """

    __slots__ = (
        "_bound",
        "_calm",
        "_done",
        "_failure",
        "_outcomes",
        "_pause",
        "_queue",
        "_stopped",
        "_tries",
        "batch",
        "in_flight",
        "limit",
    )

    def __init__(self, batch: Batch, default_limit: int) -> None:
        self.batch = batch
        total = len(batch.calls)
        self._bound = max(1, min(batch.limit or default_limit, total or 1))
        self.limit = self._bound
        self.in_flight = 0
        self._queue = collections.deque(range(total))
        self._outcomes: list[Outcome] = [_NOT_ATTEMPTED] * total
        self._tries: dict[int, int] = {}
        self._done = 0
        self._calm = 0  # completions since the last 429 or raise of the limit
        self._pause = 0.0
        self._stopped = False
        self._failure: BaseException | None = None

    @property
    def workers(self) -> int:
        """The most calls that will ever be in flight at once."""
        return self._bound

    def take(self) -> int | None:
        """The index of the next call to start, or None (bound reached, pausing, stopped)."""
        if self._stopped or self._pause or self.in_flight >= self.limit or not self._queue:
            return None
        self.in_flight += 1
        return self._queue.popleft()

    def next_call(self) -> tuple[int, Call[Any]] | None:
        """:meth:`take` with the call itself, made now when the calls are made on demand.

        A call that cannot be made ends as a sent one that raised would: its
        :class:`~sipgateio.errors.SipgateIOError` is that item's outcome, anything else
        stops the run (see :meth:`finish`); the next call is taken then. Every runner
        starts its calls through this, so a batch has the same outcomes however it is sent.
        """
        while (index := self.take()) is not None:
            try:
                return index, self.batch.calls[index]
            except BaseException as exc:  # recorded, or raised once the rest are done
                self.finish(index, None, exc)
        return None

    def finish(self, index: int, value: Any, error: BaseException | None) -> None:
        """Record the end of call ``index``: its result, or the error it ended with."""
        self.in_flight -= 1
        if error is not None and not isinstance(error, SipgateIOError):
            self.fail(error)
            return
        if isinstance(error, RateLimitError):
            tries = self._tries.get(index, 0) + 1
            if tries < RATE_LIMIT_TRIES:
                self._tries[index] = tries
                self._queue.appendleft(index)
                self.limit = max(1, self.limit // 2)
                self._calm = 0
                hint = error.retry_after
                wait = min(0.5 * 2**tries, 8.0) if hint is None else min(hint, MAX_PAUSE)
                self._pause = max(self._pause, wait, 1e-3)
                return
        self._outcomes[index] = Outcome(value, error)
        self._done += 1
        if error is None:
            self._calm += 1
            if self._calm >= self.limit and self.limit < self._bound:
                self.limit += 1
                self._calm = 0
        else:
            stop = self.batch.stop
            if stop is not None and stop(error):
                self._stopped = True
        progress = self.batch.progress
        if progress is not None:
            try:
                progress(self._done, len(self._outcomes))
            except BaseException as exc:  # the caller's callback: stop, then raise it
                self.fail(exc)

    def fail(self, error: BaseException) -> None:
        """Stop starting calls; :meth:`outcomes` raises ``error`` once the rest are done."""
        self._stopped = True
        if self._failure is None:
            self._failure = error

    def pause(self) -> float | None:
        """Seconds to wait before going on (nothing in flight), or None when the run is over."""
        if self._pause and not self._stopped:
            wait, self._pause = self._pause, 0.0
            return wait
        return None

    def outcomes(self) -> list[Outcome]:
        """One outcome per call, in order; raises what stopped the run, if anything did."""
        if self._failure is not None:
            raise self._failure
        return self._outcomes


@attrs.frozen(slots=True)
class Tally(Generic[K]):
    """A batch's outcomes by the keys of its items (contact ids, CSV lines...)."""

    succeeded: list[K]
    failed: dict[K, SipgateIOError]
    not_attempted: list[K]
    cause: SipgateIOError | None
    """The error to raise ``from``: the first that stopped the run, else the first error."""


def tally(
    keys: Sequence[K], outcomes: Sequence[Outcome], fatal: Callable[[SipgateIOError], bool]
) -> Tally[K]:
    """Sort the outcomes of a batch by its items' ``keys`` (one key per call, in order)."""
    succeeded: list[K] = []
    failed: dict[K, SipgateIOError] = {}
    not_attempted: list[K] = []
    cause: SipgateIOError | None = None
    for key, outcome in zip(keys, outcomes, strict=True):
        error = outcome.error
        if error is not None:
            failed[key] = error
            if cause is None or (fatal(error) and not fatal(cause)):
                cause = error
        elif outcome.attempted:
            succeeded.append(key)
        else:
            not_attempted.append(key)
    return Tally(succeeded, failed, not_attempted, cause)


class BulkError(SipgateIOError):
    """Base of the errors of bulk operations that did not reach every item.

    ``failed`` maps an item (contact id, entry id, CSV line...) to the error its request
    ended with; ``not_attempted`` lists the items never sent because the run stopped at an
    error every further request would meet too. The first such error is ``__cause__``.
    """

    failed: dict[Any, SipgateIOError]
    not_attempted: tuple[Any, ...]

    def _summary(self, head: str, total_named: int = 5) -> str:
        """``head`` followed by the failures (the first few named) and what was left."""
        named = [f"{key} ({error})" for key, error in list(self.failed.items())[:total_named]]
        if len(self.failed) > len(named):
            named.append(f"and {len(self.failed) - len(named)} more")
        text = f"{head}; {len(self.failed)} failed: {'; '.join(named)}"
        if self.not_attempted:
            text += f"; stopped there, {len(self.not_attempted)} not attempted"
        return text
