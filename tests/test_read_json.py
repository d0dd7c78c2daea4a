"""read_json: the generated parsers' JSON reading (orjson) gives what response.json() gives."""

from __future__ import annotations

import json

import httpx
import pytest

from sipgateio._responses import read_json

BODIES = [
    b'{"items": [{"id": "1001", "number": "+4921100000000"}], "totalCount": 1}',
    b'{"a": 1, "a": 2}',  # a repeated key: the last one counts
    b'{"big": 123456789012345678901234567890}',  # beyond 64 bits
    b'{"big": -9223372036854775809, "u": 18446744073709551616}',  # just beyond
    b'{"fits": 9223372036854775807, "neg": -9223372036854775808, "x": 123456789012345678}',
    b'{"n": NaN, "i": Infinity}',  # not JSON, but Python's json reads it
    b'{"s": "\\ud800"}',  # a lone surrogate
    b'{"f": 1e400, "g": -0.0, "h": 0.1}',
    '\ufeff{"bom": "ä"}'.encode(),  # UTF-8 with a byte order mark
    '{"utf16": "ü€"}'.encode("utf-16"),
    '{"utf32": "ü"}'.encode("utf-32-le"),
    b'[1, 2.5, "x", null, true, false, {}]',
    b'"just a string"',
]


@pytest.mark.parametrize("body", BODIES)
def test_read_json_reads_what_response_json_reads(body: bytes) -> None:
    response = httpx.Response(200, content=body)
    expected = response.json()
    got = read_json(response)
    assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)
    assert type(got) is type(expected)


@pytest.mark.parametrize("body", [b"", b"not json", b'{"a": ', b"<html>busy</html>"])
def test_a_body_that_is_no_json_raises_what_response_json_raises(body: bytes) -> None:
    response = httpx.Response(200, content=body)
    with pytest.raises(json.JSONDecodeError) as expected:
        response.json()
    with pytest.raises(json.JSONDecodeError) as got:
        read_json(response)
    assert type(got.value) is type(expected.value)
    assert str(got.value) == str(expected.value)
