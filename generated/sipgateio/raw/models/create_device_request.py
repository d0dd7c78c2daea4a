from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_device_request_type import CreateDeviceRequestType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateDeviceRequest")


@_attrs_define
class CreateDeviceRequest:
    """
    Attributes:
        type_ (CreateDeviceRequestType):
        alias (str | Unset):
    """

    type_: CreateDeviceRequestType
    alias: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        alias = self.alias

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = CreateDeviceRequestType.of(d.pop("type"))

        alias = d.pop("alias", UNSET)

        create_device_request = cls(
            type_=type_,
            alias=alias,
        )

        create_device_request.additional_properties = d
        return create_device_request

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
