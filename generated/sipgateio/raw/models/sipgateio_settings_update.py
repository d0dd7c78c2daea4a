from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SipgateioSettingsUpdate")


@_attrs_define
class SipgateioSettingsUpdate:
    """The complete new webhook settings; every field is written.

    Attributes:
        incoming_url (str): URL to notify about incoming calls; an empty string disables it.
        outgoing_url (str): URL to notify about outgoing calls; an empty string disables it.
        log (bool): Whether to log webhook requests and answers.
        whitelist (list[str] | None): Extensions whose calls trigger webhooks. null lifts the restriction (all phone
            lines and groups); an empty list switches webhooks off for every extension.
    """

    incoming_url: str
    outgoing_url: str
    log: bool
    whitelist: list[str] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incoming_url = self.incoming_url

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
        incoming_url = d.pop("incomingUrl")

        outgoing_url = d.pop("outgoingUrl")

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

        sipgateio_settings_update = cls(
            incoming_url=incoming_url,
            outgoing_url=outgoing_url,
            log=log,
            whitelist=whitelist,
        )

        sipgateio_settings_update.additional_properties = d
        return sipgateio_settings_update

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
