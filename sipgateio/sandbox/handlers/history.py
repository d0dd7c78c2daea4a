"""The event history: list with filters and paging, one entry, flags and notes, deletes, CSV."""

from __future__ import annotations

import csv
import io
import json
import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..api import NO_CONTENT, ApiError, Ctx, Result, paging, route
from ..clock import iso
from ..store import Store

__all__ = ["digits", "insert_entry", "new_entry", "update_entry"]

DEFAULT_LIMIT = 10
_BASE = {
    "sourceAlias": "",
    "targetAlias": "",
    "read": False,
    "archived": False,
    "note": "",
    "endpoints": [],
    "starred": False,
    "labels": [],
}


def new_entry(
    kind: str,
    *,
    source: str,
    target: str,
    direction: str,
    status: str,
    created: datetime,
    connection_ids: Sequence[str],
    entry_id: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A complete history entry of ``kind`` (CALL, VOICEMAIL, SMS, FAX)."""
    when = iso(created)
    return {
        **_BASE,
        "id": entry_id or secrets.token_hex(8),
        "source": source,
        "target": target,
        "type": kind,
        "created": when,
        "lastModified": when,
        "direction": direction,
        "incoming": direction in ("INCOMING", "MISSED_INCOMING"),
        "status": status,
        "connectionIds": list(connection_ids),
        "read": direction.startswith("OUTGOING") or direction == "MISSED_OUTGOING",
        **fields,
    }


def insert_entry(store: Store, owner: str, entry: dict[str, Any]) -> dict[str, Any]:
    """Add ``entry`` to ``owner``'s history and return it."""
    with store.transaction() as db:
        db.execute(
            "INSERT INTO history (id, owner, type, direction, created, archived, starred, "
            "source, target, connection_ids, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry["id"],
                owner,
                entry["type"],
                entry["direction"],
                entry["created"],
                int(entry["archived"]),
                int(entry["starred"]),
                digits(entry["source"]),
                digits(entry["target"]),
                json.dumps(entry["connectionIds"]),
                json.dumps(entry),
            ),
        )
    return entry


def get_entry(store: Store, owner: str, entry_id: str) -> dict[str, Any] | None:
    """``owner``'s entry ``entry_id``, or None."""
    rows = store.query("SELECT data FROM history WHERE id = ? AND owner = ?", (entry_id, owner))
    return json.loads(rows[0][0]) if rows else None


def update_entry(
    store: Store, owner: str, entry_id: str, changes: dict[str, Any], now: datetime
) -> dict[str, Any] | None:
    """Apply ``changes`` to an entry (None if it does not exist) and return it."""
    with store.transaction() as db:
        entry = get_entry(store, owner, entry_id)
        if entry is None:
            return None
        entry.update(changes)
        entry["lastModified"] = iso(now)
        db.execute(
            "UPDATE history SET archived = ?, starred = ?, data = ? WHERE id = ?",
            (int(entry["archived"]), int(entry["starred"]), json.dumps(entry), entry_id),
        )
    return entry


def digits(number: str) -> str:
    """The digits of a number, for comparing numbers however written (``anonymous`` stays)."""
    return "".join(c for c in number if c.isdigit()) or number


def _select(ctx: Ctx) -> tuple[str, list[Any]]:
    p = ctx.params
    where = ["owner = ?"]
    args: list[Any] = [ctx.user]
    for column, name in (("type", "types"), ("direction", "directions")):
        if p.get(name):
            where.append(f"{column} IN ({','.join('?' * len(p[name]))})")
            args += p[name]
    if p.get("connectionIds"):
        marks = ",".join("?" * len(p["connectionIds"]))
        where.append(f"EXISTS (SELECT 1 FROM json_each(connection_ids) WHERE value IN ({marks}))")
        args += p["connectionIds"]
    if "archived" in p:
        where.append("archived = ?")
        args.append(int(p["archived"]))
    # one value or (in sipgate's own description) a list; both values select everything
    starred = p.get("starred")
    wanted = {starred} if isinstance(starred, str) else set(starred or ())
    if len(wanted) == 1:
        where.append("starred = ?")
        args.append(int(wanted == {"STARRED"}))
    from ..clock import parse_iso

    if "from" in p:
        where.append("created >= ?")
        args.append(iso(parse_iso(p["from"])))
    if "to" in p:
        where.append("created <= ?")
        args.append(iso(parse_iso(p["to"])))
    if p.get("phonenumber"):
        where.append("(source = ? OR target = ?)")
        args += [digits(p["phonenumber"])] * 2
    return " AND ".join(where), args


