"""The state every command shares: where the API is, how to print, the client."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import attrs
import typer

from .output import Output

if TYPE_CHECKING:
    from .._client import SipgateIO

__all__ = ["JsonOption", "State", "state"]

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print the result as JSON (for scripts).", show_default=False)
]


@attrs.define
class State:
    """The root options: ``--base-url`` and ``--json``, and the output they imply."""

    base_url: str | None = None
    json: bool = False
    _output: Output | None = None

    @property
    def out(self) -> Output:
        """The output of this run (JSON mode if ``--json`` was given anywhere)."""
        if self._output is None or self._output.json_mode != self.json:
            self._output = Output(json_mode=self.json)
        return self._output

    def client(self) -> SipgateIO:
        """A client for the API at ``--base-url``, with the credentials of the environment.

        ``SIPGATE_TOKEN_ID`` + ``SIPGATE_TOKEN`` (personal access token) or ``SIPGATE_TOKEN``
        alone (OAuth), read by :class:`~sipgateio.SipgateIO` itself; without them, the
        sign-in ``sipgateio login`` stored (renewed as needed, see :mod:`.login`).
        """
        from .._client import SipgateIO

        if not os.environ.get("SIPGATE_TOKEN"):
            from .login import stored_session

            session = stored_session()
            if session is not None:
                return SipgateIO(base_url=self.base_url, oauth=session)
        return SipgateIO(base_url=self.base_url)


def state(ctx: typer.Context, json_output: bool = False) -> State:
    """The shared :class:`State` of this run; a command's own ``--json`` switches JSON mode on."""
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    if json_output:
        root.obj.json = True
    return root.obj
