"""Web users: who is authenticated, and the users of the account."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .._ops import Op, fetch
from .._read import listed, present
from .._responses import reading
from ..raw.api.authorization import userinfo
from ..raw.api.users import get_all_users

if TYPE_CHECKING:
    from ..raw.models import UserResponse

__all__ = ["Webuser", "authenticated_webuser_id", "web_users"]


@attrs.frozen(slots=True)
class Webuser:
    """A web user of the account (``id`` like ``w0``).

    A field the API leaves out is None (``direct_dial_ids``: empty).
    """

    id: str
    firstname: str | None
    lastname: str | None
    email: str | None
    default_device: str | None
    busy_on_busy: bool | None
    address_id: str | None
    direct_dial_ids: tuple[str, ...]
    timezone: str | None
    admin: bool | None


def _webuser(u: UserResponse) -> Webuser:
    with reading(get_all_users.OPERATION):
        return Webuser(
            id=u.id,
            firstname=present(u.firstname),
            lastname=present(u.lastname),
            email=present(u.email),
            default_device=present(u.default_device),
            busy_on_busy=present(u.busy_on_busy),
            address_id=present(u.address_id),
            direct_dial_ids=listed(u.direct_dial_ids, str),
            timezone=present(u.timezone),
            admin=present(u.admin),
        )


def authenticated_webuser_id() -> Op[str]:
    """The ``sub`` claim of GET /authorization/userinfo: the authenticated web user's id."""
    info = yield from fetch(userinfo.prepare())
    return str(info.sub)


def web_users() -> Op[list[Webuser]]:
    """Every web user of the account (GET /users)."""
    page = yield from fetch(get_all_users.prepare())
    return [_webuser(u) for u in listed(page.items)]
