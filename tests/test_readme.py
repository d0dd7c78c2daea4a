"""Every Python example of README.md runs as pasted, against a local stand-in of the API.

The blocks run top to bottom in one fresh Python process, one namespace, as if pasted one
after another into a session (a block may use what an earlier one defined). The process
gets ``SIPGATE_BASE_URL`` pointing at :mod:`tests.readme_api` and a working directory with
the files the examples open. A block marked with the line

    <!-- readme-test: skip <reason> -->

right before its opening fence is only compiled, not run (see docs/README-examples.md).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs

from tests.apistub import APIStub
from tests.readme_api import serve_readme_api
from tests.resources.test_fax import PDF

CHECKOUT = Path(__file__).resolve().parents[1]
README = CHECKOUT / "README.md"
DATA = Path(__file__).resolve().parent / "contacts" / "data"
SKIP = re.compile(r"<!--\s*readme-test:\s*skip\b\s*(?P<reason>.*?)\s*-->")
FENCE = re.compile(r"^```python[ \t]*\n(?P<code>.*?)^```[ \t]*$", re.S | re.M)
# what the examples open, made in their working directory
FILES = {
    "invoice-4711.pdf": PDF,
    "crm.csv": (DATA / "crm.csv").read_bytes(),
    "phone.vcf": (DATA / "google-3.0.vcf").read_bytes(),
}


@attrs.frozen
class Block:
    """One ```python block: where it starts, its code, and why it is not run (if so)."""

    line: int
    code: str
    skip: str | None


def readme_blocks(text: str) -> list[Block]:
    """The README's python blocks, in order, with their skip markers."""
    blocks = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = SKIP.fullmatch(before.strip())
        skip = (marker["reason"] or "no reason given") if marker else None
        blocks.append(Block(text.count("\n", 0, match.start()) + 2, match["code"], skip))
    return blocks


RUNNER = """
import json, sys, traceback
namespace = {"__name__": "__main__"}
for line, code in json.load(sys.stdin):
    try:
        exec(compile(code, f"README.md, block at line {line}", "exec"), namespace)
    except BaseException:
        traceback.print_exc()
        print(f"README_BLOCK_FAILED {line}")
        sys.exit(1)
    print(f"README_BLOCK_OK {line}", flush=True)
"""


def test_the_convention_is_found() -> None:
    text = (
        "a\n<!-- readme-test: skip starts a server -->\n```python\nx = 1\n```\n"
        "\n```python\ny\n```\n"
    )
    first, second = readme_blocks(text)
    assert (first.line, first.code, first.skip) == (4, "x = 1\n", "starts a server")
    assert (second.line, second.skip) == (8, None)


def test_every_block_compiles() -> None:
    blocks = readme_blocks(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 10
    for block in blocks:  # no top-level await, no syntax errors, skipped or not
        compile(block.code, f"README.md, block at line {block.line}", "exec")


def test_every_example_runs_as_pasted(api: APIStub, tmp_path: Path) -> None:
    serve_readme_api(api)
    blocks = [b for b in readme_blocks(README.read_text(encoding="utf-8")) if b.skip is None]
    for name, content in FILES.items():
        (tmp_path / name).write_bytes(content)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIPGATE_")}
    env["SIPGATE_BASE_URL"] = api.url
    # the interpreter finds sipgateio where this test found it (the wheel under tox)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    run = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input=json.dumps([(b.line, b.code) for b in blocks]),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    done = re.findall(r"README_BLOCK_OK (\d+)", run.stdout)
    assert run.returncode == 0, f"{run.stdout[-3000:]}\n{run.stderr[-6000:]}"
    assert len(done) == len(blocks)
    assert not [r for r in api.requests if r.path.startswith("/v2") is False]
    shutil.rmtree(tmp_path, ignore_errors=True)
