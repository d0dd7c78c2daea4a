"""CSV export, offline import and the API import projection."""

from __future__ import annotations

import base64
import csv
import io
from collections.abc import Callable

import pytest

from sipgateio.contacts import (
    EXPORT_COLUMNS,
    Address,
    Contact,
    Email,
    ExportScope,
    ImportNote,
    PhoneNumber,
    Scope,
    SkippedRecord,
    normalize_number,
    parse_csv,
    prepare_import,
    write_csv,
)
from sipgateio.errors import ValidationError

Sample = Callable[[str], str]

ADA = Contact(
    id="c1",
    name="Ada Lovelace",
    picture="iVBORw0K",
    emails=(Email("ada@example.com", ("home",)), Email("ada@work.example", ())),
    numbers=(
        PhoneNumber("+4921163553355", ("work", "fax")),
        PhoneNumber("+4915799912345", ("cell",)),
    ),
    addresses=(
        Address("", "", "Hauptstraße 1, Hinterhaus", "Essen", "NRW", "45960", "Germany"),
        Address(street_address="Line 1\nLine 2; rear", locality="Köln"),
    ),
    organization=(("Müller, Schmidt & Partner", "IT"), ("Engines",)),
    scope=Scope.SHARED,
)


def test_export_format() -> None:
    text = write_csv([ADA])
    assert text.startswith(",".join(EXPORT_COLUMNS) + "\r\n")
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row == {
        "id": "c1",
        "name": "Ada Lovelace",
        "firstname": "Ada",
        "lastname": "Lovelace",
        "number": "+4921163553355",
        "numbers": "+4921163553355;work,fax\n+4915799912345;cell",
        "emails": "ada@example.com;home\nada@work.example",
        "addresses": ";;Hauptstraße 1, Hinterhaus;Essen;NRW;45960;Germany\n"
        ";;Line 1\\nLine 2\\; rear;Köln;;;",
        "organization": "Müller, Schmidt & Partner;IT\nEngines",
        "picture": "iVBORw0K",
        "scope": "SHARED",
    }


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_export_imports_back_with_any_delimiter(delimiter: str) -> None:
    text = write_csv([ADA, Contact("", "Alan Turing")], delimiter=delimiter)
    result = parse_csv(text)  # the delimiter is detected from the header
    assert result.skipped == ()
    assert result.contacts == [ADA, Contact("", "Alan Turing")]
    assert parse_csv(text, delimiter=delimiter).contacts == result.contacts


def test_export_without_header_appends_a_page() -> None:
    text = write_csv([ADA]) + write_csv([Contact("", "Alan Turing")], header=False)
    assert [c.name for c in parse_csv(text).contacts] == ["Ada Lovelace", "Alan Turing"]


