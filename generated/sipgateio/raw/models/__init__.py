"""The data models of the API, each loaded on first use (importing one endpoint stays cheap)."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_response import AccountResponse
    from .account_response_history_life_time import AccountResponseHistoryLifeTime
    from .account_response_main_product_type import AccountResponseMainProductType
    from .account_verification_request import AccountVerificationRequest
    from .activate_sim_request import ActivateSimRequest
    from .active_routing import ActiveRouting
    from .add_call_email_notification_request import AddCallEmailNotificationRequest
    from .add_call_sms_notification_request import AddCallSmsNotificationRequest
    from .add_direct_dial_request import AddDirectDialRequest
    from .add_fax_email_notification_request import AddFaxEmailNotificationRequest
    from .add_fax_email_notification_request_direction import (
        AddFaxEmailNotificationRequestDirection,
    )
    from .add_fax_report_email_notification_request import (
        AddFaxReportEmailNotificationRequest,
    )
    from .add_fax_sms_notification_request import AddFaxSmsNotificationRequest
    from .add_fax_sms_notification_request_direction import (
        AddFaxSmsNotificationRequestDirection,
    )
    from .add_greeting_request import AddGreetingRequest
    from .add_sms_email_notification_request import AddSmsEmailNotificationRequest
    from .add_voicemail_email_voicemail_notification_request import (
        AddVoicemailEmailVoicemailNotificationRequest,
    )
    from .add_voicemail_smsl_voicemail_notification_request import (
        AddVoicemailSmslVoicemailNotificationRequest,
    )
    from .address_request import AddressRequest
    from .address_response import AddressResponse
    from .addresses_response import AddressesResponse
    from .announcement_request import AnnouncementRequest
    from .api_urls_response import ApiUrlsResponse
    from .balance_response import BalanceResponse
    from .boolean_request import BooleanRequest
    from .call import Call
    from .call_email_target import CallEmailTarget
    from .call_email_target_cause import CallEmailTargetCause
    from .call_email_target_direction import CallEmailTargetDirection
    from .call_notification_response import CallNotificationResponse
    from .call_recording import CallRecording
    from .call_restriction_response import CallRestrictionResponse
    from .call_sms_target import CallSmsTarget
    from .call_sms_target_cause import CallSmsTargetCause
    from .call_sms_target_direction import CallSmsTargetDirection
    from .call_status import CallStatus
    from .caller_id_request import CallerIdRequest
    from .caller_id_response import CallerIdResponse
    from .calls import Calls
    from .change_device_request import ChangeDeviceRequest
    from .change_direct_dial_request import ChangeDirectDialRequest
    from .change_external_device_incoming_call_display_request import (
        ChangeExternalDeviceIncomingCallDisplayRequest,
    )
    from .change_external_device_incoming_call_display_request_incoming_call_display import (
        ChangeExternalDeviceIncomingCallDisplayRequestIncomingCallDisplay,
    )
    from .change_external_device_target_number_request import (
        ChangeExternalDeviceTargetNumberRequest,
    )
    from .change_number_settings_request import ChangeNumberSettingsRequest
    from .change_password_request import ChangePasswordRequest
    from .change_voicemail_greeting_request import ChangeVoicemailGreetingRequest
    from .change_voicemail_request import ChangeVoicemailRequest
    from .change_voicemail_transcription_request import (
        ChangeVoicemailTranscriptionRequest,
    )
    from .contact_response import ContactResponse
    from .contact_response_scope import ContactResponseScope
    from .contacts_response import ContactsResponse
    from .contingent_response import ContingentResponse
    from .create_client_body import CreateClientBody
    from .create_contact_request import CreateContactRequest
    from .create_contact_request_scope import CreateContactRequestScope
    from .create_device_request import CreateDeviceRequest
    from .create_device_request_type import CreateDeviceRequestType
    from .create_external_device_request import CreateExternalDeviceRequest
    from .create_mobile_device_request import CreateMobileDeviceRequest
    from .create_register_device_request import CreateRegisterDeviceRequest
    from .credentials_response import CredentialsResponse
    from .detailed_error import DetailedError
    from .device_contingents_response import DeviceContingentsResponse
    from .device_response import DeviceResponse
    from .device_response_type import DeviceResponseType
    from .devices_response import DevicesResponse
    from .dtmf_request import DtmfRequest
    from .e_mail_response import EMailResponse
    from .email_request import EmailRequest
    from .email_target import EmailTarget
    from .endpoint_numbers_response import EndpointNumbersResponse
    from .endpoint_response import EndpointResponse
    from .endpoint_response_type import EndpointResponseType
    from .error_response import ErrorResponse
    from .error_source import ErrorSource
    from .event_response import EventResponse
    from .event_response_payload import EventResponsePayload
    from .events_response import EventsResponse
    from .external_device_response import ExternalDeviceResponse
    from .external_device_response_incoming_call_display_state import (
        ExternalDeviceResponseIncomingCallDisplayState,
    )
    from .external_device_response_type import ExternalDeviceResponseType
    from .fax_email_target import FaxEmailTarget
    from .fax_email_target_direction import FaxEmailTargetDirection
    from .fax_notification_response import FaxNotificationResponse
    from .fax_sms_target import FaxSmsTarget
    from .fax_sms_target_direction import FaxSmsTargetDirection
    from .fax_status_type import FaxStatusType
    from .faxline_caller_id_request import FaxlineCallerIdRequest
    from .faxline_caller_id_response import FaxlineCallerIdResponse
    from .faxline_response import FaxlineResponse
    from .faxline_tagline_request import FaxlineTaglineRequest
    from .faxlines_response import FaxlinesResponse
    from .forwarding import Forwarding
    from .forwarding_response import ForwardingResponse
    from .forwardings_response import ForwardingsResponse
    from .gdpr_urls import GdprUrls
    from .get_history_csv_directions_item import GetHistoryCsvDirectionsItem
    from .get_history_csv_starred_item import GetHistoryCsvStarredItem
    from .get_history_csv_types_item import GetHistoryCsvTypesItem
    from .get_history_directions_item import GetHistoryDirectionsItem
    from .get_history_starred_item import GetHistoryStarredItem
    from .get_history_types_item import GetHistoryTypesItem
    from .get_recording_setting_response import GetRecordingSettingResponse
    from .get_restrictions_restriction_item import GetRestrictionsRestrictionItem
    from .greeting_response import GreetingResponse
    from .greetings_response import GreetingsResponse
    from .group_faxline_response import GroupFaxlineResponse
    from .group_faxlines_response import GroupFaxlinesResponse
    from .group_numbers_response import GroupNumbersResponse
    from .group_response import GroupResponse
    from .group_user_response import GroupUserResponse
    from .group_users_response import GroupUsersResponse
    from .history_entry_response import HistoryEntryResponse
    from .history_entry_response_direction import HistoryEntryResponseDirection
    from .history_entry_response_status import HistoryEntryResponseStatus
    from .history_entry_response_type import HistoryEntryResponseType
    from .history_response import HistoryResponse
    from .identity_verification_response import IdentityVerificationResponse
    from .identity_verification_response_state import IdentityVerificationResponseState
    from .import_csv_request import ImportCSVRequest
    from .import_google_request import ImportGoogleRequest
    from .incoming_entries import IncomingEntries
    from .incoming_entry import IncomingEntry
    from .initiate_new_call_session_response import InitiateNewCallSessionResponse
    from .internal_contact_response import InternalContactResponse
    from .internal_contacts_response import InternalContactsResponse
    from .item_count_response import ItemCountResponse
    from .links_response import LinksResponse
    from .localprefix_request import LocalprefixRequest
    from .localprefix_response import LocalprefixResponse
    from .mnp_state import MnpState
    from .mobile_credentials_response import MobileCredentialsResponse
    from .mobile_device_response import MobileDeviceResponse
    from .mobile_device_response_sim_state import MobileDeviceResponseSimState
    from .mobile_device_response_type import MobileDeviceResponseType
    from .modify_address_request import ModifyAddressRequest
    from .new_call_request import NewCallRequest
    from .new_ivr_recording_request import NewIvrRecordingRequest
    from .new_voicemail_recording_recording_request import (
        NewVoicemailRecordingRecordingRequest,
    )
    from .notifications_response import NotificationsResponse
    from .number_request import NumberRequest
    from .number_response import NumberResponse
    from .number_response_with_endpoint import NumberResponseWithEndpoint
    from .number_response_with_endpoint_type import NumberResponseWithEndpointType
    from .numbers_response import NumbersResponse
    from .o_auth_client import OAuthClient
    from .o_auth_clients import OAuthClients
    from .order_sim_request import OrderSimRequest
    from .parallel_forwarding_response import ParallelForwardingResponse
    from .parallel_forwardings_response import ParallelForwardingsResponse
    from .participant import Participant
    from .phoneline_block_anonymous_response import PhonelineBlockAnonymousResponse
    from .phoneline_block_anonymous_response_target import (
        PhonelineBlockAnonymousResponseTarget,
    )
    from .phoneline_response import PhonelineResponse
    from .phoneline_sipgate_io_log_response import PhonelineSipgateIoLogResponse
    from .phoneline_sipgate_io_logs_response import PhonelineSipgateIoLogsResponse
    from .phoneline_sipgate_io_response import PhonelineSipgateIoResponse
    from .phoneline_voicemail_response import PhonelineVoicemailResponse
    from .phoneline_voicemails_response import PhonelineVoicemailsResponse
    from .play_recording_request import PlayRecordingRequest
    from .porting_number_response import PortingNumberResponse
    from .porting_response import PortingResponse
    from .portings_response import PortingsResponse
    from .properties_response import PropertiesResponse
    from .recording_request import RecordingRequest
    from .recording_settings_incoming_request import RecordingSettingsIncomingRequest
    from .register_device_response import RegisterDeviceResponse
    from .register_device_response_type import RegisterDeviceResponseType
    from .registered_device import RegisteredDevice
    from .report_target import ReportTarget
    from .request_password_reset_request import RequestPasswordResetRequest
    from .resend_fax_request import ResendFaxRequest
    from .restriction_item import RestrictionItem
    from .restriction_item_restriction import RestrictionItemRestriction
    from .restriction_item_value import RestrictionItemValue
    from .restrictions_response import RestrictionsResponse
    from .route_device_request import RouteDeviceRequest
    from .routed_endpoint_response import RoutedEndpointResponse
    from .routed_endpoint_response_type import RoutedEndpointResponseType
    from .send_fax_request import SendFaxRequest
    from .send_fax_session_response import SendFaxSessionResponse
    from .send_web_sms_request import SendWebSmsRequest
    from .set_alias_request import SetAliasRequest
    from .set_block_anonymous_settings_request import SetBlockAnonymousSettingsRequest
    from .set_block_anonymous_settings_request_target import (
        SetBlockAnonymousSettingsRequestTarget,
    )
    from .set_busy_on_busy_settings_request import SetBusyOnBusySettingsRequest
    from .set_call_restriction_request import SetCallRestrictionRequest
    from .set_default_device_request import SetDefaultDeviceRequest
    from .set_device_alias_request import SetDeviceAliasRequest
    from .set_forwardings_request import SetForwardingsRequest
    from .set_history_entry_archive_request import SetHistoryEntryArchiveRequest
    from .set_history_entry_note_request import SetHistoryEntryNoteRequest
    from .set_history_entry_read_request import SetHistoryEntryReadRequest
    from .set_location_request import SetLocationRequest
    from .set_parallel_forwarding_request import SetParallelForwardingRequest
    from .set_sipgate_io_account_settings_request import (
        SetSipgateIoAccountSettingsRequest,
    )
    from .set_sipgate_io_phoneline_settings_request import (
        SetSipgateIoPhonelineSettingsRequest,
    )
    from .set_sms_caller_id_request import SetSmsCallerIdRequest
    from .set_user_role_request import SetUserRoleRequest
    from .simple_group_response import SimpleGroupResponse
    from .simple_groups_response import SimpleGroupsResponse
    from .simple_phoneline_response import SimplePhonelineResponse
    from .simple_phonelines_response import SimplePhonelinesResponse
    from .simple_voicemail_response import SimpleVoicemailResponse
    from .single_row_display_request import SingleRowDisplayRequest
    from .single_row_display_response import SingleRowDisplayResponse
    from .sipgate_io_url_response import SipgateIoUrlResponse
    from .sms_caller_id_request import SmsCallerIdRequest
    from .sms_caller_id_response import SmsCallerIdResponse
    from .sms_caller_ids_response import SmsCallerIdsResponse
    from .sms_email_target import SmsEmailTarget
    from .sms_email_target_direction import SmsEmailTargetDirection
    from .sms_extension_response import SmsExtensionResponse
    from .sms_extensions_response import SmsExtensionsResponse
    from .sms_notification_response import SmsNotificationResponse
    from .sms_target import SmsTarget
    from .tac_response import TacResponse
    from .tariff_announcement_request import TariffAnnouncementRequest
    from .tariff_announcement_response import TariffAnnouncementResponse
    from .transfer_request import TransferRequest
    from .update_client_body import UpdateClientBody
    from .update_contact_request import UpdateContactRequest
    from .update_contact_request_scope import UpdateContactRequestScope
    from .update_history_entries_request import UpdateHistoryEntriesRequest
    from .update_history_entry_request import UpdateHistoryEntryRequest
    from .user_response import UserResponse
    from .userinfo_response import UserinfoResponse
    from .users_response import UsersResponse
    from .verify_sms_caller_id_request import VerifySmsCallerIdRequest
    from .voicemail_notification_response import VoicemailNotificationResponse
    from .voicemail_response import VoicemailResponse
    from .voicemail_settings_response import VoicemailSettingsResponse
    from .voicemails_response import VoicemailsResponse

_MODULES: dict[str, str] = {
    "AccountResponse": ".account_response",
    "AccountResponseHistoryLifeTime": ".account_response_history_life_time",
    "AccountResponseMainProductType": ".account_response_main_product_type",
    "AccountVerificationRequest": ".account_verification_request",
    "ActivateSimRequest": ".activate_sim_request",
    "ActiveRouting": ".active_routing",
    "AddCallEmailNotificationRequest": ".add_call_email_notification_request",
    "AddCallSmsNotificationRequest": ".add_call_sms_notification_request",
    "AddDirectDialRequest": ".add_direct_dial_request",
    "AddFaxEmailNotificationRequest": ".add_fax_email_notification_request",
    "AddFaxEmailNotificationRequestDirection": ".add_fax_email_notification_request_direction",
    "AddFaxReportEmailNotificationRequest": ".add_fax_report_email_notification_request",
    "AddFaxSmsNotificationRequest": ".add_fax_sms_notification_request",
    "AddFaxSmsNotificationRequestDirection": ".add_fax_sms_notification_request_direction",
    "AddGreetingRequest": ".add_greeting_request",
    "AddSmsEmailNotificationRequest": ".add_sms_email_notification_request",
    "AddVoicemailEmailVoicemailNotificationRequest": ".add_voicemail_email_voicemail_notification_request",
    "AddVoicemailSmslVoicemailNotificationRequest": ".add_voicemail_smsl_voicemail_notification_request",
    "AddressRequest": ".address_request",
    "AddressResponse": ".address_response",
    "AddressesResponse": ".addresses_response",
    "AnnouncementRequest": ".announcement_request",
    "ApiUrlsResponse": ".api_urls_response",
    "BalanceResponse": ".balance_response",
    "BooleanRequest": ".boolean_request",
    "Call": ".call",
    "CallEmailTarget": ".call_email_target",
    "CallEmailTargetCause": ".call_email_target_cause",
    "CallEmailTargetDirection": ".call_email_target_direction",
    "CallNotificationResponse": ".call_notification_response",
    "CallRecording": ".call_recording",
    "CallRestrictionResponse": ".call_restriction_response",
    "CallSmsTarget": ".call_sms_target",
    "CallSmsTargetCause": ".call_sms_target_cause",
    "CallSmsTargetDirection": ".call_sms_target_direction",
    "CallStatus": ".call_status",
    "CallerIdRequest": ".caller_id_request",
    "CallerIdResponse": ".caller_id_response",
    "Calls": ".calls",
    "ChangeDeviceRequest": ".change_device_request",
    "ChangeDirectDialRequest": ".change_direct_dial_request",
    "ChangeExternalDeviceIncomingCallDisplayRequest": ".change_external_device_incoming_call_display_request",
    "ChangeExternalDeviceIncomingCallDisplayRequestIncomingCallDisplay": ".change_external_device_incoming_call_display_request_incoming_call_display",
    "ChangeExternalDeviceTargetNumberRequest": ".change_external_device_target_number_request",
    "ChangeNumberSettingsRequest": ".change_number_settings_request",
    "ChangePasswordRequest": ".change_password_request",
    "ChangeVoicemailGreetingRequest": ".change_voicemail_greeting_request",
    "ChangeVoicemailRequest": ".change_voicemail_request",
    "ChangeVoicemailTranscriptionRequest": ".change_voicemail_transcription_request",
    "ContactResponse": ".contact_response",
    "ContactResponseScope": ".contact_response_scope",
    "ContactsResponse": ".contacts_response",
    "ContingentResponse": ".contingent_response",
    "CreateClientBody": ".create_client_body",
    "CreateContactRequest": ".create_contact_request",
    "CreateContactRequestScope": ".create_contact_request_scope",
    "CreateDeviceRequest": ".create_device_request",
    "CreateDeviceRequestType": ".create_device_request_type",
    "CreateExternalDeviceRequest": ".create_external_device_request",
    "CreateMobileDeviceRequest": ".create_mobile_device_request",
    "CreateRegisterDeviceRequest": ".create_register_device_request",
    "CredentialsResponse": ".credentials_response",
    "DetailedError": ".detailed_error",
    "DeviceContingentsResponse": ".device_contingents_response",
    "DeviceResponse": ".device_response",
    "DeviceResponseType": ".device_response_type",
    "DevicesResponse": ".devices_response",
    "DtmfRequest": ".dtmf_request",
    "EMailResponse": ".e_mail_response",
    "EmailRequest": ".email_request",
    "EmailTarget": ".email_target",
    "EndpointNumbersResponse": ".endpoint_numbers_response",
    "EndpointResponse": ".endpoint_response",
    "EndpointResponseType": ".endpoint_response_type",
    "ErrorResponse": ".error_response",
    "ErrorSource": ".error_source",
    "EventResponse": ".event_response",
    "EventResponsePayload": ".event_response_payload",
    "EventsResponse": ".events_response",
    "ExternalDeviceResponse": ".external_device_response",
    "ExternalDeviceResponseIncomingCallDisplayState": ".external_device_response_incoming_call_display_state",
    "ExternalDeviceResponseType": ".external_device_response_type",
    "FaxEmailTarget": ".fax_email_target",
    "FaxEmailTargetDirection": ".fax_email_target_direction",
    "FaxNotificationResponse": ".fax_notification_response",
    "FaxSmsTarget": ".fax_sms_target",
    "FaxSmsTargetDirection": ".fax_sms_target_direction",
    "FaxStatusType": ".fax_status_type",
    "FaxlineCallerIdRequest": ".faxline_caller_id_request",
    "FaxlineCallerIdResponse": ".faxline_caller_id_response",
    "FaxlineResponse": ".faxline_response",
    "FaxlineTaglineRequest": ".faxline_tagline_request",
    "FaxlinesResponse": ".faxlines_response",
    "Forwarding": ".forwarding",
    "ForwardingResponse": ".forwarding_response",
    "ForwardingsResponse": ".forwardings_response",
    "GdprUrls": ".gdpr_urls",
    "GetHistoryCsvDirectionsItem": ".get_history_csv_directions_item",
    "GetHistoryCsvStarredItem": ".get_history_csv_starred_item",
    "GetHistoryCsvTypesItem": ".get_history_csv_types_item",
    "GetHistoryDirectionsItem": ".get_history_directions_item",
    "GetHistoryStarredItem": ".get_history_starred_item",
    "GetHistoryTypesItem": ".get_history_types_item",
    "GetRecordingSettingResponse": ".get_recording_setting_response",
    "GetRestrictionsRestrictionItem": ".get_restrictions_restriction_item",
    "GreetingResponse": ".greeting_response",
    "GreetingsResponse": ".greetings_response",
    "GroupFaxlineResponse": ".group_faxline_response",
    "GroupFaxlinesResponse": ".group_faxlines_response",
    "GroupNumbersResponse": ".group_numbers_response",
    "GroupResponse": ".group_response",
    "GroupUserResponse": ".group_user_response",
    "GroupUsersResponse": ".group_users_response",
    "HistoryEntryResponse": ".history_entry_response",
    "HistoryEntryResponseDirection": ".history_entry_response_direction",
    "HistoryEntryResponseStatus": ".history_entry_response_status",
    "HistoryEntryResponseType": ".history_entry_response_type",
    "HistoryResponse": ".history_response",
    "IdentityVerificationResponse": ".identity_verification_response",
    "IdentityVerificationResponseState": ".identity_verification_response_state",
    "ImportCSVRequest": ".import_csv_request",
    "ImportGoogleRequest": ".import_google_request",
    "IncomingEntries": ".incoming_entries",
    "IncomingEntry": ".incoming_entry",
    "InitiateNewCallSessionResponse": ".initiate_new_call_session_response",
    "InternalContactResponse": ".internal_contact_response",
    "InternalContactsResponse": ".internal_contacts_response",
    "ItemCountResponse": ".item_count_response",
    "LinksResponse": ".links_response",
    "LocalprefixRequest": ".localprefix_request",
    "LocalprefixResponse": ".localprefix_response",
    "MnpState": ".mnp_state",
    "MobileCredentialsResponse": ".mobile_credentials_response",
    "MobileDeviceResponse": ".mobile_device_response",
    "MobileDeviceResponseSimState": ".mobile_device_response_sim_state",
    "MobileDeviceResponseType": ".mobile_device_response_type",
    "ModifyAddressRequest": ".modify_address_request",
    "NewCallRequest": ".new_call_request",
    "NewIvrRecordingRequest": ".new_ivr_recording_request",
    "NewVoicemailRecordingRecordingRequest": ".new_voicemail_recording_recording_request",
    "NotificationsResponse": ".notifications_response",
    "NumberRequest": ".number_request",
    "NumberResponse": ".number_response",
    "NumberResponseWithEndpoint": ".number_response_with_endpoint",
    "NumberResponseWithEndpointType": ".number_response_with_endpoint_type",
    "NumbersResponse": ".numbers_response",
    "OAuthClient": ".o_auth_client",
    "OAuthClients": ".o_auth_clients",
    "OrderSimRequest": ".order_sim_request",
    "ParallelForwardingResponse": ".parallel_forwarding_response",
    "ParallelForwardingsResponse": ".parallel_forwardings_response",
    "Participant": ".participant",
    "PhonelineBlockAnonymousResponse": ".phoneline_block_anonymous_response",
    "PhonelineBlockAnonymousResponseTarget": ".phoneline_block_anonymous_response_target",
    "PhonelineResponse": ".phoneline_response",
    "PhonelineSipgateIoLogResponse": ".phoneline_sipgate_io_log_response",
    "PhonelineSipgateIoLogsResponse": ".phoneline_sipgate_io_logs_response",
    "PhonelineSipgateIoResponse": ".phoneline_sipgate_io_response",
    "PhonelineVoicemailResponse": ".phoneline_voicemail_response",
    "PhonelineVoicemailsResponse": ".phoneline_voicemails_response",
    "PlayRecordingRequest": ".play_recording_request",
    "PortingNumberResponse": ".porting_number_response",
    "PortingResponse": ".porting_response",
    "PortingsResponse": ".portings_response",
    "PropertiesResponse": ".properties_response",
    "RecordingRequest": ".recording_request",
    "RecordingSettingsIncomingRequest": ".recording_settings_incoming_request",
    "RegisterDeviceResponse": ".register_device_response",
    "RegisterDeviceResponseType": ".register_device_response_type",
    "RegisteredDevice": ".registered_device",
    "ReportTarget": ".report_target",
    "RequestPasswordResetRequest": ".request_password_reset_request",
    "ResendFaxRequest": ".resend_fax_request",
    "RestrictionItem": ".restriction_item",
    "RestrictionItemRestriction": ".restriction_item_restriction",
    "RestrictionItemValue": ".restriction_item_value",
    "RestrictionsResponse": ".restrictions_response",
    "RouteDeviceRequest": ".route_device_request",
    "RoutedEndpointResponse": ".routed_endpoint_response",
    "RoutedEndpointResponseType": ".routed_endpoint_response_type",
    "SendFaxRequest": ".send_fax_request",
    "SendFaxSessionResponse": ".send_fax_session_response",
    "SendWebSmsRequest": ".send_web_sms_request",
    "SetAliasRequest": ".set_alias_request",
    "SetBlockAnonymousSettingsRequest": ".set_block_anonymous_settings_request",
    "SetBlockAnonymousSettingsRequestTarget": ".set_block_anonymous_settings_request_target",
    "SetBusyOnBusySettingsRequest": ".set_busy_on_busy_settings_request",
    "SetCallRestrictionRequest": ".set_call_restriction_request",
    "SetDefaultDeviceRequest": ".set_default_device_request",
    "SetDeviceAliasRequest": ".set_device_alias_request",
    "SetForwardingsRequest": ".set_forwardings_request",
    "SetHistoryEntryArchiveRequest": ".set_history_entry_archive_request",
    "SetHistoryEntryNoteRequest": ".set_history_entry_note_request",
    "SetHistoryEntryReadRequest": ".set_history_entry_read_request",
    "SetLocationRequest": ".set_location_request",
    "SetParallelForwardingRequest": ".set_parallel_forwarding_request",
    "SetSipgateIoAccountSettingsRequest": ".set_sipgate_io_account_settings_request",
    "SetSipgateIoPhonelineSettingsRequest": ".set_sipgate_io_phoneline_settings_request",
    "SetSmsCallerIdRequest": ".set_sms_caller_id_request",
    "SetUserRoleRequest": ".set_user_role_request",
    "SimpleGroupResponse": ".simple_group_response",
    "SimpleGroupsResponse": ".simple_groups_response",
    "SimplePhonelineResponse": ".simple_phoneline_response",
    "SimplePhonelinesResponse": ".simple_phonelines_response",
    "SimpleVoicemailResponse": ".simple_voicemail_response",
    "SingleRowDisplayRequest": ".single_row_display_request",
    "SingleRowDisplayResponse": ".single_row_display_response",
    "SipgateIoUrlResponse": ".sipgate_io_url_response",
    "SmsCallerIdRequest": ".sms_caller_id_request",
    "SmsCallerIdResponse": ".sms_caller_id_response",
    "SmsCallerIdsResponse": ".sms_caller_ids_response",
    "SmsEmailTarget": ".sms_email_target",
    "SmsEmailTargetDirection": ".sms_email_target_direction",
    "SmsExtensionResponse": ".sms_extension_response",
    "SmsExtensionsResponse": ".sms_extensions_response",
    "SmsNotificationResponse": ".sms_notification_response",
    "SmsTarget": ".sms_target",
    "TacResponse": ".tac_response",
    "TariffAnnouncementRequest": ".tariff_announcement_request",
    "TariffAnnouncementResponse": ".tariff_announcement_response",
    "TransferRequest": ".transfer_request",
    "UpdateClientBody": ".update_client_body",
    "UpdateContactRequest": ".update_contact_request",
    "UpdateContactRequestScope": ".update_contact_request_scope",
    "UpdateHistoryEntriesRequest": ".update_history_entries_request",
    "UpdateHistoryEntryRequest": ".update_history_entry_request",
    "UserResponse": ".user_response",
    "UserinfoResponse": ".userinfo_response",
    "UsersResponse": ".users_response",
    "VerifySmsCallerIdRequest": ".verify_sms_caller_id_request",
    "VoicemailNotificationResponse": ".voicemail_notification_response",
    "VoicemailResponse": ".voicemail_response",
    "VoicemailSettingsResponse": ".voicemail_settings_response",
    "VoicemailsResponse": ".voicemails_response",
}

__all__ = (
    "AccountResponse",
    "AccountResponseHistoryLifeTime",
    "AccountResponseMainProductType",
    "AccountVerificationRequest",
    "ActivateSimRequest",
    "ActiveRouting",
    "AddCallEmailNotificationRequest",
    "AddCallSmsNotificationRequest",
    "AddDirectDialRequest",
    "AddFaxEmailNotificationRequest",
    "AddFaxEmailNotificationRequestDirection",
    "AddFaxReportEmailNotificationRequest",
    "AddFaxSmsNotificationRequest",
    "AddFaxSmsNotificationRequestDirection",
    "AddGreetingRequest",
    "AddSmsEmailNotificationRequest",
    "AddVoicemailEmailVoicemailNotificationRequest",
    "AddVoicemailSmslVoicemailNotificationRequest",
    "AddressRequest",
    "AddressResponse",
    "AddressesResponse",
    "AnnouncementRequest",
    "ApiUrlsResponse",
    "BalanceResponse",
    "BooleanRequest",
    "Call",
    "CallEmailTarget",
    "CallEmailTargetCause",
    "CallEmailTargetDirection",
    "CallNotificationResponse",
    "CallRecording",
    "CallRestrictionResponse",
    "CallSmsTarget",
    "CallSmsTargetCause",
    "CallSmsTargetDirection",
    "CallStatus",
    "CallerIdRequest",
    "CallerIdResponse",
    "Calls",
    "ChangeDeviceRequest",
    "ChangeDirectDialRequest",
    "ChangeExternalDeviceIncomingCallDisplayRequest",
    "ChangeExternalDeviceIncomingCallDisplayRequestIncomingCallDisplay",
    "ChangeExternalDeviceTargetNumberRequest",
    "ChangeNumberSettingsRequest",
    "ChangePasswordRequest",
    "ChangeVoicemailGreetingRequest",
    "ChangeVoicemailRequest",
    "ChangeVoicemailTranscriptionRequest",
    "ContactResponse",
    "ContactResponseScope",
    "ContactsResponse",
    "ContingentResponse",
    "CreateClientBody",
    "CreateContactRequest",
    "CreateContactRequestScope",
    "CreateDeviceRequest",
    "CreateDeviceRequestType",
    "CreateExternalDeviceRequest",
    "CreateMobileDeviceRequest",
    "CreateRegisterDeviceRequest",
    "CredentialsResponse",
    "DetailedError",
    "DeviceContingentsResponse",
    "DeviceResponse",
    "DeviceResponseType",
    "DevicesResponse",
    "DtmfRequest",
    "EMailResponse",
    "EmailRequest",
    "EmailTarget",
    "EndpointNumbersResponse",
    "EndpointResponse",
    "EndpointResponseType",
    "ErrorResponse",
    "ErrorSource",
    "EventResponse",
    "EventResponsePayload",
    "EventsResponse",
    "ExternalDeviceResponse",
    "ExternalDeviceResponseIncomingCallDisplayState",
    "ExternalDeviceResponseType",
    "FaxEmailTarget",
    "FaxEmailTargetDirection",
    "FaxNotificationResponse",
    "FaxSmsTarget",
    "FaxSmsTargetDirection",
    "FaxStatusType",
    "FaxlineCallerIdRequest",
    "FaxlineCallerIdResponse",
    "FaxlineResponse",
    "FaxlineTaglineRequest",
    "FaxlinesResponse",
    "Forwarding",
    "ForwardingResponse",
    "ForwardingsResponse",
    "GdprUrls",
    "GetHistoryCsvDirectionsItem",
    "GetHistoryCsvStarredItem",
    "GetHistoryCsvTypesItem",
    "GetHistoryDirectionsItem",
    "GetHistoryStarredItem",
    "GetHistoryTypesItem",
    "GetRecordingSettingResponse",
    "GetRestrictionsRestrictionItem",
    "GreetingResponse",
    "GreetingsResponse",
    "GroupFaxlineResponse",
    "GroupFaxlinesResponse",
    "GroupNumbersResponse",
    "GroupResponse",
    "GroupUserResponse",
    "GroupUsersResponse",
    "HistoryEntryResponse",
    "HistoryEntryResponseDirection",
    "HistoryEntryResponseStatus",
    "HistoryEntryResponseType",
    "HistoryResponse",
    "IdentityVerificationResponse",
    "IdentityVerificationResponseState",
    "ImportCSVRequest",
    "ImportGoogleRequest",
    "IncomingEntries",
    "IncomingEntry",
    "InitiateNewCallSessionResponse",
    "InternalContactResponse",
    "InternalContactsResponse",
    "ItemCountResponse",
    "LinksResponse",
    "LocalprefixRequest",
    "LocalprefixResponse",
    "MnpState",
    "MobileCredentialsResponse",
    "MobileDeviceResponse",
    "MobileDeviceResponseSimState",
    "MobileDeviceResponseType",
    "ModifyAddressRequest",
    "NewCallRequest",
    "NewIvrRecordingRequest",
    "NewVoicemailRecordingRecordingRequest",
    "NotificationsResponse",
    "NumberRequest",
    "NumberResponse",
    "NumberResponseWithEndpoint",
    "NumberResponseWithEndpointType",
    "NumbersResponse",
    "OAuthClient",
    "OAuthClients",
    "OrderSimRequest",
    "ParallelForwardingResponse",
    "ParallelForwardingsResponse",
    "Participant",
    "PhonelineBlockAnonymousResponse",
    "PhonelineBlockAnonymousResponseTarget",
    "PhonelineResponse",
    "PhonelineSipgateIoLogResponse",
    "PhonelineSipgateIoLogsResponse",
    "PhonelineSipgateIoResponse",
    "PhonelineVoicemailResponse",
    "PhonelineVoicemailsResponse",
    "PlayRecordingRequest",
    "PortingNumberResponse",
    "PortingResponse",
    "PortingsResponse",
    "PropertiesResponse",
    "RecordingRequest",
    "RecordingSettingsIncomingRequest",
    "RegisterDeviceResponse",
    "RegisterDeviceResponseType",
    "RegisteredDevice",
    "ReportTarget",
    "RequestPasswordResetRequest",
    "ResendFaxRequest",
    "RestrictionItem",
    "RestrictionItemRestriction",
    "RestrictionItemValue",
    "RestrictionsResponse",
    "RouteDeviceRequest",
    "RoutedEndpointResponse",
    "RoutedEndpointResponseType",
    "SendFaxRequest",
    "SendFaxSessionResponse",
    "SendWebSmsRequest",
    "SetAliasRequest",
    "SetBlockAnonymousSettingsRequest",
    "SetBlockAnonymousSettingsRequestTarget",
    "SetBusyOnBusySettingsRequest",
    "SetCallRestrictionRequest",
    "SetDefaultDeviceRequest",
    "SetDeviceAliasRequest",
    "SetForwardingsRequest",
    "SetHistoryEntryArchiveRequest",
    "SetHistoryEntryNoteRequest",
    "SetHistoryEntryReadRequest",
    "SetLocationRequest",
    "SetParallelForwardingRequest",
    "SetSipgateIoAccountSettingsRequest",
    "SetSipgateIoPhonelineSettingsRequest",
    "SetSmsCallerIdRequest",
    "SetUserRoleRequest",
    "SimpleGroupResponse",
    "SimpleGroupsResponse",
    "SimplePhonelineResponse",
    "SimplePhonelinesResponse",
    "SimpleVoicemailResponse",
    "SingleRowDisplayRequest",
    "SingleRowDisplayResponse",
    "SipgateIoUrlResponse",
    "SmsCallerIdRequest",
    "SmsCallerIdResponse",
    "SmsCallerIdsResponse",
    "SmsEmailTarget",
    "SmsEmailTargetDirection",
    "SmsExtensionResponse",
    "SmsExtensionsResponse",
    "SmsNotificationResponse",
    "SmsTarget",
    "TacResponse",
    "TariffAnnouncementRequest",
    "TariffAnnouncementResponse",
    "TransferRequest",
    "UpdateClientBody",
    "UpdateContactRequest",
    "UpdateContactRequestScope",
    "UpdateHistoryEntriesRequest",
    "UpdateHistoryEntryRequest",
    "UserResponse",
    "UserinfoResponse",
    "UsersResponse",
    "VerifySmsCallerIdRequest",
    "VoicemailNotificationResponse",
    "VoicemailResponse",
    "VoicemailSettingsResponse",
    "VoicemailsResponse",
)


if (
    not TYPE_CHECKING
):  # type checkers see the imports above; at run time each loads on use

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)
