"""A webhook server in one line: the app on an embedded production server (uvicorn).

:class:`WebhookServer` serves a :class:`~sipgateio.webhook.WebhookApp` over ASGI with
uvicorn (uvloop and httptools where installed), in one process with one event loop:
:meth:`~WebhookServer.start` in a background thread, or :meth:`~WebhookServer.serve_forever`
in the calling one. uvicorn was chosen by measurement: it needs the least CPU per push of
the servers that can run inside the calling process (waitress and cheroot take about
three times as much; granian is faster still but runs its workers in child processes).

To scale out, serve ``app.wsgi`` or ``app.asgi`` with several workers under granian,
gunicorn or uvicorn (see the README); the embedded server is the one-process default.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Self, TypeVar, Unpack

from ..errors import SipgateIOError, ValidationError
from .app import AppOptions, WebhookApp
from .limits import ServerLimits, guarded_protocol

if TYPE_CHECKING:
    import uvicorn

__all__ = ["UVICORN_SETTINGS", "FluentWebhookServer", "ServerLimits", "WebhookServer"]

H = TypeVar("H", bound=Callable[..., Any])

UVICORN_SETTINGS: dict[str, Any] = {
    "lifespan": "off",
    "log_config": None,  # leave the application's logging configuration alone
    "log_level": "warning",
    "access_log": False,
    "proxy_headers": False,  # the app's origin check decides whom to believe
    "server_header": False,
    "timeout_keep_alive": 30,
}
"""How the embedded server runs uvicorn (uvloop and httptools are picked when installed)."""


_MISSING_EXTRA = (
    "the embedded webhook server needs uvicorn: install it with "
    "pip install 'sipgateio[server]' (or serve app.asgi / app.wsgi with a server of your choice)"
)


def _uvicorn_server(app: Any, listening: threading.Event, limits: ServerLimits) -> uvicorn.Server:
    try:
        import uvicorn
    except ImportError as exc:
        raise SipgateIOError(_MISSING_EXTRA) from exc

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            if self.started:
                listening.set()

    # uvicorn answers 503 from limit_concurrency connections on; the guard refuses more
    # than max_connections before that, so the connections it lets in are all served.
    config = uvicorn.Config(app, **UVICORN_SETTINGS, limit_concurrency=limits.max_connections + 1)
    config.load()  # picks the HTTP protocol (httptools where installed), then guard it
    config.http_protocol_class = guarded_protocol(config.http_protocol_class, limits)
    return Server(config)


def _bind(hostname: str, port: int) -> socket.socket:
    host = hostname or "0.0.0.0"  # an empty hostname: every interface
    family, _, _, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    return socket.create_server(address[:2], family=family, backlog=2048)


class WebhookServer:
    """The webhook app on an embedded server. Register handlers, then start it.

    ``server_address`` is the public URL sipgate reaches the server at (the answers name
    it for follow-up events); ``hostname`` the interface to listen on (``"localhost"``
    by default: put a TLS-terminating proxy in front, or pass ``"0.0.0.0"``). Further
    keyword arguments are those of :func:`~sipgateio.webhook.create_webhook_app`.
    ``port=0`` picks a free port; :attr:`port` tells which once started.

    ``limits`` (:class:`~sipgateio.webhook.ServerLimits`) bounds what clients may do: at
    most 256 open connections (503 beyond), 10 s to send a request's head (408 after: idle
    connections and slowloris clients are closed), 8 KiB of request line (414) and 16 KiB
    of head (431). Needs the ``server`` extra (``pip install 'sipgateio[server]'``).
    """

    def __init__(
        self,
        port: int = 8080,
        server_address: str | None = None,
        hostname: str = "localhost",
        skip_signature_verification: bool = False,
        *,
        limits: ServerLimits | None = None,
        **options: Unpack[AppOptions],
    ) -> None:
        if limits is not None and not isinstance(limits, ServerLimits):
            raise ValidationError(
                f"limits must be a ServerLimits or None, got {limits!r}", field="limits"
            )
        self.limits = limits or ServerLimits()
        self.app = WebhookApp(
            server_address, skip_signature_verification=skip_signature_verification, **options
        )
        self.port = port
        self.hostname = hostname
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()
        """Set while the server accepts connections."""
        self._stopped = threading.Event()

    def on_new_call(self, handler: H) -> H:
        """Register the handler of new calls (see :meth:`WebhookApp.on_new_call`)."""
        return self.app.on_new_call(handler)

    def on_answer(self, handler: H) -> H:
        """Register the handler of answered calls (see :meth:`WebhookApp.on_answer`)."""
        return self.app.on_answer(handler)

    def on_hangup(self, handler: H) -> H:
        """Register the handler of ended calls (see :meth:`WebhookApp.on_hangup`)."""
        return self.app.on_hangup(handler)

    def on_data(self, handler: H) -> H:
        """Register the handler of gathered DTMF digits (see :meth:`WebhookApp.on_data`)."""
        return self.app.on_data(handler)

    @property
    def url(self) -> str:
        """The local URL the server listens at."""
        host = self.hostname or "0.0.0.0"
        return f"http://{f'[{host}]' if ':' in host else host}:{self.port}/"

    def _prepare(self) -> tuple[uvicorn.Server, socket.socket]:
        if self._server is not None:
            raise SipgateIOError("the webhook server is already running")
        server = _uvicorn_server(self.app.asgi, self.listening, self.limits)
        sock = _bind(self.hostname, self.port)
        self.port = sock.getsockname()[1]
        self.listening.clear()
        self._stopped.clear()
        self._server = server
        return server, sock

    def _run(self, server: uvicorn.Server, sock: socket.socket) -> None:
        try:
            server.run(sockets=[sock])
        finally:
            sock.close()
            self.app.close()
            self.listening.clear()
            self._server = None
            self._stopped.set()

    def start(self, timeout: float = 10.0) -> None:
        """Serve in a background (daemon) thread; return once the server listens.

        Raises ``OSError`` when the port cannot be bound. Keep the main thread alive (or
        use :meth:`serve_forever`): the process ends with it.
        """
        server, sock = self._prepare()
        self._thread = threading.Thread(
            target=self._run, args=(server, sock), name="sipgateio-webhook", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.listening.wait(0.01):
            if self._stopped.is_set() or time.monotonic() > deadline:
                self.stop()
                raise SipgateIOError("the webhook server did not start")

    def serve_forever(self) -> None:
        """Serve in this thread until :meth:`stop` (from another thread) or SIGINT/SIGTERM."""
        server, sock = self._prepare()
        self._thread = threading.current_thread()
        self._run(server, sock)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving: finish the requests in progress, close the socket, end the thread."""
        server = self._server
        if server is not None:
            server.should_exit = True
            if self._thread is not threading.current_thread():
                self._stopped.wait(timeout)
        self._thread = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


