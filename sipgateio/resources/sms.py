"""SMS: send now or later, from an SMS extension or from a verified sender number."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import attrs

from .._ops import Fetch, M, Op, Resource, fetch, operation
from .._read import listed, needed, present
from .._validation import extension_id, non_empty, phone_number, same_number
from ..errors import SipgateIOError, ValidationError
from ..raw.api.sessions import send_web_sms
from ..raw.api.sms import edit_caller_id, get_sms_caller_ids, get_sms_extensions
from ..raw.models import SendWebSmsRequest, SetSmsCallerIdRequest
from ..raw.types import UNSET
from .users import authenticated_webuser_id

if TYPE_CHECKING:
    from ..raw.models import SmsCallerIdsResponse

__all__ = ["MAX_SCHEDULE_AHEAD", "SmsExtension", "SmsResource"]

logger = logging.getLogger("sipgateio")

MAX_SCHEDULE_AHEAD = timedelta(days=30)
"""How far ahead a message can be scheduled (``send_at``)."""


@attrs.frozen(slots=True)
class SmsExtension:
    """An SMS extension of a web user (``id`` like ``s0``).

    ``alias`` is None when the API leaves it out. ``caller_id`` is the sender number its
    messages currently show, None when the API does not report one.
    """

    id: str
    alias: str | None
    caller_id: str | None


@attrs.frozen(slots=True)
class _CallerId:
    """A sender number of an SMS extension (internal: the ``from_`` flow)."""

    id: int
    phonenumber: str
    verified: bool
    default: bool


def _unix_seconds(send_at: object, *, required: bool) -> int | None:
    """Check ``send_at`` (aware, in the future, at most 30 days ahead); return Unix seconds."""
    if send_at is None:
        if required:
            raise ValidationError("send_at is required to schedule a message", field="send_at")
        return None
    if not isinstance(send_at, datetime):
        raise ValidationError(
            f"send_at must be a datetime with a time zone, got {send_at!r}", field="send_at"
        )
    if send_at.tzinfo is None or send_at.utcoffset() is None:
        raise ValidationError(
            f"send_at must be timezone-aware (e.g. datetime(..., tzinfo=timezone.utc)); "
            f"a naive datetime is ambiguous, got {send_at!r}",
            field="send_at",
        )
    now = datetime.now(UTC)
    if send_at <= now:
        raise ValidationError(
            f"send_at must lie in the future, got {send_at.isoformat()} (now is {now.isoformat()})",
            field="send_at",
        )
    if send_at - now > MAX_SCHEDULE_AHEAD:
        raise ValidationError(
            f"send_at must be at most {MAX_SCHEDULE_AHEAD.days} days ahead, "
            f"got {send_at.isoformat()}",
            field="send_at",
        )
    return int(send_at.timestamp())


def _sender(sms_id: object, from_: object) -> tuple[str | None, str | None]:
    """Check that exactly one of ``sms_id`` / ``from_`` is given; return them normalised."""
    if (sms_id is None) == (from_ is None):
        given = "both" if sms_id is not None else "neither"
        raise ValidationError(
            f"give exactly one of sms_id (an SMS extension such as 's0') or from_ "
            f"(a verified sender number), got {given}",
            field="sms_id" if sms_id is not None else "from_",
        )
    if sms_id is not None:
        return extension_id(sms_id, "sms_id", "s"), None
    return None, phone_number(from_, "from_")


def _caller_ids(page: SmsCallerIdsResponse) -> list[_CallerId]:
    # The from_ flow decides with every one of these fields: each is needed.
    op = get_sms_caller_ids.OPERATION
    return [
        _CallerId(
            id=c.id,
            phonenumber=needed(c.phonenumber, op, "items[].phonenumber"),
            verified=needed(c.verified, op, "items[].verified"),
            default=needed(c.default_number, op, "items[].defaultNumber"),
        )
        for c in listed(page.items)
    ]


def _extensions(webuser_id: str) -> Op[list[SmsExtension]]:
    page = yield from fetch(get_sms_extensions.prepare(user_id=webuser_id))
    return [
        SmsExtension(id=e.id, alias=present(e.alias), caller_id=present(e.caller_id) or None)
        for e in listed(page.items)
    ]


def _set_default(webuser_id: str, sms_id: str, caller_id: int) -> Fetch[None]:
    return fetch(
        edit_caller_id.prepare(
            user_id=webuser_id,
            sms_id=sms_id,
            caller_id=caller_id,
            body=SetSmsCallerIdRequest(default_number=True),
        )
    )


@attrs.frozen(slots=True)
class _Message:
    """The validated arguments of send/schedule: exactly one of ``sms_id`` / ``from_``."""

    to: str
    text: str
    sms_id: str | None
    from_: str | None
    send_at: int | None

    def body(self, sms_id: str) -> SendWebSmsRequest:
        return SendWebSmsRequest(
            sms_id=sms_id,
            recipient=self.to,
            message=self.text,
            send_at=UNSET if self.send_at is None else self.send_at,
        )


def _message(
    to: object, message: object, sms_id: object, from_: object, send_at: object, *, scheduled: bool
) -> _Message:
    """Validate every argument of send/schedule, in the order of the signature."""
    recipient = phone_number(to, "to")
    text = non_empty(message, "message")
    extension, sender = _sender(sms_id, from_)
    return _Message(recipient, text, extension, sender, _unix_seconds(send_at, required=scheduled))


def _send(msg: _Message) -> Op[None]:
    if msg.sms_id is not None:
        yield from fetch(send_web_sms.prepare(body=msg.body(msg.sms_id)))
    else:
        assert msg.from_ is not None
        yield from _send_from_number(msg.from_, msg)


def _send_from_number(from_: str, msg: _Message) -> Op[None]:
    """Send ``msg`` with ``from_`` shown as sender.

    sipgate sends every message with its SMS extension's default sender number, so:
    find the user's (first) SMS extension and its sender number ``from_`` (verified),
    make that the default, send, and restore the previous default afterwards, also
    when the send fails.
    """
    webuser_id = yield from authenticated_webuser_id()
    extensions = yield from _extensions(webuser_id)
    if not extensions:
        raise ValidationError(
            f"cannot send from_ {from_!r}: web user {webuser_id} has no SMS extension",
            field="from_",
        )
    sms_id = extensions[0].id
    caller_ids = _caller_ids(
        (yield from fetch(get_sms_caller_ids.prepare(user_id=webuser_id, sms_id=sms_id)))
    )
    match = next((c for c in caller_ids if same_number(c.phonenumber, from_)), None)
    if match is None:
        known = ", ".join(c.phonenumber for c in caller_ids) or "none"
        raise ValidationError(
            f"from_ {from_!r} is not a sender number of SMS extension {sms_id} "
            f"(its sender numbers: {known})",
            field="from_",
        )
    if not match.verified:
        raise ValidationError(
            f"from_ {from_!r} is a sender number of SMS extension {sms_id} but not verified "
            f"yet; verify it in the sipgate web interface first",
            field="from_",
        )
    previous = next((c for c in caller_ids if c.default), None)
    if previous is not None and previous.id == match.id:
        yield from fetch(
            send_web_sms.prepare(body=msg.body(sms_id))
        )  # already the default: nothing to change
        return
    yield from _set_default(webuser_id, sms_id, match.id)
    if previous is None:  # there is no previous default to go back to
        yield from fetch(send_web_sms.prepare(body=msg.body(sms_id)))
        return
    try:
        yield from fetch(send_web_sms.prepare(body=msg.body(sms_id)))
    except GeneratorExit:
        # The caller went away mid-send (task cancelled, interrupt): no more calls possible.
        logger.warning(
            "SMS send from %s interrupted: %s stays the default sender of %s, not %s",
            from_,
            from_,
            sms_id,
            previous.phonenumber,
        )
        raise
    except BaseException as exc:
        try:
            yield from _set_default(webuser_id, sms_id, previous.id)
        except SipgateIOError as restore_error:
            exc.add_note(
                f"restoring {previous.phonenumber} as default sender of {sms_id} also failed: "
                f"{restore_error}"
            )
        raise
    else:
        try:
            yield from _set_default(webuser_id, sms_id, previous.id)
        except SipgateIOError as restore_error:
            # The message is out: raising now would invite a second, duplicate send.
            logger.warning(
                "SMS sent from %s, but restoring %s as default sender of %s failed: %s",
                from_,
                previous.phonenumber,
                sms_id,
                restore_error,
            )


class SmsResource(Resource[M]):
    """Send text messages: ``client.sms``."""

    __slots__ = ()

    @operation
    def send(
        self,
        *,
        to: str,
        message: str,
        sms_id: str | None = None,
        from_: str | None = None,
        send_at: datetime | None = None,
    ) -> Op[None]:
        """Send ``message`` to ``to``, now or at ``send_at``.

        Give exactly one sender: ``sms_id``, an SMS extension (``s0``; see
        :meth:`get_sms_extensions`), or ``from_``, a verified sender number of the
        authenticated user's SMS extension. With ``from_``, that number is made the
        extension's default sender for the send and the previous default restored
        afterwards, also when the send fails (up to 6 requests instead of 1; concurrent sends
        with different ``from_`` numbers on one extension can race). An unknown or
        unverified ``from_`` raises :class:`~sipgateio.ValidationError` before anything
        is sent or changed.

        ``to`` is a phone number: with country code it is sent in E.164, without as its
        digits (sipgate decides what it delivers); only what cannot be a number is refused
        (see :func:`sipgateio._validation.phone_number`). ``send_at``
        (optional) must be timezone-aware, in the future and at most 30 days ahead.

        A bad argument raises :class:`~sipgateio.ValidationError` naming it in ``field``;
        a lack of credit :class:`~sipgateio.PaymentRequiredError`.
        """
        yield from _send(_message(to, message, sms_id, from_, send_at, scheduled=False))

    @operation
    def schedule(
        self,
        *,
        to: str,
        message: str,
        send_at: datetime,
        sms_id: str | None = None,
        from_: str | None = None,
    ) -> Op[None]:
        """Schedule ``message`` to ``to`` for ``send_at``: :meth:`send` with ``send_at`` required.

        ``send_at`` must be timezone-aware, in the future and at most 30 days ahead
        (leave the API a few minutes: it rejects times that have passed on arrival).
        """
        yield from _send(_message(to, message, sms_id, from_, send_at, scheduled=True))

    @operation
    def get_sms_extensions(self, webuser_id: str) -> Op[list[SmsExtension]]:
        """The SMS extensions of the web user ``webuser_id`` (``w0``), GET /{userId}/sms."""
        return (yield from _extensions(extension_id(webuser_id, "webuser_id", "w")))
