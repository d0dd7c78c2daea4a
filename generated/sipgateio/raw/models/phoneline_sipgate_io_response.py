from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PhonelineSipgateIoResponse")


@_attrs_define
class PhonelineSipgateIoResponse:
    """
    Attributes:
        incoming_active (bool | Unset):
        outgoing_active (bool | Unset):
        incoming_url (str | Unset):
        outgoing_url (str | Unset):
        log (bool | Unset):
        certificate (str | Unset):
        allow_self_signed (bool | Unset):
    """

    incoming_active: bool | Unset = UNSET
    outgoing_active: bool | Unset = UNSET
    incoming_url: str | Unset = UNSET
    outgoing_url: str | Unset = UNSET
    log: bool | Unset = UNSET
    certificate: str | Unset = UNSET
    allow_self_signed: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incoming_active = self.incoming_active

        outgoing_active = self.outgoing_active

        incoming_url = self.incoming_url

        outgoing_url = self.outgoing_url

        log = self.log

        certificate = self.certificate

        allow_self_signed = self.allow_self_signed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if incoming_active is not UNSET:
            field_dict["incomingActive"] = incoming_active
        if outgoing_active is not UNSET:
            field_dict["outgoingActive"] = outgoing_active
        if incoming_url is not UNSET:
            field_dict["incomingUrl"] = incoming_url
        if outgoing_url is not UNSET:
            field_dict["outgoingUrl"] = outgoing_url
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
        incoming_active = d.pop("incomingActive", UNSET)

        outgoing_active = d.pop("outgoingActive", UNSET)

        incoming_url = d.pop("incomingUrl", UNSET)

        outgoing_url = d.pop("outgoingUrl", UNSET)

        log = d.pop("log", UNSET)

        certificate = d.pop("certificate", UNSET)

        allow_self_signed = d.pop("allowSelfSigned", UNSET)

        phoneline_sipgate_io_response = cls(
            incoming_active=incoming_active,
            outgoing_active=outgoing_active,
            incoming_url=incoming_url,
            outgoing_url=outgoing_url,
            log=log,
            certificate=certificate,
            allow_self_signed=allow_self_signed,
        )

        phoneline_sipgate_io_response.additional_properties = d
        return phoneline_sipgate_io_response

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
