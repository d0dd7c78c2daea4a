"""Devices: the phones of a web user."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from .._ops import M, Op, Resource, fetch, operation
from .._validation import extension_id
from ..raw.api.devices import list_devices

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
    alias: str


@attrs.frozen(slots=True)
class Device:
    """A device of a web user (``id`` like ``e0``, ``y0``, ``x0``).

    ``caller_id`` is the number it shows when calling and ``owner`` the web user it
    belongs to, both None when not reported.
    """

    id: str
    alias: str
    type: DeviceType
    dnd: bool
    online: bool
    caller_id: str | None
    owner: str | None
    active_phonelines: tuple[ActiveRouting, ...]
    active_groups: tuple[ActiveRouting, ...]


def _routings(items: Any) -> tuple[ActiveRouting, ...]:
    return tuple(ActiveRouting(id=r.id, alias=r.alias) for r in items)


def _device(d: Any) -> Device:
    return Device(
        id=d.id,
        alias=d.alias,
        type=DeviceType(d.type_.value),
        dnd=d.dnd,
        online=d.online,
        caller_id=d.caller_id or None,
        owner=d.owner or None,
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
        page = yield from fetch(list_devices.prepare(user_id=user))
        return [_device(d) for d in page.items]
