"""Blocking until a long-running command (``sandbox``, ``webhook serve``) is told to stop."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from types import FrameType

__all__ = ["block_until_stopped"]


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def block_until_stopped(running: Callable[[], bool] = lambda: True) -> None:
    """Block while ``running()`` holds; return on Ctrl-C (SIGINT) or SIGTERM.

    SIGTERM counts as Ctrl-C while blocking (in the main thread), so that a service
    manager or ``kill`` stops the server gracefully rather than killing it mid-request.
    """
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if main else None
    try:
        while running():
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
