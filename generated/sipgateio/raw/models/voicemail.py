from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.endpoint import Endpoint


T = TypeVar("T", bound="Voicemail")


@_attrs_define
class Voicemail:
    """A voicemail box.

    Attributes:
        id (str): Extension id of the box, e.g. `v0`.
        alias (str): Display name of the box.
        belongs_to_endpoint (Endpoint): An extension of the account.
    """

    id: str
    alias: str
    belongs_to_endpoint: Endpoint
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        belongs_to_endpoint = self.belongs_to_endpoint.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "alias": alias,
                "belongsToEndpoint": belongs_to_endpoint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.endpoint import Endpoint

        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias")

        belongs_to_endpoint = Endpoint.from_dict(d.pop("belongsToEndpoint"))

        voicemail = cls(
            id=id,
            alias=alias,
            belongs_to_endpoint=belongs_to_endpoint,
        )

        voicemail.additional_properties = d
        return voicemail

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
