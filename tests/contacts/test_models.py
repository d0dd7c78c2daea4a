"""The contact models and their conversion from and to the API's JSON."""

from __future__ import annotations

import copy
import enum
import gc
import pickle
import weakref
from collections.abc import Iterator

import attrs
import pytest

from sipgateio.contacts import (
    Address,
    Contact,
    ContactsExportFilter,
    Email,
    ExportScope,
    ImportReport,
    ParseResult,
    PhoneNumber,
    Scope,
    SkippedRecord,
    contact_from_api,
    contact_to_api,
    contacts_from_api,
    gc_pause_enabled,
    parse_vcards,
    pause_gc_during_conversions,
    paused_gc,
    split_name,
)
from sipgateio.contacts import vcard as vcard_module
from sipgateio.errors import ValidationError

API_CONTACT = {
    "id": "aecc6385-f093-48a5-afec-b4014212d2ec",
    "name": "Lea Müller",
    "picture": None,
    "emails": [{"email": "lea.mueller0@example.com", "type": ["work"]}],
    "numbers": [
        {"number": "+4915114183288", "type": ["cell"]},
        {"number": 4921163553355, "type": ["work", "fax"]},
    ],
    "addresses": [
        {
            "poBox": "",
            "extendedAddress": "",
            "streetAddress": "Hauptstraße 108",
            "locality": "Essen",
            "region": "Nordrhein-Westfalen",
            "postalCode": "45960",
            "country": "Germany",
        }
    ],
    "organization": [["Grün Energie eG", "Vertrieb"]],
    "scope": "SHARED",
}

LEA = Contact(
    id="aecc6385-f093-48a5-afec-b4014212d2ec",
    name="Lea Müller",
    picture=None,
    emails=(Email("lea.mueller0@example.com", ("work",)),),
    numbers=(
        PhoneNumber("+4915114183288", ("cell",)),
        PhoneNumber("4921163553355", ("work", "fax")),  # a JSON number becomes a string
    ),
    addresses=(
        Address("", "", "Hauptstraße 108", "Essen", "Nordrhein-Westfalen", "45960", "Germany"),
    ),
    organization=(("Grün Energie eG", "Vertrieb"),),
    scope=Scope.SHARED,
)


def test_contact_from_api() -> None:
    assert contact_from_api(API_CONTACT) == LEA


def test_contact_from_api_tolerates_missing_and_null_fields() -> None:
    contact = contact_from_api(
        {
            "id": "x",
            "name": "Only Name",
            "numbers": None,
            "addresses": [{"streetAddress": "Main St", "region": None}],
            "emails": [{"email": "a@b.c"}],
        }
    )
    assert contact == Contact(
        "x",
        "Only Name",
        emails=(Email("a@b.c"),),
        addresses=(Address(street_address="Main St"),),
        scope=Scope.PRIVATE,
    )


def test_contact_from_api_scopes() -> None:
    assert contact_from_api({"id": "w0", "name": "W", "scope": "INTERNAL"}).scope is (
        ExportScope.INTERNAL
    )
    with pytest.raises(ValidationError, match="unknown contact scope 'PUBLIC'"):
        contact_from_api({"id": "1", "name": "N", "scope": "PUBLIC"})


def test_contacts_from_api() -> None:
    assert contacts_from_api([API_CONTACT, API_CONTACT]) == [LEA, LEA]
    assert gc.isenabled()


def test_contact_to_api_update_body() -> None:
    assert contact_to_api(LEA) == {
        "id": "aecc6385-f093-48a5-afec-b4014212d2ec",
        "name": "Lea Müller",
        "given": "Lea",
        "family": "Müller",
        "picture": None,
        "emails": [{"email": "lea.mueller0@example.com", "type": ["work"]}],
        "numbers": [
            {"number": "+4915114183288", "type": ["cell"]},
            {"number": "4921163553355", "type": ["work", "fax"]},
        ],
        "addresses": [
            {
                "poBox": "",
                "extendedAddress": "",
                "streetAddress": "Hauptstraße 108",
                "locality": "Essen",
                "region": "Nordrhein-Westfalen",
                "postalCode": "45960",
                "country": "Germany",
            }
        ],
        "organization": [["Grün Energie eG", "Vertrieb"]],
        "scope": "SHARED",
    }


