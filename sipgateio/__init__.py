"""sipgateio: the Python library for sipgate.io.

Send SMS and faxes, start and steer calls, manage contacts and the call history,
and answer calls in real time through webhooks::

    import sipgateio

    with sipgateio.SipgateIO(token_id="token-ABC123", token="...") as client:
        client.sms.send(to="+4915799912345", message="Hello", sms_id="s0")

Names are imported on first use, so ``import sipgateio`` stays cheap.
"""

from __future__ import annotations

import importlib
import os as _os
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    SipgateIOError,
    TransportError,
    UnexpectedResponseError,
    ValidationError,
)

# The generated client, sipgateio.raw, is built into the wheel; in a source checkout
# its files live in generated/sipgateio/raw (never edited by hand), found from here.
_checkout_generated = _os.path.join(_os.path.dirname(__path__[0]), "generated", "sipgateio")
if _os.path.isdir(_checkout_generated):
    __path__.append(_checkout_generated)
del _checkout_generated

if TYPE_CHECKING:
    from ._client import AsyncSipgateIO, SipgateIO
    from .contacts.models import (
        Address,
        Contact,
        ContactsExportFilter,
        Email,
        ExportScope,
        ImportNote,
        ImportReport,
        PhoneNumber,
        Scope,
        SkippedRecord,
    )
    from .contacts.resource import ContactsDeleteError, ContactsImportError
    from .pagination import Page, Pagination
    from .resources.account import Account, Balance, HistoryLifeTime
    from .resources.call import (
        Call,
        CallDirection,
        CallNotFoundError,
        CallState,
        InitiateNewCallSessionResponse,
    )
    from .resources.devices import ActiveRouting, Device, DeviceType
    from .resources.fax import Faxline, FaxTimeoutError, SendFaxSessionResponse
    from .resources.history import (
        CallHistoryEntry,
        CallRecording,
        CallStatusType,
        Endpoint,
        FaxHistoryEntry,
        FaxStatus,
        HistoryDirection,
        HistoryEntry,
        HistoryEntryStatus,
        HistoryEntryType,
        HistoryEntryUpdateOptions,
        HistoryFilter,
        HistoryUpdateError,
        RoutedEndpoint,
        SmsHistoryEntry,
        VoicemailHistoryEntry,
    )
    from .resources.numbers import NumberMnpState, NumberResponseItem, NumberResponseItemType
    from .resources.rtcm import RTCMCall, RTCMParticipant
    from .resources.sms import SmsExtension
    from .resources.users import Webuser
    from .resources.voicemails import Voicemail
    from .resources.webhook_settings import WebhookSettings

# name -> module that defines it, imported when the name is first looked up
_LAZY: dict[str, str] = {
    "SipgateIO": "._client",
    "AsyncSipgateIO": "._client",
    "Page": ".pagination",
    "Pagination": ".pagination",
    "Address": ".contacts.models",
    "Contact": ".contacts.models",
    "ContactsExportFilter": ".contacts.models",
    "Email": ".contacts.models",
    "ExportScope": ".contacts.models",
    "ImportNote": ".contacts.models",
    "ImportReport": ".contacts.models",
    "PhoneNumber": ".contacts.models",
    "Scope": ".contacts.models",
    "SkippedRecord": ".contacts.models",
    "ContactsDeleteError": ".contacts.resource",
    "ContactsImportError": ".contacts.resource",
    "Webuser": ".resources.users",
    "Account": ".resources.account",
    "Balance": ".resources.account",
    "HistoryLifeTime": ".resources.account",
    "SmsExtension": ".resources.sms",
    "InitiateNewCallSessionResponse": ".resources.call",
    "Call": ".resources.call",
    "CallDirection": ".resources.call",
    "CallNotFoundError": ".resources.call",
    "CallState": ".resources.call",
    "NumberMnpState": ".resources.numbers",
    "NumberResponseItem": ".resources.numbers",
    "NumberResponseItemType": ".resources.numbers",
    "Voicemail": ".resources.voicemails",
    "Endpoint": ".resources.history",
    "ActiveRouting": ".resources.devices",
    "Device": ".resources.devices",
    "DeviceType": ".resources.devices",
    "FaxTimeoutError": ".resources.fax",
    "Faxline": ".resources.fax",
    "SendFaxSessionResponse": ".resources.fax",
    "CallHistoryEntry": ".resources.history",
    "CallRecording": ".resources.history",
    "CallStatusType": ".resources.history",
    "FaxHistoryEntry": ".resources.history",
    "FaxStatus": ".resources.history",
    "HistoryDirection": ".resources.history",
    "HistoryEntry": ".resources.history",
    "HistoryEntryStatus": ".resources.history",
    "HistoryEntryType": ".resources.history",
    "HistoryEntryUpdateOptions": ".resources.history",
    "HistoryFilter": ".resources.history",
    "HistoryUpdateError": ".resources.history",
    "RoutedEndpoint": ".resources.history",
    "SmsHistoryEntry": ".resources.history",
    "VoicemailHistoryEntry": ".resources.history",
    "RTCMCall": ".resources.rtcm",
    "RTCMParticipant": ".resources.rtcm",
    "WebhookSettings": ".resources.webhook_settings",
}

__all__ = [
    "APIError",
    "Account",
    "ActiveRouting",
    "Address",
    "AsyncSipgateIO",
    "AuthenticationError",
    "BadRequestError",
    "Balance",
    "Call",
    "CallDirection",
    "CallHistoryEntry",
    "CallNotFoundError",
    "CallRecording",
    "CallState",
    "CallStatusType",
    "ConflictError",
    "Contact",
    "ContactsDeleteError",
    "ContactsExportFilter",
    "ContactsImportError",
    "Device",
    "DeviceType",
    "Email",
    "Endpoint",
    "ExportScope",
    "FaxHistoryEntry",
    "FaxStatus",
    "FaxTimeoutError",
    "Faxline",
    "HistoryDirection",
    "HistoryEntry",
    "HistoryEntryStatus",
    "HistoryEntryType",
    "HistoryEntryUpdateOptions",
    "HistoryFilter",
    "HistoryLifeTime",
    "HistoryUpdateError",
    "ImportNote",
    "ImportReport",
    "InitiateNewCallSessionResponse",
    "NotFoundError",
    "NumberMnpState",
    "NumberResponseItem",
    "NumberResponseItemType",
    "Page",
    "Pagination",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PhoneNumber",
    "RTCMCall",
    "RTCMParticipant",
    "RateLimitError",
    "RoutedEndpoint",
    "Scope",
    "SendFaxSessionResponse",
    "ServerError",
    "SipgateIO",
    "SipgateIOError",
    "SkippedRecord",
    "SmsExtension",
    "SmsHistoryEntry",
    "TransportError",
    "UnexpectedResponseError",
    "ValidationError",
    "Voicemail",
    "VoicemailHistoryEntry",
    "WebhookSettings",
    "Webuser",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sipgateio' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
