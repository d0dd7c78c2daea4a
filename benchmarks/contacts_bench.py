"""Contacts conversion at scale: the Python side of peerbench's contacts benchmark.

See ../shared/peerbench/PYTHON_SIDE.md, section 2. One operation per process (so that peak RSS
belongs to it), printing one JSON object with the fields of peerbench's node/contacts-bench.js:

    python benchmarks/contacts_bench.py --op OP --n N [--client offline|transport]
                                        [--data DIR] [--no-warm] [--gc-pause]

    python benchmarks/contacts_bench.py --all [--reps 3] [--sizes 10000,100000]
                                        [--clients transport|offline|transport,offline]
                                        [--node PEERBENCH_DIR] [--out results.json]

OP (client ``offline``: the library's conversion functions, no client; what the client ops
will run inside):

    vcard_parse   parse_vcards(card) for each card of data/vcards-N.json (results kept)
    vcard_export  write_vcards(map(contact_from_api, items)) of the body of
                  data/contacts-N.json as the resource reads a page (decoded with orjson,
                  the collector paused, each item released once converted): what
                  export_as_vcards does with each page
    csv_export    write_csv(map(contact_from_api, items), delimiter=","), likewise
    csv_import    prepare_import(text of data/import-N.csv): the API's CSV projection + base64

Client ``transport`` (the headline of PYTHON_SIDE.md: the real client over an
httpx.MockTransport, whose GET /contacts pages of the resource's DEFAULT_PAGE_SIZE are built
before the clock starts):

    vcard_export  client.contacts.export_as_vcards(ExportScope.ALL)
    csv_export    client.contacts.export_as_csv(ExportScope.ALL, delimiter=",")
    vcard_import  client.contacts.import_vcard_string(card, Scope.PRIVATE) for each card (N POSTs)
    csv_import    client.contacts.import_from_csv_string(text)

``--all`` runs every op, N and rep in a fresh process each, interleaved with the Node.js
library's node/contacts-bench.js when ``--node`` points at a peerbench folder with its
node_modules installed, and prints (and writes with ``--out``) medians in peerbench's shape
(``contacts.results.<op>.<N>.<client>.summary.<metric>``). ``--clients transport`` (the
default) records the client ops under ``transport`` and vcard_parse under ``none``, next to
Node's ``node-transport``/``node-none``; ``--clients offline`` records the conversion functions
under ``offline``, next to Node's transport and object runs.

Besides peerbench's fields, each run reports ``op_cpu_s``: the process CPU time of the timed
region (``time.process_time()``), steadier than ``op_s`` on a loaded box; Node's figure has no
counterpart (its collector also runs on helper threads), so ratios to Node use ``op_s``.

The library can pause CPython's cyclic garbage collector while it builds large results, when
the application opts in (``sipgateio.contacts.pause_gc_during_conversions()``; off by default:
the switch is process-wide). ``--gc-pause`` opts in. The collection it defers is measured after
the clock stops, as ``gc_deferred_s`` (a ``gc.collect(0)`` of the objects the op left in the
young generation).
"""

from __future__ import annotations

import argparse
import base64
import gc
import hashlib
import json
import os
import pickle
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
DEFAULT_DATA = Path(os.environ.get("PEERBENCH_DATA", "/work/shared/peerbench/data"))
OPS = ("vcard_export", "csv_export", "vcard_parse", "vcard_import", "csv_import")
TOKEN_ID, TOKEN = "token-ABC123", "e68ead46-a7db-46cd-8a1a-44aed1e4e372"