@pytest.mark.parametrize("bad", ["", ",,", '"', "\n"])
def test_export_rejects_bad_delimiters(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        write_csv([ADA], delimiter=bad)
    assert info.value.field == "delimiter"


def test_export_of_internal_contacts_keeps_their_scope() -> None:
    contact = Contact("w0", "Web User", scope=ExportScope.INTERNAL)
    assert parse_csv(write_csv([contact])).contacts == [contact]


def test_excel_export_with_bom_semicolons_crlf_and_extra_columns(sample: Sample) -> None:
    result = parse_csv(sample("excel-de.csv"))
    assert result.skipped == ()
    # Numbers as written: an import decides how to store them (see ImportReport.notes).
    assert [(r.line, r.given, r.family, r.contact.numbers[0].number) for r in result.records] == [
        (2, "Anna-Lena", "Schmidt", "+49 89 1234560"),
        (4, "Ayşe", "Öztürk", "0151 23456789"),  # the record before spans lines 2-3
        (5, "Ada", "Lovelace", "+44 20 7946 0958"),
    ]


def test_crm_export_with_quoted_commas_and_blank_line(sample: Sample) -> None:
    result = parse_csv(sample("crm.csv"))
    assert result.skipped == ()
    lea, hannah, kaethe = result.records
    assert lea.contact == Contact(
        id="",
        name="Lea Müller",
        emails=(Email("lea.mueller@example.com"),),
        numbers=(PhoneNumber("+4915114183288"),),
        organization=(("Grün Energie eG",),),
    )
    assert (hannah.given, hannah.contact.organization) == (
        "Hannah, Marie",
        (("Praxis Dr. Köhler, Essen",),),
    )
    assert (kaethe.line, kaethe.contact.numbers) == (5, (PhoneNumber("+49 176 7256749"),))


def test_broken_rows_are_reported_with_their_line(sample: Sample) -> None:
    result = parse_csv(sample("broken.csv"))
    assert [(r.line, r.contact.name, r.contact.numbers) for r in result.records] == [
        (2, "Alan Turing", (PhoneNumber("+4921163553355"),)),
        (3, "Grace Hopper", (PhoneNumber("+12025550123"),)),
        (6, "Konrad Zuse", ()),  # a contact may have no number
        # numbers as written: an import keeps the contact and reports the number it leaves out
        (7, "Ada", (PhoneNumber("not a number"),)),
        (10, "Linus Torvalds", (PhoneNumber("+358401234567"),)),
        (12, "Margaret Hamilton", (PhoneNumber("12"),)),
    ]
    assert result.skipped == (
        SkippedRecord(5, "empty record"),
        SkippedRecord(8, "no name (no name, organisation or e-mail address in the record)"),
        SkippedRecord(9, "the record has 6 fields, the header 4"),
    )


def test_import_projection(sample: Sample) -> None:
    upload = prepare_import(sample("broken.csv"))
    assert upload.content == (
        "firstname,lastname,number\n"
        "Alan,Turing,+4921163553355\n"
        "Grace,Hopper,+12025550123\n"
        "Linus,Torvalds,+358401234567\n"
        "Margaret,Hamilton,12\n"  # a short number: sipgate decides, as for sending
    )
    assert base64.b64decode(upload.base64_content).decode("utf-8") == upload.content
    assert upload.rows == 4
    assert upload.skipped == (
        SkippedRecord(5, "empty record"),
        SkippedRecord(8, "no name (firstname and lastname are empty)"),
        SkippedRecord(9, "the record has 6 fields, the header 4"),
    )
    # named rows the CSV import cannot take are contacts of their own, with their name
    assert [(r.line, r.contact.name, r.contact.numbers) for r in upload.records] == [
        (6, "Konrad Zuse", ()),
        (7, "Ada", (PhoneNumber("not a number"),)),  # import_body leaves it out, noted
    ]
    assert (upload.records[1].given, upload.records[1].family) == ("Ada", "")
    assert upload.notes == (
        ImportNote(
            1,
            "column",
            "note",
            None,
            "not imported: a sipgate contact has no field for this column",
        ),
    )


def test_import_projection_keeps_numbers_by_the_contacts_rule() -> None:
    text = (
        "firstname,lastname,number,email\n"
        "Ada,Lovelace,0211 63553355,ada@example.com\n"  # no country: kept as given
        "Alan,Turing,+44 20 7946 0958,\n"  # country code: E.164, noted
        "Grace,Hopper,+1 212 555 1234 ext. 12,\n"  # extension kept
        "Emmy,Noether,110,\n"
        "Hedy,Lamarr,+4915799912345 ::: 0157 99912346,\n"  # several: a contact of its own
    )
    upload = prepare_import(text)
    assert upload.content == (
        "firstname,lastname,number\n"
        "Ada,Lovelace,0211 63553355\n"
        "Alan,Turing,+442079460958\n"
        "Grace,Hopper,+12125551234;ext=12\n"
        "Emmy,Noether,110\n"
    )
    assert [(n.line, n.field, n.original, n.result) for n in upload.notes] == [
        (1, "column", "email", None),
        (3, "number", "+44 20 7946 0958", "+442079460958"),
        (4, "number", "+1 212 555 1234 ext. 12", "+12125551234;ext=12"),
    ]
    assert upload.notes[0].reason == (
        "not sent: sipgate's CSV import takes only firstname, lastname and number"
    )
    assert upload.notes[2].reason == "written in E.164 form, extension kept"
    (hedy,) = upload.records
    assert (hedy.line, hedy.contact.numbers) == (
        6,
        (PhoneNumber("+4915799912345"), PhoneNumber("0157 99912346")),
    )
    # with the region the national numbers were dialled in, unambiguous ones become E.164
    upload = prepare_import(text, default_region="de")
    assert upload.content.splitlines()[1:2] == ["Ada,Lovelace,+4921163553355"]
    assert upload.content.splitlines()[4] == "Emmy,Noether,110"  # not unambiguous: kept
    assert [(n.line, n.original, n.result, n.reason) for n in upload.notes[1:2]] == [
        (2, "0211 63553355", "+4921163553355", "national number read as dialled in DE")
    ]
    assert upload.notes[-1] == ImportNote(
        5, "number", "110", "110", "kept as given: a short or local number in DE (no area code)"
    )
    with pytest.raises(ValidationError) as info:
        prepare_import(text, default_region="Germany")
    assert info.value.field == "default_region"


def test_columns_not_read_are_noted_with_the_header_line() -> None:
    text = (
        "Export of 2024-05-01\n"
        "\n"
        "First Name,Birthday,Phone,First Name,,Notes,\n"
        "Ada,1815-12-10,+4921163553355,Augusta,met at a ball,,\n"
        "Alan,,+4930123456,,,,\n"
    )
    result = parse_csv(text)
    assert result.skipped == (SkippedRecord(1, "before the header: not a record"),)
    assert result.notes == (
        ImportNote(
            3,
            "column",
            "Birthday",
            None,
            "not imported: a sipgate contact has no field for this column",
        ),
        ImportNote(
            3,
            "column",
            "First Name",
            None,
            "not imported: another column holds the same field (the first one is read)",
        ),
        ImportNote(
            3,
            "column",
            "Notes",
            None,
            "not imported: a sipgate contact has no field for this column",
        ),
        ImportNote(
            3,
            "column",
            "",
            None,
            "not imported: column 5 has no name in the header, though rows have values in it",
        ),
    )  # the last column has neither a name nor values: nothing is lost there


def test_import_projection_is_utf8_and_quotes_fields(sample: Sample) -> None:
    upload = prepare_import(sample("crm.csv"))
    assert (
        base64.b64decode(upload.base64_content)
        == (
            "firstname,lastname,number\n"
            "Lea,Müller,+4915114183288\n"
            '"Hannah, Marie",Meyer,+4917231760248\n'
            "Käthe,von Bülow,+491767256749\n"
        ).encode()
    )
    assert upload.rows == 3 and upload.skipped == ()


def test_import_projection_of_our_export() -> None:
    upload = prepare_import(write_csv([ADA], delimiter=";"))
    assert upload.content == "firstname,lastname,number\nAda,Lovelace,+4921163553355\n"


def test_missing_header_names_the_missing_columns(sample: Sample) -> None:
    with pytest.raises(ValidationError, match=r"lacks the column\(s\) firstname, lastname, number"):
        prepare_import(sample("missing-header.csv"))
    with pytest.raises(
        ValidationError, match=r"column\(s\) number \(found: 'firstname', 'lastname'"
    ):
        prepare_import("firstname,lastname\nAda,Lovelace\n")
    with pytest.raises(ValidationError, match=r"names no column .* found: 'Lea', 'Müller'") as info:
        parse_csv(sample("missing-header.csv"))
    assert info.value.field == "csv_content"


@pytest.mark.parametrize("text", ["", "\n\n", "\ufeff"])
def test_empty_input_lacks_the_header(text: str) -> None:
    with pytest.raises(ValidationError, match="lacks the column"):
        prepare_import(text)


def test_header_only(sample: Sample) -> None:
    assert parse_csv(sample("header-only.csv")).records == ()
    upload = prepare_import(sample("header-only.csv"))
    assert (upload.rows, upload.skipped, upload.content) == (0, (), "firstname,lastname,number\n")


def test_header_names_are_matched_loosely() -> None:
    text = (
        " Last_Name ;FIRST NAME;Phone-Number;E-Mail;Company\nTuring;Alan;030 1234567;a@t.uk;GCHQ\n"
    )
    (record,) = parse_csv(text).records
    assert (record.given, record.family) == ("Alan", "Turing")
    assert record.contact.numbers == (PhoneNumber("030 1234567"),)
    assert record.contact.emails == (Email("a@t.uk"),)
    assert record.contact.organization == (("GCHQ",),)


def test_cr_line_ends_and_short_rows() -> None:
    text = "firstname,lastname,number,note\rAda,Lovelace,+4930123456\rAlan,Turing\r"
    result = parse_csv(text)
    assert [(r.line, r.contact.name) for r in result.records] == [
        (2, "Ada Lovelace"),
        (3, "Alan Turing"),
    ]
    upload = prepare_import(text)
    assert (upload.rows, upload.skipped) == (1, ())
    assert [(r.line, r.contact.name, r.contact.numbers) for r in upload.records] == [
        (3, "Alan Turing", ())
    ]


def test_unknown_scope_is_skipped() -> None:
    text = "firstname,lastname,number,scope\nAda,L,+4930123456,PUBLIC\nAlan,T,+4930123457,shared\n"
    result = parse_csv(text)
    assert result.skipped == (SkippedRecord(2, "unknown scope 'PUBLIC'"),)
    assert result.contacts[0].scope is Scope.SHARED


def test_escaped_items_read_back() -> None:
    text = (
        "firstname,lastname,number,numbers,organization\n"
        'A,B,,"+4930123456;wo\\,rk,HOME\n+4930123457",C:\\\\X\\;Y;unit\n'
    )
    (contact,) = parse_csv(text).contacts
    assert contact.numbers == (
        PhoneNumber("+4930123456", ("wo,rk", "home")),
        PhoneNumber("+4930123457"),
    )
    assert contact.organization == (("C:\\X;Y", "unit"),)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("+4921163553355", "+4921163553355"),
        (" 0211 63553355 ", "0211 63553355"),  # no country assumed
        ("110", "110"),
        ("+49 (0)211 63553355", "+4921163553355"),
        ("0049 211 63553355", "+4921163553355"),
        ("+1 (202) 555-0123", "+12025550123"),
        ("+4912368712", "+4912368712"),  # possible, if not assigned: sipgate decides
        ("+1 212 555 1234 ext. 12", "+12125551234;ext=12"),
    ],
)
def test_normalize_number_is_the_contacts_rule(raw: str, stored: str) -> None:
    assert normalize_number(raw) == stored


