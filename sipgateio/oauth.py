"""OAuth 2.0 sign-in with sipgate, and an access token that renews itself.

The protocol work (authorization URL, PKCE, code exchange, refresh grant) is done by
authlib's httpx integration; this module adds sipgate's endpoints, typed tokens and
errors, and :class:`OAuthSession`, the credential a client uses::

    from sipgateio.oauth import OAuthFlow

    flow = OAuthFlow(client_id="...", client_secret="...",
                     redirect_uri="https://example.com/callback", scopes=["all"])
    url, state = flow.authorization_url()        # send the user's browser there
    token = flow.exchange(code, state=state)     # the code and state of the callback
    client = sipgateio.SipgateIO(oauth=flow.session(token, on_token=save))

The session renews the access token shortly before it expires and once when the API
answers 401, one renewal at a time however many threads or tasks use it, and hands
every new token set to ``on_token`` so the app can store it. Tokens never appear in
reprs, log records or error messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import inspect
import threading
import time
import warnings
import weakref
from collections import OrderedDict
from collections.abc import AsyncGenerator, Callable, Generator, Iterable, Iterator, Mapping
from typing import Any

import attrs
import httpx

from ._validation import aware_datetime, items, non_empty
from .errors import AuthenticationError, TransportError, ValidationError

__all__ = [
    "AUTHORIZATION_ENDPOINT",
    "TOKEN_ENDPOINT",
    "OAuthFlow",
    "OAuthSession",
    "OAuthToken",
    "OAuthTokenError",
]

AUTHORIZATION_ENDPOINT = (
    "https://login.sipgate.com/auth/realms/third-party/protocol/openid-connect/auth"
)
"""Where the user signs in and grants the app access."""

TOKEN_ENDPOINT = "https://login.sipgate.com/auth/realms/third-party/protocol/openid-connect/token"
"""Where codes and refresh tokens are exchanged for access tokens."""

DEFAULT_LEEWAY = 60.0
"""Seconds before ``expires_at`` at which a session renews its access token."""

_PENDING_MAX = 256
"""Authorizations an :class:`OAuthFlow` remembers (state -> PKCE verifier) at most."""

TokenHook = Callable[["OAuthToken"], Any]


# -- tokens ---------------------------------------------------------------------------------


def _aware_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        aware_datetime(value, attribute.name)


def _secret(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value:
        # The value is a secret: name the field and the type, never the content.
        raise ValidationError(
            f"{attribute.name} must be a non-empty string, got a {type(value).__name__}",
            field=attribute.name,
        )


def _optional_secret(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _secret(instance, attribute, value)


@attrs.frozen(repr=False)
class OAuthToken:
    """A token set from sipgate's token endpoint.

    ``expires_at`` (timezone-aware) is when the access token stops working, or None when
    the token endpoint did not say. ``refresh_token`` renews the access token; without
    one the user has to sign in again once it expires. The repr shows neither token.
    Store it with :meth:`to_dict` and load it with :meth:`from_dict`.
    """

    access_token: str = attrs.field(validator=_secret)
    refresh_token: str | None = attrs.field(default=None, validator=_optional_secret)
    expires_at: dt.datetime | None = attrs.field(default=None, validator=_aware_or_none)
    scope: str | None = None

    def __repr__(self) -> str:
        expires = "None" if self.expires_at is None else self.expires_at.isoformat()
        refresh = "***" if self.refresh_token else "None"
        return (
            f"OAuthToken(access_token=***, refresh_token={refresh}, expires_at={expires}, "
            f"scope={self.scope!r})"
        )

    def expires_within(self, seconds: float) -> bool:
        """True when the access token expires in less than ``seconds`` (False if unknown)."""
        if self.expires_at is None:
            return False
        return self.expires_at.timestamp() - seconds <= time.time()

    def to_dict(self) -> dict[str, Any]:
        """The token set as JSON-ready values (``expires_at`` in ISO 8601); contains secrets."""
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": None if self.expires_at is None else self.expires_at.isoformat(),
            "scope": self.scope,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuthToken:
        """The token set stored with :meth:`to_dict`."""
        if not isinstance(data, Mapping):
            raise ValidationError(
                f"an OAuth token must be a mapping, got a {type(data).__name__}", field="token"
            )
        expires = data.get("expires_at")
        if isinstance(expires, str):
            try:
                expires = dt.datetime.fromisoformat(expires)
            except ValueError:
                raise ValidationError(
                    f"expires_at must be an ISO 8601 time, got {expires!r}", field="expires_at"
                ) from None
        return cls(
            access_token=data.get("access_token"),  # type: ignore[arg-type]  # checked by attrs
            refresh_token=data.get("refresh_token"),
            expires_at=expires,
            scope=data.get("scope"),
        )


def _token_from_response(data: Mapping[str, Any], previous: OAuthToken | None) -> OAuthToken:
    """The token set of a token endpoint answer (authlib's ``OAuth2Token``, a dict).

    A refresh answer without a new refresh token keeps the previous one.
    """
    expires_at = data.get("expires_at")
    if expires_at is None and data.get("expires_in") is not None:
        expires_at = time.time() + float(data["expires_in"])
    refresh = data.get("refresh_token") or (previous.refresh_token if previous else None)
    return OAuthToken(
        access_token=data["access_token"],
        refresh_token=refresh,
        expires_at=None if expires_at is None else dt.datetime.fromtimestamp(expires_at, dt.UTC),
        scope=data.get("scope"),
    )


# -- errors ---------------------------------------------------------------------------------


class OAuthTokenError(AuthenticationError):
    """The token endpoint refused a code or refresh token, or did not answer with a token.

    ``reason`` is what went wrong (the OAuth error and its description, e.g.
    ``invalid_grant: Token is not active``); ``status_code`` is the token endpoint's HTTP
    status (401 when no request was made, e.g. there is no refresh token). The message
    never contains a token, code or client secret. Usually the user must sign in again.
    """

    def __init__(self, reason: str, *, action: str, status_code: int, url: str) -> None:
        self.reason = reason
        self.action = action
        super().__init__(status_code=status_code, method="POST", url=url, body="")

    def _message(self) -> str:
        return f"{self.action} failed: {self.reason}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_token_error,
            (self.reason, self.action, self.status_code, self.url),
        )


def _rebuild_token_error(reason: str, action: str, status_code: int, url: str) -> OAuthTokenError:
    return OAuthTokenError(reason, action=action, status_code=status_code, url=url)


def _scrub(text: str, secrets: Iterable[str | None]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


@contextlib.contextmanager
def _token_errors(action: str, url: str, secrets: Iterable[str | None]) -> Iterator[None]:
    """Turn whatever talking to the token endpoint raised into a sipgateio error."""
    from authlib.common.errors import AuthlibBaseError

    secrets = tuple(secrets)
    try:
        yield
    except AuthlibBaseError as exc:
        described = f"{exc.error}: {exc.description}" if exc.description else str(exc.error)
        raise OAuthTokenError(
            _scrub(described, secrets), action=action, status_code=400, url=url
        ) from None
    except httpx.HTTPStatusError as exc:
        status = exc.response.status_code
        raise OAuthTokenError(
            f"the token endpoint answered HTTP {status}", action=action, status_code=status, url=url
        ) from None
    except httpx.TransportError as exc:
        error = TransportError(
            f"{action} failed: POST {url}: {type(exc).__name__}: {_scrub(str(exc), secrets)}",
            method="POST",
            url=url,
        )
        raise error from None
    except (ValueError, KeyError, TypeError) as exc:
        raise OAuthTokenError(
            f"the token endpoint's answer is not a token set ({type(exc).__name__})",
            action=action,
            status_code=200,
            url=url,
        ) from None


def _authlib() -> Any:
    """The httpx integration of authlib, imported on first use.

    authlib warns that its httpx support will move to the ``httpx2`` package; that notice
    is for this library's maintainers, not for its users, so it is not passed on.
    """
    with warnings.catch_warnings():
        import authlib.deprecate  # noqa: F401 - installs an "always" filter; ours goes in front

        warnings.filterwarnings("ignore", message=".*httpx2.*", category=DeprecationWarning)
        from authlib.integrations import httpx_client
    return httpx_client


# -- the flow -------------------------------------------------------------------------------


def _scopes(value: object) -> str:
    scopes = [non_empty(s, "scopes") for s in items(value, "scopes")]
    if not scopes or any(" " in s for s in scopes):
        raise ValidationError(
            f"scopes must be a non-empty list of scope names without spaces (e.g. ['all'] or "
            f"['account:read', 'history:read']), got {value!r}",
            field="scopes",
        )
    return " ".join(dict.fromkeys(scopes))


def _url(value: object, field: str) -> str:
    from ._validation import http_url

    return http_url(value, field)


class OAuthFlow:
    """The authorization-code flow of one OAuth client registered in the sipgate console.

    ``scopes`` are sipgate's scope names (``["all"]`` for everything, or e.g.
    ``["account:read", "history:read"]``). With ``pkce=True`` (the default) every
    authorization carries a PKCE challenge (S256); the verifier stays in this object, so
    the same :class:`OAuthFlow` must start and finish an authorization. The endpoints
    default to sipgate's; tests and sandboxes point them elsewhere. ``timeout`` (seconds)
    bounds each request to the token endpoint.
    """

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        scopes: Iterable[str] = ("all",),
        pkce: bool = True,
        authorization_endpoint: str = AUTHORIZATION_ENDPOINT,
        token_endpoint: str = TOKEN_ENDPOINT,
        timeout: float = 30.0,
    ) -> None:
        self.client_id = non_empty(client_id, "client_id")
        if not isinstance(client_secret, str) or not client_secret:
            raise ValidationError("client_secret must be a non-empty string", field="client_secret")
        self._client_secret = client_secret
        self.redirect_uri = _url(redirect_uri, "redirect_uri")
        self.scope = _scopes(scopes)
        if not isinstance(pkce, bool):
            raise ValidationError(f"pkce must be True or False, got {pkce!r}", field="pkce")
        self.pkce = pkce
        self.authorization_endpoint = _url(authorization_endpoint, "authorization_endpoint")
        self.token_endpoint = _url(token_endpoint, "token_endpoint")
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
            raise ValidationError(
                f"timeout must be a positive number of seconds, got {timeout!r}", field="timeout"
            )
        self.timeout = float(timeout)
        self._pending: OrderedDict[str, str | None] = OrderedDict()
        self._pending_lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"<OAuthFlow client_id={self.client_id!r} scope={self.scope!r} "
            f"redirect_uri={self.redirect_uri!r}>"
        )

    def _client_options(self) -> dict[str, Any]:
        return {
            "client_id": self.client_id,
            "client_secret": self._client_secret,
            "scope": self.scope,
            "redirect_uri": self.redirect_uri,
            "code_challenge_method": "S256" if self.pkce else None,
            "timeout": self.timeout,
        }

    def authorization_url(self) -> tuple[str, str]:
        """The URL to send the user's browser to, and the ``state`` that comes back with it.

        After signing in, sipgate redirects to ``redirect_uri`` with ``code`` and ``state``
        query parameters: hand both to :meth:`exchange`. The flow remembers the last 256
        authorizations it started; each state can be exchanged once.
        """
        from authlib.common.security import generate_token
        from authlib.oauth2 import OAuth2Client

        # authlib's protocol client without a session: building a URL needs no HTTP client
        # (an httpx one costs ~60 ms to set up).
        options = self._client_options()
        del options["timeout"]
        verifier = generate_token(64) if self.pkce else None
        url, state = OAuth2Client(None, **options).create_authorization_url(
            self.authorization_endpoint, code_verifier=verifier
        )
        with self._pending_lock:
            self._pending[state] = verifier
            while len(self._pending) > _PENDING_MAX:
                self._pending.popitem(last=False)
        return str(url), str(state)

    def _take_pending(self, code: object, state: object) -> tuple[str, dict[str, Any]]:
        code = non_empty(code, "code")
        with self._pending_lock:
            found = isinstance(state, str) and state in self._pending
            verifier = self._pending.pop(state) if isinstance(state, str) and found else None
        if not found:
            raise ValidationError(
                "state does not belong to an authorization this OAuthFlow started (a forged "
                "or replayed callback, or an authorization started by another process)",
                field="state",
            )
        extra: dict[str, Any] = {"code_verifier": verifier} if verifier else {}
        return code, extra

    def exchange(self, code: str, *, state: str) -> OAuthToken:
        """Exchange the callback's ``code`` for a token set (authorization-code grant).

        ``state`` must be the one :meth:`authorization_url` returned with this flow (it
        arrives with the callback): anything else raises :class:`~sipgateio.ValidationError`
        before a request is made. A refused code raises :class:`OAuthTokenError`.
        """
        code, extra = self._take_pending(code, state)
        with (
            _token_errors(
                "exchanging the authorization code", self.token_endpoint, self._secrets(code)
            ),
            _authlib().OAuth2Client(**self._client_options()) as client,
        ):
            data = client.fetch_token(
                self.token_endpoint, grant_type="authorization_code", code=code, **extra
            )
            return _token_from_response(data, None)

    async def exchange_async(self, code: str, *, state: str) -> OAuthToken:
        """:meth:`exchange` for asyncio apps: the same checks, without blocking the loop."""
        code, extra = self._take_pending(code, state)
        with _token_errors(
            "exchanging the authorization code", self.token_endpoint, self._secrets(code)
        ):
            async with _authlib().AsyncOAuth2Client(**self._client_options()) as client:
                data = await client.fetch_token(
                    self.token_endpoint, grant_type="authorization_code", code=code, **extra
                )
                return _token_from_response(data, None)

    def _secrets(self, *more: str | None) -> tuple[str | None, ...]:
        return (self._client_secret, *more)

    def _refresh_options(self, token: OAuthToken) -> tuple[str, tuple[str | None, ...]]:
        if not token.refresh_token:
            raise OAuthTokenError(
                "the access token expired or was refused and there is no refresh token; "
                "sign in again",
                action="renewing the OAuth access token",
                status_code=401,
                url=self.token_endpoint,
            )
        return token.refresh_token, self._secrets(token.access_token, token.refresh_token)

    def refresh(self, token: OAuthToken) -> OAuthToken:
        """A new token set for ``token`` (refresh-token grant); sessions call this for you."""
        refresh_token, secrets = self._refresh_options(token)
        with (
            _token_errors("renewing the OAuth access token", self.token_endpoint, secrets),
            _authlib().OAuth2Client(**self._client_options()) as client,
        ):
            data = client.refresh_token(self.token_endpoint, refresh_token=refresh_token)
            return _token_from_response(data, token)

    async def refresh_async(self, token: OAuthToken) -> OAuthToken:
        """:meth:`refresh` for asyncio apps."""
        refresh_token, secrets = self._refresh_options(token)
        with _token_errors("renewing the OAuth access token", self.token_endpoint, secrets):
            async with _authlib().AsyncOAuth2Client(**self._client_options()) as client:
                data = await client.refresh_token(self.token_endpoint, refresh_token=refresh_token)
                return _token_from_response(data, token)

    def session(
        self,
        token: OAuthToken,
        *,
        on_token: TokenHook | None = None,
        leeway: float = DEFAULT_LEEWAY,
    ) -> OAuthSession:
        """The credential for ``SipgateIO(oauth=...)`` / ``AsyncSipgateIO(oauth=...)``.

        See :class:`OAuthSession`.
        """
        return OAuthSession(self, token, on_token=on_token, leeway=leeway)


# -- the session ----------------------------------------------------------------------------


@attrs.frozen
class _Renew:
    """A step of the auth flow: renew the token unless ``stale`` was replaced meanwhile."""

    stale: OAuthToken


class OAuthSession(httpx.Auth):
    """An OAuth access token that renews itself: pass it as ``oauth=`` to a client.

    Before a request, an access token expiring within ``leeway`` seconds is renewed
    first; when the API answers 401, the token is renewed once and the request sent once
    more (a second 401 is raised as :class:`~sipgateio.AuthenticationError`). However many
    threads (``SipgateIO``) or tasks (``AsyncSipgateIO``) run into an expired token, one
    renewal is made and the others use its result.

    After each renewal ``on_token(token)`` is called with the new :class:`OAuthToken`, so
    the app can store it (refresh tokens may be single-use: keep the newest). With
    ``AsyncSipgateIO`` it may be an ``async def``. An exception from it propagates (the
    new token is in use by then). A renewal that fails raises :class:`OAuthTokenError`.
    """

    requires_request_body = True  # a request refused with 401 is sent again

    def __init__(
        self,
        flow: OAuthFlow,
        token: OAuthToken,
        *,
        on_token: TokenHook | None = None,
        leeway: float = DEFAULT_LEEWAY,
    ) -> None:
        if not isinstance(flow, OAuthFlow):
            raise ValidationError(f"flow must be an OAuthFlow, got {flow!r}", field="flow")
        if not isinstance(token, OAuthToken):
            raise ValidationError(
                f"token must be an OAuthToken, got a {type(token).__name__}", field="token"
            )
        if on_token is not None and not callable(on_token):
            raise ValidationError(f"on_token must be callable, got {on_token!r}", field="on_token")
        if isinstance(leeway, bool) or not isinstance(leeway, (int, float)) or leeway < 0:
            raise ValidationError(
                f"leeway must be a non-negative number of seconds, got {leeway!r}", field="leeway"
            )
        self.flow = flow
        self._token = token
        self._on_token = on_token
        self.leeway = float(leeway)
        self._swap_lock = threading.Lock()  # guards the token itself (held briefly)
        self._sync_lock = threading.Lock()  # one renewal at a time among threads
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock]
        self._async_locks = weakref.WeakKeyDictionary()

    def __repr__(self) -> str:
        expires = (
            "unknown" if self._token.expires_at is None else self._token.expires_at.isoformat()
        )
        return f"<OAuthSession client_id={self.flow.client_id!r} expires_at={expires}>"

    @property
    def token(self) -> OAuthToken:
        """The token set in use now."""
        return self._token

    # -- one description of the steps, driven sync or async ---------------------------
    def _steps(self, request: httpx.Request) -> Generator[_Renew | httpx.Request, Any, None]:
        token = self._token
        if token.refresh_token and token.expires_within(self.leeway):
            token = yield _Renew(token)
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        response = yield request
        if response.status_code == 401 and token.refresh_token:
            token = yield _Renew(token)
            request.headers["Authorization"] = f"Bearer {token.access_token}"
            yield request

    def _swap(self, stale: OAuthToken, new: OAuthToken) -> bool:
        """Put ``new`` in place of ``stale``; False when another renewal got there first."""
        with self._swap_lock:
            if self._token is not stale:
                return False
            self._token = new
            return True

    def _renew_sync(self, stale: OAuthToken) -> OAuthToken:
        with self._sync_lock:
            current = self._token
            if current is not stale:
                return current  # renewed by another thread meanwhile
            new = self.flow.refresh(stale)
            if not self._swap(stale, new):
                return self._token
            self._saved(new, awaitable=False)
            return new

    def _saved(self, new: OAuthToken, *, awaitable: bool) -> Any:
        """Call ``on_token(new)``; its awaitable, if it returned one and ``awaitable`` allows it.

        For a :class:`~sipgateio.SipgateIO` (its single calls and its bulk work alike) an
        awaitable is refused with the :class:`~sipgateio.ValidationError` that
        :func:`refuse_async_hook` raises up front for an ``async def``.
        """
        if self._on_token is None:
            return None
        result = self._on_token(new)
        if not inspect.isawaitable(result):
            return None
        if awaitable:
            return result
        if inspect.iscoroutine(result):
            result.close()  # never awaited: no "never awaited" warning either
        raise ValidationError(_PLAIN_HOOK, field="on_token")

    async def _renew_async(self, stale: OAuthToken, awaitable: bool = True) -> OAuthToken:
        loop = asyncio.get_running_loop()
        with self._swap_lock:
            lock = self._async_locks.setdefault(loop, asyncio.Lock())
        async with lock:
            current = self._token
            if current is not stale:
                return current  # renewed by another task meanwhile
            new = await self.flow.refresh_async(stale)
            if not self._swap(stale, new):
                return self._token
            pending = self._saved(new, awaitable=awaitable)
            if pending is not None:
                await pending
            return new

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        """Authorize ``request`` for ``httpx.Client``, renewing the token as needed."""
        steps = self._steps(request)
        reply: Any = None
        with contextlib.closing(steps):
            while True:
                try:
                    step = steps.send(reply)
                except StopIteration:
                    return
                if isinstance(step, _Renew):
                    reply = self._renew_sync(step.stale)
                else:
                    reply = yield step

    def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Authorize ``request`` for ``httpx.AsyncClient``, renewing the token as needed."""
        return self._async_flow(request, awaitable=True)

    async def _async_flow(
        self, request: httpx.Request, awaitable: bool
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        steps = self._steps(request)
        reply: Any = None
        with contextlib.closing(steps):
            while True:
                try:
                    step = steps.send(reply)
                except StopIteration:
                    return
                if isinstance(step, _Renew):
                    reply = await self._renew_async(step.stale, awaitable)
                else:
                    reply = yield step


_PLAIN_HOOK = (
    "on_token must be a plain function with SipgateIO (it returned an awaitable, or is an "
    "async def); async def works with AsyncSipgateIO"
)


def refuse_async_hook(auth: httpx.Auth) -> None:
    """Refuse an ``async def`` ``on_token`` for a :class:`~sipgateio.SipgateIO`, up front.

    The sync client never awaits the hook, in single calls nor in bulk work (which renews
    the token in its event loop thread, see :func:`sync_client_auth`): raises
    :class:`~sipgateio.ValidationError` (field ``on_token``) before anything is sent. A
    plain function that returns an awaitable is refused when it does, after a renewal.
    """
    hook = auth._on_token if isinstance(auth, OAuthSession) else None
    if hook is not None and (
        inspect.iscoroutinefunction(hook)
        or inspect.iscoroutinefunction(getattr(hook, "__call__", None))  # noqa: B004
    ):
        raise ValidationError(_PLAIN_HOOK, field="on_token")


class _SyncClientSession(httpx.Auth):
    """An :class:`OAuthSession` as a ``SipgateIO``'s bulk work uses it over the async pool.

    Same token, same renewals (one at a time per event loop), but ``on_token`` is called as
    the sync client's single calls call it: an awaitable it returns is refused.
    """

    requires_request_body = True

    def __init__(self, session: OAuthSession) -> None:
        self.session = session

    def __repr__(self) -> str:
        return repr(self.session)

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        """The session's own flow."""
        return self.session.sync_auth_flow(request)

    def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """The session's flow, ``on_token`` held to a plain function."""
        return self.session._async_flow(request, awaitable=False)


def sync_client_auth(auth: httpx.Auth) -> httpx.Auth:
    """``auth`` for a ``SipgateIO``'s bulk work: an :class:`OAuthSession` held to plain hooks."""
    return _SyncClientSession(auth) if isinstance(auth, OAuthSession) else auth
