"""Contacts: private and shared address books, the internal directory, CSV import."""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
import secrets
from typing import Any

from ..api import NO_CONTENT, ApiError, Ctx, Result, paging, route
from ..store import Store
from .history import digits

__all__ = ["insert_contact"]

DEFAULT_LIMIT = 5000


def insert_contact(store: Store, owner: str, contact: dict[str, Any]) -> dict[str, Any]:
    """Store a contact of ``owner`` (a fresh id) and return it as the API shows it."""
    doc = {"id": secrets.token_hex(8), **_shape(contact)}
    with store.transaction() as db:
        seq = db.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM contacts").fetchone()[0]
        db.execute(
            "INSERT INTO contacts (id, seq, owner, scope, data) VALUES (?, ?, ?, ?, ?)",
            (doc["id"], seq, owner, doc["scope"], json.dumps(doc)),
        )
    return doc


def _shape(contact: dict[str, Any]) -> dict[str, Any]:
    """The stored form of a create/update request: every field the API answers with."""
    return {
        "name": contact["name"],
        "picture": contact.get("picture"),
        "emails": [
            {"email": e["email"], "type": e.get("type", [])} for e in contact.get("emails", [])
        ],
        "numbers": [
            {"number": n["number"], "type": n.get("type", [])} for n in contact.get("numbers", [])
        ],
        "addresses": list(contact.get("addresses", [])),
        "organization": [list(o) for o in contact.get("organization", [])],
        "scope": contact["scope"],
    }


def internal_contacts(store: Store) -> list[dict[str, Any]]:
    """One directory entry per web user, with their numbers by kind."""
    numbers = store.all("number")
    out = []
    for user in store.all("user"):
        lines = {line["id"] for line in store.all("phoneline", owner=user["id"])}
        faxes = {line["id"] for line in store.all("faxline", owner=user["id"])}
        mine = [n for n in numbers if n.get("endpointId") in lines | faxes]
        out.append(
            {
                "id": user["id"],
                "name": f"{user['firstname']} {user['lastname']}",
                "emails": [user["email"]],
                "mobile": [n["number"] for n in mine if n["type"] == "MOBILE"],
                "landline": [
                    n["number"]
                    for n in mine
                    if n["type"] == "LANDLINE" and n["endpointId"] not in faxes
                ],
                "fax": [n["number"] for n in mine if n["endpointId"] in faxes],
                "directdial": [],
            }
        )
    return out


def _internal_as_contacts(store: Store) -> list[dict[str, Any]]:
    out = []
    for entry in internal_contacts(store):
        numbers = [{"number": n, "type": ["cell"]} for n in entry["mobile"]]
        numbers += [{"number": n, "type": ["work"]} for n in entry["landline"]]
        numbers += [{"number": n, "type": ["fax", "work"]} for n in entry["fax"]]
        out.append(
            {
                "id": f"internal-{entry['id']}",
                "name": entry["name"],
                "picture": None,
                "emails": [{"email": e, "type": ["work"]} for e in entry["emails"]],
                "numbers": numbers,
                "addresses": [],
                "organization": [],
                "scope": "INTERNAL",
            }
        )
    return out


def _visible(ctx: Ctx) -> list[dict[str, Any]]:
    rows = ctx.sandbox.store.query(
        "SELECT data FROM contacts WHERE scope = 'SHARED' OR owner = ? ORDER BY seq", (ctx.user,)
    )
    return [json.loads(r[0]) for r in rows] + _internal_as_contacts(ctx.sandbox.store)


@route("GET", "/contacts")
def list_contacts(ctx: Ctx) -> Result:
    """One page of every contact the caller sees, optionally only those with given numbers."""
    items = _visible(ctx)
    wanted = {digits(n) for n in ctx.params.get("phonenumbers") or ()}
    if wanted:
        items = [c for c in items if any(digits(n["number"]) in wanted for n in c["numbers"])]
    offset, limit = paging(ctx, DEFAULT_LIMIT)
    return Result(200, {"items": items[offset : offset + limit], "totalCount": len(items)})


@route("POST", "/contacts")
def create_contact(ctx: Ctx) -> Result:
    """Add a private or shared contact."""
    insert_contact(ctx.sandbox.store, ctx.user, ctx.body)
    return NO_CONTENT


def _writable(ctx: Ctx, contact_id: str) -> dict[str, Any]:
    rows = ctx.sandbox.store.query(
        "SELECT data FROM contacts WHERE id = ? AND (scope = 'SHARED' OR owner = ?)",
        (contact_id, ctx.user),
    )
    if not rows:
        raise ApiError(404, f"there is no contact {contact_id!r}")
    doc: dict[str, Any] = json.loads(rows[0][0])
    return doc


@route("PUT", "/contacts/{contactId}")
def update_contact(ctx: Ctx) -> Result:
    """Replace a contact."""
    contact_id = ctx.params["contactId"]
    if ctx.body["id"] != contact_id:
        raise ApiError(400, f"the body's id {ctx.body['id']!r} is not the path's {contact_id!r}")
    _writable(ctx, contact_id)
    doc = {"id": contact_id, **_shape(ctx.body)}
    with ctx.sandbox.store.transaction() as db:
        db.execute(
            "UPDATE contacts SET scope = ?, data = ? WHERE id = ?",
            (doc["scope"], json.dumps(doc), contact_id),
        )
    return NO_CONTENT


@route("DELETE", "/contacts/{contactId}")
def delete_contact(ctx: Ctx) -> Result:
    """Remove a contact."""
    _writable(ctx, ctx.params["contactId"])
    with ctx.sandbox.store.transaction() as db:
        db.execute("DELETE FROM contacts WHERE id = ?", (ctx.params["contactId"],))
    return NO_CONTENT


@route("DELETE", "/contacts")
def delete_all(ctx: Ctx) -> Result:
    """Remove the caller's private contacts and the shared ones."""
    with ctx.sandbox.store.transaction() as db:
        db.execute("DELETE FROM contacts WHERE scope = 'SHARED' OR owner = ?", (ctx.user,))
    return NO_CONTENT


@route("GET", "/contacts/internal")
def list_internal(ctx: Ctx) -> Result:
    """The account's directory."""
    return Result(200, {"items": internal_contacts(ctx.sandbox.store)})


@route("POST", "/contacts/import/csv")
def import_csv(ctx: Ctx) -> Result:
    """Create private contacts from a CSV with the columns firstname, lastname, number."""
    try:
        text = base64.b64decode(ctx.body["base64Content"], validate=True).decode("utf-8-sig")
    except (binascii.Error, UnicodeDecodeError):
        raise ApiError(400, "base64Content is not base64 of a UTF-8 document") from None
    reader = csv.DictReader(io.StringIO(text))
    header = {(h or "").strip().lower() for h in reader.fieldnames or ()}
    missing = {"firstname", "lastname", "number"} - header
    if missing:
        raise ApiError(400, f"the CSV header lacks the column(s) {', '.join(sorted(missing))}")
    rows = []
    for line, row in enumerate(reader, start=2):
        cells = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
        name = f"{cells['firstname']} {cells['lastname']}".strip()
        if not name or not cells["number"]:
            raise ApiError(400, f"line {line}: a contact needs a name and a number")
        rows.append(
            {
                "name": name,
                "numbers": [{"number": cells["number"], "type": ["cell"]}],
                "scope": "PRIVATE",
            }
        )
    with ctx.sandbox.store.transaction():
        for row in rows:
            insert_contact(ctx.sandbox.store, ctx.user, row)
    return NO_CONTENT
