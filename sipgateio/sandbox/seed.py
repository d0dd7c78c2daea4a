"""The account a new sandbox starts with: a small company on sipgate team.

Two web users (Ada, an admin, and Grace), their phones, phone lines, a group, numbers,
SMS extensions with verified sender numbers, fax lines, voicemail boxes, contacts and a
few days of history. The numbers are fictional (Düsseldorf 0211 and a 01579 mobile range).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from .clock import iso
from .store import Store

__all__ = ["ADA", "GRACE", "MAIN_NUMBER", "MOBILE_NUMBER", "seed"]

ADA = "w0"
"""The admin web user the sandbox's credentials belong to."""
GRACE = "w1"
"""A second web user, without admin rights."""
MAIN_NUMBER = "+492111234567"
"""Ada's landline, routed to her phone line p0."""
MOBILE_NUMBER = "+4915799912345"
"""Ada's mobile number, routed to p0 as well."""

ACCOUNT = {
    "company": "Rheinblick Bakery GmbH",
    "mainProductType": "TEAM",
    "logoUrl": "https://static.example.com/rheinblick/logo.png",
    "verified": True,
    "historyLifeTime": "UNLIMITED",
}

USERS: list[dict[str, Any]] = [
    {
        "id": ADA,
        "firstname": "Ada",
        "lastname": "Lovelace",
        "email": "ada@rheinblick.example",
        "defaultDevice": "e0",
        "busyOnBusy": False,
        "addressId": "1",
        "directDialIds": ["1"],
        "timezone": "Europe/Berlin",
        "admin": True,
    },
    {
        "id": GRACE,
        "firstname": "Grace",
        "lastname": "Hopper",
        "email": "grace@rheinblick.example",
        "defaultDevice": "e1",
        "busyOnBusy": True,
        "addressId": "1",
        "directDialIds": ["2"],
        "timezone": "Europe/Berlin",
        "admin": False,
    },
]

PHONELINES = [
    {"id": "p0", "alias": "Ada Lovelace", "owner": ADA},
    {"id": "p1", "alias": "Grace Hopper", "owner": GRACE},
]
GROUPS = [{"id": "g0", "alias": "Shop counter", "members": [ADA, GRACE]}]

DEVICES: list[tuple[str, dict[str, Any]]] = [
    (
        ADA,
        {
            "id": "e0",
            "alias": "Desk phone",
            "type": "REGISTER",
            "dnd": False,
            "online": True,
            "callerId": MAIN_NUMBER,
            "owner": ADA,
            "activePhonelines": [{"id": "p0", "alias": "Ada Lovelace"}],
            "activeGroups": [{"id": "g0", "alias": "Shop counter"}],
        },
    ),
    (
        ADA,
        {
            "id": "y0",
            "alias": "Ada's mobile",
            "type": "MOBILE",
            "dnd": False,
            "online": True,
            "callerId": MOBILE_NUMBER,
            "owner": ADA,
            "activePhonelines": [{"id": "p0", "alias": "Ada Lovelace"}],
            "activeGroups": [],
        },
    ),
    (
        ADA,
        {
            "id": "x0",
            "alias": "Home office",
            "type": "EXTERNAL",
            "dnd": True,
            "online": False,
            "callerId": MAIN_NUMBER,
            "owner": ADA,
            "activePhonelines": [],
            "activeGroups": [],
        },
    ),
    (
        GRACE,
        {
            "id": "e1",
            "alias": "Counter phone",
            "type": "REGISTER",
            "dnd": False,
            "online": True,
            "callerId": "+492111234568",
            "owner": GRACE,
            "activePhonelines": [{"id": "p1", "alias": "Grace Hopper"}],
            "activeGroups": [{"id": "g0", "alias": "Shop counter"}],
        },
    ),
]

NUMBERS: list[tuple[str, str, str, str]] = [
    # (number, localized, type, endpoint id)
    (MAIN_NUMBER, "0211 1234567", "LANDLINE", "p0"),
    (MOBILE_NUMBER, "01579 9912345", "MOBILE", "p0"),
    ("+492111234568", "0211 1234568", "LANDLINE", "p1"),
    ("+492111234560", "0211 1234560", "LANDLINE", "g0"),
    ("+492111234569", "0211 1234569", "LANDLINE", "f0"),
    ("+492111234570", "0211 1234570", "LANDLINE", "f1"),
    ("+492111234571", "0211 1234571", "LANDLINE", ""),
]

SMS_EXTENSIONS: list[tuple[str, dict[str, Any], list[tuple[str, bool]]]] = [
    # owner, extension, sender numbers (number, verified); the first verified is the default
    (
        ADA,
        {"id": "s0", "alias": "Ada's SMS"},
        [(MAIN_NUMBER, True), (MOBILE_NUMBER, True), ("+4917612121212", False)],
    ),
    (GRACE, {"id": "s1", "alias": "Grace's SMS"}, [("+492111234568", True)]),
]

