"""The vCard reader against real address books: ../shared/corpora/contacts/vcard (152 files).

Files exported by Apple/iOS, Android, Google, Outlook, Thunderbird, Evolution, Nextcloud,
BlackBerry, Lotus Notes and others, taken from other projects' test suites (MANIFEST.tsv there
names each source). Per file, ``data/vcard_corpus.tsv`` holds what the reader makes of it: the
cards read, the numbers an import stores, changes and leaves out (without ``default_region``),
and every card skipped with its reason. vobject is the reference: on every card both read, no
number, e-mail, address, organisation or name vobject finds may be missing from ours.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

from sipgateio import Scope
from sipgateio.contacts import (
    Contact,
    ImportNote,
    PhoneNumber,
    decode_vcard,
    import_numbers,
    parse_vcards,
    write_vcard,
)
from sipgateio.errors import ValidationError
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour

SHARED = Path(
    os.environ.get("SIPGATEIO_SHARED") or Path(__file__).resolve().parents[2] / ".." / "shared"
)
CORPUS = SHARED / "corpora" / "contacts" / "vcard"
EXPECTED = Path(__file__).parent / "data" / "vcard_corpus.tsv"

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="the corpus lives in ../shared beside the checkout"
)


def _expected() -> dict[str, tuple[int, int, int, int, str]]:
    table = {}
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, read, stored, changed, left_out, skipped = line.split("\t")
            table[name] = (int(read), int(stored), int(changed), int(left_out), skipped)
    return table


TABLE = _expected()
FILES = sorted(TABLE)


def _read(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def test_the_table_covers_the_corpus() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.vcf")) == FILES


@pytest.mark.parametrize("name", FILES)
def test_each_file_reads_as_expected(name: str) -> None:
    read, stored, changed, left_out, skipped = TABLE[name]
    if skipped.startswith("error: "):
        with pytest.raises(ValidationError, match=re.escape(skipped.removeprefix("error: "))):
            parse_vcards(_read(name))
        return
    result = parse_vcards(_read(name))
    assert len(result.records) == read
    assert " | ".join(f"{s.line}: {s.reason}" for s in result.skipped) == skipped
    counts = [0, 0, 0]
    for record in result.records:
        kept, notes = import_numbers(record.contact.numbers, record.line)
        counts[0] += len(kept)
        counts[1] += sum(n.result is not None and n.result != n.original for n in notes)
        counts[2] += sum(n.result is None for n in notes)
        assert all(n.line == record.line and n.reason for n in notes)
    assert counts == [stored, changed, left_out]
    # every card is accounted for: read, or skipped with a reason
    ordinals = sorted([*(r.line for r in result.records), *(s.line for s in result.skipped)])
    assert ordinals == list(range(1, len(ordinals) + 1))


def test_corpus_totals() -> None:
    top_level = 211  # cards of the corpus (the reader also reads 2 nested AGENT cards)
    read = sum(row[0] for row in TABLE.values())
    skipped = sum(
        len(row[4].split(" | ")) for row in TABLE.values() if row[4] and "error" not in row[4]
    )
    assert read - 2 + skipped == top_level
    assert read - 2 >= 0.98 * top_level  # >= 98 % of the cards


# Lines the reader cannot read, per file: nothing else in the corpus may be noted as one.
MALFORMED_LINES = {
    "icalrs__vcard_input.vcf": ["013\\,-122.082932"],  # a GEO value broken over two lines
    "kcontacts__vcard4.vcf": ["FN"],
}
# Photos whose base64 is cut short in the file itself.
TRUNCATED_PHOTOS = {"ezvcard__John_Doe_ANDROID.vcf"}


def test_only_malformed_lines_are_noted_as_such() -> None:
    found = {}
    for name in FILES:
        try:
            notes = parse_vcards(_read(name)).notes
        except ValidationError:
            continue
        lines = [n.original for n in notes if n.field == "line"]
        if lines:
            found[name] = lines
    assert found == MALFORMED_LINES


@pytest.mark.parametrize("name", FILES)
def test_photos_are_read_whole(name: str) -> None:
    try:
        contacts = parse_vcards(_read(name)).contacts
    except ValidationError:
        return
    for contact in contacts:
        picture = contact.picture
        if not picture or picture.startswith(("http:", "https:")) or name in TRUNCATED_PHOTOS:
            continue
        image = base64.b64decode(picture, validate=True)
        assert image.startswith((b"\xff\xd8", b"\x89PNG")), name


def test_21_photo_continued_without_folding() -> None:
    # PHOTO;ENCODING=BASE64 whose base64 goes on in 400 lines without a leading blank, ended
    # by a blank line (vCard 2.1): one JPEG, no line of it noted, the card's fields all read.
    result = parse_vcards(_read("folker__Library_v2.vcf"))
    (contact,) = result.contacts
    image = base64.b64decode(contact.picture or "", validate=True)
    assert image.startswith(b"\xff\xd8") and image.endswith(b"\xff\xd9")  # a whole JPEG
    assert len(image) > 20_000
    assert contact.name == "Herr Max Anderer Mustermann sen."
    assert [n.number for n in contact.numbers] == [
        "+49 (0611) 123456 - 11",
        "+49 (0611) 123456 - 12",
        "+49 (0611) 123456 - 14",
        "+49 (0611) 123456 - 13",
    ]
    assert [e.email for e in contact.emails] == ["max.mustermann@musterfirma.de"]
    assert contact.organization == (("Musterfirma GmbH",),)
    assert [a.locality for a in contact.addresses] == ["Wiesbaden"]
    assert result.notes == (
        ImportNote(
            1, "properties", "TITLE, URL, NOTE", None, "sipgate contacts have no field for them"
        ),
    )


# -- vobject, the reference -------------------------------------------------------------------


def _flat(value: Any) -> str:
    """Text with white space, commas and backslashes removed: vobject splits some values at
    commas into lists and keeps backslashes of vCard 2.1 differently; the content must match."""
    if isinstance(value, (list, tuple)):
        value = "".join(_flat(v) for v in value)
    # vobject reads a vCard 2.1 value whose line ends in a backslash as "...\\eof".
    return re.sub(r"[\s,\\]", "", str(value).replace("\\eof", ""))


def _vobject_cards(data: bytes, text: str) -> list[Any]:
    vobject = pytest.importorskip("vobject")
    cards = []
    logging.disable(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for component in vobject.readComponents(text, ignoreUnreadable=True):
                if component.name.upper() == "VCARD":
                    cards.append(component)
    except Exception:  # vobject stops at the first card it cannot parse
        pass
    finally:
        logging.disable(logging.NOTSET)
    return cards


def _lost(card: Any, contact: Contact) -> list[str]:
    """What vobject reads from ``card`` that ``contact`` lacks."""
    lost = []

    def values(name: str) -> list[Any]:
        return [line.value for line in card.contents.get(name, [])]

    numbers = [_flat(n.number) for n in contact.numbers]
    for tel in values("tel"):
        text = str(tel).strip()
        text = text[4:] if text.lower().startswith("tel:") else text
        if text and _flat(text) not in numbers:
            lost.append(f"TEL {text!r}")
    emails = [e.email for e in contact.emails]
    for email in values("email"):
        text = str(email).strip()
        text = text[7:] if text.lower().startswith("mailto:") else text
        if text and text not in emails:
            lost.append(f"EMAIL {text!r}")
    ours = [attrs.astuple(a) for a in contact.addresses]
    for adr in values("adr"):
        parts = [adr.box, adr.extended, adr.street, adr.city, adr.region, adr.code, adr.country]
        if any(_flat(p) for p in parts) and not any(
            all(_flat(p) in _flat(o) for p, o in zip(parts, address, strict=True))
            for address in ours
        ):
            lost.append(f"ADR {parts!r}")
    for org in values("org"):
        if _flat(org) and not any(_flat(org) in _flat(o) for o in contact.organization):
            lost.append(f"ORG {org!r}")
    for fn in values("fn"):
        if _flat(fn) not in _flat(contact.name):
            lost.append(f"FN {fn!r}")
    return lost


@pytest.mark.parametrize("name", FILES)
def test_nothing_vobject_reads_is_lost(name: str) -> None:
    data = _read(name)
    try:
        result = parse_vcards(data)
    except ValidationError:
        return  # no vCard in it (vobject reads none either)
    cards = _vobject_cards(data, decode_vcard(data)[0])  # vobject takes str only
    contacts = result.contacts
    if len(cards) == len(contacts):
        pairs = list(zip(cards, contacts, strict=True))
    else:  # nested cards: pair by name
        pairs = []
        for card in cards:
            fn = _flat(card.contents["fn"][0].value) if "fn" in card.contents else ""
            match = [c for c in contacts if fn and _flat(c.name) == fn]
            if match:
                pairs.append((card, match[0]))
    for card, contact in pairs:
        assert _lost(card, contact) == [], contact.name
    # Cards vobject reads and we skip: each has a reason, and holds nothing a contact could.
    if len(cards) > len(contacts):
        assert result.skipped


# -- import -> export -> import ------------------------------------------------------------


@pytest.mark.parametrize("name", [f for f in FILES if TABLE[f][0]])
def test_cards_read_survive_export_and_reimport(name: str) -> None:
    for record in parse_vcards(_read(name)).records:
        (again,) = parse_vcards(write_vcard(record.contact)).contacts
        assert again == record.contact


# -- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("folker__v3Utf16Bom.vcf", None),  # UTF-16 with BOM
        ("roundcube__utf-16_sample.vcf", None),  # UTF-16
        ("aosp__v21_japanese_1.vcf", "\u5b89\u85e4\u30ed\u30a4\u30c9"),  # Shift_JIS CHARSET
        ("folker__AnsiIssue.vcf", None),  # cp1252, no CHARSET
    ],
)
def test_bytes_are_decoded_by_their_charset(name: str, expected: str | None) -> None:
    data = _read(name)
    result = parse_vcards(data)
    assert result.records
    names = [c.name for c in result.contacts]
    assert all("\ufffd" not in n and "\x00" not in n for n in names)
    if expected is not None:
        assert expected in names[0]
    # str of the same text reads the same (decoded by the caller)
    assert parse_vcards(data).contacts == result.contacts


def test_concatenated_exports_with_byte_order_marks() -> None:
    one = _read("radicale__contact1.vcf")
    two = _read("folker__v3.vcf")
    bom = b"\xef\xbb\xbf"
    book = bom + one.removeprefix(bom) + bom + two.removeprefix(bom)
    assert len(parse_vcards(book).records) == (
        len(parse_vcards(one).records) + len(parse_vcards(two).records)
    )


# -- the import of real cards, over HTTP ---------------------------------------------------


def test_outlook_21_card_is_imported_with_every_number_and_the_report_says_why(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", "/v2/contacts", Answer(204))
    data = _read("ezvcard__John_Doe_LOTUS_NOTES.vcf")
    report = flavour.run(lambda c: c.contacts.import_vcard_string(data, Scope.PRIVATE))
    assert report.imported == 1 and report.skipped == []
    (body,) = [r.json for r in api.requests]
    parsed = parse_vcards(data).contacts[0]
    kept, notes = import_numbers(parsed.numbers, 1)
    assert [n["number"] for n in body["numbers"]] == [n.number for n in kept]
    number_notes = [n for n in report.notes if n.field == "number"]
    assert number_notes == notes
    assert any(n.result is None and "too long" in n.reason for n in number_notes)
    assert body["emails"] and body["name"] == parsed.name


def test_a_number_too_short_for_its_country_is_kept_and_reported(
    flavour: Flavour, api: APIStub
) -> None:
    # TEL;VALUE=uri:tel:+33-01-23-45-67: eight digits after +33, France has nine. It was
    # left out of the contact; it is stored as written and the report says why.
    api.reply("POST", "/v2/contacts", Answer(204))
    data = _read("icalrs__vcard_input.vcf")
    report = flavour.run(lambda c: c.contacts.import_vcard_string(data, Scope.PRIVATE))
    assert report.imported == 1
    assert [n["number"] for n in api.requests[0].json["numbers"]] == ["+33-01-23-45-67"]
    assert [n for n in report.notes if n.field == "number"] == [
        ImportNote(
            1,
            "number",
            "+33-01-23-45-67",
            "+33-01-23-45-67",
            "kept as given: not a complete number (too short for a number with country code +33)",
        )
    ]


def test_default_region_reads_national_numbers_of_a_real_card(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", "/v2/contacts", Answer(204))
    data = _read("aosp__v21_complicated.vcf")
    without = parse_vcards(data).contacts[0].numbers
    assert PhoneNumber("(111) 555-1212", ("work", "voice")) in without
    report = flavour.run(
        lambda c: c.contacts.import_vcard_string(data, Scope.PRIVATE, default_region="US")
    )
    stored = [n["number"] for n in api.requests[0].json["numbers"]]
    assert "+11115551212" not in stored  # 111 is no area code: not assigned, kept as given
    assert "+14045551212" in stored
    assert (
        ImportNote(
            1, "number", "(404) 555-1212", "+14045551212", "national number read as dialled in US"
        )
        in report.notes
    )
