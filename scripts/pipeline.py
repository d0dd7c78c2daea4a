"""sipgate's published Swagger 2.0 -> our OpenAPI 3 spec: convert, correct (overlay), validate.

The steps of ``regenerate.py --upstream FILE``, usable on their own (the tests run them
on a small fixture):

1. :func:`swagger2oas.convert` turns the Swagger 2.0 document into OpenAPI 3.0.3,
   keeping facts (paths, parameters, schemas, enum values) and dropping prose.
2. :func:`overlay.apply` applies our corrections (``openapi/sipgate-v2.overlay.yaml``);
   an action whose target matches nothing is an error.
3. The result is validated as OpenAPI 3.0 (openapi-spec-validator).
4. :func:`drift.drift` compares it with the spec of the last import (the checked-in
   one), so the maintainer sees what sipgate changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drift import Drift, drift
from overlay import apply, stale_actions
from swagger2oas import convert, dump, load

__all__ = ["HEADER", "Import", "import_upstream", "write_spec"]

HEADER = """\
# sipgateio's OpenAPI description of api.sipgate.com/v2. Do not edit: it is made by
# `python scripts/regenerate.py --upstream <sipgate's Swagger 2.0 file>` from sipgate's
# published description (facts only) and our corrections in {overlay}.
"""


@dataclass
class Import:
    """The outcome of importing an upstream description."""

    spec: dict[str, Any] | None  # None when overlay actions no longer apply
    drift: Drift


def validate(doc: dict[str, Any]) -> None:
    """Raise when ``doc`` is not a valid OpenAPI 3.0 document."""
    from openapi_spec_validator import validate as check

    check(doc)


def import_upstream(upstream: Path, overlay_path: Path, last_spec: Path | None) -> Import:
    """Convert ``upstream``, apply the overlay, validate; the drift since ``last_spec``.

    When actions of the overlay no longer match, the import has no spec and the drift
    lists those actions (with what else changed, compared before the overlay).
    """
    converted = convert(load(upstream))
    overlay = load(overlay_path)
    previous = load(last_spec) if last_spec is not None and last_spec.exists() else {}
    stale = stale_actions(converted, overlay)
    if stale:
        result = drift(previous, converted)
        result.stale_actions = [str(s) for s in stale]
        return Import(None, result)
    spec = apply(converted, overlay)
    validate(spec)
    return Import(spec, drift(previous, spec))


def write_spec(spec: dict[str, Any], path: Path, overlay_path: Path) -> None:
    """Write ``spec`` to ``path`` with the do-not-edit header."""
    path.write_text(HEADER.format(overlay=overlay_path.name) + dump(spec), encoding="utf-8")
