from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CredentialsResponse")


@_attrs_define
class CredentialsResponse:
    """
    Attributes:
        username (str | Unset):
        password (str | Unset):
        sip_server (str | Unset):
        outbound_proxy (str | Unset):
        sip_server_websocket_url (str | Unset):
    """

    username: str | Unset = UNSET
    password: str | Unset = UNSET
    sip_server: str | Unset = UNSET
    outbound_proxy: str | Unset = UNSET
    sip_server_websocket_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        sip_server = self.sip_server

        outbound_proxy = self.outbound_proxy

        sip_server_websocket_url = self.sip_server_websocket_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if sip_server is not UNSET:
            field_dict["sipServer"] = sip_server
        if outbound_proxy is not UNSET:
            field_dict["outboundProxy"] = outbound_proxy
        if sip_server_websocket_url is not UNSET:
            field_dict["sipServerWebsocketUrl"] = sip_server_websocket_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        sip_server = d.pop("sipServer", UNSET)

        outbound_proxy = d.pop("outboundProxy", UNSET)

        sip_server_websocket_url = d.pop("sipServerWebsocketUrl", UNSET)

        credentials_response = cls(
            username=username,
            password=password,
            sip_server=sip_server,
            outbound_proxy=outbound_proxy,
            sip_server_websocket_url=sip_server_websocket_url,
        )

        credentials_response.additional_properties = d
        return credentials_response

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
