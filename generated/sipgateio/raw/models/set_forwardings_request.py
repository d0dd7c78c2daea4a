from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.forwarding import Forwarding


T = TypeVar("T", bound="SetForwardingsRequest")


@_attrs_define
class SetForwardingsRequest:
    """
    Attributes:
        forwardings (list[Forwarding] | Unset):
    """

    forwardings: list[Forwarding] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        forwardings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.forwardings, Unset):
            forwardings = []
            for forwardings_item_data in self.forwardings:
                forwardings_item = forwardings_item_data.to_dict()
                forwardings.append(forwardings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if forwardings is not UNSET:
            field_dict["forwardings"] = forwardings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _forwardings = d.pop("forwardings", UNSET)
        forwardings: list[Forwarding] | Unset = UNSET
        if _forwardings is not UNSET:
            if type(_forwardings) is not list:
                raise TypeError(
                    f"forwardings: a list expected, got {type(_forwardings).__name__}"
                )
            forwardings = []
            for forwardings_item_data in _forwardings:
                forwardings_item = Forwarding.from_dict(forwardings_item_data)

                forwardings.append(forwardings_item)

        set_forwardings_request = cls(
            forwardings=forwardings,
        )

        set_forwardings_request.additional_properties = d
        return set_forwardings_request

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
from ..models.forwarding import Forwarding
