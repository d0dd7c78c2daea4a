"""Calls: click-to-dial sessions and Real Time Call Manipulation of established calls."""

from __future__ import annotations

import re

from ..api import NO_CONTENT, ApiError, Ctx, Result, route
from ..calls import SimulatedCall

__all__: list[str] = []

_EXTENSION = re.compile(r"[epxy](0|[1-9][0-9]*)")
_NUMBER = re.compile(r"\+?[1-9][0-9]{3,17}")
_DTMF = re.compile(r"[0-9A-D*#]+")


def _device(ctx: Ctx, device_id: str) -> dict[str, object]:
    store = ctx.sandbox.store
    device = store.get("device", device_id)
    if device is None or store.owner_of("device", device_id) != ctx.user:
        raise ApiError(403, f"{ctx.user} may not call from device {device_id!r}")
    return device


@route("POST", "/sessions/calls")
def initiate_call(ctx: Ctx) -> Result:
    """Ring the caller, then the callee; the call is up once both answered."""
    body = ctx.body
    caller, callee = body["caller"], body["callee"]
    if not _NUMBER.fullmatch(callee):
        raise ApiError(400, f"callee {callee!r} is not a phone number")
    if _EXTENSION.fullmatch(caller):
        if caller.startswith("p"):
            if ctx.sandbox.store.owner_of("phoneline", caller) != ctx.user:
                raise ApiError(403, f"{ctx.user} may not call from {caller!r}")
            device_id = body.get("deviceId") or _default_device(ctx)
        else:
            device_id = caller
    elif _NUMBER.fullmatch(caller):
        if not body.get("deviceId"):
            raise ApiError(400, "deviceId is required when the caller is a phone number")
        device_id = body["deviceId"]
    else:
        raise ApiError(400, f"caller {caller!r} is neither an extension nor a phone number")
    device = _device(ctx, device_id)
    from_number = str(device.get("callerId") or "")
    call = ctx.sandbox.calls.outgoing(
        owner=ctx.user,
        device=device_id,
        from_number=from_number,
        to=callee if callee.startswith("+") else "+" + callee,
        caller_id=body.get("callerId"),
    )
    return Result(200, {"sessionId": call.call_id})


def _default_device(ctx: Ctx) -> str:
    user = ctx.sandbox.store.get("user", ctx.user) or {}
    return str(user.get("defaultDevice") or "")


@route("GET", "/calls")
def list_calls(ctx: Ctx) -> Result:
    """The caller's established calls."""
    return Result(200, {"data": [c.rtcm() for c in ctx.sandbox.calls.established(ctx.user)]})


def _call(ctx: Ctx) -> SimulatedCall:
    call = ctx.sandbox.calls.get(ctx.params["callId"])
    if call is None or not call.established or call.owner != ctx.user:
        raise ApiError(404, f"there is no established call {ctx.params['callId']!r}")
    return call


@route("DELETE", "/calls/{callId}")
def hang_up(ctx: Ctx) -> Result:
    """End the call for everyone."""
    ctx.sandbox.calls.end(_call(ctx).call_id, "normalClearing")
    return NO_CONTENT


@route("PUT", "/calls/{callId}/muted")
def mute(ctx: Ctx) -> Result:
    """Mute or unmute the account's side."""
    _call(ctx).muted = ctx.body["value"]
    return NO_CONTENT


@route("PUT", "/calls/{callId}/hold")
def hold(ctx: Ctx) -> Result:
    """Put the other side on hold, or resume."""
    _call(ctx).hold = ctx.body["value"]
    return NO_CONTENT


@route("PUT", "/calls/{callId}/recording")
def record(ctx: Ctx) -> Result:
    """Start or stop recording; a recorded call's history entry lists the recording."""
    call = _call(ctx)
    call.recording = ctx.body["value"]
    call.recorded = call.recorded or call.recording
    return NO_CONTENT


@route("POST", "/calls/{callId}/announcements")
def announce(ctx: Ctx) -> Result:
    """Play a sound file into the call."""
    url = ctx.body["url"]
    if not re.match(r"https?://[^\s/]+", url):
        raise ApiError(400, f"url {url!r} is not an http(s) address")
    _call(ctx).announcements.append(url)
    return NO_CONTENT


@route("POST", "/calls/{callId}/transfer")
def transfer(ctx: Ctx) -> Result:
    """Transfer the call: attended adds the target; blind hands the call over and ends it here."""
    call = _call(ctx)
    number = ctx.body["phoneNumber"]
    if not _NUMBER.fullmatch(number):
        raise ApiError(400, f"phoneNumber {number!r} is not a phone number")
    call.transfers.append((ctx.body["attended"], number))
    if not ctx.body["attended"]:
        ctx.sandbox.calls.end(call.call_id, "forwarded")
    return NO_CONTENT


@route("POST", "/calls/{callId}/dtmf")
def dtmf(ctx: Ctx) -> Result:
    """Send key tones into the call."""
    sequence = ctx.body["sequence"]
    if not isinstance(sequence, str) or not _DTMF.fullmatch(sequence):
        raise ApiError(400, f"sequence must be made of 0-9, A-D, * and #, got {sequence!r}")
    _call(ctx).dtmf_sent.append(sequence)
    return NO_CONTENT
