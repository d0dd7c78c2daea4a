"""The ``sipgateio`` command line (``pip install "sipgateio[cli]"``).

``sipgateio demo`` tours the library against an offline sandbox; ``sipgateio --help``
lists the rest. Typer and rich, the command line's dependencies, are imported here only,
never by ``import sipgateio``. Without them the command says what to install and exits
with :data:`~sipgateio.cli.exit_codes.MISSING_EXTRA`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .exit_codes import MISSING_EXTRA

__all__ = ["main"]

_NEEDS = ("typer", "rich")


def main(argv: Sequence[str] | None = None) -> None:
    """Run the ``sipgateio`` command with ``argv`` (default: the process's arguments)."""
    for name in _NEEDS:
        try:
            __import__(name)
        except ImportError:
            sys.stderr.write(
                f"sipgateio: the command line needs the 'cli' extra ({name} is missing): "
                'pip install "sipgateio[cli]"\n'
            )
            raise SystemExit(MISSING_EXTRA) from None
    from .app import app

    app(args=list(argv) if argv is not None else None, prog_name="sipgateio")
