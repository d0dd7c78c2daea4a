"""Bulk work of a :class:`~sipgateio.SipgateIO` on the async machinery, in an event loop of its own.

A :class:`~sipgateio._batch.Batch` of the sync client runs in the batch loop of
:class:`~sipgateio.AsyncSipgateIO` (:func:`sipgateio._ops.run_batch`, deciding with the one
:class:`~sipgateio._batch.Scheduler`), in an event loop on a daemon thread that the client
starts at its first bulk call and stops when it is closed. The requests go through a second
facade client over the async pool ``AsyncSipgateIO`` uses (``_http._async_pool``), with the
sync client's credentials object, headers, base URL, timeout, retry policy and pool size;
single calls keep using the sync client's own pool.

Why: from a pool of threads over httpx a request of a batch cost 1.1-1.5 ms of CPU with 64 in
flight, and more with more threads (the GIL handed over between them, httpx's sync pool),
so no concurrency brought 1,000 creates at a 50 ms round trip under ~1.4 s; an asyncio
task over aiohttp cost about a third of that (over pyreqwest less), also with hundreds in flight
(``benchmarks/bulk_bench.py``, figures in ``benchmarks/RESULTS.md``).

A client that sends through the user's ``http_client`` (an ``httpx.Client``: their proxies,
certificates, mock transport) sends each call of a batch through it from a pool of threads,
awaited by the same loop.

A batch sent one call at a time (one call, or ``concurrency=1``) needs neither: it is sent
in the caller's thread, as a single call is.

``progress`` is called in the loop's thread (in the caller's for one call at a time). What
stops a run (the progress callback's exception, even a ``KeyboardInterrupt``) is raised in
the caller's thread. Interrupted while it waits (Ctrl-C), the caller cancels the run: the
requests in flight are cancelled, and the interruption is raised once they are.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from . import _ops
from ._batch import Batch, Outcome, Scheduler
from ._ops import AsyncRunner, Call, SyncRunner, closed_error, run_batch

if TYPE_CHECKING:
    import httpx

    from ._send import AsyncSender

__all__ = ["BulkLoop", "Connect"]

Connect = Callable[[], "tuple[httpx.AsyncClient, AsyncSender]"]
"""Makes the facade client (and its sender) that a sync client's batches send through."""

_Result = tuple["list[Outcome] | None", "BaseException | None"]


class _Worker:
    """One event loop thread with the facade client its batches send through."""

    __slots__ = ("facade", "loop", "retired", "runner", "runs", "thread")

    def __init__(self, connect: Connect | None) -> None:
        self.facade: httpx.AsyncClient | None = None
        self.runner: AsyncRunner | None = None
        if connect is not None:
            self.facade, sender = connect()
            self.runner = AsyncRunner(sender, str(self.facade.base_url))
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(
            target=self.loop.run_forever, name="sipgateio-bulk", daemon=True
        )
        self.thread.start()
        self.runs = 0  # batches going on (guarded by BulkLoop._lock)
        self.retired = False  # closed: stopped when the last run ends

    def close_pool(self) -> None:
        """Close the facade client's pool (its calls not yet sent fail as on a closed client)."""
        if self.facade is None:
            return
        if threading.current_thread() is self.thread:
            self.loop.create_task(self.facade.aclose())
        else:
            asyncio.run_coroutine_threadsafe(self.facade.aclose(), self.loop).result()

    def stop(self) -> None:
        """Close the pool, stop the loop and wait for the thread to end."""
        if threading.current_thread() is self.thread:
            # From the loop itself (the client's finalizer, run by a collection there): the
            # pool closes, then the loop stops (aiohttp's close takes several loop turns);
            # nothing to wait for here.
            if self.facade is None:
                self.loop.call_soon(self.loop.stop)
            else:
                closing = self.loop.create_task(self.facade.aclose())
                closing.add_done_callback(lambda _: self.loop.stop())
            return
        try:
            self.close_pool()
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join()
            self.loop.close()


