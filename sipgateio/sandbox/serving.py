"""A WSGI app on the standard library's threading HTTP server, in a background thread.

The sandbox serves its API this way, and the demo and the tests serve a webhook app
(``create_webhook_app(...).wsgi``) beside it: no server dependency, ready in
milliseconds, one thread per request (so an app may call the other one back).
"""

from __future__ import annotations

import threading
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

if TYPE_CHECKING:
    from collections.abc import Iterable
    from types import TracebackType
    from typing import Self
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

__all__ = ["BackgroundServer"]


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    # the library's bulk work opens many connections at once; socketserver's backlog is 5
    request_queue_size = 256


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing: no access log."""


class BackgroundServer:
    """Serve ``app`` on ``host:port`` (0: a free port) from a daemon thread.

    :meth:`start` returns once the port is bound; :attr:`url` is then
    ``http://host:port``. Use it as a context manager or call :meth:`stop`.

    ``app`` may be set after :meth:`start` (until then requests get 503): a webhook app
    needs its own URL, which is known only once the port is bound::

        server = BackgroundServer().start()
        hook = create_webhook_app(server.url + "/")
        server.app = hook.wsgi
    """

    def __init__(
        self, app: WSGIApplication | None = None, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.app = app
        self.host = host
        self.port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        """Whether it is serving."""
        return self._server is not None

    @property
    def url(self) -> str:
        """``http://host:port`` (the port is known once started)."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> Self:
        """Bind and start serving in the background."""
        if self._server is None:
            self._server = make_server(
                self.host, self.port, self._dispatch, server_class=_Server,
                handler_class=_QuietHandler,
            )  # fmt: skip
            self.port = self._server.server_address[1]
            self._thread = threading.Thread(
                target=self._server.serve_forever, name=f"wsgi-{self.port}", daemon=True
            )
            self._thread.start()
        return self

    def _dispatch(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        app = self.app
        if app is None:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"no app is being served yet"]
        return app(environ, start_response)

    def stop(self) -> None:
        """Stop serving and release the port."""
        with self._lock:
            server, self._server = self._server, None
            thread, self._thread = self._thread, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def wait(self) -> None:
        """Block until the server stops (or Ctrl+C)."""
        thread = self._thread
        while thread is not None and thread.is_alive():
            thread.join(0.5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