FAXLINES: list[tuple[str, dict[str, Any]]] = [
    (
        ADA,
        {
            "id": "f0",
            "alias": "Office fax",
            "tagline": "Rheinblick Bakery GmbH",
            "canSend": True,
            "canReceive": True,
        },
    ),
    (
        GRACE,
        {"id": "f1", "alias": "Counter fax", "tagline": None, "canSend": True, "canReceive": False},
    ),
]

VOICEMAILS = [
    {
        "id": "v0",
        "alias": "Voicemail of Ada Lovelace",
        "belongsToEndpoint": {"extension": "p0", "type": "PHONELINE"},
    },
    {
        "id": "v1",
        "alias": "Voicemail of Grace Hopper",
        "belongsToEndpoint": {"extension": "p1", "type": "PHONELINE"},
    },
]


def _contact(
    name: str,
    scope: str,
    numbers: list[tuple[str, list[str]]],
    emails: Sequence[tuple[str, list[str]]] = (),
    **extra: Any,
) -> dict[str, Any]:
    return {
        "name": name,
        "picture": None,
        "emails": [{"email": e, "type": t} for e, t in emails],
        "numbers": [{"number": n, "type": t} for n, t in numbers],
        "addresses": extra.get("addresses", []),
        "organization": extra.get("organization", []),
        "scope": scope,
    }


CONTACTS: list[tuple[str, dict[str, Any]]] = [
    (
        ADA,
        _contact(
            "Charles Babbage",
            "PRIVATE",
            [("+4915112345678", ["cell"])],
            [("charles@engine.example", ["home"])],
        ),
    ),
    (ADA, _contact("Mary Somerville", "PRIVATE", [("+492216677889", ["home"])])),
    (
        ADA,
        _contact(
            "Mühlenwerk Flour Supply",
            "SHARED",
            [("+492118765432", ["work"]), ("+492118765439", ["fax", "work"])],
            [("orders@muehlenwerk.example", ["work"])],
            organization=[["Mühlenwerk GmbH", "Sales"]],
            addresses=[
                {
                    "poBox": None,
                    "extendedAddress": None,
                    "streetAddress": "Mühlenweg 4",
                    "locality": "Neuss",
                    "region": "NRW",
                    "postalCode": "41460",
                    "country": "DE",
                }
            ],
        ),
    ),
    (ADA, _contact("Café Königsallee", "SHARED", [("+492113344556", ["work"])])),
    (GRACE, _contact("Alan Turing", "PRIVATE", [("+441614960000", ["work"])])),
]


