"""Apply an OpenAPI Overlay 1.0 document, strictly: an action whose target matches nothing fails.

    python scripts/overlay.py openapi.yaml overlay.yaml > patched.yaml

Each action's ``target`` is an RFC 9535 JSONPath. ``remove: true`` deletes every node it
selects; otherwise ``update`` is merged into every node it selects: into an object key by
key (a nested object merges recursively; any other value, arrays too, replaces the
target's), and to a selected array the update is appended as one more item. A target
that selects nothing is an error here (other tools skip it silently): in our corrections
it means upstream changed under us, which a maintainer has to look at.
"""

from __future__ import annotations

import argparse
import copy
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath
from swagger2oas import dump, load

__all__ = ["Action", "OverlayError", "StaleAction", "actions_of", "apply", "stale_actions"]


class OverlayError(Exception):
    """The overlay is malformed, or some of its actions match nothing."""


@dataclass(frozen=True)
class Action:
    """One overlay action, with its position (1-based) for messages."""

    number: int
    target: str
    description: str
    update: Any
    remove: bool


@dataclass(frozen=True)
class StaleAction:
    """An action whose target selects nothing in the document."""

    action: Action

    def __str__(self) -> str:
        what = f" ({self.action.description})" if self.action.description else ""
        return f"action {self.action.number}: target {self.action.target} matches nothing{what}"


def actions_of(overlay: dict[str, Any]) -> list[Action]:
    """The actions of an Overlay 1.0 document, checked for shape."""
    version = str(overlay.get("overlay", ""))
    if not version.startswith("1."):
        raise OverlayError(f"not an Overlay 1.x document (overlay: {overlay.get('overlay')!r})")
    raw = overlay.get("actions")
    if not isinstance(raw, list) or not raw:
        raise OverlayError("the overlay has no actions")
    out = []
    for number, action in enumerate(raw, start=1):
        if not isinstance(action, dict) or not isinstance(action.get("target"), str):
            raise OverlayError(f"action {number}: needs a target (a JSONPath string)")
        remove = action.get("remove", False) is True
        if remove == ("update" in action):
            raise OverlayError(f"action {number}: give exactly one of update or remove: true")
        try:
            jsonpath.compile(action["target"])
        except Exception as exc:
            raise OverlayError(
                f"action {number}: bad JSONPath {action['target']!r}: {exc}"
            ) from exc
        out.append(
            Action(
                number,
                action["target"],
                action.get("description", ""),
                action.get("update"),
                remove,
            )
        )
    return out


def _merge_object(target: dict[str, Any], update: dict[str, Any]) -> None:
    """Merge ``update`` into ``target``: nested objects recursively, anything else replaced."""
    for key, value in update.items():
        if isinstance(target.get(key), dict) and isinstance(value, dict):
            _merge_object(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def _merge(target: Any, update: Any) -> Any:
    """``target`` with ``update`` applied: merged into an object, appended to an array."""
    if isinstance(target, dict) and isinstance(update, dict):
        _merge_object(target, update)
        return target
    if isinstance(target, list):
        target.append(copy.deepcopy(update))
        return target
    return copy.deepcopy(update)


def _parent(doc: Any, location: tuple[Any, ...]) -> Any:
    node = doc
    for key in location[:-1]:
        node = node[key]
    return node


def _apply_one(doc: dict[str, Any], action: Action) -> bool:
    """Apply ``action`` to ``doc`` in place; False when its target selects nothing."""
    nodes = jsonpath.find(action.target, doc)
    if not nodes:
        return False
    locations = [tuple(n.location) for n in nodes]
    if action.remove:
        # Deepest and last first, so earlier removals do not shift later locations.
        for location in sorted(locations, key=lambda loc: (len(loc), loc), reverse=True):
            if not location:
                raise OverlayError(f"action {action.number}: cannot remove the whole document")
            del _parent(doc, location)[location[-1]]
        return True
    for location in locations:
        if not location:
            _merge(doc, action.update)
            continue
        parent = _parent(doc, location)
        parent[location[-1]] = _merge(parent[location[-1]], action.update)
    return True


def stale_actions(doc: dict[str, Any], overlay: dict[str, Any]) -> list[StaleAction]:
    """Apply ``overlay`` to a copy of ``doc``; the actions that matched nothing."""
    work = copy.deepcopy(doc)
    return [StaleAction(a) for a in actions_of(overlay) if not _apply_one(work, a)]


def apply(doc: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """``doc`` with ``overlay`` applied (``doc`` is not changed); raises on stale actions."""
    work = copy.deepcopy(doc)
    stale = [StaleAction(a) for a in actions_of(overlay) if not _apply_one(work, a)]
    if stale:
        raise OverlayError(
            "overlay actions whose target matches nothing:\n" + "\n".join(f"  {s}" for s in stale)
        )
    return work


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("document", type=Path)
    parser.add_argument("overlay", type=Path)
    args = parser.parse_args()
    try:
        sys.stdout.write(dump(apply(load(args.document), load(args.overlay))))
    except OverlayError as exc:
        sys.exit(f"overlay: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
