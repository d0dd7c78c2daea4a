"""client.contacts: requests on the local test server, results, paging, imports, bulk deletes."""

from __future__ import annotations

import asyncio
import base64
import json
import pickle
from typing import Any

import attrs
import pytest

import sipgateio
from sipgateio import (
    Address,
    Contact,
    ContactsExportFilter,
    Email,
    ExportScope,
    ImportNote,
    ImportReport,
    Page,
    Pagination,
    PhoneNumber,
    Scope,
    SkippedRecord,
    errors,
)
from sipgateio.contacts import EXPORT_COLUMNS, parse_csv, parse_vcards
from sipgateio.contacts import resource as contacts_resource
from sipgateio.contacts.resource import (
    DEFAULT_PAGE_SIZE,
    ContactsDeleteError,
    ContactsImportError,
)
from tests.apistub import Answer, APIStub, Recorded
from tests.conftest import TOKEN, TOKEN_ID, Flavour
from tests.resources.helpers import rejected, sent

CONTACTS = "/v2/contacts"
INTERNAL = "/v2/contacts/internal"
IMPORT = "/v2/contacts/import/csv"


def contact_json(cid: str, scope: str = "PRIVATE", **extra: Any) -> dict[str, Any]:
    """A contact as GET /contacts returns it."""
    data: dict[str, Any] = {
        "id": cid,
        "name": f"Ada {cid}",
        "picture": None,
        "emails": [{"email": f"{cid}@example.com", "type": ["home"]}],
        "numbers": [{"number": "+4915799912345", "type": ["cell"]}],
        "addresses": [
            {
                "poBox": "",
                "extendedAddress": "",
                "streetAddress": "Gladbacher Str. 74",
                "locality": "Düsseldorf",
                "region": "NRW",
                "postalCode": "40219",
                "country": "Germany",
            }
        ],
        "organization": [["sipgate GmbH", "Development"]],
        "scope": scope,
    }
    data.update(extra)
    return data


def book(*scopes: str) -> list[dict[str, Any]]:
    """Contacts c0, c1... with these scopes, in that order."""
    return [contact_json(f"c{i}", scope) for i, scope in enumerate(scopes)]


def serve(api: APIStub, contacts: list[dict[str, Any]], *, total: int | None = None) -> None:
    """Answer GET /contacts like the API: the slice [offset, offset+limit) and totalCount."""

    def handler(rec: Recorded) -> Answer:
        offset = int(rec.query.get("offset", ["0"])[0])
        limit = int(rec.query.get("limit", ["5000"])[0])
        count = len(contacts) if total is None else total
        return Answer(json={"items": contacts[offset : offset + limit], "totalCount": count})

    api.handle("GET", CONTACTS, handler)


def paging(api: APIStub, path: str = CONTACTS) -> list[tuple[int, int]]:
    return [
        (int(r.query["offset"][0]), int(r.query["limit"][0]))
        for r in api.requests
        if r.method == "GET" and r.path == path
    ]


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """Pages of 2 contacts, so that a handful of contacts spans several requests."""
    monkeypatch.setattr(contacts_resource, "DEFAULT_PAGE_SIZE", 2)
    return 2


# -- create ---------------------------------------------------------------------------------


def test_create_sends_the_contact(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", CONTACTS, Answer(204))
    result = flavour.run(
        lambda c: c.contacts.create(
            firstname=" Ada ",
            lastname="Lovelace",
            scope=Scope.SHARED,
            numbers=["+49 157 99912345", PhoneNumber("0049211 63553355", ("work", "fax"))],
            emails=["ada@example.com", Email("ada@work.example", ("work",))],
            addresses=[Address(street_address="Gladbacher Str. 74", locality="Düsseldorf")],
            organization=("sipgate GmbH", "Development"),
            picture="iVBORw0KGgo=",
        )
    )
    assert result is None
    assert sent(api) == [
        (
            "POST",
            CONTACTS,
            {},
            {
                "name": "Ada Lovelace",
                "given": "Ada",
                "family": "Lovelace",
                "picture": "iVBORw0KGgo=",
                "emails": [
                    {"email": "ada@example.com", "type": []},
                    {"email": "ada@work.example", "type": ["work"]},
                ],
                "numbers": [
                    {"number": "+4915799912345", "type": []},
                    {"number": "+4921163553355", "type": ["work", "fax"]},
                ],
                "addresses": [
                    {
                        "poBox": "",
                        "extendedAddress": "",
                        "streetAddress": "Gladbacher Str. 74",
                        "locality": "Düsseldorf",
                        "region": "",
                        "postalCode": "",
                        "country": "",
                    }
                ],
                "organization": [["sipgate GmbH", "Development"]],
                "scope": "SHARED",
            },
        )
    ]


def test_create_minimal_and_several_organisations(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", CONTACTS, Answer(204))
    flavour.run(
        lambda c: c.contacts.create(
            firstname="", lastname="Cher", scope="PRIVATE", organization=[("A",), ["B", "x"]]
        )
    )
    body = api.requests[0].json
    assert body["name"] == "Cher" and body["given"] == "" and body["family"] == "Cher"
    assert body["organization"] == [["A"], ["B", "x"]]
    assert body["numbers"] == body["emails"] == body["addresses"] == []
    assert body["scope"] == "PRIVATE" and body["picture"] is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"firstname": " ", "lastname": ""}, "firstname"),
        ({"firstname": None}, "firstname"),
        ({"lastname": 3}, "lastname"),
        ({"scope": ExportScope.ALL}, "scope"),
        ({"scope": ExportScope.INTERNAL}, "scope"),
        ({"scope": "private"}, "scope"),
        ({"numbers": "+4915799912345"}, "numbers"),
        ({"numbers": ["call me"]}, "numbers"),
        ({"numbers": ["+49 1"]}, "numbers"),
        ({"numbers": ["+999 123456"]}, "numbers"),  # no such country code
        ({"numbers": [PhoneNumber("+4915799912345", ("",))]}, "numbers"),
        ({"numbers": [4915799912345]}, "numbers"),
        ({"emails": ["no-at-sign"]}, "emails"),
        ({"emails": [Email(" a@b.c ")]}, "emails"),
        ({"addresses": ["Hauptstr. 1"]}, "addresses"),
        ({"organization": ["A", ("B",)]}, "organization"),
        ({"organization": "sipgate"}, "organization"),
        ({"picture": b"\x89PNG"}, "picture"),
    ],
)
def test_create_rejects_bad_input_without_a_request(
    flavour: Flavour, api: APIStub, kwargs: dict[str, Any], field: str
) -> None:
    args: dict[str, Any] = {"firstname": "Ada", "lastname": "Lovelace", "scope": Scope.PRIVATE}
    args.update(kwargs)
    rejected(flavour, api, lambda c: c.contacts.create(**args), field)


