"""The commands that talk to the API, run on the real typer app against the local API stub."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import sipgateio
from sipgateio.cli import contacts as contacts_cli
from sipgateio.cli import history as history_cli
from sipgateio.contacts import ExportScope
from tests.apistub import Answer, APIStub, Recorded
from tests.cli.conftest import Run, stdout_json
from tests.conftest import TOKEN, TOKEN_ID
from tests.contacts.test_resource import CONTACTS, book, serve
from tests.resources.test_fax import PDF, entry
from tests.resources.test_numbers import NUMBERS

# -- numbers --------------------------------------------------------------------------------


def test_numbers_prints_a_table(cli: Run, api: APIStub) -> None:
    api.reply("GET", "/v2/numbers", json=NUMBERS)
    result = cli("numbers")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "4 numbers"
    assert any("+4921100000000" in line and "Zentrale" in line for line in lines)
    assert any("+4980012345" in line and "QUICKDIAL" in line for line in lines)


@pytest.mark.parametrize("where", ["root", "command"])
def test_numbers_json(cli: Run, api: APIStub, where: str) -> None:
    api.reply("GET", "/v2/numbers", json=NUMBERS)
    args = ["--json", "numbers"] if where == "root" else ["numbers", "--json"]
    data = stdout_json(cli(*args))
    assert [n["number"] for n in data] == [n["number"] for n in NUMBERS["items"]]
    assert data[1]["type"] == "MOBILE"
    assert data[1]["mnp_state"] == {
        "is_released": True,
        "released_until": "2026-12-31T23:00:00+01:00",
    }
    assert data[2]["endpoint_id"] is None


def test_base_url_option_beats_the_environment(cli: Run, api: APIStub) -> None:
    api.reply("GET", "/v2/numbers", json=NUMBERS)
    result = cli("--base-url", api.url, "numbers", "--json", env={"SIPGATE_BASE_URL": "http://x"})
    assert len(stdout_json(result)) == 4
    assert api.requests[0].headers["authorization"].startswith("Basic ")


# -- sms --------------------------------------------------------------------------------------


def test_sms_send(cli: Run, api: APIStub) -> None:
    api.reply("POST", "/v2/sessions/sms", status=204)
    result = cli("sms", "send", "--to", "0049 157 99912345", "-m", "Hallo Welt", "--sms-id", "s0")
    assert result.exit_code == 0, result.stderr
    assert "SMS to 0049 157 99912345 sent" in result.stdout
    assert api.requests[-1].json == {
        "smsId": "s0",
        "recipient": "+4915799912345",
        "message": "Hallo Welt",
    }


def test_sms_schedule_and_message_from_stdin(cli: Run, api: APIStub) -> None:
    api.reply("POST", "/v2/sessions/sms", status=204)
    at = (datetime.now(UTC) + timedelta(hours=2)).replace(microsecond=0)
    result = cli(
        "sms", "send", "--to", "+4915799912345", "-m", "-", "--sms-id", "s0",
        "--at", at.isoformat(), "--json", input="from stdin\n",
    )  # fmt: skip
    data = stdout_json(result)
    assert data == {
        "to": "+4915799912345",
        "from": "s0",
        "send_at": at.isoformat(),
        "scheduled": True,
    }
    body = api.requests[-1].json
    assert body["message"] == "from stdin\n"
    assert body["sendAt"] == int(at.timestamp())


def test_sms_time_without_offset_is_refused_before_sending(cli: Run, api: APIStub) -> None:
    result = cli("sms", "send", "--to", "+4915799912345", "-m", "x", "--at", "2030-01-01T10:00")
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        "error: ValidationError: --at needs a UTC offset (e.g. +01:00 or Z), got '2030-01-01T10:00'"
    )
    assert api.requests == []


# -- fax ----------------------------------------------------------------------------------


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "invoice.pdf"
    path.write_bytes(PDF)
    return path


def test_fax_send_and_wait(cli: Run, api: APIStub, pdf: Path) -> None:
    api.reply("POST", "/v2/sessions/fax", json={"sessionId": "123456"})
    api.reply(
        "GET",
        "/v2/history/123456",
        Answer(404, json={"message": "not yet"}),
        Answer(json=entry(status="SENDING")),
        Answer(json=entry(status="SENT")),
    )
    result = cli(
        "fax", "send", str(pdf), "--to", "+4921100000000", "--faxline", "f1",
        "--wait", "--poll-interval", "0.01",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "fax to +4921100000000 queued: session 123456" in result.stdout
    assert "fax 123456: SENT" in result.stdout
    sent = api.requests[0].json
    assert base64.b64decode(sent["base64Content"]) == PDF
    assert sent["filename"] == "invoice.pdf"
    assert len(api.sent("GET", "/v2/history/123456")) == 3


def test_fax_failed_exits_14(cli: Run, api: APIStub, pdf: Path) -> None:
    api.reply("POST", "/v2/sessions/fax", json={"sessionId": "123456"})
    api.reply("GET", "/v2/history/123456", json=entry(status="FAILED"))
    result = cli("fax", "send", str(pdf), "--to", "+4921100000000", "--faxline", "f1", "--wait",
                 "--json")  # fmt: skip
    assert result.exit_code == 14
    assert json.loads(result.stdout) == {"session_id": "123456", "status": "FAILED"}


def test_fax_wait_timeout_exits_13(cli: Run, api: APIStub, pdf: Path) -> None:
    api.reply("POST", "/v2/sessions/fax", json={"sessionId": "123456"})
    api.reply("GET", "/v2/history/123456", json=entry(status="PENDING"))
    result = cli(
        "fax", "send", str(pdf), "--to", "+4921100000000", "--faxline", "f1", "--wait",
        "--timeout", "0.05", "--poll-interval", "0.01",
    )  # fmt: skip
    assert result.exit_code == 13
    assert result.stderr.strip().endswith(
        "FaxTimeoutError: fax 123456 not finished after 0.05 s (last status: PENDING)"
    )


def test_fax_of_something_not_a_pdf_is_refused(cli: Run, api: APIStub, tmp_path: Path) -> None:
    doc = tmp_path / "letter.txt"
    doc.write_text("hello")
    result = cli("fax", "send", str(doc), "--to", "+4921100000000", "--faxline", "f1")
    assert result.exit_code == 3
    assert "ValidationError" in result.stderr
    assert api.requests == []


# -- call ---------------------------------------------------------------------------------


def test_call(cli: Run, api: APIStub) -> None:
    api.reply("POST", "/v2/sessions/calls", json={"sessionId": "S1"})
    data = stdout_json(cli("call", "--to", "+4921165432000", "--from", "e14", "--json"))
    assert data == {"session_id": "S1"}
    assert api.requests[-1].json == {"caller": "e14", "callee": "+4921165432000"}


# -- contacts -------------------------------------------------------------------------------


def test_contacts_import_csv_reports_every_row_and_number(
    cli: Run, api: APIStub, tmp_path: Path
) -> None:
    api.reply("POST", "/v2/contacts/import/csv", status=204)
    api.reply("POST", "/v2/contacts", status=204)
    path = tmp_path / "crm.csv"
    path.write_text(
        "firstname,lastname,number,birthday\n"
        "Ada,Lovelace,0211 63553355,1815\n"
        ",,,\n"
        "Bob,Bad,hello,\n",
        encoding="utf-8",
    )
    result = cli("contacts", "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert "2 contacts imported, 1 left out" in result.stdout
    assert "empty record" in result.stdout
    assert "birthday" in result.stdout  # the column not imported
    assert "hello" in result.stdout and "(left out)" in result.stdout
    uploaded = base64.b64decode(
        api.sent("POST", "/v2/contacts/import/csv")[-1].json["base64Content"]
    )
    # no country assumed: the number is stored as written
    assert uploaded.decode().splitlines() == [
        "firstname,lastname,number",
        "Ada,Lovelace,0211 63553355",
    ]
    assert [r.json["name"] for r in api.sent("POST", "/v2/contacts")] == ["Bob Bad"]

    data = stdout_json(cli("contacts", "import", str(path), "--json"))
    assert data["imported"] == 2
    assert [s["line"] for s in data["skipped"]] == [3]
    assert [(n["line"], n["field"], n["original"]) for n in data["notes"]] == [
        (1, "column", "birthday"),
        (4, "number", "hello"),
    ]


@pytest.mark.parametrize("kind", ["csv", "vcf"])
def test_contacts_import_region_reads_national_numbers_there(
    cli: Run, api: APIStub, tmp_path: Path, kind: str
) -> None:
    api.reply("POST", "/v2/contacts/import/csv", status=204)
    api.reply("POST", "/v2/contacts", status=204)
    path = tmp_path / f"book.{kind}"
    path.write_text(
        "firstname,lastname,number\nAda,Lovelace,0211 63553355\n"
        if kind == "csv"
        else "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nTEL:0211 63553355\r\nEND:VCARD\r\n"
    )
    data = stdout_json(cli("contacts", "import", str(path), "--region", "de", "--json"))
    assert data["notes"] == [
        {
            "line": 2 if kind == "csv" else 1,
            "field": "number",
            "original": "0211 63553355",
            "result": "+4921163553355",
            "reason": "national number read as dialled in DE",
        }
    ]
    if kind == "csv":
        body = api.sent("POST", "/v2/contacts/import/csv")[-1].json["base64Content"]
        assert base64.b64decode(body).decode().splitlines()[1] == "Ada,Lovelace,+4921163553355"
    else:
        assert api.sent("POST", "/v2/contacts")[-1].json["numbers"][0]["number"] == (
            "+4921163553355"
        )


@pytest.mark.parametrize("region", ["Germany", "XX", "49", ""])
def test_contacts_import_refuses_an_unknown_region_as_a_usage_error(
    cli: Run, api: APIStub, tmp_path: Path, region: str
) -> None:
    path = tmp_path / "book.csv"
    path.write_text("firstname,lastname,number\nAda,Lovelace,0211 63553355\n")
    result = cli("contacts", "import", str(path), "--region", region)
    assert result.exit_code == 2
    assert "--region" in result.stderr and "not a region code" in result.stderr
    assert api.requests == []


def test_contacts_import_vcard_by_content(cli: Run, api: APIStub, tmp_path: Path) -> None:
    api.reply("POST", "/v2/contacts", status=201)
    path = tmp_path / "book.txt"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
        "TEL;TYPE=CELL:+49 157 99912345\r\nEND:VCARD\r\n"
    )
    data = stdout_json(cli("contacts", "import", str(path), "--scope", "shared", "--json"))
    assert data == {
        "imported": 1,
        "skipped": [],
        "notes": [
            {
                "line": 1,
                "field": "number",
                "original": "+49 157 99912345",
                "result": "+4915799912345",
                "reason": "written in E.164 form",
            }
        ],
    }
    assert api.requests[-1].json["scope"] == "SHARED"


def test_contacts_import_reads_a_windows_1252_csv(cli: Run, api: APIStub, tmp_path: Path) -> None:
    api.reply("POST", "/v2/contacts/import/csv", status=204)
    path = tmp_path / "excel.csv"
    path.write_bytes("firstname;lastname;number\r\nJürgen;Groß;0211 63553355\r\n".encode("cp1252"))
    data = stdout_json(cli("contacts", "import", str(path), "--json"))
    assert data == {"imported": 1, "skipped": [], "notes": []}
    uploaded = base64.b64decode(api.requests[-1].json["base64Content"]).decode("utf-8")
    assert uploaded.splitlines()[1] == "Jürgen,Groß,0211 63553355"


def test_contacts_import_of_a_vcard_that_is_not_utf8(
    cli: Run, api: APIStub, tmp_path: Path
) -> None:
    api.reply("POST", "/v2/contacts", status=204)
    path = tmp_path / "latin1.vcf"
    path.write_bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen\r\nEND:VCARD\r\n".encode("latin-1"))
    data = stdout_json(cli("contacts", "import", str(path), "--json"))
    assert data["imported"] == 1
    assert api.sent("POST", "/v2/contacts")[-1].json["name"] == "Jürgen"  # charset detected


@pytest.mark.parametrize("fmt", ["csv", "vcard", "json"])
@pytest.mark.parametrize("scope", ["ALL", "PRIVATE"])
def test_contacts_export_over_pages_equals_the_library_export(
    cli: Run, api: APIStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, scope: str
) -> None:
    monkeypatch.setattr(contacts_cli, "EXPORT_PAGE", 2)
    serve(api, book("PRIVATE", "SHARED", "PRIVATE", "PRIVATE", "SHARED"))
    out = tmp_path / f"book.{fmt}"
    result = cli("contacts", "export", "--format", fmt, "--scope", scope.lower(), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    expected_count = 5 if scope == "ALL" else 3
    assert f"{expected_count} contacts written to {out} ({fmt})" in result.stdout
    offsets = [int(r.query["offset"][0]) for r in api.sent("GET", CONTACTS)]
    assert offsets == [0, 2, 4]

    with sipgateio.SipgateIO(base_url=api.url, token_id=TOKEN_ID, token=TOKEN) as client:
        export_scope = ExportScope(scope)
        if fmt == "csv":
            expected = client.contacts.export_as_csv(export_scope)
        elif fmt == "vcard":
            expected = client.contacts.export_as_single_vcard(export_scope)
        else:
            expected = None
            assert json.loads(out.read_text()) == json.loads(
                client.contacts.export_as_json(export_scope)
            )
    if expected is not None:
        assert out.read_bytes().decode() == expected


def test_contacts_export_to_stdout(cli: Run, api: APIStub) -> None:
    serve(api, book("PRIVATE"))
    result = cli("contacts", "export", "--format", "vcard")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("BEGIN:VCARD")
    assert "1 contacts exported (vcard)" in result.stderr


def test_contacts_export_refuses_a_bad_delimiter_before_reading(cli: Run, api: APIStub) -> None:
    result = cli("contacts", "export", "--delimiter", "ab")
    assert result.exit_code == 3
    assert api.requests == []


# -- history --------------------------------------------------------------------------------


def _history(api: APIStub, entries: list[dict[str, Any]]) -> None:
    def handler(rec: Recorded) -> Answer:
        offset, limit = int(rec.query["offset"][0]), int(rec.query["limit"][0])
        return Answer(json={"items": entries[offset : offset + limit], "totalCount": len(entries)})

    api.handle("GET", "/v2/history", handler)


def test_history_list(cli: Run, api: APIStub) -> None:
    sms = {**entry("SMS", id="2"), "smsContent": "Hallo", "connectionIds": ["s0"]}
    _history(api, [entry(id="1"), sms, entry(id="3")])
    result = cli("history", "list", "--limit", "2", "--type", "fax", "--type", "sms")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].strip() == "2 entries"
    assert "Hallo" in result.stdout and "SENT" in result.stdout
    query = api.requests[0].query
    assert query["types"] == ["FAX", "SMS"]
    assert query["limit"] == ["2"]

    data = stdout_json(cli("history", "list", "--all", "--json"))
    assert [e["id"] for e in data] == ["1", "2", "3"]
    assert data[1]["sms_content"] == "Hallo"
    assert data[0]["fax_status"] == "SENT"


def test_history_list_bad_filter(cli: Run, api: APIStub) -> None:
    result = cli("history", "list", "--since", "2030-01-02T00:00Z", "--until", "2030-01-01T00:00Z")
    assert result.exit_code == 3
    assert "start_date must not be after end_date" in result.stderr
    assert cli("history", "list", "--type", "telegram").exit_code == 2
    assert api.requests == []


def test_history_export_in_pages(
    cli: Run, api: APIStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_cli, "EXPORT_PAGE", 2)
    rows = ['1,"multi\nline"', "2,b", "3,c", "4,d"]

    def handler(rec: Recorded) -> Answer:
        offset, limit = int(rec.query["offset"][0]), int(rec.query["limit"][0])
        body = "id,text\r\n" + "".join(r + "\r\n" for r in rows[offset : offset + limit])
        return Answer(body=body, content_type="text/csv")

    api.handle("GET", "/v2/history/export", handler)
    out = tmp_path / "history.csv"
    data = stdout_json(cli("history", "export", "-o", str(out), "--json"))
    assert data == {"exported": 4, "file": str(out)}
    assert out.read_bytes().decode() == "id,text\r\n" + "".join(r + "\r\n" for r in rows)
    assert [r.query["offset"] for r in api.requests] == [["0"], ["2"], ["4"]]


def test_contacts_import_vcard_stopped_by_an_error_exits_with_its_code(
    cli: Run, api: APIStub, tmp_path: Path
) -> None:
    api.reply("POST", CONTACTS, Answer(401, json={"message": "token revoked"}))
    card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada {n}\r\nTEL:+4915799912345\r\nEND:VCARD\r\n"
    path = tmp_path / "book.vcf"
    path.write_text("".join(card.format(n=n) for n in range(3)))
    result = cli("contacts", "import", str(path))
    assert result.exit_code == 4  # the AuthenticationError the import stopped at
    assert result.stderr.startswith("error: ContactsImportError: ")
    assert len(result.stderr.splitlines()) == 1
