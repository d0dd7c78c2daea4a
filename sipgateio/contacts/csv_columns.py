"""Which column of an address-book CSV holds what: the header mapping of the CSV reader.

Address books export CSV under their own column names: Google Contacts (``Given Name``,
``Phone 1 - Type``/``Phone 1 - Value``... and its newer ``First Name``, ``Phone 1 - Label``),
Outlook in English (``Business Phone``, ``Home Street``...) and German (``Telefon
geschäftlich``, ``Straße privat``...), Thunderbird (``Work Phone``, ``Home Address``...),
LinkedIn, CRM tools, and sipgate's own ``firstname,lastname,number`` and export format.
:func:`read_header` maps each column to a :class:`Column` saying what it holds; columns it
does not know are listed in :attr:`Header.ignored` (so that an import can report them).

Names are compared in a normal form: lower case, every character that is not a letter or a
digit removed (``E-mail 2 Address`` is ``email2address``, ``Land/Region geschäftlich`` is
``landregiongeschäftlich``).

Phone columns get the vCard types of their kind: ``Mobile``/``Mobiltelefon`` ``("cell",)``,
``Business Phone``/``Telefon geschäftlich`` ``("work",)``, ``Home Fax``/``Fax privat``
``("home", "fax")``, ``Pager`` ``("pager",)``, ``Primary Phone``/``Haupttelefon`` ``("pref",)``,
``Car Phone``/``Autotelefon`` ``("car",)``, ``Other Phone``/``Weiteres Telefon``
``("other",)``, plain ``Phone``/``Telefon`` none. Google's typed pairs take the type written
in the row (see :func:`google_types`).
"""

from __future__ import annotations

import functools
import re

import attrs

__all__ = ["Column", "Header", "google_types", "header_key", "known_columns", "read_header"]


@attrs.frozen
class Column:
    """What one column holds.

    ``role`` is one of: ``given``, ``middle``, ``family``, ``name`` (the full or display
    name), ``prefix``, ``suffix``; ``phone`` / ``email`` (a value; ``types`` fixed by the
    column, ``group`` pairs it with a ``phone_type`` / ``email_type`` column of the same
    group); ``address`` (``part`` of the address ``group``: ``street``, ``street2``,
    ``street3``, ``extended``, ``locality``, ``region``, ``postal_code``, ``country``,
    ``po_box`` or ``formatted``); ``org_name`` / ``org_unit`` (of organisation ``group``);
    the sipgate export format's ``id``, ``numbers``, ``emails``, ``addresses``,
    ``organization``, ``picture`` and ``scope``.
    """

    index: int
    name: str
    role: str
    types: tuple[str, ...] = ()
    group: str = ""
    part: str = ""


@attrs.frozen
class Header:
    """A CSV header read by :func:`read_header`: its columns and those it does not know."""

    columns: tuple[Column, ...]
    ignored: tuple[str, ...]
    export_format: bool
    """True for sipgate's export format (a ``numbers`` column of ``value;type`` items)."""

    def has(self, role: str) -> bool:
        """Whether some column has ``role``."""
        return any(c.role == role for c in self.columns)


_NOT_WORD = re.compile(r"[\W_]+")


def header_key(name: str) -> str:
    """The normal form of a column name: lower case, letters and digits only."""
    return _NOT_WORD.sub("", name.lower())


_NAMES = {
    "given": ("firstname", "givenname", "first", "vorname", "forename"),
    "middle": ("middlename", "additionalname", "weiterevornamen", "zweitervorname"),
    "family": ("lastname", "familyname", "surname", "last", "nachname"),
    "name": ("name", "fullname", "displayname", "anzeigename", "contactname"),
    "prefix": ("nameprefix", "anrede", "prefix"),
    "suffix": ("namesuffix", "suffix", "namenszusatz"),
}

