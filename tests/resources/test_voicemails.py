"""client.voicemails.get_voicemails."""

from __future__ import annotations

import pytest

import sipgateio
from sipgateio import errors
from sipgateio.resources.voicemails import Endpoint
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour
from tests.resources.helpers import sent


def test_get_voicemails(flavour: Flavour, api: APIStub) -> None:
    api.reply(
        "GET",
        "/v2/voicemails",
        json={
            "items": [
                {
                    "id": "v0",
                    "alias": "Voicemail Ada",
                    "belongsToEndpoint": {"extension": "w0", "type": "USER"},
                },
                {
                    "id": "v7",
                    "alias": "Support",
                    "belongsToEndpoint": {"extension": "g2", "type": "GROUP"},
                },
            ]
        },
    )
    assert flavour.run(lambda c: c.voicemails.get_voicemails()) == [
        sipgateio.Voicemail(
            id="v0", alias="Voicemail Ada", belongs_to_endpoint=Endpoint("w0", "USER")
        ),
        sipgateio.Voicemail(id="v7", alias="Support", belongs_to_endpoint=Endpoint("g2", "GROUP")),
    ]
    assert sent(api) == [("GET", "/v2/voicemails", {}, None)]


def test_endpoint_is_the_history_one() -> None:
    assert sipgateio.Endpoint is Endpoint
    from sipgateio.resources.history import Endpoint as HistoryEndpoint

    assert Endpoint is HistoryEndpoint


def test_get_voicemails_error_mapping(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", "/v2/voicemails", Answer(403, json={"message": "scope missing"}))
    with pytest.raises(errors.PermissionDeniedError) as info:
        flavour.run(lambda c: c.voicemails.get_voicemails())
    assert info.value.detail == {"message": "scope missing"}
