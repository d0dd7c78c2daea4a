"""Fixtures of the sandbox tests: a sandbox with a frozen clock, clients of both flavours."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from sipgateio.sandbox import Sandbox
from sipgateio.sandbox.serving import BackgroundServer
from tests.conftest import Flavour


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A running sandbox, its clock frozen at the present second, every answer checked."""
    start = datetime.now(UTC).replace(microsecond=0)
    with Sandbox(start_time=start, check_responses=True) as sb:
        yield sb
        assert sb.response_problems == []


@pytest.fixture(params=["sync", "async"])
def sbflavour(request: pytest.FixtureRequest, sandbox: Sandbox) -> Flavour:
    """SipgateIO / AsyncSipgateIO pointed at the sandbox with its personal access token."""
    return Flavour(request.param, sandbox.base_url, token_id=sandbox.token_id, token=sandbox.token)


@pytest.fixture
def serve() -> Iterator[Callable[[Any], BackgroundServer]]:
    """``serve(wsgi_app)``: the app on 127.0.0.1 in a thread, stopped after the test."""
    servers: list[BackgroundServer] = []

    def start(app: Any) -> BackgroundServer:
        servers.append(BackgroundServer(app).start())
        return servers[-1]

    yield start
    for server in servers:
        server.stop()
