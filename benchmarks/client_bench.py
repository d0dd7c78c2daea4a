"""Client call overhead: sipgateio's calls vs the same HTTP exchange through bare httpx.

    python benchmarks/client_bench.py [--reps 3] [--duration 5] [--warmup 1] [--out py.json]
        [--stub /work/shared/peerbench/common/api-stub.js] [--port 0] [--quick]
        [--interleave-node /tmp/peerbench/node]

The counterpart of peerbench's ``node/client-bench.js`` (see PYTHON_SIDE.md, section 3),
against the same instant-answer stub (``node common/api-stub.js``, started once here):

* ``lib-numbers``: ``client.numbers.get_all_numbers()``                 GET  /v2/numbers
* ``lib-sms``: ``client.sms.send(to="+4915799912345", message="hi", sms_id="s0")``
* ``raw-numbers`` / ``raw-sms``: ``raw.get("/numbers").json()`` / ``raw.post("/sessions/sms",
  json=...)`` through a bare ``httpx.Client`` / ``httpx.AsyncClient`` with the request headers the
  library sends (read back from the stub after one library call) and the library's pool limits, so
  the pair isolates what the library adds.

``c1`` = one call at a time with :class:`sipgateio.SipgateIO` in a plain loop; ``c32`` = 32
asyncio tasks looping on one :class:`sipgateio.AsyncSipgateIO`. Agents: ``default`` (the
library's own pool), ``keepalive`` (``max_keepalive_connections=32``) and ``nokeepalive``
(``max_keepalive_connections=0``) for ``lib-numbers``, passed as ``http_client=``.

Python only, to choose the HTTP stack by figures: ``lib-*|c*|httpx`` is the library sending
through a user's ``httpx.Client``/``AsyncClient`` (httpx's own stack under the facade, as
``AsyncSipgateIO`` did before its pool moved to aiohttp); ``raw-*|c32|aiohttp`` the same
exchange through a bare ``aiohttp.ClientSession`` (the floor of ``AsyncSipgateIO``'s own
pool); ``raw-*|c1|transport`` an ``httpx.Request`` handed straight to an
``httpx.HTTPTransport`` (the floor of ``SipgateIO``'s own pool, as ``sipgateio._send`` does);
``lib-numbers|c32|uvloop`` the library's default on uvloop's event loop (a user's choice).

Every run is a fresh process (``--run``, printing one JSON object): a sanity call, ``--warmup``
seconds, a ``/__stats`` snapshot, ``--duration`` seconds measured, another snapshot (over a fresh
connection each, so ``new_connections = Δconnections - 1``). Metrics: calls/s, p50/p99 per call
(nearest rank), client CPU µs per call (``time.process_time``), new connections, errors. The
median of ``--reps`` is the figure; ``--out`` writes peerbench's JSON (schema peerbench/1,
``client.results["<variant>|c<conc>|<agent>"]``) for ``compare.py``. With
``--interleave-node DIR`` (a peerbench ``node/`` folder with ``node_modules``) each run of ours
is followed by the same run of ``node DIR/client-bench.js``, written under ``node_client``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

TOKEN_ID, TOKEN = "token-ABC123", "e68ead46-a7db-46cd-8a1a-44aed1e4e372"
SMS_JSON = {"smsId": "s0", "message": "hi", "recipient": "+4915799912345"}
VARIANTS = ("lib-numbers", "raw-numbers", "lib-sms", "raw-sms")
CONCURRENCY = (1, 32)
EXTRA_AGENTS = (("lib-numbers", "nokeepalive", (1, 32)), ("lib-numbers", "keepalive", (1, 32)))
# Python only: the HTTP stacks the library could send through (see the module docstring).
EXTRA_PY: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ("lib-numbers", "httpx", (1, 32)),
    ("lib-sms", "httpx", (1, 32)),
    ("raw-numbers", "aiohttp", (32,)),
    ("raw-sms", "aiohttp", (32,)),
    ("raw-numbers", "transport", (1,)),
    ("lib-numbers", "uvloop", (32,)),
    ("raw-sms", "transport", (1,)),
)
PY_ONLY_AGENTS = {agent for _, agent, _ in EXTRA_PY}
METRICS = ("calls_per_s", "p50_ms", "p99_ms", "client_cpu_us_per_call", "new_connections", "errors")
RAW_HEADERS = ("authorization", "accept", "user-agent", "x-sipgate-client", "x-sipgate-version")
DEFAULT_STUB = "/work/shared/peerbench/common/api-stub.js"


# -- one measured run (a fresh process) ------------------------------------------------------


def stub_stats(port: int) -> dict[str, Any]:
    """GET /__stats over a fresh connection (counted by the stub: hence the -1)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__stats", timeout=10) as r:
        stats: dict[str, Any] = json.load(r)
        return stats


