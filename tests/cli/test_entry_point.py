"""The real entry points: ``python -m sipgateio`` in a child process, and the hint without typer."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from tests.apistub import APIStub
from tests.cli.conftest import CREDENTIALS
from tests.cli.helpers import child_env
from tests.resources.test_numbers import NUMBERS


def run(*args: str, env: dict[str, str] | None = None, code: str | None = None) -> Any:
    environment = child_env(**CREDENTIALS, **(env or {}))
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "sipgateio"]
    return subprocess.run(
        [*command, *args], env=environment, capture_output=True, text=True, timeout=120
    )


def test_python_m_sipgateio_runs_a_command(api: APIStub) -> None:
    api.reply("GET", "/v2/numbers", json=NUMBERS)
    result = run("--base-url", api.url, "numbers", "--json")
    assert result.returncode == 0, result.stderr
    assert [n["number"] for n in json.loads(result.stdout)] == [
        n["number"] for n in NUMBERS["items"]
    ]


def test_python_m_sipgateio_exit_code_and_one_line(api: APIStub) -> None:
    result = run("--base-url", api.url, "numbers")  # the stub answers 404: not scripted
    assert result.returncode == 7
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: NotFoundError: GET ")


def test_help_and_version() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("numbers", "sms", "fax", "call", "contacts", "history", "webhook"):
        assert command in result.stdout
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("sipgateio 0.")


def test_without_the_cli_extra_a_one_line_hint_and_exit_15() -> None:
    blocked = (
        "import sys, runpy; sys.modules['typer'] = None; sys.argv[0] = 'sipgateio'; "
        "runpy.run_module('sipgateio', run_name='__main__')"
    )
    result = run("numbers", code=blocked)
    assert result.returncode == 15
    assert result.stdout == ""
    assert result.stderr == (
        "sipgateio: the command line needs the 'cli' extra (typer is missing): "
        'pip install "sipgateio[cli]"\n'
    )


def test_import_sipgateio_loads_no_cli_dependency() -> None:
    probe = (
        "import sys, sipgateio, sipgateio.webhook; "
        "print(sorted(m for m in ('typer', 'rich', 'click', 'sipgateio.cli') if m in sys.modules))"
    )
    result = run(code=probe)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
