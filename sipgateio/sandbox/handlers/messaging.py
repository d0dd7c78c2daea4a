"""SMS and fax: extensions, sender numbers, sending (now or scheduled), fax progress."""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from ..api import NO_CONTENT, ApiError, Ctx, Result, route
from ..clock import iso
from ..store import Store
from .history import insert_entry, new_entry, update_entry

__all__ = [
    "FAILING_FAX_NUMBER",
    "FAX_COST",
    "FAX_SENDING_AFTER",
    "FAX_SENT_AFTER",
    "SMS_COST",
    "run_job",
]

SMS_COST = 900
"""What an SMS costs, in 1/10000 EUR (0.09 EUR)."""
FAX_COST = 1500
"""What a fax costs, in 1/10000 EUR (0.15 EUR)."""
FAX_SENDING_AFTER = timedelta(seconds=1)
"""A fax is PENDING this long, then SENDING."""
FAX_SENT_AFTER = timedelta(seconds=3)
"""A fax is SENT (or FAILED) this long after it was queued."""
FAILING_FAX_NUMBER = "+4921199999999"
"""Faxes to this number end FAILED (as if the line were busy every time)."""
MAX_SCHEDULE_AHEAD = timedelta(days=30)

_PHONE = re.compile(r"\+?[0-9]{3,20}")


def _recipient(value: str) -> str:
    """A recipient in E.164: ``00`` is the international prefix, a single ``0`` German."""
    compact = re.sub(r"[\s\-/()]", "", value)
    if not _PHONE.fullmatch(compact):
        raise ApiError(400, f"recipient {value!r} is not a phone number")
    if compact.startswith("+"):
        return compact
    if compact.startswith("00"):
        return "+" + compact[2:]
    if compact.startswith("0"):
        return "+49" + compact[1:]
    return "+" + compact


def _sender(ctx: Ctx, kind: str, extension_id: str, what: str) -> dict[str, Any]:
    """The caller's own extension to send from, or 403."""
    store = ctx.sandbox.store
    doc = store.get(kind, extension_id)
    if doc is None or store.owner_of(kind, extension_id) != ctx.user:
        raise ApiError(403, f"{ctx.user} may not send from {what} {extension_id!r}")
    return doc


# -------------------------------------------------------------------- SMS
@route("GET", "/{userId}/sms")
def sms_extensions(ctx: Ctx) -> Result:
    """A user's SMS extensions."""
    ctx.own_user(ctx.params["userId"])
    return Result(200, {"items": ctx.sandbox.store.all("sms", owner=ctx.params["userId"])})


def _extension(ctx: Ctx) -> dict[str, Any]:
    ctx.own_user(ctx.params["userId"])
    extension = ctx.sandbox.store.get("sms", ctx.params["smsId"])
    owner = ctx.sandbox.store.owner_of("sms", ctx.params["smsId"])
    if extension is None or owner != ctx.params["userId"]:
        raise ApiError(404, f"{ctx.params['userId']} has no SMS extension {ctx.params['smsId']!r}")
    return extension


def _caller_ids(store: Store, sms_id: str) -> list[dict[str, Any]]:
    return store.all("sms_callerid", owner=sms_id)


@route("GET", "/{userId}/sms/{smsId}/callerids")
def sms_caller_ids(ctx: Ctx) -> Result:
    """The sender numbers of an SMS extension."""
    _extension(ctx)
    items = [
        {
            "id": c["callerId"],
            "phonenumber": c["number"],
            "verified": c["verified"],
            "defaultNumber": c["default"],
        }
        for c in _caller_ids(ctx.sandbox.store, ctx.params["smsId"])
    ]
    return Result(200, {"items": items})


@route("PUT", "/{userId}/sms/{smsId}/callerids/{callerId}")
def set_sms_caller_id(ctx: Ctx) -> Result:
    """Make a verified sender number the extension's default."""
    extension = _extension(ctx)
    store = ctx.sandbox.store
    senders = _caller_ids(store, extension["id"])
    chosen = next((c for c in senders if c["callerId"] == ctx.params["callerId"]), None)
    if chosen is None:
        raise ApiError(404, f"{extension['id']} has no sender number {ctx.params['callerId']}")
    if not ctx.body["defaultNumber"]:
        return NO_CONTENT  # there is always a default: unsetting one is a no-op
    if not chosen["verified"]:
        raise ApiError(400, f"{chosen['number']} is not verified and cannot be the sender")
    with store.transaction():
        for sender in senders:
            store.put(
                "sms_callerid", {**sender, "default": sender is chosen}, owner=extension["id"]
            )
        store.put("sms", {**extension, "callerId": chosen["number"]}, owner=ctx.params["userId"])
    return NO_CONTENT


