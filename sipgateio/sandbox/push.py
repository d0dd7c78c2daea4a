"""The push engine: play sipgate's side of the push protocol against any webhook.

sipgate tells a webhook about a call with signed form posts (``newCall``, then
``answer``, ``hangup`` and ``dtmf`` where the webhook's XML answers subscribed to them)
and steers the call by those answers. :class:`CallSimulation` does the same from here:

    sim = CallSimulation("http://127.0.0.1:8080/", private_key=key,
                         from_="+4921100000", to="+4915799912345", dtmf="1")
    sim.start()          # newCall, then whatever the answers ask for (Gather -> dtmf push)
    sim.state            # CallState.ESTABLISHED, ENDED...
    sim.hang_up()        # the hangup push, if the webhook subscribed to it
    for exchange in sim.transcript: ...

The building blocks are public too: :func:`form_body` (the exact body, ``user[]`` and
all), :func:`sign_body` (``X-Sipgate-Signature``), :func:`parse_answer` (the XML
answer as :class:`Answer` with its actions) and :func:`simulate_call` (one call from
ring to hangup). The sandbox drives its simulated calls with this module, and the
``sipgateio webhook simulate`` command prints the transcript.

A webhook that fails (no connection, an error status, an answer that is not the XML of
the push protocol) does not stop the call: like sipgate, the engine then lets the call
proceed as if nothing had been answered, and the transcript records what went wrong.
"""

from __future__ import annotations

import base64
import enum
import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote_plus
from xml.etree import ElementTree

import attrs

from ..errors import ValidationError

if TYPE_CHECKING:
    import httpx
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

__all__ = [
    "Answer",
    "AnswerError",
    "CallSimulation",
    "CallState",
    "Dial",
    "Gather",
    "Hangup",
    "Play",
    "PushExchange",
    "Reject",
    "form_body",
    "generate_private_key",
    "load_private_key",
    "parse_answer",
    "public_key_pem",
    "sign_body",
    "simulate_call",
]

SIGNATURE_HEADER = "X-Sipgate-Signature"
FORM = "application/x-www-form-urlencoded"
DEFAULT_TIMEOUT = 10.0
"""Seconds a webhook has to answer one push."""
MAX_PUSHES = 25
"""Pushes per call at most: a webhook answering every Gather with another Gather stops here."""

FormFields = Sequence[tuple[str, str]]


# -------------------------------------------------------------------- keys and bodies
def generate_private_key(bits: int = 2048) -> RSAPrivateKey:
    """A new RSA key to sign pushes with (the sandbox makes one when it starts)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def load_private_key(pem: str | bytes) -> RSAPrivateKey:
    """An RSA private key from unencrypted PEM, or :class:`ValidationError`."""
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    data = pem.encode("ascii") if isinstance(pem, str) else pem
    try:
        key = load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            f"private_key is not an unencrypted PEM private key: {exc}", field="private_key"
        ) from None
    if not isinstance(key, RSAPrivateKey):
        raise ValidationError("private_key must be an RSA key", field="private_key")
    return key


def public_key_pem(key: RSAPrivateKey) -> str:
    """The PEM of ``key``'s public half: what ``create_webhook_app(public_key=...)`` takes."""
    from cryptography.hazmat.primitives import serialization

    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def form_body(fields: Iterable[tuple[str, str]]) -> bytes:
    """The ``application/x-www-form-urlencoded`` body of a push, fields in the given order.

    Array fields are passed as repeated pairs with their brackets (``("user[]", "Alice")``)
    and are sent as sipgate sends them, ``user%5B%5D=Alice``.
    """
    return "&".join(f"{quote_plus(k)}={quote_plus(v)}" for k, v in fields).encode("ascii")


