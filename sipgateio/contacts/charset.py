"""Text of an address-book file given as bytes: the one charset detection of the readers.

Used by the CSV and vCard readers alike (:func:`decode_text`), so that both take ``bytes``
the same way.
"""

from __future__ import annotations

__all__ = ["decode_text", "decode_unicode"]

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# The five bytes cp1252 leaves undefined, read as the C1 controls Latin-1 gives them, so
# that the fallback reads any byte without losing it.
_CP1252_GAPS = {0x81: "\x81", 0x8D: "\x8d", 0x8F: "\x8f", 0x90: "\x90", 0x9D: "\x9d"}


def decode_unicode(data: bytes) -> tuple[str, str] | None:
    """The text and encoding of bytes in a Unicode encoding, or None when they are not.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32; the mark is not part of the text);
    UTF-16 without one is recognised by its zero bytes; then UTF-8. Bytes that cannot be
    read in the detected encoding become U+FFFD. The first step of both readers' decoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, "replace")
            return text.removeprefix("\ufeff"), encoding.removesuffix("-sig")
    head = data[:200]
    if head and head.count(b"\x00") * 3 > len(head):
        encoding = "utf-16-be" if head[:1] == b"\x00" else "utf-16-le"
        return data.decode(encoding, "replace"), encoding
    try:
        return data.decode(), "utf-8"
    except UnicodeDecodeError:
        return None


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a file's bytes and the encoding it was read with.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32; the mark is not part of the text);
    UTF-16 without one is recognised by its zero bytes; otherwise UTF-8, and Windows-1252
    (what Outlook and Excel write on Western systems; it reads any byte) when the data is
    not UTF-8. Bytes that cannot be read in the detected Unicode encoding become U+FFFD.
    """
    found = decode_unicode(data)
    if found is not None:
        return found
    if any(byte in _CP1252_GAPS for byte in data):
        text = "".join(_CP1252_GAPS.get(byte) or bytes((byte,)).decode("cp1252") for byte in data)
        return text, "cp1252"
    return data.decode("cp1252"), "cp1252"
