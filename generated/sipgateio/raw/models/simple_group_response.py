from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SimpleGroupResponse")


@_attrs_define
class SimpleGroupResponse:
    """
    Attributes:
        id (str):
        alias (str | Unset):
        group_numbers_url (str | Unset):
        group_users_url (str | Unset):
        department_id (int | Unset):
    """

    id: str
    alias: str | Unset = UNSET
    group_numbers_url: str | Unset = UNSET
    group_users_url: str | Unset = UNSET
    department_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        group_numbers_url = self.group_numbers_url

        group_users_url = self.group_users_url

        department_id = self.department_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias
        if group_numbers_url is not UNSET:
            field_dict["groupNumbersUrl"] = group_numbers_url
        if group_users_url is not UNSET:
            field_dict["groupUsersUrl"] = group_users_url
        if department_id is not UNSET:
            field_dict["departmentId"] = department_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias", UNSET)

        group_numbers_url = d.pop("groupNumbersUrl", UNSET)

        group_users_url = d.pop("groupUsersUrl", UNSET)

        department_id = d.pop("departmentId", UNSET)

        simple_group_response = cls(
            id=id,
            alias=alias,
            group_numbers_url=group_numbers_url,
            group_users_url=group_users_url,
            department_id=department_id,
        )

        simple_group_response.additional_properties = d
        return simple_group_response

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
