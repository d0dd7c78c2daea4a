"""Voicemails: the voicemail boxes of the account."""

from __future__ import annotations

from typing import Any

import attrs

from .._ops import M, Op, Resource, fetch, operation
from ..raw.api.voicemails import list_voicemails
from .history import Endpoint

__all__ = ["Endpoint", "Voicemail", "VoicemailsResource"]


@attrs.frozen(slots=True)
class Voicemail:
    """A voicemail box (``id`` like ``v0``) and the extension it belongs to."""

    id: str
    alias: str
    belongs_to_endpoint: Endpoint


def _voicemail(v: Any) -> Voicemail:
    owner = v.belongs_to_endpoint
    return Voicemail(
        id=v.id,
        alias=v.alias,
        belongs_to_endpoint=Endpoint(extension=owner.extension, type=owner.type_),
    )


class VoicemailsResource(Resource[M]):
    """The voicemail boxes of the account: ``client.voicemails``."""

    __slots__ = ()

    @operation
    def get_voicemails(self) -> Op[list[Voicemail]]:
        """Every voicemail box of the account (GET /voicemails)."""
        page = yield from fetch(list_voicemails.prepare())
        return [_voicemail(v) for v in page.items]
