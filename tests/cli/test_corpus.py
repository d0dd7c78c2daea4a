"""``contacts import`` with real-world address books (shared/corpora) against the sandbox."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from sipgateio.cli.app import app
from sipgateio.contacts import parse_vcards
from sipgateio.sandbox import Sandbox

CORPORA = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "contacts"
pytestmark = pytest.mark.skipif(
    not CORPORA.is_dir(), reason="shared/corpora is not beside the checkout"
)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sb:
        yield sb


def run(sandbox: Sandbox, *args: str) -> Result:
    env = {
        "SIPGATE_BASE_URL": sandbox.base_url,
        "SIPGATE_TOKEN_ID": sandbox.token_id,
        "SIPGATE_TOKEN": sandbox.token,
    }
    return CliRunner().invoke(app, list(args), env=env)


def _utf8(path: Path) -> str | None:  # the vCard reader takes text
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def test_every_card_of_every_vcard_corpus_file_is_imported_or_reported(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    texts = [t for p in sorted((CORPORA / "vcard").glob("*.vcf")) if (t := _utf8(p)) is not None]
    book = "".join(t if t.endswith("\n") else t + "\n" for t in texts)
    path = tmp_path / "corpus.vcf"
    path.write_text(book, encoding="utf-8")
    parsed = parse_vcards(book)
    result = run(sandbox, "contacts", "import", str(path), "--json")  # 64 requests at once
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["imported"] + len(report["skipped"]) == len(parsed.records) + len(parsed.skipped)
    assert report["imported"] >= 50  # most cards of the corpus are fine
    assert all(s["reason"] for s in report["skipped"])


def _count(sandbox: Sandbox) -> int:
    result = run(sandbox, "contacts", "export", "--format", "json", "--scope", "private")
    assert result.exit_code == 0, result.stderr
    return len(json.loads(result.stdout))


@pytest.mark.parametrize("name", sorted(p.name for p in (CORPORA / "csv").glob("*.csv")))
def test_csv_corpus_files_are_imported_or_refused_with_a_reason(
    sandbox: Sandbox, name: str
) -> None:
    before = _count(sandbox)
    result = run(sandbox, "contacts", "import", str(CORPORA / "csv" / name), "--json")
    if result.exit_code == 3:  # a layout without names or numbers: said, nothing sent
        assert "CSV header" in json.loads(result.stderr)["error"]["message"]
        assert _count(sandbox) == before
        return
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert _count(sandbox) - before == report["imported"]  # what it says it did, it did
    assert all(s["line"] >= 1 and s["reason"] for s in report["skipped"])
