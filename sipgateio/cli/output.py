"""What the command line prints: rich text for people, JSON for scripts, one-line errors.

Data goes to stdout; progress bars, spinners and errors go to stderr, so that
``sipgateio numbers --json | jq`` and ``sipgateio contacts export -o - > book.vcf`` see
nothing but the data.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import attrs
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from .exit_codes import exit_code_for

__all__ = ["Bar", "Output", "Tick", "error_line", "jsonable", "open_output"]

PIPED_WIDTH = 160
"""Columns of tables written to a file or pipe (a terminal's own width otherwise)."""

Tick = Callable[[int], None]
"""Advances a progress bar by a number of items."""


class Bar:
    """A progress bar of :meth:`Output.progress`: advance it, or set where it stands."""

    def __init__(self, progress: Progress | None = None, task: TaskID | None = None) -> None:
        self._progress = progress
        self._task = task

    def advance(self, count: int) -> None:
        """``count`` more items are done."""
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, count)

    def update(self, done: int, total: int) -> object:
        """``done`` of ``total`` are done: a library ``progress(done, total)`` callback."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=done, total=total)
        return None


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON data: attrs models as objects, enums as their values, ISO dates."""
    if attrs.has(type(value)):
        return {f.name: jsonable(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def error_line(error: BaseException) -> str:
    """``error`` on one line: its class, its message and notes, whitespace collapsed."""
    parts = [str(error), *getattr(error, "__notes__", ())]
    text = " ".join(" ".join(parts).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class Output:
    """The printing side of one command: human (rich) or JSON mode."""

    def __init__(
        self,
        *,
        json_mode: bool = False,
        console: Console | None = None,
        err_console: Console | None = None,
    ) -> None:
        self.json_mode = json_mode
        if console is None:
            console = Console(highlight=False, soft_wrap=True)
            if not console.is_terminal and "COLUMNS" not in os.environ:
                console.width = PIPED_WIDTH  # tables in files and pipes: no terminal to fit
        self.console = console
        self.err = (
            err_console
            if err_console is not None
            else Console(stderr=True, highlight=False, soft_wrap=True)
        )

    # -- results ---------------------------------------------------------------------------

    def result(self, value: Any, human: Callable[[], None] | str | None = None) -> None:
        """Print a command's result: ``value`` as JSON in JSON mode, else ``human``."""
        if self.json_mode:
            sys.stdout.write(json.dumps(jsonable(value), ensure_ascii=False, indent=2) + "\n")
            sys.stdout.flush()
        elif callable(human):
            human()
        elif human is not None:
            self.console.print(human)

    def say(self, text: str) -> None:
        """A line for people (rich markup allowed); nothing in JSON mode."""
        if not self.json_mode:
            self.console.print(text)

    def table(self, title: str | None, columns: list[str], rows: list[list[Any]]) -> None:
        """A rich table of ``rows`` (cells are printed as text, ``None`` as empty)."""
        table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
        for index, column in enumerate(columns):
            # narrow terminals wrap the last column (free text) first, the others keep a line
            table.add_column(column, no_wrap=index < len(columns) - 1)
        for row in rows:
            table.add_row(*(escape(_cell(cell)) for cell in row))
        self.console.print(table)

    def error(self, error: BaseException, code: int | None = None) -> None:
        """Report ``error`` on stderr: one line, or a JSON object in JSON mode."""
        code = exit_code_for(error) if code is None else code
        if self.json_mode:
            payload: dict[str, Any] = {
                "type": type(error).__name__,
                "message": error_line(error).partition(": ")[2],
                "exit_code": code,
            }
            for attribute in ("field", "status_code"):
                value = getattr(error, attribute, None)
                if value is not None:
                    payload[attribute] = value
            sys.stderr.write(json.dumps({"error": payload}, ensure_ascii=False) + "\n")
        else:
            self.err.print(f"[bold red]error:[/] {escape(error_line(error))}", soft_wrap=True)

    # -- progress --------------------------------------------------------------------------

    @contextmanager
    def progress(self, description: str, total: int | None = None) -> Iterator[Bar]:
        """A progress bar on stderr while the block runs (a counter while the total is unknown).

        It is drawn on terminals only and gone when the block ends.
        """
        if not self.err.is_terminal:
            yield Bar()
            return
        columns = [
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        ]
        with Progress(*columns, console=self.err, transient=True) as progress:
            yield Bar(progress, progress.add_task(description, total=total))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return str(value)


@contextmanager
def open_output(path: Path | None) -> Iterator[IO[str]]:
    """The file to write a command's data to: ``path``, or stdout for ``None`` and ``-``.

    Files are written as UTF-8 with the line ends the data has (CSV keeps its CRLF).
    """
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle
