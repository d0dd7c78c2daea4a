"""Webhook throughput, the Python side of peerbench section 1 (shared/peerbench/PYTHON_SIDE.md).

    python benchmarks/webhook_bench.py [--reps 3] [--out FILE] [--variants a,b,...] [--quick]

Drives each server with ``wrk -t2 -c32`` and the newCall body of ``peerbench/common/``
(answered with a redirect), in fresh processes, interleaved per repetition:

=====================  ===================================================================
``library``            ``WebhookServer(...).serve_forever()``: the embedded server (uvicorn,
                       one process, one event loop), unsigned — the headline
``raw_limit``          a bare ASGI app answering the constant XML, same uvicorn settings
``library_signed``     ``library`` verifying an RSA-4096 signature on every push
``library_2w``         ``create_webhook_app(...).wsgi`` under granian, 2 worker processes
``raw_limit_2w``       the bare WSGI app under the same granian settings
``library_2w_signed``  ``library_2w`` verifying signatures
``library_asgi_2w``    ``.asgi`` under ``uvicorn --workers 2`` (optional, not by default)
=====================  ===================================================================

Per run: start, check the answer (200, ``application/xml``, the ``<Dial anonymous="false">``
with the number, ``onHangup``), 2 s warm-up, 10 s measured with ``--latency``, check again,
stop. Server CPU = utime+stime of the server's process tree (all threads, all workers)
across the measured run, from ``/proc``. Prints a summary; ``--out`` writes peerbench JSON
(``"schema": "peerbench/1"``, ``"side": "python"``, section ``webhook``).
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import math
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
CLK_TCK = os.sysconf("SC_CLK_TCK")
NUMBER = "4915799912345"
METRICS = ("requests_per_s", "p50_ms", "p99_ms", "server_cpu_us_per_req", "non_2xx")

GRANIAN = [
    "granian", "--interface", "wsgi", "--host", "127.0.0.1", "--workers", "2",
    "--blocking-threads", "1", "--no-ws", "--log-level", "warning",
]  # fmt: skip
UVICORN = [
    "uvicorn", "--host", "127.0.0.1", "--workers", "2", "--log-level", "warning",
    "--no-access-log", "--no-server-header", "--no-proxy-headers", "--lifespan", "off",
]  # fmt: skip


def variants(key: Path, node: Path | None, other: Path | None = None) -> dict[str, dict[str, Any]]:
    """name -> how to start it: argv (``{port}`` filled in), extra env, whether signed.

    ``other``: another checkout of the project (an older commit, say): its ``library`` and
    ``raw_limit`` servers join as ``other_library`` and ``other_raw_limit``, run from there.
    """
    lib = [PY, str(HERE / "webhook_lib_server.py"), "--port", "{port}"]
    js: dict[str, dict[str, Any]] = {}
    if other is not None:
        bench = other / "benchmarks"
        for name, script in (("other_library", "lib"), ("other_raw_limit", "raw")):
            js[name] = {
                "argv": [PY, str(bench / f"webhook_{script}_server.py"), "--port", "{port}"],
                "root": other,
            }
    if node is not None:
        for name, script in (("node_library", "lib"), ("node_raw_limit", "raw")):
            js[name] = {
                "argv": ["node", str(node / f"node/webhook-{script}-server.js"), "--port", "{port}"]
            }
    return {
        **js,
        "library": {"argv": lib, "signed": False},
        "raw_limit": {"argv": [PY, str(HERE / "webhook_raw_server.py"), "--port", "{port}"]},
        "library_signed": {"argv": [*lib, "--signed", str(key)], "signed": True},
        "library_2w": {"argv": [*GRANIAN, "--port", "{port}", "webhook_apps:library_wsgi"]},
        "raw_limit_2w": {"argv": [*GRANIAN, "--port", "{port}", "webhook_apps:raw_wsgi"]},
        "library_2w_signed": {
            "argv": [*GRANIAN, "--port", "{port}", "webhook_apps:library_wsgi"],
            "env": {"WEBHOOK_BENCH_KEY": str(key)},
            "signed": True,
        },
        "library_asgi_2w": {"argv": [*UVICORN, "--port", "{port}", "webhook_apps:library_asgi"]},
    }


DEFAULT_VARIANTS = "library,raw_limit,library_signed,library_2w,raw_limit_2w,library_2w_signed"
SERVERS = {
    "library": "sipgateio WebhookServer: uvicorn (uvloop, httptools), 1 process, 1 event loop",
    "raw_limit": "bare ASGI app on the same uvicorn settings, 1 process",
    "library_signed": "library, verifying X-Sipgate-Signature (RSA-4096, PKCS#1 v1.5, SHA-256)",
    "library_2w": "create_webhook_app(...).wsgi under granian --workers 2 --blocking-threads 1",
    "raw_limit_2w": "bare WSGI app under the same granian settings",
    "library_2w_signed": "library_2w, verifying signatures",
    "library_asgi_2w": "create_webhook_app(...).asgi under uvicorn --workers 2",
    "node_library": "Node.js sipgateio 2.15.1 createServer() (node/webhook-lib-server.js)",
    "node_raw_limit": "bare node:http server, same 176-byte XML (node/webhook-raw-server.js)",
    "other_library": "library, served from the checkout given by --other-tree",
    "other_raw_limit": "raw_limit, served from the checkout given by --other-tree",
}


# -- statistics, as peerbench's node/lib/util.js ---------------------------------------------


def median(xs: list[float]) -> float | None:
    s = sorted(x for x in xs if isinstance(x, int | float) and math.isfinite(x))
    if not s:
        return None
    m = len(s) // 2
    return s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2


def summarize(xs: list[Any]) -> dict[str, Any]:
    s = [x for x in xs if isinstance(x, int | float) and math.isfinite(x)]
    if not s:
        return {"median": None, "min": None, "max": None, "spread_pct": None, "n": 0}
    med = median(s)
    spread = round((max(s) - min(s)) / med * 100, 1) if med else None
    return {"median": med, "min": min(s), "max": max(s), "spread_pct": spread, "n": len(s)}


_UNIT = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def parse_wrk(text: str) -> dict[str, Any]:
    def num(pattern: str) -> float | None:
        m = re.search(pattern, text)
        return float(m.group(1)) if m else None

    out: dict[str, Any] = {"requests_per_s": num(r"Requests/sec:\s+([\d.]+)")}
    reqs = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s)", text)
    out["requests"] = int(reqs.group(1)) if reqs else None
    if reqs:
        out["duration_s"] = round(float(reqs.group(2)) * _UNIT[reqs.group(3)] / 1000, 3)
    for m in re.finditer(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M):
        out[f"p{m.group(1)}_ms"] = round(float(m.group(2)) * _UNIT[m.group(3)], 4)
    out["non_2xx"] = int(num(r"Non-2xx or 3xx responses: (\d+)") or 0)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["socket_errors"] = (
        dict(zip(("connect", "read", "write", "timeout"), map(int, sock.groups()), strict=True))
        if sock
        else None
    )
    return out


# -- processes -------------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            tree.setdefault(int(stat[1]), []).append(int(entry))
    return tree


def cpu_seconds(pid: int) -> float:
    """utime+stime of ``pid`` and every descendant (all threads), in seconds."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(tree.get(p, []))
        try:
            stat = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(stat[11]) + int(stat[12])
    return total / CLK_TCK


