"""The sandbox's clock: real time, or frozen time that moves only when told to."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

__all__ = ["Clock", "iso", "parse_iso"]


class Clock:
    """The time the sandbox lives in.

    Without ``start`` it follows the real clock, shifted by every :meth:`advance`; with
    ``start`` (an aware datetime) it stands still there until :meth:`advance` moves it,
    which makes scheduled SMS and fax progress deterministic in tests.
    """

    def __init__(self, start: datetime | None = None) -> None:
        if start is not None and start.tzinfo is None:
            raise ValueError("start must be an aware datetime (with a time zone)")
        self._frozen = start.astimezone(UTC) if start is not None else None
        self._offset = timedelta()
        self._lock = threading.Lock()

    @property
    def frozen(self) -> bool:
        """Whether time moves only through :meth:`advance`."""
        return self._frozen is not None

    def now(self) -> datetime:
        """The current sandbox time (aware, UTC)."""
        with self._lock:
            base = self._frozen if self._frozen is not None else datetime.now(UTC)
            return base + self._offset

    def advance(self, delta: timedelta) -> datetime:
        """Move the clock forward by ``delta`` and return the new time."""
        if delta < timedelta():
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += delta
        return self.now()


def iso(moment: datetime) -> str:
    """``moment`` as the API writes times: ISO 8601, UTC, with a ``Z``."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    """An ISO 8601 time with offset (``Z`` accepted); ValueError if it has none."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone offset")
    return moment
