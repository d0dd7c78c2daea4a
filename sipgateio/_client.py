"""The clients: :class:`SipgateIO` (sync) and :class:`AsyncSipgateIO` (async).

Both are one class body (:class:`_BaseClient`) parameterised by the mode; they differ
only in the httpx client they build and the runner that sends calls.
"""

from __future__ import annotations

import functools
import weakref
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._batch import check_concurrency, default_concurrency
from ._credentials import Credentials, resolve_credentials
from ._http import (
    DEFAULT_MAX_RETRIES,
    RetryPolicy,
    async_facade_client,
    pool_limits,
    sync_facade_client,
)
from ._ops import AsyncMode, AsyncRunner, Op, Resource, SyncMode, SyncRunner, operation
from ._send import AsyncSender, SyncSender
from .errors import ValidationError

if TYPE_CHECKING:
    from types import TracebackType
    from typing import Self

    from ._bulk_loop import BulkLoop
    from .contacts.resource import ContactsResource
    from .oauth import OAuthSession
    from .raw import Client as RawClient
    from .resources.account import Account, Balance
    from .resources.call import CallResource
    from .resources.devices import DevicesResource
    from .resources.fax import FaxResource
    from .resources.history import HistoryResource
    from .resources.numbers import NumbersResource
    from .resources.rtcm import RTCMResource
    from .resources.sms import SmsResource
    from .resources.users import Webuser
    from .resources.voicemails import VoicemailsResource
    from .resources.webhook_settings import WebhookSettingsResource

__all__ = ["AsyncSipgateIO", "SipgateIO"]

M = TypeVar("M", SyncMode, AsyncMode)


def _check_options(timeout: object, max_retries: object) -> None:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ValidationError(
            f"max_retries must be a non-negative integer, got {max_retries!r}", field="max_retries"
        )
    if timeout is None or isinstance(timeout, httpx.Timeout):
        return
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        raise ValidationError(
            f"timeout must be a positive number of seconds or an httpx.Timeout, got {timeout!r}",
            field="timeout",
        )


