"""The :class:`Sandbox`: a stateful local sipgate API on 127.0.0.1, in a background thread.

It is a plain WSGI app (Falcon) on the standard library's threading HTTP server
(:mod:`.serving`): no dependency beyond the library's own, it binds in milliseconds,
and each request gets its own thread, so a webhook called by a simulated call may call
the sandbox back.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import string
import threading
import time
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..errors import SipgateIOError, ValidationError
from .api import ApiError, Identity, SandboxAPI, basic_credentials, bearer_token
from .calls import Calls, SimulatedCall
from .clock import Clock, iso, parse_iso
from .serving import BackgroundServer
from .store import Store

if TYPE_CHECKING:
    from types import TracebackType
    from typing import Self

    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

__all__ = ["Sandbox", "SimulatedCall"]


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class Sandbox:
    """A local, stateful sipgate API with a seeded account.

    Args:
        db: ``":memory:"`` (the default) or the path of an SQLite file; a file keeps the
            account, credentials and signing key across restarts.
        host: the address to listen on (127.0.0.1 by default: the sandbox has fixed
            credentials of its own and is meant for this machine only).
        port: the port; 0 picks a free one.
        start_time: freeze the sandbox clock at this aware datetime; it then moves only
            with :meth:`advance` (tests). Without it the clock is the real one, shifted
            by every :meth:`advance`.
        check_responses: check every answer against the spec and collect the problems in
            :attr:`response_problems` (the test suite turns this on).

    Use it as a context manager, or call :meth:`start` and :meth:`stop`. While it runs,
    point a client at it::

        SipgateIO(base_url=sb.base_url, token_id=sb.token_id, token=sb.token)

    """

    def __init__(
        self,
        db: str = ":memory:",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        start_time: datetime | None = None,
        check_responses: bool = False,
    ) -> None:
        self.clock = Clock(start_time)
        self.store = Store(db)
        self.host = host
        self.port = port
        self._check_responses = check_responses
        self._server: BackgroundServer | None = None
        self._jobs_lock = threading.Lock()
        self._key_lock = threading.Lock()
        self._stop_lock = threading.Lock()
        self._stopped = False
        self.calls = Calls(self)
        """The calls the sandbox set up (:class:`~sipgateio.sandbox.calls.Calls`)."""
        from .seed import seed

        if not self.store.seeded:
            seed(self.store, self.clock.now())
            self.store.set_kv("credentials", self._new_credentials())
        self._credentials: dict[str, Any] = self.store.get_kv("credentials")
        self._private_key: RSAPrivateKey | None = None
        self.api: SandboxAPI | None = None

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> Self:
        """Start serving (returns once the port is bound); :attr:`base_url` is then set."""
        if self._server is not None:
            return self
        if self._stopped:
            raise SipgateIOError(
                "a stopped sandbox cannot start again: make a new one (a file db keeps the state)"
            )
        from .spec import load_spec

        self.api = SandboxAPI(self, load_spec(), check_responses=self._check_responses)
        self._server = BackgroundServer(self.api.wsgi, self.host, self.port).start()
        self.port = self._server.port
        return self

    def stop(self) -> None:
        """Hang up the calls still up (each ends in the history), stop serving, close the db."""
        with self._stop_lock:
            if self._stopped:
                return
            self._stopped = True
        self.calls.hang_up_all()
        self.calls.close()
        server, self._server = self._server, None
        if server is not None:
            server.stop()
        self.store.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def serve_forever(self) -> None:
        """Start (if needed) and block until interrupted (Ctrl+C), then stop."""
        server = self.start()._server
        try:
            if server is not None:
                server.wait()
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    @property
    def base_url(self) -> str:
        """Where the API is: ``http://127.0.0.1:PORT/v2``, the client's ``base_url``."""
        return f"http://{self.host}:{self.port}/v2"

    # -- credentials -------------------------------------------------------------------
    def _new_credentials(self) -> dict[str, Any]:
        from .seed import ADA

        secret = secrets.token_hex(32)
        return {
            "tokens": [self._personal_token(ADA)],
            "oauth": [self._oauth_token(ADA, secret, ("all",))],
            "jwt_secret": secret,
            "password": secrets.token_urlsafe(12),
            "private_key": None,  # made when first needed: key generation takes a while
        }

    @staticmethod
    def _personal_token(user: str) -> dict[str, str]:
        alphabet = string.ascii_uppercase + string.digits
        token_id = "token-" + "".join(secrets.choice(alphabet) for _ in range(6))
        return {"id": token_id, "token": str(uuid.uuid4()), "user": user}

    @staticmethod
    def _oauth_token(user: str, secret: str, scopes: Sequence[str]) -> dict[str, Any]:
        now = int(time.time())
        header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        payload = _b64url(
            json.dumps(
                {
                    "sub": user,
                    "iss": "sipgateio-sandbox",
                    "scope": " ".join(scopes),
                    "iat": now,
                    "exp": now + 365 * 86400,
                    "jti": secrets.token_hex(8),
                }
            ).encode()
        )
        signature = _b64url(
            hmac.new(bytes.fromhex(secret), f"{header}.{payload}".encode(), hashlib.sha256).digest()
        )
        return {"token": f"{header}.{payload}.{signature}", "user": user, "scopes": list(scopes)}

    @property
    def token_id(self) -> str:
        """The id of the sandbox's personal access token (``token-XXXXXX``), Ada's (w0)."""
        return str(self._credentials["tokens"][0]["id"])

    @property
    def token(self) -> str:
        """The secret of the sandbox's personal access token (a UUID)."""
        return str(self._credentials["tokens"][0]["token"])

    @property
    def oauth_token(self) -> str:
        """An OAuth access token (a JWT) for Ada (w0), for ``SipgateIO(token=...)``."""
        return str(self._credentials["oauth"][0]["token"])

    @property
    def username(self) -> str:
        """Ada's e-mail address: legacy basic authentication with :attr:`password`."""
        from .seed import ADA

        user = self.store.get("user", ADA)
        return str(user["email"]) if user else ""

    @property
    def password(self) -> str:
        """The password of every web user of the sandbox (legacy basic authentication)."""
        return str(self._credentials["password"])

    def issue_token(self, user_id: str) -> tuple[str, str]:
        """A new personal access token for web user ``user_id``: ``(token_id, token)``."""
        if self.store.get("user", user_id) is None:
            raise ValidationError(f"there is no web user {user_id!r}", field="user_id")
        token = self._personal_token(user_id)
        self._credentials["tokens"].append(token)
        self.store.set_kv("credentials", self._credentials)
        return token["id"], token["token"]

    def issue_oauth_token(self, user_id: str = "w0", scopes: Sequence[str] = ("all",)) -> str:
        """A new OAuth access token (a JWT) for ``user_id`` with ``scopes``.

        An operation whose spec entry names OAuth scopes answers 403 to a token with none
        of them (``all`` grants every scope), as sipgate does.
        """
        if self.store.get("user", user_id) is None:
            raise ValidationError(f"there is no web user {user_id!r}", field="user_id")
        if isinstance(scopes, str) or not scopes or not all(isinstance(s, str) for s in scopes):
            raise ValidationError("scopes must be a non-empty list of strings", field="scopes")
        secret = self._credentials.setdefault("jwt_secret", secrets.token_hex(32))
        token = self._oauth_token(user_id, secret, tuple(scopes))
        self._credentials["oauth"].append(token)
        self.store.set_kv("credentials", self._credentials)
        return str(token["token"])

    def authenticate(self, authorization: str | None) -> Identity | None:
        """Who an Authorization header belongs to, or None if it is no good."""
        if not authorization:
            return None
        user: str | None = None
        scopes: frozenset[str] | None = None
        basic = basic_credentials(authorization)
        if basic is not None:
            name, password = basic
            for token in self._credentials["tokens"]:
                if hmac.compare_digest(token["id"], name) and hmac.compare_digest(
                    token["token"], password
                ):
                    user = token["user"]
            if user is None and hmac.compare_digest(password, self.password):
                user = next((u["id"] for u in self.store.all("user") if u["email"] == name), None)
        else:
            bearer = bearer_token(authorization)
            for token in self._credentials["oauth"] if bearer else ():
                if hmac.compare_digest(token["token"], bearer or ""):
                    user, scopes = token["user"], frozenset(token.get("scopes", ("all",)))
        if user is None:
            return None
        doc = self.store.get("user", user)
        return Identity(user, bool(doc.get("admin")), scopes) if doc else None

    @property
    def private_key(self) -> RSAPrivateKey:
        """The RSA key the sandbox signs its pushes with."""
        with self._key_lock:
            return self._load_private_key()

    def _load_private_key(self) -> RSAPrivateKey:
        if self._private_key is None:
            from cryptography.hazmat.primitives import serialization

            from .push import generate_private_key, load_private_key

            pem = self._credentials.get("private_key")
            if pem is None:
                pem = (
                    generate_private_key()
                    .private_bytes(
                        serialization.Encoding.PEM,
                        serialization.PrivateFormat.PKCS8,
                        serialization.NoEncryption(),
                    )
                    .decode("ascii")
                )
                self._credentials["private_key"] = pem
                self.store.set_kv("credentials", self._credentials)
            self._private_key = load_private_key(pem)
        return self._private_key

    @property
    def public_key_pem(self) -> str:
        """The public key of the push signatures: ``create_webhook_app(public_key=...)``."""
        from .push import public_key_pem

        return public_key_pem(self.private_key)

    # -- calls -------------------------------------------------------------------------
    def simulate_incoming_call(
        self,
        *,
        from_: str,
        to: str,
        dtmf: str | Sequence[str] = (),
        pick_up: bool = True,
        diversion: str | None = None,
    ) -> SimulatedCall:
        """Someone calls the account's number ``to`` from ``from_``.

        With an incoming webhook URL set (``PUT /settings/sipgateio``, the whitelist
        permitting), the newCall push goes there, signed with :attr:`private_key`, and
        its answer is obeyed: ``Dial`` connects the call (answer and hangup pushes where
        ``onAnswer``/``onHangup`` subscribe), ``Voicemail``, ``Reject``, ``Play``,
        ``Gather`` (a dtmf push to ``onData`` with the digits of ``dtmf``: a string for the
        first Gather, a sequence for several) and ``Hangup``. Without a URL the call is
        delivered to the users of the number. A call someone picks up (``pick_up``) stays
        *established*, listed by ``GET /calls``, until RTCM or
        :meth:`SimulatedCall.hang_up` ends it; every call ends in the history.
        """
        return self.calls.incoming(
            from_=from_,
            to=to,
            dtmf=dtmf if isinstance(dtmf, str) else tuple(dtmf),
            pick_up=pick_up,
            diversion=diversion,
        )

    # -- money and time ----------------------------------------------------------------
    def charge(self, amount: int) -> None:
        """Take ``amount`` (1/10000 EUR) from the balance, or answer 402 if it is short."""
        with self.store.transaction():
            balance = self.store.get_kv("balance")
            if balance["amount"] < amount:
                raise ApiError(402, "the account's balance is too low for this")
            self.store.set_kv("balance", {**balance, "amount": balance["amount"] - amount})

    def set_balance(self, amount: int) -> None:
        """Set the credit (1/10000 EUR: 35000 is 3.50 EUR), e.g. 0 to see 402 answers."""
        balance = self.store.get_kv("balance")
        self.store.set_kv("balance", {**balance, "amount": int(amount)})

    def advance(self, delta: timedelta | float) -> datetime:
        """Move the sandbox clock forward and do what has become due; returns the new time.

        ``delta`` is a timedelta or seconds. Scheduled SMS are delivered and faxes
        progress as if that much time had passed.
        """
        if not isinstance(delta, timedelta):
            delta = timedelta(seconds=float(delta))
        now = self.clock.advance(delta)
        self.run_due_jobs()
        return now

    def run_due_jobs(self) -> None:
        """Deliver scheduled SMS and move faxes on, up to the sandbox's present."""
        from .handlers import messaging

        with self._jobs_lock:
            for due, kind, data in self.store.take_due_jobs(iso(self.clock.now())):
                messaging.run_job(self.store, kind, data, parse_iso(due))

    @property
    def response_problems(self) -> list[str]:
        """Answers that did not match the spec (with ``check_responses=True``)."""
        return [] if self.api is None else list(self.api.response_problems)

    def __repr__(self) -> str:
        state = "running" if self._server is not None else "stopped"
        return f"<Sandbox {self.base_url} {state} db={self.store.path!r}>"
