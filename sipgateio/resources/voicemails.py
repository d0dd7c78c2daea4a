"""Voicemails: the voicemail boxes of the account."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .._ops import M, Op, Resource, fetch, operation
from .._read import listed, present
from ..raw.api.voicemails import get_voicemails
from .history import Endpoint

if TYPE_CHECKING:
    from ..raw.models import SimpleVoicemailResponse

__all__ = ["Endpoint", "Voicemail", "VoicemailsResource"]


@attrs.frozen(slots=True)
class Voicemail:
    """A voicemail box (``id`` like ``v0``) and the extension it belongs to.

    A field the API leaves out is None.
    """

    id: str
    alias: str | None
    belongs_to_endpoint: Endpoint | None


def _voicemail(v: SimpleVoicemailResponse) -> Voicemail:
    owner = present(v.belongs_to_endpoint)
    return Voicemail(
        id=v.id,
        alias=present(v.alias),
        belongs_to_endpoint=None
        if owner is None
        else Endpoint(extension=present(owner.extension), type=present(owner.type_)),
    )


class VoicemailsResource(Resource[M]):
    """The voicemail boxes of the account: ``client.voicemails``."""

    __slots__ = ()

    @operation
    def get_voicemails(self) -> Op[list[Voicemail]]:
        """Every voicemail box of the account (GET /voicemails)."""
        page = yield from fetch(get_voicemails.prepare())
        return [_voicemail(v) for v in listed(page.items)]
