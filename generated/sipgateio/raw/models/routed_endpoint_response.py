from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.routed_endpoint_response_type import RoutedEndpointResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint_response import EndpointResponse


T = TypeVar("T", bound="RoutedEndpointResponse")


@_attrs_define
class RoutedEndpointResponse:
    """
    Attributes:
        type_ (RoutedEndpointResponseType | Unset):
        endpoint (EndpointResponse | Unset):
    """

    type_: RoutedEndpointResponseType | Unset = UNSET
    endpoint: EndpointResponse | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        endpoint: dict[str, Any] | Unset = UNSET
        if not isinstance(self.endpoint, Unset):
            endpoint = self.endpoint.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: RoutedEndpointResponseType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = RoutedEndpointResponseType.of(_type_)

        _endpoint = d.pop("endpoint", UNSET)
        endpoint: EndpointResponse | Unset
        if isinstance(_endpoint, Unset):
            endpoint = UNSET
        else:
            endpoint = EndpointResponse.from_dict(_endpoint)

        routed_endpoint_response = cls(
            type_=type_,
            endpoint=endpoint,
        )

        routed_endpoint_response.additional_properties = d
        return routed_endpoint_response

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
