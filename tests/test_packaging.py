"""What a user installs: dependencies and extras, one version, the sdist's files, a clear
message when the server extra is missing."""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

import sipgateio
from sipgateio import SipgateIOError

CHECKOUT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((CHECKOUT / "pyproject.toml").read_text())
SERVER_ONLY = ("uvicorn", "httptools", "uvloop", "granian")


def _names(requirements: list[str]) -> set[str]:
    return {r.split(";")[0].split("[")[0].split(">")[0].split("=")[0].strip() for r in requirements}


def test_the_embedded_server_is_an_extra() -> None:
    project = PYPROJECT["project"]
    assert not _names(project["dependencies"]) & set(SERVER_ONLY)
    assert _names(project["optional-dependencies"]["server"]) >= set(SERVER_ONLY) - {"uvloop"} | {
        "uvloop"
    }


def test_one_version_source() -> None:
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "sipgateio/_version.py"
    try:
        installed = importlib.metadata.version("sipgateio")
    except importlib.metadata.PackageNotFoundError:
        return  # a source checkout on the path, nothing installed to compare with
    assert installed == sipgateio.__version__


def test_installed_metadata_keeps_the_server_optional() -> None:
    try:
        requires = importlib.metadata.requires("sipgateio") or []
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("sipgateio is not installed (tox installs the wheel)")
    for requirement in requires:  # never a base requirement: only under an extra
        if _names([requirement]) & set(SERVER_ONLY):
            assert re.search(r"extra == ['\"]\w+['\"]", requirement), requirement
    server = [r for r in requires if re.search(r"extra == ['\"]server['\"]", r)]
    assert _names(server) >= set(SERVER_ONLY)
    meta = importlib.metadata.metadata("sipgateio")
    assert meta["License-Expression"] == "MIT"
    assert any(url.startswith("Source, ") for url in meta.get_all("Project-URL") or [])


def test_license_and_changelog() -> None:
    assert (CHECKOUT / "LICENSE").read_text().startswith("MIT License")
    assert "## Unreleased" in (CHECKOUT / "CHANGELOG.md").read_text()


def test_missing_server_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from sipgateio.webhook import WebhookServer

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn -> ImportError
    server = WebhookServer(port=0, hostname="127.0.0.1")
    with pytest.raises(SipgateIOError, match=r"pip install 'sipgateio\[server\]'"):
        server.start()
    assert not server.listening.is_set()


JUNK = (
    ".venv/lib/python3.11/site-packages/x.py",
    "venv/bin/activate",
    "env/pyvenv.cfg",
    "sipgateio/__pycache__/_http.cpython-311.pyc",
    "tests/.hypothesis/examples/x",
    "generated/.venv/x.py",
    ".tox/py311/x",
    "dist/old.tar.gz",
    "notes-of-mine.txt",
)


def test_sdist_holds_only_the_projects_files(tmp_path: Path) -> None:
    sdist_builder = pytest.importorskip("hatchling.builders.sdist")
    project = tmp_path / "checkout"
    ignore = shutil.ignore_patterns(".git", ".tox", ".venv", "venv", "__pycache__", ".*_cache")
    shutil.copytree(CHECKOUT, project, ignore=ignore)
    for junk in JUNK:  # what a checkout may hold besides the project
        (project / junk).parent.mkdir(parents=True, exist_ok=True)
        (project / junk).write_text("junk")
    (sdist,) = sdist_builder.SdistBuilder(str(project)).build(directory=str(tmp_path / "dist"))
    with tarfile.open(sdist) as archive:
        prefix = f"sipgateio-{sipgateio.__version__}/"
        names = {m.name.removeprefix(prefix) for m in archive.getmembers() if m.isfile()}
    assert not names & set(JUNK)
    assert {"LICENSE", "CHANGELOG.md", "pyproject.toml", "README.md", "tox.ini"} <= names
    assert any(n.startswith("generated/sipgateio/raw/") for n in names)
    assert any(n.startswith("tests/") for n in names)
    if shutil.which("git") and (CHECKOUT / ".git").exists():
        tracked = subprocess.run(
            ["git", "ls-files", "-z"], cwd=CHECKOUT, capture_output=True, check=True
        ).stdout.decode()
        assert names - {"PKG-INFO"} <= set(tracked.split("\0")), sorted(names)[:20]
