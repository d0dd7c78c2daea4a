"""``sms send``, ``fax send`` and ``call``: the commands that send something."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ValidationError
from ..resources.history import FaxStatus
from . import exit_codes
from .context import JsonOption, state

__all__ = ["register"]

sms_app = typer.Typer(help="Send SMS.", no_args_is_help=True)
fax_app = typer.Typer(help="Send faxes.", no_args_is_help=True)

To = Annotated[
    str, typer.Option("--to", help="The recipient, with country code (+49...).", show_default=False)
]


def parse_time(value: str | None, option: str) -> dt.datetime | None:
    """An ISO 8601 time with its UTC offset (``2026-12-24T18:00+01:00``, ``...Z``), or None."""
    if value is None:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            f"{option} must be an ISO 8601 time such as 2026-12-24T18:00:00+01:00, got {value!r}",
            field=option,
        ) from None
    if when.tzinfo is None:
        raise ValidationError(
            f"{option} needs a UTC offset (e.g. +01:00 or Z), got {value!r}", field=option
        )
    return when


@sms_app.command("send")
def sms_send(
    ctx: typer.Context,
    to: To,
    message: Annotated[
        str, typer.Option("--message", "-m", help="The text ('-' reads it from stdin).")
    ],
    sms_id: Annotated[
        str | None, typer.Option("--sms-id", help="The SMS extension to send from (s0...).")
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option("--from", help="A verified sender number of your SMS extension."),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option("--at", help="Send later: an ISO 8601 time with offset (within 30 days)."),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Send an SMS now, or schedule it with --at."""
    st = state(ctx, json_output)
    if message == "-":
        message = typer.get_text_stream("stdin").read()
    send_at = parse_time(at, "--at")
    with st.client() as client:
        client.sms.send(to=to, message=message, sms_id=sms_id, from_=from_, send_at=send_at)
    sender = from_ or sms_id
    st.out.result(
        {"to": to, "from": sender, "send_at": send_at, "scheduled": send_at is not None},
        f"SMS to {to} scheduled for {send_at.isoformat()}"
        if send_at is not None
        else f"SMS to {to} sent",
    )


@fax_app.command("send")
def fax_send(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, readable=True, help="The PDF to send."),
    ],
    to: To,
    faxline: Annotated[
        str | None,
        typer.Option("--faxline", help="The fax line (f0...); default: your first that can send."),
    ] = None,
    filename: Annotated[
        str | None, typer.Option("--filename", help="The name shown in the history.")
    ] = None,
    wait: Annotated[bool, typer.Option("--wait", help="Wait until it is SENT or FAILED.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds --wait waits at most.")] = 600.0,
    poll_interval: Annotated[float, typer.Option(help="Seconds between the first polls.")] = 5.0,
    json_output: JsonOption = False,
) -> None:
    """Send a PDF as a fax; with --wait, follow it until it is sent (exit 14 if it failed)."""
    st = state(ctx, json_output)
    content = file.read_bytes()
    with st.client() as client:
        sent = client.fax.send(
            to=to, file_content=content, filename=filename or file.name, faxline_id=faxline
        )
        st.out.say(f"fax to {to} queued: session {sent.session_id}")
        if not wait:
            st.out.result({"session_id": sent.session_id, "status": None})
            return
        with st.out.err.status(f"waiting for fax {sent.session_id}..."):
            status = client.fax.wait_for_fax(
                sent.session_id, timeout=timeout, poll_interval=poll_interval
            )
    st.out.result(
        {"session_id": sent.session_id, "status": status},
        f"fax {sent.session_id}: [bold]{status}[/]",
    )
    if status is FaxStatus.FAILED:
        raise typer.Exit(exit_codes.FAILED)


def call(
    ctx: typer.Context,
    to: To,
    from_: Annotated[
        str,
        typer.Option(
            "--from",
            help="Who rings first: an extension (e14, p0...) or a number (needs --device).",
            show_default=False,
        ),
    ],
    caller_id: Annotated[
        str | None, typer.Option("--caller-id", help="The number the callee sees.")
    ] = None,
    device: Annotated[
        str | None, typer.Option("--device", help="The device that places the call (e14...).")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Start a call: --from rings first, then --to is called (click-to-dial)."""
    st = state(ctx, json_output)
    with st.client() as client:
        session = client.call.initiate(to=to, from_=from_, caller_id=caller_id, device_id=device)
    st.out.result(
        {"session_id": session.session_id},
        f"calling {to} from {from_}: session {session.session_id}",
    )


def register(app: typer.Typer) -> None:
    """Add ``sms``, ``fax`` and ``call`` to ``app``."""
    app.add_typer(sms_app, name="sms")
    app.add_typer(fax_app, name="fax")
    app.command("call")(call)
