from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.endpoint import Endpoint


T = TypeVar("T", bound="RoutedEndpoint")


@_attrs_define
class RoutedEndpoint:
    """An extension an event passed through, and how.

    Attributes:
        type_ (str): How the event reached the extension, e.g. `ROUTED`, `FORWARDED` or `PICKUP`.
        endpoint (Endpoint): An extension of the account.
    """

    type_: str
    endpoint: Endpoint
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        endpoint = self.endpoint.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "endpoint": endpoint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.endpoint import Endpoint

        d = dict(src_dict)
        type_ = d.pop("type")

        endpoint = Endpoint.from_dict(d.pop("endpoint"))

        routed_endpoint = cls(
            type_=type_,
            endpoint=endpoint,
        )

        routed_endpoint.additional_properties = d
        return routed_endpoint

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
