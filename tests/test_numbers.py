"""One rule for phone numbers everywhere: a table of inputs through every function taking one.

Sending (SMS, fax, calls, transfers, caller ids, webhook ``<Dial>``): a number with country
code goes out in E.164, one without as its digits; only what cannot be a number is refused,
with a ValidationError naming the field and the reason, before any request. Filters (history,
contacts export) pass the number as given, trimmed: the API matches it as stored. Contacts keep
a number as given unless its normalisation is unambiguous.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import sipgateio
from sipgateio import ContactsExportFilter, ExportScope, HistoryFilter, Scope
from sipgateio._validation import contact_number, filter_number, phone_number, same_number
from sipgateio.webhook import TransferOptions, WebhookResponse
from tests.apistub import Answer, APIStub
from tests.conftest import Flavour
from tests.resources.helpers import rejected

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

# given -> what is sent. From the Node.js library's tests, sipgate's example programs, short
# codes and numbers libphonenumber does not know as assigned: sipgate decides about them.
ACCEPTED = [
    ("+4915799912345", "+4915799912345"),
    ("+4912368712", "+4912368712"),
    ("+49123456789", "+49123456789"),
    ("+4912121212", "+4912121212"),
    (" +49 (0)211 635 533-55 ", "+4921163553355"),
    ("0049 211 63553355", "+4921163553355"),
    ("+1 (202) 555-0123", "+12025550123"),
    ("+39 06 1234 5678", "+390612345678"),  # Italy's leading zero is part of the number
    ("110", "110"),
    ("112", "112"),
    ("12", "12"),
    ("0211 / 63553355", "021163553355"),
    ("015799912345", "015799912345"),
    # real-world spellings, most from the address books in ../shared/corpora/contacts
    ("(+57) 320 432 05 09", "+573204320509"),  # csv/notengobattery__contacts.csv
    ("(+49) 211 63553355", "+4921163553355"),
    ("( +49 ) (0)211 63553355", "+4921163553355"),
    ("[+49] 211 63553355", "+4921163553355"),
    ("+49 (0) 211 63553355", "+4921163553355"),  # the German trunk-zero convention
    ("+44 (0)20 7946 0000", "+442079460000"),
    ("+49 (0611) 123456 - 11", "+4961112345611"),  # vcard/folker__Outlook_v2.vcf
    ("+49(721)123456", "+49721123456"),  # vcard/ical4j__vcard-vCards-SAP.vcf
    ("+1.650.506.7000", "+16505067000"),  # the same file
    ("00-1-212-555-7777", "+12125557777"),  # vcard/ezvcard__John_Doe_LOTUS_NOTES.vcf
    ("(111) 555-1212", "1115551212"),  # vcard/aosp__v21_complicated.vcf: no country code
    ("+49 211 635\u201353355", "+4921163553355"),  # an en dash from a word processor
    ("+49\u2009211\u202f63553355", "+4921163553355"),  # thin spaces
    ("\uff0b\uff14\uff19 \uff12\uff11\uff11 63553355", "+4921163553355"),  # full-width
    ("+1-555-0123", "+15550123"),  # csv/rolomind__google.csv: a local length, sipgate decides
]

# given -> the words the error must contain (besides the field's name and the value).
REFUSED = [
    ("", "empty"),
    ("   ", "empty"),
    ("reception", "letters"),
    ("0800 FLOWERS", "letters"),
    ("+49 211 123 ext. 5", "extension"),
    ("1", "too short"),
    ("+1", "too short"),
    ("+491", "too short"),
    ("+999 1234567", "unknown country code"),
    ("+49 1579991234567890", "too long"),
    ("12345678901234567", "too long"),
    ("+33-01-23-45-67", "too short"),  # vcard/icalrs__vcard_input.vcf: too short for France
    ("+1 (212) 204-34456", "too long"),  # vcard/ezvcard__John_Doe_LOTUS_NOTES.vcf
    ("(+49) 211 ext. 5", "extension"),
    ("+49 211 + 63553355", "only at its start"),  # a + is read there (or in its bracket)
    ("49+211", "only at its start"),
]


def _sms(c: Any, n: str) -> Any:
    return c.sms.send(to=n, message="hi", sms_id="s0")


def _fax(c: Any, n: str) -> Any:
    return c.fax.send(to=n, file_content=PDF, faxline_id="f0")


def _callee(c: Any, n: str) -> Any:
    return c.call.initiate(to=n, from_="e0")


def _caller(c: Any, n: str) -> Any:
    return c.call.initiate(to="+4921100000000", from_=n, device_id="e0")


def _caller_id(c: Any, n: str) -> Any:
    return c.call.initiate(to="+4921100000000", from_="e0", caller_id=n)


def _transfer(c: Any, n: str) -> Any:
    return c.rtcm.transfer("call-1", attended=False, phone_number=n)


# function, field it names, (method, path) it requests, where the number lands in the body
SENDERS: list[tuple[str, Callable[[Any, str], Any], str, str, str, str]] = [
    ("sms.send to", _sms, "to", "POST", "/v2/sessions/sms", "recipient"),
    ("fax.send to", _fax, "to", "POST", "/v2/sessions/fax", "recipient"),
    ("call.initiate to", _callee, "to", "POST", "/v2/sessions/calls", "callee"),
    ("call.initiate from_", _caller, "from_", "POST", "/v2/sessions/calls", "caller"),
    ("call.initiate caller_id", _caller_id, "caller_id", "POST", "/v2/sessions/calls", "callerId"),
    (
        "rtcm.transfer",
        _transfer,
        "phone_number",
        "POST",
        "/v2/calls/call-1/transfer",
        "phoneNumber",
    ),
]
SENDER_IDS = [s[0] for s in SENDERS]


@pytest.mark.parametrize(("name", "fn", "field", "method", "path", "key"), SENDERS, ids=SENDER_IDS)
@pytest.mark.parametrize(("given", "expected"), ACCEPTED)
def test_senders_send_every_number_sipgate_may_take(
    flavour: Flavour,
    api: APIStub,
    name: str,
    fn: Callable[[Any, str], Any],
    field: str,
    method: str,
    path: str,
    key: str,
    given: str,
    expected: str,
) -> None:
    api.reply(method, path, Answer(200, json={"sessionId": "S1"}))
    flavour.run(lambda c: fn(c, given))
    (request,) = api.requests
    assert (request.method, request.path) == (method, path)
    assert request.json[key] == expected


@pytest.mark.parametrize(("name", "fn", "field", "method", "path", "key"), SENDERS, ids=SENDER_IDS)
@pytest.mark.parametrize(("given", "why"), REFUSED)
def test_senders_refuse_what_cannot_be_a_number(
    flavour: Flavour,
    api: APIStub,
    name: str,
    fn: Callable[[Any, str], Any],
    field: str,
    method: str,
    path: str,
    key: str,
    given: str,
    why: str,
) -> None:
    error = rejected(flavour, api, lambda c: fn(c, given), field)
    assert why in str(error) and repr(given) in str(error)


@pytest.mark.parametrize(("given", "expected"), ACCEPTED)
def test_webhook_dial_and_transfer_take_the_same_numbers(given: str, expected: str) -> None:
    action = WebhookResponse.redirect_call([given], caller_id=given)
    assert action.numbers == (expected,) and action.caller_id == expected
    assert TransferOptions(attended=True, phone_number=given).phone_number == expected


@pytest.mark.parametrize(("given", "why"), REFUSED)
def test_webhook_dial_and_transfer_refuse_the_same_numbers(given: str, why: str) -> None:
    for build, field in [
        (lambda: WebhookResponse.redirect_call([given]), "numbers"),
        (lambda: WebhookResponse.redirect_call(["4915799912345"], caller_id=given), "caller_id"),
        (lambda: TransferOptions(attended=True, phone_number=given), "phone_number"),
    ]:
        with pytest.raises(sipgateio.ValidationError, match=why) as info:
            build()
        assert info.value.field == field


# -- filters: as given, trimmed ------------------------------------------------------------

FILTERED = [
    ("0211123456789", "0211123456789"),  # matches a number stored without country code
    (" +4921163553355 ", "+4921163553355"),
    ("+49 211 63553355", "+49 211 63553355"),
    ("110", "110"),
    ("12", "12"),
    ("(+57) 320 432 05 09", "(+57) 320 432 05 09"),
    ("+49 (0)211 63553355", "+49 (0)211 63553355"),
]


@pytest.mark.parametrize(("given", "expected"), FILTERED)
def test_history_filter_passes_the_number_as_given(
    flavour: Flavour, api: APIStub, given: str, expected: str
) -> None:
    api.reply("GET", "/v2/history", json={"items": [], "totalCount": 0})
    flavour.run(lambda c: c.history.fetch_all(HistoryFilter(phonenumber=given)))
    assert api.requests[0].query["phonenumber"] == [expected]


@pytest.mark.parametrize(("given", "expected"), FILTERED)
def test_contacts_filter_passes_the_number_as_given(
    flavour: Flavour, api: APIStub, given: str, expected: str
) -> None:
    api.reply("GET", "/v2/contacts", json={"items": [], "totalCount": 0})
    flavour.run(lambda c: c.contacts.get(ExportScope.PRIVATE, filter=ContactsExportFilter([given])))
    assert api.requests[0].query["phonenumbers"] == [expected]


@pytest.mark.parametrize(("given", "expected"), FILTERED)
@pytest.mark.parametrize("side", ["from_", "to"])
def test_call_list_filter_passes_the_number_as_given(
    flavour: Flavour, api: APIStub, given: str, expected: str, side: str
) -> None:
    api.reply("GET", "/v2/history", json={"items": [], "totalCount": 0})
    flavour.run(lambda c: c.call.list(**{side: given}))
    (request,) = api.requests  # numbers: the history only (RTCM does not tell them)
    assert request.query["phonenumber"] == [expected]


@pytest.mark.parametrize("bad", ["", "  ", 4921163553355])
def test_filters_refuse_only_what_is_no_text(flavour: Flavour, api: APIStub, bad: Any) -> None:
    with pytest.raises(sipgateio.ValidationError) as info:
        HistoryFilter(phonenumber=bad)
    assert info.value.field == "phonenumber"
    rejected(
        flavour,
        api,
        lambda c: c.contacts.get(ExportScope.PRIVATE, filter=ContactsExportFilter([bad])),
        "filter",
    )
    for side in ("from_", "to"):
        error = rejected(flavour, api, lambda c, side=side: c.call.list(**{side: bad}), side)
        assert "must be a phone number as a non-empty string" in str(error)
    with pytest.raises(sipgateio.ValidationError):
        filter_number(bad, "x")


# -- contacts: as given unless the normalisation is unambiguous -------------------------------

CONTACT_NUMBERS = [
    # given, default_region, stored (None: left out), the reason's words ("" = unchanged)
    ("+4921163553355", None, "+4921163553355", ""),
    ("+4912368712", None, "+4912368712", ""),
    ("0211 63553355", None, "0211 63553355", ""),  # no country assumed
    ("905-555-1234", None, "905-555-1234", ""),  # a US number on a US card stays so
    ("110", None, "110", ""),
    ("+49 (0)211 63553355", None, "+4921163553355", "E.164"),
    ("0049 211 63553355", None, "+4921163553355", "E.164"),
    ("+39 06 1234 5678", None, "+390612345678", "E.164"),
    ("06 1234 5678", "IT", "+390612345678", "dialled in IT"),
    ("+1 905-555-1234 ext. 12", None, "+19055551234;ext=12", "extension kept"),
    ("+49 211 63553355;ext=102", None, "+4921163553355;ext=102", "extension kept"),
    ("(+57) 320 432 05 09", None, "+573204320509", "E.164"),
    ("(+49) 211 63553355 ext. 12", None, "+4921163553355;ext=12", "extension kept"),
    ("+49 (0) 211 63553355", None, "+4921163553355", "E.164"),
    ("+49 211 635\u201353355", None, "+4921163553355", "E.164"),
    # not complete: kept as given (not turned into an E.164 number that looks complete)
    ("+1-555-0123", None, "+1-555-0123", "not a complete number"),
    ("+1-555-0123", "US", "+1-555-0123", "a local number without its area code after +1"),
    ("+33-01-23-45-67", None, "+33-01-23-45-67", "too short for a number with country code +33"),
    ("+49 (0) 211 63553355 - 0", None, "+49211635533550", "E.164"),
    ("+1 (212) 204-34456", None, None, "too long"),  # cannot be one: left out
    ("+491", None, None, "too short"),  # no digit beyond a country code and one more
    ("0211 63553355 ext. 12", None, "0211 63553355 ext. 12", ""),
    ("0211 63553355", "DE", "+4921163553355", "dialled in DE"),
    ("0211 63553355 x12", "DE", "+4921163553355;ext=12", "extension kept"),
    ("905-555-1234", "US", "+19055551234", "dialled in US"),
    ("110", "DE", "110", "kept as given"),
    ("63553355", "DE", "63553355", "kept as given"),  # local number: area code unknown
    ("call me", None, None, "letters"),
    ("n/a", "DE", None, "letters"),
    ("+999 123456", None, None, "unknown country code"),
    ("1", None, None, "too short"),
    ("123456789012345678", "DE", None, "too long"),
]


@pytest.mark.parametrize(("given", "region", "stored", "why"), CONTACT_NUMBERS)
def test_contact_numbers(given: str, region: str | None, stored: str | None, why: str) -> None:
    result, reason = contact_number(given, region)
    assert result == stored
    assert (why in reason) if why else reason == ""


@pytest.mark.parametrize(
    ("given", "stored"),
    [(g, s) for g, r, s, _ in CONTACT_NUMBERS if r is None and s is not None],
)
def test_contacts_create_stores_numbers_by_the_same_rule(
    flavour: Flavour, api: APIStub, given: str, stored: str
) -> None:
    api.reply("POST", "/v2/contacts", Answer(204))
    flavour.run(
        lambda c: c.contacts.create(
            firstname="Ada", lastname="Lovelace", scope=Scope.PRIVATE, numbers=[given]
        )
    )
    assert api.requests[0].json["numbers"] == [{"number": stored, "type": []}]


@pytest.mark.parametrize(
    ("given", "why"),
    [(g, w) for g, r, s, w in CONTACT_NUMBERS if r is None and s is None],
)
def test_contacts_create_refuses_what_cannot_be_a_number(
    flavour: Flavour, api: APIStub, given: str, why: str
) -> None:
    error = rejected(
        flavour,
        api,
        lambda c: c.contacts.create(
            firstname="Ada", lastname="Lovelace", scope=Scope.PRIVATE, numbers=[given]
        ),
        "numbers",
    )
    assert why in str(error)


def test_the_sending_rule_is_one_function() -> None:
    # every sender above goes through it: its answers are the table's
    for given, expected in ACCEPTED:
        assert phone_number(given, "to") == expected


# -- comparing numbers (call.list's from_/to against what the API answers) ------------------

SAME = [
    ("0211 63553355", "+4921163553355", True),  # national, in the country of the other
    ("+4921163553355", "0211/63553355", True),
    ("4921163553355", "+49 211 63553355", True),  # E.164 without "+", as pushes send it
    ("(+57) 320 432 05 09", "+573204320509", True),
    ("202 555 0123", "+1 (202) 555-0123", True),
    ("+39 06 1234 5678", "06 1234 5678", True),  # Italy keeps its zero
    ("110", "110", True),
    ("e14", "e14", True),
    ("0211 63553355", "0211 63553356", False),
    ("+4921163553355", "+4421163553355", False),
    ("0211 63553355 ext. 5", "0211 63553355", False),
    ("anonymous", "+4921163553355", False),
    ("e14", "e15", False),
]


@pytest.mark.parametrize(("a", "b", "same"), SAME)
def test_same_number(a: str, b: str, same: bool) -> None:
    assert same_number(a, b) is same
    assert same_number(b, a) is same


def _spellings_of_every_country() -> list[tuple[str, str]]:
    """(spelling, E.164) for phonenumbers' example numbers of every region, as people write
    them: international format, the country code in brackets, dashes and thin spaces from a
    word processor, the trunk zero in brackets where the country dials one."""
    import phonenumbers

    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
            written = phonenumbers.format_number(
                example, phonenumbers.PhoneNumberFormat.INTERNATIONAL
            )
            code, _, rest = written.partition(" ")
            found += [
                (written, e164),
                (f"({code}) {rest}", e164),
                (written.replace(" ", "\u2009").replace("-", "\u2013"), e164),
            ]
            national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
            metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
            if metadata is not None and metadata.national_prefix == "0" and national[:1] == "0":
                found += [
                    (f"{code} (0){national[1:]}", e164),
                    (f"({code}) (0) {national[1:]}", e164),
                ]
    return found


def test_every_country_written_as_people_do() -> None:
    spellings = _spellings_of_every_country()
    assert len(spellings) > 1500
    wrong = [
        (given, e164, phone_number(given, "to"), contact_number(given))
        for given, e164 in spellings
        if phone_number(given, "to") != e164 or contact_number(given)[0] != e164
    ]
    assert wrong == []
