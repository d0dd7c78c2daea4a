"""Calls: start a click-to-dial call between two phones."""

from __future__ import annotations

import attrs

from .._ops import M, Op, Resource, fetch, operation
from .._validation import extension_id, is_extension, phone_number
from ..errors import ValidationError
from ..raw.api.calls import initiate_call
from ..raw.models import CallRequest
from ..raw.types import UNSET, Unset

__all__ = ["CALL_EXTENSION_TYPES", "CallResource", "InitiateNewCallSessionResponse"]

CALL_EXTENSION_TYPES = "epxy"
"""Extensions that can place a call: e (VoIP phone), p (phoneline), x (external), y (mobile)."""


@attrs.frozen(slots=True)
class InitiateNewCallSessionResponse:
    """The handle of a call being set up."""

    session_id: str


def _caller(from_: object) -> tuple[str, bool]:
    """``from_`` normalised, and whether it is an extension (else an E.164 number)."""
    if isinstance(from_, str) and is_extension(from_.strip()):
        return extension_id(from_.strip(), "from_", CALL_EXTENSION_TYPES), True
    try:
        return phone_number(from_, "from_"), False
    except ValidationError:
        raise ValidationError(
            f"from_ must be an extension of type e, p, x or y (e.g. 'e14', 'p0') or a phone "
            f"number with country code (E.164, e.g. '+4921100000000'), got {from_!r}",
            field="from_",
        ) from None


class CallResource(Resource[M]):
    """Start calls: ``client.call``."""

    __slots__ = ()

    @operation
    def initiate(
        self,
        *,
        to: str,
        from_: str,
        caller_id: str | None = None,
        device_id: str | None = None,
    ) -> Op[InitiateNewCallSessionResponse]:
        """Ring ``from_`` and, once it picks up, call ``to`` (POST /sessions/calls).

        Valid combinations (``to`` is always a phone number):

        ==========  ===========  ===========  ===========
        ``to``      ``from_``    caller_id    device_id
        ==========  ===========  ===========  ===========
        number      extension    --           --
        number      extension    number       --
        number      extension    number       extension
        number      extension    --           extension
        number      number       --           extension
        number      number       number       extension
        ==========  ===========  ===========  ===========

        Extensions are of type e (VoIP phone), p (phoneline), x (external phone) or
        y (mobile); numbers have a country code and are sent in E.164. ``device_id`` is
        required when ``from_`` is a number (a group's number, say): it is billed and,
        without ``caller_id``, its number is shown. The number shown to the callee is
        ``caller_id``, else the device's number, else that of the ``from_`` extension.
        """
        callee = phone_number(to, "to")
        caller, caller_is_extension = _caller(from_)
        shown: str | Unset = UNSET if caller_id is None else phone_number(caller_id, "caller_id")
        device: str | Unset
        if device_id is not None:
            device = extension_id(device_id, "device_id", CALL_EXTENSION_TYPES)
        elif caller_is_extension:
            device = UNSET
        else:
            raise ValidationError(
                f"device_id is required when from_ is a phone number ({caller}): name the "
                f"device (e.g. 'e14') that places and pays for the call",
                field="device_id",
            )
        body = CallRequest(caller=caller, callee=callee, caller_id=shown, device_id=device)
        response = yield from fetch(initiate_call.prepare(body=body))
        return InitiateNewCallSessionResponse(session_id=response.session_id)
