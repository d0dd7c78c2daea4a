from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SetSipgateIoPhonelineSettingsRequest")


@_attrs_define
class SetSipgateIoPhonelineSettingsRequest:
    """
    Attributes:
        incoming_url (str):
        outgoing_url (str):
        incoming_active (bool | Unset):
        outgoing_active (bool | Unset):
        log (bool | Unset):
        certificate (str | Unset):
        allow_self_signed (bool | Unset):
    """

    incoming_url: str
    outgoing_url: str
    incoming_active: bool | Unset = UNSET
    outgoing_active: bool | Unset = UNSET
    log: bool | Unset = UNSET
    certificate: str | Unset = UNSET
    allow_self_signed: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incoming_url = self.incoming_url

        outgoing_url = self.outgoing_url

        incoming_active = self.incoming_active

        outgoing_active = self.outgoing_active

        log = self.log

        certificate = self.certificate

        allow_self_signed = self.allow_self_signed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incomingUrl": incoming_url,
                "outgoingUrl": outgoing_url,
            }
        )
        if incoming_active is not UNSET:
            field_dict["incomingActive"] = incoming_active
        if outgoing_active is not UNSET:
            field_dict["outgoingActive"] = outgoing_active
        if log is not UNSET:
            field_dict["log"] = log
        if certificate is not UNSET:
            field_dict["certificate"] = certificate
        if allow_self_signed is not UNSET:
            field_dict["allowSelfSigned"] = allow_self_signed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        incoming_url = d.pop("incomingUrl")

        outgoing_url = d.pop("outgoingUrl")

        incoming_active = d.pop("incomingActive", UNSET)

        outgoing_active = d.pop("outgoingActive", UNSET)

        log = d.pop("log", UNSET)

        certificate = d.pop("certificate", UNSET)

        allow_self_signed = d.pop("allowSelfSigned", UNSET)

        set_sipgate_io_phoneline_settings_request = cls(
            incoming_url=incoming_url,
            outgoing_url=outgoing_url,
            incoming_active=incoming_active,
            outgoing_active=outgoing_active,
            log=log,
            certificate=certificate,
            allow_self_signed=allow_self_signed,
        )

        set_sipgate_io_phoneline_settings_request.additional_properties = d
        return set_sipgate_io_phoneline_settings_request

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