@pytest.mark.parametrize(
    ("status", "cls"), [(400, errors.BadRequestError), (409, errors.ConflictError)]
)
def test_create_errors_are_mapped(
    flavour: Flavour, api: APIStub, status: int, cls: type[errors.APIError]
) -> None:
    api.reply("POST", CONTACTS, Answer(status, json={"message": "nope"}))
    with pytest.raises(cls):
        flavour.run(lambda c: c.contacts.create(firstname="A", lastname="B", scope=Scope.PRIVATE))


# -- update and delete ----------------------------------------------------------------------


def test_update_writes_back_a_contact_read_from_the_api(flavour: Flavour, api: APIStub) -> None:
    serve(api, [contact_json("c1", "SHARED", numbers=[{"number": "0211 123", "type": []}])])
    api.reply("PUT", "/v2/contacts/c1", Answer(204))

    def change(c: Any) -> Any:
        async def go() -> None:
            (contact,) = await c.contacts.get(ExportScope.SHARED)
            await c.contacts.update(attrs.evolve(contact, name="Ada King Lovelace"))

        if flavour.name == "async":
            return go()
        (contact,) = c.contacts.get(ExportScope.SHARED)
        return c.contacts.update(attrs.evolve(contact, name="Ada King Lovelace"))

    flavour.run(change)
    put = api.sent("PUT")[0]
    assert put.path == "/v2/contacts/c1"
    expected = contact_json("c1", "SHARED", numbers=[{"number": "0211 123", "type": []}])
    expected.update(name="Ada King Lovelace", given="Ada King", family="Lovelace")
    assert put.json == expected  # numbers are written back as they are


def test_update_quotes_the_id_in_the_path(flavour: Flavour, api: APIStub) -> None:
    api.reply("PUT", "/v2/contacts/a/b", Answer(204))
    flavour.run(lambda c: c.contacts.update(Contact("a/b", "Ada", scope=Scope.PRIVATE)))
    assert api.requests[0].path == "/v2/contacts/a/b"  # sent as a%2Fb, decoded by the server
    assert api.requests[0].json["id"] == "a/b"


@pytest.mark.parametrize(
    ("contact", "field"),
    [
        ({"id": "c1"}, "contact"),
        (Contact("", "Ada"), "contact.id"),
        (Contact("c1", " "), "contact.name"),
        (Contact("c1", "Ada", scope=ExportScope.INTERNAL), "scope"),
        (Contact("c1", "Ada", numbers=["+4915799912345"]), "contact.numbers"),  # type: ignore[list-item]
        (Contact("c1", "Ada", numbers=[PhoneNumber("+49157", (3,))]), "contact.numbers"),  # type: ignore[arg-type]
        (Contact("c1", "Ada", emails=[Email(None)]), "contact.emails"),  # type: ignore[arg-type]
        (Contact("c1", "Ada", addresses=[Address(street_address=1)]), "contact.addresses"),  # type: ignore[arg-type]
        (Contact("c1", "Ada", organization=[[1]]), "contact.organization"),  # type: ignore[list-item]
        (Contact("c1", "Ada", picture=b"x"), "contact.picture"),  # type: ignore[arg-type]
    ],
)
def test_update_rejects_bad_contacts(
    flavour: Flavour, api: APIStub, contact: Any, field: str
) -> None:
    rejected(flavour, api, lambda c: c.contacts.update(contact), field)


def test_update_not_found(flavour: Flavour, api: APIStub) -> None:
    api.reply("PUT", "/v2/contacts/gone", Answer(404, json={"message": "no such contact"}))
    with pytest.raises(errors.NotFoundError) as info:
        flavour.run(lambda c: c.contacts.update(Contact("gone", "Ada")))
    assert info.value.method == "PUT"


def test_delete(flavour: Flavour, api: APIStub) -> None:
    api.reply("DELETE", "/v2/contacts/c1", Answer(204))
    assert flavour.run(lambda c: c.contacts.delete("c1")) is None
    assert sent(api) == [("DELETE", "/v2/contacts/c1", {}, None)]


@pytest.mark.parametrize("contact_id", ["", "  ", None, 5])
def test_delete_rejects_bad_ids(flavour: Flavour, api: APIStub, contact_id: object) -> None:
    rejected(flavour, api, lambda c: c.contacts.delete(contact_id), "contact_id")


def test_delete_not_found_is_raised(flavour: Flavour, api: APIStub) -> None:
    api.reply("DELETE", "/v2/contacts/c9", Answer(404, json={"message": "no"}))
    with pytest.raises(errors.NotFoundError):
        flavour.run(lambda c: c.contacts.delete("c9"))


# -- delete all -----------------------------------------------------------------------------


def deletes(api: APIStub) -> list[str]:
    return [r.path.rsplit("/", 1)[1] for r in api.sent("DELETE")]


@pytest.mark.usefixtures("small_pages")
def test_delete_all_shared_reads_every_page_then_deletes_each(
    flavour: Flavour, api: APIStub
) -> None:
    contacts = book("PRIVATE", "SHARED", "SHARED", "INTERNAL", "PRIVATE", "SHARED", "SHARED")
    serve(api, contacts)
    for i in range(len(contacts)):
        api.reply("DELETE", f"/v2/contacts/c{i}", Answer(204))
    assert flavour.run(lambda c: c.contacts.delete_all_shared()) is None
    assert paging(api) == [(0, 2), (2, 2), (4, 2), (6, 2)]
    # every id is read before the first delete, so deleting never shifts the pages read
    assert [r.method for r in api.requests] == ["GET"] * 4 + ["DELETE"] * 4
    assert sorted(deletes(api)) == ["c1", "c2", "c5", "c6"]
    assert not api.sent("DELETE", CONTACTS)  # never the bulk DELETE /contacts


def test_delete_all_private_deletes_only_private_contacts(flavour: Flavour, api: APIStub) -> None:
    serve(api, book("PRIVATE", "SHARED", "INTERNAL", "PRIVATE"))
    api.reply("DELETE", "/v2/contacts/c0", Answer(204))
    api.reply("DELETE", "/v2/contacts/c3", Answer(204))
    flavour.run(lambda c: c.contacts.delete_all_private())
    assert sorted(deletes(api)) == ["c0", "c3"]
    assert not api.sent("DELETE", CONTACTS)


def test_delete_all_of_nothing_sends_no_delete(flavour: Flavour, api: APIStub) -> None:
    serve(api, book("PRIVATE"))
    flavour.run(lambda c: c.contacts.delete_all_shared())
    assert api.sent("DELETE") == []


