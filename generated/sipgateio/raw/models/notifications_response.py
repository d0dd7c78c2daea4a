from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_notification_response import CallNotificationResponse
    from ..models.fax_notification_response import FaxNotificationResponse
    from ..models.sms_notification_response import SmsNotificationResponse
    from ..models.voicemail_notification_response import VoicemailNotificationResponse


T = TypeVar("T", bound="NotificationsResponse")


@_attrs_define
class NotificationsResponse:
    """
    Attributes:
        fax (list[FaxNotificationResponse] | Unset):
        voicemail (list[VoicemailNotificationResponse] | Unset):
        call (list[CallNotificationResponse] | Unset):
        sms (list[SmsNotificationResponse] | Unset):
    """

    fax: list[FaxNotificationResponse] | Unset = UNSET
    voicemail: list[VoicemailNotificationResponse] | Unset = UNSET
    call: list[CallNotificationResponse] | Unset = UNSET
    sms: list[SmsNotificationResponse] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fax: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fax, Unset):
            fax = []
            for fax_item_data in self.fax:
                fax_item = fax_item_data.to_dict()
                fax.append(fax_item)

        voicemail: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.voicemail, Unset):
            voicemail = []
            for voicemail_item_data in self.voicemail:
                voicemail_item = voicemail_item_data.to_dict()
                voicemail.append(voicemail_item)

        call: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.call, Unset):
            call = []
            for call_item_data in self.call:
                call_item = call_item_data.to_dict()
                call.append(call_item)

        sms: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sms, Unset):
            sms = []
            for sms_item_data in self.sms:
                sms_item = sms_item_data.to_dict()
                sms.append(sms_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fax is not UNSET:
            field_dict["fax"] = fax
        if voicemail is not UNSET:
            field_dict["voicemail"] = voicemail
        if call is not UNSET:
            field_dict["call"] = call
        if sms is not UNSET:
            field_dict["sms"] = sms

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _fax = d.pop("fax", UNSET)
        fax: list[FaxNotificationResponse] | Unset = UNSET
        if _fax is not UNSET:
            if type(_fax) is not list:
                raise TypeError(f"fax: a list expected, got {type(_fax).__name__}")
            fax = []
            for fax_item_data in _fax:
                fax_item = FaxNotificationResponse.from_dict(fax_item_data)

                fax.append(fax_item)

        _voicemail = d.pop("voicemail", UNSET)
        voicemail: list[VoicemailNotificationResponse] | Unset = UNSET
        if _voicemail is not UNSET:
            if type(_voicemail) is not list:
                raise TypeError(
                    f"voicemail: a list expected, got {type(_voicemail).__name__}"
                )
            voicemail = []
            for voicemail_item_data in _voicemail:
                voicemail_item = VoicemailNotificationResponse.from_dict(
                    voicemail_item_data
                )

                voicemail.append(voicemail_item)

        _call = d.pop("call", UNSET)
        call: list[CallNotificationResponse] | Unset = UNSET
        if _call is not UNSET:
            if type(_call) is not list:
                raise TypeError(f"call: a list expected, got {type(_call).__name__}")
            call = []
            for call_item_data in _call:
                call_item = CallNotificationResponse.from_dict(call_item_data)

                call.append(call_item)

        _sms = d.pop("sms", UNSET)
        sms: list[SmsNotificationResponse] | Unset = UNSET
        if _sms is not UNSET:
            if type(_sms) is not list:
                raise TypeError(f"sms: a list expected, got {type(_sms).__name__}")
            sms = []
            for sms_item_data in _sms:
                sms_item = SmsNotificationResponse.from_dict(sms_item_data)

                sms.append(sms_item)

        notifications_response = cls(
            fax=fax,
            voicemail=voicemail,
            call=call,
            sms=sms,
        )

        notifications_response.additional_properties = d
        return notifications_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# The models this one refers to, imported once this class exists (they may refer back to it).
from ..models.call_notification_response import CallNotificationResponse
from ..models.fax_notification_response import FaxNotificationResponse
from ..models.sms_notification_response import SmsNotificationResponse
from ..models.voicemail_notification_response import VoicemailNotificationResponse