class _BaseClient(Resource[M], Generic[M]):
    """Everything both clients share. Use :class:`SipgateIO` or :class:`AsyncSipgateIO`."""

    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self,
        *,
        token_id: str | None = None,
        token: str | None = None,
        username: str | None = None,
        password: str | None = None,
        oauth: OAuthSession | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: Any = None,
        concurrency: int | None = None,
    ) -> None:
        self._credentials: Credentials = resolve_credentials(
            token_id=token_id, token=token, username=username, password=password, oauth=oauth
        )
        _check_options(timeout, max_retries)
        self._check_credentials(self._credentials)
        bound = check_concurrency(concurrency) or default_concurrency()
        if http_client is not None and not isinstance(http_client, self._http_client_type()):
            raise ValidationError(
                f"http_client must be an {self._http_client_type().__name__}, "
                f"got {type(http_client).__name__}",
                field="http_client",
            )
        # Our own client: credentials, headers, base URL, timeout and retries, sending
        # through ``http_client`` (never changed) or a connection pool of our own, with a
        # connection for each request bulk work keeps in flight.
        settings: dict[str, Any] = {
            "auth": self._credentials.auth(),
            "base_url": base_url,
            "timeout": timeout,
            "policy": RetryPolicy(max_retries=max_retries),
            "limits": pool_limits(bound),
        }
        self._http, self._sender = self._new_http_client(http_client, **settings)
        self.base_url = str(self._http.base_url).rstrip("/")
        runner = self._new_runner(http_client, {**settings, "base_url": self.base_url})
        runner.concurrency = bound
        super().__init__(runner)

    # -- what the two modes do differently -------------------------------------------
    def _check_credentials(self, credentials: Credentials) -> None:
        """Refuse what this mode cannot use, before anything is built or sent."""

    def _new_http_client(
        self, http: Any, **settings: Any
    ) -> tuple[httpx.Client | httpx.AsyncClient, SyncSender | AsyncSender]:
        raise NotImplementedError

    def _http_client_type(self) -> type[httpx.Client | httpx.AsyncClient]:
        raise NotImplementedError

    def _new_runner(self, http: Any, settings: dict[str, Any]) -> SyncRunner | AsyncRunner:
        raise NotImplementedError

    # -- the generated client --------------------------------------------------------
    @cached_property
    def raw(self) -> RawClient:
        """The generated client of every published operation (package ``sipgateio.raw``).

        It shares this client's base URL, authentication, timeouts, retries and
        connection pool. Call any endpoint module with it, e.g.
        ``sipgateio.raw.api.numbers.get_numbers.sync(client=client.raw)``
        (``asyncio`` with :class:`AsyncSipgateIO`). An error status raises
        :class:`~sipgateio.APIError` like the rest of the library.
        """
        from .raw import Client

        raw = Client(base_url=self.base_url)
        if isinstance(self._http, httpx.AsyncClient):
            raw.set_async_httpx_client(self._http)
        else:
            raw.set_httpx_client(self._http)
        return raw

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={self.base_url!r} auth={self._credentials.kind}>"

    # -- account ---------------------------------------------------------------------
    @operation
    def get_account(self) -> Op[Account]:
        """The account: company, main product, history retention (GET /account)."""
        from .resources import account

        return (yield from account.account())

    @operation
    def get_balance(self) -> Op[Balance]:
        """The account's credit: amount and currency (GET /balance)."""
        from .resources import account

        return (yield from account.balance())

    # -- users -----------------------------------------------------------------------
    @operation
    def get_authenticated_webuser_id(self) -> Op[str]:
        """The authenticated web user's id (``w0``...): ``sub`` of GET /authorization/userinfo."""
        from .resources import users

        return (yield from users.authenticated_webuser_id())

    @operation
    def get_web_users(self) -> Op[list[Webuser]]:
        """All web users of the account (GET /users)."""
        from .resources import users

        return (yield from users.web_users())

    # -- the API areas -----------------------------------------------------------------
    @cached_property
    def sms(self) -> SmsResource[M]:
        """Send and schedule SMS."""
        from .resources.sms import SmsResource

        return SmsResource(self._runner)

    @cached_property
    def fax(self) -> FaxResource[M]:
        """Send faxes and follow their status."""
        from .resources.fax import FaxResource

        return FaxResource(self._runner)

    @cached_property
    def call(self) -> CallResource[M]:
        """Start calls, and read them: active (RTCM) or finished (history)."""
        from .resources.call import CallResource

        return CallResource(self._runner)

    @cached_property
    def contacts(self) -> ContactsResource[M]:
        """Manage, import and export contacts."""
        from .contacts.resource import ContactsResource

        return ContactsResource(self._runner)

    @cached_property
    def history(self) -> HistoryResource[M]:
        """Read and change the call, fax, SMS and voicemail history."""
        from .resources.history import HistoryResource

        return HistoryResource(self._runner)

    @cached_property
    def numbers(self) -> NumbersResource[M]:
        """The phone numbers of the account."""
        from .resources.numbers import NumbersResource

        return NumbersResource(self._runner)

    @cached_property
    def rtcm(self) -> RTCMResource[M]:
        """Real-time call manipulation of established calls."""
        from .resources.rtcm import RTCMResource

        return RTCMResource(self._runner)

    @cached_property
    def voicemails(self) -> VoicemailsResource[M]:
        """The voicemail boxes of the account."""
        from .resources.voicemails import VoicemailsResource

        return VoicemailsResource(self._runner)

    @cached_property
    def devices(self) -> DevicesResource[M]:
        """The devices of a web user."""
        from .resources.devices import DevicesResource

        return DevicesResource(self._runner)

    @cached_property
    def webhook_settings(self) -> WebhookSettingsResource[M]:
        """The sipgate.io webhook URLs, whitelist and log setting."""
        from .resources.webhook_settings import WebhookSettingsResource

        return WebhookSettingsResource(self._runner)


