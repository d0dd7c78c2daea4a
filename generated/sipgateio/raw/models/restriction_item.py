from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.restriction_item_restriction import RestrictionItemRestriction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.restriction_item_value import RestrictionItemValue


T = TypeVar("T", bound="RestrictionItem")


@_attrs_define
class RestrictionItem:
    """
    Attributes:
        restriction (RestrictionItemRestriction | Unset):
        value (RestrictionItemValue | Unset):
        target (str | Unset):
    """

    restriction: RestrictionItemRestriction | Unset = UNSET
    value: RestrictionItemValue | Unset = UNSET
    target: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        restriction: str | Unset = UNSET
        if not isinstance(self.restriction, Unset):
            restriction = self.restriction.value

        value: dict[str, Any] | Unset = UNSET
        if not isinstance(self.value, Unset):
            value = self.value.to_dict()

        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if restriction is not UNSET:
            field_dict["restriction"] = restriction
        if value is not UNSET:
            field_dict["value"] = value
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _restriction = d.pop("restriction", UNSET)
        restriction: RestrictionItemRestriction | Unset
        if isinstance(_restriction, Unset):
            restriction = UNSET
        else:
            restriction = RestrictionItemRestriction.of(_restriction)

        _value = d.pop("value", UNSET)
        value: RestrictionItemValue | Unset
        if isinstance(_value, Unset):
            value = UNSET
        else:
            value = RestrictionItemValue.from_dict(_value)

        target = d.pop("target", UNSET)

        restriction_item = cls(
            restriction=restriction,
            value=value,
            target=target,
        )

        restriction_item.additional_properties = d
        return restriction_item

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
from ..models.restriction_item_value import RestrictionItemValue