def sign_body(body: bytes, key: RSAPrivateKey) -> str:
    """``X-Sipgate-Signature`` for ``body``: base64 of its RSA PKCS#1 v1.5 SHA-256 signature."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode("ascii")


# -------------------------------------------------------------------- XML answers
@attrs.frozen
class Dial:
    """``<Dial>``: connect the call to ``numbers`` (up to 5 for incoming calls) or voicemail."""

    numbers: tuple[str, ...] = ()
    voicemail: bool = False
    caller_id: str | None = None
    anonymous: bool | None = None


@attrs.frozen
class Play:
    """``<Play><Url>``: play a sound file, then let the call proceed."""

    url: str


@attrs.frozen
class Gather:
    """``<Gather>``: collect up to ``max_digits`` keys, then push them to ``on_data``."""

    on_data: str
    max_digits: int = 1
    timeout_ms: int = 2000
    play_url: str | None = None


@attrs.frozen
class Reject:
    """``<Reject reason=...>``: ``rejected`` or ``busy``."""

    reason: str = "rejected"


@attrs.frozen
class Hangup:
    """``<Hangup/>``: end the call."""


AnswerAction = Dial | Play | Gather | Reject | Hangup


@attrs.frozen
class Answer:
    """A webhook's XML answer: the follow-up subscriptions and the actions, in order."""

    on_answer: str | None = None
    on_hangup: str | None = None
    actions: tuple[AnswerAction, ...] = ()


class AnswerError(ValueError):
    """The answer is not the XML of the push protocol (the message says where it is not)."""


def _bool_attribute(element: ElementTree.Element, name: str) -> bool | None:
    value = element.get(name)
    if value is None:
        return None
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise AnswerError(f"<{element.tag} {name}=...> must be true or false, got {value!r}")


def _positive_attribute(element: ElementTree.Element, name: str, default: int) -> int:
    value = element.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise AnswerError(f"<{element.tag} {name}=...> must be an integer >= 1, got {value!r}")
    return number


def _play_url(element: ElementTree.Element) -> str:
    url = element.find("Url")
    if url is None or not (url.text or "").strip():
        raise AnswerError("<Play> needs a <Url> with the sound file's address")
    return (url.text or "").strip()


def _action(element: ElementTree.Element) -> AnswerAction:
    tag = element.tag
    if tag == "Dial":
        numbers = tuple((n.text or "").strip() for n in element.findall("Number"))
        voicemail = element.find("Voicemail") is not None
        if not numbers and not voicemail:
            raise AnswerError("<Dial> needs a <Number> or <Voicemail/>")
        if any(not n for n in numbers):
            raise AnswerError("<Dial><Number> must not be empty")
        return Dial(
            numbers, voicemail, element.get("callerId"), _bool_attribute(element, "anonymous")
        )
    if tag == "Play":
        return Play(_play_url(element))
    if tag == "Gather":
        on_data = element.get("onData")
        if not on_data:
            raise AnswerError("<Gather> needs the onData attribute")
        play = element.find("Play")
        return Gather(
            on_data,
            _positive_attribute(element, "maxDigits", 1),
            _positive_attribute(element, "timeout", 2000),
            None if play is None else _play_url(play),
        )
    if tag == "Reject":
        reason = element.get("reason", "rejected")
        if reason not in ("rejected", "busy"):
            raise AnswerError(f"<Reject reason=...> must be rejected or busy, got {reason!r}")
        return Reject(reason)
    if tag == "Hangup":
        return Hangup()
    raise AnswerError(f"unknown action <{tag}>")


def parse_answer(text: str | bytes) -> Answer:
    """Read a webhook's XML answer; :class:`AnswerError` says what is wrong with it.

    An empty answer is an :class:`Answer` without actions: the call proceeds.
    """
    if not text.strip():
        return Answer()
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise AnswerError(f"the answer is not well-formed XML: {exc}") from None
    if root.tag != "Response":
        raise AnswerError(f"the root element must be <Response>, got <{root.tag}>")
    return Answer(
        on_answer=root.get("onAnswer") or None,
        on_hangup=root.get("onHangup") or None,
        actions=tuple(_action(child) for child in root),
    )


