"""``history list`` and ``history export``: the call, fax, SMS and voicemail history."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..pagination import Pagination
from ..resources.history import (
    CallHistoryEntry,
    FaxHistoryEntry,
    HistoryDirection,
    HistoryEntry,
    HistoryEntryType,
    HistoryFilter,
    SmsHistoryEntry,
    VoicemailHistoryEntry,
)
from .context import JsonOption, state
from .messaging import parse_time
from .output import open_output

if TYPE_CHECKING:
    from .._client import SipgateIO
    from .output import Tick

__all__ = ["EXPORT_PAGE", "app", "detail"]

app = typer.Typer(help="Read and export the history.", no_args_is_help=True)

EXPORT_PAGE = 1000
"""History entries per request of ``history export`` (the API's largest page)."""

Types = Annotated[
    list[HistoryEntryType] | None,
    typer.Option("--type", case_sensitive=False, help="CALL, VOICEMAIL, SMS or FAX (repeatable)."),
]
Directions = Annotated[
    list[HistoryDirection] | None,
    typer.Option("--direction", case_sensitive=False, help="INCOMING, OUTGOING, MISSED_... ."),
]
Since = Annotated[str | None, typer.Option("--since", help="ISO 8601 time with offset.")]
Until = Annotated[str | None, typer.Option("--until", help="ISO 8601 time with offset.")]
Number = Annotated[str | None, typer.Option("--phonenumber", help="From or to this number.")]


def _filter(
    types: list[HistoryEntryType] | None,
    directions: list[HistoryDirection] | None,
    since: str | None,
    until: str | None,
    phonenumber: str | None,
) -> HistoryFilter:
    return HistoryFilter(
        types=types or (),
        directions=directions or (),
        start_date=parse_time(since, "--since"),
        end_date=parse_time(until, "--until"),
        phonenumber=phonenumber,
    )


def detail(entry: HistoryEntry) -> str:
    """What sets an entry apart from others of its type: text, state, length."""
    if isinstance(entry, SmsHistoryEntry):
        return entry.sms_content
    if isinstance(entry, FaxHistoryEntry):
        return str(entry.fax_status) if entry.fax_status is not None else ""
    if isinstance(entry, CallHistoryEntry | VoicemailHistoryEntry) and entry.duration is not None:
        return f"{entry.duration} s"
    return ""


@app.command("list")
def list_(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many (newest first).")] = 20,
    all_: Annotated[bool, typer.Option("--all", help="Show every matching entry.")] = False,
    types: Types = None,
    directions: Directions = None,
    since: Since = None,
    until: Until = None,
    phonenumber: Number = None,
    json_output: JsonOption = False,
) -> None:
    """List history entries, newest first."""
    st = state(ctx, json_output)
    selection = _filter(types, directions, since, until, phonenumber)
    with st.client() as client, st.out.progress("reading the history") as bar:
        stream = client.history.iter_entries(
            selection, page_size=1000 if all_ else min(limit, 1000)
        )
        entries = []
        for entry in stream if all_ else itertools.islice(stream, limit):
            entries.append(entry)
            bar.advance(1)
    st.out.result(
        entries,
        lambda: st.out.table(
            f"{len(entries)} entries",
            ["created", "type", "direction", "from", "to", "status", "detail"],
            [
                [e.created, e.type, e.direction, e.source, e.target, e.status, detail(e)]
                for e in entries
            ],
        ),
    )


def export_csv(client: SipgateIO, selection: HistoryFilter, write: Any, tick: Tick) -> int:
    """Write the history export (CSV, one header line) page by page; returns the row count."""
    offset, count = 0, 0
    while True:
        text = client.history.export_as_csv_string(selection, Pagination(offset, EXPORT_PAGE))
        header, _, rows = text.partition("\n")
        if offset == 0:
            write(header + "\n")
        if not rows.strip():
            return count
        write(rows if rows.endswith("\n") else rows + "\n")
        n = sum(1 for _ in csv.reader(io.StringIO(rows)))
        count += n
        tick(n)
        if n < EXPORT_PAGE:
            return count
        offset += EXPORT_PAGE


@app.command("export")
def export(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The CSV file; '-' or none: stdout.")
    ] = None,
    types: Types = None,
    directions: Directions = None,
    since: Since = None,
    until: Until = None,
    phonenumber: Number = None,
    json_output: JsonOption = False,
) -> None:
    """Export the history as CSV (sipgate's export format)."""
    st = state(ctx, json_output)
    selection = _filter(types, directions, since, until, phonenumber)
    with (
        st.client() as client,
        open_output(output) as handle,
        st.out.progress("exporting the history") as bar,
    ):
        count = export_csv(client, selection, handle.write, bar.advance)
    if output is not None and str(output) != "-":
        st.out.result(
            {"exported": count, "file": str(output)}, f"{count} entries written to {output}"
        )
    else:
        st.out.err.print(f"{count} entries exported")
