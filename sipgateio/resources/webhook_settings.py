"""The account's sipgate.io webhook settings: URLs, extension whitelist, debug log.

The API only replaces the settings as a whole (PUT /settings/sipgateio), so each setter
reads the current settings, changes one value and writes them all back. Two programs
changing different settings at the same moment can therefore overwrite each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .._ops import M, Op, Resource, fetch, operation
from .._read import listed, missing, present
from .._responses import reading
from .._validation import boolean, extension_id, http_url, items
from ..raw.api.settings import get_sipgate_io_urls, set_sipgate_io_urls
from ..raw.models import SetSipgateIoAccountSettingsRequest
from ..raw.types import UNSET, Unset

if TYPE_CHECKING:
    from ..raw.models import SipgateIoUrlResponse

__all__ = ["WebhookSettings", "WebhookSettingsResource"]

WHITELIST_TYPES = "pg"
"""Extension types a whitelist may hold: phone lines (``p0``) and groups (``g0``)."""


@attrs.frozen(slots=True)
class WebhookSettings:
    """The sipgate.io webhook settings.

    ``incoming_url``/``outgoing_url`` are ``""`` when unset. ``whitelist`` is None when
    every phone line and group triggers webhooks, or the extensions that do (``()``: none).
    ``log`` is None when the API does not report it.
    """

    incoming_url: str
    outgoing_url: str
    log: bool | None
    whitelist: tuple[str, ...] | None


def _settings(s: SipgateIoUrlResponse) -> WebhookSettings:
    with reading(get_sipgate_io_urls.OPERATION):
        return WebhookSettings(
            incoming_url=present(s.incoming_url) or "",
            outgoing_url=present(s.outgoing_url) or "",
            log=present(s.log),
            whitelist=None if present(s.whitelist) is None else listed(s.whitelist, str),
        )


def _change(**changes: Any) -> Op[None]:
    """Read the settings, apply ``changes`` (WebhookSettings field names), write them back.

    Fields the API sends that this library does not know are written back unchanged. The
    API replaces the settings as a whole, so both URLs are needed from the answer (writing
    a guess would clear one); a missing log flag or whitelist is left out of the write.
    """
    current = yield from fetch(get_sipgate_io_urls.prepare())
    new = attrs.evolve(_settings(current), **changes)
    op = get_sipgate_io_urls.OPERATION
    incoming, outgoing = (
        new.incoming_url
        if "incoming_url" in changes
        else _url(current.incoming_url, op, "incomingUrl"),
        new.outgoing_url
        if "outgoing_url" in changes
        else _url(current.outgoing_url, op, "outgoingUrl"),
    )
    keep_whitelist = "whitelist" not in changes and isinstance(current.whitelist, Unset)
    body = SetSipgateIoAccountSettingsRequest(
        incoming_url=incoming,
        outgoing_url=outgoing,
        log=UNSET if new.log is None else new.log,
        whitelist=UNSET
        if keep_whitelist
        else (None if new.whitelist is None else list(new.whitelist)),
    )
    body.additional_properties = dict(current.additional_properties)
    yield from fetch(set_sipgate_io_urls.prepare(body=body))


def _url(value: str | Unset | None, operation: str, field: str) -> str:
    """A URL to write back: null means unset (``""``), a missing one cannot be guessed."""
    if isinstance(value, Unset):
        raise missing(operation, field)
    return value or ""


class WebhookSettingsResource(Resource[M]):
    """The sipgate.io webhook settings of the account (``client.webhook_settings``)."""

    @operation
    def get_webhook_settings(self) -> Op[WebhookSettings]:
        """The current settings (GET /settings/sipgateio)."""
        return _settings((yield from fetch(get_sipgate_io_urls.prepare())))

    @operation
    def set_incoming_url(self, url: str) -> Op[None]:
        """Send webhooks about incoming calls to ``url`` (http:// or https://)."""
        yield from _change(incoming_url=http_url(url, "url"))

    @operation
    def clear_incoming_url(self) -> Op[None]:
        """Stop sending webhooks about incoming calls."""
        yield from _change(incoming_url="")

    @operation
    def set_outgoing_url(self, url: str) -> Op[None]:
        """Send webhooks about outgoing calls to ``url`` (http:// or https://)."""
        yield from _change(outgoing_url=http_url(url, "url"))

    @operation
    def clear_outgoing_url(self) -> Op[None]:
        """Stop sending webhooks about outgoing calls."""
        yield from _change(outgoing_url="")

    @operation
    def set_whitelist(self, extensions: list[str]) -> Op[None]:
        """Let only these phone lines (``p0``) and groups (``g0``) trigger webhooks.

        An empty list switches webhooks off for every extension (as :meth:`clear_whitelist`).
        """
        whitelist = tuple(
            dict.fromkeys(
                extension_id(e, "extensions", WHITELIST_TYPES)
                for e in items(extensions, "extensions")
            )
        )
        yield from _change(whitelist=whitelist)

    @operation
    def clear_whitelist(self) -> Op[None]:
        """Empty the whitelist: no extension triggers webhooks any more."""
        yield from _change(whitelist=())

    @operation
    def disable_whitelist(self) -> Op[None]:
        """Remove the whitelist: every phone line and group triggers webhooks again."""
        yield from _change(whitelist=None)

    @operation
    def set_log(self, value: bool) -> Op[None]:
        """Switch logging of webhook requests and answers (the sipgate.io log) on or off."""
        yield from _change(log=boolean(value, "value"))