_PHONES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("number", "phone", "phonenumber", "telephone", "telephonenumber", "tel", "telefon"): (),
    (
        "mobile",
        "mobilephone",
        "mobilenumber",
        "mobilephonenumber",
        "cell",
        "cellphone",
        "homemobile",
        "handy",
        "mobiltelefon",
        "mobiltelefon2",
    ): ("cell",),
    (
        "workphone",
        "workphone2",
        "businessphone",
        "businessphone2",
        "companymainphone",
        "telefongeschäftlich",
        "telefongeschäftlich2",
        "telefonfirma",
    ): ("work",),
    ("homephone", "homephone2", "telefonprivat", "telefonprivat2"): ("home",),
    ("fax", "faxnumber", "otherfax", "weiteresfax"): ("fax",),
    ("homefax", "faxprivat"): ("home", "fax"),
    ("businessfax", "workfax", "faxgeschäftlich"): ("work", "fax"),
    ("pager", "pagernumber"): ("pager",),
    ("primaryphone", "haupttelefon"): ("pref",),
    ("carphone", "autotelefon"): ("car",),
    ("otherphone", "weiterestelefon"): ("other",),
    ("assistantsphone", "telefonassistent"): ("assistant",),
    ("callback", "rückmeldung"): ("callback",),
    ("isdn",): ("isdn",),
    ("ttytddphone", "telefonfürhörbehinderte"): ("textphone",),
    ("phonevideo", "videophone"): ("video",),
    ("radiophone", "funkruf"): ("radio",),
    ("telex",): ("telex",),
}

_EMAILS: dict[tuple[str, ...], tuple[str, ...]] = {
    (
        "email",
        "emails",
        "mail",
        "emailaddress",
        "email2address",
        "email3address",
        "primaryemail",
        "secondaryemail",
        "contactemail",
        "emailadresse",
        "email2adresse",
        "email3adresse",
    ): (),
    ("emailhome", "homeemail"): ("home",),
    ("emailwork", "workemail", "businessemail"): ("work",),
    ("emailother", "otheremail"): ("other",),
}

_ORGS = {
    "org_name": (
        "company",
        "companyname",
        "organization",
        "organisation",
        "organizationname",
        "org",
        "business",
        "firma",
        "employer",
    ),
    "org_unit": ("department", "organizationdepartment", "abteilung"),
}

_ADDRESS_KINDS = {  # English column prefixes and the address they belong to
    "home": "home",
    "business": "work",
    "work": "work",
    "other": "other",
}
_ADDRESS_PARTS = {  # English column suffixes
    "street": "street",
    "street2": "street2",
    "street3": "street3",
    "address": "street",
    "address2": "street2",
    "address3": "street3",
    "city": "locality",
    "state": "region",
    "postalcode": "postal_code",
    "zip": "postal_code",
    "zipcode": "postal_code",
    "country": "country",
    "countryregion": "country",
    "pobox": "po_box",
}
_GERMAN_ADDRESS = {  # German Outlook: part, then the address (geschäftlich, privat, weitere)
    "straße": "street",
    "straße2": "street2",
    "straße3": "street3",
    "ort": "locality",
    "region": "region",
    "bundeslandkanton": "region",
    "postleitzahl": "postal_code",
    "landregion": "country",
    "postfach": "po_box",
}
_GERMAN_KINDS = {"geschäftlich": "work", "privat": "home"}
_GERMAN_OTHER = {  # "Weitere Straße", "Weiterer Ort", "Weiteres/r Bundesland/Kanton"...
    "weiterestraße": "street",
    "weiterestraße2": "street2",
    "weiterestraße3": "street3",
    "weitererort": "locality",
    "weiteresrbundeslandkanton": "region",
    "weiterepostleitzahl": "postal_code",
    "weitereselandregion": "country",
    "weiterespostfach": "po_box",
}
_PLAIN_ADDRESS = {  # one address without kind
    "address": "formatted",
    "postaladdress": "formatted",
    "street": "street",
    "streetaddress": "street",
    "city": "locality",
    "town": "locality",
    "state": "region",
    "province": "region",
    "zip": "postal_code",
    "zipcode": "postal_code",
    "postalcode": "postal_code",
    "postcode": "postal_code",
    "plz": "postal_code",
    "country": "country",
    "land": "country",
}
_GOOGLE_ADDRESS = {
    "formatted": "formatted",
    "street": "street",
    "city": "locality",
    "pobox": "po_box",
    "region": "region",
    "postalcode": "postal_code",
    "country": "country",
    "extendedaddress": "extended",
}

_GOOGLE = re.compile(r"(phone|email|address|organization)(\d+)(\w+)")
_EXPORT = ("id", "numbers", "emails", "addresses", "organization", "picture", "scope")
_ALWAYS = ("id", "picture", "scope")  # read in any layout; the rest in the export format


