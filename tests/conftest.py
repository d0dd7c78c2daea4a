from __future__ import annotations

import asyncio
import inspect
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import sipgateio
from tests.apistub import APIStub

CHECKOUT = Path(__file__).resolve().parents[1]

if (
    os.environ.get("SIPGATEIO_TEST_INSTALLED")
    and Path(sipgateio.__file__).resolve().parent == CHECKOUT / "sipgateio"
):
    # tox tests the built wheel: the source tree must not shadow it (see tox.ini).
    raise pytest.UsageError(f"testing {sipgateio.__file__}, not the installed sipgateio")

TOKEN_ID = "token-ABC123"
TOKEN = "e68ead46-a7db-46cd-8a1a-44aed1e4e372"


@pytest.fixture(scope="session")
def _stub() -> Iterator[APIStub]:
    stub = APIStub()
    stub.start()
    yield stub
    stub.stop()


@pytest.fixture
def api(_stub: APIStub) -> Iterator[APIStub]:
    """The local API server on 127.0.0.1, with no scripted answers and no recorded requests."""
    _stub.reset()
    yield _stub
    _stub.reset()


class Flavour:
    """Runs the same test body against SipgateIO or AsyncSipgateIO (the parity fixture)."""

    def __init__(self, name: str, base_url: str, **options: Any) -> None:
        self.name = name
        self.base_url = base_url
        self.options = {"token_id": TOKEN_ID, "token": TOKEN, "max_retries": 0, **options}

    def client(self, **options: Any) -> Any:
        cls = sipgateio.AsyncSipgateIO if self.name == "async" else sipgateio.SipgateIO
        return cls(base_url=self.base_url, **{**self.options, **options})

    def run(self, fn: Callable[[Any], Any], **options: Any) -> Any:
        """Call ``fn(client)``; awaits the result (and collects async iterators) for async."""
        if self.name == "sync":
            with self.client(**options) as client:
                result = fn(client)
                if isinstance(result, Iterator):
                    result = list(result)
                return result

        async def go() -> Any:
            async with self.client(**options) as client:
                result = fn(client)
                if hasattr(result, "__aiter__"):
                    return [item async for item in result]
                return await result if inspect.isawaitable(result) else result

        return asyncio.run(go())


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest, api: APIStub) -> Flavour:
    """Each test using it runs twice: once with SipgateIO, once with AsyncSipgateIO."""
    return Flavour(request.param, api.url)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the retry waits instead of sleeping them."""
    waits: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr("sipgateio._http._sleep", waits.append)
    monkeypatch.setattr("sipgateio._http._async_sleep", fake_async_sleep)
    return waits
