"""sipgate's push API (webhooks): events in, XML answers out, as a Falcon WSGI/ASGI app.

::

    from sipgateio.webhook import WebhookResponse, WebhookServer

    server = WebhookServer(port=8080, server_address="https://example.com/webhook")

    @server.on_new_call
    def route(event):
        return WebhookResponse.redirect_call(numbers=["+4915799912345"])

    server.serve_forever()

``create_webhook_app(...)`` gives the same handler registry as ``.wsgi`` and ``.asgi``
apps for any server. Names are imported on first use: building answers does not load
Falcon, and the embedded server is loaded when it starts.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import AppOptions as AppOptions
    from .app import WebhookApp as WebhookApp
    from .app import WebhookOptions as WebhookOptions
    from .app import create_webhook_app as create_webhook_app
    from .audio import AudioChecker as AudioChecker
    from .audio import AudioInfo as AudioInfo
    from .events import AnswerEvent as AnswerEvent
    from .events import CallEvent as CallEvent
    from .events import DataEvent as DataEvent
    from .events import Direction as Direction
    from .events import Event as Event
    from .events import EventType as EventType
    from .events import HangUpCause as HangUpCause
    from .events import HangUpEvent as HangUpEvent
    from .events import NewCallEvent as NewCallEvent
    from .limits import ServerLimits as ServerLimits
    from .responses import Action as Action
    from .responses import FollowUp as FollowUp
    from .responses import GatherDTMF as GatherDTMF
    from .responses import HangUpCall as HangUpCall
    from .responses import PlayAudio as PlayAudio
    from .responses import RedirectCall as RedirectCall
    from .responses import RejectCall as RejectCall
    from .responses import RejectReason as RejectReason
    from .responses import RtcmClient as RtcmClient
    from .responses import SendToVoicemail as SendToVoicemail
    from .responses import TransferOptions as TransferOptions
    from .responses import WebhookResponse as WebhookResponse
    from .security import SIPGATE_IPS as SIPGATE_IPS
    from .security import SIPGATE_PUBLIC_KEY as SIPGATE_PUBLIC_KEY
    from .security import OriginCheck as OriginCheck
    from .security import SignatureVerifier as SignatureVerifier
    from .server import FluentWebhookServer as FluentWebhookServer
    from .server import WebhookServer as WebhookServer

# module -> the public names it defines, imported when one of them is first looked up
_MODULES = {
    ".app": "AppOptions WebhookApp WebhookOptions create_webhook_app",
    ".audio": "AudioChecker AudioInfo",
    ".events": "AnswerEvent CallEvent DataEvent Direction Event EventType HangUpCause "
    "HangUpEvent NewCallEvent",
    ".responses": "Action FollowUp GatherDTMF HangUpCall PlayAudio RedirectCall RejectCall "
    "RejectReason RtcmClient SendToVoicemail TransferOptions WebhookResponse",
    ".security": "SIPGATE_IPS SIPGATE_PUBLIC_KEY OriginCheck SignatureVerifier",
    ".limits": "ServerLimits",
    ".server": "FluentWebhookServer WebhookServer",
}
_LAZY = {name: module for module, names in _MODULES.items() for name in names.split()}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return [*__all__, "__doc__", "__name__"]
