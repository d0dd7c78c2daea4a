"""Running an RTCM call later, without holding up the answer to sipgate.

``play_audio_and_hang_up`` and ``play_audio_and_transfer`` answer at once and hang up
or transfer once the announcement has played. Under WSGI a daemon timer thread waits;
under ASGI the event loop does. Either way :func:`run_follow_up` makes the call: it
calls the client's method and, when the result is awaitable (an ``AsyncSipgateIO``),
awaits it. A failure is logged; nobody else could see it.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
from typing import Protocol

from .responses import FollowUp

__all__ = ["LoopScheduler", "Scheduler", "ThreadScheduler", "run_follow_up"]

logger = logging.getLogger("sipgateio.webhook")


class Scheduler(Protocol):
    """Runs a follow-up ``delay_s`` seconds from now, in the background."""

    def schedule(self, delay_s: float, follow_up: FollowUp) -> None:
        """Arrange for ``follow_up`` to run after ``delay_s`` seconds."""


async def _await(awaitable: object) -> None:
    await awaitable  # type: ignore[misc]


def _failed(follow_up: FollowUp) -> None:
    logger.exception("webhook: the scheduled %s failed", follow_up.description)


def run_follow_up(follow_up: FollowUp) -> None:
    """Make the RTCM call now, in this thread; awaits an awaitable result on a new loop."""
    try:
        result = follow_up.run()
        if inspect.isawaitable(result):
            asyncio.run(_await(result))
    except Exception:
        _failed(follow_up)


class ThreadScheduler:
    """Waits in a daemon timer thread (the WSGI side)."""

    def schedule(self, delay_s: float, follow_up: FollowUp) -> None:
        """Start a timer thread that runs ``follow_up`` after ``delay_s`` seconds."""
        timer = threading.Timer(delay_s, run_follow_up, args=(follow_up,))
        timer.daemon = True
        timer.name = f"sipgateio-webhook-{follow_up.description}"
        timer.start()


class LoopScheduler:
    """Waits on the running event loop (the ASGI side).

    The client method is called in the loop's default executor, so that a sync
    ``SipgateIO`` does not block the loop; an awaitable it returns is awaited on the loop.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._tasks: set[asyncio.Task[None]] = set()

    async def _run(self, delay_s: float, follow_up: FollowUp) -> None:
        await asyncio.sleep(delay_s)
        try:
            result = await self._loop.run_in_executor(None, follow_up.run)
            if inspect.isawaitable(result):
                await result
        except Exception:
            _failed(follow_up)

    def schedule(self, delay_s: float, follow_up: FollowUp) -> None:
        """Create a task on the loop that runs ``follow_up`` after ``delay_s`` seconds."""
        task = self._loop.create_task(self._run(delay_s, follow_up))
        self._tasks.add(task)  # keep a reference until it is done
        task.add_done_callback(self._tasks.discard)