def test_contact_to_api_create_body_with_name_parts() -> None:
    body = contact_to_api(Contact("", "Käthe von Bülow"), given="Käthe", family="von Bülow")
    assert "id" not in body
    assert (body["given"], body["family"], body["scope"]) == ("Käthe", "von Bülow", "PRIVATE")
    assert contact_to_api(Contact("", "Käthe von Bülow"), given="K")["family"] == "Bülow"
    assert "id" not in contact_to_api(Contact("uid-from-a-vcard", "A B"), with_id=False)


def test_contact_to_api_rejects_internal_contacts() -> None:
    with pytest.raises(ValidationError) as info:
        contact_to_api(Contact("w0", "Web User", scope=ExportScope.INTERNAL))
    assert info.value.field == "scope"


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Ada Lovelace", ("Ada", "Lovelace")),
        ("  Käthe  von Bülow ", ("Käthe  von", "Bülow")),
        ("Cher", ("Cher", "")),
        ("", ("", "")),
    ],
)
def test_split_name(name: str, parts: tuple[str, str]) -> None:
    assert split_name(name) == parts


def test_models_are_frozen_hashable_and_turn_lists_into_tuples() -> None:
    contact = Contact(
        "1",
        "A",
        numbers=[PhoneNumber("+49301", ["home"])],  # type: ignore[arg-type]
        organization=[["Org", "Unit"]],  # type: ignore[list-item]
    )
    assert contact.numbers == (PhoneNumber("+49301", ("home",)),)
    assert contact.organization == (("Org", "Unit"),)
    assert hash(contact) == hash(
        Contact(
            "1", "A", numbers=(PhoneNumber("+49301", ("home",)),), organization=(("Org", "Unit"),)
        )
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        contact.name = "B"  # type: ignore[misc]
    assert ContactsExportFilter(["+49301"]).phonenumbers == ("+49301",)  # type: ignore[arg-type]


def test_scopes_are_strings() -> None:
    assert Scope.PRIVATE == "PRIVATE" and ExportScope.ALL == "ALL"
    assert Scope.SHARED == ExportScope.SHARED
    assert [s.value for s in ExportScope] == ["PRIVATE", "SHARED", "INTERNAL", "ALL"]


def test_reports() -> None:
    report = ImportReport(imported=2, skipped=[SkippedRecord(3, "no number")])
    assert report.skipped[0].line == 3
    assert ImportReport(0).skipped == []
    result = ParseResult(skipped=[SkippedRecord(1, "empty card")])
    assert result.skipped == (SkippedRecord(1, "empty card"),) and result.contacts == []


TWO_CARDS = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Lovelace;Ada;;;\r\nFN:Ada Lovelace\r\n"
    "TEL;TYPE=cell:+4915114183288\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Hopper;Grace;;;\r\nFN:Grace Hopper\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Inner Card\r\nEND:VCARD\r\n"
    "EMAIL:grace@example.com\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:5.0\r\nFN:Future\r\nEND:VCARD\r\n"
)


@pytest.mark.parametrize(
    "text", [TWO_CARDS, TWO_CARDS.split("BEGIN:VCARD\r\nVERSION:4.0\r\nN:H")[0]]
)
def test_a_parse_result_behaves_like_one_built_from_its_records(text: str) -> None:
    parsed = parse_vcards(text)  # keeps contacts and (line, given, family), makes records on demand
    built = ParseResult(parsed.records, parsed.skipped, parsed.notes)
    assert parsed == built and hash(parsed) == hash(built) and repr(parsed) == repr(built)
    assert parsed.contacts == built.contacts == [r.contact for r in parsed.records]
    assert parsed.records is parsed.records  # made once
    assert pickle.loads(pickle.dumps(parsed)) == parsed
    assert copy.deepcopy(parsed) == parsed and copy.copy(parsed) == parsed
    assert weakref.ref(parsed)() is parsed
    other = parse_vcards(text.replace("Ada", "Ida"))
    assert parsed != other and parsed != parsed.records
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        parsed.skipped = ()  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del parsed.notes  # type: ignore[misc]


