from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_scope import ContactScope

if TYPE_CHECKING:
    from ..models.contact_address import ContactAddress
    from ..models.contact_email import ContactEmail
    from ..models.contact_number import ContactNumber


T = TypeVar("T", bound="ContactResponse")


@_attrs_define
class ContactResponse:
    """A contact as stored by sipgate.

    Attributes:
        id (str):
        name (str): Full display name.
        picture (None | str): The contact's picture, or null if there is none.
        emails (list[ContactEmail]):
        numbers (list[ContactNumber]):
        addresses (list[ContactAddress]):
        organization (list[list[str]]): Organisations the contact belongs to; each is a list of names from the company
            down to the department.
        scope (ContactScope): Which address book a contact lives in: PRIVATE (visible to its owner only), SHARED
            (visible to everyone in the account) or INTERNAL (maintained by sipgate).
    """

    id: str
    name: str
    picture: None | str
    emails: list[ContactEmail]
    numbers: list[ContactNumber]
    addresses: list[ContactAddress]
    organization: list[list[str]]
    scope: ContactScope
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        picture: None | str
        picture = self.picture

        emails = []
        for emails_item_data in self.emails:
            emails_item = emails_item_data.to_dict()
            emails.append(emails_item)

        numbers = []
        for numbers_item_data in self.numbers:
            numbers_item = numbers_item_data.to_dict()
            numbers.append(numbers_item)

        addresses = []
        for addresses_item_data in self.addresses:
            addresses_item = addresses_item_data.to_dict()
            addresses.append(addresses_item)

        organization = []
        for organization_item_data in self.organization:
            organization_item = organization_item_data

            organization.append(organization_item)

        scope = self.scope.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "picture": picture,
                "emails": emails,
                "numbers": numbers,
                "addresses": addresses,
                "organization": organization,
                "scope": scope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.contact_address import ContactAddress
        from ..models.contact_email import ContactEmail
        from ..models.contact_number import ContactNumber

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_picture(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        picture = _parse_picture(d.pop("picture"))

        emails = []
        _emails = d.pop("emails")
        for emails_item_data in _emails:
            emails_item = ContactEmail.from_dict(emails_item_data)

            emails.append(emails_item)

        numbers = []
        _numbers = d.pop("numbers")
        for numbers_item_data in _numbers:
            numbers_item = ContactNumber.from_dict(numbers_item_data)

            numbers.append(numbers_item)

        addresses = []
        _addresses = d.pop("addresses")
        for addresses_item_data in _addresses:
            addresses_item = ContactAddress.from_dict(addresses_item_data)

            addresses.append(addresses_item)

        organization = []
        _organization = d.pop("organization")
        for organization_item_data in _organization:
            organization_item = cast(list[str], organization_item_data)

            organization.append(organization_item)

        scope = ContactScope(d.pop("scope"))

        contact_response = cls(
            id=id,
            name=name,
            picture=picture,
            emails=emails,
            numbers=numbers,
            addresses=addresses,
            organization=organization,
            scope=scope,
        )

        contact_response.additional_properties = d
        return contact_response

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
