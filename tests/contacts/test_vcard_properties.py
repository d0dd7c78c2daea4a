"""Property-based tests of the vCard writer and reader, with vobject as the reference."""

from __future__ import annotations

import io
from typing import Any

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sipgateio.contacts import (
    Address,
    Contact,
    Email,
    PhoneNumber,
    parse_vcards,
    split_name,
    write_vcard,
    write_vcard_book,
)
from tests.contacts import strategies as s

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _kept(contact: Contact) -> Contact:
    """What a vCard keeps of a contact: everything (the strategies generate no empty items)."""
    return contact


def _types(line: Any) -> tuple[str, ...]:
    return tuple(t.lower() for t in line.params.get("TYPE", []))


def _component(value: Any) -> str:
    # vobject gives a list for an ADR/N component that had unescaped commas; ours never do.
    return ",".join(value) if isinstance(value, list) else str(value)


def _raw_photo(card: str) -> str | None:
    """PHOTO as written (vobject splits a data: URI at its comma, reading it as a text list)."""
    for line in vobject.base.getLogicalLines(io.StringIO(card)):
        name, _params, value, _group = vobject.base.parseLine(line[0])
        if name.upper() == "PHOTO":
            return str(value)
    return None


def _org(parts: Any) -> tuple[str, ...]:
    """An ORG without its empty trailing parts: vobject drops them when reading ``ORG:A;``."""
    parts = list(parts)
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    return tuple(parts)


def _from_vobject(card: Any, raw: str) -> dict[str, Any]:
    """The values vobject reads from a card, in our model's terms."""
    contents = card.contents
    n = card.n.value
    return {
        "uid": card.uid.value if "uid" in contents else "",
        "name": card.fn.value,
        "n": (_component(n.given), _component(n.family)),
        "numbers": [(t.value, _types(t)) for t in contents.get("tel", [])],
        "emails": [(e.value, _types(e)) for e in contents.get("email", [])],
        "addresses": [
            tuple(
                _component(getattr(a.value, f))
                for f in ("box", "extended", "street", "city", "region", "code", "country")
            )
            for a in contents.get("adr", [])
        ],
        "organization": [_org(o.value) for o in contents.get("org", [])],
        "photo": _raw_photo(raw),
    }


def _photo_value(picture: str | None) -> str | None:
    if picture is None or picture.startswith("https:"):
        return picture
    kind = "png" if picture.startswith("iVBOR") else "gif" if picture.startswith("R0lGOD") else None
    kind = kind or ("webp" if picture.startswith("UklGR") else "jpeg")
    return f"data:image/{kind};base64,{picture}"


def _expected(contact: Contact, n: tuple[str, str], photo: str | None) -> dict[str, Any]:
    """``contact`` in the shape :func:`_from_vobject` reports a card."""
    return {
        "uid": contact.id,
        "name": contact.name,
        "n": n,
        "numbers": [(x.number, x.type) for x in contact.numbers],
        "emails": [(e.email, e.type) for e in contact.emails],
        "addresses": [
            (
                a.po_box,
                a.extended_address,
                a.street_address,
                a.locality,
                a.region,
                a.postal_code,
                a.country,
            )
            for a in contact.addresses
        ],
        "organization": [_org(o) for o in contact.organization],
        "photo": photo,
    }


@SETTINGS
@given(s.contacts())
def test_vobject_reads_every_card_we_write_to_the_same_values(contact: Contact) -> None:
    card = write_vcard(contact)
    parsed = vobject.readOne(card)
    assert parsed.version.value == "4.0"
    given_name, family = split_name(contact.name)
    assert _from_vobject(parsed, card) == _expected(
        contact, (given_name, family), _photo_value(contact.picture)
    )


@SETTINGS
@given(s.contacts())
def test_we_read_every_card_we_write_to_the_same_contact(contact: Contact) -> None:
    result = parse_vcards(write_vcard(contact), scope=contact.scope)
    assert result.skipped == ()
    assert result.contacts == [contact]
    given_name, family = split_name(contact.name)
    assert (result.records[0].given, result.records[0].family) == (given_name, family)


@SETTINGS
@given(st.lists(s.contacts(), max_size=5))
def test_a_book_round_trips(contacts: list[Contact]) -> None:
    book = write_vcard_book(contacts)
    result = parse_vcards(book, scope=contacts[0].scope if contacts else "PRIVATE")
    assert result.skipped == ()
    assert [c.name for c in result.contacts] == [c.name for c in contacts]
    assert [r.line for r in result.records] == list(range(1, len(contacts) + 1))


@SETTINGS
@given(s.contacts())
def test_lines_are_folded_at_75_octets(contact: Contact) -> None:
    card = write_vcard(contact)
    assert card.endswith("END:VCARD\r\n")
    physical = card.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in physical)
    assert "\n" not in card.replace("\r\n", "") and "\r" not in card.replace("\r\n", "")
    # Unfolding gives back lines that each start a property.
    logical = card.replace("\r\n ", "").split("\r\n")[:-1]
    assert all(line[:1] not in (" ", "\t") and ":" in line for line in logical)


def _vobject_card(contact: Contact) -> str:
    """The contact as vobject writes it (vCard 3.0)."""
    card = vobject.vCard()
    if contact.id:
        card.add("uid").value = contact.id
    card.add("fn").value = contact.name
    given_name, family = split_name(contact.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given_name)
    for number in contact.numbers:
        line = card.add("tel")
        line.value = number.number
        if number.type:
            line.type_paramlist = list(number.type)
    for email in contact.emails:
        line = card.add("email")
        line.value = email.email
        if email.type:
            line.type_paramlist = list(email.type)
    for a in contact.addresses:
        card.add("adr").value = vobject.vcard.Address(
            box=a.po_box,
            extended=a.extended_address,
            street=a.street_address,
            city=a.locality,
            region=a.region,
            code=a.postal_code,
            country=a.country,
        )
    for org in contact.organization:
        card.add("org").value = list(org)
    return str(card.serialize())


# vobject writes parameter values with ':' ';' ',' unquoted and splits them on ',', and it
# drops empty ORG parts at the end: keep to what it can round-trip itself.
_vobject_types = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8),
    max_size=3,
    unique=True,
).map(tuple)
_vobject_contacts = st.builds(
    Contact,
    id=s.ids,
    name=s.names,
    picture=st.none(),
    emails=st.lists(st.builds(Email, st.emails(), _vobject_types), max_size=2).map(tuple),
    numbers=st.lists(st.builds(PhoneNumber, s.vcard_numbers, _vobject_types), max_size=3).map(
        tuple
    ),
    addresses=s.addresses,
    organization=st.lists(
        st.lists(s.text(), min_size=1, max_size=3).map(tuple).filter(lambda o: bool(o[-1])),
        max_size=2,
    ).map(tuple),
    scope=st.sampled_from(["PRIVATE", "SHARED"]),
)


@SETTINGS
@given(_vobject_contacts)
def test_we_read_the_cards_vobject_writes_as_vobject_does(contact: Contact) -> None:
    text = _vobject_card(contact)
    reference = _from_vobject(vobject.readOne(text), text)
    result = parse_vcards(text, scope=contact.scope)
    assert result.skipped == ()
    (record,) = result.records
    ours = record.contact
    assert _expected(ours, (record.given, record.family), None) == reference
    assert ours == contact


def test_address_helper_order_matches_the_model() -> None:
    assert [f.name for f in Address.__attrs_attrs__] == [
        "po_box",
        "extended_address",
        "street_address",
        "locality",
        "region",
        "postal_code",
        "country",
    ]