def _rss_kb() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _maxrss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _sha(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


class _Sink:
    posts = 0
    post_bytes = 0
    last: bytes | None = None
    mock_page_misses = 0


def build_pages(body_path: Path, n: int, page_size: int, out: Path) -> None:
    """Write the GET /contacts pages of ``page_size`` for contacts-N.json to ``out`` (pickle).

    Runs in a child process (``--build-pages``): decoding 100,000 contacts to slice them takes
    ~300 MB, which would otherwise be the measured process's peak RSS before the op starts.
    """
    items = json.loads(body_path.read_bytes())["items"]
    pages = {
        (offset, str(page_size)): json.dumps(
            {"items": items[offset : offset + page_size], "totalCount": n}
        ).encode()
        for offset in range(0, n, page_size)
    }
    partial = out.with_suffix(".partial")
    partial.write_bytes(pickle.dumps(pages, protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(out)


def _prebuilt_pages(body_path: Path, n: int, page_size: int) -> dict[tuple[int, str | None], bytes]:
    """The pages of :func:`build_pages`, built once per data file and page size (temp dir)."""
    stat = body_path.stat()
    name = f"sipgateio-contacts-pages-{n}-{page_size}-{stat.st_size}-{stat.st_mtime_ns}.pickle"
    cache = Path(tempfile.gettempdir()) / name
    if not cache.exists():
        cmd = [sys.executable, str(HERE), "--build-pages", str(body_path), str(n)]
        subprocess.run([*cmd, str(page_size), str(cache)], check=True)
    with cache.open("rb") as file:
        pages: dict[tuple[int, str | None], bytes] = pickle.load(file)
    return pages


def _transport_client(body: bytes, body_path: Path | None, n: int, sink: _Sink) -> Any:
    """The real client over an httpx.MockTransport answering like the API (PYTHON_SIDE.md)."""
    import httpx

    import sipgateio

    items: list[Any] | None = None
    pages: dict[tuple[int, str | None], bytes] = {}

    def page(offset: int, limit: str | None) -> bytes:
        nonlocal items
        cached = pages.get((offset, limit))
        if cached is not None:
            return cached
        sink.mock_page_misses += 1
        if items is None:
            items = json.loads(body)["items"]
        end = offset + int(limit) if limit else None
        return json.dumps({"items": items[offset:end], "totalCount": n}).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        path, query = request.url.path, request.url.params
        json_headers = {"Content-Type": "application/json"}
        if request.method == "GET" and path == "/v2/contacts":
            if "offset" not in query and "limit" not in query:
                return httpx.Response(200, content=body, headers=json_headers)
            offset, limit = int(query.get("offset", 0)), query.get("limit")
            return httpx.Response(200, content=page(offset, limit), headers=json_headers)
        if request.method == "GET" and path == "/v2/contacts/internal":
            return httpx.Response(200, json={"items": [], "totalCount": 0})
        if request.method == "POST" and path in ("/v2/contacts", "/v2/contacts/import/csv"):
            sink.posts += 1
            sink.post_bytes += len(request.content)
            sink.last = request.content
            return httpx.Response(204)
        return httpx.Response(404, json={"message": "not mocked"})

    try:
        from sipgateio.contacts import resource as contacts_resource
    except ImportError:
        sys.exit("--client transport needs sipgateio/contacts/resource.py (not written yet)")
    # Pre-serialise the pages of the library's default page size before the clock starts.
    page_size = getattr(contacts_resource, "DEFAULT_PAGE_SIZE", None)
    if page_size and body_path is not None:
        pages.update(_prebuilt_pages(body_path, n, page_size))
    http_client = httpx.Client(
        transport=httpx.MockTransport(handler), base_url="https://api.sipgate.com/v2"
    )
    return sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, http_client=http_client)


def run_one(
    op: str, n: int, client_kind: str, data: Path, warm: bool, gc_pause: bool
) -> dict[str, Any]:
    """Run one op in this process and return peerbench's per-run record."""
    if gc_pause:
        from sipgateio.contacts import pause_gc_during_conversions

        pause_gc_during_conversions()

    from sipgateio.contacts import (
        ExportScope,
        Scope,
        contact_from_api,
        parse_vcards,
        paused_gc,
        prepare_import,
        write_csv,
        write_vcards,
    )
    from sipgateio.contacts.resource import _decode, _each  # the resource's page path

    t_load = time.perf_counter()
    body = cards = csv_text = None
    if op in ("vcard_export", "csv_export"):
        body = (data / f"contacts-{n}.json").read_bytes()
    if op in ("vcard_parse", "vcard_import"):
        cards = json.loads((data / f"vcards-{n}.json").read_text(encoding="utf-8"))
    if op == "csv_import":
        csv_text = (data / f"import-{n}.csv").read_bytes().decode("utf-8")
    sink = _Sink()
    run: Callable[[], Any]
    if client_kind == "offline":
        if op == "vcard_export":

            def run() -> Any:
                with paused_gc():
                    items = _each(_decode(body, "GET /contacts")["items"], None)
                    return write_vcards(map(contact_from_api, items))

        elif op == "csv_export":

            def run() -> Any:
                with paused_gc():
                    items = _each(_decode(body, "GET /contacts")["items"], None)
                    return write_csv(map(contact_from_api, items), delimiter=",")

        elif op == "vcard_parse":

            def run() -> Any:
                return [parse_vcards(card) for card in cards]

        elif op == "csv_import":

            def run() -> Any:
                return prepare_import(csv_text)

        else:
            sys.exit(f"op {op} has no offline form (it is N POSTs)")
    else:
        body_path = data / f"contacts-{n}.json" if body is not None else None
        client = _transport_client(body or b'{"items": [], "totalCount": 0}', body_path, n, sink)
        contacts = client.contacts
        if op == "vcard_export":

            def run() -> Any:
                return contacts.export_as_vcards(ExportScope.ALL)

        elif op == "csv_export":

            def run() -> Any:
                return contacts.export_as_csv(ExportScope.ALL, delimiter=",")

        elif op == "vcard_parse":

            def run() -> Any:
                return [parse_vcards(card) for card in cards]

        elif op == "vcard_import":

            def run() -> Any:
                for card in cards:
                    contacts.import_vcard_string(card, Scope.PRIVATE)
                return sink.posts

        else:

            def run() -> Any:
                contacts.import_from_csv_string(csv_text)
                return sink.last

    load_s = time.perf_counter() - t_load

    rss_after_load = _rss_kb()
    maxrss_after_load = _maxrss_kb()
    c0 = time.process_time()
    t0 = time.perf_counter()
    result = run()
    t1 = time.perf_counter()
    op_cpu_s = time.process_time() - c0
    # The young-generation collection the op deferred, measured before anything else allocates.
    gc.collect(0)
    gc_deferred_s = time.perf_counter() - t1
    op_s = t1 - t0
    peak = _maxrss_kb()
    described = _describe(op, result, sink)
    op_warm_s = None
    if warm:
        del result
        gc.collect()
        sink.posts = sink.post_bytes = 0
        t2 = time.perf_counter()
        run()
        op_warm_s = time.perf_counter() - t2
    return {
        "op": op,
        "n": n,
        "client": client_kind,
        "op_s": round(op_s, 4),
        "op_cpu_s": round(op_cpu_s, 4),
        "op_warm_s": None if op_warm_s is None else round(op_warm_s, 4),
        "load_s": round(load_s, 4),
        "us_per_item": round(op_s * 1e6 / n, 2),
        "gc_deferred_s": round(gc_deferred_s, 4),
        "gc_pause": gc_pause,
        "rss_after_load_kb": rss_after_load,
        "maxrss_after_load_kb": maxrss_after_load,
        "peak_rss_kb": peak,
        "mock_page_misses": sink.mock_page_misses,
        **described,
    }


def _describe(op: str, result: Any, sink: _Sink) -> dict[str, Any]:
    """items, output_bytes, output_sha256 and sample, as PYTHON_SIDE.md defines them."""
    if op == "vcard_export":
        joined = "\r\n".join(result)
        return {
            "items": len(result),
            "output_bytes": len(joined.encode()),
            "output_sha256": _sha(joined),
            "sample": result[0] if result else None,
        }
    if op == "csv_export":
        lines = result.split("\r\n")
        return {
            "items": len([line for line in lines[1:] if line]),
            "output_bytes": len(result.encode()),
            "output_sha256": _sha(result),
            "sample": "\r\n".join(lines[:2]),
        }
    if op == "vcard_parse":
        import attrs

        parsed = [[attrs.asdict(r) for r in res.records] for res in result]
        text = json.dumps(parsed, ensure_ascii=False, default=str)
        return {
            "items": sum(len(res.records) for res in result),
            "skipped": sum(len(res.skipped) for res in result),
            "output_bytes": len(text.encode()),
            "output_sha256": _sha(text),
            "sample": parsed[0] if parsed else None,
        }
    if op == "vcard_import":
        return {
            "items": sink.posts,
            "output_bytes": sink.post_bytes,
            "output_sha256": None,
            "sample": sink.last.decode() if sink.last else None,
        }
    # csv_import: the decoded projection (offline: the CsvImport; transport: the POST body)
    if isinstance(result, bytes | str):
        b64 = json.loads(result)["base64Content"]
    else:
        b64 = result.base64_content
    decoded = base64.b64decode(b64)
    lines = decoded.decode().split("\n")
    return {
        "items": len([line for line in lines[1:] if line]),
        "output_bytes": len(decoded),
        "output_sha256": _sha(decoded),
        "sample": "\n".join(lines[:2]),
        "skipped": None if isinstance(result, bytes | str) else len(result.skipped),
    }


# ----------------------------------------------------------------------------- orchestration


def _summary(values: list[float]) -> dict[str, Any]:
    values = [v for v in values if v is not None]
    if not values:
        return {}
    median = statistics.median(values)
    return {
        "median": median,
        "min": min(values),
        "max": max(values),
        "spread_pct": round((max(values) - min(values)) / median * 100, 1) if median else 0,
        "n": len(values),
    }


def _run_child(args: list[str], cwd: Path | None = None) -> dict[str, Any]:
    out = subprocess.run(args, capture_output=True, text=True, cwd=cwd, check=False)
    if out.returncode != 0:
        return {"error": (out.stderr or out.stdout).strip()[-500:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _verify(data: Path, sizes: list[int]) -> dict[str, Any]:
    """Check the data files against data/MANIFEST.json (byte-identical to the Node side's)."""
    manifest = json.loads((data / "MANIFEST.json").read_text())
    for n in sizes:
        for name in (f"contacts-{n}.json", f"vcards-{n}.json", f"import-{n}.csv"):
            expected = manifest["files"][name]["sha256"]
            if _sha((data / name).read_bytes()) != expected:
                sys.exit(f"{data / name} does not match MANIFEST.json: regenerate it")
    return manifest


# Per --clients choice and op: (the Python run's key, its --client), and the Node --client values it
# is compared with (Node's vcard_parse ignores --client: its key is "node-none").
_PLAN: dict[str, dict[str, tuple[tuple[str, str], tuple[str, ...]]]] = {
    "offline": {
        "vcard_export": (("offline", "offline"), ("transport", "object")),
        "csv_export": (("offline", "offline"), ("transport", "object")),
        "vcard_parse": (("offline", "offline"), ("object",)),
        "csv_import": (("offline", "offline"), ("transport", "object")),
    },
    "transport": {  # PYTHON_SIDE.md's headline: the real client over an httpx.MockTransport
        "vcard_export": (("transport", "transport"), ("transport",)),
        "csv_export": (("transport", "transport"), ("transport",)),
        "vcard_parse": (("none", "offline"), ("object",)),
        "vcard_import": (("transport", "transport"), ("transport",)),
        "csv_import": (("transport", "transport"), ("transport",)),
    },
}


def _variants(
    op: str, n: int, clients: list[str], data: str, node_dir: Path | None
) -> list[tuple[str, list[str], Path | None]]:
    """The runs of ``op`` at ``n`` for the chosen clients, Node's first: (key, command, cwd)."""
    node: dict[str, list[str]] = {}
    ours: dict[str, list[str]] = {}
    for client in clients:
        plan = _PLAN[client].get(op)
        if plan is None:
            continue
        (key, our_client), node_clients = plan
        ours[key] = [sys.executable, str(HERE), "--op", op, "--n", str(n)]
        ours[key] += ["--client", our_client, "--data", data]
        for node_client in node_clients if node_dir else ():
            node_key = "node-none" if op == "vcard_parse" else f"node-{node_client}"
            node[node_key] = ["node", "contacts-bench.js", "--op", op, "--n", str(n)]
            node[node_key] += ["--client", node_client, "--data", str(Path(data).resolve())]
    return [(k, cmd, node_dir / "node" if node_dir else None) for k, cmd in node.items()] + [
        (k, cmd, None) for k, cmd in ours.items()
    ]


def orchestrate(opts: argparse.Namespace) -> dict[str, Any]:
    sizes = [int(s) for s in opts.sizes.split(",")]
    manifest = _verify(Path(opts.data), sizes)
    node_dir = Path(opts.node).resolve() if opts.node else None
    clients = [c.strip() for c in opts.clients.split(",") if c.strip()]
    load_start = os.getloadavg()
    runs: dict[str, dict[str, dict[str, list[dict[str, Any]]]]] = {}
    for rep in range(opts.reps):
        for n in sizes:
            for op in [o for o in OPS if o in opts.ops.split(",")]:
                variants = _variants(op, n, clients, opts.data, node_dir)
                for key, cmd, cwd in variants:
                    print(
                        f"[contacts_bench] rep {rep + 1}/{opts.reps} {op} n={n} {key}",
                        file=sys.stderr,
                        flush=True,
                    )
                    record = _run_child(cmd, cwd)
                    runs.setdefault(op, {}).setdefault(str(n), {}).setdefault(key, []).append(
                        record
                    )
    results: dict[str, Any] = {}
    for op, by_n in runs.items():
        for n, by_client in by_n.items():
            for key, records in by_client.items():
                ok = [r for r in records if "error" not in r]
                summary = {
                    metric: _summary([r.get(metric) for r in ok])
                    for metric in (
                        "op_s",
                        "op_cpu_s",
                        "op_warm_s",
                        "us_per_item",
                        "peak_rss_kb",
                        "gc_deferred_s",
                        "load_s",
                    )
                }
                for r in ok:
                    if "maxrss_after_load_kb" in r:
                        r["op_rss_delta_kb"] = r["peak_rss_kb"] - r["maxrss_after_load_kb"]
                summary["op_rss_delta_kb"] = _summary([r.get("op_rss_delta_kb") for r in ok])
                results.setdefault(op, {}).setdefault(n, {})[key] = {
                    "summary": {k: v for k, v in summary.items() if v},
                    "output": {k: ok[0].get(k) for k in ("items", "output_bytes", "output_sha256")}
                    if ok
                    else None,
                    "errors": [r["error"] for r in records if "error" in r],
                    "runs": records,
                }
    return {
        "schema": "peerbench/1",
        "side": "python",
        "versions": {"python": platform.python_version(), "sipgateio": _version()},
        "host": {
            "cpus": os.cpu_count(),
            "loadavg_start": load_start,
            "loadavg_end": os.getloadavg(),
        },
        "config": {
            "reps": opts.reps,
            "sizes": sizes,
            "clients": clients,
            "note": "transport = the real client over an httpx.MockTransport (pages of the "
            "resource's DEFAULT_PAGE_SIZE pre-built); offline = the library's conversion "
            "functions without a client; none = vcard_parse (no client)",
        },
        "data_manifest": manifest,
        "contacts": {"results": results},
    }


def _version() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            cwd=HERE.parent,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    from sipgateio import __version__  # also when run from a checkout, not installed

    return f"{__version__}+{commit}" if commit else __version__


def _print_table(report: dict[str, Any]) -> None:
    print(
        f"{'op':<13} {'N':>7} {'side':<15} {'op_s':>8} {'[min..max]':>17} {'gc_def_s':>8} "
        f"{'peak MiB':>8}"
    )
    for op, by_n in report["contacts"]["results"].items():
        for n, by_client in by_n.items():
            for key, entry in by_client.items():
                s = entry["summary"]
                if "op_s" not in s:
                    print(f"{op:<13} {n:>7} {key:<15} error: {entry['errors'][:1]}")
                    continue
                gcd = s.get("gc_deferred_s", {}).get("median")
                print(
                    f"{op:<13} {n:>7} {key:<15} {s['op_s']['median']:>8.3f} "
                    f"[{s['op_s']['min']:.3f}..{s['op_s']['max']:.3f}]".ljust(17)
                    + " "
                    f"{'' if gcd is None else f'{gcd:.3f}':>8} "
                    f"{s['peak_rss_kb']['median'] / 1024:>8.0f}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--op", choices=OPS)
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--client", choices=("offline", "transport"), default="offline")
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--no-warm", action="store_true")
    parser.add_argument("--gc-pause", action="store_true", help="opt in to the GC pause")
    parser.add_argument("--all", action="store_true", help="run every op in fresh processes")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument(
        "--clients", default="transport", help="with --all: transport, offline or both (comma)"
    )
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--ops", default=",".join(OPS), help="with --all: these ops (comma)")
    parser.add_argument("--node", help="peerbench folder: interleave node/contacts-bench.js")
    parser.add_argument("--out", help="write the --all report (JSON) here")
    parser.add_argument("--build-pages", nargs=4, help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.build_pages:
        body_path, n, page_size, out = opts.build_pages
        build_pages(Path(body_path), int(n), int(page_size), Path(out))
        return
    if opts.all:
        report = orchestrate(opts)
        _print_table(report)
        if opts.out:
            Path(opts.out).write_text(json.dumps(report, indent=1, ensure_ascii=False))
        return
    if not opts.op:
        parser.error("--op or --all is required")
    if not (Path(opts.data) / "MANIFEST.json").exists():
        sys.exit(f"no peerbench data in {opts.data}: run node node/gen-data.js in peerbench")
    record = run_one(opts.op, opts.n, opts.client, Path(opts.data), not opts.no_warm, opts.gc_pause)
    print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