def post(port: int, body: bytes, signature: str | None) -> dict[str, Any]:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature:
        headers["X-Sipgate-Signature"] = signature
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("POST", "/", body=body, headers=headers)
        r = conn.getresponse()
        text = r.read().decode()
        return {"status": r.status, "content_type": r.getheader("Content-Type"), "body": text}
    finally:
        conn.close()


def answer_ok(answer: dict[str, Any], port: int) -> bool:
    text = answer.get("body") or ""
    return (
        answer.get("status") == 200
        and (answer.get("content_type") or "").startswith("application/xml")
        and re.search(rf'<Dial anonymous="false">\s*<Number>{NUMBER}</Number>', text) is not None
        and f'onHangup="http://127.0.0.1:{port}/"' in text
    )


def start(spec: dict[str, Any], port: int, signature: str | None) -> subprocess.Popen[bytes]:
    argv = [a.replace("{port}", str(port)) for a in spec["argv"]]
    env = {**os.environ, "WEBHOOK_BENCH_PORT": str(port), **spec.get("env", {})}
    root = spec.get("root", ROOT)
    paths = [str(root / "benchmarks"), str(root), os.environ.get("PYTHONPATH")]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, paths))
    proc = subprocess.Popen(
        argv, cwd=HERE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{argv[:3]} exited: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            if post(port, b"", signature)["status"] != 0:
                return proc
        except OSError:
            time.sleep(0.1)
    stop(proc)
    raise RuntimeError(f"{argv[:3]} did not listen on {port}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def wrk(lua: Path, port: int, seconds: float, latency: bool) -> str:
    argv = ["wrk", "-t2", "-c32", f"-d{seconds:g}s", "-s", str(lua)]
    argv += ["--latency"] if latency else []
    argv.append(f"http://127.0.0.1:{port}/")
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout


# -- the signed load ---------------------------------------------------------------------------


def signing_material(tmp: Path, body: bytes, lua: Path) -> tuple[Path, str, Path]:
    """A fresh RSA-4096 key pair: (public PEM path, signature of ``body``, signed wrk script)."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    private = rsa.generate_private_key(public_exponent=65537, key_size=4096)
    public = tmp / "public.pem"
    public.write_bytes(
        private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    signature = base64.b64encode(private.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()
    signed_lua = tmp / "post-newcall-signed.lua"
    header = f'wrk.headers["X-Sipgate-Signature"] = "{signature}"'
    signed_lua.write_text(f"{lua.read_text()}\n{header}\n")
    return public, signature, signed_lua


# -- one run -----------------------------------------------------------------------------------


def run_once(
    name: str, spec: dict[str, Any], port: int, body: bytes, lua: Path, cfg: dict[str, Any],
    signature: str | None,
) -> tuple[dict[str, Any], dict[str, Any]]:  # fmt: skip
    sig = signature if spec.get("signed") else None
    proc = start(spec, port, sig)
    try:
        pre = post(port, body, sig)
        if not answer_ok(pre, port):
            raise RuntimeError(f"{name}: unexpected answer {pre}")
        wrk(lua, port, cfg["warmup_s"], latency=False)
        c0 = cpu_seconds(proc.pid)
        result = parse_wrk(wrk(lua, port, cfg["duration_s"], latency=True))
        c1 = cpu_seconds(proc.pid)
        result["server_cpu_s"] = round(c1 - c0, 2)
        requests = result.get("requests") or 0
        result["server_cpu_us_per_req"] = round((c1 - c0) * 1e6 / requests, 1) if requests else None
        after = post(port, body, sig)
        result["alive_after"] = proc.poll() is None and answer_ok(after, port)
    finally:
        stop(proc)
    return result, pre


def versions() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    def v(dist: str) -> str | None:
        try:
            return version(dist)
        except PackageNotFoundError:
            return None

    def tool(*argv: str) -> str | None:
        try:
            out = subprocess.run(argv, capture_output=True, text=True, check=False)
        except OSError:
            return None
        text = out.stdout or out.stderr
        return text.splitlines()[0].strip() if text else None

    commit = tool("git", "-C", str(ROOT), "rev-parse", "--short", "HEAD")
    return {
        "python": platform.python_version(),
        "sipgateio": f"{v('sipgateio')} ({commit})",
        **{d: v(d) for d in ("falcon", "attrs", "cryptography", "uvicorn", "uvloop", "httptools")},
        "granian": v("granian"),
        "httpx": v("httpx"),
        "wrk": tool("sh", "-c", "wrk --version 2>&1 | head -1"),
        "hyperfine": tool("hyperfine", "--version"),
    }


def host() -> dict[str, Any]:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        None,
    )  # fmt: skip
    return {
        "hostname": socket.gethostname(),
        "platform": f"{platform.system()} {platform.release()}",
        "arch": platform.machine(),
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


def fmt(s: dict[str, Any], key: str, digits: int = 1, unit: str = "") -> str:
    x = s.get(key) or {}
    if x.get("median") is None:
        return "n/a"
    return f"{x['median']:,.{digits}f}{unit} [{x['min']:,.{digits}f}..{x['max']:,.{digits}f}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peerbench", type=Path, default=ROOT.parent / "shared/peerbench")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--port-base", type=int, default=18600)
    parser.add_argument("--variants", default=DEFAULT_VARIANTS)
    parser.add_argument("--quick", action="store_true", help="3 s runs, 1 s warm-up")
    parser.add_argument("--out", type=Path, help="write peerbench JSON here")
    parser.add_argument(
        "--interleave-node",
        type=Path,
        metavar="PEERBENCH_COPY",
        help="also run the Node.js servers of this peerbench folder (with node/node_modules "
        "installed) in the same rotation: node_library, node_raw_limit",
    )
    parser.add_argument(
        "--other-tree",
        type=Path,
        metavar="CHECKOUT",
        help="also run library and raw_limit of this checkout of the project (e.g. a "
        "`git worktree` of an older commit) in the same rotation: other_library, other_raw_limit",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.warmup = 3, 1
    pb = args.peerbench
    lua, body_file = pb / "common/post-newcall.lua", pb / "common/newcall-body.txt"
    for f in (lua, body_file):  # wrk load-tests with GET when its -s script is missing
        if not f.is_file():
            parser.error(f"missing {f}")
    body = body_file.read_bytes()
    cfg = {
        "wrk_threads": 2,
        "wrk_connections": 32,
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "lua": "common/post-newcall.lua",
        "body": "common/newcall-body.txt",
    }
    load_start = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="webhook-bench-") as tmpdir:
        public, signature, signed_lua = signing_material(Path(tmpdir), body, lua)
        other = args.other_tree.resolve() if args.other_tree else None
        specs = variants(public, args.interleave_node, other)
        names = [n.strip() for n in args.variants.split(",") if n.strip()]
        if other is not None:
            names = ["other_library", "other_raw_limit", *names]
        if args.interleave_node:
            names = ["node_library", "node_raw_limit", *names]
        unknown = [n for n in names if n not in specs]
        if unknown:
            parser.error(f"unknown variants {unknown}; known: {', '.join(specs)}")
        runs: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
        checks: dict[str, Any] = {}
        for rep in range(args.reps):
            for i, name in enumerate(names):
                spec, port = specs[name], args.port_base + i
                load = signed_lua if spec.get("signed") else lua
                print(f"webhook: rep {rep + 1}/{args.reps} {name}", file=sys.stderr, flush=True)
                result, check = run_once(name, spec, port, body, load, cfg, signature)
                runs[name].append(result)
                checks.setdefault(name, check)
                time.sleep(0.5)
    results = {
        n: {"summary": {m: summarize([r.get(m) for r in rs]) for m in METRICS}, "runs": rs}
        for n, rs in runs.items()
    }
    ratios = _ratios(results, runs)
    report = {
        "schema": "peerbench/1",
        "side": "python",
        "versions": versions(),
        "host": {**host(), "loadavg_start": load_start},
        "config": {
            "reps": args.reps,
            "other_tree": _commit(other) if other is not None else None,
        },
        "data_manifest": _manifest(pb),
        "webhook": {
            "config": {
                **cfg,
                "command": "wrk -t2 -c32 -d{d}s --latency -s common/post-newcall.lua "
                "http://127.0.0.1:PORT/".format(d=f"{args.duration:g}"),
                "targets": {n: SERVERS[n] for n in names},
                "server_options": "WebhookServer(port=P, server_address='http://127.0.0.1:P/', "
                "hostname='127.0.0.1', skip_signature_verification=True); on_new_call -> "
                "WebhookResponse.redirect_call(numbers=['4915799912345'], anonymous=False); "
                "on_hangup -> no-op",
                "embedded_server": "uvicorn, 1 process, 1 event loop thread (uvloop, httptools)",
            },
            "response_check": checks,
            "results": results,
            "ratios": ratios,
        },
    }
    _print_summary(report)
    if args.out:
        args.out.write_text(json.dumps(report, indent=1))
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _ratios(results: dict[str, Any], runs: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def med(name: str, metric: str) -> float | None:
        return results.get(name, {}).get("summary", {}).get(metric, {}).get("median")

    pairs: list[tuple[str, str]] = [
        ("node_library", "node_raw_limit"),
        ("library", "node_library"),
        ("other_library", "node_library"),
        ("library", "other_library"),
        ("raw_limit", "other_raw_limit"),
        ("library_2w", "node_library"),
        ("library_2w_signed", "node_library"),
        ("library", "raw_limit"),
        ("library_signed", "raw_limit"),
        ("library_2w", "raw_limit_2w"),
        ("library_2w_signed", "raw_limit_2w"),
    ]
    for a, b in pairs:
        for metric in ("requests_per_s", "p50_ms", "p99_ms", "server_cpu_us_per_req"):
            x, y = med(a, metric), med(b, metric)
            if x is not None and y:
                out[f"{a}/{b} {metric}"] = round(x / y, 3)
        if a in runs and b in runs:
            out[f"per-rep {a}/{b} requests_per_s"] = [
                round(p["requests_per_s"] / q["requests_per_s"], 3)
                for p, q in zip(runs[a], runs[b], strict=False)
            ]
    return out


def _commit(tree: Path) -> str:
    out = subprocess.run(["git", "-C", str(tree), "log", "-1", "--format=%h %s"],
                         capture_output=True, text=True, check=False)  # fmt: skip
    return f"{tree}: {out.stdout.strip()[:100]}"


def _manifest(pb: Path) -> Any:
    try:
        return json.loads((pb / "data/MANIFEST.json").read_text())
    except (OSError, ValueError):
        return None


def _print_summary(report: dict[str, Any]) -> None:
    w = report["webhook"]
    print(f"\nwebhook — {w['config']['command']}, medians of {report['config']['reps']} [min..max]")
    line: Callable[[str, dict[str, Any]], str] = lambda n, s: (  # noqa: E731
        f"  {n:18s} {fmt(s, 'requests_per_s', 0)} req/s  p50 {fmt(s, 'p50_ms', 2)} ms  "
        f"p99 {fmt(s, 'p99_ms', 2)} ms  cpu {fmt(s, 'server_cpu_us_per_req')} us/req  "
        f"non-2xx {fmt(s, 'non_2xx', 0)}"
    )
    for name, r in w["results"].items():
        print(line(name, r["summary"]))
        errors = [x["socket_errors"] for x in r["runs"] if x.get("socket_errors")]
        if errors:
            print(f"  {'':18s} socket errors: {errors}")
    for k, v in w["ratios"].items():
        print(f"  ratio {k}: {v}")


if __name__ == "__main__":
    sys.exit(main())
