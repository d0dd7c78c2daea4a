from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PhonelineVoicemailResponse")


@_attrs_define
class PhonelineVoicemailResponse:
    """
    Attributes:
        id (str):
        alias (str | Unset):
        timeout (int | Unset):
        active (bool | Unset):
        transcriptions_url (str | Unset):
        transcription (bool | Unset):
        can_transcribe (bool | Unset):
        greetings_url (str | Unset):
        active_greeting_alias (str | Unset):
        active_greeting_id (str | Unset):
        access_number (str | Unset):
    """

    id: str
    alias: str | Unset = UNSET
    timeout: int | Unset = UNSET
    active: bool | Unset = UNSET
    transcriptions_url: str | Unset = UNSET
    transcription: bool | Unset = UNSET
    can_transcribe: bool | Unset = UNSET
    greetings_url: str | Unset = UNSET
    active_greeting_alias: str | Unset = UNSET
    active_greeting_id: str | Unset = UNSET
    access_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        timeout = self.timeout

        active = self.active

        transcriptions_url = self.transcriptions_url

        transcription = self.transcription

        can_transcribe = self.can_transcribe

        greetings_url = self.greetings_url

        active_greeting_alias = self.active_greeting_alias

        active_greeting_id = self.active_greeting_id

        access_number = self.access_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if active is not UNSET:
            field_dict["active"] = active
        if transcriptions_url is not UNSET:
            field_dict["transcriptionsUrl"] = transcriptions_url
        if transcription is not UNSET:
            field_dict["transcription"] = transcription
        if can_transcribe is not UNSET:
            field_dict["canTranscribe"] = can_transcribe
        if greetings_url is not UNSET:
            field_dict["greetingsUrl"] = greetings_url
        if active_greeting_alias is not UNSET:
            field_dict["activeGreetingAlias"] = active_greeting_alias
        if active_greeting_id is not UNSET:
            field_dict["activeGreetingId"] = active_greeting_id
        if access_number is not UNSET:
            field_dict["accessNumber"] = access_number

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias", UNSET)

        timeout = d.pop("timeout", UNSET)

        active = d.pop("active", UNSET)

        transcriptions_url = d.pop("transcriptionsUrl", UNSET)

        transcription = d.pop("transcription", UNSET)

        can_transcribe = d.pop("canTranscribe", UNSET)

        greetings_url = d.pop("greetingsUrl", UNSET)

        active_greeting_alias = d.pop("activeGreetingAlias", UNSET)

        active_greeting_id = d.pop("activeGreetingId", UNSET)

        access_number = d.pop("accessNumber", UNSET)

        phoneline_voicemail_response = cls(
            id=id,
            alias=alias,
            timeout=timeout,
            active=active,
            transcriptions_url=transcriptions_url,
            transcription=transcription,
            can_transcribe=can_transcribe,
            greetings_url=greetings_url,
            active_greeting_alias=active_greeting_alias,
            active_greeting_id=active_greeting_id,
            access_number=access_number,
        )

        phoneline_voicemail_response.additional_properties = d
        return phoneline_voicemail_response

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
