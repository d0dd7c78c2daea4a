"""``sandbox`` and ``demo``: sipgate on this machine, for development without an account."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .context import JsonOption, state
from .signals import block_until_stopped

__all__ = ["register"]


def sandbox(
    ctx: typer.Context,
    port: Annotated[int, typer.Option(help="The port (0: any free one).")] = 8790,
    host: Annotated[str, typer.Option(help="The address to listen on.")] = "127.0.0.1",
    db: Annotated[
        str,
        typer.Option(help="SQLite file keeping the account across restarts; default in memory."),
    ] = ":memory:",
    public_key_file: Annotated[
        Path | None,
        typer.Option(help="Write the public key of the sandbox's pushes (PEM) to this file."),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Run a local sipgate API with a seeded account until Ctrl-C."""
    from ..sandbox import Sandbox

    st = state(ctx, json_output)
    sb = Sandbox(db, host=host, port=port).start()
    try:
        if public_key_file is not None:
            public_key_file.write_text(sb.public_key_pem, encoding="ascii")
        info = {
            "base_url": sb.base_url,
            "token_id": sb.token_id,
            "token": sb.token,
            "oauth_token": sb.oauth_token,
            "public_key_pem": sb.public_key_pem,
            "db": db,
        }
        lines = [
            f"[bold]sipgate sandbox[/] on {sb.base_url} (db: {db}); Ctrl-C stops it",
            "",
            "point the CLI or SipgateIO() at it:",
            f"  export SIPGATE_BASE_URL={sb.base_url}",
            f"  export SIPGATE_TOKEN_ID={sb.token_id}",
            f"  export SIPGATE_TOKEN={sb.token}",
            f"an OAuth access token: {sb.oauth_token}",
        ]
        if public_key_file is not None:
            lines.append(
                f"its pushes are signed; the public key is in {public_key_file} "
                f"(webhook serve --public-key {public_key_file})"
            )
        st.out.result(info, lambda: st.out.console.print("\n".join(lines), highlight=False))
        block_until_stopped()
    finally:
        sb.stop()
    st.out.err.print("sandbox stopped")


def demo(ctx: typer.Context) -> None:
    """Tour the library offline: SMS, fax, contacts, a routed call, RTCM, history."""
    from .demo import run_demo

    run_demo(state(ctx).out)


def register(app: typer.Typer) -> None:
    """Add ``sandbox`` and ``demo`` to ``app``."""
    app.command("demo")(demo)
    app.command("sandbox")(sandbox)