def percentile(ordered: list[float], p: float) -> float | None:
    """Nearest rank, as peerbench's node/lib/util.js."""
    if not ordered:
        return None
    i = min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))
    return ordered[i]


def limits_for(agent: str) -> Any:
    import httpx

    from sipgateio._http import DEFAULT_LIMITS

    if agent == "keepalive":
        return httpx.Limits(max_keepalive_connections=32)
    if agent == "nokeepalive":
        return httpx.Limits(max_keepalive_connections=0)
    return DEFAULT_LIMITS


def raw_headers(port: int, base: str) -> dict[str, str]:
    """The headers the library sends (sync and async alike), read back from the stub."""
    import sipgateio

    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=base) as c:
        c.numbers.get_all_numbers()
    seen = stub_stats(port)["last_headers"]
    return {k: v for k, v in seen.items() if k in RAW_HEADERS}


def sync_op(variant: str, agent: str, base: str, port: int) -> tuple[Callable[[], Any], Any]:
    import httpx

    import sipgateio

    if variant.startswith("raw-") and agent == "transport":
        import json as jsonlib

        transport = httpx.HTTPTransport(limits=limits_for(agent))
        headers = httpx.Headers(raw_headers(port, base))
        timeout = {"timeout": httpx.Timeout(30.0, connect=10.0).as_dict()}

        def send(request: httpx.Request) -> httpx.Response:
            response = transport.handle_request(request)
            response.read()
            return response

        if variant == "raw-numbers":
            url = base + "/numbers"
            return (
                lambda: jsonlib.loads(
                    send(httpx.Request("GET", url, headers=headers, extensions=timeout)).content
                )
            ), transport
        url = base + "/sessions/sms"
        return (
            lambda: send(
                httpx.Request("POST", url, headers=headers, json=SMS_JSON, extensions=timeout)
            )
        ), transport
    if variant.startswith("raw-"):
        raw = httpx.Client(base_url=base, headers=raw_headers(port, base), limits=limits_for(agent))
        if variant == "raw-numbers":
            return (lambda: raw.get("/numbers").json()), raw
        return (lambda: raw.post("/sessions/sms", json=SMS_JSON)), raw
    http = None if agent == "default" else httpx.Client(limits=limits_for(agent))
    # agent "httpx": a user's httpx.Client with the library's own pool limits
    client = sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=base, http_client=http)
    if variant == "lib-numbers":
        return client.numbers.get_all_numbers, client
    return (lambda: client.sms.send(to="+4915799912345", message="hi", sms_id="s0")), client


