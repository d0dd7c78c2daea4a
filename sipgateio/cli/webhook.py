"""``webhook serve`` and ``webhook simulate``: a webhook to watch, pushes to try one with."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import ValidationError
from .context import JsonOption, state
from .output import Output
from .signals import block_until_stopped

if TYPE_CHECKING:
    from ..webhook.events import Event

__all__ = ["app", "describe_event"]

app = typer.Typer(help="Serve a webhook, simulate sipgate's pushes.", no_args_is_help=True)


def describe_event(event: Event) -> str:
    """One line per push event, as ``webhook serve`` prints it."""
    from ..webhook.events import AnswerEvent, DataEvent, HangUpEvent

    name = event.event.value
    if isinstance(event, DataEvent):
        return f"{name:8} call {event.call_id}: digits {event.dtmf!r}"
    line = f"{name:8} call {event.call_id}: {event.from_} -> {event.to} ({event.direction.value})"
    if isinstance(event, HangUpEvent):
        cause = event.cause if isinstance(event.cause, str) else event.cause.value
        line += f", cause {cause}"
    elif isinstance(event, AnswerEvent) and event.answering_number:
        line += f", answered by {event.answering_number}"
    return line


def _answer(dial: list[str] | None, voicemail: bool, reject: str | None, hangup: bool) -> Any:
    from ..webhook.responses import WebhookResponse

    chosen = [bool(dial), voicemail, reject is not None, hangup]
    if sum(chosen) > 1:
        raise ValidationError(
            "give at most one of --dial, --voicemail, --reject and --hangup", field="--dial"
        )
    if dial:
        return WebhookResponse.redirect_call(numbers=dial)
    if voicemail:
        return WebhookResponse.send_to_voicemail()
    if reject is not None:
        return WebhookResponse.reject_call(reject)
    if hangup:
        return WebhookResponse.hang_up_call()
    return None


def _printer(out: Output, answer: Any = None) -> Any:
    def handle(event: Event) -> Any:
        if out.json_mode:
            import json
            import sys

            from .output import jsonable

            sys.stdout.write(json.dumps(jsonable(event), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            out.console.print(describe_event(event), highlight=False, soft_wrap=True)
        return answer

    return handle


@app.command("serve")
def serve(
    ctx: typer.Context,
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8080,
    host: Annotated[str, typer.Option(help="The interface to listen on.")] = "localhost",
    server_address: Annotated[
        str | None,
        typer.Option(
            help="The public URL sipgate reaches this server at (named for follow-up events); "
            "default http://HOST:PORT/."
        ),
    ] = None,
    public_key: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="PEM of the key pushes are signed with (a sandbox's); default sipgate's.",
        ),
    ] = None,
    trust_simulator: Annotated[
        bool,
        typer.Option(help="Take pushes signed by `sipgateio webhook simulate` (its key)."),
    ] = False,
    skip_signature_verification: Annotated[
        bool, typer.Option(help="Accept unsigned pushes (local experiments only).")
    ] = False,
    dial: Annotated[
        list[str] | None, typer.Option(help="Answer new calls: redirect to this number.")
    ] = None,
    voicemail: Annotated[bool, typer.Option(help="Answer new calls: to the voicemail.")] = False,
    reject: Annotated[
        str | None, typer.Option(help="Answer new calls: reject them (rejected or busy).")
    ] = None,
    hangup: Annotated[bool, typer.Option(help="Answer new calls: hang up.")] = False,
    json_output: JsonOption = False,
) -> None:
    """Serve a webhook that prints every push it gets (and answers new calls as told)."""
    from ..webhook.server import WebhookServer

    st = state(ctx, json_output)
    answer = _answer(dial, voicemail, reject, hangup)
    key: bytes | str | None = public_key.read_bytes() if public_key is not None else None
    if trust_simulator:
        if key is not None:
            raise ValidationError(
                "give --public-key or --trust-simulator, not both", field="--trust-simulator"
            )
        from ..sandbox.push import public_key_pem
        from .simulate import simulator_key

        key = public_key_pem(simulator_key())
    if server_address is None and port:
        server_address = f"http://{host}:{port}/"
    server = WebhookServer(
        port=port,
        hostname=host,
        server_address=server_address,
        skip_signature_verification=skip_signature_verification,
        public_key=key,
    )
    server.on_new_call(_printer(st.out, answer))
    if server_address is not None:
        for register in (server.on_answer, server.on_hangup, server.on_data):
            register(_printer(st.out))
    server.start()
    try:
        st.out.err.print(f"webhook listening on {server.url} (Ctrl-C stops it)", highlight=False)
        block_until_stopped(server.listening.is_set)
    finally:
        server.stop()
    st.out.err.print("webhook stopped")
