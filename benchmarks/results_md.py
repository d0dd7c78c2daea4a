"""The tables of RESULTS.md from one peerbench.py sitting (both sides' figures, and their ratios).

python benchmarks/results_md.py /tmp/python-DATE.json > /tmp/tables.md
"""

from __future__ import annotations

import json
import sys
from typing import Any


def med(section: dict[str, Any], key: str, metric: str) -> float | None:
    entry = section.get(key)
    if not entry:
        return None
    value = entry["summary"][metric]["median"]
    return float(value) if value is not None else None


def fmt(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}"


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else "—"


def startup(d: dict[str, Any]) -> list[str]:
    s = d["startup"]
    node = s.get("node", {})
    rows = [
        "| | Python median | cost over bare start-up | Node median | cost over bare start-up |",
        "|---|---|---|---|---|",
        f"| bare interpreter | {fmt(s['baseline_ms'], 1)} ms | — | "
        f"{fmt(node.get('baseline_ms'), 1)} ms | — |",
        f"| `import httpx` | {fmt(s['httpx_ms'], 1)} ms | "
        f"{fmt(s['httpx_ms'] - s['baseline_ms'], 1)} ms | | |",
        f"| `import sipgateio` / `require('sipgateio')` | {fmt(s['library_ms'], 1)} ms | "
        f"{fmt(s['require_overhead_ms'], 1)} ms | {fmt(node.get('library_ms'), 1)} ms | "
        f"{fmt(node.get('require_overhead_ms'), 1)} ms |",
        f"| `import sipgateio, sipgateio.webhook` | {fmt(s['library_with_webhook_ms'], 1)} ms | "
        f"{fmt(s['library_with_webhook_ms'] - s['baseline_ms'], 1)} ms | | |",
        f"| first call, sync (import, build, `get_all_numbers()`) | | "
        f"**{fmt(s['first_call_sync_overhead_ms'], 1)} ms** | | "
        f"{fmt(node.get('first_call_overhead_ms'), 1)} ms |",
        f"| first call, async | | {fmt(s['first_call_async_overhead_ms'], 1)} ms | | |",
    ]
    return rows


def client(d: dict[str, Any]) -> list[str]:
    py, node = d["client"]["results"], (d.get("node_client") or {}).get("results", {})
    rows = [
        "| call | Python library | library over an httpx client | bare httpx | bare floor "
        "| Node library | raw axios | **Python/Node library** |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for what in ("numbers", "sms"):
        for conc in (1, 32):
            lib = f"lib-{what}|c{conc}|default"
            floor = f"raw-{what}|c{conc}|" + ("transport" if conc == 1 else "aiohttp")
            cells = []
            for section, key in (
                (py, lib),
                (py, f"lib-{what}|c{conc}|httpx"),
                (py, f"raw-{what}|c{conc}|default"),
                (py, floor),
                (node, lib),
                (node, f"raw-{what}|c{conc}|default"),
            ):
                cps = med(section, key, "calls_per_s")
                cpu = med(section, key, "client_cpu_us_per_call")
                cells.append(f"{fmt(cps)} /s, {fmt(cpu)} µs" if cps is not None else "—")
            lib_cps, node_cps = med(py, lib, "calls_per_s"), med(node, lib, "calls_per_s")
            lib_cpu = med(py, lib, "client_cpu_us_per_call")
            node_cpu = med(node, lib, "client_cpu_us_per_call")
            mode = "sync" if conc == 1 else "async"
            rows.append(
                f"| {what}, c{conc} ({mode}) | " + " | ".join(cells) + " | "
                f"calls/s **{ratio(lib_cps, node_cps)}x**, CPU/call {ratio(lib_cpu, node_cpu)}x |"
            )
    return rows


def contacts(d: dict[str, Any]) -> list[str]:
    res = d["contacts"]["results"]
    rows = [
        "| step (N=100,000) | Python s | Node s | Python/Node | peak RSS Python / Node |",
        "|---|---|---|---|---|",
    ]
    for op, by_n in res.items():
        for n, sides in by_n.items():
            ours = sides.get("transport") or sides.get("none") or {}
            theirs = sides.get("node-transport") or sides.get("node-none") or {}
            if not ours or not theirs:
                continue
            a = ours["summary"]["op_s"]["median"]
            b = theirs["summary"]["op_s"]["median"]
            ra = ours["summary"]["peak_rss_kb"]["median"] / 1024
            rb = theirs["summary"]["peak_rss_kb"]["median"] / 1024
            rows.append(
                f"| {op} ({int(n):,}) | {a:.3f} | {b:.3f} | {ratio(a, b)} "
                f"| {ra:.0f} / {rb:.0f} MiB |"
            )
    return rows


def webhook(d: dict[str, Any]) -> list[str]:
    res = d["webhook"]["results"]
    node_lib = med(res, "node_library", "requests_per_s")
    node_cpu = med(res, "node_library", "server_cpu_us_per_req")
    rows = [
        "| server | req/s | vs Node library | server CPU per request | vs Node library |",
        "|---|---|---|---|---|",
    ]
    for key in res:
        rps = med(res, key, "requests_per_s")
        cpu = med(res, key, "server_cpu_us_per_req")
        rows.append(
            f"| `{key}` | {fmt(rps)} | {ratio(rps, node_lib)}x | {fmt(cpu)} µs | "
            f"{ratio(cpu, node_cpu)}x |"
        )
    return rows


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as fh:
        d = json.load(fh)
    print(f"load average: start {d['host']['loadavg']}, end {d['host'].get('loadavg_end')}")
    for name, section in d.get("loadavg_by_section", {}).items():
        print(f"- {name}: {section}")
    for title, table in (
        ("Start-up and first call", startup),
        ("Client calls", client),
        ("Contacts", contacts),
        ("Webhook", webhook),
    ):
        key = {"Start-up and first call": "startup", "Client calls": "client"}.get(
            title, title.lower()
        )
        if key in d:
            print(f"\n## {title}\n")
            print("\n".join(table(d)))


if __name__ == "__main__":
    main()
