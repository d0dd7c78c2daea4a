"""Memory growth of ``client.history.iter_entries()`` over a long history (goal: < 50 MB).

    python benchmarks/history_memory_bench.py [--entries 1000000] [--page-size 1000]
        [--mode rss|tracemalloc|both] [--client sync|async] [--json out.json]

The history is served in pages by an ``httpx.MockTransport`` inside the process (no
sockets, so the figures are the library's alone): one page body is pre-serialised per
entry type (CALL, VOICEMAIL, SMS, FAX in turn) and only the ids are spliced in per
request, so serving costs next to nothing. Every entry is parsed into its typed model
and dropped by the consumer, as a user's loop would.

Two measurements, each a fresh walk over all entries:

* ``rss``: the process's resident set size (``/proc/self/statm``), sampled every
  ``--sample-every`` entries; growth = peak - the RSS after the first page (client,
  imports and one page's buffers are set-up cost, not growth). ``ru_maxrss`` is the
  peak over the process's whole life.
* ``tracemalloc``: Python allocations traced; growth = traced peak - traced at the
  first page. Slower (tracing costs ~2-3x), so its walk length is ``--traced-entries``.

Growth that does not depend on the number of entries shows as flat checkpoints;
``--keep`` is the control run (the consumer keeps every entry) showing real growth.
A full run (1,000,000 entries, both modes) takes about 3-4 minutes on a small machine.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import httpx

import sipgateio

MB = 1024 * 1024
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
TOKEN_ID, TOKEN = "token-ABC123", "e68ead46-a7db-46cd-8a1a-44aed1e4e372"

_BASE: dict[str, Any] = {
    "source": "+4915799912345",
    "target": "+4921100000000",
    "sourceAlias": "Ada Lovelace",
    "targetAlias": "Charles Babbage",
    "created": "2024-05-01T10:00:00Z",
    "lastModified": "2024-05-01T10:05:00+02:00",
    "direction": "INCOMING",
    "incoming": True,
    "status": "PICKUP",
    "connectionIds": ["p0", "s0"],
    "read": False,
    "archived": False,
    "note": "",
    "endpoints": [{"type": "ROUTED", "endpoint": {"extension": "p0", "type": "PHONELINE"}}],
    "starred": False,
    "labels": ["work"],
}
_EXTRA: dict[str, dict[str, Any]] = {
    "CALL": {
        "callId": "ABCDEF0123456789",
        "callStatus": "SUCCESS",
        "duration": 93,
        "recordings": [{"id": "r1", "url": "https://example.com/r1.mp3"}],
    },
    "VOICEMAIL": {
        "recordingUrl": "https://example.com/v.mp3",
        "transcription": "Please call me back.",
        "duration": 12,
    },
    "SMS": {"smsContent": "Hello from the benchmark", "scheduled": None},
    "FAX": {
        "faxStatusType": "SENT",
        "documentUrl": "https://example.com/d.pdf",
        "reportUrl": "https://example.com/r.pdf",
        "previewUrl": "https://example.com/p.png",
        "pageCount": 2,
    },
}
_MARK = "@@ID@@"


def entry_templates() -> list[tuple[bytes, bytes]]:
    """Per type: the serialised entry before and after its id value."""
    out = []
    for kind, extra in _EXTRA.items():
        text = json.dumps({"id": _MARK, "type": kind, **_BASE, **extra}, separators=(",", ":"))
        before, after = text.encode().split(_MARK.encode())
        out.append((before, after))
    return out


class History:
    """A history of ``total`` entries, served by offset and limit like GET /history."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.templates = entry_templates()
        self.requests = 0
        self.bytes = 0

    def body(self, offset: int, limit: int) -> bytes:
        t = self.templates
        entries = b",".join(
            t[i % 4][0] + str(i).encode() + t[i % 4][1]
            for i in range(offset, min(offset + limit, self.total))
        )
        return b'{"items":[' + entries + b'],"totalCount":' + str(self.total).encode() + b"}"

    def handler(self, request: httpx.Request) -> httpx.Response:
        query = parse_qs(request.url.query.decode())
        body = self.body(int(query["offset"][0]), int(query["limit"][0]))
        self.requests += 1
        self.bytes += len(body)
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE_SIZE


