"""whole_response: what a transport's eagerly read answer is, as httpx.Response(content=...) is."""

from __future__ import annotations

import asyncio
import gzip
import json

import httpx
import pytest

from sipgateio._responses import WholeResponse, read_json, whole_response

JSON = json.dumps({"items": [{"id": "1001", "number": "+4921100000000"}], "totalCount": 1}).encode()
HTML = "<p>nicht da: ü</p>".encode("latin-1")
CASES = [  # status, headers, raw body, read without httpx's machinery
    (200, [(b"Content-Type", b"application/json"), (b"Content-Length", b"68")], JSON, True),
    (204, [(b"Date", b"Mon, 07 Dec 2026 22:00:00 GMT")], b"", True),
    (200, [("content-type", "text/csv; charset=utf-8")], "id;ä\n1;ö\n".encode(), True),  # no length
    (404, [(b"Content-Type", b"text/html; charset=iso-8859-1")], HTML, True),
    (200, [(b"Content-Encoding", b"identity")], b'{"a": 1}', True),
    (200, [(b"Content-Encoding", b"gzip")], gzip.compress(b'{"zipped": true}', mtime=0), False),
    (200, [(b"Content-Encoding", b"br-unknown")], b'{"b": 2}', False),
]  # fmt: skip


def chunks(response: httpx.Response, size: int | None) -> list[bytes]:
    return list(response.iter_bytes(size))


async def achunks(response: httpx.Response, size: int | None) -> list[bytes]:
    return [piece async for piece in response.aiter_bytes(size)]


@pytest.mark.parametrize(("status", "headers", "body", "whole"), CASES, ids=range(len(CASES)))
def test_a_whole_response_is_httpxs_response(
    status: int, headers: list[tuple[bytes, bytes]], body: bytes, whole: bool
) -> None:
    extensions = {"http_version": b"HTTP/1.1"}
    got = whole_response(status, headers, body, extensions)
    expected = httpx.Response(status, headers=headers, content=body, extensions=extensions)
    assert isinstance(got, WholeResponse) == whole
    assert got.status_code == expected.status_code
    assert (got.is_closed, got.is_stream_consumed) == (
        expected.is_closed,
        expected.is_stream_consumed,
    )
    assert got.headers.raw == expected.headers.raw
    assert got.http_version == expected.http_version
    assert got.content == expected.content == got.read() == expected.read()
    assert asyncio.run(got.aread()) == expected.content
    assert got.text == expected.text
    assert got.encoding == expected.encoding
    if expected.headers.get("content-type", "").endswith("json") or body.startswith(b"{"):
        assert read_json(got) == expected.json() == got.json()
    for size in (None, 1, 5, 10_000, None):  # again and again, as httpx's read response
        assert chunks(got, size) == chunks(expected, size)
        assert asyncio.run(achunks(got, size)) == asyncio.run(achunks(expected, size))
    assert list(got.iter_text()) == list(expected.iter_text())
    assert list(got.iter_lines()) == list(expected.iter_lines())
    got.close()
    assert got.is_closed
    got.request = request = httpx.Request("GET", "https://api.sipgate.com/v2/numbers")
    assert got.request is request
    assert got.is_error == expected.is_error
