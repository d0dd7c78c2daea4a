from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.phoneline_block_anonymous_response_target import (
    PhonelineBlockAnonymousResponseTarget,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PhonelineBlockAnonymousResponse")


@_attrs_define
class PhonelineBlockAnonymousResponse:
    """
    Attributes:
        enabled (bool | Unset):
        target (PhonelineBlockAnonymousResponseTarget | Unset):
    """

    enabled: bool | Unset = UNSET
    target: PhonelineBlockAnonymousResponseTarget | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        target: str | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        _target = d.pop("target", UNSET)
        target: PhonelineBlockAnonymousResponseTarget | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = PhonelineBlockAnonymousResponseTarget.of(_target)

        phoneline_block_anonymous_response = cls(
            enabled=enabled,
            target=target,
        )

        phoneline_block_anonymous_response.additional_properties = d
        return phoneline_block_anonymous_response

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