# -------------------------------------------------------------------- the transcript
@attrs.frozen
class PushExchange:
    """One push and what came back.

    ``fields`` are the form fields in the order sent, ``body`` the exact bytes signed
    and sent. ``status`` is ``None`` when no HTTP answer came (``error`` says why);
    ``answer`` is the parsed XML of a newCall or dtmf answer, ``None`` for the others
    (sipgate discards those) or when the answer could not be read (``error``).
    """

    event: str
    url: str
    fields: tuple[tuple[str, str], ...]
    body: bytes
    signature: str
    status: int | None = None
    response_text: str = ""
    answer: Answer | None = None
    error: str | None = None

    def describe(self) -> str:
        """One line for people: the event, where it went, what came back."""
        sent = ", ".join(f"{k}={v}" for k, v in self.fields if k != "event")
        if self.status is None:
            outcome = f"no answer ({self.error})"
        else:
            outcome = f"HTTP {self.status}"
            if self.answer is not None and self.answer.actions:
                outcome += ": " + " ".join(type(a).__name__ for a in self.answer.actions)
            if self.error is not None:
                outcome += f" ({self.error})"
        return f"{self.event} -> {self.url} [{sent}] => {outcome}"


class CallState(enum.StrEnum):
    """Where a simulated call stands."""

    RINGING = "ringing"
    """Not started yet, or its newCall push is being answered."""
    ESTABLISHED = "established"
    """Someone picked up (a dialled number, a user of the account)."""
    VOICEMAIL = "voicemail"
    """The call went to voicemail (it then ends with a hangup)."""
    ENDED = "ended"
    """The call is over; ``hangup_cause`` says why."""


def _number(value: str) -> str:
    """A number as pushes carry it: without ``+`` (``anonymous`` stays as it is)."""
    return value[1:] if value.startswith("+") else value


def _new_call_id() -> str:
    return secrets.token_hex(11).upper()


