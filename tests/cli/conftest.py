from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from sipgateio.cli.app import app
from tests.apistub import APIStub
from tests.conftest import TOKEN, TOKEN_ID

CREDENTIALS = {"SIPGATE_TOKEN_ID": TOKEN_ID, "SIPGATE_TOKEN": TOKEN}

Run = Callable[..., Result]


@pytest.fixture
def cli(api: APIStub, tmp_path: Path) -> Run:
    """Run ``sipgateio ARGS`` on the real typer app against the local API stub.

    ``SIPGATE_TOKEN_FILE`` points into ``tmp_path``: a sign-in stored on this machine
    (``sipgateio login``) never leaks into a test.
    """
    token_file = str(tmp_path / "stored-sign-in.json")

    def run(*args: str, env: dict[str, Any] | None = None, input: str | None = None) -> Result:
        environment = {
            **CREDENTIALS,
            "SIPGATE_BASE_URL": api.url,
            "SIPGATE_TOKEN_FILE": token_file,
            # a fixed width: rich otherwise sizes tables by the terminal (none under xdist)
            "COLUMNS": "160",
            **(env or {}),
        }
        return CliRunner().invoke(app, list(args), env=environment, input=input)

    return run


def stdout_json(result: Result) -> Any:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return json.loads(result.stdout)
