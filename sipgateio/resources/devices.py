"""Devices: the phones of a web user."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import attrs

from .._ops import M, Op, Resource, fetch, operation
from .._read import listed, open_enum, present
from .._validation import extension_id
from ..raw.api.devices import get_devices

if TYPE_CHECKING:
    from ..raw.models import ActiveRouting as RawRouting
    from ..raw.models import DeviceResponse
    from ..raw.types import Unset

__all__ = ["ActiveRouting", "Device", "DeviceType", "DevicesResource"]


class DeviceType(enum.StrEnum):
    """Kind of device: a VoIP phone (REGISTER), a sipgate SIM (MOBILE), an outside number."""

    REGISTER = "REGISTER"
    MOBILE = "MOBILE"
    EXTERNAL = "EXTERNAL"


@attrs.frozen(slots=True)
class ActiveRouting:
    """A phone line or group (``id`` like ``p0``, ``g1``) a device currently rings for."""

    id: str
    alias: str | None


@attrs.frozen(slots=True)
class Device:
    """A device of a web user (``id`` like ``e0``, ``y0``, ``x0``).

    ``caller_id`` is the number it shows when calling and ``owner`` the web user it
    belongs to. Any field the API leaves out is None (the routings: empty); a ``type``
    this release does not know arrives as a plain ``str``.
    """

    id: str
    alias: str | None
    type: DeviceType | str | None
    dnd: bool | None
    online: bool | None
    caller_id: str | None
    owner: str | None
    active_phonelines: tuple[ActiveRouting, ...]
    active_groups: tuple[ActiveRouting, ...]


def _routings(items: list[RawRouting] | Unset) -> tuple[ActiveRouting, ...]:
    return tuple(ActiveRouting(id=r.id, alias=present(r.alias)) for r in listed(items))


def _device(d: DeviceResponse) -> Device:
    return Device(
        id=d.id,
        alias=present(d.alias),
        type=open_enum(DeviceType, d.type_),
        dnd=present(d.dnd),
        online=present(d.online),
        caller_id=present(d.caller_id) or None,
        owner=present(d.owner) or None,
        active_phonelines=_routings(d.active_phonelines),
        active_groups=_routings(d.active_groups),
    )


class DevicesResource(Resource[M]):
    """The devices of a web user: ``client.devices``."""

    __slots__ = ()

    @operation
    def get_devices(self, webuser_id: str) -> Op[list[Device]]:
        """The devices of the web user ``webuser_id`` (``w0``), GET /{userId}/devices."""
        user = extension_id(webuser_id, "webuser_id", "w")
        page = yield from fetch(get_devices.prepare(user_id=user))
        return [_device(d) for d in listed(page.items)]
