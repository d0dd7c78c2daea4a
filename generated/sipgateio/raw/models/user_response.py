from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserResponse")


@_attrs_define
class UserResponse:
    """
    Attributes:
        id (str):
        firstname (str | Unset):
        lastname (str | Unset):
        email (str | Unset):
        default_device (str | Unset):
        busy_on_busy (bool | Unset):
        address_id (str | Unset):
        direct_dial_ids (list[str] | Unset):
        timezone (str | Unset):
        admin (bool | Unset):
    """

    id: str
    firstname: str | Unset = UNSET
    lastname: str | Unset = UNSET
    email: str | Unset = UNSET
    default_device: str | Unset = UNSET
    busy_on_busy: bool | Unset = UNSET
    address_id: str | Unset = UNSET
    direct_dial_ids: list[str] | Unset = UNSET
    timezone: str | Unset = UNSET
    admin: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        firstname = self.firstname

        lastname = self.lastname

        email = self.email

        default_device = self.default_device

        busy_on_busy = self.busy_on_busy

        address_id = self.address_id

        direct_dial_ids: list[str] | Unset = UNSET
        if not isinstance(self.direct_dial_ids, Unset):
            direct_dial_ids = self.direct_dial_ids

        timezone = self.timezone

        admin = self.admin

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
        if email is not UNSET:
            field_dict["email"] = email
        if default_device is not UNSET:
            field_dict["defaultDevice"] = default_device
        if busy_on_busy is not UNSET:
            field_dict["busyOnBusy"] = busy_on_busy
        if address_id is not UNSET:
            field_dict["addressId"] = address_id
        if direct_dial_ids is not UNSET:
            field_dict["directDialIds"] = direct_dial_ids
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if admin is not UNSET:
            field_dict["admin"] = admin

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        firstname = d.pop("firstname", UNSET)

        lastname = d.pop("lastname", UNSET)

        email = d.pop("email", UNSET)

        default_device = d.pop("defaultDevice", UNSET)

        busy_on_busy = d.pop("busyOnBusy", UNSET)

        address_id = d.pop("addressId", UNSET)

        _direct_dial_ids = d.pop("directDialIds", UNSET)
        direct_dial_ids: list[str] | Unset = UNSET
        if _direct_dial_ids is not UNSET:
            if type(_direct_dial_ids) is not list and _direct_dial_ids is not None:
                raise TypeError(
                    f"directDialIds: a list expected, got {type(_direct_dial_ids).__name__}"
                )
            direct_dial_ids = cast(list[str], _direct_dial_ids)

        timezone = d.pop("timezone", UNSET)

        admin = d.pop("admin", UNSET)

        user_response = cls(
            id=id,
            firstname=firstname,
            lastname=lastname,
            email=email,
            default_device=default_device,
            busy_on_busy=busy_on_busy,
            address_id=address_id,
            direct_dial_ids=direct_dial_ids,
            timezone=timezone,
            admin=admin,
        )

        user_response.additional_properties = d
        return user_response

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
