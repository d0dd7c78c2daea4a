from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.add_fax_email_notification_request_direction import (
    AddFaxEmailNotificationRequestDirection,
)

T = TypeVar("T", bound="AddFaxEmailNotificationRequest")


@_attrs_define
class AddFaxEmailNotificationRequest:
    """
    Attributes:
        faxline_id (str):
        direction (AddFaxEmailNotificationRequestDirection):
        email (str):
    """

    faxline_id: str
    direction: AddFaxEmailNotificationRequestDirection
    email: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        faxline_id = self.faxline_id

        direction = self.direction.value

        email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "faxlineId": faxline_id,
                "direction": direction,
                "email": email,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        faxline_id = d.pop("faxlineId")

        direction = AddFaxEmailNotificationRequestDirection.of(d.pop("direction"))

        email = d.pop("email")

        add_fax_email_notification_request = cls(
            faxline_id=faxline_id,
            direction=direction,
            email=email,
        )

        add_fax_email_notification_request.additional_properties = d
        return add_fax_email_notification_request

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
