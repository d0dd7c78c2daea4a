"""``login``: sign in with OAuth in the browser and store the token set in a file.

A local web server on 127.0.0.1 receives sipgate's redirect (``code`` and ``state``);
the code is exchanged through :class:`sipgateio.oauth.OAuthFlow`, and the token set is
written, readable by the user only, to ``--token-file``. The tokens are never printed.

The other commands use the stored sign-in when the environment has no token
(:func:`stored_session`): it renews itself and is written back after each renewal.
"""

from __future__ import annotations

import json
import os
import threading
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

import typer

from ..errors import SipgateIOError, ValidationError
from ..oauth import (
    AUTHORIZATION_ENDPOINT,
    TOKEN_ENDPOINT,
    OAuthFlow,
    OAuthSession,
    OAuthToken,
    OAuthTokenError,
)
from .context import JsonOption, state

__all__ = ["default_token_file", "register", "save_token", "stored_session"]

_CALLBACK = "/callback"
_PAGE = (
    "<!doctype html><meta charset=utf-8><title>sipgateio</title>"
    "<p>{}</p><p>You can close this tab and return to the terminal.</p>"
)


def default_token_file() -> Path:
    """``SIPGATE_TOKEN_FILE``, else ``$XDG_CONFIG_HOME/sipgateio/oauth-token.json``.

    Without ``XDG_CONFIG_HOME``: ``~/.config/sipgateio/oauth-token.json``.
    """
    if os.environ.get("SIPGATE_TOKEN_FILE"):
        return Path(os.environ["SIPGATE_TOKEN_FILE"])
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "sipgateio" / "oauth-token.json"


def save_token(token: OAuthToken, path: Path, flow: OAuthFlow) -> None:
    """Write ``token`` (and where to renew it) as JSON to ``path``, for the user's eyes only.

    The file holds :meth:`OAuthToken.to_dict` plus ``client_id``, ``redirect_uri`` and
    ``token_endpoint`` (no client secret), so ``OAuthToken.from_dict`` reads it as it is.
    """
    data = {
        **token.to_dict(),
        "client_id": flow.client_id,
        "redirect_uri": flow.redirect_uri,
        "token_endpoint": flow.token_endpoint,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2)
    os.replace(partial, path)


def stored_session() -> OAuthSession | None:
    """The sign-in ``sipgateio login`` stored, as a self-renewing session; None if none.

    Renewing needs the client secret, from ``SIPGATE_CLIENT_SECRET`` (it is never stored).
    Each renewed token set is written back to the file.
    """
    path = default_token_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ValidationError(
            f"the stored sign-in {path} cannot be read ({type(exc).__name__}); run "
            "'sipgateio login' again",
            field="token_file",
        ) from None
    if not isinstance(data, dict):
        raise ValidationError(
            f"the stored sign-in {path} is not a token set; run 'sipgateio login' again",
            field="token_file",
        )
    secret = os.environ.get("SIPGATE_CLIENT_SECRET")
    if not secret:
        raise ValidationError(
            f"a sign-in is stored in {path}; set SIPGATE_CLIENT_SECRET so that it can be "
            "renewed (or set SIPGATE_TOKEN_ID and SIPGATE_TOKEN to use a personal access token)",
            field="SIPGATE_CLIENT_SECRET",
        )
    flow = OAuthFlow(
        client_id=data.get("client_id") or os.environ.get("SIPGATE_CLIENT_ID", ""),
        client_secret=secret,
        redirect_uri=data.get("redirect_uri") or f"http://127.0.0.1:8765{_CALLBACK}",
        token_endpoint=data.get("token_endpoint") or TOKEN_ENDPOINT,
    )
    return flow.session(
        OAuthToken.from_dict(data), on_token=lambda token: save_token(token, path, flow)
    )


class _Callback:
    """The first redirect that reaches ``/callback``: its query parameters."""

    def __init__(self) -> None:
        self.params: dict[str, str] = {}
        self.arrived = threading.Event()


