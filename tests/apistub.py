"""A scripted stand-in for api.sipgate.com: a small Falcon app served on 127.0.0.1 in a thread.

Tests script answers per (method, path) and read back every request the library sent::

    api.reply("GET", "/v2/numbers", json={"items": [], "totalCount": 0})
    ...
    assert api.requests[-1].query == {"offset": ["0"]}
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import falcon


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Answer:
    status: int = 200
    json: Any = None
    body: bytes | str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    content_type: str | None = None


Handler = Callable[[Recorded], Answer]


class APIStub:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._routes: dict[tuple[str, str], list[Answer] | Handler] = {}
        self._lock = threading.Lock()
        self.app = falcon.App()
        self.app.add_sink(self._sink, prefix="/")
        self._server: WSGIServer | None = None
        self.url = ""
        self.fallback: Handler | None = None  # answers what no route scripts

    # -- scripting -------------------------------------------------------------------
    def reply(self, method: str, path: str, *answers: Answer, **one: Any) -> None:
        """Answer ``method path`` with ``answers`` in order (the last one repeats)."""
        queue = list(answers) or [Answer(**one)]
        with self._lock:
            self._routes[(method.upper(), path)] = queue

    def handle(self, method: str, path: str, handler: Handler) -> None:
        with self._lock:
            self._routes[(method.upper(), path)] = handler

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._routes.clear()
            self.fallback = None

    def sent(self, method: str | None = None, path: str | None = None) -> list[Recorded]:
        return [
            r
            for r in self.requests
            if (method is None or r.method == method) and (path is None or r.path == path)
        ]

    # -- serving ---------------------------------------------------------------------
    def _sink(self, req: falcon.Request, resp: falcon.Response, **_: Any) -> None:
        body = req.bounded_stream.read()
        rec = Recorded(
            method=req.method,
            path=req.path,
            query=parse_qs(req.query_string, keep_blank_values=True),
            headers={k.lower(): v for k, v in req.headers.items()},
            body=body,
        )
        with self._lock:
            self.requests.append(rec)
            route = self._routes.get((req.method, req.path))
            if isinstance(route, list):
                answer = route.pop(0) if len(route) > 1 else route[0]
            else:
                answer = None
        if callable(route):
            answer = route(rec)
        if answer is None and self.fallback is not None:
            answer = self.fallback(rec)
        if answer is None:
            answer = Answer(404, json={"message": f"not scripted: {req.method} {req.path}"})
        if answer.delay:
            time.sleep(answer.delay)
        resp.status = falcon.code_to_http_status(answer.status)
        for k, v in answer.headers.items():
            resp.set_header(k, v)
        if answer.json is not None:
            resp.data = json.dumps(answer.json).encode()
            resp.content_type = "application/json"
        elif answer.body is not None:
            resp.data = answer.body.encode() if isinstance(answer.body, str) else answer.body
            resp.content_type = answer.content_type or "text/plain"
        if answer.content_type:
            resp.content_type = answer.content_type

    def start(self) -> None:
        class Server(ThreadingMixIn, WSGIServer):
            daemon_threads = True
            request_queue_size = 256  # bulk work opens many connections at once (default 5)

        class Quiet(WSGIRequestHandler):  # HTTP/1.0: one request per connection, no stale reuse
            def log_message(self, *args: Any) -> None:
                pass

        self._server = make_server(
            "127.0.0.1", 0, self.app, server_class=Server, handler_class=Quiet
        )
        port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{port}/v2"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
