"""client.raw: a list field of an answer that is no list is an error naming the field.

The generated ``from_dict`` kept such a value as it came (a list of plain values) or iterated
it (a list of models): a string became a list of its characters. Now anything but a list (or
null, left as before) raises ``TypeError`` naming the field, which the raw client reports as
``UnexpectedResponseError`` naming the operation.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import pytest

import sipgateio
from sipgateio.raw import models
from sipgateio.raw.api.contacts import get_all_contacts, get_contacts
from sipgateio.raw.api.settings import get_sipgate_io_urls
from tests.apistub import APIStub
from tests.conftest import TOKEN, TOKEN_ID
from tests.spec_shapes import SPEC, resolve, schema_sample

NOT_LISTS: list[Any] = ["e0", "", {"0": "e0"}, 7, True]


def _list_fields() -> list[tuple[str, str]]:
    """Every (schema, property) of the spec declared an array."""
    found = []
    for name, schema in SPEC["components"]["schemas"].items():
        for prop, sub in resolve(schema).get("properties", {}).items():
            if resolve(sub).get("type") == "array":
                found.append((name, prop))
    return found


LIST_FIELDS = _list_fields()


def test_the_spec_has_list_fields() -> None:
    assert len(LIST_FIELDS) > 60  # the walk below covers what it should


@pytest.mark.parametrize(("schema", "prop"), LIST_FIELDS, ids=[f"{s}.{p}" for s, p in LIST_FIELDS])
def test_every_list_field_refuses_what_is_no_list(schema: str, prop: str) -> None:
    model = getattr(models, schema)
    good = schema_sample(schema)
    model.from_dict(good)  # the sample itself is read
    for bad in NOT_LISTS:
        data = copy.deepcopy(good)
        data[prop] = bad
        with pytest.raises(TypeError, match=f"^{prop}: a list expected, got {type(bad).__name__}$"):
            model.from_dict(data)


def test_a_list_of_lists_checks_its_items() -> None:
    data = schema_sample("ContactResponse")
    data["organization"] = ["sipgate", "Düsseldorf"]  # strings where lists of strings belong
    with pytest.raises(TypeError, match="a list expected, got str"):
        models.ContactResponse.from_dict(data)
    data["organization"] = [["sipgate", "Düsseldorf"]]
    assert models.ContactResponse.from_dict(data).organization == [["sipgate", "Düsseldorf"]]


def test_null_and_lists_read_as_before() -> None:
    settings = models.SipgateIoUrlResponse.from_dict({"whitelist": None})
    assert settings.whitelist is None
    settings = models.SipgateIoUrlResponse.from_dict({"whitelist": []})
    assert settings.whitelist == []
    number = models.NumberResponse.from_dict({"number": "+4921100000000", "type": None})
    assert number.type_ is None  # a list of plain values that is null stays null
    number = models.NumberResponse.from_dict({"number": "+4921100000000", "type": ["work"]})
    assert number.type_ == ["work"]


def _client(api: APIStub) -> sipgateio.SipgateIO:
    return sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url, max_retries=0)


def test_raw_client_names_operation_and_field(api: APIStub) -> None:
    api.reply("GET", "/v2/settings/sipgateio", json={"whitelist": "e0,e1", "log": False})
    contact = schema_sample("ContactResponse") | {"numbers": "+4921100000000"}
    api.reply("GET", "/v2/contacts", json={"items": [contact], "totalCount": 1})
    api.reply("GET", "/v2/contacts/internal", json={"items": "w0"})
    with _client(api) as c:
        with pytest.raises(sipgateio.UnexpectedResponseError) as caught:
            get_sipgate_io_urls.sync(client=c.raw)
        assert "GET /settings/sipgateio" in str(caught.value)
        assert "whitelist: a list expected, got str" in str(caught.value)
        with pytest.raises(sipgateio.UnexpectedResponseError, match="numbers: a list expected"):
            get_contacts.sync(client=c.raw)
        with pytest.raises(sipgateio.UnexpectedResponseError, match="items: a list expected"):
            get_all_contacts.sync(client=c.raw)


def test_async_raw_client_too(api: APIStub) -> None:
    api.reply("GET", "/v2/settings/sipgateio", json={"whitelist": {"e0": True}})

    async def go() -> None:
        async with sipgateio.AsyncSipgateIO(
            token_id=TOKEN_ID, token=TOKEN, base_url=api.url, max_retries=0
        ) as c:
            await get_sipgate_io_urls.asyncio(client=c.raw)

    with pytest.raises(sipgateio.UnexpectedResponseError, match="whitelist: a list expected, got"):
        asyncio.run(go())