def _page(ctx: Ctx) -> tuple[list[dict[str, Any]], int]:
    where, args = _select(ctx)
    offset, limit = paging(ctx, DEFAULT_LIMIT)
    store = ctx.sandbox.store
    total = store.query(f"SELECT COUNT(*) FROM history WHERE {where}", args)[0][0]
    rows = store.query(
        f"SELECT data FROM history WHERE {where} ORDER BY created DESC, id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    )
    return [json.loads(r[0]) for r in rows], int(total)


@route("GET", "/history")
def list_history(ctx: Ctx) -> Result:
    """One page of the caller's history, newest first."""
    items, total = _page(ctx)
    return Result(200, {"items": items, "totalCount": total})


_CSV_COLUMNS = (
    "id", "created", "type", "direction", "status", "source", "sourceAlias", "target",
    "targetAlias", "duration", "read", "archived", "starred", "note",
)  # fmt: skip


@route("GET", "/history/export")
def export_history(ctx: Ctx) -> Result:
    """The selected entries as CSV."""
    items, _ = _page(ctx)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_CSV_COLUMNS)
    for item in items:
        writer.writerow(["" if item.get(c) is None else item.get(c) for c in _CSV_COLUMNS])
    return Result(200, body=out.getvalue().encode(), content_type="text/csv; charset=utf-8")


@route("DELETE", "/history")
def delete_entries(ctx: Ctx) -> Result:
    """Delete the listed entries (ids that do not exist are ignored)."""
    ids = ctx.params["id"]
    with ctx.sandbox.store.transaction() as db:
        db.execute(
            f"DELETE FROM history WHERE owner = ? AND id IN ({','.join('?' * len(ids))})",
            [ctx.user, *ids],
        )
    return NO_CONTENT


_FLAGS = ("archived", "starred", "read")


@route("PUT", "/history")
def update_entries(ctx: Ctx) -> Result:
    """Set flags of many entries (ids that do not exist are ignored)."""
    now = ctx.sandbox.clock.now()
    with ctx.sandbox.store.transaction():
        for item in ctx.body:
            changes = {k: item[k] for k in _FLAGS if k in item}
            update_entry(ctx.sandbox.store, ctx.user, item["id"], changes, now)
    return NO_CONTENT


def _existing(ctx: Ctx) -> dict[str, Any]:
    entry = get_entry(ctx.sandbox.store, ctx.user, ctx.params["entryId"])
    if entry is None:
        raise ApiError(404, f"there is no history entry {ctx.params['entryId']!r}")
    return entry


@route("GET", "/history/{entryId}")
def get_history_entry(ctx: Ctx) -> Result:
    """One entry."""
    return Result(200, _existing(ctx))


@route("PUT", "/history/{entryId}")
def update_history_entry(ctx: Ctx) -> Result:
    """Set the flags and note of one entry."""
    _existing(ctx)
    changes = {k: ctx.body[k] for k in (*_FLAGS, "note") if k in ctx.body}
    update_entry(
        ctx.sandbox.store, ctx.user, ctx.params["entryId"], changes, ctx.sandbox.clock.now()
    )
    return NO_CONTENT


@route("DELETE", "/history/{entryId}")
def delete_history_entry(ctx: Ctx) -> Result:
    """Delete one entry."""
    _existing(ctx)
    with ctx.sandbox.store.transaction() as db:
        db.execute("DELETE FROM history WHERE id = ?", (ctx.params["entryId"],))
    return NO_CONTENT
