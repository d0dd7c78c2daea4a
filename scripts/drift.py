"""What changed between two OpenAPI 3 documents: operations and schema properties.

    python scripts/drift.py old.yaml new.yaml

Used by ``regenerate.py --upstream`` to tell the maintainer what a new upstream
description changes compared with the last import (both with our overlay applied, so
our own corrections do not show up as drift).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swagger2oas import METHODS, load

__all__ = ["Drift", "drift", "report"]

PROSE = frozenset({"description", "summary", "example", "examples"})


@dataclass
class Drift:
    """The differences, each a human-readable line."""

    operations_added: list[str] = field(default_factory=list)
    operations_removed: list[str] = field(default_factory=list)
    operations_changed: list[str] = field(default_factory=list)
    properties_added: list[str] = field(default_factory=list)
    properties_removed: list[str] = field(default_factory=list)
    properties_changed: list[str] = field(default_factory=list)
    stale_actions: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


def _facts(node: Any) -> Any:
    """``node`` without prose, for comparing."""
    if isinstance(node, dict):
        return {k: _facts(v) for k, v in node.items() if k not in PROSE}
    if isinstance(node, list):
        return [_facts(v) for v in node]
    return node


def _same(a: Any, b: Any) -> bool:
    return json.dumps(_facts(a), sort_keys=True) == json.dumps(_facts(b), sort_keys=True)


def _operations(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                out[f"{method.upper()} {path}"] = item[method]
    return out


def _what_changed(old: dict[str, Any], new: dict[str, Any]) -> str:
    parts = []
    for key in ("operationId", "parameters", "requestBody", "responses", "security", "tags"):
        if not _same(old.get(key), new.get(key)):
            parts.append(key)
    return ", ".join(parts) or "other fields"


def _properties(schema: dict[str, Any]) -> dict[str, Any]:
    props = dict(schema.get("properties") or {})
    for sub in schema.get("allOf", []):
        if isinstance(sub, dict):
            props.update(sub.get("properties") or {})
    return props


def drift(old: dict[str, Any], new: dict[str, Any]) -> Drift:
    """The differences between ``old`` and ``new``."""
    result = Drift()
    old_ops, new_ops = _operations(old), _operations(new)
    result.operations_added = sorted(set(new_ops) - set(old_ops))
    result.operations_removed = sorted(set(old_ops) - set(new_ops))
    result.operations_changed = [
        f"{key}: {_what_changed(old_ops[key], new_ops[key])}"
        for key in sorted(set(old_ops) & set(new_ops))
        if not _same(old_ops[key], new_ops[key])
    ]
    old_schemas = old.get("components", {}).get("schemas", {})
    new_schemas = new.get("components", {}).get("schemas", {})
    for name in sorted(set(old_schemas) | set(new_schemas)):
        before = _properties(old_schemas.get(name, {}))
        after = _properties(new_schemas.get(name, {}))
        result.properties_added += [f"{name}.{p}" for p in sorted(set(after) - set(before))]
        result.properties_removed += [f"{name}.{p}" for p in sorted(set(before) - set(after))]
        result.properties_changed += [
            f"{name}.{p}"
            for p in sorted(set(before) & set(after))
            if not _same(before[p], after[p])
        ]
        old_req = set(old_schemas.get(name, {}).get("required", []))
        new_req = set(new_schemas.get(name, {}).get("required", []))
        if name in old_schemas and name in new_schemas and old_req != new_req:
            result.properties_changed.append(
                f"{name} required: {sorted(old_req)} -> {sorted(new_req)}"
            )
    return result


def report(d: Drift) -> str:
    """The drift as text, one section per kind of change."""
    if not d:
        return "no drift: operations and schema properties are unchanged\n"
    sections = [
        ("operations added", d.operations_added),
        ("operations removed", d.operations_removed),
        ("operations changed", d.operations_changed),
        ("schema properties added", d.properties_added),
        ("schema properties removed", d.properties_removed),
        ("schema properties changed", d.properties_changed),
        ("overlay actions that no longer apply", d.stale_actions),
    ]
    lines = []
    for title, items in sections:
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines += [f"  {item}" for item in items]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    args = parser.parse_args()
    sys.stdout.write(report(drift(load(args.old), load(args.new))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
