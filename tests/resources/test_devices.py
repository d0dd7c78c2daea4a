"""client.devices.get_devices."""

from __future__ import annotations

from typing import Any

import pytest

import sipgateio
from sipgateio import errors
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour
from tests.resources.helpers import rejected, sent

DEVICES = {
    "items": [
        {
            "id": "e0",
            "alias": "Desk phone",
            "type": "REGISTER",
            "dnd": False,
            "online": True,
            "callerId": "+4921100000000",
            "owner": "w0",
            "activePhonelines": [{"id": "p0", "alias": "Ada"}],
            "activeGroups": [{"id": "g1", "alias": "Support"}, {"id": "g2", "alias": "Sales"}],
        },
        {
            "id": "y0",
            "alias": "Mobile",
            "type": "MOBILE",
            "dnd": True,
            "online": False,
            "activePhonelines": [],
            "activeGroups": [],
        },
        {
            "id": "x1",
            "alias": "Home",
            "type": "EXTERNAL",
            "dnd": False,
            "online": True,
            "callerId": None,
            "owner": None,
            "activePhonelines": [],
            "activeGroups": [],
        },
    ]
}


def test_get_devices(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/w0/devices", json=DEVICES)
    desk, mobile, home = flavour.run(lambda c: c.devices.get_devices("w0"))
    assert desk == sipgateio.Device(
        id="e0",
        alias="Desk phone",
        type=sipgateio.DeviceType.REGISTER,
        dnd=False,
        online=True,
        caller_id="+4921100000000",
        owner="w0",
        active_phonelines=(sipgateio.ActiveRouting(id="p0", alias="Ada"),),
        active_groups=(
            sipgateio.ActiveRouting(id="g1", alias="Support"),
            sipgateio.ActiveRouting(id="g2", alias="Sales"),
        ),
    )
    assert (mobile.type, mobile.dnd, mobile.online, mobile.caller_id, mobile.owner) == (
        sipgateio.DeviceType.MOBILE,
        True,
        False,
        None,
        None,
    )
    assert mobile.active_phonelines == () and mobile.active_groups == ()
    assert home.type is sipgateio.DeviceType.EXTERNAL and home.caller_id is None
    assert sent(api) == [("GET", "/v2/w0/devices", {}, None)]


@pytest.mark.parametrize("webuser_id", ["", "e0", "w 1", "w01", 0, None])
def test_get_devices_validation(flavour: Flavour, api: APIStub, webuser_id: Any) -> None:
    rejected(flavour, api, lambda c: c.devices.get_devices(webuser_id), "webuser_id")


@pytest.mark.parametrize(
    ("status", "cls"), [(403, errors.PermissionDeniedError), (404, errors.NotFoundError)]
)
def test_get_devices_error_mapping(
    flavour: Flavour, api: APIStub, status: int, cls: type[errors.APIError]
) -> None:
    api.reply("GET", "/v2/w5/devices", Answer(status, json={"message": "nope"}))
    with pytest.raises(cls):
        flavour.run(lambda c: c.devices.get_devices("w5"))