class BulkLoop:
    """The event loop thread where one :class:`~sipgateio.SipgateIO` runs its batches.

    ``connect`` makes the async facade client over the library's own pool; None when the
    sync client sends through the user's ``http_client`` (the calls then go through it from
    threads). Nothing starts before the first :meth:`run`; :meth:`close` stops it all.
    """

    def __init__(self, connect: Connect | None) -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self._worker: _Worker | None = None

    def _started(self) -> _Worker:
        with self._lock:
            worker = self._worker
            # No thread yet, or it is gone (in a child process after fork, only the forking
            # thread lives on): a loop of its own, and a pool that belongs to it.
            if worker is None or not worker.thread.is_alive():
                worker = self._worker = _Worker(self._connect)
            worker.runs += 1
            return worker

    def run(self, batch: Batch, sync: SyncRunner) -> list[Outcome]:
        """Send ``batch`` for ``sync``'s client; one outcome per call, in order."""
        plan = Scheduler(batch, sync.concurrency)
        if plan.workers == 1 or sync.closed:
            return self._inline(plan, sync)
        worker = self._started()
        try:
            return self._wait(worker, batch, sync)
        finally:
            with self._lock:
                worker.runs -= 1
                last = worker.retired and not worker.runs
            if last:  # closed during the run (e.g. by its progress callback): stop it now
                worker.stop()

    def _wait(self, worker: _Worker, batch: Batch, sync: SyncRunner) -> list[Outcome]:
        loop = worker.loop
        finished = threading.Event()
        tasks: list[asyncio.Task[_Result]] = []

        def start() -> None:
            task = loop.create_task(self._send(batch, sync, worker.runner))
            task.add_done_callback(lambda _: finished.set())
            tasks.append(task)

        loop.call_soon_threadsafe(start)
        try:
            finished.wait()
        except BaseException:  # e.g. KeyboardInterrupt: cancel the calls in flight, then raise
            loop.call_soon_threadsafe(lambda: tasks[0].cancel())
            finished.wait()
            raise
        outcomes, error = tasks[0].result()
        if error is not None:
            raise error
        assert outcomes is not None
        return outcomes

    @staticmethod
    def _inline(plan: Scheduler, sync: SyncRunner) -> list[Outcome]:
        """One call at a time (or none, on a closed client), in the caller's thread.

        No loop, no thread: a batch of one call (``import_vcard_string`` of one card) or
        with ``concurrency=1`` costs what a single call does.
        """
        closed = sync.closed
        while True:
            while (taken := plan.next_call()) is not None:
                index, call = taken
                if closed:
                    plan.finish(index, None, closed_error())
                else:
                    plan.finish(index, *sync.item(call))
            wait = plan.pause()
            if wait is None:
                return plan.outcomes()
            _ops._sleep(wait)  # the runners' sleep, which tests record

    @staticmethod
    async def _send(batch: Batch, sync: SyncRunner, runner: AsyncRunner | None) -> _Result:
        item: Callable[[Call[Any]], Awaitable[tuple[Any, BaseException | None]]]
        pool: concurrent.futures.ThreadPoolExecutor | None = None
        if runner is None:  # the user's httpx.Client: its calls from threads
            loop = asyncio.get_running_loop()
            workers = Scheduler(batch, sync.concurrency).workers
            pool = concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="sipgateio")
            executor = pool

            def item(c: Call[Any]) -> Awaitable[tuple[Any, BaseException | None]]:
                return loop.run_in_executor(executor, sync.item, c)

        else:
            item = runner.item
        try:
            return await run_batch(batch, sync.concurrency, item), None
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # raised in the caller's thread, never in the loop's
            return None, exc
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        """Close the facade client's pool and stop the thread (a later run starts anew).

        Called while a batch runs (from its progress callback, in the loop's thread, or from
        another thread), the pool closes at once and the thread stops when the batch has
        ended, in the thread that waits for it: no idle thread is left behind.
        """
        with self._lock:
            worker, self._worker = self._worker, None
            if worker is None:
                return
            worker.retired = True
            busy = worker.runs > 0
        if busy:
            worker.close_pool()
        else:
            worker.stop()
