"""The embedded server's limits, tried with raw sockets: idle connections, slowloris,
too many connections, huge request lines and heads; kept-alive requests still work."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator
from typing import BinaryIO

import pytest

from sipgateio import ValidationError
from sipgateio.webhook import ServerLimits, WebhookResponse, WebhookServer

from .conftest import FORM, NEW_CALL, form

BODY = form(NEW_CALL)
REQUEST = (
    f"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nContent-Length: {len(BODY)}\r\n\r\n"
).encode() + BODY


def chunked_request() -> bytes:
    half = len(BODY) // 2
    chunks = b"".join(
        f"{len(part):x};ext=1\r\n".encode() + part + b"\r\n" for part in (BODY[:half], BODY[half:])
    )
    head = (
        f"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    return head.encode() + chunks + b"0\r\nX-Trailer: 1\r\n\r\n"


@pytest.fixture
def server() -> Iterator[WebhookServer]:
    limits = ServerLimits(
        max_connections=4, header_timeout=0.5, max_request_line=1024, max_header_size=4096
    )
    s = WebhookServer(port=0, hostname="127.0.0.1", skip_signature_verification=True, limits=limits)
    s.on_new_call(lambda event: WebhookResponse.hang_up_call())
    s.start()
    yield s
    s.stop()


def connect(server: WebhookServer) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    return sock


def read_answer(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except ConnectionResetError:
        pass
    return data


def read_one(stream: BinaryIO) -> bytes:
    """The head of one answer on a kept-alive connection (its body is read past)."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        line = stream.readline()
        assert line, "the server closed the connection"
        head += line
    length = next(
        int(line.split(b":")[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length")
    )
    stream.read(length)
    return head


def status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def served(server: WebhookServer) -> bool:
    with connect(server) as sock:
        sock.sendall(REQUEST.replace(b"HTTP/1.1\r\n", b"HTTP/1.1\r\nConnection: close\r\n", 1))
        return status(read_answer(sock)) == 200


def test_a_request_on_raw_sockets_is_served(server: WebhookServer) -> None:
    assert served(server)


def test_idle_connection_is_closed_before_a_request(server: WebhookServer) -> None:
    with connect(server) as sock:
        answer = read_answer(sock)  # nothing sent: the server ends it
    assert status(answer) == 408


def test_slowloris_is_closed_though_bytes_keep_coming(server: WebhookServer) -> None:
    sent = 0
    with connect(server) as sock:
        try:
            for byte in REQUEST[: REQUEST.index(b"\r\n\r\n")]:
                sock.sendall(bytes([byte]))
                sent += 1
                time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = read_answer(sock)
    assert status(answer) == 408
    assert sent < REQUEST.index(b"\r\n\r\n")
    assert served(server)


def test_many_idle_connections_cannot_lock_it_out(server: WebhookServer) -> None:
    idle = [connect(server) for _ in range(4)]
    try:
        time.sleep(0.1)  # let the server register them
        with connect(server) as extra:
            assert status(read_answer(extra)) == 503  # beyond max_connections: at once
        for sock in idle:  # the idle ones time out, freeing their places
            assert status(read_answer(sock)) == 408
    finally:
        for sock in idle:
            sock.close()
    assert served(server)


def test_huge_request_line(server: WebhookServer) -> None:
    with connect(server) as sock:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(b"POST /" + b"a" * 100_000 + b" HTTP/1.1\r\n")
        assert status(read_answer(sock)) == 414
    assert served(server)


def test_huge_headers(server: WebhookServer) -> None:
    with connect(server) as sock:
        try:
            sock.sendall(b"POST / HTTP/1.1\r\nHost: x\r\n")
            for _ in range(8 * 1024):  # 8 MB of headers
                sock.sendall(b"X-Filler: " + b"f" * 1000 + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        assert status(read_answer(sock)) == 431
    assert served(server)


def test_kept_alive_requests_with_bodies_are_followed(server: WebhookServer) -> None:
    with connect(server) as sock, sock.makefile("rb") as stream:
        for request in (REQUEST, chunked_request(), REQUEST, chunked_request()):
            sock.sendall(request)
            assert status(read_one(stream)) == 200
        # two requests in one write (pipelined)
        sock.sendall(REQUEST + chunked_request())
        assert status(read_one(stream)) == 200
        assert status(read_one(stream)) == 200
        # and a slow head on the kept-alive connection is cut off like the first
        sock.sendall(b"POST / HTTP/1.1\r\n")
        assert status(read_answer(sock)) == 408


def test_limits_are_checked() -> None:
    with pytest.raises(ValidationError, match="max_connections"):
        ServerLimits(max_connections=0)
    with pytest.raises(ValidationError, match="limits"):
        WebhookServer(limits={"max_connections": 3})  # type: ignore[arg-type]
