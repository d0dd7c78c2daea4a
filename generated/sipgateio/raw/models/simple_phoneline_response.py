from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SimplePhonelineResponse")


@_attrs_define
class SimplePhonelineResponse:
    """
    Attributes:
        id (str):
        alias (str | Unset):
        block_anonymous_url (str | Unset):
        devices_url (str | Unset):
        forwardings_url (str | Unset):
        numbers_url (str | Unset):
        parallel_forwardings_url (str | Unset):
        voicemails_url (str | Unset):
    """

    id: str
    alias: str | Unset = UNSET
    block_anonymous_url: str | Unset = UNSET
    devices_url: str | Unset = UNSET
    forwardings_url: str | Unset = UNSET
    numbers_url: str | Unset = UNSET
    parallel_forwardings_url: str | Unset = UNSET
    voicemails_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        block_anonymous_url = self.block_anonymous_url

        devices_url = self.devices_url

        forwardings_url = self.forwardings_url

        numbers_url = self.numbers_url

        parallel_forwardings_url = self.parallel_forwardings_url

        voicemails_url = self.voicemails_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias
        if block_anonymous_url is not UNSET:
            field_dict["blockAnonymousUrl"] = block_anonymous_url
        if devices_url is not UNSET:
            field_dict["devicesUrl"] = devices_url
        if forwardings_url is not UNSET:
            field_dict["forwardingsUrl"] = forwardings_url
        if numbers_url is not UNSET:
            field_dict["numbersUrl"] = numbers_url
        if parallel_forwardings_url is not UNSET:
            field_dict["parallelForwardingsUrl"] = parallel_forwardings_url
        if voicemails_url is not UNSET:
            field_dict["voicemailsUrl"] = voicemails_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias", UNSET)

        block_anonymous_url = d.pop("blockAnonymousUrl", UNSET)

        devices_url = d.pop("devicesUrl", UNSET)

        forwardings_url = d.pop("forwardingsUrl", UNSET)

        numbers_url = d.pop("numbersUrl", UNSET)

        parallel_forwardings_url = d.pop("parallelForwardingsUrl", UNSET)

        voicemails_url = d.pop("voicemailsUrl", UNSET)

        simple_phoneline_response = cls(
            id=id,
            alias=alias,
            block_anonymous_url=block_anonymous_url,
            devices_url=devices_url,
            forwardings_url=forwardings_url,
            numbers_url=numbers_url,
            parallel_forwardings_url=parallel_forwardings_url,
            voicemails_url=voicemails_url,
        )

        simple_phoneline_response.additional_properties = d
        return simple_phoneline_response

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