def test_delete_all_counts_gone_contacts_and_goes_on_past_refusals(
    flavour: Flavour, api: APIStub
) -> None:
    serve(api, book("SHARED", "SHARED", "SHARED", "SHARED"))
    api.reply("DELETE", "/v2/contacts/c0", Answer(404, json={"message": "already gone"}))
    api.reply("DELETE", "/v2/contacts/c1", Answer(409, json={"message": "locked"}))
    api.reply("DELETE", "/v2/contacts/c2", Answer(204))
    api.reply("DELETE", "/v2/contacts/c3", Answer(400, json={"message": "bad"}))
    with pytest.raises(ContactsDeleteError) as info:
        flavour.run(lambda c: c.contacts.delete_all_shared())
    error = info.value
    assert sorted(deletes(api)) == ["c0", "c1", "c2", "c3"]  # every one attempted
    assert error.deleted == 2 and error.not_attempted == ()
    assert sorted(error.failed) == ["c1", "c3"]
    assert isinstance(error.failed["c1"], errors.ConflictError)
    assert isinstance(error.__cause__, errors.ConflictError)
    assert error.scope is Scope.SHARED
    assert str(error).startswith("deleted 2 of 4 SHARED contacts; 2 failed: c1 (DELETE ")
    assert "c3 (DELETE" in str(error)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (500, errors.ServerError),
    ],
)
def test_delete_all_stops_at_an_error_every_request_would_meet(
    flavour: Flavour, api: APIStub, status: int, cls: type[errors.APIError]
) -> None:
    serve(api, book("SHARED", "SHARED", "SHARED", "SHARED"))
    api.reply("DELETE", "/v2/contacts/c0", Answer(204))
    api.reply("DELETE", "/v2/contacts/c1", Answer(status, json={"message": "no"}))
    with pytest.raises(ContactsDeleteError) as info:  # one at a time: c2 and c3 never start
        flavour.run(lambda c: c.contacts.delete_all_shared(concurrency=1))
    error = info.value
    assert deletes(api) == ["c0", "c1"]
    assert error.deleted == 1 and list(error.failed) == ["c1"]
    assert error.not_attempted == ("c2", "c3")
    assert isinstance(error.__cause__, cls)
    assert "stopped there, 2 not attempted" in str(error)


def test_delete_all_stops_at_a_connection_failure(api: APIStub) -> None:
    serve(api, book("SHARED", "SHARED"))
    api.reply("DELETE", "/v2/contacts/c0", Answer(204, delay=0.5))
    with (
        sipgateio.SipgateIO(
            token_id=TOKEN_ID,
            token=TOKEN,
            base_url=api.url,
            max_retries=0,
            timeout=0.2,
            concurrency=1,
        ) as client,
        pytest.raises(ContactsDeleteError) as info,
    ):
        client.contacts.delete_all_shared()
    assert isinstance(info.value.__cause__, errors.TransportError)
    assert info.value.not_attempted == ("c1",)


def test_delete_all_listing_error_deletes_nothing(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CONTACTS, Answer(403, json={"message": "no"}))
    with pytest.raises(errors.PermissionDeniedError):
        flavour.run(lambda c: c.contacts.delete_all_private())
    assert api.sent("DELETE") == []


def test_delete_error_names_at_most_five_and_pickles() -> None:
    failed: dict[str, errors.SipgateIOError] = {
        f"c{i}": errors.SipgateIOError("x") for i in range(7)
    }
    error = ContactsDeleteError(Scope.PRIVATE, 3, failed, ("c9",))
    assert "c4 (x); and 2 more" in str(error) and "c5" not in str(error)
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.not_attempted == ("c9",)


# -- CSV import -----------------------------------------------------------------------------


def uploaded(api: APIStub) -> str:
    (request,) = api.sent("POST", IMPORT)
    assert set(request.json) == {"base64Content"}
    return base64.b64decode(request.json["base64Content"]).decode("utf-8")


