"""``webhook simulate``: play sipgate's push service against any webhook, like ``stripe trigger``.

The pushes are signed with the *simulator key*, an RSA key kept in the user's
configuration directory (made on first use); ``sipgateio webhook public-key`` prints its
public half for ``create_webhook_app(public_key=...)``, and ``webhook serve
--trust-simulator`` trusts it. The push engine is :mod:`sipgateio.sandbox.push`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from ..errors import ValidationError
from . import exit_codes
from .context import JsonOption, state
from .output import Output

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    from ..sandbox.push import CallSimulation

__all__ = ["KEY_ENV", "public_key", "register", "simulate", "simulator_key"]

KEY_ENV = "SIPGATEIO_SIMULATOR_KEY"
"""Names the simulator key's PEM file instead of the default place."""


def simulator_key_path() -> Path:
    """Where the simulator key is: ``$SIPGATEIO_SIMULATOR_KEY``, else the config directory."""
    named = os.environ.get(KEY_ENV)
    if named:
        return Path(named)
    config = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(config) / "sipgateio" / "push-signing-key.pem"


def simulator_key(path: Path | None = None) -> RSAPrivateKey:
    """The simulator's private key from ``path`` (default :func:`simulator_key_path`).

    The default key is made on first use and kept readable by its owner only.
    """
    from cryptography.hazmat.primitives import serialization

    from ..sandbox.push import generate_private_key, load_private_key

    given = path is not None
    path = simulator_key_path() if path is None else path
    if path.exists():
        try:
            return load_private_key(path.read_bytes())
        except (ValueError, TypeError) as error:
            raise ValidationError(
                f"{path} is not a PEM RSA private key: {error}", field="--private-key"
            ) from None
    if given:
        raise ValidationError(f"{path} does not exist", field="--private-key")
    key = generate_private_key()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return key


def public_key(
    ctx: typer.Context,
    private_key: Annotated[
        Path | None,
        typer.Option(help="The key to show the public half of; default the simulator key."),
    ] = None,
) -> None:
    """Print the simulator's public key (PEM): give it to create_webhook_app(public_key=...)."""
    from ..sandbox.push import public_key_pem

    typer.echo(public_key_pem(simulator_key(private_key)), nl=False)


def show_transcript(out: Output, sim: CallSimulation) -> None:
    """The pushes of a simulated call, each with the webhook's answer (the XML, indented)."""
    for exchange in sim.transcript:
        ok = exchange.error is None
        out.console.print(
            f"[{'green' if ok else 'red'}]{'->' if ok else '!!'}[/] " + escape(exchange.describe())
        )
        text = exchange.response_text.strip()
        if text:
            out.console.print("     " + text.replace("\n", "\n     "), markup=False)
    out.console.print(f"[bold]{escape(_summary(sim))}[/]")


def _summary(sim: CallSimulation) -> str:
    state_ = sim.state.value
    parts = [f"call {sim.call_id}: {state_}"]
    if sim.hangup_cause:
        parts.append(f"cause {sim.hangup_cause}")
    if sim.answering_number:
        parts.append(f"answered by {sim.answering_number}")
    if sim.rejected:
        parts.append(f"rejected ({sim.rejected})")
    if sim.gathered:
        parts.append("digits " + ", ".join(repr(d) for d in sim.gathered))
    return ", ".join(parts)


def _as_json(sim: CallSimulation) -> dict[str, Any]:
    from .output import jsonable

    return {
        "call_id": sim.call_id,
        "state": sim.state.value,
        "hangup_cause": sim.hangup_cause,
        "answering_number": sim.answering_number,
        "rejected": sim.rejected,
        "gathered": list(sim.gathered),
        "played": list(sim.played),
        "pushes": [
            {
                "event": e.event,
                "url": e.url,
                "fields": [list(f) for f in e.fields],
                "status": e.status,
                "response": e.response_text,
                "answer": jsonable(e.answer),
                "error": e.error,
            }
            for e in sim.transcript
        ],
    }


def simulate(
    ctx: typer.Context,
    url: Annotated[
        str, typer.Option(help="The webhook (your incoming or outgoing URL).", show_default=False)
    ],
    event: Annotated[
        str, typer.Argument(help="The push that starts it all: newCall (a whole call).")
    ] = "newCall",
    from_: Annotated[str, typer.Option("--from", help="The caller.")] = "+4921100000000",
    to: Annotated[str, typer.Option(help="The called number.")] = "+4915799912345",
    direction: Annotated[str, typer.Option(help="in or out.")] = "in",
    user: Annotated[
        list[str] | None, typer.Option("--user", help="user[] of the push (repeatable).")
    ] = None,
    dtmf: Annotated[
        list[str] | None,
        typer.Option(help="The keys the caller presses at each Gather (repeatable)."),
    ] = None,
    no_pick_up: Annotated[
        bool, typer.Option("--no-pick-up", help="Nobody answers: the call ends with cancel.")
    ] = False,
    private_key: Annotated[
        Path | None,
        typer.Option(help="Sign with this PEM private key; default the simulator key."),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds the webhook has per push.")] = 10.0,
    json_output: JsonOption = False,
) -> None:
    """Send a signed newCall push to a webhook and follow its answers to the call's end.

    Prints every push and answer. Exit 14 when the webhook refused a push or did not answer.
    """
    from .._validation import http_url
    from ..sandbox.push import simulate_call

    st = state(ctx, json_output)
    if event != "newCall":
        raise ValidationError(
            f"simulate starts calls with a newCall push (answer, hangup and dtmf follow as "
            f"the answers ask), got {event!r}",
            field="EVENT",
        )
    http_url(url, "--url")
    sim = simulate_call(
        url,
        private_key=simulator_key(private_key),
        from_=from_,
        to=to,
        direction=direction,
        users=tuple(user or ()),
        dtmf=tuple(dtmf or ()),
        pick_up=not no_pick_up,
        timeout=timeout,
    )
    st.out.result(_as_json(sim), lambda: show_transcript(st.out, sim))
    if any(e.error is not None for e in sim.transcript):
        raise typer.Exit(exit_codes.FAILED)


def register(app: typer.Typer) -> None:
    """Add ``simulate`` and ``public-key`` to the ``webhook`` group."""
    app.command("simulate")(simulate)
    app.command("public-key")(public_key)
