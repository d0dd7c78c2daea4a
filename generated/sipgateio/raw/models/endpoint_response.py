from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.endpoint_response_type import EndpointResponseType
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndpointResponse")


@_attrs_define
class EndpointResponse:
    """
    Attributes:
        extension (str | Unset):
        type_ (EndpointResponseType | Unset):
    """

    extension: str | Unset = UNSET
    type_: EndpointResponseType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        extension = self.extension

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if extension is not UNSET:
            field_dict["extension"] = extension
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        extension = d.pop("extension", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: EndpointResponseType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = EndpointResponseType.of(_type_)

        endpoint_response = cls(
            extension=extension,
            type_=type_,
        )

        endpoint_response.additional_properties = d
        return endpoint_response

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
