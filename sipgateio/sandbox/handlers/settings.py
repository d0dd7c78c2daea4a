"""The sipgate.io webhook settings of the account."""

from __future__ import annotations

from ..api import NO_CONTENT, Ctx, Result, route

__all__: list[str] = []


@route("GET", "/settings/sipgateio")
def get_settings(ctx: Ctx) -> Result:
    """The webhook URLs, log flag and whitelist."""
    return Result(200, ctx.sandbox.store.get_kv("settings"))


@route("PUT", "/settings/sipgateio")
def put_settings(ctx: Ctx) -> Result:
    """Replace the webhook settings."""
    body = ctx.body
    ctx.sandbox.store.set_kv(
        "settings",
        {
            "incomingUrl": body["incomingUrl"],
            "outgoingUrl": body["outgoingUrl"],
            "log": body["log"],
            "whitelist": body["whitelist"],
        },
    )
    return NO_CONTENT