def _handler(callback: _Callback) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            if parts.path != _CALLBACK or callback.arrived.is_set():
                self.send_error(404)
                return
            callback.params = {k: v[0] for k, v in parse_qs(parts.query).items()}
            signed_in = "code" in callback.params
            text = "Signed in to sipgate." if signed_in else "The sign-in did not succeed."
            body = _PAGE.format(text).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            callback.arrived.set()

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the request line carries the code: keep it off the terminal

    return Handler


@contextmanager
def _redirect_server(port: int) -> Iterator[tuple[int, _Callback]]:
    callback = _Callback()
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(callback))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], callback
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def login(
    ctx: typer.Context,
    client_id: Annotated[
        str,
        typer.Option("--client-id", envvar="SIPGATE_CLIENT_ID", help="The OAuth client's id."),
    ],
    client_secret: Annotated[
        str,
        typer.Option(
            "--client-secret",
            envvar="SIPGATE_CLIENT_SECRET",
            help="The OAuth client's secret (better: the SIPGATE_CLIENT_SECRET variable).",
            show_default=False,
        ),
    ],
    scope: Annotated[
        list[str] | None,
        typer.Option("--scope", help="A scope to ask for (repeatable); default: all."),
    ] = None,
    port: Annotated[
        int,
        typer.Option(
            "--port",
            help="Port of the local redirect server; register "
            "http://127.0.0.1:PORT/callback as the client's redirect URI (0: any free port).",
        ),
    ] = 8765,
    token_file: Annotated[
        Path | None,
        typer.Option(
            "--token-file",
            help="Where to store the token set (default: SIPGATE_TOKEN_FILE, else "
            "~/.config/sipgateio/oauth-token.json).",
            show_default=False,
        ),
    ] = None,
    browser: Annotated[
        bool, typer.Option("--browser/--no-browser", help="Open the sign-in page in a browser.")
    ] = True,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for the sign-in.")
    ] = 300.0,
    authorization_endpoint: Annotated[
        str, typer.Option("--authorization-endpoint", hidden=True)
    ] = AUTHORIZATION_ENDPOINT,
    token_endpoint: Annotated[str, typer.Option("--token-endpoint", hidden=True)] = TOKEN_ENDPOINT,
    json_output: JsonOption = False,
) -> None:
    """Sign in with OAuth in the browser and store the token set (never printed)."""
    st = state(ctx, json_output)
    path = token_file if token_file is not None else default_token_file()
    with _redirect_server(port) as (bound, callback):
        flow = OAuthFlow(
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=f"http://127.0.0.1:{bound}{_CALLBACK}",
            scopes=scope or ["all"],
            authorization_endpoint=authorization_endpoint,
            token_endpoint=token_endpoint,
        )
        url, _ = flow.authorization_url()
        st.out.err.print(f"Sign in to sipgate at:\n{url}", soft_wrap=True, markup=False)
        if browser:
            webbrowser.open(url)
        if not callback.arrived.wait(timeout):
            raise SipgateIOError(f"no sign-in arrived at 127.0.0.1:{bound} within {timeout:g} s")
    params = callback.params
    if "code" not in params:
        reason = params.get("error", "no code in the redirect")
        if params.get("error_description"):
            reason += f": {params['error_description']}"
        raise OAuthTokenError(
            reason, action="signing in", status_code=401, url=flow.authorization_endpoint
        )
    token = flow.exchange(params["code"], state=params.get("state", ""))
    save_token(token, path, flow)
    summary = {"token_file": str(path), "expires_at": token.expires_at, "scope": token.scope}
    expires = "an unknown time" if token.expires_at is None else token.expires_at.isoformat()
    st.out.result(
        summary, f"Signed in. Token set saved to {path} (access token valid until {expires})."
    )


def register(app: typer.Typer) -> None:
    """Add ``login`` to ``app``."""
    app.command("login")(login)
