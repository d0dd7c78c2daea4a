"""``contacts import FILE`` and ``contacts export``: the address book to and from files."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..contacts.models import ExportScope, ImportReport, Scope
from ..errors import ValidationError
from ..pagination import Pagination
from .context import JsonOption, state
from .output import open_output

if TYPE_CHECKING:
    from .._client import SipgateIO
    from .output import Tick

__all__ = ["EXPORT_PAGE", "app"]

app = typer.Typer(help="Import and export the address book.", no_args_is_help=True)

EXPORT_PAGE = 1000
"""Contacts read per request by ``contacts export`` (the progress bar moves per page)."""


class FileFormat(enum.StrEnum):
    """The file formats of contacts."""

    csv = "csv"
    vcard = "vcard"
    json = "json"


_SUFFIXES = {".csv": FileFormat.csv, ".vcf": FileFormat.vcard, ".vcard": FileFormat.vcard}


def _import_format(path: Path, content: bytes, given: FileFormat | None) -> FileFormat:
    if given is not None:
        if given is FileFormat.json:
            raise ValidationError("contacts import reads csv or vcard files", field="--format")
        return given
    by_name = _SUFFIXES.get(path.suffix.lower())
    if by_name is not None:
        return by_name
    return FileFormat.vcard if b"BEGIN:VCARD" in content[:4096].upper() else FileFormat.csv


def _region(value: str | None) -> str | None:
    """``--region`` as a region code (``de`` → ``DE``); a usage error (exit 2) otherwise."""
    from .._validation import region_code

    try:
        return region_code(value, "--region")
    except ValidationError:
        raise typer.BadParameter(
            f"{value!r} is not a region code: two letters such as DE, AT, CH, US"
        ) from None


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            exists=True, dir_okay=False, readable=True, help="A CSV or vCard (.vcf) file."
        ),
    ],
    scope: Annotated[
        Scope, typer.Option(case_sensitive=False, help="Where the contacts go.")
    ] = Scope.PRIVATE,
    file_format: Annotated[
        FileFormat | None,
        typer.Option("--format", case_sensitive=False, help="csv or vcard; default: by name."),
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option(min=1, help="Contacts created at once (default: the client's, 64)."),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            callback=_region,
            help="Where the file's national numbers were dialled (DE, AT, US...): those that "
            "are unambiguous there are stored in E.164 form. Default: numbers without country "
            "code are stored as written.",
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Import contacts from a CSV or vCard file; every row left out is listed with its reason.

    CSV in sipgate's layout (firstname, lastname, number) goes to sipgate's CSV import in one
    request; other layouts (Google, Outlook, Thunderbird... exports) and vCards create one
    contact per row or card, with every number, e-mail and address. Every number changed or
    left out, and every column not imported, is listed too.
    """
    st = state(ctx, json_output)
    content = file.read_bytes()
    kind = _import_format(file, content, file_format)
    with st.client() as client, st.out.progress(f"importing {file.name}") as bar:
        # bytes: the library detects the charset (BOM, UTF-16, UTF-8, cp1252, vCard CHARSET)
        if kind is FileFormat.csv:
            report = client.contacts.import_from_csv_string(
                content,
                scope=scope,
                default_region=region,
                concurrency=concurrency,
                progress=bar.update,
            )
        else:
            report = client.contacts.import_vcard_string(
                content,
                scope,
                default_region=region,
                concurrency=concurrency,
                progress=bar.update,
            )
    st.out.result(report, lambda: _show_report(st.out, report, kind))


def _show_report(out: Any, report: ImportReport, kind: FileFormat) -> None:
    place = "line" if kind is FileFormat.csv else "card"
    out.say(f"[bold]{report.imported}[/] contacts imported, {len(report.skipped)} left out")
    if report.skipped:
        out.table(None, [place, "reason"], [[s.line, s.reason] for s in report.skipped])
    if report.notes:
        out.say(f"{len(report.notes)} values changed or left out (numbers, columns)")
        out.table(
            None,
            [place, "field", "given", "stored", "reason"],
            [
                [
                    n.line,
                    n.field,
                    n.original,
                    "(left out)" if n.result is None else n.result,
                    n.reason,
                ]
                for n in report.notes
            ],
        )


def export_pages(
    client: SipgateIO,
    kind: FileFormat,
    scope: ExportScope,
    delimiter: str,
    write: Callable[[str], object],
    tick: Tick,
) -> int:
    """Write every contact of ``scope`` in ``kind``, one page at a time; returns the count.

    The output is that of ``export_as_json`` / ``export_as_csv`` /
    ``export_as_single_vcard``, read in pages of :data:`EXPORT_PAGE` so progress shows.
    """
    from ..contacts import write_csv, write_vcard_book

    if kind is FileFormat.csv:
        write_csv((), delimiter=delimiter)  # a bad delimiter fails before any request
    count, offset, more = 0, 0, True
    if kind is FileFormat.json:
        write("[")
    while more:
        window = Pagination(offset, EXPORT_PAGE)
        if kind is FileFormat.json:
            page_json = client.contacts.paginated_export_as_json(scope, window)
            items = json.loads(page_json.response)
            for index, item in enumerate(items):
                comma = "," if count or index else ""
                write(comma + json.dumps(item, ensure_ascii=False))
            n, more = len(items), page_json.has_more
        else:
            page = client.contacts.paginated_get(scope, window)
            if kind is FileFormat.csv:
                write(write_csv(page.response, delimiter=delimiter, header=offset == 0))
            else:
                write(write_vcard_book(page.response))
            n, more = len(page.response), page.has_more
        count += n
        tick(n)
        offset += EXPORT_PAGE
    if kind is FileFormat.json:
        write("]\n")
    return count


@app.command("export")
def export(
    ctx: typer.Context,
    file_format: Annotated[
        FileFormat, typer.Option("--format", case_sensitive=False, help="csv, vcard or json.")
    ] = FileFormat.csv,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The file to write; '-' or none: stdout."),
    ] = None,
    scope: Annotated[
        ExportScope, typer.Option(case_sensitive=False, help="Which contacts.")
    ] = ExportScope.ALL,
    delimiter: Annotated[str, typer.Option(help="The CSV delimiter.")] = ",",
    json_output: JsonOption = False,
) -> None:
    """Export the contacts of a scope as CSV, vCard 4.0 or JSON (with a progress bar)."""
    st = state(ctx, json_output)
    with (
        st.client() as client,
        open_output(output) as handle,
        st.out.progress(f"exporting {scope.value.lower()} contacts") as bar,
    ):
        count = export_pages(client, file_format, scope, delimiter, handle.write, bar.advance)
    to_file = output is not None and str(output) != "-"
    summary = {"exported": count, "format": file_format.value, "file": str(output)}
    if to_file:
        st.out.result(summary, f"{count} contacts written to {output} ({file_format.value})")
    else:
        st.out.err.print(f"{count} contacts exported ({file_format.value})")
