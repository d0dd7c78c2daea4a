"""The built wheel: one top-level package, sipgateio, typed, with the generated client inside."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _installed_files() -> list[str] | None:
    """The files of an installed sipgateio distribution (tox installs the wheel), if any."""
    try:
        dist = importlib.metadata.distribution("sipgateio")
    except importlib.metadata.PackageNotFoundError:
        return None
    files = dist.files or []
    if not any(str(f).startswith("sipgateio/raw/") for f in files):
        return None  # an editable install of a checkout: not a wheel's layout
    return [str(f) for f in files]


def _built_files(tmp_path: Path) -> list[str]:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("sipgateio-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return zf.namelist()


def test_wheel_has_one_top_level_package_typed_with_the_raw_client(tmp_path: Path) -> None:
    files = _installed_files() or _built_files(tmp_path)
    tops = {f.split("/", 1)[0] for f in files if not f.startswith("..")}
    assert {t for t in tops if not t.endswith((".dist-info", ".data"))} == {"sipgateio"}
    assert "sipgateio/py.typed" in files
    endpoints = [f for f in files if f.startswith("sipgateio/raw/api/") and f.endswith(".py")]
    assert len([f for f in endpoints if not f.endswith("__init__.py")]) == 179
    assert "sipgateio/raw/models/__init__.py" in files
    assert not [f for f in files if f.startswith(("generated/", "sipgate_api/", "tests/"))]
