"""Apps for the webhook benchmark, importable by multi-worker servers (granian, uvicorn).

The environment says how to build them (each worker process imports this module):

* ``WEBHOOK_BENCH_PORT``: the port, for ``server_address`` (the ``onHangup`` URL);
* ``WEBHOOK_BENCH_KEY``: path of a PEM public key: verify signatures against it.

``library_wsgi`` / ``library_asgi`` are the benchmark's webhook (a redirect for new calls,
a no-op hang-up handler) as ``create_webhook_app(...).wsgi`` / ``.asgi``. ``raw_wsgi`` /
``raw_asgi`` are the ceiling: read the body, answer the constant XML of the Node side's raw
server (176 bytes) with ``Content-Type: application/xml``, nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

from sipgateio.webhook import (
    NewCallEvent,
    RedirectCall,
    WebhookApp,
    WebhookResponse,
    WebhookServer,
    create_webhook_app,
)

PORT = int(os.environ.get("WEBHOOK_BENCH_PORT", "18401"))
KEY = os.environ.get("WEBHOOK_BENCH_KEY")

RAW_XML = "\n".join(
    [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<Response onHangup="http://127.0.0.1:{PORT}/">',
        '    <Dial anonymous="false">',
        "        <Number>4915799912345</Number>",
        "    </Dial>",
        "</Response>",
    ]
).encode()
_RAW_HEADERS = [("Content-Type", "application/xml"), ("Content-Length", str(len(RAW_XML)))]
_RAW_ASGI_HEADERS = [(k.lower().encode(), v.encode()) for k, v in _RAW_HEADERS]


def route(event: NewCallEvent) -> RedirectCall:
    """The benchmark's new-call handler: redirect."""
    return WebhookResponse.redirect_call(numbers=["4915799912345"], anonymous=False)


def register(app: WebhookApp | WebhookServer) -> None:
    """Register the benchmark's handlers: ``route`` for new calls, a no-op for hang-ups."""
    app.on_new_call(route)
    app.on_hangup(lambda event: None)


def build_library() -> WebhookApp:
    """The benchmark's webhook app, as a user writes it."""
    key = Path(KEY).read_text() if KEY else None
    app = create_webhook_app(
        server_address=f"http://127.0.0.1:{PORT}/",
        skip_signature_verification=key is None,
        public_key=key,
    )
    register(app)
    return app


def __getattr__(name: str) -> Any:
    # library_wsgi / library_asgi are built when a server asks for them, once per process.
    if name in ("library_wsgi", "library_asgi"):
        app = build_library()
        globals().update(library_wsgi=app.wsgi, library_asgi=app.asgi)
        return globals()[name]
    raise AttributeError(name)


def raw_wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """Drain the body, answer the constant XML."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    environ["wsgi.input"].read(length)
    start_response("200 OK", _RAW_HEADERS)
    return [RAW_XML]


async def raw_asgi(
    scope: dict[str, Any],
    receive: Callable[[], Awaitable[dict[str, Any]]],
    send: Callable[[dict[str, Any]], Awaitable[None]],
) -> None:
    """Drain the body, answer the constant XML."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        more = (await receive()).get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": _RAW_ASGI_HEADERS})
    await send({"type": "http.response.body", "body": RAW_XML})
