"""The push protocol as a Falcon app: one handler registry, served over WSGI and ASGI.

:func:`create_webhook_app` returns a :class:`WebhookApp`: register handlers on it, then
serve ``app.wsgi`` (a ``falcon.App``) or ``app.asgi`` (a ``falcon.asgi.App``) with any
server. Both run the same request pipeline, :meth:`WebhookApp._pipeline`: a generator
that calls the handler and yields the steps needing I/O (read the body, finish a coroutine
handler, check an audio file, schedule an RTCM call) and finally a :class:`Reply`. The
WSGI and ASGI responders only differ in how they carry out those steps (:class:`_Step`'s
``sync`` / ``asgi``).

Answers, in the order the checks run:

======  =====================================================================
status  when
======  =====================================================================
405     not a POST (Falcon's routing)
415     the body is not ``application/x-www-form-urlencoded``
413     the body is larger than ``max_body_size`` (Content-Length checked first)
403     origin check on and the sender is not sipgate; signature missing or wrong
400     malformed form, unknown event, missing or invalid field
500     the handler raised, or answered something the push protocol forbids
        (logged with the traceback; the body says only "handler failed")
200     an XML answer for sipgate (``Content-Type: application/xml``)
204     nothing to say: no handler for the event, a handler that returned ``None``
        without follow-ups to subscribe to, and every answer/hangup event (sipgate
        discards replies to those)
======  =====================================================================

The app keeps no state between requests except caches (the parsed public key, checked
audio files): it can run in any number of worker processes and machines.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import logging
import threading
from collections.abc import Awaitable, Callable, Coroutine, Generator, Iterable
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, Unpack, cast

import falcon

from ..errors import ValidationError
from .audio import AudioChecker, AudioInfo
from .events import (
    DataEvent,
    Direction,
    EventType,
    NewCallEvent,
    event_from_form,
)
from .form import FormError, parse_form
from .responses import (
    MAX_DIAL_TARGETS_INCOMING,
    Action,
    FollowUp,
    PlayAudio,
    absolute_url,
    escape_attribute,
    render,
    response_head,
)
from .scheduling import LoopScheduler, ThreadScheduler
from .security import SIGNATURE_HEADER, SIPGATE_IPS, OriginCheck, SignatureVerifier

if TYPE_CHECKING:
    import falcon.asgi

__all__ = ["AppOptions", "Reply", "WebhookApp", "WebhookOptions", "create_webhook_app"]

logger = logging.getLogger("sipgateio.webhook")

DEFAULT_MAX_BODY_SIZE = 65536
FORM = "application/x-www-form-urlencoded"
XML = "application/xml"
TEXT = "text/plain; charset=utf-8"

H = TypeVar("H", bound=Callable[..., Any])


class Reply:
    """What the app answers: an HTTP status, a body and its content type."""

    __slots__ = ("body", "content_type", "status")

    def __init__(self, status: int, body: bytes = b"", content_type: str | None = None) -> None:
        self.status = status
        self.body = body
        self.content_type = content_type


def _text(status: int, message: str) -> Reply:
    return Reply(status, message.encode(), TEXT)


_NO_CONTENT = Reply(204)
_UNSUPPORTED = _text(415, f"the body must be {FORM}")
_FORBIDDEN_ORIGIN = _text(403, "pushes are accepted from sipgate's addresses only")
_FORBIDDEN_SIGNATURE = _text(403, f"the {SIGNATURE_HEADER} header is missing or does not match")
_HANDLER_FAILED = _text(500, "handler failed")


class _HandlerFailed:
    """A handler's exception, carried back from the step that called it."""

    __slots__ = ("exc",)

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


_thread_loops = threading.local()