def async_op(
    variant: str, agent: str, base: str, port: int
) -> tuple[Callable[[], Awaitable[Any]], Any]:
    import httpx

    import sipgateio

    if variant.startswith("raw-") and agent == "aiohttp":
        return aiohttp_op(variant, base, port)
    if variant.startswith("raw-"):
        raw = httpx.AsyncClient(
            base_url=base, headers=raw_headers(port, base), limits=limits_for(agent)
        )
        if variant == "raw-numbers":

            async def numbers() -> Any:
                return (await raw.get("/numbers")).json()

            return numbers, raw
        return (lambda: raw.post("/sessions/sms", json=SMS_JSON)), raw
    http = None if agent in ("default", "uvloop") else httpx.AsyncClient(limits=limits_for(agent))
    # agent "httpx": httpx's own async stack under the facade
    client = sipgateio.AsyncSipgateIO(
        token_id=TOKEN_ID, token=TOKEN, base_url=base, http_client=http
    )
    if variant == "lib-numbers":
        return client.numbers.get_all_numbers, client
    return (lambda: client.sms.send(to="+4915799912345", message="hi", sms_id="s0")), client


def aiohttp_op(variant: str, base: str, port: int) -> tuple[Callable[[], Awaitable[Any]], Any]:
    """The exchange through a bare aiohttp session with the library's headers and pool size."""
    import aiohttp

    from sipgateio._http import DEFAULT_LIMITS

    session = aiohttp.ClientSession(
        headers=raw_headers(port, base),
        connector=aiohttp.TCPConnector(limit=DEFAULT_LIMITS.max_connections or 0),
    )
    session.aclose = session.close  # type: ignore[attr-defined]  # closed like the others

    if variant == "raw-numbers":

        async def numbers() -> Any:
            async with session.get(base + "/numbers") as response:
                return await response.json()

        return numbers, session

    async def sms() -> Any:
        async with session.post(base + "/sessions/sms", json=SMS_JSON) as response:
            return await response.read()

    return sms, session


class Phase:
    """Calls, errors, latencies and CPU of one timed loop."""

    def __init__(self, record: bool) -> None:
        self.calls = 0
        self.errors = 0
        self.first_error: str | None = None
        self.lat: list[float] | None = [] if record else None
        self.elapsed = 0.0
        self.cpu = 0.0

    def error(self, exc: BaseException) -> None:
        self.errors += 1
        if self.first_error is None:
            self.first_error = f"{type(exc).__name__}: {exc}"


def sync_phase(op: Callable[[], Any], seconds: float, record: bool) -> Phase:
    ph = Phase(record)
    lat = ph.lat
    clock = time.perf_counter_ns
    t0, c0 = time.perf_counter(), time.process_time()
    end = clock() + int(seconds * 1e9)
    while True:
        start = clock()
        if start >= end:
            break
        try:
            op()
        except Exception as exc:
            ph.error(exc)
        if lat is not None:
            lat.append((clock() - start) / 1e6)
        ph.calls += 1
    ph.elapsed, ph.cpu = time.perf_counter() - t0, time.process_time() - c0
    return ph


async def async_phase(
    op: Callable[[], Awaitable[Any]], seconds: float, record: bool, conc: int
) -> Phase:
    ph = Phase(record)
    lat = ph.lat
    clock = time.perf_counter_ns
    end = clock() + int(seconds * 1e9)

    async def worker() -> None:
        while True:
            start = clock()
            if start >= end:
                return
            try:
                await op()
            except Exception as exc:
                ph.error(exc)
            if lat is not None:
                lat.append((clock() - start) / 1e6)
            ph.calls += 1

    t0, c0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(conc)))
    ph.elapsed, ph.cpu = time.perf_counter() - t0, time.process_time() - c0
    return ph


