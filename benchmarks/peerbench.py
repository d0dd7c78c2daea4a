"""Every benchmark of this folder in one sitting, Node.js interleaved, as one peerbench JSON file.

    python benchmarks/peerbench.py --peerbench /tmp/peerbench --out /tmp/python-DATE.json
        [--reps 3] [--quick] [--only startup,client,contacts,webhook] [--python PY]

``--peerbench`` is a *copy* of ``shared/peerbench`` with ``npm ci`` run in its ``node/``
folder and its data generated (``node node/gen-data.js``); nothing is installed into the
project. Runs, in this order, each script in its own fresh processes, each interleaving the
Node.js library run by run:

* ``startup``  import_bench.py: ``import sipgateio`` (and with the webhook), ``import httpx``,
  the first call sync and async, Node's ``require('sipgateio')`` and first call
* ``client``   client_bench.py: calls/s, latency and CPU per call, c1 sync / c32 async
* ``contacts`` contacts_bench.py --all --sizes 100000: exports, imports, vCard parsing
* ``webhook``  webhook_bench.py: wrk against the embedded server and granian, Node's server

and writes the sections under peerbench's paths (PYTHON_SIDE.md; ``compare.py`` pairs them
with a Node result file), with the load average at the start and the end of each section.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECTIONS = ("startup", "client", "contacts", "webhook")
CONTACTS_OPS = "vcard_export,csv_export,vcard_parse,vcard_import,csv_import"


def run(argv: list[str], env: dict[str, str]) -> None:
    print(f"[peerbench] {' '.join(argv)}", file=sys.stderr, flush=True)
    subprocess.run(argv, check=True, env=env, cwd=ROOT)


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def startup(figures: dict[str, Any]) -> dict[str, Any]:
    """import_bench.py's figures under peerbench's ``startup`` paths."""
    med, cost = figures["median_ms"], figures["cost_ms"]
    out: dict[str, Any] = {
        "library_ms": med["sipgateio"],
        "baseline_ms": med["baseline"],
        "require_overhead_ms": cost["sipgateio"],
        "ratio_library_over_baseline": round(med["sipgateio"] / med["baseline"], 3),
        "library_with_webhook_ms": med.get("sipgateio+webhook"),
        "httpx_ms": med.get("httpx"),
        "first_call_sync_overhead_ms": cost.get("first-call-sync"),
        "first_call_async_overhead_ms": cost.get("first-call-async"),
        "runs": figures["runs"],
        "min_max_ms": figures["min_max_ms"],
    }
    if "node-require" in med:
        out["node"] = {
            "library_ms": med["node-require"],
            "baseline_ms": med["node-baseline"],
            "require_overhead_ms": cost["node-require"],
            "first_call_overhead_ms": cost.get("node-first-call"),
        }
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--peerbench", type=Path, required=True, help="a copy of shared/peerbench")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--webhook-reps", type=int, help="repetitions of the webhook runs (--reps)")
    p.add_argument("--quick", action="store_true", help="short windows (a smoke run)")
    p.add_argument("--only", default=",".join(SECTIONS))
    p.add_argument("--python", default=sys.executable, help="interpreter for the start-up runs")
    p.add_argument("--contacts-ops", default=CONTACTS_OPS, help="contacts_bench.py --ops")
    p.add_argument("--client-duration", type=float, default=5.0, help="client window, seconds")
    args = p.parse_args()
    only = [s for s in args.only.split(",") if s]
    node_dir = args.peerbench / "node"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env["PEERBENCH_DATA"] = str(args.peerbench / "data")
    py = sys.executable
    report: dict[str, Any] = {
        "schema": "peerbench/1",
        "side": "python",
        "started_at": datetime.now(UTC).isoformat(),
        "quick": args.quick,
        "versions": {"python": platform.python_version()},
        "host": {"cpus": os.cpu_count(), "platform": platform.platform(), "loadavg": load()},
        "config": {"reps": args.reps, "sections": only},
        "loadavg_by_section": {},
    }
    manifest = args.peerbench / "data" / "MANIFEST.json"
    if manifest.exists():
        report["data_manifest"] = json.loads(manifest.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        for section in only:
            before, started = load(), time.perf_counter()
            out = Path(tmp) / f"{section}.json"
            if section == "startup":
                runs = "10" if args.quick else "30"
                run([py, str(HERE / "import_bench.py"), "--runs", runs, "--json", str(out),
                     "--python", args.python, "--node", str(node_dir),
                     "--stub", str(args.peerbench / "common/api-stub.js")], env)  # fmt: skip
                report["startup"] = startup(json.loads(out.read_text()))
            elif section == "client":
                extra = ["--quick"] if args.quick else ["--duration", str(args.client_duration)]
                run([py, str(HERE / "client_bench.py"), "--reps", str(args.reps), *extra,
                     "--interleave-node", str(node_dir), "--out", str(out),
                     "--stub", str(args.peerbench / "common/api-stub.js")], env)  # fmt: skip
                figures = json.loads(out.read_text())
                report["client"] = figures["client"]
                report["node_client"] = figures.get("node_client")
                report["versions"].update(figures.get("versions", {}))
            elif section == "contacts":
                sizes = "10000" if args.quick else "100000"
                argv = [py, str(HERE / "contacts_bench.py"), "--all", "--reps", str(args.reps)]
                argv += ["--sizes", sizes, "--node", str(args.peerbench), "--out", str(out)]
                argv += ["--ops", args.contacts_ops]
                run(argv, env)
                figures = json.loads(out.read_text())
                for key, value in figures.items():
                    if key not in ("schema", "side"):
                        report.setdefault(key, value)
                report["contacts"] = figures["contacts"]
            elif section == "webhook":
                extra = ["--quick"] if args.quick else []
                reps = str(args.webhook_reps or args.reps)
                run([py, str(HERE / "webhook_bench.py"), "--reps", reps, *extra,
                     "--peerbench", str(args.peerbench), "--interleave-node", str(args.peerbench),
                     "--out", str(out)], env)  # fmt: skip
                figures = json.loads(out.read_text())
                report["webhook"] = figures["webhook"]  # node_* keys are Node's servers
            report["loadavg_by_section"][section] = {
                "start": before,
                "end": load(),
                "seconds": round(time.perf_counter() - started, 1),
            }
            report["host"]["loadavg_end"] = load()
            report["finished_at"] = datetime.now(UTC).isoformat()
            # written after every section: a sitting cut short keeps what it measured
            args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
            print(f"wrote {args.out} ({section})", file=sys.stderr)


if __name__ == "__main__":
    main()
