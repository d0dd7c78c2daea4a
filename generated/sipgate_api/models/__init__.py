"""Contains all the data models used in inputs/outputs"""

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
