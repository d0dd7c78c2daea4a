"""Calls: click-to-dial sessions and Real Time Call Manipulation of established calls."""

from __future__ import annotations

__all__: list[str] = []
