"""The three kinds of credentials, read from arguments or the environment and validated."""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from collections.abc import Generator, Mapping

import attrs
import httpx

from .errors import ValidationError

__all__ = ["Credentials", "resolve_credentials"]

_TOKEN_ID = re.compile(r"token-[A-Za-z0-9]{6}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@attrs.frozen(repr=False)
class Credentials:
    """Validated credentials. ``kind`` is ``"pat"``, ``"oauth"`` or ``"basic"``.

    ``session`` is set for a self-renewing OAuth token (``oauth=``); it is then the auth.
    The repr shows the kind and the non-secret identifier only.
    """

    kind: str
    user: str | None
    secret: str
    session: httpx.Auth | None = None

    def __repr__(self) -> str:
        who = f", user={self.user!r}" if self.user else ""
        return f"Credentials(kind={self.kind!r}{who}, secret=***)"

    def auth(self) -> httpx.Auth:
        """The httpx auth that sends these credentials."""
        if self.session is not None:
            return self.session
        if self.kind == "oauth":
            return _BearerAuth(self.secret)
        assert self.user is not None
        return _BasicAuth(self.user, self.secret)


class HeaderAuth(httpx.Auth):
    """Sends one fixed ``Authorization`` value (a token, or basic credentials).

    The facade's senders (:mod:`sipgateio._send`) put it on a request with :meth:`apply`
    instead of driving an auth flow: nothing is ever renewed or asked again. The value is
    kept out of the repr.
    """

    _name = "HeaderAuth"

    def __init__(self, value: str) -> None:
        self._value = value

    def apply(self, request: httpx.Request) -> None:
        """Authorize ``request``: set its ``Authorization`` header."""
        request.headers["Authorization"] = self._value

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.apply(request)
        yield request

    def __repr__(self) -> str:
        return f"<{self._name} ***>"


class _BearerAuth(HeaderAuth):
    """``Authorization: Bearer <token>``."""

    _name = "BearerAuth"

    def __init__(self, token: str) -> None:
        super().__init__(f"Bearer {token}")


class _BasicAuth(HeaderAuth):
    """HTTP Basic with ``user:secret`` (UTF-8), as ``httpx.BasicAuth`` sends it."""

    _name = "BasicAuth"

    def __init__(self, user: str, secret: str) -> None:
        pair = f"{user}:{secret}".encode()
        super().__init__(f"Basic {base64.b64encode(pair).decode('ascii')}")


def _check_token_id(token_id: str) -> None:
    if not _TOKEN_ID.fullmatch(token_id):
        raise ValidationError(
            f"token_id must be 'token-' followed by 6 letters or digits, got {token_id!r}",
            field="token_id",
        )


def _check_pat(token: str) -> None:
    if not _UUID.fullmatch(token):
        # Never echo a secret, not even a malformed one.
        raise ValidationError(
            "token must be a personal access token (a UUID such as "
            "'e68ead46-a7db-46cd-8a1a-44aed1e4e372') when token_id is given",
            field="token",
        )


def _check_jwt(token: str) -> None:
    parts = token.split(".")
    problem = None
    if len(parts) != 3:
        problem = "it does not have the three dot-separated parts of a JWT"
    else:
        payload = parts[1] + "=" * (-len(parts[1]) % 4)
        try:
            decoded = json.loads(base64.urlsafe_b64decode(payload))
        except (binascii.Error, ValueError, UnicodeDecodeError):
            problem = "its payload is not base64url-encoded JSON"
        else:
            if not isinstance(decoded, dict):
                problem = "its payload is not a JSON object"
    if problem:
        raise ValidationError(
            f"token must be an OAuth access token (a JWT) when no token_id is given, but {problem}",
            field="token",
        )


def _check_basic(username: str, password: str) -> None:
    if not _EMAIL.fullmatch(username):
        raise ValidationError(
            f"username must be an e-mail address, got {username!r}", field="username"
        )
    if not password:
        raise ValidationError("password must not be empty", field="password")


def _oauth_session(session: object, *others: str | None) -> Credentials:
    from .oauth import OAuthSession

    if any(other is not None for other in others):
        raise ValidationError(
            "conflicting credentials: oauth= replaces token_id, token, username and password",
            field="credentials",
        )
    if not isinstance(session, OAuthSession):
        raise ValidationError(
            "oauth must be an OAuthSession (from sipgateio.oauth: flow.session(token)), "
            f"got a {type(session).__name__}",
            field="oauth",
        )
    return Credentials("oauth", None, "", session)


def resolve_credentials(
    *,
    token_id: str | None,
    token: str | None,
    username: str | None,
    password: str | None,
    oauth: object = None,
    environ: Mapping[str, str] | None = None,
) -> Credentials:
    """Pick and validate the credentials from the arguments or the environment.

    With no arguments, ``SIPGATE_TOKEN_ID`` + ``SIPGATE_TOKEN`` (personal access
    token) or ``SIPGATE_TOKEN`` alone (OAuth) are read from the environment.
    ``oauth`` is a :class:`sipgateio.oauth.OAuthSession` (an OAuth token that renews itself).
    """
    if oauth is not None:
        return _oauth_session(oauth, token_id, token, username, password)
    given_basic = username is not None or password is not None
    given_token = token_id is not None or token is not None
    if given_basic and given_token:
        raise ValidationError(
            "conflicting credentials: pass either token (with token_id for a personal "
            "access token) or username and password, not both",
            field="credentials",
        )
    if given_basic:
        if username is None or password is None:
            missing = "password" if username is not None else "username"
            raise ValidationError(f"{missing} is required with basic auth", field=missing)
        _check_basic(username, password)
        return Credentials("basic", username, password)
    if not given_token:
        env = os.environ if environ is None else environ
        token_id = env.get("SIPGATE_TOKEN_ID") or None
        token = env.get("SIPGATE_TOKEN") or None
        if token is None:
            raise ValidationError(
                "no credentials: pass token_id and token, token, or username and password, "
                "or set SIPGATE_TOKEN_ID and SIPGATE_TOKEN (or SIPGATE_TOKEN for OAuth)",
                field="credentials",
            )
    if token is None:
        raise ValidationError("token is required with token_id", field="token")
    if token_id is not None:
        _check_token_id(token_id)
        _check_pat(token)
        return Credentials("pat", token_id, token)
    _check_jwt(token)
    return Credentials("oauth", None, token)
