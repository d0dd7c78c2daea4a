"""Time to the first answer: `import sipgateio`, building a client, one call; fresh interpreters.

    python benchmarks/first_call_bench.py --tree before=/old/checkout --tree after=. [--runs 30]

Each run starts a new interpreter that imports sipgateio from the given checkout (with its
generated/ folder on the path), builds a SipgateIO client against a local server started by
this script (127.0.0.1, answering GET /v2/numbers), and makes one call,
`client.numbers.get_all_numbers()`. The trees are interleaved run by run, so machine
drift hits each alike; the median wall time per tree is printed, with the bare
interpreter's start-up for reference. Also prints how many modules importing one generated
endpoint module loads in each tree.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NUMBERS = json.dumps(
    {
        "items": [
            {"id": "n1", "number": "+4921100000", "localized": "0211 00000", "type": "LANDLINE"}
        ],
        "totalCount": 1,
    }
).encode()

CALL = """
import sipgateio
with sipgateio.SipgateIO(token_id="token-ABC123", token="e68ead46-a7db-46cd-8a1a-44aed1e4e372",
                         base_url={url!r}) as c:
    assert len(c.numbers.get_all_numbers()) == 1
"""

ENDPOINT = """
import sys
before = set(sys.modules)
import {module}
print(len(set(sys.modules) - before))
"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(NUMBERS)))
        self.end_headers()
        self.wfile.write(NUMBERS)

    def log_message(self, *args: object) -> None:
        pass


def env_for(tree: str) -> dict[str, str]:
    """The tree on the path, byte-compiled on the first run (as an installed wheel is)."""
    env = {**os.environ, "PYTHONPATH": f"{tree}{os.pathsep}{os.path.join(tree, 'generated')}"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def once(code: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd="/", env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", action="append", required=True, help="name=path of a checkout")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    trees = dict(t.split("=", 1) for t in args.tree)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    code = CALL.format(url=f"http://127.0.0.1:{server.server_address[1]}/v2")
    variants = {"bare interpreter": ("pass", dict(os.environ))}
    variants |= {name: (code, env_for(path)) for name, path in trees.items()}
    for c, env in variants.values():  # warm the byte-code caches
        once(c, env)
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.runs):
        for name, (c, env) in variants.items():
            samples[name].append(once(c, env))
    server.shutdown()
    print(f"python {sys.version.split()[0]}, {args.runs} interleaved runs, load {os.getloadavg()}")
    for name, s in samples.items():
        print(
            f"  {name:>18}: median {statistics.median(s) * 1000:7.1f} ms  (min {min(s) * 1000:.1f})"
        )
    for name, path in trees.items():
        module = next(
            m
            for m in (
                "sipgateio.raw.api.sms.get_sms_extensions",
                "sipgate_api.api.sms.list_sms_extensions",
            )
            if os.path.exists(os.path.join(path, "generated", *m.split(".")[:-1]))
        )
        out = subprocess.run(
            [sys.executable, "-c", ENDPOINT.format(module=module)],
            check=True,
            capture_output=True,
            text=True,
            cwd="/",
            env=env_for(path),
        )
        print(f"  {name:>18}: importing {module} loads {out.stdout.strip()} modules")


if __name__ == "__main__":
    main()