def one_run(args: argparse.Namespace) -> dict[str, Any]:
    import httpx

    import sipgateio

    base = f"http://127.0.0.1:{args.port}/v2"
    variant, agent, conc = args.variant, args.agent, args.conc
    if conc == 1:
        op, closable = sync_op(variant, agent, base, args.port)
        op()  # sanity: must succeed and reach the stub
        sync_phase(op, args.warmup, False)
        before = stub_stats(args.port)
        ph = sync_phase(op, args.duration, True)
        after = stub_stats(args.port)
        closable.close()
    else:

        async def go() -> tuple[Phase, dict[str, Any], dict[str, Any]]:
            aop, closable = async_op(variant, agent, base, args.port)
            await aop()
            await async_phase(aop, args.warmup, False, conc)
            before = await asyncio.to_thread(stub_stats, args.port)
            ph = await async_phase(aop, args.duration, True, conc)
            after = await asyncio.to_thread(stub_stats, args.port)
            await closable.aclose()
            return ph, before, after

        if agent == "uvloop":  # the library's own pool, on uvloop's event loop instead
            import uvloop

            ph, before, after = uvloop.run(go())
        else:
            ph, before, after = asyncio.run(go())
    lat = sorted(ph.lat or [])
    return {
        "variant": variant,
        "conc": conc,
        "agent": agent,
        "duration_s": args.duration,
        "raw_client": f"httpx {httpx.__version__}",
        "library": f"sipgateio {sipgateio.__version__}",
        "calls": ph.calls,
        "errors": ph.errors,
        "first_error": ph.first_error,
        "elapsed_s": round(ph.elapsed, 4),
        "calls_per_s": round(ph.calls / ph.elapsed, 1),
        "p50_ms": round(percentile(lat, 50) or 0.0, 4),
        "p99_ms": round(percentile(lat, 99) or 0.0, 4),
        "client_cpu_us_per_call": round(ph.cpu * 1e6 / max(ph.calls, 1), 2),
        "new_connections": after["connections"] - before["connections"] - 1,
        "server_requests": after["requests"] - before["requests"],
        "sample_request_headers": after["last_headers"],
        "sample_sms_body": after["last_sms_body"],
    }


# -- the orchestrator ---------------------------------------------------------------------------


def summarize(values: list[float]) -> dict[str, Any]:
    xs = [v for v in values if isinstance(v, (int, float))]
    if not xs:
        return {"median": None, "min": None, "max": None, "spread_pct": None, "n": 0}
    med = statistics.median(xs)
    spread = round((max(xs) - min(xs)) / med * 100, 1) if med else None
    return {"median": med, "min": min(xs), "max": max(xs), "spread_pct": spread, "n": len(xs)}


