from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.create_contact_request_scope import CreateContactRequestScope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_request import AddressRequest
    from ..models.email_request import EmailRequest
    from ..models.number_request import NumberRequest


T = TypeVar("T", bound="CreateContactRequest")


@_attrs_define
class CreateContactRequest:
    """
    Attributes:
        scope (CreateContactRequestScope):
        name (str | Unset):
        family (str | Unset):
        given (str | Unset):
        picture (None | str | Unset):
        emails (list[EmailRequest] | Unset):
        numbers (list[NumberRequest] | Unset):
        addresses (list[AddressRequest] | Unset):
        organization (list[list[str]] | Unset):
    """

    scope: CreateContactRequestScope
    name: str | Unset = UNSET
    family: str | Unset = UNSET
    given: str | Unset = UNSET
    picture: None | str | Unset = UNSET
    emails: list[EmailRequest] | Unset = UNSET
    numbers: list[NumberRequest] | Unset = UNSET
    addresses: list[AddressRequest] | Unset = UNSET
    organization: list[list[str]] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope.value

        name = self.name

        family = self.family

        given = self.given

        picture: None | str | Unset
        if isinstance(self.picture, Unset):
            picture = UNSET
        else:
            picture = self.picture

        emails: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = []
            for emails_item_data in self.emails:
                emails_item = emails_item_data.to_dict()
                emails.append(emails_item)

        numbers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.numbers, Unset):
            numbers = []
            for numbers_item_data in self.numbers:
                numbers_item = numbers_item_data.to_dict()
                numbers.append(numbers_item)

        addresses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = []
            for addresses_item_data in self.addresses:
                addresses_item = addresses_item_data.to_dict()
                addresses.append(addresses_item)

        organization: list[list[str]] | Unset = UNSET
        if not isinstance(self.organization, Unset):
            organization = []
            for organization_item_data in self.organization:
                organization_item = organization_item_data

                organization.append(organization_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scope": scope,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if family is not UNSET:
            field_dict["family"] = family
        if given is not UNSET:
            field_dict["given"] = given
        if picture is not UNSET:
            field_dict["picture"] = picture
        if emails is not UNSET:
            field_dict["emails"] = emails
        if numbers is not UNSET:
            field_dict["numbers"] = numbers
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        scope = CreateContactRequestScope.of(d.pop("scope"))

        name = d.pop("name", UNSET)

        family = d.pop("family", UNSET)

        given = d.pop("given", UNSET)

        picture = d.pop("picture", UNSET)

        _emails = d.pop("emails", UNSET)
        emails: list[EmailRequest] | Unset = UNSET
        if _emails is not UNSET:
            if type(_emails) is not list:
                raise TypeError(
                    f"emails: a list expected, got {type(_emails).__name__}"
                )
            emails = []
            for emails_item_data in _emails:
                emails_item = EmailRequest.from_dict(emails_item_data)

                emails.append(emails_item)

        _numbers = d.pop("numbers", UNSET)
        numbers: list[NumberRequest] | Unset = UNSET
        if _numbers is not UNSET:
            if type(_numbers) is not list:
                raise TypeError(
                    f"numbers: a list expected, got {type(_numbers).__name__}"
                )
            numbers = []
            for numbers_item_data in _numbers:
                numbers_item = NumberRequest.from_dict(numbers_item_data)

                numbers.append(numbers_item)

        _addresses = d.pop("addresses", UNSET)
        addresses: list[AddressRequest] | Unset = UNSET
        if _addresses is not UNSET:
            if type(_addresses) is not list:
                raise TypeError(
                    f"addresses: a list expected, got {type(_addresses).__name__}"
                )
            addresses = []
            for addresses_item_data in _addresses:
                addresses_item = AddressRequest.from_dict(addresses_item_data)

                addresses.append(addresses_item)

        _organization = d.pop("organization", UNSET)
        organization: list[list[str]] | Unset = UNSET
        if _organization is not UNSET:
            if type(_organization) is not list:
                raise TypeError(
                    f"organization: a list expected, got {type(_organization).__name__}"
                )
            organization = []
            for organization_item_data in _organization:
                _organization_item = organization_item_data
                if (
                    type(_organization_item) is not list
                    and _organization_item is not None
                ):
                    raise TypeError(
                        f"organization_item: a list expected, got {type(_organization_item).__name__}"
                    )
                organization_item = cast(list[str], _organization_item)

                organization.append(organization_item)

        create_contact_request = cls(
            scope=scope,
            name=name,
            family=family,
            given=given,
            picture=picture,
            emails=emails,
            numbers=numbers,
            addresses=addresses,
            organization=organization,
        )

        create_contact_request.additional_properties = d
        return create_contact_request

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


# The models this one refers to, imported once this class exists (they may refer back to it).
from ..models.address_request import AddressRequest
from ..models.email_request import EmailRequest
from ..models.number_request import NumberRequest
