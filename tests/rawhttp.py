"""A raw-socket HTTP/1.1 server for answers no framework sends: bodies cut short, resets,
stalls, wrong encodings. Each connection takes the next scripted behaviour.

    with RawServer([truncated(b'{"items": []}'), full(json_body)]) as server:
        ... base_url=server.url ...
    assert server.requests == 2
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
from collections.abc import Callable
from typing import Any

Behaviour = Callable[[socket.socket, bytes], None]


def _head(status: int, length: int, extra: str = "") -> bytes:
    return (
        f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n"
        f"Connection: close\r\n{extra}\r\n"
    ).encode()


def full(body: Any, status: int = 200, extra: str = "") -> Behaviour:
    """A complete answer."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()

    def act(conn: socket.socket, _: bytes) -> None:
        conn.sendall(_head(status, len(data), extra) + data)

    return act


def truncated(body: Any) -> Behaviour:
    """Headers announcing the whole body, half of it, then a clean close (FIN)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()

    def act(conn: socket.socket, _: bytes) -> None:
        conn.sendall(_head(200, len(data)) + data[: len(data) // 2])

    return act


def reset(body: Any) -> Behaviour:
    """Headers and half the body, then a connection reset (RST)."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()

    def act(conn: socket.socket, _: bytes) -> None:
        conn.sendall(_head(200, len(data)) + data[: len(data) // 2])
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    return act


class RawServer:
    """Serves each accepted connection with the next behaviour (the last one repeats)."""

    def __init__(self, behaviours: list[Behaviour]) -> None:
        self.behaviours = behaviours
        self.requests: list[bytes] = []
        self.release = threading.Event()  # stalled answers end when this is set
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/v2"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._workers: list[threading.Thread] = []

    def stalled(self, body: Any) -> Behaviour:
        """Headers and half the body, then nothing until the test ends (a read timeout)."""
        data = body if isinstance(body, bytes) else json.dumps(body).encode()

        def act(conn: socket.socket, _: bytes) -> None:
            conn.sendall(_head(200, len(data)) + data[: len(data) // 2])
            self.release.wait(30)

        return act

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            request = self._read_request(conn)
            if not request:
                conn.close()
                continue
            index = len(self.requests)
            self.requests.append(request)
            behaviour = self.behaviours[min(index, len(self.behaviours) - 1)]
            worker = threading.Thread(target=self._answer, args=(conn, behaviour, request))
            self._workers.append(worker)
            worker.start()

    @staticmethod
    def _answer(conn: socket.socket, behaviour: Behaviour, request: bytes) -> None:
        with conn, contextlib.suppress(OSError):
            behaviour(conn, request)

    @staticmethod
    def _read_request(conn: socket.socket) -> bytes:
        conn.settimeout(5)
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return data
                data += chunk
            head, _, rest = data.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(rest) < length:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                rest += chunk
        except OSError:
            return data
        return head + b"\r\n\r\n" + rest

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.release.set()
        self._stop.set()
        self._thread.join(10)
        for worker in self._workers:
            worker.join(10)
        self._sock.close()