class SipgateIO(_BaseClient[SyncMode]):
    """The synchronous sipgate.io client.

    Credentials: ``token_id`` + ``token`` (personal access token), ``token`` alone
    (OAuth access token), ``oauth`` (an OAuth token that renews itself, see
    :mod:`sipgateio.oauth`), ``username`` + ``password`` (legacy basic auth), or nothing
    to read ``SIPGATE_TOKEN_ID``/``SIPGATE_TOKEN`` from the environment.

    Options: ``base_url``, ``timeout`` (seconds or ``httpx.Timeout``; default 30 s,
    10 s to connect), ``max_retries`` (default 2), ``http_client`` (an
    ``httpx.Client`` for proxies, custom transports or limits) and ``concurrency``: how
    many requests bulk work (imports, ``delete_all_*``, note updates) keeps in flight at
    once (default 512, or half the open-files limit where that is lower, see
    :mod:`sipgateio._batch`; the pool has as many connections).
    Bulk work runs as asyncio tasks over the async pool ``AsyncSipgateIO`` uses, in an
    event loop thread the client starts at its first bulk call
    (:mod:`sipgateio._bulk_loop`); with an ``http_client`` its requests go through that
    client from threads. Each bulk call also takes its own ``concurrency=``.

    Use it as a context manager, or call :meth:`close`, to release connections.
    """

    _http: httpx.Client

    _sender: SyncSender

    _bulk: BulkLoop

    def _check_credentials(self, credentials: Credentials) -> None:
        if credentials.session is not None:  # an OAuthSession: its on_token is called, not awaited
            from .oauth import refuse_async_hook

            refuse_async_hook(credentials.session)

    def _new_http_client(
        self, http: httpx.Client | None, **settings: Any
    ) -> tuple[httpx.Client, SyncSender]:
        return sync_facade_client(http, **settings)

    def _http_client_type(self) -> type[httpx.Client]:
        return httpx.Client

    def _new_runner(self, http: httpx.Client | None, settings: dict[str, Any]) -> SyncRunner:
        from ._bulk_loop import BulkLoop

        runner = SyncRunner(self._sender, self.base_url)
        # Bulk work runs on the async machinery in a thread of its own (see _bulk_loop),
        # over an async pool like AsyncSipgateIO's, or through ``http`` from threads.
        if self._credentials.session is not None:  # renewed there as in single calls
            from .oauth import sync_client_auth

            settings = {**settings, "auth": sync_client_auth(settings["auth"])}
        connect = (
            None if http is not None else functools.partial(async_facade_client, None, **settings)
        )
        runner.bulk = self._bulk = BulkLoop(connect)
        weakref.finalize(self, self._bulk.close)  # a client never closed: at exit
        return runner

    def close(self) -> None:
        """Close the connection pools (not a user-supplied ``http_client``)."""
        self._http.close()
        self._bulk.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncSipgateIO(_BaseClient[AsyncMode]):
    """The asynchronous sipgate.io client: the surface of :class:`SipgateIO`, awaitable.

    Takes the same arguments; ``http_client`` is an ``httpx.AsyncClient``. Use it as
    ``async with AsyncSipgateIO(...) as client:`` or call :meth:`aclose`.
    """

    _http: httpx.AsyncClient

    _sender: AsyncSender

    def _new_http_client(
        self, http: httpx.AsyncClient | None, **settings: Any
    ) -> tuple[httpx.AsyncClient, AsyncSender]:
        return async_facade_client(http, **settings)

    def _http_client_type(self) -> type[httpx.AsyncClient]:
        return httpx.AsyncClient

    def _new_runner(self, http: httpx.AsyncClient | None, settings: dict[str, Any]) -> AsyncRunner:
        return AsyncRunner(self._sender, self.base_url)

    async def aclose(self) -> None:
        """Close the connection pool (not a user-supplied ``http_client``)."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
