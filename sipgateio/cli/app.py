"""The ``sipgateio`` command: the root group, its options, and the error-to-exit-code mapping."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .._version import __version__
from ..errors import SipgateIOError
from . import exit_codes
from .context import State, state

__all__ = ["app"]


class _Group(TyperGroup):
    """Runs a command and turns sipgateio's errors into a one-line message and an exit code."""

    def invoke(self, ctx: Any) -> Any:  # a typer Context
        try:
            return super().invoke(ctx)
        except SipgateIOError as error:
            state(ctx).out.error(error)
            raise typer.Exit(exit_codes.exit_code_for(error)) from None
        except KeyboardInterrupt:
            state(ctx).out.err.print("interrupted")
            raise typer.Exit(exit_codes.INTERRUPTED) from None


app = typer.Typer(
    cls=_Group,
    name="sipgateio",
    help="sipgate.io from the command line: SMS, fax, calls, contacts, history, webhooks, "
    "and an offline sandbox. Credentials come from SIPGATE_TOKEN_ID and SIPGATE_TOKEN "
    "(SIPGATE_TOKEN alone: OAuth), else from `sipgateio login`.",
    epilog=exit_codes.SUMMARY,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sipgateio {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            envvar="SIPGATE_BASE_URL",
            help="Where the API is (e.g. a sandbox's URL); default https://api.sipgate.com/v2.",
            show_default=False,
        ),
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print results as JSON (for scripts).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Sipgate.io from the command line."""
    ctx.obj = State(base_url=base_url, json=json_output)


def _register() -> None:
    from . import account, contacts, history, login, messaging, offline, simulate, webhook

    offline.register(app)
    messaging.register(app)
    account.register(app)
    login.register(app)
    app.add_typer(contacts.app, name="contacts")
    app.add_typer(history.app, name="history")
    simulate.register(webhook.app)
    app.add_typer(webhook.app, name="webhook")


_register()
