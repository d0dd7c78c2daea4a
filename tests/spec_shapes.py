"""Sample answers shaped by the checked-in spec, for tests that play sipgate's API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC: dict[str, Any] = yaml.safe_load(
    (ROOT / "openapi" / "sipgate-v2.yaml").read_text(encoding="utf-8")
)


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def sample(schema: dict[str, Any], depth: int = 0) -> Any:
    """A value of ``schema`` with every property filled in (what a chatty server sends)."""
    schema = resolve(schema)
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(resolve(part))
        return sample(merged, depth)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if kind == "object":
        if depth > 6:
            return {}
        return {name: sample(sub, depth + 1) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [sample(schema.get("items", {}), depth + 1)]
    if kind == "integer":
        return 7
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if schema.get("format") == "date-time":
        return dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC).isoformat()
    return "x1"


def schema_sample(name: str) -> Any:
    """A sample of the component schema ``name``."""
    return sample({"$ref": f"#/components/schemas/{name}"})
