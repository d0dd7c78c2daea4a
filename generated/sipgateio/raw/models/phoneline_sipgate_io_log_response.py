from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PhonelineSipgateIoLogResponse")


@_attrs_define
class PhonelineSipgateIoLogResponse:
    """
    Attributes:
        created (str | Unset):
        url (str | Unset):
        request (str | Unset):
        response (str | Unset):
        xml_error (str | Unset):
        status (str | Unset):
    """

    created: str | Unset = UNSET
    url: str | Unset = UNSET
    request: str | Unset = UNSET
    response: str | Unset = UNSET
    xml_error: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        url = self.url

        request = self.request

        response = self.response

        xml_error = self.xml_error

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created is not UNSET:
            field_dict["created"] = created
        if url is not UNSET:
            field_dict["url"] = url
        if request is not UNSET:
            field_dict["request"] = request
        if response is not UNSET:
            field_dict["response"] = response
        if xml_error is not UNSET:
            field_dict["xmlError"] = xml_error
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created = d.pop("created", UNSET)

        url = d.pop("url", UNSET)

        request = d.pop("request", UNSET)

        response = d.pop("response", UNSET)

        xml_error = d.pop("xmlError", UNSET)

        status = d.pop("status", UNSET)

        phoneline_sipgate_io_log_response = cls(
            created=created,
            url=url,
            request=request,
            response=response,
            xml_error=xml_error,
            status=status,
        )

        phoneline_sipgate_io_log_response.additional_properties = d
        return phoneline_sipgate_io_log_response

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
