"""``numbers``: what the account has."""

from __future__ import annotations

import typer

from .context import JsonOption, state

__all__ = ["register"]


def numbers(ctx: typer.Context, json_output: JsonOption = False) -> None:
    """List the phone numbers of the account and where they are routed."""
    st = state(ctx, json_output)
    with st.client() as client:
        items = client.numbers.get_all_numbers()
    st.out.result(
        items,
        lambda: st.out.table(
            f"{len(items)} numbers",
            ["number", "localized", "type", "routed to", "alias"],
            [[n.number, n.localized, n.type, n.endpoint_id, n.endpoint_alias] for n in items],
        ),
    )


def register(app: typer.Typer) -> None:
    """Add ``numbers`` to ``app``."""
    app.command("numbers")(numbers)
