"""A stand-in for api.sipgate.com that answers every API request after a fixed delay (50 ms).

The network round trip of bulk work, on localhost: ``bulk_bench.py`` runs it in its own process
and points the Python and the Node.js libraries at it in turn. HTTP/1.1 with keep-alive, on
asyncio, so that a thousand requests in flight each wait their 50 ms side by side.

    python benchmarks/delay_stub.py --port 18470 [--delay 0.05] [--contacts 500]

Answers: ``GET /v2/contacts`` the ``--contacts`` SHARED contacts (offset/limit honoured),
every other ``/v2/...`` request 204 without body. ``GET /__stats`` (no delay) gives the
answered requests per route (``"DELETE /v2/contacts/{id}"``...), ``GET /__timeline`` when each
API request arrived and was answered (``time.perf_counter()``, CLOCK_MONOTONIC like the
clients'), the connections opened and the stub's own CPU seconds, and ``GET /__reset`` zeroes
them all. Prints ``ready PORT`` once listening.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import re
import time
from urllib.parse import parse_qs

_ID = re.compile(r"/(?:c\d+|\d+)(?=/|$)")


class Stub:
    def __init__(self, delay: float, contacts: int) -> None:
        self.delay = delay
        self.contacts = [
            {
                "id": f"c{i}",
                "name": f"Person {i}",
                "picture": None,
                "emails": [],
                "numbers": [{"number": f"+49157{i:08d}", "type": ["cell"]}],
                "addresses": [],
                "organization": [],
                "scope": "SHARED",
            }
            for i in range(contacts)
        ]
        self.stats: collections.Counter[str] = collections.Counter()
        # (arrived, answered) per API request and connections opened since the last reset,
        # on CLOCK_MONOTONIC (time.perf_counter in every process on Linux), for --timeline
        self.timeline: list[tuple[float, float]] = []
        self.connections = 0
        self.cpu0 = time.process_time()

    def answer(self, method: str, target: str) -> tuple[int, bytes]:
        path, _, query = target.partition("?")
        if method == "GET" and path == "/v2/contacts":
            q = parse_qs(query)
            offset = int(q.get("offset", ["0"])[0])
            limit = int(q.get("limit", [str(len(self.contacts))])[0])
            page = self.contacts[offset : offset + limit]
            return 200, json.dumps({"items": page, "totalCount": len(self.contacts)}).encode()
        return 204, b""

    def timeline_json(self) -> bytes:
        return json.dumps(
            {
                "requests": self.timeline,
                "connections": self.connections,
                "cpu_s": time.process_time() - self.cpu0,
            }
        ).encode()

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                arrived = time.perf_counter()
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                length, close = 0, False
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    name = name.strip().lower()
                    if name == "content-length":
                        length = int(value)
                    elif name == "connection" and value.strip().lower() == "close":
                        close = True
                if length:
                    await reader.readexactly(length)
                if target.startswith("/__stats"):
                    status, body = 200, json.dumps(dict(self.stats)).encode()
                elif target.startswith("/__timeline"):
                    status, body = 200, self.timeline_json()
                elif target.startswith("/__reset"):
                    self.stats.clear()
                    self.timeline.clear()
                    self.connections, self.cpu0 = 0, time.process_time()
                    status, body = 204, b""
                else:
                    await asyncio.sleep(self.delay)
                    status, body = self.answer(method, target)
                    self.stats[f"{method} {_ID.sub('/{id}', target.partition('?')[0])}"] += 1
                    self.timeline.append((arrived, time.perf_counter()))
                reason = {200: "OK", 204: "No Content"}[status]
                header = f"HTTP/1.1 {status} {reason}\r\nContent-Length: {len(body)}\r\n"
                if body:
                    header += "Content-Type: application/json\r\n"
                writer.write(header.encode() + b"\r\n" + body)
                await writer.drain()
                if close:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


async def main(port: int, delay: float, contacts: int) -> None:
    stub = Stub(delay, contacts)
    server = await asyncio.start_server(stub.serve, "127.0.0.1", port, backlog=2048)
    print(f"ready {port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--contacts", type=int, default=500)
    args = parser.parse_args()
    asyncio.run(main(args.port, args.delay, args.contacts))
