"""Running ``python -m sipgateio`` in a child process, as a user would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def child_env(**extra: str) -> dict[str, str]:
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path, "PYTHONUNBUFFERED": "1", **extra}


def start(*args: str, **env: str) -> subprocess.Popen[str]:
    """``python -m sipgateio ARGS`` in the background, its output piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "sipgateio", *args],
        env=child_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(*args: str, timeout: float = 120, **env: str) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "sipgateio", *args],
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
