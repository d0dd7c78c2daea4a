"""vCard reading and writing on hand-written, real-world-shaped samples and broken inputs."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
import vobject

from sipgateio.contacts import (
    Address,
    Contact,
    Email,
    ExportScope,
    ImportNote,
    PhoneNumber,
    Scope,
    SkippedRecord,
    parse_vcards,
    write_vcard,
    write_vcard_book,
    write_vcards,
)
from sipgateio.errors import ValidationError

Sample = Callable[[str], str]


def test_iphone_export(sample: Sample) -> None:
    result = parse_vcards(sample("iphone-3.0.vcf"), scope=Scope.SHARED)
    assert result.skipped == ()
    ada, company = result.records
    assert ada.contact == Contact(
        id="",
        name="Ada Lovelace",
        picture=(
            "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4n"
            "ICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/E"
            "ABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q=="
        ),
        emails=(
            Email("ada@example.org", ("internet", "pref", "home")),  # + item2's _$!<Home>!$_
            Email("a.lovelace@engines.example", ("internet", "work")),
        ),
        numbers=(
            PhoneNumber("+44 20 7946 0958", ("pref", "cell")),  # type=pref + _$!<Mobile>!$_
            PhoneNumber("+44 20 7946 0000", ("home", "voice")),
            PhoneNumber("+44 20 7946 0001", ("work", "fax")),
        ),
        addresses=(
            Address("", "", "12 St James's Square", "London", "", "SW1Y 4JH", "United Kingdom"),
        ),
        organization=(("Analytical Engines Ltd", "Research"),),
        scope=Scope.SHARED,
    )
    assert (ada.line, ada.given, ada.family) == (1, "Ada", "Lovelace")
    # A company card: empty N, the name from FN, split for the API's given/family.
    assert company.contact.name == "Stadtwerke Düsseldorf"
    assert company.contact.numbers == (PhoneNumber("0211 821-821", ("main",)),)
    assert company.contact.organization == (("Stadtwerke Düsseldorf AG", ""),)
    assert (company.given, company.family) == ("Stadtwerke", "Düsseldorf")


def test_android_export_with_lf_and_tab_folding(sample: Sample) -> None:
    result = parse_vcards(sample("android-3.0.vcf"))
    assert result.skipped == ()
    juergen, ayse = result.contacts
    assert juergen.name == "Dr. Jürgen Müller"
    assert juergen.numbers == (
        PhoneNumber("+49 151 23456789", ("cell", "voice")),
        PhoneNumber("0211 63553355", ("work", "voice")),
        PhoneNumber("0211 63553356", ("work", "fax")),
    )
    assert juergen.emails == (Email("juergen.mueller@example.de", ("internet", "work")),)
    assert juergen.addresses == (
        Address("", "", "Gladbacher Str. 74", "Düsseldorf", "", "40219", "Deutschland"),
    )
    assert juergen.organization == (("sipgate GmbH",),)
    assert ayse.name == "Ayşe Gül Öztürk"  # folded with a TAB
    assert result.records[1].given == "Ayşe Gül"


def test_google_export(sample: Sample) -> None:
    result = parse_vcards(sample("google-3.0.vcf"))
    zoe, wang = result.records
    assert zoe.contact.emails == (
        Email("zoe@example.com", ("internet", "home")),
        Email("zoe.angstrom@example.org", ("internet", "work")),
    )
    # a custom label (item1.X-ABLabel:Büro) is not a type; the grouped ORG is read.
    assert zoe.contact.numbers == (
        PhoneNumber("+46 70 123 45 67", ("cell",)),
        PhoneNumber("+46 8 123 456", ()),
    )
    assert zoe.contact.organization == (("Ångström Labs AB",),)
    assert result.notes[0] == ImportNote(
        1,
        "label",
        "Büro",
        None,
        "label of the number +46 8 123 456: sipgate contacts have no field for it",
    )
    assert (wang.contact.name, wang.given, wang.family) == ("王小明", "小明", "王")


def test_outlook_export_with_bare_parameters(sample: Sample) -> None:
    (contact,) = parse_vcards(sample("outlook-3.0.vcf")).contacts
    assert contact.name == "Anna-Lena Schmidt"
    assert contact.organization == (("Müller, Schmidt & Partner mbB", "Steuerberatung"),)
    assert contact.numbers == (
        PhoneNumber("+49 (89) 123456-0", ("work", "voice")),
        PhoneNumber("+49 171 9876543", ("cell", "voice")),
        PhoneNumber("+49 (89) 123456-99", ("work", "fax")),
    )
    assert contact.emails == (Email("a.schmidt@msp-stb.example", ("pref", "internet")),)
    assert contact.addresses[0].street_address == "Leopoldstraße 12"


def test_vcard_4_export_with_escapes_uris_and_folding(sample: Sample) -> None:
    result = parse_vcards(sample("thunderbird-4.0.vcf"))
    sean, elodie = result.contacts
    assert sean.id == "8d6f0b4e-2f7a-4c1e-9d55-0c3c8f0b6a11"
    assert sean.name == "O'Brien, Seán"
    assert sean.emails == (Email("sean@example.ie", ("pref",)),)
    assert sean.numbers == (
        PhoneNumber("+353 1 234 5678", ("work",)),
        PhoneNumber("+353-87-123-4567", ("voice", "cell")),  # tel: URI, quoted TYPE list
    )
    assert sean.addresses == (
        Address(
            "", "Apt 3", "1 Main St, Upper\nRear entrance", "Dublin", "", "D02 XY45", "Ireland"
        ),
    )
    assert sean.organization == (("Ó Briain & Sons", "Accounts; Billing", "C:\\Shared"),)
    assert sean.picture == (
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    assert elodie.name == (
        "Élodie Dupont-Aignan de la Tour d'Auvergne et de Bouillon-Châteauneuf-sur-Loire"
    )
    assert elodie.numbers == (PhoneNumber("+33 6 12 34 56 78", ("cell", "pref")),)


@pytest.mark.parametrize(
    "name",
    [
        "iphone-3.0.vcf",
        "android-3.0.vcf",
        "google-3.0.vcf",
        "outlook-3.0.vcf",
        "thunderbird-4.0.vcf",
    ],
)
def test_samples_agree_with_vobject_and_survive_our_round_trip(sample: Sample, name: str) -> None:
    text = sample(name)
    ours = parse_vcards(text).contacts
    theirs = list(vobject.readComponents(text))
    assert len(ours) == len(theirs)
    for contact, card in zip(ours, theirs, strict=True):
        assert contact.name == card.fn.value
        assert [n.number for n in contact.numbers] == [
            t.value.removeprefix("tel:") for t in card.contents.get("tel", [])
        ]
        assert [e.email for e in contact.emails] == [
            e.value for e in card.contents.get("email", [])
        ]
    again = parse_vcards(write_vcard_book(ours)).contacts
    assert again == ours


def test_broken_cards_are_read_where_they_can_be_and_reported(sample: Sample) -> None:
    result = parse_vcards(sample("broken.vcf"))
    assert [(r.line, r.contact.name) for r in result.records] == [
        (1, "Good One"),
        (2, "No End"),  # its END:VCARD is missing: read up to the next card
        (3, "Hans Müller"),  # vCard 2.1, quoted-printable UTF-8
        (5, "nobody@example.com"),  # no name: named after its e-mail, and noted
        (7, "No Version"),
        (8, "Broken Line"),  # the line it cannot read is noted
        (9, "Good Two"),
        (10, "Truncated At End Of File"),  # the input ends inside it
    ]
    assert result.records[1].contact.numbers == (PhoneNumber("+4930123457"),)
    assert result.records[2].contact.numbers == (PhoneNumber("+4930123458", ("cell",)),)
    assert result.skipped == (
        SkippedRecord(4, "empty card"),
        SkippedRecord(6, "unsupported vCard version '5.0' (2.1, 3.0 or 4.0 expected)"),
    )
    assert result.notes == (
        ImportNote(
            5, "name", "", "nobody@example.com", "no FN or N: named after its e-mail address"
        ),
        ImportNote(8, "line", "this line has no colon", None, "malformed line (no colon)"),
    )


@pytest.mark.parametrize("text", ["", "   \r\n\n", "\ufeff"])
def test_blank_input_is_an_empty_result(text: str) -> None:
    result = parse_vcards(text)
    assert (result.records, result.skipped) == ((), ())


@pytest.mark.parametrize("text", ["hello", "FN:Ada\nTEL:+4930123\n", "END:VCARD\n"])
def test_input_without_any_card_is_rejected(text: str) -> None:
    with pytest.raises(ValidationError, match="no vCard found"):
        parse_vcards(text)


def test_reader_details() -> None:
    text = (
        "\ufeffbegin:vcard\r\n"
        "version:4.0\r\n"
        'X-FOO;X-P="a:b;c":ignored\r\n'
        "fn:Ada\\nKing\\\\Lovelace\r\n"
        "tel;type=HOME;TYPE=home,Voice;pref=1:+49 30 1\\,2\r\n"
        "EMAIL;TYPE=;TYPE=work:\r\n"  # empty value: no e-mail
        "ADR:;;;;;;\r\n"  # every part empty: no address
        "ADR:;;Main St;Town\r\n"  # fewer parts than seven
        "ORG:\r\n"
        "PHOTO;VALUE=uri:https://example.com/a.jpg\r\n"
        "END:VCARD  \r\n"
    )
    (contact,) = parse_vcards(text).contacts
    assert contact.name == "Ada\nKing\\Lovelace"
    assert contact.numbers == (PhoneNumber("+49 30 1,2", ("home", "voice", "pref")),)
    assert contact.emails == ()
    assert contact.addresses == (Address("", "", "Main St", "Town", "", "", ""),)
    assert contact.organization == ()
    assert contact.picture == "https://example.com/a.jpg"


def test_base64_continued_without_folding_is_one_value() -> None:
    # vCard 2.1 as some writers do it: the base64 goes on in lines without a leading blank and
    # ends with a blank line. A line with a colon is a property again, even right after it.
    jpeg = base64.b64encode(bytes(range(256)) * 2).decode()
    body = "\r\n".join(jpeg[i : i + 76] for i in range(0, len(jpeg), 76))
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;Jane\r\n"
        f"PHOTO;ENCODING=BASE64;TYPE=JPEG:{body}\r\n\r\n"
        "TEL;CELL:+4930123\r\n"
        f"LOGO;BASE64:{body}\r\n"  # not imported: noted once, its lines are not noted
        "EMAIL;INTERNET:jane@example.com\r\n"
        "NOTE:a\r\n"
        "line without a colon\r\n"
        "END:VCARD\r\n"
    )
    result = parse_vcards(text)
    (contact,) = result.contacts
    assert contact.picture == jpeg
    assert contact.numbers == (PhoneNumber("+4930123", ("cell",)),)
    assert contact.emails == (Email("jane@example.com", ("internet",)),)
    assert result.notes == (
        ImportNote(1, "line", "line without a colon", None, "malformed line (no colon)"),
        ImportNote(1, "properties", "LOGO, NOTE", None, "sipgate contacts have no field for them"),
    )
    # After a blank line the value is over: base64-looking lines there are not part of it.
    after_blank = text.replace("\r\n\r\nTEL", "\r\n\r\nQUJD\r\nTEL", 1)
    assert parse_vcards(after_blank).contacts[0].picture == jpeg
    assert ImportNote(1, "line", "QUJD", None, "malformed line (no colon)") in (
        parse_vcards(after_blank).notes
    )


@pytest.mark.parametrize("encoding", ["QUOTED-PRINTABLE", "quoted-printable", "Quoted-Printable"])
def test_quoted_printable_in_any_case(encoding: str) -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        f"FN;CHARSET=UTF-8;ENCODING={encoding}:J=C3=BCrgen M=\r\n=C3=BCller\r\n"
        "END:VCARD\r\n"
    )
    assert parse_vcards(text).contacts[0].name == "Jürgen Müller"


# Quoted-printable values with raw 8-bit bytes beside their =XX escapes, as some 2.1 writers
# leave them: each byte is decoded once, in the value's CHARSET (raw bytes and escapes alike).
RAW_AND_ESCAPED = [
    # CHARSET, the value's bytes (raw and escaped mixed), what it reads as
    ("ISO-8859-1", b"K\xf6ln M=FCller=20Stra=DFe", "Köln Müller Straße"),
    ("ISO-8859-15", b"\xa4 5 =A4=20Caf\xe9", "€ 5 € Café"),
    ("windows-1252", b"\x80 =80 d\xe9j=E0", "€ € déjà"),
    ("SHIFT_JIS", b"\x83A=83C=83E\x83G", "アイウエ"),  # 2-byte: a raw lead byte, escaped one
    ("UTF-8", b"J\xc3\xbcrgen M=C3=BCller", "Jürgen Müller"),
]


@pytest.mark.parametrize(("charset", "value", "expected"), RAW_AND_ESCAPED)
def test_quoted_printable_raw_bytes_are_decoded_once(
    charset: str, value: bytes, expected: str
) -> None:
    card = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        + f"FN;CHARSET={charset};ENCODING=QUOTED-PRINTABLE:".encode()
        + value
        + b"\r\nADR;HOME;CHARSET="
        + charset.encode()
        + b";ENCODING=QUOTED-PRINTABLE:;;"
        + value
        + b"=\r\n=20"
        + value
        + b";;;;\r\nEND:VCARD\r\n"
    )
    result = parse_vcards(card)
    (contact,) = result.contacts
    assert contact.name == expected
    assert contact.addresses[0].street_address == f"{expected} {expected}"
    assert not any(n.field == "encoding" for n in result.notes)  # nothing read as cp1252


@pytest.mark.parametrize(("charset", "value", "expected"), RAW_AND_ESCAPED)
def test_quoted_printable_text_with_characters_is_decoded_once(
    charset: str, value: bytes, expected: str
) -> None:
    # The same card given as str: its characters are text already, its escapes bytes in CHARSET.
    text = value.decode(charset)
    card = (
        f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET={charset};ENCODING=QUOTED-PRINTABLE:"
        f"{text}\r\nEND:VCARD\r\n"
    )
    assert parse_vcards(card).contacts[0].name == expected


def test_quoted_printable_characters_outside_the_charset_stay_as_they_are() -> None:
    # A str whose characters ISO-8859-1 cannot hold: they are kept, the escapes decoded.
    card = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:"
        "\u0141\u00f3d\u017a =FCber=20\u20ac\r\nEND:VCARD\r\n"
    )
    assert parse_vcards(card).contacts[0].name == "\u0141\u00f3d\u017a über €"


def test_name_from_n_when_fn_is_missing() -> None:
    (record,) = parse_vcards(
        "BEGIN:VCARD\nVERSION:3.0\nN:Lovelace;Ada;Augusta,King;Countess;\nEND:VCARD\n"
    ).records
    assert record.contact.name == "Countess Ada Augusta King Lovelace"
    assert (record.given, record.family) == ("Ada", "Lovelace")


def test_scope_is_applied_and_internal_allowed() -> None:
    text = "BEGIN:VCARD\nVERSION:4.0\nFN:A\nEND:VCARD\n"
    assert parse_vcards(text).contacts[0].scope is Scope.PRIVATE
    assert parse_vcards(text, scope=ExportScope.INTERNAL).contacts[0].scope is ExportScope.INTERNAL


def _contact(**changes: object) -> Contact:
    base: dict[str, object] = {
        "id": "c1",
        "name": "Ada Lovelace",
        "numbers": (PhoneNumber("+4921163553355", ("work", "fax")),),
        "emails": (Email("ada@example.com", ("home",)),),
        "addresses": (Address(street_address="Main St 1", locality="London"),),
        "organization": (("Engines", "Research"),),
    }
    base.update(changes)
    return Contact(**base)  # type: ignore[arg-type]


def test_writer_output() -> None:
    assert write_vcard(_contact()) == (
        "BEGIN:VCARD\r\n"
        "VERSION:4.0\r\n"
        "UID:c1\r\n"
        "FN:Ada Lovelace\r\n"
        "N:Lovelace;Ada;;;\r\n"
        "ORG:Engines;Research\r\n"
        "TEL;TYPE=work,fax:+4921163553355\r\n"
        "EMAIL;TYPE=home:ada@example.com\r\n"
        "ADR:;;Main St 1;London;;;\r\n"
        "END:VCARD\r\n"
    )


def test_writer_escapes_text() -> None:
    card = write_vcard(
        _contact(
            id="",
            name="Müller, Schmidt; Partner\\Co\nLtd",
            numbers=(),
            emails=(),
            addresses=(Address(street_address="a,b;c\\d\r\ne"),),
            organization=(("A;B", "C,D"),),
        )
    )
    assert "FN:Müller\\, Schmidt\\; Partner\\\\Co\\nLtd\r\n" in card
    assert "N:Ltd;Müller\\, Schmidt\\; Partner\\\\Co;;;\r\n" in card  # last word: family
    assert "ADR:;;a\\,b\\;c\\\\d\\ne;;;;\r\n" in card
    assert "ORG:A\\;B;C\\,D\r\n" in card


def test_writer_folds_without_splitting_characters() -> None:
    name = "€" * 40  # 120 octets
    card = write_vcard(_contact(name=name, numbers=(), emails=(), addresses=(), organization=()))
    physical = card.split("\r\n")
    assert max(len(line.encode()) for line in physical) <= 75
    assert [len(line.encode()) for line in physical[3:5]] == [75, 49]
    assert parse_vcards(card).contacts[0].name == name


def test_writer_photo_uris() -> None:
    jpeg = _contact(picture="/9j/4AAQ").picture
    assert "PHOTO:data:image/jpeg;base64,/9j/4AAQ\r\n" in write_vcard(_contact(picture=jpeg))
    assert "PHOTO:data:image/png;base64,iVBORw0K\r\n" in write_vcard(_contact(picture="iVBORw0K"))
    url = "https://example.com/a.jpg"
    assert f"PHOTO:{url}\r\n" in write_vcard(_contact(picture=url))
    assert parse_vcards(write_vcard(_contact(picture=jpeg))).contacts[0].picture == jpeg


def test_writer_leaves_out_empty_items_and_quotes_types() -> None:
    card = write_vcard(
        _contact(
            numbers=(PhoneNumber("  ", ("cell",)), PhoneNumber("+49301", ("x:y", "büro"))),
            emails=(Email(""),),
            addresses=(Address(),),
            organization=(("", ""), ()),
        )
    )
    assert 'TEL;TYPE="x:y",büro:+49301\r\n' in card
    assert "EMAIL" not in card and "ADR" not in card and "ORG" not in card
    assert parse_vcards(card).contacts[0].numbers == (PhoneNumber("+49301", ("x:y", "büro")),)


def test_writer_takes_every_type_the_reader_gives() -> None:
    # A type holding a comma (older readers made "msg,work" of TEL;MSG,WORK) names two.
    card = write_vcard(_contact(numbers=(PhoneNumber("+49301", ("msg,work", "work", "x:y")),)))
    assert 'TEL;TYPE=msg,work,"x:y":+49301\r\n' in card
    assert parse_vcards(
        "BEGIN:VCARD\nVERSION:2.1\nFN:A\nTEL;MSG,WORK:+49301\nEND:VCARD\n"
    ).contacts[0].numbers == (PhoneNumber("+49301", ("msg", "work")),)


@pytest.mark.parametrize("bad", ["", 'say "hi"', "tab\there"])
def test_writer_rejects_types_a_vcard_cannot_hold(bad: str) -> None:
    with pytest.raises(ValidationError, match="cannot be written"):
        write_vcard(_contact(numbers=(PhoneNumber("+49301", (bad,)),)))


def test_write_vcards_and_book() -> None:
    contacts = [_contact(), _contact(id="c2", name="Alan Turing")]
    cards = write_vcards(contacts)
    assert len(cards) == 2 and all(c.startswith("BEGIN:VCARD\r\n") for c in cards)
    assert write_vcard_book(contacts) == "".join(cards)
    assert parse_vcards(write_vcard_book(contacts)).contacts == contacts


def test_carriage_returns_in_text_become_line_breaks() -> None:
    card = write_vcard(_contact(name="Ada\r\nLovelace\rKing"))
    assert "FN:Ada\\nLovelace\\nKing\r\n" in card
    assert parse_vcards(card).contacts[0].name == "Ada\nLovelace\nKing"


def test_parse_keeps_the_collector_state() -> None:
    import gc

    parse_vcards("BEGIN:VCARD\nVERSION:4.0\nFN:A\nEND:VCARD\n")
    assert gc.isenabled()
    with pytest.raises(ValidationError):
        parse_vcards("junk")
    assert gc.isenabled()
