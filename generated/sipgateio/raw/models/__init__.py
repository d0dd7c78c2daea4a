"""The data models of the API, each loaded on first use (importing one endpoint stays cheap)."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_number import AccountNumber
    from .active_routing import ActiveRouting
    from .call_recording import CallRecording
    from .call_request import CallRequest
    from .call_session_response import CallSessionResponse
    from .call_status import CallStatus
    from .contact_address import ContactAddress
    from .contact_create_request import ContactCreateRequest
    from .contact_email import ContactEmail
    from .contact_number import ContactNumber
    from .contact_response import ContactResponse
    from .contact_scope import ContactScope
    from .contact_update_request import ContactUpdateRequest
    from .contact_write_scope import ContactWriteScope
    from .contacts_page import ContactsPage
    from .csv_import_request import CsvImportRequest
    from .device import Device
    from .device_type import DeviceType
    from .devices_list import DevicesList
    from .endpoint import Endpoint
    from .error import Error
    from .fax_request import FaxRequest
    from .fax_session_response import FaxSessionResponse
    from .fax_status import FaxStatus
    from .faxline import Faxline
    from .faxlines_list import FaxlinesList
    from .history_direction import HistoryDirection
    from .history_entries_update_item import HistoryEntriesUpdateItem
    from .history_entry import HistoryEntry
    from .history_entry_status import HistoryEntryStatus
    from .history_entry_type import HistoryEntryType
    from .history_entry_update import HistoryEntryUpdate
    from .history_page import HistoryPage
    from .history_starred_filter import HistoryStarredFilter
    from .internal_contact import InternalContact
    from .internal_contacts_list import InternalContactsList
    from .mnp_state import MnpState
    from .number_type import NumberType
    from .numbers_page import NumbersPage
    from .routed_endpoint import RoutedEndpoint
    from .rtcm_announcement_request import RtcmAnnouncementRequest
    from .rtcm_call import RtcmCall
    from .rtcm_calls_list import RtcmCallsList
    from .rtcm_dtmf_request import RtcmDtmfRequest
    from .rtcm_participant import RtcmParticipant
    from .rtcm_recording_request import RtcmRecordingRequest
    from .rtcm_toggle_request import RtcmToggleRequest
    from .rtcm_transfer_request import RtcmTransferRequest
    from .sipgateio_settings import SipgateioSettings
    from .sipgateio_settings_update import SipgateioSettingsUpdate
    from .sms_caller_id import SmsCallerId
    from .sms_caller_id_update import SmsCallerIdUpdate
    from .sms_caller_ids_list import SmsCallerIdsList
    from .sms_extension import SmsExtension
    from .sms_extensions_list import SmsExtensionsList
    from .sms_request import SmsRequest
    from .user_info import UserInfo
    from .voicemail import Voicemail
    from .voicemails_list import VoicemailsList
    from .webuser import Webuser
    from .webusers_list import WebusersList

_MODULES: dict[str, str] = {
    "AccountNumber": ".account_number",
    "ActiveRouting": ".active_routing",
    "CallRecording": ".call_recording",
    "CallRequest": ".call_request",
    "CallSessionResponse": ".call_session_response",
    "CallStatus": ".call_status",
    "ContactAddress": ".contact_address",
    "ContactCreateRequest": ".contact_create_request",
    "ContactEmail": ".contact_email",
    "ContactNumber": ".contact_number",
    "ContactResponse": ".contact_response",
    "ContactScope": ".contact_scope",
    "ContactUpdateRequest": ".contact_update_request",
    "ContactWriteScope": ".contact_write_scope",
    "ContactsPage": ".contacts_page",
    "CsvImportRequest": ".csv_import_request",
    "Device": ".device",
    "DeviceType": ".device_type",
    "DevicesList": ".devices_list",
    "Endpoint": ".endpoint",
    "Error": ".error",
    "FaxRequest": ".fax_request",
    "FaxSessionResponse": ".fax_session_response",
    "FaxStatus": ".fax_status",
    "Faxline": ".faxline",
    "FaxlinesList": ".faxlines_list",
    "HistoryDirection": ".history_direction",
    "HistoryEntriesUpdateItem": ".history_entries_update_item",
    "HistoryEntry": ".history_entry",
    "HistoryEntryStatus": ".history_entry_status",
    "HistoryEntryType": ".history_entry_type",
    "HistoryEntryUpdate": ".history_entry_update",
    "HistoryPage": ".history_page",
    "HistoryStarredFilter": ".history_starred_filter",
    "InternalContact": ".internal_contact",
    "InternalContactsList": ".internal_contacts_list",
    "MnpState": ".mnp_state",
    "NumberType": ".number_type",
    "NumbersPage": ".numbers_page",
    "RoutedEndpoint": ".routed_endpoint",
    "RtcmAnnouncementRequest": ".rtcm_announcement_request",
    "RtcmCall": ".rtcm_call",
    "RtcmCallsList": ".rtcm_calls_list",
    "RtcmDtmfRequest": ".rtcm_dtmf_request",
    "RtcmParticipant": ".rtcm_participant",
    "RtcmRecordingRequest": ".rtcm_recording_request",
    "RtcmToggleRequest": ".rtcm_toggle_request",
    "RtcmTransferRequest": ".rtcm_transfer_request",
    "SipgateioSettings": ".sipgateio_settings",
    "SipgateioSettingsUpdate": ".sipgateio_settings_update",
    "SmsCallerId": ".sms_caller_id",
    "SmsCallerIdUpdate": ".sms_caller_id_update",
    "SmsCallerIdsList": ".sms_caller_ids_list",
    "SmsExtension": ".sms_extension",
    "SmsExtensionsList": ".sms_extensions_list",
    "SmsRequest": ".sms_request",
    "UserInfo": ".user_info",
    "Voicemail": ".voicemail",
    "VoicemailsList": ".voicemails_list",
    "Webuser": ".webuser",
    "WebusersList": ".webusers_list",
}

__all__ = (
    "AccountNumber",
    "ActiveRouting",
    "CallRecording",
    "CallRequest",
    "CallSessionResponse",
    "CallStatus",
    "ContactAddress",
    "ContactCreateRequest",
    "ContactEmail",
    "ContactNumber",
    "ContactResponse",
    "ContactScope",
    "ContactUpdateRequest",
    "ContactWriteScope",
    "ContactsPage",
    "CsvImportRequest",
    "Device",
    "DeviceType",
    "DevicesList",
    "Endpoint",
    "Error",
    "FaxRequest",
    "FaxSessionResponse",
    "FaxStatus",
    "Faxline",
    "FaxlinesList",
    "HistoryDirection",
    "HistoryEntriesUpdateItem",
    "HistoryEntry",
    "HistoryEntryStatus",
    "HistoryEntryType",
    "HistoryEntryUpdate",
    "HistoryPage",
    "HistoryStarredFilter",
    "InternalContact",
    "InternalContactsList",
    "MnpState",
    "NumberType",
    "NumbersPage",
    "RoutedEndpoint",
    "RtcmAnnouncementRequest",
    "RtcmCall",
    "RtcmCallsList",
    "RtcmDtmfRequest",
    "RtcmParticipant",
    "RtcmRecordingRequest",
    "RtcmToggleRequest",
    "RtcmTransferRequest",
    "SipgateioSettings",
    "SipgateioSettingsUpdate",
    "SmsCallerId",
    "SmsCallerIdUpdate",
    "SmsCallerIdsList",
    "SmsExtension",
    "SmsExtensionsList",
    "SmsRequest",
    "UserInfo",
    "Voicemail",
    "VoicemailsList",
    "Webuser",
    "WebusersList",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
