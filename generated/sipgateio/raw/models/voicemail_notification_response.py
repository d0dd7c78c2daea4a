from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.email_target import EmailTarget
    from ..models.sms_target import SmsTarget


T = TypeVar("T", bound="VoicemailNotificationResponse")


@_attrs_define
class VoicemailNotificationResponse:
    """
    Attributes:
        endpoint_id (str | Unset):
        endpoint_alias (str | Unset):
        emails (list[EmailTarget] | Unset):
        sms (list[SmsTarget] | Unset):
    """

    endpoint_id: str | Unset = UNSET
    endpoint_alias: str | Unset = UNSET
    emails: list[EmailTarget] | Unset = UNSET
    sms: list[SmsTarget] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        endpoint_id = self.endpoint_id

        endpoint_alias = self.endpoint_alias

        emails: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = []
            for emails_item_data in self.emails:
                emails_item = emails_item_data.to_dict()
                emails.append(emails_item)

        sms: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sms, Unset):
            sms = []
            for sms_item_data in self.sms:
                sms_item = sms_item_data.to_dict()
                sms.append(sms_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if endpoint_id is not UNSET:
            field_dict["endpointId"] = endpoint_id
        if endpoint_alias is not UNSET:
            field_dict["endpointAlias"] = endpoint_alias
        if emails is not UNSET:
            field_dict["emails"] = emails
        if sms is not UNSET:
            field_dict["sms"] = sms

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoint_id = d.pop("endpointId", UNSET)

        endpoint_alias = d.pop("endpointAlias", UNSET)

        _emails = d.pop("emails", UNSET)
        emails: list[EmailTarget] | Unset = UNSET
        if _emails is not UNSET:
            if type(_emails) is not list:
                raise TypeError(
                    f"emails: a list expected, got {type(_emails).__name__}"
                )
            emails = []
            for emails_item_data in _emails:
                emails_item = EmailTarget.from_dict(emails_item_data)

                emails.append(emails_item)

        _sms = d.pop("sms", UNSET)
        sms: list[SmsTarget] | Unset = UNSET
        if _sms is not UNSET:
            if type(_sms) is not list:
                raise TypeError(f"sms: a list expected, got {type(_sms).__name__}")
            sms = []
            for sms_item_data in _sms:
                sms_item = SmsTarget.from_dict(sms_item_data)

                sms.append(sms_item)

        voicemail_notification_response = cls(
            endpoint_id=endpoint_id,
            endpoint_alias=endpoint_alias,
            emails=emails,
            sms=sms,
        )

        voicemail_notification_response.additional_properties = d
        return voicemail_notification_response

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
from ..models.email_target import EmailTarget
from ..models.sms_target import SmsTarget
