"""Hypothesis strategies for contacts: realistic values plus the characters that need care."""

from __future__ import annotations

import base64
import string

from hypothesis import strategies as st

from sipgateio.contacts import Address, Contact, Email, PhoneNumber, Scope

# Any printable text, with the characters vCard and our CSV cells escape mixed in on purpose,
# umlauts and 4-byte characters (to stress folding at octet boundaries).
_SPECIAL = st.sampled_from([",", ";", "\\", ":", '"', "\n", "\t", " ", "ä", "ß", "€", "𝄞", "東"])
_CHAR = st.one_of(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\r"),
    _SPECIAL,
)


def text(min_size: int = 0, max_size: int = 30) -> st.SearchStrategy[str]:
    return st.text(_CHAR, min_size=min_size, max_size=max_size)


def stripped(max_size: int = 30) -> st.SearchStrategy[str]:
    """Non-empty text without leading or trailing white space (readers strip names, numbers)."""
    return text(1, max_size).map(str.strip).filter(bool)


long_text = st.text(_CHAR, min_size=60, max_size=200)

names = st.one_of(
    stripped(),
    st.builds(
        lambda first, last: f"{first} {last}",
        st.sampled_from(["Ada", "Jürgen", "Ayşe Gül", "Zoë", "王", "Seán"]),
        st.sampled_from(["Lovelace", "Müller", "von Bülow", "Öztürk", "O'Brien, Jr."]),
    ),
    long_text.map(str.strip).filter(bool),
)

type_tokens = st.sampled_from(
    ["home", "work", "cell", "fax", "voice", "pager", "other", "pref", "main", "internet"]
) | st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8)
types = st.lists(type_tokens, max_size=3, unique=True).map(tuple)

e164 = st.from_regex(r"\+[1-9][0-9]{6,14}", fullmatch=True)
vcard_numbers = st.one_of(e164, stripped(20))


def numbers(values: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[PhoneNumber, ...]]:
    return st.lists(st.builds(PhoneNumber, values, types), max_size=3).map(tuple)


emails = st.lists(
    st.builds(Email, st.one_of(st.emails(), stripped(25)), types),
    max_size=3,
).map(tuple)

addresses = st.lists(
    st.builds(Address, text(), text(), text(), text(), text(), text(), text()).filter(
        lambda a: any(
            attr
            for attr in (
                a.po_box,
                a.extended_address,
                a.street_address,
                a.locality,
                a.region,
                a.postal_code,
                a.country,
            )
        )
    ),
    max_size=2,
).map(tuple)

organizations = st.lists(
    st.lists(text(), min_size=1, max_size=3).map(tuple).filter(any), max_size=2
).map(tuple)

pictures = st.one_of(
    st.none(),
    st.binary(min_size=1, max_size=120).map(lambda b: base64.b64encode(b).decode()),
    st.just("https://example.com/photos/ada.jpg?size=large&x=1,2"),
)

ids = st.one_of(st.just(""), st.uuids().map(str))


def contacts(
    number_values: st.SearchStrategy[str] = vcard_numbers,
) -> st.SearchStrategy[Contact]:
    return st.builds(
        Contact,
        id=ids,
        name=names,
        picture=pictures,
        emails=emails,
        numbers=numbers(number_values),
        addresses=addresses,
        organization=organizations,
        scope=st.sampled_from(list(Scope)),
    )