def _history(now: datetime) -> list[dict[str, Any]]:
    def at(hours: float) -> str:
        return iso(now - timedelta(hours=hours))

    base = {"read": True, "archived": False, "note": "", "starred": False, "labels": []}
    return [
        {
            **base,
            "id": "h1001",
            "source": "+4915112345678",
            "target": MAIN_NUMBER,
            "sourceAlias": "Charles Babbage",
            "targetAlias": "Ada Lovelace",
            "type": "CALL",
            "created": at(50),
            "lastModified": at(50),
            "direction": "INCOMING",
            "incoming": True,
            "status": "PICKUP",
            "connectionIds": ["p0"],
            "endpoints": [{"type": "ROUTED", "endpoint": {"extension": "p0", "type": "PHONELINE"}}],
            "callId": "H1001CALL",
            "callStatus": "SUCCESS",
            "recordings": [],
            "duration": 184,
        },
        {
            **base,
            "id": "h1002",
            "source": MAIN_NUMBER,
            "target": "+492118765432",
            "sourceAlias": "Ada Lovelace",
            "targetAlias": "Mühlenwerk Flour Supply",
            "type": "CALL",
            "created": at(30),
            "lastModified": at(30),
            "direction": "OUTGOING",
            "incoming": False,
            "status": "PICKUP",
            "connectionIds": ["p0"],
            "endpoints": [{"type": "ROUTED", "endpoint": {"extension": "e0", "type": "REGISTER"}}],
            "callId": "H1002CALL",
            "callStatus": "SUCCESS",
            "recordings": [],
            "duration": 95,
            "starred": True,
        },
        {
            **base,
            "id": "h1003",
            "source": "+492216677889",
            "target": MOBILE_NUMBER,
            "sourceAlias": "Mary Somerville",
            "targetAlias": "Ada Lovelace",
            "type": "CALL",
            "created": at(26),
            "lastModified": at(26),
            "direction": "MISSED_INCOMING",
            "incoming": True,
            "status": "NOPICKUP",
            "connectionIds": ["p0"],
            "read": False,
            "endpoints": [{"type": "ROUTED", "endpoint": {"extension": "p0", "type": "PHONELINE"}}],
            "callId": "H1003CALL",
            "callStatus": "MISSED",
            "recordings": [],
            "duration": 0,
        },
        {
            **base,
            "id": "h1004",
            "source": "+492216677889",
            "target": MOBILE_NUMBER,
            "sourceAlias": "Mary Somerville",
            "targetAlias": "Voicemail of Ada Lovelace",
            "type": "VOICEMAIL",
            "created": at(25.9),
            "lastModified": at(25.9),
            "direction": "INCOMING",
            "incoming": True,
            "status": "PICKUP",
            "connectionIds": ["p0", "v0"],
            "read": False,
            "endpoints": [{"type": "ROUTED", "endpoint": {"extension": "v0", "type": "VOICEMAIL"}}],
            "duration": 21,
            "transcription": "Hello Ada, please call me back about the order.",
            "recordingUrl": "https://api.sipgate.example/sandbox/voicemail/h1004.mp3",
        },
        {
            **base,
            "id": "h1005",
            "source": MAIN_NUMBER,
            "target": "+4915112345678",
            "sourceAlias": "Ada Lovelace",
            "targetAlias": "Charles Babbage",
            "type": "SMS",
            "created": at(5),
            "lastModified": at(5),
            "direction": "OUTGOING",
            "incoming": False,
            "status": "PICKUP",
            "connectionIds": ["s0"],
            "endpoints": [],
            "smsContent": "The rye bread is ready for pick-up.",
            "scheduled": None,
        },
        {
            **base,
            "id": "h1006",
            "source": "+492118765439",
            "target": "+492111234569",
            "sourceAlias": "Mühlenwerk Flour Supply",
            "targetAlias": "Office fax",
            "type": "FAX",
            "created": at(3),
            "lastModified": at(3),
            "direction": "INCOMING",
            "incoming": True,
            "status": "PICKUP",
            "connectionIds": ["f0"],
            "read": False,
            "endpoints": [],
            "faxStatusType": "SENT",
            "documentUrl": "https://api.sipgate.example/sandbox/fax/h1006.pdf",
            "reportUrl": None,
            "previewUrl": None,
            "pageCount": 2,
            "scheduled": None,
        },
    ]


def seed(store: Store, now: datetime) -> None:
    """Fill an empty database with the sample account."""
    from .handlers.contacts import insert_contact
    from .handlers.history import insert_entry

    with store.transaction():
        store.set_kv("account", ACCOUNT)
        store.set_kv("balance", {"amount": 1_000_000, "currency": "EUR"})
        store.set_kv(
            "settings", {"incomingUrl": "", "outgoingUrl": "", "log": False, "whitelist": None}
        )
        for user in USERS:
            store.put("user", user, owner=user["id"])
        for line in PHONELINES:
            store.put("phoneline", line, owner=line["owner"])
        for group in GROUPS:
            store.put("group", group)
        for owner, device in DEVICES:
            store.put("device", device, owner=owner)
        for owner, extension, senders in SMS_EXTENSIONS:
            default = next(n for n, verified in senders if verified)
            store.put("sms", {**extension, "callerId": default}, owner=owner)
            for index, (number, verified) in enumerate(senders):
                store.put(
                    "sms_callerid",
                    {
                        "id": f"{extension['id']}/{index}",
                        "callerId": index,
                        "number": number,
                        "verified": verified,
                        "default": number == default,
                    },
                    owner=extension["id"],
                )
        for owner, line in FAXLINES:
            store.put("faxline", line, owner=owner)
        for position, (number, localized, kind, endpoint) in enumerate(NUMBERS):
            store.put("number", _number(store, position, number, localized, kind, endpoint))
        for box in VOICEMAILS:
            store.put("voicemail", box)
        for owner, contact in CONTACTS:
            insert_contact(store, owner, contact)
        for entry in _history(now):
            insert_entry(store, ADA, entry)


def _alias(store: Store, endpoint: str) -> str:
    for kind in ("phoneline", "group", "faxline"):
        doc = store.get(kind, endpoint)
        if doc is not None:
            return str(doc["alias"])
    return ""


def _number(
    store: Store, position: int, number: str, localized: str, kind: str, endpoint: str
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": str(1000 + position),
        "number": number,
        "localized": localized,
        "type": kind,
        "endpointId": endpoint or None,
        "endpointAlias": _alias(store, endpoint) if endpoint else None,
        "endpointUrl": f"/v2/{endpoint}" if endpoint else None,
        "portId": None,
    }
    if kind == "MOBILE":
        doc["mnpState"] = {"isReleased": False, "releasedUntil": None}
    return doc
