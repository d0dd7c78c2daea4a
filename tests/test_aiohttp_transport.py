"""The aiohttp-backed httpx transport over real sockets: what it sends, what it hands back,
and which httpx error each failure becomes (the retry policy decides by that type)."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from sipgateio._aiohttp import AiohttpTransport

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


@pytest.fixture
async def transport() -> AsyncIterator[AiohttpTransport]:
    t = AiohttpTransport(limits=httpx.Limits(max_connections=4))
    yield t
    await t.aclose()


async def test_sends_exactly_the_httpx_request_and_returns_the_answer(
    transport: AiohttpTransport,
) -> None:
    async with serving(
        answer(b'{"ok": true}', headers="Content-Type: application/json\r\nX-A: 1\r\n")
    ) as s:
        request = httpx.Request(
            "POST",
            f"{s.url}/v2/sessions/sms?x=1",
            headers={"Authorization": "Bearer t", "X-Sipgate-Client": "me"},
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
    assert "user-agent" not in sent  # aiohttp adds none of its own
    assert json.loads(body) == {"smsId": "s0", "message": "hi"}


async def test_keeps_connections_alive(transport: AiohttpTransport) -> None:
    async with serving(answer(b"{}")) as s:
        for _ in range(5):
            response = await transport.handle_async_request(httpx.Request("GET", s.url + "/"))
            await response.aread()
            await response.aclose()
    assert len(s.requests) == 5
    assert s.connections == 1


async def test_the_pool_is_bounded_by_max_connections() -> None:
    release = asyncio.Event()

    async def slow(r: asyncio.StreamReader, w: asyncio.StreamWriter, req: bytes) -> None:
        await release.wait()
        await answer(b"{}")(r, w, req)

    t = AiohttpTransport(limits=httpx.Limits(max_connections=2))
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


async def test_gzip_bodies_are_decoded_by_httpx(transport: AiohttpTransport) -> None:
    packed = gzip.compress(b'{"items": []}')
    headers = "Content-Type: application/json\r\nContent-Encoding: gzip\r\n"
    async with serving(answer(packed, headers=headers)) as s:
        response = await transport.handle_async_request(httpx.Request("GET", s.url + "/"))
        await response.aread()
    assert response.json() == {"items": []}


async def test_a_refused_connection_is_a_connect_error(transport: AiohttpTransport) -> None:
    async with serving(answer(b"{}")) as s:
        url = s.url
    with pytest.raises(httpx.ConnectError):  # nothing was sent: safe to retry, even a POST
        await transport.handle_async_request(httpx.Request("POST", url + "/", content=b"x"))


async def test_a_connection_closed_without_answer_is_not_a_connect_error(
    transport: AiohttpTransport,
) -> None:
    async def hang_up(_: asyncio.StreamReader, writer: asyncio.StreamWriter, __: bytes) -> None:
        writer.close()

    async with serving(hang_up) as s:
        with pytest.raises(httpx.TransportError) as caught:
            await transport.handle_async_request(httpx.Request("POST", s.url + "/", content=b"x"))
    # The server may have acted on the request: this must never look like "not sent".
    assert not isinstance(caught.value, (httpx.ConnectError, httpx.ConnectTimeout))
    assert isinstance(caught.value, httpx.RemoteProtocolError)


@pytest.mark.parametrize("announced", [100, 4 * 1024 * 1024])  # read at once / streamed
async def test_a_body_cut_short_is_a_read_failure(
    transport: AiohttpTransport, announced: int
) -> None:
    async def cut(_: asyncio.StreamReader, writer: asyncio.StreamWriter, __: bytes) -> None:
        writer.write(b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n{"items"' % announced)
        await writer.drain()
        writer.close()

    async with serving(cut) as s:
        with pytest.raises(httpx.RemoteProtocolError):
            response = await transport.handle_async_request(httpx.Request("GET", s.url + "/"))
            await response.aread()


async def test_a_large_body_is_streamed(transport: AiohttpTransport) -> None:
    body = b"x" * (3 * 1024 * 1024)
    async with serving(answer(body, headers="Content-Type: application/pdf\r\n")) as s:
        response = await transport.handle_async_request(httpx.Request("GET", s.url + "/"))
        chunks = [chunk async for chunk in response.aiter_raw()]
    assert b"".join(chunks) == body
    assert len(chunks) > 1


async def test_a_slow_answer_is_a_read_timeout(transport: AiohttpTransport) -> None:
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


async def test_a_scheme_other_than_http_is_refused(transport: AiohttpTransport) -> None:
    with pytest.raises(httpx.UnsupportedProtocol):
        await transport.handle_async_request(httpx.Request("GET", "ftp://127.0.0.1/"))


def test_one_transport_serves_one_event_loop_after_another() -> None:
    """A client kept across asyncio.run() calls gets a session in each new loop."""
    t = AiohttpTransport()

    async def once() -> int:
        async with serving(answer(b"{}")) as s:
            response = await t.handle_async_request(httpx.Request("GET", s.url + "/"))
            await response.aread()
            return response.status_code

    assert asyncio.run(once()) == 200
    assert asyncio.run(once()) == 200
    asyncio.run(t.aclose())
