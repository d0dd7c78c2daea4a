"""The library's own httpx transports over real sockets (pyreqwest's async and sync, aiohttp's):
what they send, what they hand back, and which httpx error each failure becomes (the retry
policy decides by that type). Every test runs against each of them."""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from sipgateio import _http
from sipgateio._aiohttp import AiohttpTransport
from sipgateio._pyreqwest import AsyncPyreqwestTransport, PyreqwestTransport
from tests.apistub import APIStub
from tests.conftest import Flavour

Script = Callable[[asyncio.StreamReader, asyncio.StreamWriter, bytes], Awaitable[None]]


class Server:
    """An HTTP/1.1 server on 127.0.0.1 that keeps connections open and runs ``script``."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.connections = 0
        self.requests: list[bytes] = []
        self.url = ""

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                request = head + (await reader.readexactly(length) if length else b"")
                self.requests.append(request)
                await self.script(reader, writer, request)
                if writer.is_closing():
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@asynccontextmanager
async def serving(script: Script) -> AsyncIterator[Server]:
    server = Server(script)
    listener = await asyncio.start_server(server._serve, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    server.url = f"http://127.0.0.1:{port}"
    try:
        yield server
    finally:
        listener.close()
        await listener.wait_closed()


def answer(body: bytes, status: int = 200, headers: str = "Content-Type: application/json\r\n"):
    async def script(_: asyncio.StreamReader, writer: asyncio.StreamWriter, __: bytes) -> None:
        writer.write(
            f"HTTP/1.1 {status} X\r\n{headers}Content-Length: {len(body)}\r\n\r\n".encode() + body
        )
        await writer.drain()

    return script


class InThread(httpx.AsyncBaseTransport):
    """A sync transport driven from the test's event loop: each call runs in a thread, so
    the asyncio test server keeps serving. Bodies come back read (or as chunks read in the
    thread), since a sync stream cannot be read from async code."""

    def __init__(self, sync: httpx.BaseTransport) -> None:
        self.sync = sync

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        def send() -> httpx.Response:
            response = self.sync.handle_request(request)
            try:
                if response.is_stream_consumed:  # read at once: hand on what it holds
                    headers = [
                        (k, v) for k, v in response.headers.items() if k != "content-encoding"
                    ]
                    return httpx.Response(
                        response.status_code, headers=headers, content=response.content
                    )
                chunks = list(response.iter_raw())
            except httpx.TransportError as exc:
                failure = exc

                async def fail() -> AsyncIterator[bytes]:
                    raise failure
                    yield b""

                return httpx.Response(
                    response.status_code, headers=response.headers, stream=Stream(fail)
                )
            finally:
                response.close()

            async def replay() -> AsyncIterator[bytes]:
                for chunk in chunks:
                    yield chunk

            return httpx.Response(
                response.status_code, headers=response.headers, stream=Stream(replay)
            )

        return await asyncio.to_thread(send)

    async def aclose(self) -> None:
        await asyncio.to_thread(self.sync.close)


class Stream(httpx.AsyncByteStream):
    def __init__(self, chunks: Callable[[], AsyncIterator[bytes]]) -> None:
        self.chunks = chunks

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self.chunks()


def _no_fallback() -> Any:
    raise AssertionError("pyreqwest fell back to another transport")


KINDS = ["pyreqwest", "pyreqwest-sync", "aiohttp"]


def make(kind: str, limits: httpx.Limits | None = None) -> httpx.AsyncBaseTransport:
    """A transport of ``kind``, driven from async code."""
    if kind == "pyreqwest":
        return AsyncPyreqwestTransport(limits=limits, fallback=_no_fallback)
    if kind == "pyreqwest-sync":
        return InThread(PyreqwestTransport(limits=limits, fallback=_no_fallback))
    return AiohttpTransport(limits=limits)


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def held(release: asyncio.Event) -> Script:
    """Answers ``{}`` once ``release`` is set."""

    async def script(r: asyncio.StreamReader, w: asyncio.StreamWriter, req: bytes) -> None:
        await release.wait()
        await answer(b"{}")(r, w, req)

    return script


@pytest.fixture
async def transport(kind: str) -> AsyncIterator[httpx.AsyncBaseTransport]:
    t = make(kind, httpx.Limits(max_connections=4))
    yield t
    await t.aclose()


async def test_sends_exactly_the_httpx_request_and_returns_the_answer(
    transport: httpx.AsyncBaseTransport,
) -> None:
    async with serving(
        answer(b'{"ok": true}', headers="Content-Type: application/json\r\nX-A: 1\r\n")
    ) as s:
        request = httpx.Request(
            "POST",
            f"{s.url}/v2/sessions/sms?x=1",
            headers={"Authorization": "Bearer t", "X-Sipgate-Client": "me", "User-Agent": "ua/1"},
            json={"smsId": "s0", "message": "hi"},
        )
        response = await transport.handle_async_request(request)
        await response.aread()
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert response.headers["x-a"] == "1"
    head, _, body = s.requests[0].partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    assert lines[0] == "POST /v2/sessions/sms?x=1 HTTP/1.1"
    sent = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    assert sent["authorization"] == "Bearer t"
    assert sent["x-sipgate-client"] == "me"
    assert sent["content-type"] == "application/json"
    assert sent["user-agent"] == "ua/1"  # the request's, once
    assert head.decode().lower().count("user-agent") == 1
    assert "accept-encoding" not in sent  # none of the transport's own: httpx decodes
    assert json.loads(body) == {"smsId": "s0", "message": "hi"}


async def test_keeps_connections_alive(transport: httpx.AsyncBaseTransport) -> None:
    async with serving(answer(b"{}")) as s:
        for _ in range(5):
            response = await transport.handle_async_request(httpx.Request("GET", s.url + "/"))
            await response.aread()
            await response.aclose()
    assert len(s.requests) == 5
    assert s.connections == 1


async def test_the_pool_is_bounded_by_max_connections(kind: str) -> None:
    release = asyncio.Event()
    slow = held(release)
    t = make(kind, httpx.Limits(max_connections=2))
    async with serving(slow) as s:

        async def one() -> int:
            response = await t.handle_async_request(httpx.Request("GET", s.url + "/"))
            await response.aread()
            return response.status_code

        tasks = [asyncio.create_task(one()) for _ in range(6)]
        while len(s.requests) < 2:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        assert s.connections == 2 and len(s.requests) == 2
        release.set()
        assert await asyncio.gather(*tasks) == [200] * 6
    await t.aclose()
    assert s.connections == 2


@pytest.mark.parametrize("accept", ["application/json", "*/*"])  # read whole / streamed
@pytest.mark.parametrize("size", [10, 3 * 1024 * 1024])
async def test_gzip_bodies_are_decoded_by_httpx(
    transport: httpx.AsyncBaseTransport, accept: str, size: int
) -> None:
    items = [{"id": i, "number": "+4921100000000"} for i in range(size // 40)]
    packed = gzip.compress(json.dumps({"items": items}).encode())
    headers = "Content-Type: application/json\r\nContent-Encoding: gzip\r\n"
    async with serving(answer(packed, headers=headers)) as s:
        request = httpx.Request("GET", s.url + "/", headers={"Accept": accept})
        response = await transport.handle_async_request(request)
        await response.aread()
    assert response.json() == {"items": items}


async def test_a_refused_connection_is_a_connect_error(transport: httpx.AsyncBaseTransport) -> None:
    async with serving(answer(b"{}")) as s:
        url = s.url
    with pytest.raises(httpx.ConnectError):  # nothing was sent: safe to retry, even a POST
        await transport.handle_async_request(httpx.Request("POST", url + "/", content=b"x"))


async def test_a_connection_closed_without_answer_is_not_a_connect_error(
    transport: httpx.AsyncBaseTransport,
) -> None:
    async def hang_up(_: asyncio.StreamReader, writer: asyncio.StreamWriter, __: bytes) -> None:
        writer.close()

    async with serving(hang_up) as s:
        with pytest.raises(httpx.TransportError) as caught:
            await transport.handle_async_request(httpx.Request("POST", s.url + "/", content=b"x"))
    # The server may have acted on the request: this must never look like "not sent".
    assert not isinstance(caught.value, (httpx.ConnectError, httpx.ConnectTimeout))
    assert isinstance(caught.value, httpx.RemoteProtocolError)


@pytest.mark.parametrize("accept", ["application/json", "*/*"])  # read whole / streamed
@pytest.mark.parametrize("announced", [100, 4 * 1024 * 1024])
async def test_a_body_cut_short_is_a_read_failure(
    transport: httpx.AsyncBaseTransport, announced: int, accept: str
) -> None:
    async def cut(_: asyncio.StreamReader, writer: asyncio.StreamWriter, __: bytes) -> None:
        writer.write(b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n{"items"' % announced)
        await writer.drain()
        writer.close()

    async with serving(cut) as s:
        with pytest.raises(httpx.RemoteProtocolError):
            request = httpx.Request("GET", s.url + "/", headers={"Accept": accept})
            response = await transport.handle_async_request(request)
            await response.aread()


@pytest.mark.parametrize("sync", [False, True])
async def test_an_answer_without_body_is_read_at_once(sync: bool) -> None:
    """pyreqwest: a 204 (Node's servers send it without Content-Length) or an answer to
    HEAD comes back whole (no stream to read), and the connection is used again."""
    from sipgateio._responses import WholeResponse

    async def no_content(_: asyncio.StreamReader, writer: asyncio.StreamWriter, req: bytes) -> None:
        if req.startswith(b"HEAD"):
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n")
        else:
            writer.write(b"HTTP/1.1 204 No Content\r\nX-Seen: 1\r\n\r\n")
        await writer.drain()

    if sync:
        t = PyreqwestTransport(fallback=_no_fallback)
        send = lambda r: asyncio.to_thread(t.handle_request, r)  # noqa: E731
    else:
        a = AsyncPyreqwestTransport(fallback=_no_fallback)
        send = a.handle_async_request
    async with serving(no_content) as s:
        for method in ("POST", "HEAD", "DELETE"):
            response = await send(httpx.Request(method, s.url + "/", content=b"x"))
            assert isinstance(response, WholeResponse), method
            assert response.content == b""
        assert response.status_code == 204 and response.headers["x-seen"] == "1"
    assert s.connections == 1
    await asyncio.to_thread(t.close) if sync else await a.aclose()


async def test_a_large_body_is_streamed(transport: httpx.AsyncBaseTransport) -> None:
    body = b"x" * (3 * 1024 * 1024)
    async with serving(answer(body, headers="Content-Type: application/pdf\r\n")) as s:
        response = await transport.handle_async_request(httpx.Request("GET", s.url + "/"))
        chunks = [chunk async for chunk in response.aiter_raw()]
    assert b"".join(chunks) == body
    assert len(chunks) > 1


async def test_a_slow_answer_is_a_read_timeout(transport: httpx.AsyncBaseTransport) -> None:
    stop = asyncio.Event()

    async def stall(_: asyncio.StreamReader, __: asyncio.StreamWriter, ___: bytes) -> None:
        await stop.wait()

    async with serving(stall) as s:
        request = httpx.Request(
            "GET", s.url + "/", extensions={"timeout": httpx.Timeout(5.0, read=0.2).as_dict()}
        )
        with pytest.raises(httpx.ReadTimeout):
            await transport.handle_async_request(request)
        stop.set()


async def test_a_scheme_other_than_http_is_refused(transport: httpx.AsyncBaseTransport) -> None:
    with pytest.raises(httpx.UnsupportedProtocol):
        await transport.handle_async_request(httpx.Request("GET", "ftp://127.0.0.1/"))


def test_one_transport_serves_one_event_loop_after_another(kind: str) -> None:
    """A client kept across asyncio.run() calls works in each new loop."""
    t = make(kind)

    async def once() -> int:
        async with serving(answer(b"{}")) as s:
            response = await t.handle_async_request(httpx.Request("GET", s.url + "/"))
            await response.aread()
            return response.status_code

    assert asyncio.run(once()) == 200
    assert asyncio.run(once()) == 200
    asyncio.run(t.aclose())


async def test_a_pool_wait_that_times_out_counts_as_not_sent(kind: str) -> None:
    release = asyncio.Event()
    slow = held(release)
    t = make(kind, httpx.Limits(max_connections=1))
    timeout = {"timeout": httpx.Timeout(5.0, pool=0.2).as_dict()}
    async with serving(slow) as s:
        first = asyncio.create_task(
            t.handle_async_request(httpx.Request("GET", s.url + "/", extensions=timeout))
        )
        while not s.requests:
            await asyncio.sleep(0.01)
        with pytest.raises((httpx.PoolTimeout, httpx.ConnectTimeout)):  # safe to send again
            await t.handle_async_request(
                httpx.Request("POST", s.url + "/", content=b"x", extensions=timeout)
            )
        release.set()
        response = await first
        await response.aread()
    await t.aclose()
    assert len(s.requests) == 1  # the POST never left


async def test_many_requests_in_flight_each_get_their_own_answer(kind: str) -> None:
    async def echo(_: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> None:
        path = request.split(b" ", 2)[1]
        await asyncio.sleep(0.001 * (len(path) % 5))  # answers come back out of order
        await answer(b'{"path": "%s"}' % path)(_, writer, request)

    t = make(kind, httpx.Limits(max_connections=32))
    async with serving(echo) as s:

        async def one(i: int) -> str:
            response = await t.handle_async_request(httpx.Request("GET", f"{s.url}/n/{i}"))
            await response.aread()
            return str(response.json()["path"])

        paths = await asyncio.gather(*(one(i) for i in range(300)))
    await t.aclose()
    assert paths == [f"/n/{i}" for i in range(300)]
    assert s.connections <= 32


async def test_a_streamed_request_body_is_sent_whole(transport: httpx.AsyncBaseTransport) -> None:
    async with serving(answer(b"{}")) as s:
        request = httpx.Request(
            "POST", s.url + "/fax", files={"file": ("fax.pdf", b"%PDF-1.4 x", "application/pdf")}
        )
        response = await transport.handle_async_request(request)
        await response.aread()
    head, _, body = s.requests[0].partition(b"\r\n\r\n")
    assert b"multipart/form-data; boundary=" in head
    assert b'filename="fax.pdf"' in body and b"%PDF-1.4 x" in body


NUMBERS = {"items": [{"id": "1001", "number": "+4921100000000", "type": "LANDLINE"}]}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork() is POSIX")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # fork() with threads running
def test_a_client_used_before_fork_works_in_the_child(flavour: Flavour, api: APIStub) -> None:
    """pyreqwest's runtime does not survive fork(): the child sends through the fallback."""
    api.reply("GET", "/v2/numbers", json=NUMBERS)
    client = flavour.client()

    def numbers() -> list[str]:
        if flavour.name == "sync":
            return [n.number for n in client.numbers.get_all_numbers()]

        async def go() -> list[str]:
            return [n.number for n in await client.numbers.get_all_numbers()]

        return asyncio.run(go())

    assert numbers() == ["+4921100000000"]  # the parent's pool (and runtime) is running
    pid = os.fork()
    if pid == 0:  # the child: report by exit status, never return into pytest
        code = 1
        try:
            code = 0 if numbers() == ["+4921100000000"] else 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert numbers() == ["+4921100000000"]  # and the parent's still works
    assert len(api.sent("GET", "/v2/numbers")) == 3
    if flavour.name == "sync":
        client.close()
    else:
        asyncio.run(client.aclose())


def test_the_own_pools_and_their_fallbacks(
    flavour: Flavour, api: APIStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pyreqwest carries SipgateIO's own pool, aiohttp AsyncSipgateIO's; else httpx's do."""
    assert isinstance(_http._sync_pool(api.url), PyreqwestTransport)
    assert isinstance(_http._async_pool(api.url), AiohttpTransport)
    api.reply("GET", "/v2/numbers", json=NUMBERS)
    assert [n.number for n in flavour.run(lambda c: c.numbers.get_all_numbers())] == [
        "+4921100000000"
    ]
    monkeypatch.setitem(sys.modules, "sipgateio._pyreqwest", None)  # as if not installed
    monkeypatch.setitem(sys.modules, "sipgateio._aiohttp", None)
    assert isinstance(_http._sync_pool(api.url), httpx.HTTPTransport)
    assert isinstance(_http._async_pool(api.url), httpx.AsyncHTTPTransport)
    assert len(flavour.run(lambda c: c.numbers.get_all_numbers())) == 1
    assert len(api.sent("GET", "/v2/numbers")) == 2