class FluentWebhookServer:
    """Builds and starts a :class:`WebhookServer` by chained calls, as in the Node.js library.

    ::

        server = (
            FluentWebhookServer()
            .set_server_port(8080)
            .set_server_address("https://example.com/webhook")
            .set_on_new_call_listener(route)
            .start_server()
        )
    """

    def __init__(self) -> None:
        self._port = 8080
        self._server_address: str | None = None
        self._hostname = "localhost"
        self._skip_signature_verification = False
        self._handlers: list[tuple[str, Callable[..., Any]]] = []

    def set_server_port(self, port: int) -> Self:
        """The port to listen on."""
        self._port = port
        return self

    def set_server_address(self, server_address: str) -> Self:
        """The public URL sipgate reaches the server at."""
        self._server_address = server_address
        return self

    def set_hostname(self, hostname: str) -> Self:
        """The interface to listen on (``"localhost"`` by default)."""
        self._hostname = hostname
        return self

    def set_skip_signature_verification(self, skip: bool = True) -> Self:
        """Accept unsigned pushes (tests, local experiments)."""
        self._skip_signature_verification = skip
        return self

    def set_on_new_call_listener(self, handler: Callable[..., Any]) -> Self:
        """The handler of new calls."""
        self._handlers.append(("on_new_call", handler))
        return self

    def set_on_answer_listener(self, handler: Callable[..., Any]) -> Self:
        """The handler of answered calls."""
        self._handlers.append(("on_answer", handler))
        return self

    def set_on_hangup_listener(self, handler: Callable[..., Any]) -> Self:
        """The handler of ended calls."""
        self._handlers.append(("on_hangup", handler))
        return self

    def set_on_data_listener(self, handler: Callable[..., Any]) -> Self:
        """The handler of gathered DTMF digits."""
        self._handlers.append(("on_data", handler))
        return self

    def build(self) -> WebhookServer:
        """The configured server, not yet started."""
        server = WebhookServer(
            self._port,
            self._server_address,
            self._hostname,
            self._skip_signature_verification,
        )
        for method, handler in self._handlers:
            getattr(server, method)(handler)
        return server

    def start_server(self) -> WebhookServer:
        """Build the server and start it in a background thread; return it (``.stop()`` ends it)."""
        server = self.build()
        server.start()
        return server
