from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SipgateioSettings")


@_attrs_define
class SipgateioSettings:
    """The account's sipgate.io webhook settings.

    Attributes:
        incoming_url (None | str): URL notified about incoming calls; empty or null when unset.
        outgoing_url (None | str): URL notified about outgoing calls; empty or null when unset.
        log (bool): Whether webhook requests and answers are written to the sipgate.io log.
        whitelist (list[str] | None): Extensions whose calls trigger webhooks. null means every phone line and group; an
            empty list means none.
    """

    incoming_url: None | str
    outgoing_url: None | str
    log: bool
    whitelist: list[str] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incoming_url: None | str
        incoming_url = self.incoming_url

        outgoing_url: None | str
        outgoing_url = self.outgoing_url

        log = self.log

        whitelist: list[str] | None
        if isinstance(self.whitelist, list):
            whitelist = self.whitelist

        else:
            whitelist = self.whitelist

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incomingUrl": incoming_url,
                "outgoingUrl": outgoing_url,
                "log": log,
                "whitelist": whitelist,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_incoming_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incoming_url = _parse_incoming_url(d.pop("incomingUrl"))

        def _parse_outgoing_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outgoing_url = _parse_outgoing_url(d.pop("outgoingUrl"))

        log = d.pop("log")

        def _parse_whitelist(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                whitelist_type_0 = cast(list[str], data)

                return whitelist_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        whitelist = _parse_whitelist(d.pop("whitelist"))

        sipgateio_settings = cls(
            incoming_url=incoming_url,
            outgoing_url=outgoing_url,
            log=log,
            whitelist=whitelist,
        )

        sipgateio_settings.additional_properties = d
        return sipgateio_settings

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
