"""Bulk work at a 50 ms round trip: Python (sync and async) vs the Node.js library, one sitting.

Three jobs, each run in a fresh process against ``delay_stub.py`` (every answer 50 ms late):

    vcard_import   1,000 cards: ``import_vcard_string(all cards, PRIVATE)`` (Node: one
                   ``importVCardString`` per card, all at once with Promise.all)
    delete_shared  ``delete_all_shared()`` of 500 shared contacts (Node: ``deleteAllShared()``,
                   timed until the stub answered its 500 deletes, which it does not await)
    note_updates   ``history.batch_update_events`` setting a note on 500 entries (one PUT each)

    python benchmarks/bulk_bench.py [--reps 3] [--node /tmp/peerbench-node] [--concurrency N]
                                    [--timeline]
    python benchmarks/bulk_bench.py --run OP --client sync|async --port P [--concurrency N]

``--node`` is a copy of ``../shared/peerbench/node`` with ``npm ci`` done (never inside the
project). Runs are interleaved (sync, async, node per op and rep); the medians, their ratio to
Node's and the load average are printed as a Markdown table. ``--concurrency`` passes a bound
to the Python calls (default: the client's own default). ``--timeline`` adds to each run's
line (on stderr) where its time went as the stub saw it (see :func:`timeline`).

Both sides are timed on a ready client, the modules of the job loaded: Node's clock starts
after ``require``, Python's after the client's resources (and, for ``SipgateIO``, its bulk
machinery's modules) are imported. What a first bulk call of a ``SipgateIO`` costs on top
(its event loop thread, the client of its async pool: aiohttp's session) stays in the
clock. The Python children run with bytecode caching, compiled once before the sitting,
as an installed package is (with ``PYTHONDONTWRITEBYTECODE`` set, every run would compile
the library's source again inside the clock).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOKEN_ID, TOKEN = "token-ABC123", "e68ead46-a7db-46cd-8a1a-44aed1e4e372"
OPS = ("vcard_import", "delete_shared", "note_updates")
KINDS = ("sync", "async", "node")
SIZES = {"vcard_import": 1000, "delete_shared": 500, "note_updates": 500}
ROUTES = {
    "vcard_import": "POST /v2/contacts",
    "delete_shared": "DELETE /v2/contacts/{id}",
    "note_updates": "PUT /v2/history/{id}",
}


def cards(n: int) -> list[str]:
    """``n`` vCard 4.0 cards as the Node library takes them (N, FN, one TEL, EMAIL, ORG)."""
    return [
        "BEGIN:VCARD\r\nVERSION:4.0\r\n"
        f"N:Person{i};Test;;;\r\nFN:Test Person{i}\r\n"
        f"TEL;TYPE=cell:+49157{i:08d}\r\nEMAIL:person{i}@example.com\r\n"
        "ORG:Example GmbH\r\nEND:VCARD\r\n"
        for i in range(n)
    ]


def stats(port: int) -> dict[str, int]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__stats") as answer:
        data: dict[str, int] = json.loads(answer.read())
        return data


def reset(port: int) -> None:
    urllib.request.urlopen(f"http://127.0.0.1:{port}/__reset").read()


def timeline(port: int, t0: float, bound: int) -> dict[str, float]:
    """Where a run's wall time went, from the stub's side (ms after the client's clock started).

    ``first_in``: the first request arrived; ``bound_in``: the ``bound``-th (the first burst is
    on the wire); ``first_out``: the first answer left; ``last_in``/``last_out``: the last
    request arrived / was answered. ``conns``: connections opened; ``stub_cpu``: the stub's CPU.
    """
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__timeline") as answer:
        data = json.loads(answer.read())
    arrived = sorted(a for a, _ in data["requests"])
    answered = sorted(b for _, b in data["requests"])

    def ms(t: float) -> float:
        return round((t - t0) * 1000, 1)

    return {
        "first_in": ms(arrived[0]),
        "bound_in": ms(arrived[min(bound, len(arrived)) - 1]),
        "first_out": ms(answered[0]),
        "last_in": ms(arrived[-1]),
        "last_out": ms(answered[-1]),
        "conns": data["connections"],
        "stub_cpu": round(data["cpu_s"], 3),
    }


# -- one measured run (a fresh process) -----------------------------------------------------


def _entries(n: int) -> list[Any]:
    from sipgateio.resources.history import history_entry

    return [
        history_entry(
            {
                "id": str(i),
                "source": "+4921100000",
                "target": "+4915799912345",
                "sourceAlias": "",
                "targetAlias": "",
                "type": "SMS",
                "created": "2026-11-23T10:00:00Z",
                "lastModified": "2026-11-23T10:00:00Z",
                "direction": "INCOMING",
                "incoming": True,
                "status": "PICKUP",
                "read": False,
                "archived": False,
                "starred": False,
                "note": "",
                "connectionIds": [],
                "endpoints": [],
                "labels": [],
                "smsContent": "hi",
            }
        )
        for i in range(n)
    ]


def run_python(op: str, client_kind: str, port: int, concurrency: int | None) -> dict[str, Any]:
    import asyncio

    import sipgateio
    from sipgateio import HistoryEntryUpdateOptions, Scope

    n = SIZES[op]
    book = "".join(cards(n)) if op == "vcard_import" else ""
    entries = _entries(n) if op == "note_updates" else []
    per_call = {} if concurrency is None else {"concurrency": concurrency}
    options: dict[str, Any] = {
        "token_id": TOKEN_ID,
        "token": TOKEN,
        "base_url": f"http://127.0.0.1:{port}/v2",
        # the client's setting too: it sizes the pool, which a larger per-call bound would wait on
        **per_call,
    }

    def note(entry: Any) -> HistoryEntryUpdateOptions:
        return HistoryEntryUpdateOptions(note=f"note {entry.id}")

    def job(client: Any) -> Any:
        if op == "vcard_import":
            return client.contacts.import_vcard_string(book, Scope.PRIVATE, **per_call)
        if op == "delete_shared":
            return client.contacts.delete_all_shared(**per_call)
        return client.history.batch_update_events(entries, note, **per_call)

    if client_kind == "sync":
        # the bulk machinery's modules, loaded before the clock: its loop and the transport
        # module of the async pool (_http._async_pool: aiohttp's where it imports), as the
        # async child has them loaded by AsyncSipgateIO's first use of them
        import sipgateio._bulk_loop

        with contextlib.suppress(ImportError):
            import sipgateio._aiohttp

        with sipgateio.SipgateIO(**options) as client:
            client.raw, client.contacts, client.history  # noqa: B018 - built before the clock
            start, cpu0 = time.perf_counter(), time.process_time()
            result = job(client)
            wall, cpu = time.perf_counter() - start, time.process_time() - cpu0
    else:

        async def go() -> tuple[Any, float, float, float]:
            async with sipgateio.AsyncSipgateIO(**options) as client:
                client.raw, client.contacts, client.history  # noqa: B018
                t0, cpu0 = time.perf_counter(), time.process_time()
                done = await job(client)
                return done, t0, time.perf_counter() - t0, time.process_time() - cpu0

        result, start, wall, cpu = asyncio.run(go())
    if op == "vcard_import":
        assert result.imported == n and not result.skipped, result
    return {
        "op": op,
        "client": client_kind,
        "wall_s": wall,
        "cpu_s": cpu,
        "requests": stats(port).get(ROUTES[op], 0),
        "t0_s": start,  # perf_counter: CLOCK_MONOTONIC, delay_stub's timeline clock
    }


# -- the sitting ----------------------------------------------------------------------------


def _child(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def sitting(
    reps: int, node: Path | None, concurrency: int | None, port: int, show_timeline: bool = False
) -> None:
    stub = subprocess.Popen(
        [sys.executable, str(HERE / "delay_stub.py"), "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert stub.stdout is not None and stub.stdout.readline().startswith("ready")
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(cards(SIZES["vcard_import"]), handle)
            cards_file = handle.name
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        compile_cmd = [sys.executable, "-m", "compileall", "-q", str(ROOT / "sipgateio")]
        subprocess.run([*compile_cmd, str(ROOT / "generated")], env=env, check=True)
        node_env = {**os.environ, "NODE_PATH": str(node / "node_modules")} if node else None
        sys.path.insert(0, str(ROOT))
        from sipgateio._batch import default_concurrency

        default_bound = default_concurrency()

        load_before = os.getloadavg()
        runs: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for _ in range(reps):
            for op in OPS:
                for kind in KINDS:
                    if kind == "node" and node is None:
                        continue
                    reset(port)
                    if kind == "node":
                        cmd = ["node", str(HERE / "bulk_node.js"), op, str(port), cards_file]
                        result = _child([*cmd, str(SIZES[op])], node_env)
                    else:
                        cmd = [sys.executable, str(HERE / "bulk_bench.py"), "--run", op]
                        cmd += ["--client", kind, "--port", str(port)]
                        if concurrency is not None:
                            cmd += ["--concurrency", str(concurrency)]
                        result = _child(cmd, env)
                    if result["requests"] != SIZES[op]:
                        raise RuntimeError(f"{op} {kind}: {result['requests']} requests answered")
                    if show_timeline:
                        in_flight = SIZES[op] if kind == "node" else concurrency or default_bound
                        result["timeline"] = timeline(port, result["t0_s"], in_flight)
                    runs.setdefault((op, kind), []).append(result)
                    print(json.dumps(result), file=sys.stderr)
        load_after = os.getloadavg()
        os.unlink(cards_file)
    finally:
        stub.terminate()
        stub.wait()
    print(f"load average before {load_before[0]:.2f} / after {load_after[0]:.2f} (1 min)")
    bound = concurrency or f"client default, {default_bound}"
    print(f"Python in flight: {bound}; Node: all at once; medians of {reps}, [min..max]\n")
    print(
        "| job | Python sync | Python async | Node.js | sync/Node | async/Node "
        "| CPU s sync/async/Node |"
    )
    print("|---|---|---|---|---|---|---|")
    for op in OPS:
        cells, medians, cpus = [], {}, []
        for kind in KINDS:
            got = runs.get((op, kind))
            if not got:
                cells.append("—")
                continue
            walls = [r["wall_s"] for r in got]
            medians[kind] = statistics.median(walls)
            cpus.append(f"{statistics.median(r['cpu_s'] for r in got):.2f}")
            cells.append(f"{medians[kind]:.3f} s [{min(walls):.3f}..{max(walls):.3f}]")
        ratios = [
            f"{medians[k] / medians['node']:.2f}" if "node" in medians and k in medians else "—"
            for k in KINDS[:-1]
        ]
        print(f"| {op} ({SIZES[op]}) | " + " | ".join(cells + ratios) + f" | {'/'.join(cpus)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", choices=OPS)
    parser.add_argument("--client", choices=KINDS[:-1], default="sync")
    parser.add_argument("--port", type=int, default=18470)
    parser.add_argument("--concurrency", type=int)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--node", type=Path)
    parser.add_argument(
        "--timeline", action="store_true", help="per run, where the time went (stub's view)"
    )
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_python(args.run, args.client, args.port, args.concurrency)))
    else:
        sitting(args.reps, args.node, args.concurrency, args.port, args.timeline)


if __name__ == "__main__":
    main()