def _run_coroutine_in_thread(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run ``coroutine`` on this thread's own event loop (a coroutine handler under WSGI)."""
    loop: asyncio.AbstractEventLoop | None = getattr(_thread_loops, "loop", None)
    if loop is None or loop.is_closed():
        loop = _thread_loops.loop = asyncio.new_event_loop()
    return loop.run_until_complete(coroutine)


def _awaitable(result: object) -> bool:
    # Most handlers return an action or None: answer those without inspecting them.
    return result is not None and not isinstance(result, Action) and inspect.isawaitable(result)


class _Step:
    """One step of the pipeline that needs I/O, done by the WSGI or the ASGI responder."""

    __slots__ = ()

    def sync(self, req: falcon.Request) -> Any:
        """Carry the step out in a WSGI worker thread."""
        raise NotImplementedError

    async def asgi(self, req: falcon.asgi.Request) -> Any:
        """Carry the step out on the event loop."""
        raise NotImplementedError


class _ReadBody(_Step):
    """Read at most ``limit`` bytes of the body (one more, to see if it is too large)."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def sync(self, req: falcon.Request) -> bytes:
        if req.content_length is not None:
            return req.bounded_stream.read(self.limit + 1)
        if req.env.get("wsgi.input_terminated"):  # a server that delimits chunked bodies
            return req.stream.read(self.limit + 1)
        return b""  # PEP 3333: without a Content-Length there is nothing to read

    async def asgi(self, req: falcon.asgi.Request) -> bytes:
        return await req.stream.read(self.limit + 1)


class _Await(_Step):
    """Finish what a coroutine handler started; its exception is returned, wrapped."""

    __slots__ = ("awaitable",)

    def __init__(self, awaitable: Awaitable[Any]) -> None:
        self.awaitable = awaitable

    def sync(self, req: falcon.Request) -> Any:
        return _run_coroutine_in_thread(_finish(self.awaitable))

    async def asgi(self, req: falcon.asgi.Request) -> Any:
        return await _finish(self.awaitable)


async def _finish(awaitable: Awaitable[Any]) -> Any:
    """The result of a coroutine handler, or its exception wrapped."""
    try:
        return await awaitable
    except Exception as exc:
        return _HandlerFailed(exc)


class _CheckAudio(_Step):
    """Check an announcement URL (header only, cached); a failure is returned, not raised."""

    __slots__ = ("checker", "url")

    def __init__(self, checker: AudioChecker, url: str) -> None:
        self.checker = checker
        self.url = url

    def sync(self, req: falcon.Request) -> AudioInfo | ValidationError:
        try:
            return self.checker.check(self.url)
        except ValidationError as exc:
            return exc

    async def asgi(self, req: falcon.asgi.Request) -> AudioInfo | ValidationError:
        try:
            return await self.checker.acheck(self.url)
        except ValidationError as exc:
            return exc


class _Schedule(_Step):
    """Schedule an RTCM follow-up ``delay_s`` from now: a timer thread, or a loop task."""

    __slots__ = ("delay_s", "follow_up")

    def __init__(self, delay_s: float, follow_up: FollowUp) -> None:
        self.delay_s = delay_s
        self.follow_up = follow_up

    def sync(self, req: falcon.Request) -> None:
        ThreadScheduler().schedule(self.delay_s, self.follow_up)

    async def asgi(self, req: falcon.asgi.Request) -> None:
        LoopScheduler(asyncio.get_running_loop()).schedule(self.delay_s, self.follow_up)


Pipeline = Generator["_Step | Reply", Any, None]


def _is_form(content_type: str | None) -> bool:
    if content_type is None:
        return False
    if content_type == FORM:
        return True
    return content_type.partition(";")[0].strip().lower() == FORM


class WebhookApp:
    """The handler registry and the Falcon apps serving it. Made by :func:`create_webhook_app`.

    Register one handler per event, as a decorator or a call; a later registration
    replaces an earlier one. Handlers may be functions or coroutine functions. Under
    ASGI a plain function runs on the event loop: keep it short, or make it a coroutine.
    """

    def __init__(
        self,
        server_address: str | None = None,
        *,
        skip_signature_verification: bool = False,
        public_key: str | bytes | None = None,
        check_origin: bool = False,
        allowed_origins: Iterable[str] = SIPGATE_IPS,
        trusted_proxies: Iterable[str] = (),
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        check_audio: bool = True,
        audio_checker: AudioChecker | None = None,
    ) -> None:
        self.server_address = (
            None if server_address is None else absolute_url(server_address, "server_address")
        )
        self._on_data = None if server_address is None else escape_attribute(server_address)
        self.skip_signature_verification = skip_signature_verification
        self.verifier = None if skip_signature_verification else SignatureVerifier(public_key)
        if public_key is not None and self.verifier is not None:
            self.verifier.load()  # a key given by hand is checked now, not at the first push
        self.origin_check = OriginCheck(allowed_origins, trusted_proxies) if check_origin else None
        if isinstance(max_body_size, bool) or not isinstance(max_body_size, int):
            raise ValidationError("max_body_size must be an integer", field="max_body_size")
        if max_body_size < 1:
            raise ValidationError("max_body_size must be positive", field="max_body_size")
        self.max_body_size = max_body_size
        self._too_large = _text(413, f"the body is larger than {max_body_size} bytes")
        self._read_body = _ReadBody(max_body_size)
        self.check_audio = check_audio
        self.audio_checker = audio_checker if audio_checker is not None else AudioChecker()
        self._handlers: dict[EventType, Callable[[Any], Any]] = {}
        self._head = response_head(None, None)

    # -- the registry ---------------------------------------------------------------------

    def _register(self, event_type: EventType, handler: H, follow_up: bool) -> H:
        if not callable(handler):
            raise ValidationError(f"a handler must be callable, got {handler!r}", field="handler")
        if follow_up and self.server_address is None:
            raise ValidationError(
                f"a {event_type.value} handler needs server_address: sipgate sends "
                f"{event_type.value} events to the URL the app names in its answers",
                field="server_address",
            )
        self._handlers[event_type] = handler
        answer = self.server_address if EventType.ANSWER in self._handlers else None
        hangup = self.server_address if EventType.HANGUP in self._handlers else None
        self._head = response_head(answer, hangup)
        return handler

    def on_new_call(self, handler: H) -> H:
        """Register the handler of new calls; it may return an :class:`Action` for the call."""
        return self._register(EventType.NEW_CALL, handler, follow_up=False)

    def on_answer(self, handler: H) -> H:
        """Register the handler of answered calls (subscribes every new call to ``onAnswer``)."""
        return self._register(EventType.ANSWER, handler, follow_up=True)

    def on_hangup(self, handler: H) -> H:
        """Register the handler of ended calls (subscribes every new call to ``onHangup``)."""
        return self._register(EventType.HANGUP, handler, follow_up=True)

    def on_data(self, handler: H) -> H:
        """Register the handler of gathered DTMF digits; it may return an :class:`Action`."""
        return self._register(EventType.DATA, handler, follow_up=True)

    def handler_for(self, event_type: EventType) -> Callable[[Any], Any] | None:
        """The handler registered for ``event_type``, if any."""
        return self._handlers.get(event_type)

    def close(self) -> None:
        """Close the HTTP connections the announcement checks keep open."""
        self.audio_checker.close()

    # -- the pipeline ---------------------------------------------------------------------

    def _pipeline(self, req: falcon.Request | falcon.asgi.Request) -> Pipeline:
        if not _is_form(req.content_type):
            yield _UNSUPPORTED
            return
        length = req.content_length
        if length is not None and length > self.max_body_size:
            yield self._too_large
            return
        if self.origin_check is not None and not self.origin_check.allows(
            req.remote_addr, req.get_header("X-Forwarded-For")
        ):
            logger.warning("webhook: refused a push from %s", req.remote_addr)
            yield _FORBIDDEN_ORIGIN
            return
        body = yield self._read_body
        if len(body) > self.max_body_size:
            yield self._too_large
            return
        if self.verifier is not None and not self.verifier.verify(
            body, req.get_header(SIGNATURE_HEADER)
        ):
            logger.warning("webhook: refused a push with a bad signature from %s", req.remote_addr)
            yield _FORBIDDEN_SIGNATURE
            return
        try:
            event = event_from_form(parse_form(body))
        except FormError as exc:
            yield _text(400, str(exc))
            return
        handler = self._handlers.get(event.event)
        result = None
        if handler is not None:
            # The handler runs here, on the pipeline's own thread (the event loop under
            # ASGI); only a coroutine's result is a step, awaited or run to its end.
            try:
                result = handler(event)
            except Exception as exc:
                result = _HandlerFailed(exc)
            else:
                if _awaitable(result):
                    result = yield _Await(result)
            if type(result) is _HandlerFailed:
                logger.error(
                    "webhook: the %s handler raised", event.event.value, exc_info=result.exc
                )
                yield _HANDLER_FAILED
                return
        if event.event is EventType.NEW_CALL or event.event is EventType.DATA:
            yield from self._answer(cast(NewCallEvent | DataEvent, event), result)
        else:
            yield _NO_CONTENT  # sipgate discards the replies to answer and hangup events

    def _answer(self, event: NewCallEvent | DataEvent, result: object) -> Pipeline:
        if result is None:
            subscribes = EventType.ANSWER in self._handlers or EventType.HANGUP in self._handlers
            yield Reply(200, render(None, self._head, None), XML) if subscribes else _NO_CONTENT
            return
        try:
            self._check_answer(event, result)
            action = cast(Action, result)
            body = render(action, self._head, self._on_data)
            follow_up = action.follow_up if isinstance(action, PlayAudio) else None
            if self.check_audio or follow_up is not None:
                for url in action.announcements:
                    info = yield _CheckAudio(self.audio_checker, url)
                    if isinstance(info, ValidationError):
                        raise info
                    if follow_up is not None:
                        yield _Schedule(self._delay(info, follow_up), follow_up)
        except ValidationError as exc:
            logger.error("webhook: the %s handler's answer is invalid: %s", event.event.value, exc)
            yield _HANDLER_FAILED
            return
        yield Reply(200, body, XML)

    @staticmethod
    def _delay(info: AudioInfo, follow_up: FollowUp) -> float:
        if info.duration_s is None:
            raise ValidationError(
                f"cannot tell how long {info.url} plays: its data chunk has no size",
                field="announcement",
            )
        return info.duration_s + follow_up.extra_ms / 1000

    def _check_answer(self, event: NewCallEvent | DataEvent, result: object) -> None:
        if not isinstance(result, Action):
            raise ValidationError(
                f"a handler must return a WebhookResponse action or None, got {result!r}"
            )
        # A dtmf push does not say the call's direction: the stricter limit applies.
        incoming = isinstance(event, DataEvent) or event.direction is Direction.IN
        if incoming and result.dial_targets > MAX_DIAL_TARGETS_INCOMING:
            raise ValidationError(
                f"an incoming call can be redirected to at most {MAX_DIAL_TARGETS_INCOMING} "
                f"numbers, the answer names {result.dial_targets}",
                field="numbers",
            )

    # -- the Falcon apps --------------------------------------------------------------------

    def _on_post_wsgi(self, req: falcon.Request, resp: falcon.Response, **_: Any) -> None:
        steps = self._pipeline(req)
        step = next(steps)
        while not isinstance(step, Reply):
            step = steps.send(step.sync(req))
        _apply(step, resp)

    async def _on_post_asgi(
        self, req: falcon.asgi.Request, resp: falcon.asgi.Response, **_: Any
    ) -> None:
        steps = self._pipeline(req)
        step = next(steps)
        while not isinstance(step, Reply):
            step = steps.send(await step.asgi(req))
        _apply(step, resp)

    @functools.cached_property
    def wsgi(self) -> falcon.App[falcon.Request, falcon.Response]:
        """The WSGI app (``falcon.App``): POST pushes to any path."""
        return _configure(falcon.App(), _Resource(self._on_post_wsgi))

    @functools.cached_property
    def asgi(self) -> falcon.asgi.App[falcon.asgi.Request, falcon.asgi.Response]:
        """The ASGI app (``falcon.asgi.App``): POST pushes to any path."""
        import falcon.asgi

        return _configure(falcon.asgi.App(), _Resource(self._on_post_asgi))


class _Resource:
    """The one Falcon resource, routed at every path."""

    def __init__(self, on_post: Callable[..., Any]) -> None:
        self.on_post = on_post


A = TypeVar("A", "falcon.App[Any, Any]", "falcon.asgi.App[Any, Any]")


def _configure(app: A, resource: _Resource) -> A:
    app.add_route("/", resource)
    app.add_route("/{_path:path}", resource)
    app.set_error_serializer(_serialize_error)
    return app


def _serialize_error(req: Any, resp: Any, exc: falcon.HTTPError) -> None:
    resp.content_type = TEXT
    resp.text = exc.title if exc.description is None else f"{exc.title}: {exc.description}"


def _apply(reply: Reply, resp: falcon.Response | falcon.asgi.Response) -> None:
    resp.status = reply.status
    if reply.body:
        resp.data = reply.body
    if reply.content_type is not None:
        resp.content_type = reply.content_type


class AppOptions(TypedDict, total=False):
    """The keyword arguments of :func:`create_webhook_app` a ``WebhookServer`` passes on."""

    public_key: str | bytes | None
    check_origin: bool
    allowed_origins: Iterable[str]
    trusted_proxies: Iterable[str]
    max_body_size: int
    check_audio: bool
    audio_checker: AudioChecker | None


class WebhookOptions(AppOptions, total=False):
    """The keyword arguments of :func:`create_webhook_app` besides ``server_address``."""

    skip_signature_verification: bool


def create_webhook_app(
    server_address: str | None = None, **options: Unpack[WebhookOptions]
) -> WebhookApp:
    """Create the webhook app: register handlers on it, serve ``.wsgi`` or ``.asgi``.

    Args:
        server_address: the public URL sipgate reaches this app at; the answers name it
            for follow-up events (``onAnswer``, ``onHangup``, ``onData``), so it is
            required for answer, hang-up and DTMF handlers and for ``gather_dtmf``.
        **options: the keyword arguments below.

    Keyword Args:
        skip_signature_verification: accept unsigned pushes (tests, local experiments).
        public_key: PEM of the key pushes are signed with; sipgate's by default.
        check_origin: accept pushes only from ``allowed_origins``.
        allowed_origins: the addresses or networks pushes come from; sipgate's by default.
        trusted_proxies: proxies (addresses, networks) whose ``X-Forwarded-For`` counts.
        max_body_size: larger bodies are answered 413 (default 64 KiB).
        check_audio: check announcements are WAV files sipgate plays (header only, cached);
            ``play_audio_and_*`` always read the header, for the playing time.
        audio_checker: share one :class:`AudioChecker` (and its cache) between apps.

    """
    return WebhookApp(server_address, **options)
