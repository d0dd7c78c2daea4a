from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint_response import EndpointResponse


T = TypeVar("T", bound="SimpleVoicemailResponse")


@_attrs_define
class SimpleVoicemailResponse:
    """
    Attributes:
        id (str):
        alias (str | Unset):
        belongs_to_endpoint (EndpointResponse | Unset):
    """

    id: str
    alias: str | Unset = UNSET
    belongs_to_endpoint: EndpointResponse | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        belongs_to_endpoint: dict[str, Any] | Unset = UNSET
        if not isinstance(self.belongs_to_endpoint, Unset):
            belongs_to_endpoint = self.belongs_to_endpoint.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias
        if belongs_to_endpoint is not UNSET:
            field_dict["belongsToEndpoint"] = belongs_to_endpoint

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias", UNSET)

        _belongs_to_endpoint = d.pop("belongsToEndpoint", UNSET)
        belongs_to_endpoint: EndpointResponse | Unset
        if isinstance(_belongs_to_endpoint, Unset):
            belongs_to_endpoint = UNSET
        else:
            belongs_to_endpoint = EndpointResponse.from_dict(_belongs_to_endpoint)

        simple_voicemail_response = cls(
            id=id,
            alias=alias,
            belongs_to_endpoint=belongs_to_endpoint,
        )

        simple_voicemail_response.additional_properties = d
        return simple_voicemail_response

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
from ..models.endpoint_response import EndpointResponse
