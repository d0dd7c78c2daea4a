"""client.numbers.get_all_numbers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

import sipgateio
from sipgateio import errors
from tests.apistub import Answer, APIStub, Recorded
from tests.conftest import Flavour
from tests.resources.helpers import rejected, sent

NUMBERS: dict[str, Any] = {
    "items": [
        {
            "id": "1001",
            "number": "+4921100000000",
            "localized": "0211 00000000",
            "type": "LANDLINE",
            "endpointId": "g0",
            "endpointAlias": "Zentrale",
            "endpointUrl": "/groups/g0",
        },
        {
            "id": "1002",
            "number": "+4915799912345",
            "localized": "01579 9912345",
            "type": "MOBILE",
            "endpointId": "y0",
            "endpointAlias": "Mobil Alice",
            "endpointUrl": "/w0/phonelines/p0/devices/y0",
            "mnpState": {"isReleased": True, "releasedUntil": "2026-12-31T23:00:00+01:00"},
            "portId": 77,
        },
        {"id": "1003", "number": "+4980012345", "localized": "0800 12345", "type": "QUICKDIAL"},
        {
            "id": "1004",
            "number": "+4915700000009",
            "localized": "01570 0000009",
            "type": "MOBILE",
            "endpointId": None,
            "mnpState": {"isReleased": False, "releasedUntil": "2026-06-01T00:00:00"},
        },
    ],
    "totalCount": 4,
}

EXPECTED = [
    sipgateio.NumberResponseItem(
        id="1001",
        number="+4921100000000",
        localized="0211 00000000",
        type=sipgateio.NumberResponseItemType.LANDLINE,
        endpoint_id="g0",
        endpoint_alias="Zentrale",
        endpoint_url="/groups/g0",
        mnp_state=None,
        port_id=None,
    ),
    sipgateio.NumberResponseItem(
        id="1002",
        number="+4915799912345",
        localized="01579 9912345",
        type=sipgateio.NumberResponseItemType.MOBILE,
        endpoint_id="y0",
        endpoint_alias="Mobil Alice",
        endpoint_url="/w0/phonelines/p0/devices/y0",
        mnp_state=sipgateio.NumberMnpState(
            is_released=True,
            released_until=datetime(2026, 12, 31, 23, tzinfo=timezone(timedelta(hours=1))),
        ),
        port_id=77,
    ),
    sipgateio.NumberResponseItem(
        id="1003",
        number="+4980012345",
        localized="0800 12345",
        type=sipgateio.NumberResponseItemType.QUICKDIAL,
        endpoint_id=None,
        endpoint_alias=None,
        endpoint_url=None,
        mnp_state=None,
        port_id=None,
    ),
    sipgateio.NumberResponseItem(
        id="1004",
        number="+4915700000009",
        localized="01570 0000009",
        type=sipgateio.NumberResponseItemType.MOBILE,
        endpoint_id=None,
        endpoint_alias=None,
        endpoint_url=None,
        mnp_state=sipgateio.NumberMnpState(
            is_released=False, released_until=datetime(2026, 6, 1, tzinfo=UTC)
        ),
        port_id=None,
    ),
]


def test_get_all_numbers(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/numbers", json=NUMBERS)
    result = flavour.run(lambda c: c.numbers.get_all_numbers())
    assert result == EXPECTED
    assert all(n.mnp_state is None or n.mnp_state.released_until.tzinfo for n in result)
    assert sent(api) == [("GET", "/v2/numbers", {}, None)]  # one plain request: no totalCount


def test_get_all_numbers_walks_every_page(flavour: Flavour, api: APIStub) -> None:
    template = NUMBERS["items"][0]
    everything = [{**template, "id": str(i), "number": f"+492111000{i:04d}"} for i in range(2500)]

    def pages(request: Recorded) -> Answer:
        offset = int(request.query.get("offset", ["0"])[0])
        limit = int(request.query.get("limit", ["100"])[0])  # the API's own page size
        return Answer(json={"items": everything[offset : offset + limit], "totalCount": 2500})

    api.handle("GET", "/v2/numbers", pages)
    result = flavour.run(lambda c: c.numbers.get_all_numbers())
    assert [n.id for n in result] == [str(i) for i in range(2500)]
    assert [r.query for r in api.requests] == [
        {},
        {"offset": ["100"], "limit": ["1000"]},
        {"offset": ["1100"], "limit": ["1000"]},
        {"offset": ["2100"], "limit": ["1000"]},
    ]

    api.requests.clear()
    sliced = flavour.run(lambda c: c.numbers.get_all_numbers(sipgateio.Pagination(offset=1990)))
    assert [n.id for n in sliced] == [str(i) for i in range(1990, 2500)]


@pytest.mark.parametrize(
    ("pagination", "query"),
    [
        (sipgateio.Pagination(offset=20, limit=10), {"offset": ["20"], "limit": ["10"]}),
        (sipgateio.Pagination(), {}),
        (sipgateio.Pagination(limit=1), {"offset": ["0"], "limit": ["1"]}),
    ],
)
def test_get_all_numbers_paginated(
    flavour: Flavour, api: APIStub, pagination: sipgateio.Pagination, query: dict[str, list[str]]
) -> None:
    api.reply("GET", "/v2/numbers", json={"items": NUMBERS["items"][:1]})
    assert flavour.run(lambda c: c.numbers.get_all_numbers(pagination)) == EXPECTED[:1]
    assert sent(api) == [("GET", "/v2/numbers", query, None)]


@pytest.mark.parametrize("pagination", [{"offset": 0}, 5, "0,10"])
def test_get_all_numbers_validation(flavour: Flavour, api: APIStub, pagination: Any) -> None:
    rejected(flavour, api, lambda c: c.numbers.get_all_numbers(pagination), "pagination")


def test_get_all_numbers_empty(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/numbers", json={"items": []})
    assert flavour.run(lambda c: c.numbers.get_all_numbers()) == []


@pytest.mark.parametrize(
    ("status", "cls"), [(401, errors.AuthenticationError), (403, errors.PermissionDeniedError)]
)
def test_get_all_numbers_error_mapping(
    flavour: Flavour, api: APIStub, status: int, cls: type[errors.APIError]
) -> None:
    api.reply("GET", "/v2/numbers", Answer(status, json={"message": "nope"}))
    with pytest.raises(cls) as info:
        flavour.run(lambda c: c.numbers.get_all_numbers())
    assert info.value.url == f"{api.url}/numbers"
