"""Fixtures of the webhook tests: a test key pair, signed pushes, the app over WSGI and ASGI."""

from __future__ import annotations

import asyncio
import base64
import threading
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from typing import Any
from urllib.parse import urlencode

import falcon.testing
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from sipgateio.webhook import WebhookApp, create_webhook_app

ADDRESS = "https://hooks.example.com/sipgate?x=1&y=2"
FORM = "application/x-www-form-urlencoded"

NEW_CALL = {
    "event": "newCall",
    "from": "492111234567",
    "to": "4915791234567",
    "direction": "in",
    "callId": "123456",
    "origCallId": "orig-1",
    "user[]": ["Alice", "Bob"],
    "userId[]": ["w0", "w1"],
    "fullUserId[]": ["1234567w0", "1234567w1"],
    "xcid": "xc-1",
}


def form(fields: dict[str, Any]) -> bytes:
    """A form body as sipgate sends it (array fields repeated)."""
    return urlencode(fields, doseq=True).encode()


@dataclass
class KeyPair:
    """A test RSA key pair; ``sign`` gives the X-Sipgate-Signature value for a body."""

    private: rsa.RSAPrivateKey
    public_pem: str

    def sign(self, body: bytes) -> str:
        signature = self.private.sign(body, padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(signature).decode()


@pytest.fixture(scope="session")
def keys() -> KeyPair:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return KeyPair(private, pem.decode())


@dataclass
class Pusher:
    """Posts pushes to one app, over WSGI or ASGI (``kind``), signed with the test key."""

    app: WebhookApp
    kind: str
    keys: KeyPair
    client: falcon.testing.TestClient = field(init=False)

    def __post_init__(self) -> None:
        self.client = falcon.testing.TestClient(
            self.app.wsgi if self.kind == "wsgi" else self.app.asgi
        )

    def post(
        self,
        fields: dict[str, Any] | bytes,
        *,
        sign: bool = True,
        headers: dict[str, str] | None = None,
        content_type: str | None = FORM,
        path: str = "/",
        remote_addr: str | None = None,
    ) -> falcon.testing.Result:
        body = fields if isinstance(fields, bytes) else form(fields)
        all_headers = {} if content_type is None else {"Content-Type": content_type}
        if sign:
            all_headers["X-Sipgate-Signature"] = self.keys.sign(body)
        all_headers.update(headers or {})
        return self.client.simulate_post(
            path, body=body, headers=all_headers, remote_addr=remote_addr
        )


@pytest.fixture(params=["wsgi", "asgi"])
def kind(request: pytest.FixtureRequest) -> str:
    """Each test using it runs over WSGI and over ASGI."""
    return str(request.param)


@pytest.fixture
def make(keys: KeyPair, kind: str) -> Iterator[Callable[..., Pusher]]:
    """``make(**options)``: an app signed with the test key (``create_webhook_app`` options)."""
    made: list[Pusher] = []

    def build(server_address: str | None = ADDRESS, **options: Any) -> Pusher:
        options.setdefault("public_key", keys.public_pem)
        options.setdefault("check_audio", False)
        made.append(Pusher(create_webhook_app(server_address, **options), kind, keys))
        return made[-1]

    yield build
    for pusher in made:
        pusher.app.close()


@pytest.fixture
def pusher(make: Callable[..., Pusher]) -> Pusher:
    return make()


def call_asgi(app: Any, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> int:
    """Call an ASGI app directly (headers as given, body in ``chunks``); the status it sends."""
    sent = iter(chunks)
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        chunk = next(sent, None)
        return {"type": "http.request", "body": chunk or b"", "more_body": chunk is not None}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/",
        "raw_path": b"/",
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 2),
    }
    asyncio.run(app(scope, receive, send))
    return statuses[0]


def call_wsgi(app: Any, body: bytes, **environ: Any) -> int:
    """Call a WSGI app directly with a form body and ``environ`` overrides; the status."""
    headers = {"Content-Type": FORM}
    env = falcon.testing.create_environ("/", method="POST", body=body, headers=headers)
    for key, value in environ.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    statuses: list[str] = []
    b"".join(app(env, lambda status, headers, exc_info=None: statuses.append(status)))
    return int(statuses[0].split()[0])


def wav_bytes(
    *, seconds: float = 0.1, rate: int = 8000, channels: int = 1, width: int = 2
) -> bytes:
    """A silent WAV file written by the ``wave`` module."""
    buf = BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(b"\0" * int(seconds * rate) * channels * width)
    return buf.getvalue()


class FileServer:
    """A local HTTP server on 127.0.0.1 serving ``files`` (path -> bytes), counting requests."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.requests: list[tuple[str, str | None]] = []  # (path, Range header)
        self.sent: dict[str, int] = {}  # path -> bytes written
        self.delay = 0.0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                outer.requests.append((self.path, self.headers.get("Range")))
                data = outer.files.get(self.path)
                if data is None:
                    self.send_error(404)
                    return
                if outer.delay:
                    threading.Event().wait(outer.delay)
                self.send_response(200)  # ignores Range on purpose: the client must stop reading
                self.send_header("Content-Type", "audio/wav")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                sent = 0
                try:
                    for start in range(0, len(data), 4096):
                        self.wfile.write(data[start : start + 4096])
                        self.wfile.flush()
                        sent += len(data[start : start + 4096])
                except OSError:
                    pass  # the client closed the connection: it has read enough
                outer.sent[self.path] = sent

            def log_message(self, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # clients that close early are the point of some tests

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def files() -> Iterator[FileServer]:
    server = FileServer()
    server.start()
    yield server
    server.stop()


class FakeRtcm:
    """Records RTCM calls; ``async_`` makes them return coroutines, as AsyncSipgateIO does."""

    def __init__(self, async_: bool = False) -> None:
        self.calls: list[tuple[str, str, dict[str, Any]]] = []
        self.async_ = async_
        self.done = threading.Event()

    def _record(self, name: str, call: str, **kwargs: Any) -> Any:
        def record() -> None:
            self.calls.append((name, call, kwargs))
            self.done.set()

        if not self.async_:
            return record()

        async def later() -> None:
            record()

        return later()

    def hang_up(self, call: str) -> Any:
        return self._record("hang_up", call)

    def transfer(self, call: str, *, attended: bool, phone_number: str) -> Any:
        return self._record("transfer", call, attended=attended, phone_number=phone_number)


class FakeClient:
    """Stands in for SipgateIO / AsyncSipgateIO: only ``client.rtcm`` is used."""

    def __init__(self, async_: bool = False) -> None:
        self.rtcm = FakeRtcm(async_)