def test_parse_result_records_keep_card_order_lines_and_names_of_nested_cards() -> None:
    result = parse_vcards(TWO_CARDS)
    assert [(r.line, r.contact.name, r.given, r.family) for r in result.records] == [
        (1, "Ada Lovelace", "Ada", "Lovelace"),
        (2, "Grace Hopper", "Grace", "Hopper"),
        (3, "Inner Card", "Inner", "Card"),
    ]
    assert result.records[1].contact.emails == (Email("grace@example.com"),)
    assert [s.line for s in result.skipped] == [4]
    assert ParseResult().records == () and ParseResult().contacts == []


def test_a_kept_single_card_result_leaves_eight_tracked_objects() -> None:
    """One result per card, kept by the thousand, is what the collector has to go through.

    The result, its contact, the contact's three tuples and one e-mail, number and address:
    the tuples of strings (types, organisation, the record's line and names) are left to the
    collector's own untracking.
    """
    card = TWO_CARDS.split("BEGIN:VCARD\r\nVERSION:4.0\r\nN:H")[0].replace(
        "END:VCARD",
        "EMAIL:ada@example.com\r\nADR:;;Street 1;Town;;12345;Country\r\n"
        "ORG:Engines;Analytical\r\nEND:VCARD",
    )
    result = parse_vcards(card)
    # The collector untracks a tuple of untracked items when it sees one (a tuple of tuples
    # when it sees it after its items: a second pass).
    gc.collect()
    gc.collect()
    tracked, todo = [], [result]
    while todo:
        obj = todo.pop()
        if gc.is_tracked(obj) and not isinstance(obj, (type, enum.Enum)):
            tracked.append(type(obj).__name__)
            todo += gc.get_referents(obj)
    assert sorted(tracked) == sorted(
        ["ParseResult", "Contact", "tuple", "tuple", "tuple", "Email", "PhoneNumber", "Address"]
    )
    results = [result]
    assert results[0].records[0].contact.organization == (("Engines", "Analytical"),)


def test_cards_share_the_values_an_address_book_repeats() -> None:
    def card(name: str, street: str) -> str:
        return (
            f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{name}\r\nORG:Grün Energie eG;Vertrieb\r\n"
            f"ADR;TYPE=work:;;{street};Essen;Nordrhein-Westfalen;45960;Germany\r\nEND:VCARD\r\n"
        )

    (lea,) = parse_vcards(card("Lea Müller", "Hauptstraße 1")).contacts
    (ada,) = parse_vcards(card("Ada Lovelace", "Ringstraße 2")).contacts
    assert lea.organization == ada.organization == (("Grün Energie eG", "Vertrieb"),)
    assert lea.organization is ada.organization
    for field in ("locality", "region", "country"):
        assert getattr(lea.addresses[0], field) is getattr(ada.addresses[0], field)
    assert (lea.addresses[0].street_address, ada.addresses[0].street_address) == (
        "Hauptstraße 1",
        "Ringstraße 2",
    )


@pytest.fixture
def gc_pause_opted_in() -> Iterator[None]:
    pause_gc_during_conversions(True)
    try:
        yield
    finally:
        pause_gc_during_conversions(False)


def test_the_collector_is_never_paused_by_default() -> None:
    assert not gc_pause_enabled()
    with paused_gc():
        assert gc.isenabled()
    seen: list[bool] = []
    # the vCard parser's inlined pause too: a card's conversion sees the collector on
    original = vcard_module._parse

    def spy(*args: object) -> object:
        seen.append(gc.isenabled())
        return original(*args)  # type: ignore[arg-type]

    vcard_module._parse = spy  # type: ignore[assignment]
    try:
        parse_vcards("BEGIN:VCARD\nVERSION:4.0\nFN:A B\nEND:VCARD\n")
    finally:
        vcard_module._parse = original  # type: ignore[assignment]
    assert seen == [True]


def test_paused_gc_restores_the_collector(gc_pause_opted_in: None) -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # the caller's choice stays
    finally:
        gc.enable()
