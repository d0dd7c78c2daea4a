"""What the resource tests share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import sipgateio
from tests.apistub import APIStub
from tests.conftest import Flavour


def rejected(
    flavour: Flavour, api: APIStub, fn: Callable[[Any], Any], field: str
) -> sipgateio.ValidationError:
    """Run ``fn`` expecting a ValidationError naming ``field``, with no request sent."""
    with pytest.raises(sipgateio.ValidationError) as info:
        flavour.run(fn)
    assert info.value.field == field
    assert field in str(info.value)
    assert api.requests == []
    return info.value


def sent(api: APIStub) -> list[tuple[str, str, dict[str, list[str]], Any]]:
    """Every request the server saw: method, path, query and JSON body."""
    return [(r.method, r.path, r.query, r.json) for r in api.requests]
