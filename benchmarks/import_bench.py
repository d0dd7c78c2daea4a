"""Import cost of sipgateio vs httpx, each measured in fresh interpreters in the same run.

    python benchmarks/import_bench.py [--runs 40] [--json out.json]

Prints the median wall time of `python -c "import X"` for: nothing (the interpreter's
own start-up), httpx, sipgateio, sipgateio + sipgateio.webhook, and a first client
call path (sipgateio + building a client); the cost of an import is its time minus the
bare start-up. Runs are interleaved so machine drift hits every variant alike. The
goal: import sipgateio costs at most 2x import httpx.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

VARIANTS = {
    "baseline": "",
    "httpx": "import httpx",
    "sipgateio": "import sipgateio",
    "sipgateio+webhook": "import sipgateio, sipgateio.webhook",
    "sipgateio+client": (
        "import sipgateio; sipgateio.SipgateIO(token_id='token-ABC123', "
        "token='e68ead46-a7db-46cd-8a1a-44aed1e4e372').numbers"
    ),
}


def once(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd="/", stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args()
    variants = {}
    for name, code in VARIANTS.items():  # warm the byte-code caches; skip what cannot import
        try:
            once(code)
            variants[name] = code
        except subprocess.CalledProcessError:
            print(f"  (skipping {name}: it does not import)")
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.runs):
        for name, code in variants.items():
            samples[name].append(once(code))
    med = {name: statistics.median(s) * 1000 for name, s in samples.items()}
    cost = {name: med[name] - med["baseline"] for name in variants}
    print(
        f"python {sys.version.split()[0]}, {args.runs} interleaved runs each, "
        f"load {os.getloadavg()}"
    )
    for name in variants:
        print(f"  {name:20s} {med[name]:7.1f} ms   import cost {cost[name]:6.1f} ms")
    ratio = cost["sipgateio"] / cost["httpx"]
    print(f"  import sipgateio / import httpx = {ratio:.2f}x (goal <= 2.0x)")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"median_ms": med, "cost_ms": cost, "ratio_vs_httpx": ratio}, fh, indent=2)


if __name__ == "__main__":
    main()