def start_stub(stub: str, port: int) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(["node", stub, "--port", str(port)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    if len(line) != 2 or line[0] != "ready":
        proc.terminate()
        raise SystemExit(f"api stub did not start: {line!r}")
    return proc, int(line[1])


def plan() -> list[tuple[str, int, str]]:
    runs = [(v, c, "default") for v in VARIANTS for c in CONCURRENCY]  # node/bench.js's order
    runs += [(v, c, agent) for v, agent, concs in EXTRA_AGENTS for c in concs]
    return runs + [(v, c, agent) for v, agent, concs in EXTRA_PY for c in concs]


def child(cmd: list[str]) -> dict[str, Any]:
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"run failed: {' '.join(cmd)}\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def collect(raw: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    results = {
        key: {
            "summary": {m: summarize([r[m] for r in runs]) for m in METRICS},
            "runs": [
                {
                    k: v
                    for k, v in r.items()
                    if k not in ("sample_request_headers", "sample_sms_body")
                }
                for r in runs
            ],
        }
        for key, runs in raw.items()
    }
    ratios: dict[str, Any] = {}

    def med(key: str, metric: str) -> float:
        return float(statistics.median(r[metric] for r in raw[key]))

    for what in ("numbers", "sms"):
        for conc in CONCURRENCY:
            lib, bare = f"lib-{what}|c{conc}|default", f"raw-{what}|c{conc}|default"
            if lib not in raw or bare not in raw:
                continue
            ratios[f"{what} c={conc}: library/raw calls_per_s"] = round(
                med(lib, "calls_per_s") / med(bare, "calls_per_s"), 3
            )
            ratios[f"{what} c={conc}: library/raw cpu_per_call"] = round(
                med(lib, "client_cpu_us_per_call") / med(bare, "client_cpu_us_per_call"), 3
            )
            ratios[f"{what} c={conc}: library/raw p50_ms"] = round(
                med(lib, "p50_ms") / med(bare, "p50_ms"), 3
            )
            ratios[f"{what} c={conc}: per-rep calls_per_s ratios"] = [
                round(a["calls_per_s"] / b["calls_per_s"], 3)
                for a, b in zip(raw[lib], raw[bare], strict=False)
            ]
    for what in ("numbers", "sms"):  # the stack choice: the library's own pool vs httpx's
        for conc in CONCURRENCY:
            lib, over_httpx = f"lib-{what}|c{conc}|default", f"lib-{what}|c{conc}|httpx"
            if lib in raw and over_httpx in raw:
                ratios[f"{what} c={conc}: own pool/over an httpx client calls_per_s"] = round(
                    med(lib, "calls_per_s") / med(over_httpx, "calls_per_s"), 3
                )
                ratios[f"{what} c={conc}: own pool/over an httpx client cpu_per_call"] = round(
                    med(lib, "client_cpu_us_per_call") / med(over_httpx, "client_cpu_us_per_call"),
                    3,
                )
            for floor in ("aiohttp", "transport"):
                bare = f"raw-{what}|c{conc}|{floor}"
                if lib in raw and bare in raw:
                    ratios[f"{what} c={conc}: library/bare {floor} cpu_per_call"] = round(
                        med(lib, "client_cpu_us_per_call") / med(bare, "client_cpu_us_per_call"),
                        3,
                    )
    for conc in CONCURRENCY:
        dflt = f"lib-numbers|c{conc}|default"
        for agent, label in (("nokeepalive", "no-keepalive"), ("keepalive", "explicit-keepalive")):
            other = f"lib-numbers|c{conc}|{agent}"
            if dflt in raw and other in raw:
                ratios[f"numbers c={conc}: {label}/default calls_per_s"] = round(
                    med(other, "calls_per_s") / med(dflt, "calls_per_s"), 3
                )
    return {"results": results, "ratios": ratios}


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=Path(__file__).resolve().parent,
            check=False,
        )
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def orchestrate(args: argparse.Namespace) -> None:
    import httpx

    import sipgateio

    duration, warmup = (2.0, 0.5) if args.quick else (args.duration, args.warmup)
    started = datetime.now(UTC).isoformat()
    load_start = os.getloadavg()
    proc, port = start_stub(args.stub, args.port)
    raw: dict[str, list[dict[str, Any]]] = {}
    node_raw: dict[str, list[dict[str, Any]]] = {}
    node_dir = Path(args.interleave_node) if args.interleave_node else None
    try:
        for rep in range(args.reps):
            for variant, conc, agent in plan():
                key = f"{variant}|c{conc}|{agent}"
                common = ["--port", str(port), "--variant", variant, "--conc", str(conc)]
                common += ["--agent", agent, "--duration", str(duration), "--warmup", str(warmup)]
                print(f"[client_bench] rep {rep + 1}/{args.reps} {key}", file=sys.stderr)
                r = child([sys.executable, __file__, "--run", *common])
                raw.setdefault(key, []).append(r)
                print(
                    f"    python {r['calls_per_s']:>9,.0f} calls/s  p50 {r['p50_ms']:.3f} ms  "
                    f"p99 {r['p99_ms']:.3f} ms  cpu {r['client_cpu_us_per_call']:.0f} us/call  "
                    f"new conns {r['new_connections']}  errors {r['errors']}",
                    file=sys.stderr,
                )
                if node_dir is not None and agent not in PY_ONLY_AGENTS:
                    n = child(["node", str(node_dir / "client-bench.js"), *common])
                    node_raw.setdefault(key, []).append(n)
                    print(
                        f"    node   {n['calls_per_s']:>9,.0f} calls/s  p50 {n['p50_ms']:.3f} ms  "
                        f"cpu {n['client_cpu_us_per_call']:.0f} us/call",
                        file=sys.stderr,
                    )
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    first = raw.get("lib-sms|c1|default", [{}])[0]
    client = {
        "config": {
            "duration_s": duration,
            "warmup_s": warmup,
            "concurrency": list(CONCURRENCY),
            "variants": list(VARIANTS),
            "extra_agents": [
                {"variant": v, "agent": a, "conc": list(c)} for v, a, c in EXTRA_AGENTS
            ],
            "python_only": [{"variant": v, "agent": a, "conc": list(c)} for v, a, c in EXTRA_PY],
            "c1": "sipgateio.SipgateIO in a plain loop",
            "c32": "32 asyncio tasks on one sipgateio.AsyncSipgateIO",
            "raw_pool": "bare httpx clients get the library's pool limits "
            "(max_connections=100, max_keepalive_connections=64) for agent default",
            "stub": args.stub,
        },
        "raw_client": f"httpx {httpx.__version__}",
        "default_behaviour": {
            "new_connections_in_window_default": {
                k: [r["new_connections"] for r in v]
                for k, v in raw.items()
                if k.endswith("|default")
            },
            "sample_request_headers": first.get("sample_request_headers"),
            "sample_sms_body": first.get("sample_sms_body"),
        },
        **collect(raw),
    }
    out: dict[str, Any] = {
        "schema": "peerbench/1",
        "side": "python",
        "started_at": started,
        "quick": args.quick,
        "versions": {
            "python": platform.python_version(),
            "sipgateio": f"{sipgateio.__version__} ({git_commit()})",
            "httpx": httpx.__version__,
        },
        "host": {
            "hostname": platform.node(),
            "platform": f"{platform.system()} {platform.release()}",
            "arch": platform.machine(),
            "cpus": os.cpu_count(),
            "loadavg": [round(x, 2) for x in load_start],
            "loadavg_end": [round(x, 2) for x in os.getloadavg()],
        },
        "config": {"reps": args.reps, "client": {"duration_s": duration, "warmup_s": warmup}},
        "client": client,
        "finished_at": datetime.now(UTC).isoformat(),
    }
    if node_raw:
        out["node_client"] = collect(node_raw)
    report(out)
    if args.out:
        Path(args.out).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)


