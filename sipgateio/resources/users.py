"""Web users: who is authenticated, and the users of the account."""

from __future__ import annotations

from typing import Any

import attrs

from .._ops import Op, fetch
from ..raw.api.users import get_user_info, list_users

__all__ = ["Webuser", "authenticated_webuser_id", "web_users"]


@attrs.frozen(slots=True)
class Webuser:
    """A web user of the account (``id`` like ``w0``)."""

    id: str
    firstname: str
    lastname: str
    email: str
    default_device: str
    busy_on_busy: bool
    address_id: str
    direct_dial_ids: tuple[str, ...]
    timezone: str
    admin: bool


def _webuser(u: Any) -> Webuser:
    return Webuser(
        id=u.id,
        firstname=u.firstname,
        lastname=u.lastname,
        email=u.email,
        default_device=u.default_device,
        busy_on_busy=u.busy_on_busy,
        address_id=u.address_id,
        direct_dial_ids=tuple(u.direct_dial_ids),
        timezone=u.timezone,
        admin=u.admin,
    )


def authenticated_webuser_id() -> Op[str]:
    """The ``sub`` claim of GET /authorization/userinfo: the authenticated web user's id."""
    info = yield from fetch(get_user_info.prepare())
    return str(info.sub)


def web_users() -> Op[list[Webuser]]:
    """Every web user of the account (GET /users)."""
    page = yield from fetch(list_users.prepare())
    return [_webuser(u) for u in page.items]
