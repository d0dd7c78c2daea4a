from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Faxline")


@_attrs_define
class Faxline:
    """A fax line of a web user.

    Attributes:
        id (str): Extension id, e.g. `f0`.
        alias (str): Display name of the fax line.
        can_send (bool): Whether faxes can be sent from this line.
        can_receive (bool): Whether this line receives faxes.
        tagline (None | str | Unset): Header text printed at the top of outgoing fax pages.
    """

    id: str
    alias: str
    can_send: bool
    can_receive: bool
    tagline: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        can_send = self.can_send

        can_receive = self.can_receive

        tagline: None | str | Unset
        if isinstance(self.tagline, Unset):
            tagline = UNSET
        else:
            tagline = self.tagline

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "alias": alias,
                "canSend": can_send,
                "canReceive": can_receive,
            }
        )
        if tagline is not UNSET:
            field_dict["tagline"] = tagline

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias")

        can_send = d.pop("canSend")

        can_receive = d.pop("canReceive")

        def _parse_tagline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tagline = _parse_tagline(d.pop("tagline", UNSET))

        faxline = cls(
            id=id,
            alias=alias,
            can_send=can_send,
            can_receive=can_receive,
            tagline=tagline,
        )

        faxline.additional_properties = d
        return faxline

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
