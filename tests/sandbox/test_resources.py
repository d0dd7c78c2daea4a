"""Every facade module end to end against the sandbox, sync and async, time driven explicitly."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import attrs
import pytest

import sipgateio
from sipgateio import ExportScope, HistoryEntryType, HistoryFilter, Pagination, Scope
from sipgateio.sandbox import Sandbox
from sipgateio.sandbox.handlers.messaging import FAILING_FAX_NUMBER
from tests.conftest import Flavour

PDF = b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n"


def sms_entries(f: Flavour) -> list[Any]:
    return f.run(lambda c: c.history.fetch_all(HistoryFilter(types=[HistoryEntryType.SMS])))


def test_scheduled_sms_arrives_when_its_time_comes(sbflavour: Flavour, sandbox: Sandbox) -> None:
    due = sandbox.clock.now() + timedelta(hours=2)
    before = len(sms_entries(sbflavour))
    sbflavour.run(lambda c: c.sms.schedule(to="+4915112345678", message="later", send_at=due,
                                           sms_id="s0"))  # fmt: skip
    assert len(sms_entries(sbflavour)) == before
    sandbox.advance(timedelta(hours=1, minutes=59))
    assert len(sms_entries(sbflavour)) == before
    sandbox.advance(60)
    newest = sms_entries(sbflavour)[0]
    assert newest.sms_content == "later" and newest.created == due
    assert newest.scheduled == due


def test_sms_checks(sandbox: Sandbox) -> None:
    with sipgateio.SipgateIO(base_url=sandbox.base_url, token_id=sandbox.token_id,
                             token=sandbox.token, max_retries=0) as c:  # fmt: skip
        with pytest.raises(sipgateio.PermissionDeniedError):
            c.sms.send(to="+4915112345678", message="x", sms_id="s1")  # Grace's extension
        sandbox.set_balance(0)
        with pytest.raises(sipgateio.PaymentRequiredError):
            c.sms.send(to="+4915112345678", message="x", sms_id="s0")
        with pytest.raises(sipgateio.ValidationError):  # not a verified sender: caught locally
            c.sms.send(to="+4915112345678", message="x", from_="+4917612121212")


def test_fax_walks_pending_sending_sent(sbflavour: Flavour, sandbox: Sandbox) -> None:
    sent = sbflavour.run(lambda c: c.fax.send(to="+4921100000000", file_content=PDF))
    status = lambda: sbflavour.run(lambda c: c.fax.get_fax_status(sent.session_id))  # noqa: E731
    assert status() is sipgateio.FaxStatus.PENDING
    sandbox.advance(1)
    assert status() is sipgateio.FaxStatus.SENDING
    sandbox.advance(2)
    assert status() is sipgateio.FaxStatus.SENT
    entry = sbflavour.run(lambda c: c.history.fetch_by_id(sent.session_id))
    assert entry.page_count == 2 and entry.target == "+4921100000000"


def test_fax_to_the_failing_number_fails(sandbox: Sandbox) -> None:
    with sipgateio.SipgateIO(base_url=sandbox.base_url, token_id=sandbox.token_id,
                             token=sandbox.token) as c:  # fmt: skip
        sent = c.fax.send(to=FAILING_FAX_NUMBER, file_content=PDF, faxline_id="f0")
        sandbox.advance(10)
        assert c.fax.get_fax_status(sent.session_id) is sipgateio.FaxStatus.FAILED
        assert [f.id for f in c.fax.get_faxlines_by_web_user("w1")] == ["f1"]


def test_contacts_crud_scopes_and_paging(sbflavour: Flavour) -> None:
    sbflavour.run(lambda c: c.contacts.create(firstname="Emmy", lastname="Noether",
                                              scope=Scope.SHARED, numbers=["+4930555111"],
                                              emails=["emmy@example.org"]))  # fmt: skip
    shared = sbflavour.run(lambda c: c.contacts.get(ExportScope.SHARED))
    emmy = next(c for c in shared if c.name == "Emmy Noether")
    assert [n.number for n in emmy.numbers] == ["+4930555111"]
    sbflavour.run(lambda c: c.contacts.update(attrs.evolve(emmy, name="Emmy N.")))
    private = sbflavour.run(lambda c: c.contacts.get(ExportScope.PRIVATE))
    assert {c.name for c in private} == {"Charles Babbage", "Mary Somerville"}
    internal = sbflavour.run(lambda c: c.contacts.get(ExportScope.INTERNAL))
    assert {c.name for c in internal} == {"Ada Lovelace", "Grace Hopper"}
    page = sbflavour.run(lambda c: c.contacts.paginated_get(ExportScope.ALL, Pagination(0, 2)))
    assert len(page.response) == 2 and page.has_more
    everyone = sbflavour.run(lambda c: c.contacts.iter_contacts(ExportScope.ALL, page_size=2))
    assert len(everyone) == 7 and "Emmy N." in {c.name for c in everyone}
    sbflavour.run(lambda c: c.contacts.delete(emmy.id))
    sbflavour.run(lambda c: c.contacts.delete_all_private())
    assert sbflavour.run(lambda c: c.contacts.get(ExportScope.PRIVATE)) == []
    sbflavour.run(lambda c: c.contacts.delete_all_shared())
    assert sbflavour.run(lambda c: c.contacts.get(ExportScope.SHARED)) == []


def test_contacts_import_and_export(sbflavour: Flavour) -> None:
    report = sbflavour.run(lambda c: c.contacts.import_from_csv_string(
        'firstname,lastname,number\nLise,Meitner,+4930123456\n"Marie, Dr.",Curie,+33140000000\n'
        "No,Number,\n"))  # fmt: skip
    assert report.imported == 3 and report.skipped == []  # a row without number: its name
    private = sbflavour.run(lambda c: c.contacts.get(ExportScope.PRIVATE))
    assert [c.numbers for c in private if c.name == "No Number"] == [()]
    csv_text = sbflavour.run(lambda c: c.contacts.export_as_csv(ExportScope.PRIVATE))
    assert "Lise Meitner" in csv_text and "+33140000000" in csv_text
    cards = sbflavour.run(lambda c: c.contacts.export_as_vcards(ExportScope.PRIVATE))
    assert any("Meitner" in card for card in cards)
    vcard = "BEGIN:VCARD\nVERSION:3.0\nN:Franklin;Rosalind;;;\nFN:Rosalind Franklin\n" \
            "TEL;TYPE=CELL:+41446681800\nEND:VCARD\n"  # fmt: skip
    report = sbflavour.run(lambda c: c.contacts.import_vcard_string(vcard, Scope.PRIVATE))
    assert report.imported == 1
    found = sbflavour.run(
        lambda c: c.contacts.get(
            ExportScope.ALL, filter=sipgateio.ContactsExportFilter(phonenumbers=["+41446681800"])
        )
    )
    assert [c.name for c in found] == ["Rosalind Franklin"]


def test_history_filters_paging_updates_deletes(sbflavour: Flavour, sandbox: Sandbox) -> None:
    fetch = lambda flt=None, p=None: sbflavour.run(  # noqa: E731
        lambda c: c.history.fetch_all(flt, p)
    )
    assert [e.id for e in fetch(HistoryFilter(starred=True))] == ["h1002"]
    assert [e.id for e in fetch(HistoryFilter(connection_ids=["f0"]))] == ["h1006"]
    assert {e.id for e in fetch(HistoryFilter(phonenumber="+492216677889"))} == {"h1003", "h1004"}
    missed = HistoryFilter(directions=[sipgateio.HistoryDirection.MISSED_INCOMING])
    assert [e.id for e in fetch(missed)] == ["h1003"]
    now = sandbox.clock.now()
    recent = fetch(HistoryFilter(start_date=now - timedelta(hours=10), end_date=now))
    assert {e.id for e in recent} == {"h1005", "h1006"}
    assert [e.id for e in fetch(None, Pagination(1, 2))] == ["h1005", "h1004"]
    walked = sbflavour.run(lambda c: c.history.iter_entries(page_size=2))
    assert [e.id for e in walked] == ["h1006", "h1005", "h1004", "h1003", "h1002", "h1001"]

    def options(entry: Any) -> Any:
        if entry.id == "h1001":
            return sipgateio.HistoryEntryUpdateOptions(note="call back Monday")
        return sipgateio.HistoryEntryUpdateOptions(archived=True)

    sbflavour.run(lambda c: c.history.batch_update_events([*walked[:3], walked[5]], options))
    assert {e.id for e in fetch(HistoryFilter(archived=True))} == {"h1006", "h1005", "h1004"}
    assert fetch(HistoryFilter(archived=False))[-1].note == "call back Monday"
    csv_text = sbflavour.run(lambda c: c.history.export_as_csv_string(
        HistoryFilter(types=[HistoryEntryType.CALL])))  # fmt: skip
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("id,created,type") and len(lines) == 4
    sbflavour.run(lambda c: c.history.delete_by_id("h1001"))
    sbflavour.run(lambda c: c.history.delete_by_list_of_ids(["h1002", "h1003"]))
    assert [e.id for e in fetch()] == ["h1006", "h1005", "h1004"]
    with pytest.raises(sipgateio.NotFoundError):
        sbflavour.run(lambda c: c.history.fetch_by_id("h1001"))


def test_webhook_settings(sbflavour: Flavour) -> None:
    ws = lambda: sbflavour.run(lambda c: c.webhook_settings.get_webhook_settings())  # noqa: E731
    sbflavour.run(lambda c: c.webhook_settings.set_incoming_url("https://example.com/in"))
    sbflavour.run(lambda c: c.webhook_settings.set_outgoing_url("https://example.com/out"))
    sbflavour.run(lambda c: c.webhook_settings.set_whitelist(["p0", "g0"]))
    sbflavour.run(lambda c: c.webhook_settings.set_log(True))
    s = ws()
    assert (s.incoming_url, s.outgoing_url, s.whitelist, s.log) == (
        "https://example.com/in", "https://example.com/out", ("p0", "g0"), True)  # fmt: skip
    sbflavour.run(lambda c: c.webhook_settings.clear_incoming_url())
    sbflavour.run(lambda c: c.webhook_settings.disable_whitelist())
    s = ws()
    assert (s.incoming_url, s.whitelist) == ("", None)


def test_numbers_paging(sbflavour: Flavour) -> None:
    page = sbflavour.run(lambda c: c.numbers.get_all_numbers(Pagination(2, 3)))
    assert [n.number for n in page] == ["+492111234568", "+492111234560", "+492111234569"]