def report(out: dict[str, Any]) -> None:
    c = out["client"]
    print(f"sipgateio client overhead, median of {out['config']['reps']} runs [min..max]")
    for key, v in c["results"].items():
        s = v["summary"]
        cps = s["calls_per_s"]
        print(
            f"  {key:28} {cps['median']:>8,.0f} calls/s [{cps['min']:,.0f}..{cps['max']:,.0f}]"
            f"  p50 {s['p50_ms']['median']:.3f} ms  p99 {s['p99_ms']['median']:.3f} ms"
            f"  cpu {s['client_cpu_us_per_call']['median']:.0f} us/call"
            f"  new conns {s['new_connections']['median']:g}  errors {s['errors']['max']:g}"
        )
    for name, value in c["ratios"].items():
        print(f"  {name}: {value}")
    if "node_client" in out:
        print("node (interleaved):")
        for name, value in out["node_client"]["ratios"].items():
            print(f"  {name}: {value}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--run", action="store_true", help="one measured run (internal)")
    p.add_argument("--variant", choices=VARIANTS, default="lib-numbers")
    p.add_argument("--conc", type=int, default=1)
    agents = ("default", "keepalive", "nokeepalive", *sorted({a for _, a, _ in EXTRA_PY}))
    p.add_argument("--agent", choices=agents, default="default")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--duration", type=float, default=5.0)
    p.add_argument("--warmup", type=float, default=1.0)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--quick", action="store_true", help="2 s windows, 0.5 s warm-up")
    p.add_argument("--stub", default=DEFAULT_STUB)
    p.add_argument("--interleave-node", metavar="NODE_DIR")
    p.add_argument("--out")
    args = p.parse_args()
    if args.run:
        print(json.dumps(one_run(args)))
    else:
        orchestrate(args)


if __name__ == "__main__":
    main()