@route("POST", "/sessions/sms")
def send_sms(ctx: Ctx) -> Result:
    """Send a text message now, or at ``sendAt``."""
    body = ctx.body
    store = ctx.sandbox.store
    extension = _sender(ctx, "sms", body["smsId"], "SMS extension")
    recipient = _recipient(body["recipient"])
    if not body["message"]:
        raise ApiError(400, "message must not be empty")
    now = ctx.sandbox.clock.now()
    job = {
        "owner": ctx.user,
        "smsId": extension["id"],
        "source": extension["callerId"],
        "sourceAlias": extension["alias"],
        "target": recipient,
        "message": body["message"],
        "scheduled": None,
    }
    if body.get("sendAt") is not None:
        due = datetime.fromtimestamp(body["sendAt"], now.tzinfo)
        if due <= now:
            raise ApiError(400, "sendAt must lie in the future")
        if due > now + MAX_SCHEDULE_AHEAD:
            raise ApiError(400, "sendAt must be at most 30 days ahead")
        ctx.sandbox.charge(SMS_COST)
        store.add_job(iso(due), "sms", {**job, "scheduled": iso(due)})
        return NO_CONTENT
    ctx.sandbox.charge(SMS_COST)
    _deliver_sms(store, job, now)
    return NO_CONTENT


def _deliver_sms(store: Store, job: dict[str, Any], when: datetime) -> None:
    entry = new_entry(
        "SMS",
        source=job["source"],
        target=job["target"],
        direction="OUTGOING",
        status="PICKUP",
        created=when,
        connection_ids=[job["smsId"]],
        sourceAlias=job["sourceAlias"],
        smsContent=job["message"],
        scheduled=job["scheduled"],
    )
    insert_entry(store, job["owner"], entry)


# -------------------------------------------------------------------- fax
@route("GET", "/{userId}/faxlines")
def faxlines(ctx: Ctx) -> Result:
    """A user's fax lines."""
    ctx.own_user(ctx.params["userId"])
    return Result(200, {"items": ctx.sandbox.store.all("faxline", owner=ctx.params["userId"])})


def _page_count(pdf: bytes) -> int:
    return max(1, len(re.findall(rb"/Type\s*/Page(?!s)", pdf)))


@route("POST", "/sessions/fax")
def send_fax(ctx: Ctx) -> Result:
    """Queue a PDF for sending; it goes PENDING, SENDING, then SENT (or FAILED)."""
    body = ctx.body
    store = ctx.sandbox.store
    line = _sender(ctx, "faxline", body["faxlineId"], "fax line")
    if not line["canSend"]:
        raise ApiError(403, f"fax line {line['id']} cannot send")
    recipient = _recipient(body["recipient"])
    try:
        pdf = base64.b64decode(body["base64Content"], validate=True)
    except binascii.Error:
        raise ApiError(400, "base64Content is not valid base64") from None
    if not pdf.startswith(b"%PDF-"):
        raise ApiError(400, "the document is not a PDF")
    ctx.sandbox.charge(FAX_COST)
    now = ctx.sandbox.clock.now()
    session_id = secrets.token_hex(8)
    sender = next(
        (n["number"] for n in store.all("number") if n.get("endpointId") == line["id"]), ""
    )
    entry = new_entry(
        "FAX",
        entry_id=session_id,
        source=sender,
        target=recipient,
        direction="OUTGOING",
        status="PICKUP",
        created=now,
        connection_ids=[line["id"]],
        sourceAlias=line["alias"],
        faxStatusType="PENDING",
        documentUrl=f"{ctx.sandbox.base_url}/sandbox/fax/{session_id}.pdf",
        reportUrl=None,
        previewUrl=None,
        pageCount=_page_count(pdf),
        scheduled=None,
    )
    insert_entry(store, ctx.user, entry)
    store.add_job(
        iso(now + FAX_SENDING_AFTER),
        "fax",
        {"owner": ctx.user, "id": session_id, "status": "SENDING"},
    )
    final = "FAILED" if recipient == FAILING_FAX_NUMBER else "SENT"
    store.add_job(
        iso(now + FAX_SENT_AFTER), "fax", {"owner": ctx.user, "id": session_id, "status": final}
    )
    return Result(200, {"sessionId": session_id})


def run_job(store: Store, kind: str, data: dict[str, Any], due: datetime) -> bool:
    """Carry out a due job of this module; whether ``kind`` was one of its own."""
    if kind == "sms":
        _deliver_sms(store, data, due)
        return True
    if kind == "fax":
        changes: dict[str, Any] = {"faxStatusType": data["status"]}
        if data["status"] == "FAILED":
            changes["status"] = "NOPICKUP"
        if data["status"] in ("SENT", "FAILED"):
            changes["reportUrl"] = f"/sandbox/fax/{data['id']}-report.pdf"
        update_entry(store, data["owner"], data["id"], changes, due)
        return True
    return False
