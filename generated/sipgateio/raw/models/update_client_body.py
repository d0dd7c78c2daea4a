from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UpdateClientBody")


@_attrs_define
class UpdateClientBody:
    """
    Attributes:
        name (str):
        description (str):
        redirect_uris (list[str]):
        web_origins (list[str]):
        privacy_url (str):
        terms_url (str):
    """

    name: str
    description: str
    redirect_uris: list[str]
    web_origins: list[str]
    privacy_url: str
    terms_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        redirect_uris = self.redirect_uris

        web_origins = self.web_origins

        privacy_url = self.privacy_url

        terms_url = self.terms_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "redirectUris": redirect_uris,
                "webOrigins": web_origins,
                "privacyUrl": privacy_url,
                "termsUrl": terms_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        _redirect_uris = d.pop("redirectUris")
        if type(_redirect_uris) is not list and _redirect_uris is not None:
            raise TypeError(
                f"redirectUris: a list expected, got {type(_redirect_uris).__name__}"
            )
        redirect_uris = cast(list[str], _redirect_uris)

        _web_origins = d.pop("webOrigins")
        if type(_web_origins) is not list and _web_origins is not None:
            raise TypeError(
                f"webOrigins: a list expected, got {type(_web_origins).__name__}"
            )
        web_origins = cast(list[str], _web_origins)

        privacy_url = d.pop("privacyUrl")

        terms_url = d.pop("termsUrl")

        update_client_body = cls(
            name=name,
            description=description,
            redirect_uris=redirect_uris,
            web_origins=web_origins,
            privacy_url=privacy_url,
            terms_url=terms_url,
        )

        update_client_body.additional_properties = d
        return update_client_body

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