def walk(args: argparse.Namespace, total: int, probe: Callable[[int], None]) -> tuple[int, float]:
    """Iterate over ``total`` entries; call ``probe(n)`` after 1 page and every sample step."""
    history = History(total)
    first, step = args.page_size, args.sample_every
    started = time.perf_counter()
    count = 0
    last_id = -1
    kept: list[sipgateio.HistoryEntry] = []

    def seen(entry: sipgateio.HistoryEntry) -> None:
        nonlocal count, last_id
        if args.keep:
            kept.append(entry)
        entry_id = int(entry.id)
        if entry_id != last_id + 1:
            raise SystemExit(f"entry {entry_id} after {last_id}: out of order or repeated")
        last_id = entry_id
        count += 1
        if count == first or count % step == 0:
            probe(count)

    if args.client == "sync":
        http = httpx.Client(transport=httpx.MockTransport(history.handler))
        with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, http_client=http) as client:
            for entry in client.history.iter_entries(page_size=args.page_size):
                seen(entry)
        http.close()
    else:

        async def go() -> None:
            http = httpx.AsyncClient(transport=httpx.MockTransport(history.handler))
            async with sipgateio.AsyncSipgateIO(
                token_id=TOKEN_ID, token=TOKEN, http_client=http
            ) as client:
                async for entry in client.history.iter_entries(page_size=args.page_size):
                    seen(entry)
            await http.aclose()

        asyncio.run(go())
    elapsed = time.perf_counter() - started
    if count != total or history.requests != -(-total // args.page_size):
        raise SystemExit(f"walked {count} of {total} entries in {history.requests} requests")
    return count, elapsed


def measure_rss(args: argparse.Namespace) -> dict[str, Any]:
    gc.collect()
    samples: dict[int, int] = {}
    before = rss()
    count, elapsed = walk(args, args.entries, lambda n: samples.__setitem__(n, rss()))
    base = samples[args.page_size]
    peak = max(samples.values())
    return {
        "entries": count,
        "seconds": round(elapsed, 2),
        "entries_per_s": round(count / elapsed),
        "rss_before_mb": round(before / MB, 1),
        "rss_after_first_page_mb": round(base / MB, 1),
        "rss_peak_sampled_mb": round(peak / MB, 1),
        "growth_mb": round((peak - base) / MB, 2),
        "growth_from_start_mb": round((peak - before) / MB, 2),
        "ru_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "checkpoints_mb": {
            str(n): round((v - base) / MB, 2) for n, v in samples.items() if _checkpoint(n, args)
        },
    }


def measure_tracemalloc(args: argparse.Namespace) -> dict[str, Any]:
    gc.collect()
    marks: dict[int, int] = {}
    tracemalloc.start()
    try:
        count, elapsed = walk(
            args,
            args.traced_entries,
            lambda n: marks.__setitem__(n, tracemalloc.get_traced_memory()[0]),
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    base = marks[args.page_size]
    return {
        "entries": count,
        "seconds": round(elapsed, 2),
        "traced_after_first_page_mb": round(base / MB, 2),
        "traced_peak_mb": round(peak / MB, 2),
        "growth_mb": round((peak - base) / MB, 2),
        "current_growth_at_end_mb": round((marks[max(marks)] - base) / MB, 3),
        "checkpoints_mb": {
            str(n): round((v - base) / MB, 3) for n, v in marks.items() if _checkpoint(n, args)
        },
    }


def _checkpoint(n: int, args: argparse.Namespace) -> bool:
    """Report a few sample points: each power of ten and the last."""
    return n in (args.entries, args.traced_entries) or (str(n).rstrip("0") == "1" and n >= 10_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--traced-entries", type=int, default=1_000_000)
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--sample-every", type=int, default=10_000)
    parser.add_argument("--mode", choices=["rss", "tracemalloc", "both"], default="both")
    parser.add_argument("--client", choices=["sync", "async"], default="sync")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="control run: the consumer keeps every entry (as fetch_all does), to show what "
        "growth looks like",
    )
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    walk(
        argparse.Namespace(**{**vars(args), "sample_every": 10**9}),
        2 * args.page_size,
        lambda n: None,
    )
    result: dict[str, Any] = {
        "benchmark": "history.iter_entries memory",
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "sipgateio": sipgateio.__version__,
        "httpx": httpx.__version__,
        "client": args.client,
        "consumer_keeps_entries": args.keep,
        "page_size": args.page_size,
        "loadavg_start": os.getloadavg(),
        "goal_mb": 50,
    }
    if args.mode in ("rss", "both"):
        result["rss"] = measure_rss(args)
    if args.mode in ("tracemalloc", "both"):
        result["tracemalloc"] = measure_tracemalloc(args)
    result["loadavg_end"] = os.getloadavg()
    growth = [result[m]["growth_mb"] for m in ("rss", "tracemalloc") if m in result]
    result["within_goal"] = max(growth) < 50

    keep = " (control: consumer keeps every entry)" if args.keep else ""
    print(f"history.iter_entries memory, {args.client} client, page size {args.page_size}{keep}")
    print(f"python {result['python']}, sipgateio {result['sipgateio']}, httpx {result['httpx']}")
    if "rss" in result:
        r = result["rss"]
        print(
            f"  RSS          {r['entries']:>9,} entries in {r['seconds']:.1f} s "
            f"({r['entries_per_s']:,}/s): after first page {r['rss_after_first_page_mb']} MB, "
            f"peak {r['rss_peak_sampled_mb']} MB -> growth {r['growth_mb']} MB "
            f"({r['growth_from_start_mb']} MB from before the walk); "
            f"ru_maxrss {r['ru_maxrss_mb']} MB"
        )
        print(f"               growth at checkpoints (MB): {r['checkpoints_mb']}")
    if "tracemalloc" in result:
        t = result["tracemalloc"]
        print(
            f"  tracemalloc  {t['entries']:>9,} entries in {t['seconds']:.1f} s: "
            f"traced after first page {t['traced_after_first_page_mb']} MB, peak "
            f"{t['traced_peak_mb']} MB -> growth {t['growth_mb']} MB; still held at the end "
            f"{t['current_growth_at_end_mb']} MB"
        )
        print(f"               growth at checkpoints (MB): {t['checkpoints_mb']}")
    verdict = "within" if result["within_goal"] else "OVER"
    print(f"  goal < 50 MB growth: {verdict} (largest growth {max(growth)} MB)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
