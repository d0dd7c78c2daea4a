from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def sample() -> Callable[[str], str]:
    """Read a file of tests/contacts/data as text, keeping its line ends and BOM."""

    def read(name: str) -> str:
        return (DATA / name).read_bytes().decode("utf-8")

    return read