def test_csv_import_sends_the_projection_and_reports_every_row(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", IMPORT, Answer(204))
    api.reply("POST", CONTACTS, Answer(204))
    text = (
        "\ufeffNumber;Last Name;First Name;E-Mail\r\n"
        "+4921163553355;Turing;Alan;alan@example.com\r\n"
        '"0157 99912345";"Lovelace; Countess";Ada;\r\n'
        ";Nobody;Noname;\r\n"
        "\r\n"
        "+49211;;;\r\n"
        "12;Short;Number;\r\n"
        '"+4915799912345";"Grace ""Amazing""";"Hopper\nRear Admiral";x\r\n'
        "reception;Desk;Front;\r\n"
    )
    seen: list[tuple[int, int]] = []
    report = flavour.run(
        lambda c: c.contacts.import_from_csv_string(
            text, progress=lambda d, t: seen.append((d, t)), concurrency=1
        )
    )
    assert uploaded(api) == (
        "firstname,lastname,number\n"
        "Alan,Turing,+4921163553355\n"
        "Ada,Lovelace; Countess,0157 99912345\n"  # no country assumed: kept as given
        "Number,Short,12\n"
        '"Hopper\nRear Admiral","Grace ""Amazing""",+4915799912345\n'
    )
    # the named rows that import cannot take are created with their name
    alone = [(r.json["name"], r.json["numbers"]) for r in api.sent("POST", CONTACTS)]
    assert alone == [("Noname Nobody", []), ("Front Desk", [])]
    assert isinstance(report, ImportReport) and report.imported == 6
    assert report.skipped == [SkippedRecord(6, "no name (firstname and lastname are empty)")]
    assert report.notes == (
        ImportNote(
            1,
            "column",
            "E-Mail",
            None,
            "not sent: sipgate's CSV import takes only firstname, lastname and number",
        ),
        ImportNote(10, "number", "reception", None, "is not a phone number (it contains letters)"),
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_csv_import_in_sipgate_layout_with_a_region(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", IMPORT, Answer(204))
    text = "firstname,lastname,number\nAda,Lovelace,0211 63553355\nEmmy,Noether,110\n"
    report = flavour.run(lambda c: c.contacts.import_from_csv_string(text, default_region="DE"))
    assert uploaded(api) == (
        "firstname,lastname,number\nAda,Lovelace,+4921163553355\nEmmy,Noether,110\n"
    )
    assert [(n.line, n.original, n.result) for n in report.notes] == [
        (2, "0211 63553355", "+4921163553355"),
        (3, "110", "110"),  # kept as given, and said why
    ]
    assert report.imported == 2 and not api.sent("POST", CONTACTS)


@pytest.mark.parametrize("region", ["Germany", "XX", "", 49])
def test_csv_import_refuses_an_unknown_region(
    flavour: Flavour, api: APIStub, region: object
) -> None:
    rejected(
        flavour,
        api,
        lambda c: c.contacts.import_from_csv_string(
            "firstname,lastname,number\nA,B,+4915799912345\n", default_region=region
        ),
        "default_region",
    )


def test_csv_import_with_a_second_number_column_creates_contacts_with_both(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", CONTACTS, Answer(204))
    text = (
        "firstname,lastname,number,mobile,birthday\n"
        "Ada,Lovelace,0211 63553355,+49 157 1234567,1815\n"
    )
    report = flavour.run(lambda c: c.contacts.import_from_csv_string(text, default_region="DE"))
    assert not api.sent("POST", IMPORT)
    (request,) = api.sent("POST", CONTACTS)
    assert request.json["numbers"] == [
        {"number": "+4921163553355", "type": []},
        {"number": "+491571234567", "type": ["cell"]},
    ]
    assert [(n.line, n.field, n.original) for n in report.notes] == [
        (1, "column", "birthday"),
        (2, "number", "0211 63553355"),
        (2, "number", "+49 157 1234567"),
    ]


def test_csv_import_of_an_export_notes_numbers_by_the_contacts_rule(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", CONTACTS, Answer(204))
    text = (
        "Name,Phone 1 - Type,Phone 1 - Value,Job Title\n"
        "Ada Lovelace,Mobile,0157 99912345 ::: call me,Countess\n"
    )
    report = flavour.run(lambda c: c.contacts.import_from_csv_string(text))
    (request,) = api.sent("POST", CONTACTS)
    assert request.json["name"] == "Ada Lovelace"
    assert request.json["numbers"] == [{"number": "0157 99912345", "type": ["cell"]}]
    assert report.notes == (
        ImportNote(
            1,
            "column",
            "Job Title",
            None,
            "not imported: a sipgate contact has no field for this column",
        ),
        ImportNote(2, "number", "call me", None, "is not a phone number (it contains letters)"),
    )


def test_csv_import_stopped_after_the_csv_request_reports_its_rows(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", IMPORT, Answer(204))
    api.reply("POST", CONTACTS, Answer(503, json={"message": "down"}))
    text = "firstname,lastname,number\nAda,Lovelace,+4915799912345\nAlan,Turing,\n"
    with pytest.raises(ContactsImportError) as info:
        flavour.run(lambda c: c.contacts.import_from_csv_string(text))
    assert info.value.report.imported == 1
    assert list(info.value.failed) == [3]
    assert isinstance(info.value.__cause__, errors.ServerError)


def test_csv_import_keeps_non_latin_names_in_utf8(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", IMPORT, Answer(204))
    flavour.run(
        lambda c: c.contacts.import_from_csv_string(
            "firstname,lastname,number\n李,Müller,+4915799912345\n"
        )
    )
    assert uploaded(api).splitlines()[1] == "李,Müller,+4915799912345"


@pytest.mark.parametrize(
    "text",
    [
        "firstname,lastname,number\n",
        "lastname,number,firstname\r\n\r\n,,\r\n",
        "firstname,lastname,number\n,,x\n",
    ],
)
def test_csv_import_without_rows_sends_nothing(flavour: Flavour, api: APIStub, text: str) -> None:
    report = flavour.run(lambda c: c.contacts.import_from_csv_string(text))
    assert report.imported == 0 and api.requests == []


@pytest.mark.parametrize("text", ["colour,size\nred,XL\n", "", b"\xff\xfeq\x00", 42, None])
def test_csv_import_rejects_what_is_not_an_import_csv(
    flavour: Flavour, api: APIStub, text: object
) -> None:
    error = rejected(flavour, api, lambda c: c.contacts.import_from_csv_string(text), "csv_content")
    if isinstance(text, str) and text:
        assert "names no column" in str(error) and "'colour'" in str(error)


def test_csv_import_error_is_mapped(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", IMPORT, Answer(400, json={"message": "bad csv"}))
    with pytest.raises(errors.BadRequestError):
        flavour.run(
            lambda c: c.contacts.import_from_csv_string(
                "firstname,lastname,number\nA,B,+4915799912345"
            )
        )


# -- vCard import ---------------------------------------------------------------------------

CARD_ADA = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lovelace;Ada;;;\r\nFN:Ada Lovelace\r\n"
    "TEL;TYPE=CELL:0157 99912345\r\nTEL;TYPE=WORK,FAX:+49 211 63553355\r\n"
    "EMAIL;TYPE=INTERNET,HOME:ada@example.com\r\nEMAIL:ada@work.example\r\n"
    "ADR;TYPE=HOME:;;Gladbacher Str. 74;Düsseldorf;NRW;40219;Germany\r\n"
    "ADR;TYPE=WORK:;;Main St 1;London;;;UK\r\n"
    "ORG:sipgate GmbH;Development\r\nUID:ignored-uid\r\nEND:VCARD\r\n"
)
CARD_ALAN = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alan Turing\r\nTEL:+4915799912345\r\nEND:VCARD\r\n"
CARD_FUTURE = "BEGIN:VCARD\r\nVERSION:5.0\r\nFN:Future Card\r\nEND:VCARD\r\n"
CARD_OUTLOOK_21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n"
    "TEL;WORK;VOICE:0211 123456\r\nEMAIL;PREF;INTERNET:jm@example.de\r\nEND:VCARD\r\n"
)
CARD_BAD_NUMBER = (
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bad Number\r\nTEL:call me\r\nTEL:12\r\n"
    "EMAIL:bad@example.com\r\nEND:VCARD\r\n"
)


def test_vcard_import_creates_each_card_with_everything(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", CONTACTS, Answer(204))
    text = CARD_ADA + CARD_FUTURE + CARD_ALAN + CARD_BAD_NUMBER
    report = flavour.run(lambda c: c.contacts.import_vcard_string(text, Scope.SHARED))
    assert sorted((r.json for r in api.requests), key=lambda b: b["name"]) == [
        {
            "name": "Ada Lovelace",
            "given": "Ada",
            "family": "Lovelace",
            "picture": None,
            "emails": [
                {"email": "ada@example.com", "type": ["internet", "home"]},
                {"email": "ada@work.example", "type": []},
            ],
            "numbers": [
                {"number": "0157 99912345", "type": ["cell"]},  # no country assumed
                {"number": "+4921163553355", "type": ["work", "fax"]},
            ],
            "addresses": [
                {
                    "poBox": "",
                    "extendedAddress": "",
                    "streetAddress": "Gladbacher Str. 74",
                    "locality": "Düsseldorf",
                    "region": "NRW",
                    "postalCode": "40219",
                    "country": "Germany",
                },
                {
                    "poBox": "",
                    "extendedAddress": "",
                    "streetAddress": "Main St 1",
                    "locality": "London",
                    "region": "",
                    "postalCode": "",
                    "country": "UK",
                },
            ],
            "organization": [["sipgate GmbH", "Development"]],
            "scope": "SHARED",
        },
        {
            "name": "Alan Turing",
            "given": "Alan",
            "family": "Turing",
            "picture": None,
            "emails": [],
            "numbers": [{"number": "+4915799912345", "type": []}],
            "addresses": [],
            "organization": [],
            "scope": "SHARED",
        },
        {  # imported with its e-mail and the short number, without the one that is none
            "name": "Bad Number",
            "given": "Bad",
            "family": "Number",
            "picture": None,
            "emails": [{"email": "bad@example.com", "type": []}],
            "numbers": [{"number": "12", "type": []}],
            "addresses": [],
            "organization": [],
            "scope": "SHARED",
        },
    ]
    assert report.imported == 3
    assert [s.line for s in report.skipped] == [2]
    assert "'5.0'" in report.skipped[0].reason
    assert report.notes == (
        ImportNote(1, "number", "+49 211 63553355", "+4921163553355", "written in E.164 form"),
        ImportNote(4, "number", "call me", None, "is not a phone number (it contains letters)"),
    )


def test_vcard_21_as_outlook_writes_it_is_imported(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", CONTACTS, Answer(204))
    data = CARD_OUTLOOK_21.encode("cp1252")
    report = flavour.run(lambda c: c.contacts.import_vcard_string(data, Scope.PRIVATE))
    assert report.imported == 1 and report.skipped == [] and report.notes == ()
    (body,) = [r.json for r in api.requests]
    assert (body["name"], body["given"], body["family"]) == ("Jürgen Müller", "Jürgen", "Müller")
    assert body["numbers"] == [{"number": "0211 123456", "type": ["work", "voice"]}]
    assert body["emails"] == [{"email": "jm@example.de", "type": ["pref", "internet"]}]


def test_vcard_import_reads_national_numbers_only_in_the_region_given(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", CONTACTS, Answer(204))
    text = CARD_ADA + CARD_BAD_NUMBER
    report = flavour.run(
        lambda c: c.contacts.import_vcard_string(text.encode(), Scope.PRIVATE, default_region="de")
    )
    assert sorted([n["number"] for n in r.json["numbers"]] for r in api.requests) == [
        ["+4915799912345", "+4921163553355"],
        ["12"],
    ]
    assert report.notes == (
        ImportNote(
            1, "number", "0157 99912345", "+4915799912345", "national number read as dialled in DE"
        ),
        ImportNote(1, "number", "+49 211 63553355", "+4921163553355", "written in E.164 form"),
        ImportNote(2, "number", "call me", None, "is not a phone number (it contains letters)"),
        ImportNote(
            2, "number", "12", "12", "kept as given: a short or local number in DE (no area code)"
        ),
    )


def test_vcard_import_reports_cards_the_api_refuses_and_goes_on(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", CONTACTS, Answer(409, json={"message": "duplicate"}), Answer(204))
    report = flavour.run(
        lambda c: c.contacts.import_vcard_string(CARD_ADA + CARD_ALAN, "PRIVATE", concurrency=1)
    )
    assert len(api.requests) == 2
    assert report.imported == 1
    (skipped,) = report.skipped
    assert skipped.line == 1 and skipped.reason.startswith("refused by the API: POST ")
    assert "409" in skipped.reason and "duplicate" in skipped.reason


def test_vcard_import_stops_at_other_errors_with_the_report(flavour: Flavour, api: APIStub) -> None:
    api.reply("POST", CONTACTS, Answer(204), Answer(503, json={"message": "down"}))
    with pytest.raises(ContactsImportError) as info:
        flavour.run(
            lambda c: c.contacts.import_vcard_string(
                CARD_ADA + CARD_ALAN + CARD_ADA, Scope.PRIVATE, concurrency=1
            )
        )
    assert len(api.requests) == 2
    error = info.value
    assert error.report.imported == 1 and error.report.skipped == []
    assert error.not_attempted == (3,)
    # what the conversion changed is reported for every card, the one not attempted too
    assert [n.line for n in error.report.notes] == [1, 3]
    assert list(error.failed) == [2] and isinstance(error.__cause__, errors.ServerError)
    assert str(error).startswith("imported 1 of 3 cards sent; 1 failed: 2 (POST ")
    assert "stopped there, 1 not attempted" in str(error)
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.report == error.report


def test_vcard_import_of_nothing_sends_nothing(flavour: Flavour, api: APIStub) -> None:
    report = flavour.run(lambda c: c.contacts.import_vcard_string(" \r\n", Scope.PRIVATE))
    assert report == ImportReport(0, []) and api.requests == []
    report = flavour.run(lambda c: c.contacts.import_vcard_string(CARD_FUTURE, Scope.PRIVATE))
    assert report.imported == 0 and len(report.skipped) == 1 and api.requests == []


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("FN:Ada", Scope.PRIVATE), "vcard_content"),
        ((b"FN:Ada", Scope.PRIVATE), "vcard_content"),
        ((bytearray(b"BEGIN:VCARD"), Scope.PRIVATE), "vcard_content"),
        ((CARD_ALAN, ExportScope.ALL), "scope"),
        ((CARD_ALAN, "INTERNAL"), "scope"),
        ((CARD_ALAN, None), "scope"),
    ],
)
def test_vcard_import_rejects_bad_arguments(
    flavour: Flavour, api: APIStub, args: tuple[Any, Any], field: str
) -> None:
    rejected(flavour, api, lambda c: c.contacts.import_vcard_string(*args), field)


@pytest.mark.parametrize("region", ["Germany", "XX", 49, ""])
def test_vcard_import_rejects_unknown_regions(flavour: Flavour, api: APIStub, region: Any) -> None:
    rejected(
        flavour,
        api,
        lambda c: c.contacts.import_vcard_string(CARD_ALAN, Scope.PRIVATE, default_region=region),
        "default_region",
    )


# -- reading: get, paging, scopes, filter ---------------------------------------------------


@pytest.mark.usefixtures("small_pages")
def test_get_all_walks_every_page(flavour: Flavour, api: APIStub) -> None:
    contacts = book("PRIVATE", "SHARED", "INTERNAL", "PRIVATE", "SHARED")
    serve(api, contacts)
    result = flavour.run(lambda c: c.contacts.get(ExportScope.ALL))
    assert [c.id for c in result] == ["c0", "c1", "c2", "c3", "c4"]
    assert paging(api) == [(0, 2), (2, 2), (4, 2)]
    assert result[2].scope is ExportScope.INTERNAL
    assert result[0] == Contact(
        "c0",
        "Ada c0",
        None,
        (Email("c0@example.com", ("home",)),),
        (PhoneNumber("+4915799912345", ("cell",)),),
        (Address("", "", "Gladbacher Str. 74", "Düsseldorf", "NRW", "40219", "Germany"),),
        (("sipgate GmbH", "Development"),),
        Scope.PRIVATE,
    )


@pytest.mark.usefixtures("small_pages")
@pytest.mark.parametrize(
    ("scope", "ids"),
    [
        (ExportScope.PRIVATE, ["c0", "c3", "c5"]),
        (ExportScope.SHARED, ["c1", "c4"]),
        (Scope.SHARED, ["c1", "c4"]),
        ("PRIVATE", ["c0", "c3", "c5"]),
    ],
)
def test_scope_filter_applies_to_every_page(
    flavour: Flavour, api: APIStub, scope: Any, ids: list[str]
) -> None:
    serve(api, book("PRIVATE", "SHARED", "INTERNAL", "PRIVATE", "SHARED", "PRIVATE"))
    assert [c.id for c in flavour.run(lambda c: c.contacts.get(scope))] == ids
    assert paging(api) == [(0, 2), (2, 2), (4, 2)]


def test_default_page_size_is_the_api_default(flavour: Flavour, api: APIStub) -> None:
    serve(api, book("PRIVATE"))
    flavour.run(lambda c: c.contacts.get(ExportScope.ALL))
    assert DEFAULT_PAGE_SIZE == 5000
    assert sent(api) == [("GET", CONTACTS, {"offset": ["0"], "limit": ["5000"]}, None)]


@pytest.mark.usefixtures("small_pages")
def test_walk_stops_at_total_count_and_at_an_empty_page(flavour: Flavour, api: APIStub) -> None:
    serve(api, book("PRIVATE", "PRIVATE", "PRIVATE", "PRIVATE"))
    flavour.run(lambda c: c.contacts.get(ExportScope.ALL))
    assert paging(api) == [(0, 2), (2, 2)]  # no request for an empty third page
    api.reset()
    serve(api, book("PRIVATE", "PRIVATE"), total=10)  # totalCount promises more than there is
    assert len(flavour.run(lambda c: c.contacts.get(ExportScope.ALL))) == 2
    assert paging(api) == [(0, 2), (2, 2)]


def test_a_server_ignoring_limit_does_not_overshoot(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CONTACTS, json={"items": book(*["PRIVATE"] * 5), "totalCount": 5})
    page = flavour.run(lambda c: c.contacts.paginated_get(ExportScope.ALL, Pagination(0, 3)))
    assert [c.id for c in page.response] == ["c0", "c1", "c2"] and page.has_more


@pytest.mark.usefixtures("small_pages")
@pytest.mark.parametrize(
    ("pagination", "requests", "ids", "has_more"),
    [
        (Pagination(0, 2), [(0, 2)], ["c0"], True),
        (Pagination(1, 3), [(1, 2), (3, 1)], ["c3"], True),
        (Pagination(2), [(2, 2), (4, 2)], ["c3", "c5"], False),
        (Pagination(4, 100), [(4, 2)], ["c5"], False),
        (Pagination(6, 1), [(6, 1)], [], False),
    ],
)
def test_pagination_selects_positions_of_the_api_list(
    flavour: Flavour,
    api: APIStub,
    pagination: Pagination,
    requests: list[tuple[int, int]],
    ids: list[str],
    has_more: bool,
) -> None:
    serve(api, book("PRIVATE", "SHARED", "INTERNAL", "PRIVATE", "SHARED", "PRIVATE"))
    page = flavour.run(lambda c: c.contacts.paginated_get(ExportScope.PRIVATE, pagination))
    assert isinstance(page, Page)
    assert [c.id for c in page.response] == ids and page.has_more is has_more
    assert paging(api) == requests


def test_filter_sends_phonenumbers_as_given(flavour: Flavour, api: APIStub) -> None:
    # The API matches a number as it was stored: 0211... finds only 0211...
    serve(api, book("PRIVATE"))
    numbers = ContactsExportFilter([" 0211123456789 ", "+49 157 99912345", "0211123456789", "110"])
    flavour.run(lambda c: c.contacts.export_as_json(ExportScope.ALL, None, numbers))
    assert api.requests[0].query == {
        "offset": ["0"],
        "limit": ["5000"],
        "phonenumbers": ["0211123456789", "+49 157 99912345", "110"],
    }


def test_empty_filter_does_not_restrict(flavour: Flavour, api: APIStub) -> None:
    serve(api, book("PRIVATE"))
    flavour.run(lambda c: c.contacts.get(ExportScope.ALL, filter=ContactsExportFilter()))
    assert "phonenumbers" not in api.requests[0].query


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.contacts.get("EVERYTHING"), "scope"),
        (lambda c: c.contacts.get(None), "scope"),
        (lambda c: c.contacts.get(ExportScope.ALL, Pagination(), ["+4915799912345"]), "filter"),
        (
            lambda c: c.contacts.get(ExportScope.ALL, filter=ContactsExportFilter([" "])),
            "filter",
        ),
        (
            lambda c: c.contacts.get(ExportScope.ALL, filter=ContactsExportFilter([49211])),
            "filter",
        ),
        (lambda c: c.contacts.get(ExportScope.ALL, {"offset": 0}), "pagination"),
        (lambda c: c.contacts.export_as_csv(ExportScope.ALL, delimiter='"'), "delimiter"),
        (lambda c: c.contacts.export_as_csv(ExportScope.ALL, delimiter=";;"), "delimiter"),
        (lambda c: c.contacts.export_as_csv(ExportScope.ALL, delimiter=None), "delimiter"),
        (lambda c: c.contacts.export_as_vcards("ANY"), "scope"),
        (lambda c: c.contacts.paginated_export_as_single_vcard(ExportScope.ALL, 5), "pagination"),
        (lambda c: c.contacts.iter_contacts(ExportScope.ALL, page_size=0), "page_size"),
        (lambda c: c.contacts.iter_contacts(ExportScope.ALL, page_size=5001), "page_size"),
        (lambda c: c.contacts.iter_contacts(ExportScope.ALL, page_size=True), "page_size"),
        (lambda c: c.contacts.iter_contacts(3), "scope"),
    ],
)
def test_reads_reject_bad_arguments_without_a_request(
    flavour: Flavour, api: APIStub, call: Any, field: str
) -> None:
    rejected(flavour, api, call, field)


# -- internal contacts ----------------------------------------------------------------------

DIRECTORY = {
    "items": [
        {
            "id": "i1",
            "name": "Web User",
            "emails": ["user@example.com"],
            "mobile": ["+4915799912345"],
            "landline": ["+4921163553355"],
            "fax": ["+4921163553356"],
            "directdial": ["+4921163553300"],
        },
        {"id": "i2", "name": "Other User", "mobile": ["0049 157 11111111"]},
        {"id": "i3", "name": "Third User"},
    ]
}


def test_internal_reads_the_directory(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", INTERNAL, json=DIRECTORY)
    result = flavour.run(lambda c: c.contacts.get(ExportScope.INTERNAL))
    assert sent(api) == [("GET", INTERNAL, {}, None)]
    assert [c.id for c in result] == ["i1", "i2", "i3"]
    assert result[0] == Contact(
        "i1",
        "Web User",
        None,
        (Email("user@example.com"),),
        (
            PhoneNumber("+4915799912345", ("cell",)),
            PhoneNumber("+4921163553355", ("voice",)),
            PhoneNumber("+4921163553356", ("fax",)),
            PhoneNumber("+4921163553300", ("work",)),
        ),
        scope=ExportScope.INTERNAL,
    )
    assert result[2].numbers == () and result[2].emails == ()


def test_internal_pagination_and_filter_are_applied_to_the_directory(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("GET", INTERNAL, json=DIRECTORY)
    page = flavour.run(lambda c: c.contacts.paginated_get(ExportScope.INTERNAL, Pagination(1, 1)))
    assert [c.id for c in page.response] == ["i2"] and page.has_more
    page = flavour.run(lambda c: c.contacts.paginated_get(ExportScope.INTERNAL, Pagination(1)))
    assert [c.id for c in page.response] == ["i2", "i3"] and not page.has_more
    wanted = ContactsExportFilter(["+49 157 11111111", "+4921163553300"])
    found = flavour.run(lambda c: c.contacts.get(ExportScope.INTERNAL, filter=wanted))
    assert [c.id for c in found] == ["i1", "i2"]
    assert {r.path for r in api.requests} == {INTERNAL}


def test_internal_iteration_and_export(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", INTERNAL, json=DIRECTORY)
    found = flavour.run(lambda c: c.contacts.iter_contacts(ExportScope.INTERNAL, page_size=2))
    assert [c.id for c in found] == ["i1", "i2", "i3"]
    exported = json.loads(flavour.run(lambda c: c.contacts.export_as_json(ExportScope.INTERNAL)))
    assert exported[1] == {
        "id": "i2",
        "name": "Other User",
        "picture": None,
        "emails": [],
        "numbers": [{"number": "0049 157 11111111", "type": ["cell"]}],
        "addresses": [],
        "organization": [],
        "scope": "INTERNAL",
    }
    assert "TEL;TYPE=voice:+4921163553355" in flavour.run(
        lambda c: c.contacts.export_as_single_vcard(ExportScope.INTERNAL)
    )


# -- exports --------------------------------------------------------------------------------


@pytest.mark.usefixtures("small_pages")
def test_export_as_json_is_the_api_objects(flavour: Flavour, api: APIStub) -> None:
    contacts = book("PRIVATE", "SHARED", "PRIVATE")
    serve(api, contacts)
    text = flavour.run(lambda c: c.contacts.export_as_json(ExportScope.PRIVATE))
    assert json.loads(text) == [contacts[0], contacts[2]]
    page = flavour.run(
        lambda c: c.contacts.paginated_export_as_json(ExportScope.ALL, Pagination(0, 1))
    )
    assert json.loads(page.response) == [contacts[0]] and page.has_more


def test_export_of_nothing(flavour: Flavour, api: APIStub) -> None:
    serve(api, [])
    assert flavour.run(lambda c: c.contacts.export_as_json(ExportScope.ALL)) == "[]"
    assert flavour.run(lambda c: c.contacts.export_as_vcards(ExportScope.ALL)) == []
    assert flavour.run(lambda c: c.contacts.export_as_single_vcard(ExportScope.ALL)) == ""
    header = flavour.run(lambda c: c.contacts.export_as_csv(ExportScope.SHARED))
    assert header == ",".join(EXPORT_COLUMNS) + "\r\n"


@pytest.mark.usefixtures("small_pages")
def test_export_as_csv_has_one_header_and_reads_back(flavour: Flavour, api: APIStub) -> None:
    contacts = book("PRIVATE", "SHARED", "PRIVATE", "SHARED", "PRIVATE")
    contacts[2]["name"] = 'Grace "Amazing" Hopper; RN'
    contacts[2]["numbers"].append({"number": "+4921163553355", "type": ["work", "fax"]})
    serve(api, contacts)
    text = flavour.run(lambda c: c.contacts.export_as_csv(ExportScope.PRIVATE, ";"))
    lines = text.split("\r\n")
    assert (
        lines[0]
        == "id;name;firstname;lastname;number;numbers;emails;addresses;organization;picture;scope"
    )
    assert text.count("id;name;") == 1
    expected = [c for c in flavour.run(lambda c: c.contacts.get(ExportScope.PRIVATE))]
    assert parse_csv(text).contacts == expected
    assert [c.id for c in expected] == ["c0", "c2", "c4"]


def test_paginated_export_as_csv(flavour: Flavour, api: APIStub) -> None:
    serve(api, book("PRIVATE", "SHARED", "PRIVATE"))
    page = flavour.run(
        lambda c: c.contacts.paginated_export_as_csv(ExportScope.ALL, ",", Pagination(1, 1))
    )
    assert page.has_more and page.response.splitlines()[1].startswith("c1,Ada c1,Ada,c1,+49")
    assert len(page.response.splitlines()) == 2


@pytest.mark.usefixtures("small_pages")
def test_export_as_vcards_and_single_vcard(flavour: Flavour, api: APIStub) -> None:
    contacts = book("SHARED", "PRIVATE", "SHARED", "SHARED")
    serve(api, contacts)
    cards = flavour.run(lambda c: c.contacts.export_as_vcards(ExportScope.SHARED))
    assert len(cards) == 3 and all(
        card.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n") for card in cards
    )
    single = flavour.run(lambda c: c.contacts.export_as_single_vcard(ExportScope.SHARED))
    assert single == "".join(cards)
    parsed = parse_vcards(single, scope=Scope.SHARED)
    assert parsed.contacts == flavour.run(lambda c: c.contacts.get(ExportScope.SHARED))
    page = flavour.run(
        lambda c: c.contacts.paginated_export_as_vcards(ExportScope.SHARED, Pagination(0, 2))
    )
    assert page == Page(cards[:1], True)
    page = flavour.run(
        lambda c: c.contacts.paginated_export_as_single_vcard(ExportScope.ALL, Pagination(3))
    )
    assert page == Page(cards[2], False)


def test_a_body_that_is_not_a_contacts_page_is_an_error(flavour: Flavour, api: APIStub) -> None:
    api.reply("GET", CONTACTS, Answer(body="<html>oops</html>", content_type="text/html"))
    with pytest.raises(errors.UnexpectedResponseError, match=r"GET /contacts.*not JSON"):
        flavour.run(lambda c: c.contacts.export_as_vcards(ExportScope.ALL))
    api.reply("GET", CONTACTS, json={"data": []})
    with pytest.raises(errors.UnexpectedResponseError, match="without a list of items"):
        flavour.run(lambda c: c.contacts.get(ExportScope.ALL))


# -- iter_contacts --------------------------------------------------------------------------


def test_iter_contacts_walks_every_page_with_the_scope_filter(
    flavour: Flavour, api: APIStub
) -> None:
    contacts = book(*(["PRIVATE", "SHARED", "INTERNAL"] * 7))
    serve(api, contacts)
    found = flavour.run(lambda c: c.contacts.iter_contacts(ExportScope.SHARED, page_size=4))
    assert [c.id for c in found] == [f"c{i}" for i in range(1, 21, 3)]
    assert paging(api) == [(0, 4), (4, 4), (8, 4), (12, 4), (16, 4), (20, 4)]


def test_iter_contacts_sends_the_filter(flavour: Flavour, api: APIStub) -> None:
    serve(api, book("PRIVATE"))
    wanted = ContactsExportFilter(["+4915799912345"])
    assert len(flavour.run(lambda c: c.contacts.iter_contacts(ExportScope.ALL, wanted))) == 1
    assert api.requests[0].query["phonenumbers"] == ["+4915799912345"]


def test_iter_contacts_is_lazy(api: APIStub) -> None:
    serve(api, book(*["PRIVATE"] * 5))
    with sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as client:
        walk = client.contacts.iter_contacts(ExportScope.ALL, page_size=2)
        assert api.requests == []
        assert [next(walk).id, next(walk).id] == ["c0", "c1"]
        assert paging(api) == [(0, 2)]
        assert next(walk).id == "c2"
        assert paging(api) == [(0, 2), (2, 2)]


def test_async_iter_contacts_is_lazy(api: APIStub) -> None:
    serve(api, book(*["PRIVATE"] * 5))

    async def go() -> None:
        async with sipgateio.AsyncSipgateIO(
            token_id=TOKEN_ID, token=TOKEN, base_url=api.url
        ) as client:
            walk = client.contacts.iter_contacts(ExportScope.ALL, page_size=3)
            assert (await anext(walk)).id == "c0"
            assert paging(api) == [(0, 3)]
            assert [c.id async for c in walk] == ["c1", "c2", "c3", "c4"]
            assert paging(api) == [(0, 3), (3, 3)]

    asyncio.run(go())


def test_iter_contacts_error_on_a_later_page(api: APIStub) -> None:
    calls = {"n": 0}

    def handler(rec: Recorded) -> Answer:
        calls["n"] += 1
        if calls["n"] == 2:
            return Answer(500, json={"message": "boom"})
        return Answer(json={"items": book("PRIVATE", "PRIVATE"), "totalCount": 10})

    api.handle("GET", CONTACTS, handler)
    with sipgateio.SipgateIO(
        token_id=TOKEN_ID, token=TOKEN, base_url=api.url, max_retries=0
    ) as client:
        walk = client.contacts.iter_contacts(ExportScope.ALL, page_size=2)
        assert [next(walk).id, next(walk).id] == ["c0", "c1"]
        with pytest.raises(errors.ServerError):
            next(walk)


# -- error mapping --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (429, errors.RateLimitError),
        (500, errors.ServerError),
    ],
)
@pytest.mark.parametrize(
    ("path", "call"),
    [
        (CONTACTS, lambda c: c.contacts.get(ExportScope.PRIVATE)),
        (CONTACTS, lambda c: c.contacts.iter_contacts(ExportScope.SHARED)),
        (CONTACTS, lambda c: c.contacts.export_as_csv(ExportScope.ALL)),
        (
            CONTACTS,
            lambda c: c.contacts.paginated_export_as_vcards(ExportScope.ALL, Pagination(0, 1)),
        ),
        (INTERNAL, lambda c: c.contacts.export_as_single_vcard(ExportScope.INTERNAL)),
    ],
)
def test_read_errors_are_mapped(
    flavour: Flavour,
    api: APIStub,
    status: int,
    cls: type[errors.APIError],
    path: str,
    call: Any,
) -> None:
    api.reply("GET", path, Answer(status, json={"message": "nope"}))
    with pytest.raises(cls) as info:
        flavour.run(call)
    assert info.value.status_code == status and info.value.method == "GET"
    assert len(api.requests) == 1


# -- CSV import of address-book exports (POST /contacts per row) ----------------------------

GOOGLE_CSV = (
    "Name,Given Name,Family Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,"
    "E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name,Organization 1 - Department\r\n"
    "Ada Lovelace,Ada,Lovelace,* Mobile,+4915799912345 ::: +4915799912346,Work Fax,"
    "+4921163553355,Home,ada@example.com,Engines,Analytics\r\n"
    ",,,,,,,,,,\r\n"
    "Alan Turing,Alan,Turing,,,,,,,,\r\n"
)


def test_csv_import_of_an_address_book_creates_each_row_with_every_number(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", CONTACTS, Answer(204))
    seen: list[tuple[int, int]] = []
    report = flavour.run(
        lambda c: c.contacts.import_from_csv_string(
            GOOGLE_CSV.encode("utf-16"), progress=lambda d, t: seen.append((d, t))
        )
    )
    assert report == ImportReport(2, [SkippedRecord(3, "empty record")])
    assert seen == [(1, 2), (2, 2)]
    bodies = sorted((r.json for r in api.sent("POST", CONTACTS)), key=lambda b: b["name"])
    assert not api.sent("POST", IMPORT)
    assert bodies[0] == {
        "name": "Ada Lovelace",
        "given": "Ada",
        "family": "Lovelace",
        "picture": None,
        "emails": [{"email": "ada@example.com", "type": ["home"]}],
        "numbers": [
            {"number": "+4915799912345", "type": ["cell", "pref"]},
            {"number": "+4915799912346", "type": ["cell", "pref"]},
            {"number": "+4921163553355", "type": ["work", "fax"]},
        ],
        "addresses": [],
        "organization": [["Engines", "Analytics"]],
        "scope": "PRIVATE",
    }
    assert (bodies[1]["name"], bodies[1]["numbers"]) == ("Alan Turing", [])


def test_csv_import_in_sipgate_layout_uses_the_csv_endpoint_also_from_bytes(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", IMPORT, Answer(204))
    text = "firstname;lastname;number\r\nJürgen;Weiß;+4915799912345\r\n"
    report = flavour.run(lambda c: c.contacts.import_from_csv_string(text.encode("cp1252")))
    assert report == ImportReport(1, [])
    assert uploaded(api) == "firstname,lastname,number\nJürgen,Weiß,+4915799912345\n"
    assert not api.sent("POST", CONTACTS)


def test_csv_import_in_sipgate_layout_to_shared_creates_contacts(
    flavour: Flavour, api: APIStub
) -> None:
    api.reply("POST", CONTACTS, Answer(204))
    text = "firstname,lastname,number\nAda,Lovelace,+4915799912345\n"
    report = flavour.run(lambda c: c.contacts.import_from_csv_string(text, scope=Scope.SHARED))
    assert report == ImportReport(1, [])
    (request,) = api.sent("POST", CONTACTS)
    assert request.json["scope"] == "SHARED" and request.json["given"] == "Ada"
