"""Who is calling and what the account holds: users, account, balance, numbers, boxes, devices."""

from __future__ import annotations

from ..api import ApiError, Ctx, Result, paging, route

__all__: list[str] = []


@route("GET", "/authorization/userinfo")
def userinfo(ctx: Ctx) -> Result:
    """The claims of the authenticated user."""
    return Result(
        200,
        {"sub": ctx.user, "domain": "sipgate.de", "masterSipId": "1234567", "locale": "de_DE"},
    )


@route("GET", "/users")
def users(ctx: Ctx) -> Result:
    """Every web user; admins only."""
    if not ctx.admin:
        raise ApiError(403, "listing the web users needs admin rights")
    return Result(200, {"items": ctx.sandbox.store.all("user")})


@route("GET", "/account")
def account(ctx: Ctx) -> Result:
    """The account's master data."""
    return Result(200, ctx.sandbox.store.get_kv("account"))


@route("GET", "/balance")
def balance(ctx: Ctx) -> Result:
    """The credit left, in 1/10000 of the currency."""
    return Result(200, ctx.sandbox.store.get_kv("balance"))


@route("GET", "/numbers")
def numbers(ctx: Ctx) -> Result:
    """One page of the account's numbers."""
    items = ctx.sandbox.store.all("number")
    offset, limit = paging(ctx, len(items) or 1)
    return Result(200, {"items": items[offset : offset + limit], "totalCount": len(items)})


@route("GET", "/voicemails")
def voicemails(ctx: Ctx) -> Result:
    """The voicemail boxes."""
    return Result(200, {"items": ctx.sandbox.store.all("voicemail")})


@route("GET", "/{userId}/devices")
def devices(ctx: Ctx) -> Result:
    """A web user's devices."""
    ctx.own_user(ctx.params["userId"])
    return Result(200, {"items": ctx.sandbox.store.all("device", owner=ctx.params["userId"])})
