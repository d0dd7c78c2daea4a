"""Import and first-call cost of sipgateio vs httpx (and the Node.js library), in fresh processes.

    python benchmarks/import_bench.py [--runs 40] [--json out.json] [--python /venv/bin/python]
        [--stub /work/shared/peerbench/common/api-stub.js] [--node /tmp/peerbench/node]

Prints the median wall time of one fresh ``python -c CODE`` per variant: nothing (the
interpreter's own start-up), ``import httpx``, ``import sipgateio`` (with and without the
webhook module), and the *first call*: ``import sipgateio``, build a client, one
``numbers.get_all_numbers()`` against peerbench's api stub (started here), sync and async.
The cost of a variant is its time minus the bare start-up. Runs are interleaved so machine
drift hits every variant alike. ``--python`` measures another interpreter (e.g. a
virtualenv with only the project's dependencies: the dev environment's extras, such as
trio and rich, change what ``import httpx`` loads). ``--node DIR`` (a peerbench ``node/``
folder with ``node_modules``) adds Node's start-up, ``require('sipgateio')`` and its first
``getAllNumbers()`` through the same stub, interleaved with ours.

Goals: ``import sipgateio`` costs at most 2x ``import httpx``; the first call at most 150 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STUB = "/work/shared/peerbench/common/api-stub.js"
CREDENTIALS = "token_id='token-ABC123', token='e68ead46-a7db-46cd-8a1a-44aed1e4e372'"

VARIANTS = {
    "baseline": "",
    "httpx": "import httpx",
    "sipgateio": "import sipgateio",
    "sipgateio+webhook": "import sipgateio, sipgateio.webhook",
}
FIRST_CALL = {
    "first-call-sync": (
        "import sipgateio\n"
        "with sipgateio.SipgateIO({creds}, base_url='{base}') as c:\n"
        "    assert len(c.numbers.get_all_numbers()) == 3"
    ),
    "first-call-async": (
        "import asyncio, sipgateio\n"
        "async def main():\n"
        "    async with sipgateio.AsyncSipgateIO({creds}, base_url='{base}') as c:\n"
        "        assert len(await c.numbers.get_all_numbers()) == 3\n"
        "asyncio.run(main())"
    ),
}
NODE = {
    "node-baseline": "",
    "node-require": "require('sipgateio')",
    "node-first-call": (
        "require('./lib/patch-axios').patchAxios({{baseURL: '{base}'}});"
        "const s = require('sipgateio');"
        "const c = s.sipgateIO({{tokenId: 'token-ABC123', "
        "token: 'e68ead46-a7db-46cd-8a1a-44aed1e4e372'}});"
        "s.createNumbersModule(c).getAllNumbers().then((n) => {{"
        "if (n.items.length !== 3) process.exit(1); }});"
    ),
}


def once(argv: list[str], cwd: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, cwd=cwd, env=env, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--python", default=sys.executable, help="the interpreter to measure")
    parser.add_argument("--stub", default=DEFAULT_STUB, help="peerbench's api-stub.js")
    parser.add_argument("--node", metavar="NODE_DIR", help="also measure the Node.js library")
    args = parser.parse_args()

    env = dict(os.environ)
    # The source tree and the generated client, byte-compiled on the warm-up run (as pip
    # does when it installs the wheel): with PYTHONDONTWRITEBYTECODE set, as some shells
    # and CI images do, every run would compile the library's modules anew.
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "generated")])
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    from client_bench import start_stub  # this folder: the same stub, started the same way

    stub, port = start_stub(args.stub, 0)
    base = f"http://127.0.0.1:{port}/v2"
    commands: dict[str, tuple[list[str], str]] = {}
    for name, code in VARIANTS.items():
        commands[name] = ([args.python, "-c", code], "/")
    for name, code in FIRST_CALL.items():
        commands[name] = ([args.python, "-c", code.format(creds=CREDENTIALS, base=base)], "/")
    if args.node:
        for name, code in NODE.items():
            commands[name] = (["node", "-e", code.format(base=base)], args.node)
    try:
        runnable = {}
        for name, (argv, cwd) in commands.items():  # warm the caches; skip what cannot run
            try:
                once(argv, cwd, env)
                runnable[name] = (argv, cwd)
            except subprocess.CalledProcessError:
                print(f"  (skipping {name}: it does not run)")
        samples: dict[str, list[float]] = {name: [] for name in runnable}
        for _ in range(args.runs):
            for name, (argv, cwd) in runnable.items():
                samples[name].append(once(argv, cwd, env))
    finally:
        stub.terminate()
        stub.wait(timeout=10)
    med = {name: statistics.median(s) * 1000 for name, s in samples.items()}
    spread = {
        name: [round(min(s) * 1000, 1), round(max(s) * 1000, 1)] for name, s in samples.items()
    }
    cost = {
        name: med[name] - med["node-baseline" if name.startswith("node-") else "baseline"]
        for name in runnable
    }
    print(
        f"python {args.python} ({sys.version.split()[0]}), {args.runs} interleaved runs each, "
        f"load {os.getloadavg()}"
    )
    for name in runnable:
        print(f"  {name:20s} {med[name]:7.1f} ms   cost over bare start-up {cost[name]:6.1f} ms")
    ratio = cost["sipgateio"] / cost["httpx"]
    print(f"  import sipgateio / import httpx = {ratio:.2f}x (goal <= 2.0x)")
    for name in FIRST_CALL:
        if name in cost:
            print(f"  {name}: {cost[name]:.1f} ms over bare start-up (goal <= 150 ms)")
    if args.json:
        with open(args.json, "w") as fh:
            out = {
                "python": args.python,
                "runs": args.runs,
                "loadavg_end": os.getloadavg(),
                "median_ms": med,
                "min_max_ms": spread,
                "cost_ms": cost,
                "ratio_vs_httpx": ratio,
            }
            json.dump(out, fh, indent=2)


if __name__ == "__main__":
    main()
