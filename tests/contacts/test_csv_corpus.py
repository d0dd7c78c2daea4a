"""The CSV corpus: 19 real address-book exports (Google, Outlook EN/DE, Thunderbird, CRMs...).

The files live in ``../shared/corpora/contacts/csv`` beside the checkout (sources and licences in
its ``MANIFEST.tsv``; ``SIPGATEIO_SHARED`` points elsewhere, e.g. from a worktree); the tests skip
only when that folder is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import sipgateio
from sipgateio.contacts import Address, Email, PhoneNumber, Scope
from sipgateio.contacts.csv import csv_header, is_import_layout, parse_csv
from sipgateio.contacts.models import import_number
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour

SHARED = Path(
    os.environ.get("SIPGATEIO_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared"
)
CORPUS = SHARED / "corpora" / "contacts" / "csv"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not beside checkout")

# file: (contacts read, numbers, e-mails, addresses, organisations, skipped (line, reason start))
EXPECTED: dict[str, tuple[int, int, int, int, int, list[tuple[int, str]]]] = {
    "chatwoot__contacts.csv": (25, 0, 25, 0, 0, []),
    "constellation__google_contacts.csv": (2, 1, 2, 0, 2, []),
    "constellation__linkedin_connections.csv": (
        2,
        0,
        1,
        0,
        2,
        [(1, "before the header"), (2, "before the header")],
    ),
    "contactimporter__contacts.csv": (1, 1, 1, 0, 0, []),
    "monica__single_contact_stub.csv": (0, 0, 0, 0, 0, [(2, "the record has 29 fields")]),
    "notengobattery__contacts.csv": (1, 1, 1, 1, 0, []),
    "openxchange__outlook_de_bug9367.csv": (1, 14, 3, 3, 1, []),
    "rolomind__custom.csv": (4, 3, 4, 4, 4, []),
    "rolomind__google.csv": (4, 3, 4, 3, 4, []),
    "rolomind__linkedin.csv": (5, 0, 4, 0, 5, []),
    "rolomind__rolodex.csv": (4, 3, 4, 0, 4, []),
    "roundcube__all.csv": (1, 13, 3, 3, 1, []),
    "roundcube__email.csv": (4, 0, 4, 0, 0, []),
    "roundcube__gmail.csv": (1, 7, 4, 2, 1, []),
    "roundcube__outlook.csv": (1, 0, 3, 0, 0, []),
    "roundcube__tb_plain.csv": (1, 5, 2, 2, 1, []),
    "thunderbird__basic_csv_addressbook.csv": (2, 0, 2, 0, 0, []),
    "thunderbird__csv_semicolon.csv": (2, 0, 2, 0, 0, []),
    "thunderbird__export.csv": (2, 0, 2, 0, 0, []),
}

# file: numbers (kept as given, changed, left out) without a region and with "US", columns not read
NUMBERS: dict[str, tuple[tuple[int, int, int], tuple[int, int, int], int]] = {
    "chatwoot__contacts.csv": ((0, 0, 0), (0, 0, 0), 3),
    "constellation__google_contacts.csv": ((1, 0, 0), (0, 1, 0), 1),  # (757) 555-0101
    "constellation__linkedin_connections.csv": ((0, 0, 0), (0, 0, 0), 3),
    "contactimporter__contacts.csv": ((1, 0, 0), (1, 0, 0), 2),
    "monica__single_contact_stub.csv": ((0, 0, 0), (0, 0, 0), 0),
    "notengobattery__contacts.csv": ((0, 1, 0), (0, 1, 0), 2),  # (+57) 320 432 05 09: E.164
    "openxchange__outlook_de_bug9367.csv": ((0, 0, 14), (0, 0, 14), 39),  # names, not numbers
    "rolomind__custom.csv": ((2, 1, 0), (2, 1, 0), 2),
    "rolomind__google.csv": ((3, 0, 0), (3, 0, 0), 3),  # +1-555-0123: not complete, kept
    "rolomind__linkedin.csv": ((0, 0, 0), (0, 0, 0), 3),
    "rolomind__rolodex.csv": ((3, 0, 0), (3, 0, 0), 4),  # 555-0123: local, kept
    "roundcube__all.csv": ((13, 0, 0), (13, 0, 0), 23),
    "roundcube__email.csv": ((0, 0, 0), (0, 0, 0), 0),
    "roundcube__gmail.csv": ((0, 0, 7), (0, 0, 7), 33),  # placeholders like "pager"
    "roundcube__outlook.csv": ((0, 0, 0), (0, 0, 0), 0),
    "roundcube__tb_plain.csv": ((0, 0, 5), (0, 0, 5), 13),
    "thunderbird__basic_csv_addressbook.csv": ((0, 0, 0), (0, 0, 0), 13),
    "thunderbird__csv_semicolon.csv": ((0, 0, 0), (0, 0, 0), 0),
    "thunderbird__export.csv": ((0, 0, 0), (0, 0, 0), 13),
}


def corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def test_the_corpus_is_what_the_expectations_describe() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.csv")) == sorted(EXPECTED) == sorted(NUMBERS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_layout_of_the_corpus_is_read(name: str) -> None:
    contacts, numbers, emails, addresses, orgs, skipped = EXPECTED[name]
    result = parse_csv(corpus(name))  # bytes: charset detected
    got = result.contacts
    assert len(got) == contacts
    assert sum(len(c.numbers) for c in got) == numbers
    assert sum(len(c.emails) for c in got) == emails
    assert sum(len(c.addresses) for c in got) == addresses
    assert sum(len(c.organization) for c in got) == orgs
    assert len(result.skipped) == len(skipped)
    pairs = zip(result.skipped, skipped, strict=True)
    assert [(s.line, s.reason[: len(why)]) for s, (_, why) in pairs] == skipped
    assert all(c.name.strip() for c in got)
    assert not is_import_layout(csv_header(corpus(name)))  # none is sipgate's own layout


def test_google_contacts_old_layout_pairs_types_with_values() -> None:
    jerry, zoe = parse_csv(corpus("constellation__google_contacts.csv")).records
    assert (jerry.given, jerry.family, jerry.contact.name) == ("Jerry", "Mathis", "Jerry Mathis")
    assert jerry.contact.numbers == (PhoneNumber("(757) 555-0101", ("cell",)),)
    assert jerry.contact.emails == (Email("jerry@example.com", ("work",)),)
    assert jerry.contact.organization == (("Example Partners",),)
    assert (zoe.given, zoe.family) == ("Zoë", "Smith")  # UTF-8 read from bytes
    assert zoe.contact.numbers == ()  # an empty Phone 1 pair gives no number


def test_google_multi_values_and_primary_marks() -> None:
    (record,) = parse_csv(corpus("roundcube__gmail.csv")).records
    contact = record.contact
    assert contact.name == "Prefix Firstname Middle Lastname Suffix"
    assert (record.given, record.family) == ("Firstname Middle", "Lastname")
    assert contact.emails[0] == Email("home@aaa.pl", ("home", "pref"))  # "* Home"
    assert [n.type for n in contact.numbers] == [
        ("pager",),
        ("main",),
        ("home",),
        ("home", "fax"),
        ("cell",),
        ("work",),
        ("work", "fax"),
    ]
    assert contact.addresses[0] == Address(
        "home_pobox", "", "home_street", "home_city", "home_state", "home_zip", "home_country"
    )
    text = (
        "Name,Phone 1 - Type,Phone 1 - Value,E-mail 1 - Type,E-mail 1 - Value\n"
        "Ada,* Mobile,+49 157 1 ::: +49 157 2,Work,a@x.de ::: b@x.de\n"
    )
    (multi,) = parse_csv(text).contacts
    assert multi.numbers == (
        PhoneNumber("+49 157 1", ("cell", "pref")),
        PhoneNumber("+49 157 2", ("cell", "pref")),
    )
    assert multi.emails == (Email("a@x.de", ("work",)), Email("b@x.de", ("work",)))


def test_german_outlook_maps_every_phone_column_with_its_type() -> None:
    (record,) = parse_csv(corpus("openxchange__outlook_de_bug9367.csv")).records
    contact = record.contact
    by_type = {n.number: n.type for n in contact.numbers}
    assert by_type["Fax (geschäftlich)"] == ("work", "fax")
    assert by_type["Telefon (privat 2)"] == ("home",)
    assert by_type["Mobiltelefon"] == ("cell",)
    assert by_type["Autotelefon"] == ("car",)
    assert contact.addresses[0] == Address("", "", "Straße", "Stadt", "Bundesland", "PLZ", "Land")
    assert contact.addresses[1].region == "Bundesland privat"
    assert contact.organization == (("Firma", "Abteilung"),)
    assert (record.given, record.family) == ("Vorname Zweiter Vorname", "Nachname")
    assert [e.email for e in contact.emails] == [
        "email@geschaeftlich.tld",
        "email@privat.tld",
        "email@weitere.tld",
    ]


def test_outlook_english_and_thunderbird_columns() -> None:
    (everything,) = parse_csv(corpus("roundcube__all.csv")).records
    assert everything.contact.name == "Display Name"
    assert {n.number: n.type for n in everything.contact.numbers}["900"] == ("car",)
    assert everything.contact.emails[1] == Email("work@example.com", ("work",))
    (thunderbird,) = parse_csv(corpus("roundcube__tb_plain.csv")).records
    assert thunderbird.contact.numbers[0] == PhoneNumber("phone work", ("work",))
    assert thunderbird.contact.addresses[1] == Address(
        "", "", "Addr work", "Wcity", "Wstate", "33-333", "Poland"
    )


def test_a_contact_without_name_is_named_after_its_e_mail() -> None:
    records = parse_csv(corpus("roundcube__email.csv")).records
    assert [r.contact.name for r in records] == [f"test{i}@domain.tld" for i in range(1, 5)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_corpus_imports_through_post_contacts_and_accounts_for_every_row(
    flavour: Flavour, api: APIStub, name: str
) -> None:
    api.reply("POST", "/v2/contacts", Answer(204))
    report = flavour.run(
        lambda c: c.contacts.import_from_csv_string(corpus(name), scope=Scope.SHARED)
    )
    sent = api.sent("POST", "/v2/contacts")
    assert not api.sent("POST", "/v2/contacts/import/csv")
    assert report.imported == len(sent)
    assert all(r.json["scope"] == "SHARED" for r in sent)
    parsed = parse_csv(corpus(name))
    # every data row is imported or reported (a row is a record or a skipped line)
    assert report.imported + len(report.skipped) == len(parsed.records) + len(parsed.skipped)
    assert {s.line for s in report.skipped} >= {s.line for s in parsed.skipped}
    assert isinstance(report, sipgateio.ImportReport)


def tally_numbers(name: str, region: str | None) -> tuple[int, int, int]:
    """(kept as given, changed, left out) of the numbers of a file, by the contacts rule."""
    kept = changed = left_out = 0
    for record in parse_csv(corpus(name)).records:
        for n in record.contact.numbers:
            stored, note = import_number(n.number, record.line, region)
            if stored is None:
                left_out += 1
                assert note is not None and note.result is None and note.line == record.line
            elif stored == n.number.strip():
                kept += 1
            else:
                changed += 1
                assert note is not None and note.result == stored and note.reason
    return kept, changed, left_out


@pytest.mark.parametrize("name", sorted(NUMBERS))
def test_numbers_and_columns_of_the_corpus_by_the_contacts_rule(name: str) -> None:
    without_region, us, columns = NUMBERS[name]
    assert tally_numbers(name, None) == without_region
    assert tally_numbers(name, "US") == us
    notes = parse_csv(corpus(name)).notes
    assert sum(1 for n in notes if n.field == "column") == columns
    header = csv_header(corpus(name))
    assert {n.original for n in notes if n.field == "column"} == set(header.ignored)


@pytest.mark.parametrize("name", sorted(NUMBERS))
def test_the_corpus_import_reports_every_number_and_column_not_kept(
    flavour: Flavour, api: APIStub, name: str
) -> None:
    api.reply("POST", "/v2/contacts", Answer(204))
    (kept, changed, left_out), _, columns = NUMBERS[name]
    report = flavour.run(lambda c: c.contacts.import_from_csv_string(corpus(name)))
    stored = [n["number"] for r in api.sent("POST", "/v2/contacts") for n in r.json["numbers"]]
    assert len(stored) == kept + changed
    number_notes = [n for n in report.notes if n.field == "number"]
    assert sum(1 for n in number_notes if n.result is None) == left_out
    assert sum(1 for n in number_notes if n.result not in (None, n.original)) == changed
    assert sum(1 for n in report.notes if n.field == "column") == columns
    assert [n.line for n in report.notes] == sorted(n.line for n in report.notes)


# -- numbers as the exports spell them --------------------------------------------------------


def test_a_number_not_complete_is_kept_as_given_and_reported(
    flavour: Flavour, api: APIStub
) -> None:
    # Google's export of contacts with +1 and a 7-digit number: a local number without its
    # area code. Stored as +15550123 it would look complete; it is stored as given, and noted.
    api.reply("POST", "/v2/contacts", Answer(204))
    report = flavour.run(
        lambda c: c.contacts.import_from_csv_string(corpus("rolomind__google.csv"))
    )
    stored = [n["number"] for r in api.sent("POST", "/v2/contacts") for n in r.json["numbers"]]
    assert sorted(stored) == ["+1-555-0123", "+1-555-0124", "+1-555-0125"]  # sent concurrently
    notes = [n for n in report.notes if n.field == "number"]
    assert [(n.line, n.original, n.result) for n in notes] == [
        (2, "+1-555-0123", "+1-555-0123"),
        (3, "+1-555-0124", "+1-555-0124"),
        (5, "+1-555-0125", "+1-555-0125"),
    ]
    assert all(
        n.reason == "kept as given: not a complete number "
        "(a local number without its area code after +1)"
        for n in notes
    )


def test_a_country_code_in_brackets_is_read(flavour: Flavour, api: APIStub) -> None:
    # "(+57) 320 432 05 09": the country code written in brackets (it was left out before).
    api.reply("POST", "/v2/contacts", Answer(204))
    report = flavour.run(
        lambda c: c.contacts.import_from_csv_string(corpus("notengobattery__contacts.csv"))
    )
    (request,) = api.sent("POST", "/v2/contacts")
    assert [n["number"] for n in request.json["numbers"]] == ["+573204320509"]
    (note,) = [n for n in report.notes if n.field == "number"]
    assert (note.original, note.result, note.reason) == (
        "(+57) 320 432 05 09",
        "+573204320509",
        "written in E.164 form",
    )
