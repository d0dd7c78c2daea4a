"""Property-based round trips of the CSV export and import."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sipgateio.contacts import (
    EXPORT_COLUMNS,
    Contact,
    PhoneNumber,
    parse_csv,
    prepare_import,
    split_name,
    write_csv,
)
from tests.contacts import strategies as s

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Contacts exported from sipgate carry E.164 numbers, which every import keeps as they are.
csv_contacts = s.contacts(number_values=s.e164)


@SETTINGS
@given(st.lists(csv_contacts, max_size=5), st.sampled_from([",", ";", "\t", "|"]))
def test_export_imports_back_to_the_same_contacts(contacts: list[Contact], delimiter: str) -> None:
    text = write_csv(contacts, delimiter=delimiter)
    result = parse_csv(text)
    assert result.skipped == ()
    assert result.contacts == contacts
    assert [(r.given, r.family) for r in result.records] == [split_name(c.name) for c in contacts]


@SETTINGS
@given(st.lists(csv_contacts, max_size=5))
def test_import_projection_of_an_export_has_one_row_per_contact_with_a_number(
    contacts: list[Contact],
) -> None:
    upload = prepare_import(write_csv(contacts))
    with_number = [c for c in contacts if c.numbers]
    assert upload.rows == len(with_number)
    assert upload.skipped == ()
    # a contact without a number is one to create on its own, with its name
    assert [r.contact for r in upload.records] == [
        Contact("", " ".join(split_name(c.name)).strip()) for c in contacts if not c.numbers
    ]
    # every column but the three is noted as not sent (numbers in E.164 need no note)
    assert [n.original for n in upload.notes] == [
        c for c in EXPORT_COLUMNS if c not in ("firstname", "lastname", "number")
    ]
    # The API's columns only: the name from first and last name, the first number.
    assert parse_csv(upload.content).contacts == [
        Contact(
            "", " ".join(split_name(c.name)).strip(), numbers=(PhoneNumber(c.numbers[0].number),)
        )
        for c in with_number
    ]


@SETTINGS
@given(
    st.lists(st.lists(s.text(max_size=8), min_size=1, max_size=5), max_size=5),
    st.sampled_from([",", ";", "\t", "|", " "]),
    st.sampled_from(["\r\n", "\n"]),
)
def test_fast_row_writer_writes_what_the_csv_module_writes(
    rows: list[list[str]], delimiter: str, lineterminator: str
) -> None:
    import csv
    import io

    from sipgateio.contacts.csv import _writer

    chunks, write = _writer(delimiter, lineterminator)
    for row in rows:
        write(row)
    reference = io.StringIO()
    csv.writer(reference, delimiter=delimiter, lineterminator=lineterminator).writerows(rows)
    assert "".join(chunks) == reference.getvalue()


_plain_cell = st.text(
    alphabet=st.characters(blacklist_characters=',"\r\n', blacklist_categories=("Cs",)),
    max_size=6,
) | st.sampled_from(["", " ", "+4921163553355", "0211 123456", "a ::: b"])


@SETTINGS
@given(
    st.lists(st.lists(_plain_cell, max_size=5), max_size=8),
    st.sampled_from(["", "\n"]),
    st.sampled_from(["firstname,lastname,number", "number,firstname,lastname,note"]),
)
def test_import_of_unquoted_lf_text_reads_what_the_csv_module_reads(
    rows: list[list[str]], end: str, header: str
) -> None:
    # Unquoted LF text is split line by line; CRLF text goes through the csv module. Both must
    # give the same projection, records, skipped lines (blank lines are not records) and notes.
    lines = [header, *(",".join(row) for row in rows)]
    lf = prepare_import("\n".join(lines) + end)
    crlf = prepare_import("\r\n".join(lines) + end.replace("\n", "\r\n"))
    assert lf == crlf
