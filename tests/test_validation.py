"""The input checks every resource relies on."""

from __future__ import annotations

import pytest

import sipgateio
from sipgateio._validation import extension_id, is_extension, phone_number, to_e164


@pytest.mark.parametrize(
    ("given", "e164"),
    [
        ("+4915799912345", "+4915799912345"),
        (" +49 157 99912345 ", "+4915799912345"),
        ("0049 211 123456", "+49211123456"),
    ],
)
def test_phone_number_accepts_international_forms(given: str, e164: str) -> None:
    assert phone_number(given, "to") == e164


@pytest.mark.parametrize("bad", ["1", "+49", "phone", "", None, 4915799912345])
def test_phone_number_rejects_what_cannot_be_a_number(bad: object) -> None:
    with pytest.raises(sipgateio.ValidationError) as info:
        phone_number(bad, "to")
    assert info.value.field == "to" and repr(bad) in str(info.value)


def test_phone_number_with_a_region_reads_national_numbers() -> None:
    assert phone_number("0211 63553355", "number", default_region="DE") == "+4921163553355"
    with pytest.raises(sipgateio.ValidationError, match=r"no area code"):
        phone_number("110", "number", default_region="DE")


def test_to_e164_never_raises() -> None:
    assert to_e164(" +49 211 63553355") == "+4921163553355"
    assert to_e164("0211 63553355", "DE") == "+4921163553355"
    assert to_e164("not a number") is None
    assert to_e164("0211 63553355") is None  # national, no region given


def test_extension_ids() -> None:
    assert extension_id("e14", "from_", "epxy") == "e14"
    assert is_extension("p0") and not is_extension("p01") and not is_extension("s0", "epxy")
    with pytest.raises(sipgateio.ValidationError, match="VoIP phone"):
        extension_id("s0", "from_", "epxy")
    with pytest.raises(sipgateio.ValidationError, match="leading zeros"):
        extension_id("e014", "from_")
