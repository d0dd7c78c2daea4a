"""Contacts: the models and their offline conversion to and from CSV and vCard.

The conversion modules work without a client::

    from sipgateio.contacts import parse_vcards, write_vcards, parse_csv, write_csv

    result = parse_vcards(open("phone-export.vcf", encoding="utf-8").read())
    for skipped in result.skipped:
        print(f"card {skipped.line}: {skipped.reason}")
    csv_text = write_csv(result.contacts, delimiter=";")
"""

from .csv import (
    EXPORT_COLUMNS,
    IMPORT_COLUMNS,
    CsvImport,
    csv_header,
    is_import_layout,
    normalize_number,
    parse_csv,
    prepare_import,
    write_csv,
)
from .models import (
    Address,
    Contact,
    ContactsExportFilter,
    Email,
    ExportScope,
    ImportNote,
    ImportReport,
    ParsedContact,
    ParseResult,
    PhoneNumber,
    Scope,
    SkippedRecord,
    contact_from_api,
    contact_to_api,
    contacts_from_api,
    gc_pause_enabled,
    import_body,
    import_number,
    import_numbers,
    pause_gc_during_conversions,
    paused_gc,
    split_name,
)
from .vcard import (
    decode_vcard,
    parse_vcards,
    write_vcard,
    write_vcard_book,
    write_vcards,
)

__all__ = [
    "EXPORT_COLUMNS",
    "IMPORT_COLUMNS",
    "Address",
    "Contact",
    "ContactsExportFilter",
    "CsvImport",
    "Email",
    "ExportScope",
    "ImportNote",
    "ImportReport",
    "ParseResult",
    "ParsedContact",
    "PhoneNumber",
    "Scope",
    "SkippedRecord",
    "contact_from_api",
    "contact_to_api",
    "contacts_from_api",
    "csv_header",
    "decode_vcard",
    "gc_pause_enabled",
    "import_body",
    "import_number",
    "import_numbers",
    "is_import_layout",
    "normalize_number",
    "parse_csv",
    "parse_vcards",
    "pause_gc_during_conversions",
    "paused_gc",
    "prepare_import",
    "split_name",
    "write_csv",
    "write_vcard",
    "write_vcard_book",
    "write_vcards",
]
