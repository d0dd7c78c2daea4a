"""Reading CSV as people have it: bytes in any charset, fields of any size, header mappings."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sipgateio.contacts import Address, Email, PhoneNumber
from sipgateio.contacts.charset import decode_text
from sipgateio.contacts.csv import (
    _LargeFieldReader,
    csv_header,
    is_import_layout,
    parse_csv,
    prepare_import,
)
from sipgateio.contacts.csv_columns import google_types, header_key, read_header
from sipgateio.errors import ValidationError

TEXT = "Vorname;Nachname;Mobiltelefon;E-Mail-Adresse\r\nJürgen;Weiß;0171 1234567;jw@example.de\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM, as Excel's "Unicode text"
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),  # Outlook/Excel on Western Windows
    ],
)
def test_bytes_in_any_charset_read_the_same(data: bytes, encoding: str) -> None:
    text, found = decode_text(data)
    assert (text, found) == (TEXT, encoding)
    (record,) = parse_csv(data).records
    assert (record.given, record.family) == ("Jürgen", "Weiß")
    assert record.contact.numbers == (PhoneNumber("0171 1234567", ("cell",)),)
    assert record.contact.emails == (Email("jw@example.de"),)


def test_cp1252_fallback_keeps_every_byte() -> None:
    data = bytes(range(0x80, 0x100))
    text, encoding = decode_text(data)
    assert encoding == "cp1252" and len(text) == 128 and "\ufffd" not in text
    assert text[1] == "\x81" and text[0] == "€"


@pytest.mark.parametrize("size", [131_072 + 1, 400_000])
def test_fields_larger_than_the_csv_modules_limit(size: int) -> None:
    limit = csv.field_size_limit()
    picture = "A" * size
    text = (
        "firstname,lastname,number,picture,numbers\r\n"
        f'Ada,Lovelace,+4930123456,"{picture}",\r\n'
        'Alan,Turing,+4930123457,,"+4930123457;cell\n+4930123458"\r\n'
    )
    result = parse_csv(text)
    assert [r.line for r in result.records] == [2, 3]
    assert result.records[0].contact.picture == picture
    assert result.records[1].contact.numbers == (
        PhoneNumber("+4930123457", ("cell",)),
        PhoneNumber("+4930123458"),
    )
    assert result.records[1].line == 3
    upload = prepare_import(f'firstname,lastname,number,note\nAda,L,+4930123456,"{picture}"\n')
    assert upload.rows == 1
    assert csv.field_size_limit() == limit  # no process-wide change


def rows_of(reader: object) -> list[tuple[int, list[str]]]:
    out = []
    for row in reader:  # type: ignore[attr-defined]
        out.append((reader.line_num, row))  # type: ignore[attr-defined]
    return out


cells = st.text(alphabet=st.sampled_from('ab ,;"\r\n\t'), max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(cells, min_size=1, max_size=4), max_size=5),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["\r\n", "\n", "\r"]),
    st.booleans(),
)
def test_the_unlimited_reader_reads_what_the_csv_module_reads(
    rows: list[list[str]], delimiter: str, end: str, raw_join: bool
) -> None:
    if raw_join:  # not necessarily well-formed: quotes in odd places, stray line ends
        text = end.join(delimiter.join(row) for row in rows)
    else:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator=end).writerows(rows)
        text = buffer.getvalue()
    try:
        expected = rows_of(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return  # the csv module refuses it (e.g. end of data inside quotes)
    assert rows_of(_LargeFieldReader(text, delimiter)) == expected


def test_header_keys_and_google_types() -> None:
    assert header_key("E-mail 2 Address") == "email2address"
    assert header_key("Land/Region geschäftlich") == "landregiongeschäftlich"
    assert google_types("* Home") == ("home", "pref")
    assert google_types("Home Fax") == ("home", "fax")
    assert google_types("Mobile") == ("cell",)
    assert google_types("Hotline") == ("hotline",)  # a custom label is kept
    assert google_types("") == ()


def test_unknown_columns_are_listed_and_duplicates_left_out() -> None:
    header = read_header(["Name", "Display Name", "Mobile", "Mobile", "Birthday", ""])
    assert [(c.name, c.role) for c in header.columns] == [
        ("Name", "name"),
        ("Mobile", "phone"),
        ("Mobile", "phone"),  # two phone columns: both numbers are kept
    ]
    assert header.ignored == ("Display Name", "Birthday")


def test_sipgate_layout_is_recognised() -> None:
    assert is_import_layout(csv_header("firstname,lastname,number\n"))
    assert is_import_layout(csv_header("First Name;Last_Name;NUMBER;email\n"))
    assert not is_import_layout(csv_header("First Name,Last Name,Phone\n"))
    assert not is_import_layout(csv_header("firstname,lastname,number,numbers\n"))  # export
    # a second column of numbers: the CSV import would lose it
    assert not is_import_layout(csv_header("firstname,lastname,number,mobile\n"))
    assert not is_import_layout(csv_header("firstname,lastname,number,number\n"))
    assert is_import_layout(csv_header("firstname,lastname,number,birthday,company\n"))


def test_rows_before_the_header_and_a_name_from_parts() -> None:
    text = (
        "Notes:\nexported 2026\n\n"
        "Anrede,Vorname,Nachname,Firma,Straße privat,Ort privat,Postleitzahl privat\n"
        "Dr.,Grace,Hopper,Navy,Main St 1,Arlington,22201\n"
        ",,,ACME,,,\n"
        ",,,,,,\n"
    )
    result = parse_csv(text)
    grace, acme = result.records
    assert grace.contact.name == "Dr. Grace Hopper"
    assert (grace.given, grace.family) == ("Grace", "Hopper")
    assert grace.contact.addresses == (
        Address(street_address="Main St 1", locality="Arlington", postal_code="22201"),
    )
    assert acme.contact.name == "ACME"  # named after its organisation
    assert [(s.line, s.reason) for s in result.skipped] == [
        (1, "before the header: not a record"),
        (2, "before the header: not a record"),
        (7, "empty record"),
    ]


def test_text_that_is_neither_str_nor_bytes_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        parse_csv(42)  # type: ignore[arg-type]
    assert info.value.field == "text"


@pytest.mark.parametrize(
    ("text", "records"),
    [
        ("a,b\n1,2\n", 2),
        ('a,"multi\nline"\n\n3,4\n', 2),  # a quoted line break stays in its field; blank lines
        ("1,a bare\rcarriage return\n2,x\n", 3),  # a CR in an unquoted field ends its record
        (f'1,"{"x" * 200_000}"\n2,y\n', 2),  # a field over csv.field_size_limit()
        ("", 0),
    ],
)
def test_count_records(text: str, records: int) -> None:
    from sipgateio.contacts.csv import count_records

    assert count_records(text) == records