def test_normalize_number_with_region() -> None:
    assert normalize_number("020 7946 0958", "GB") == "+442079460958"
    assert normalize_number("0211 63553355", "de") == "+4921163553355"
    assert normalize_number("110", "DE") == "110"  # not unambiguous: kept
    with pytest.raises(ValidationError) as info:
        normalize_number("0211 63553355", "XX")
    assert info.value.field == "default_region"


@pytest.mark.parametrize(
    "raw", ["", "abc", "1", "+99 123456", "+49 1234567890123456789", "0211 12345678901234567"]
)
def test_normalize_number_rejects(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_number(raw)
    assert info.value.field == "number"


def test_items_without_a_value_are_left_out() -> None:
    text = 'firstname,lastname,number,numbers,emails\nA,B,,"  ;cell\n+4930123456",";work"\n'
    (contact,) = parse_csv(text).contacts
    assert contact.numbers == (PhoneNumber("+4930123456"),)
    assert contact.emails == ()


def test_projection_quotes_what_needs_quotes_whatever_the_input() -> None:
    # Unquoted ';' input may hold commas: the ',' projection must quote them.
    upload = prepare_import("firstname;lastname;number\nAnna, Lena;Schmidt;+4930123456\n")
    assert upload.content == 'firstname,lastname,number\n"Anna, Lena",Schmidt,+4930123456\n'
    # Unquoted ',' input (the fast path) cannot.
    upload = prepare_import("firstname,lastname,number\n Ada ,Lovelace, +4930123456 \n")
    assert upload.content == "firstname,lastname,number\nAda,Lovelace,+4930123456\n"
