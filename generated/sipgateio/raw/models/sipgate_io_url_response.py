from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SipgateIoUrlResponse")


@_attrs_define
class SipgateIoUrlResponse:
    """
    Attributes:
        incoming_url (None | str | Unset):
        outgoing_url (None | str | Unset):
        log (bool | Unset):
        whitelist (list[str] | None | Unset):
    """

    incoming_url: None | str | Unset = UNSET
    outgoing_url: None | str | Unset = UNSET
    log: bool | Unset = UNSET
    whitelist: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incoming_url: None | str | Unset
        if isinstance(self.incoming_url, Unset):
            incoming_url = UNSET
        else:
            incoming_url = self.incoming_url

        outgoing_url: None | str | Unset
        if isinstance(self.outgoing_url, Unset):
            outgoing_url = UNSET
        else:
            outgoing_url = self.outgoing_url

        log = self.log

        whitelist: list[str] | None | Unset
        if isinstance(self.whitelist, Unset):
            whitelist = UNSET
        elif isinstance(self.whitelist, list):
            whitelist = self.whitelist

        else:
            whitelist = self.whitelist

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if incoming_url is not UNSET:
            field_dict["incomingUrl"] = incoming_url
        if outgoing_url is not UNSET:
            field_dict["outgoingUrl"] = outgoing_url
        if log is not UNSET:
            field_dict["log"] = log
        if whitelist is not UNSET:
            field_dict["whitelist"] = whitelist

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        incoming_url = d.pop("incomingUrl", UNSET)

        outgoing_url = d.pop("outgoingUrl", UNSET)

        log = d.pop("log", UNSET)

        def _parse_whitelist(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                _whitelist_type_0 = data
                if (
                    type(_whitelist_type_0) is not list
                    and _whitelist_type_0 is not None
                ):
                    raise TypeError(
                        f"whitelist_type_0: a list expected, got {type(_whitelist_type_0).__name__}"
                    )
                whitelist_type_0 = cast(list[str], _whitelist_type_0)

                return whitelist_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if type(data) is not list:
                raise TypeError(
                    f"whitelist: a list expected, got {type(data).__name__}"
                )
            return cast("list[str] | None | Unset", data)

        whitelist = _parse_whitelist(d.pop("whitelist", UNSET))

        sipgate_io_url_response = cls(
            incoming_url=incoming_url,
            outgoing_url=outgoing_url,
            log=log,
            whitelist=whitelist,
        )

        sipgate_io_url_response.additional_properties = d
        return sipgate_io_url_response

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
