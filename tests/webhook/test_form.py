"""The form parser: what urllib.parse.parse_qsl would decode, and stricter."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sipgateio.webhook.form import FormError, parse_form


def test_push_body() -> None:
    form = parse_form(b"event=newCall&user%5B%5D=A&user%5B%5D=B&userId%5b%5d=w0&from=49")
    assert form.fields == {"event": "newCall", "from": "49"}
    assert form.arrays == {"user[]": ["A", "B"], "userId[]": ["w0"]}


def test_decoding_edge_cases() -> None:
    form = parse_form(b"a=1+2&b=%26%3D&c&&d=&e=x=y&%5B%5D=z")
    assert form.fields == {"a": "1 2", "b": "&=", "c": "", "d": "", "e": "x=y"}
    assert form.arrays == {"[]": ["z"]}


@pytest.mark.parametrize("body", [b"a=1&a=2", b"a=%FF", b"a=\xff", b"%C3=1"])
def test_errors(body: bytes) -> None:
    with pytest.raises(FormError):
        parse_form(body)


keys = st.text(st.characters(codec="utf-8"), min_size=1, max_size=8)


@given(st.dictionaries(keys, st.text(st.characters(codec="utf-8"), max_size=12), max_size=6))
def test_round_trip(fields: dict[str, str]) -> None:
    form = parse_form(urlencode(fields).encode())
    merged = {**form.fields, **{k: v[0] for k, v in form.arrays.items()}}
    assert merged == fields