@attrs.define
class CallSimulation:
    """One call as sipgate's push service sees it, driven step by step.

    ``url`` receives the newCall push (the account's incoming or outgoing URL);
    follow-ups go where the answers say. ``dtmf`` scripts the caller's keys: a string
    answers the first ``Gather``, a sequence answers successive ones (each cut to the
    ``Gather``'s ``maxDigits``); a ``Gather`` with nothing scripted left gets a dtmf push
    without digits. ``pick_up`` says whether the callee answers when the call is
    delivered (a ``Dial``, or no instruction); when not, the call ends with ``cancel``.
    ``client`` is an ``httpx.Client`` to push with (one is made and closed otherwise).
    """

    url: str
    private_key: RSAPrivateKey
    from_: str
    to: str
    direction: str = "in"
    call_id: str = attrs.field(factory=_new_call_id)
    users: Sequence[str] = ()
    user_ids: Sequence[str] = ()
    full_user_ids: Sequence[str] = ()
    diversion: str | None = None
    xcid: str | None = attrs.field(factory=lambda: "x" + secrets.token_hex(8))
    """Another call identifier sipgate sends with each push (``None``: left out)."""
    dtmf: str | Sequence[str] = ()
    pick_up: bool = True
    client: httpx.Client | None = None
    timeout: float = DEFAULT_TIMEOUT
    extra_fields: Mapping[str, str] = attrs.field(factory=dict)

    transcript: list[PushExchange] = attrs.field(factory=list, init=False)
    state: CallState = attrs.field(default=CallState.RINGING, init=False)
    on_answer: str | None = attrs.field(default=None, init=False)
    on_hangup: str | None = attrs.field(default=None, init=False)
    answering_number: str | None = attrs.field(default=None, init=False)
    """Who picked up: the first dialled number, or the called one if not redirected."""
    hangup_cause: str | None = attrs.field(default=None, init=False)
    played: list[str] = attrs.field(factory=list, init=False)
    """Sound files the answers asked to play, in order."""
    gathered: list[str] = attrs.field(factory=list, init=False)
    """The digits sent to each Gather's onData, in order."""
    dialled: Dial | None = attrs.field(default=None, init=False)
    """The ``Dial`` that connected the call, if one did."""
    rejected: str | None = attrs.field(default=None, init=False)
    """The ``Reject`` reason, if the webhook rejected the call."""
    _digits: list[str] = attrs.field(factory=list, init=False)
    _own_client: bool = attrs.field(default=False, init=False)

    def __attrs_post_init__(self) -> None:
        scripted = [self.dtmf] if isinstance(self.dtmf, str) else list(self.dtmf)
        self._digits = [d for d in scripted]
        if self.direction not in ("in", "out"):
            raise ValidationError(
                f"direction must be 'in' or 'out', got {self.direction!r}", field="direction"
            )

    # -- the pushes ---------------------------------------------------------------
    def _call_fields(self) -> list[tuple[str, str]]:
        fields = [
            ("from", _number(self.from_)),
            ("to", _number(self.to)),
            ("direction", self.direction),
            ("callId", self.call_id),
            ("origCallId", self.call_id),
        ]
        if self.xcid is not None:
            fields.append(("xcid", self.xcid))
        if self.diversion is not None:
            fields.append(("diversion", _number(self.diversion)))
        return fields

    def _http(self) -> httpx.Client:
        if self.client is None:
            import httpx

            self.client = httpx.Client(timeout=self.timeout)
            self._own_client = True
        return self.client

    def close(self) -> None:
        """Close the HTTP client this simulation made (not one it was given)."""
        if self._own_client and self.client is not None:
            self.client.close()
            self.client = None
            self._own_client = False

    def push(self, event: str, url: str, fields: FormFields) -> PushExchange:
        """Sign and post one push to ``url``, record it in the transcript and return it."""
        body = form_body(fields)
        signature = sign_body(body, self.private_key)
        exchange = PushExchange(event, url, tuple(fields), body, signature)
        if len(self.transcript) >= MAX_PUSHES:
            exchange = attrs.evolve(
                exchange, error=f"not sent: a call gets at most {MAX_PUSHES} pushes"
            )
            self.transcript.append(exchange)
            return exchange
        import httpx

        try:
            response = self._http().post(
                url,
                content=body,
                headers={"Content-Type": FORM, SIGNATURE_HEADER: signature},
                timeout=self.timeout,
            )
        except httpx.HTTPError as exc:
            exchange = attrs.evolve(exchange, error=f"{type(exc).__name__}: {exc}")
        else:
            exchange = attrs.evolve(
                exchange, status=response.status_code, response_text=response.text
            )
            if event in ("newCall", "dtmf"):
                exchange = self._read_answer(exchange)
        self.transcript.append(exchange)
        return exchange

    @staticmethod
    def _read_answer(exchange: PushExchange) -> PushExchange:
        status = exchange.status or 0
        if status == 204:
            return attrs.evolve(exchange, answer=Answer())
        if not 200 <= status < 300:
            return attrs.evolve(exchange, error=f"the webhook answered HTTP {status}")
        try:
            return attrs.evolve(exchange, answer=parse_answer(exchange.response_text))
        except AnswerError as exc:
            return attrs.evolve(exchange, error=str(exc))

    # -- following the answers ------------------------------------------------------
    def start(self) -> CallSimulation:
        """Push newCall and follow the answers until the call is established or over."""
        if self.state is not CallState.RINGING or self.transcript:
            raise ValidationError("this call has already started", field="call")
        fields = [("event", "newCall"), *self._call_fields()]
        fields += [("user[]", u) for u in self.users]
        fields += [("userId[]", u) for u in self.user_ids]
        fields += [("fullUserId[]", u) for u in self.full_user_ids]
        fields += list(self.extra_fields.items())
        self._follow(self.push("newCall", self.url, fields).answer)
        return self

    def _follow(self, answer: Answer | None) -> None:
        while True:
            if answer is None:
                answer = Answer()
            self.on_answer = answer.on_answer or self.on_answer
            self.on_hangup = answer.on_hangup or self.on_hangup
            next_answer: Answer | None = None
            for action in answer.actions:
                if isinstance(action, Play):
                    self.played.append(action.url)
                    continue
                if isinstance(action, Gather):
                    if action.play_url is not None:
                        self.played.append(action.play_url)
                    next_answer = self._gather(action)
                    break
                self._finish(action)
                return
            else:
                self._deliver(self.to, user=True)
                return
            answer = next_answer  # None (the dtmf push failed): the call proceeds

    def _gather(self, gather: Gather) -> Answer | None:
        digits = self._digits.pop(0)[: gather.max_digits] if self._digits else ""
        self.gathered.append(digits)
        fields = [("event", "dtmf"), ("callId", self.call_id), ("origCallId", self.call_id)]
        if digits:
            fields.append(("dtmf", digits))
        exchange = self.push("dtmf", gather.on_data, fields)
        return exchange.answer

    def _finish(self, action: AnswerAction) -> None:
        if isinstance(action, Dial):
            self.dialled = action
            if action.voicemail and not action.numbers:
                # the voicemail box takes the message; nobody answers, so no answer push
                self.state = CallState.VOICEMAIL
                return
            self._deliver(action.numbers[0], user=False)
        elif isinstance(action, Reject):
            self.rejected = action.reason
            self.end("busy" if action.reason == "busy" else "noAnswer")
        else:  # Hangup
            self.end("normalClearing")

    def _deliver(self, number: str, *, user: bool) -> None:
        if not self.pick_up:
            self.end("cancel")
            return
        self.state = CallState.ESTABLISHED
        self.answering_number = number
        self._answered(users=user)

    def _answered(self, *, users: bool) -> None:
        if self.on_answer is None:
            return
        fields = [("event", "answer"), *self._call_fields()]
        if users and self.direction == "in":
            # the user who picked up; the protocol names one, not an array
            for name, values in (
                ("user", self.users),
                ("userId", self.user_ids),
                ("fullUserId", self.full_user_ids),
            ):
                if values:
                    fields.append((name, values[0]))
        if self.answering_number is not None:
            fields.append(("answeringNumber", _number(self.answering_number)))
        self.push("answer", self.on_answer, fields)

    def hang_up(self, cause: str = "normalClearing") -> None:
        """End the call (someone hung up); pushes hangup if the webhook subscribed."""
        if self.state is CallState.ENDED:
            return
        self.end(cause)

    def end(self, cause: str) -> None:
        """Mark the call over with ``cause`` and push the hangup event where subscribed."""
        self.state = CallState.ENDED
        self.hangup_cause = cause
        if self.on_hangup is None:
            return
        fields = [("event", "hangup"), ("cause", cause), *self._call_fields()]
        if self.answering_number is not None:
            fields.append(("answeringNumber", _number(self.answering_number)))
        self.push("hangup", self.on_hangup, fields)


def simulate_call(
    url: str,
    *,
    private_key: RSAPrivateKey,
    from_: str,
    to: str,
    direction: str = "in",
    users: Sequence[str] = (),
    user_ids: Sequence[str] = (),
    full_user_ids: Sequence[str] = (),
    dtmf: str | Sequence[str] = (),
    pick_up: bool = True,
    diversion: str | None = None,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> CallSimulation:
    """One whole call: newCall, the follow-ups its answers ask for, then the hang-up.

    An established call ends with ``normalClearing`` right away. Returns the finished
    :class:`CallSimulation`; its ``transcript`` lists every push and answer.
    """
    sim = CallSimulation(
        url,
        private_key,
        from_,
        to,
        direction,
        users=users,
        user_ids=user_ids,
        full_user_ids=full_user_ids,
        dtmf=dtmf,
        pick_up=pick_up,
        diversion=diversion,
        client=client,
        timeout=timeout,
    )
    try:
        sim.start()
        if sim.state is not CallState.ENDED:
            sim.hang_up("normalClearing")
    finally:
        sim.close()
    return sim
