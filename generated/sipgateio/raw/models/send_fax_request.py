from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SendFaxRequest")


@_attrs_define
class SendFaxRequest:
    """
    Attributes:
        faxline_id (str):
        recipient (str):
        filename (str):
        base_64_content (str):
    """

    faxline_id: str
    recipient: str
    filename: str
    base_64_content: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        faxline_id = self.faxline_id

        recipient = self.recipient

        filename = self.filename

        base_64_content = self.base_64_content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "faxlineId": faxline_id,
                "recipient": recipient,
                "filename": filename,
                "base64Content": base_64_content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        faxline_id = d.pop("faxlineId")

        recipient = d.pop("recipient")

        filename = d.pop("filename")

        base_64_content = d.pop("base64Content")

        send_fax_request = cls(
            faxline_id=faxline_id,
            recipient=recipient,
            filename=filename,
            base_64_content=base_64_content,
        )

        send_fax_request.additional_properties = d
        return send_fax_request

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