def _table(groups: dict[tuple[str, ...], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {key: types for keys, types in groups.items() for key in keys}


_PHONE_TYPES = _table(_PHONES)
_EMAIL_TYPES = _table(_EMAILS)
_ROLES = {key: role for role, keys in {**_NAMES, **_ORGS}.items() for key in keys}


def _fixed_address(key: str) -> tuple[str, str] | None:
    """``(address, part)`` of an Outlook/Thunderbird address column, or None."""
    for prefix, kind in _ADDRESS_KINDS.items():
        if key.startswith(prefix) and key[len(prefix) :] in _ADDRESS_PARTS:
            return kind, _ADDRESS_PARTS[key[len(prefix) :]]
    if key in _GERMAN_OTHER:
        return "other", _GERMAN_OTHER[key]
    for suffix, kind in _GERMAN_KINDS.items():
        stem = key.replace(suffix, "", 1) if suffix in key else None
        if stem is not None and stem in _GERMAN_ADDRESS:
            return kind, _GERMAN_ADDRESS[stem]
    if key in _PLAIN_ADDRESS:
        return "", _PLAIN_ADDRESS[key]
    return None


def _google(index: int, name: str, key: str) -> Column | None:
    """A column of Google's numbered groups (``Phone 1 - Value``), or None."""
    match = _GOOGLE.fullmatch(key)
    if match is None:
        return None
    kind, group, field = match.groups()
    if kind in ("phone", "email"):
        if field == "value":
            return Column(index, name, kind, group=group)
        if field in ("type", "label"):
            return Column(index, name, f"{kind}_type", group=group)
    elif kind == "address":
        if field in ("type", "label"):
            return Column(index, name, "address_type", group=f"g{group}")
        if field in _GOOGLE_ADDRESS:
            return Column(index, name, "address", group=f"g{group}", part=_GOOGLE_ADDRESS[field])
    elif field in ("name", "department"):  # organization
        role = "org_name" if field == "name" else "org_unit"
        return Column(index, name, role, group=group)
    return None


@functools.lru_cache(maxsize=1024)
def _known(key: str) -> bool:
    return bool(read_header([key]).columns) or key in _EXPORT


def known_columns(names: list[str]) -> int:
    """How many of ``names`` are columns :func:`read_header` reads (cheap: for detection)."""
    return sum(1 for name in names if _known(header_key(name)))


def read_header(header: list[str]) -> Header:
    """What each column of ``header`` holds (the first column of a name wins)."""
    keys = [header_key(name) for name in header]
    export_format = "numbers" in keys
    columns: list[Column] = []
    ignored: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    for index, (name, key) in enumerate(zip(header, keys, strict=True)):
        column: Column | None
        if key in _EXPORT and (export_format or key in _ALWAYS):
            column = Column(index, name, key)
        elif key in _ROLES:
            column = Column(index, name, _ROLES[key])
        elif key in _PHONE_TYPES:
            column = Column(index, name, "phone", types=_PHONE_TYPES[key], group=f"c{index}")
        elif key in _EMAIL_TYPES:
            column = Column(index, name, "email", types=_EMAIL_TYPES[key], group=f"c{index}")
        elif key == "photo":
            column = Column(index, name, "picture")
        else:
            column = _google(index, name, key)
            if column is None and (found := _fixed_address(key)) is not None:
                column = Column(index, name, "address", group=found[0], part=found[1])
        if column is None:
            if name.strip():
                ignored.append(name.strip())
            continue
        slot = (column.role, column.group, column.part)
        if column.role in ("phone", "email"):
            slot = (column.role, column.group, str(index))  # every phone column counts
        if slot in seen:
            ignored.append(name.strip())
            continue
        seen.add(slot)
        columns.append(column)
    return Header(tuple(columns), tuple(ignored), export_format)


_GOOGLE_TYPES = {
    "mobile": ("cell",),
    "cell": ("cell",),
    "work": ("work",),
    "home": ("home",),
    "main": ("main",),
    "homefax": ("home", "fax"),
    "workfax": ("work", "fax"),
    "otherfax": ("fax",),
    "fax": ("fax",),
    "pager": ("pager",),
    "other": ("other",),
    "googlevoice": ("voice",),
}


def google_types(label: str) -> tuple[str, ...]:
    """The types of a Google ``Phone N - Type``/``E-mail N - Type`` cell.

    ``Mobile`` is ``("cell",)``, ``Home Fax`` ``("home", "fax")``, a leading ``*`` (Google's
    mark of the primary value) adds ``"pref"``; a custom label is kept, lower-cased.
    """
    text = label.strip()
    pref = text.startswith("*")
    text = text.lstrip("* ").strip()
    if not text:
        return ("pref",) if pref else ()
    types = _GOOGLE_TYPES.get(header_key(text), (text.lower(),))
    return (*types, "pref") if pref else types
