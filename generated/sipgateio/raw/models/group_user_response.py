from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupUserResponse")


@_attrs_define
class GroupUserResponse:
    """
    Attributes:
        id (str):
        firstname (str | Unset):
        lastname (str | Unset):
        user_url (str | Unset):
    """

    id: str
    firstname: str | Unset = UNSET
    lastname: str | Unset = UNSET
    user_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        firstname = self.firstname

        lastname = self.lastname

        user_url = self.user_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if firstname is not UNSET:
            field_dict["firstname"] = firstname
        if lastname is not UNSET:
            field_dict["lastname"] = lastname
        if user_url is not UNSET:
            field_dict["userUrl"] = user_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        firstname = d.pop("firstname", UNSET)

        lastname = d.pop("lastname", UNSET)

        user_url = d.pop("userUrl", UNSET)

        group_user_response = cls(
            id=id,
            firstname=firstname,
            lastname=lastname,
            user_url=user_url,
        )

        group_user_response.additional_properties = d
        return group_user_response

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
