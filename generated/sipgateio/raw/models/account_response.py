from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_response_history_life_time import AccountResponseHistoryLifeTime
from ..models.account_response_main_product_type import AccountResponseMainProductType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountResponse")


@_attrs_define
class AccountResponse:
    """
    Attributes:
        company (str | Unset):
        main_product_type (AccountResponseMainProductType | Unset):
        logo_url (str | Unset):
        verified (bool | Unset):
        history_life_time (AccountResponseHistoryLifeTime | Unset):
    """

    company: str | Unset = UNSET
    main_product_type: AccountResponseMainProductType | Unset = UNSET
    logo_url: str | Unset = UNSET
    verified: bool | Unset = UNSET
    history_life_time: AccountResponseHistoryLifeTime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company = self.company

        main_product_type: str | Unset = UNSET
        if not isinstance(self.main_product_type, Unset):
            main_product_type = self.main_product_type.value

        logo_url = self.logo_url

        verified = self.verified

        history_life_time: str | Unset = UNSET
        if not isinstance(self.history_life_time, Unset):
            history_life_time = self.history_life_time.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if company is not UNSET:
            field_dict["company"] = company
        if main_product_type is not UNSET:
            field_dict["mainProductType"] = main_product_type
        if logo_url is not UNSET:
            field_dict["logoUrl"] = logo_url
        if verified is not UNSET:
            field_dict["verified"] = verified
        if history_life_time is not UNSET:
            field_dict["historyLifeTime"] = history_life_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        company = d.pop("company", UNSET)

        _main_product_type = d.pop("mainProductType", UNSET)
        main_product_type: AccountResponseMainProductType | Unset
        if isinstance(_main_product_type, Unset):
            main_product_type = UNSET
        else:
            main_product_type = AccountResponseMainProductType.of(_main_product_type)

        logo_url = d.pop("logoUrl", UNSET)

        verified = d.pop("verified", UNSET)

        _history_life_time = d.pop("historyLifeTime", UNSET)
        history_life_time: AccountResponseHistoryLifeTime | Unset
        if isinstance(_history_life_time, Unset):
            history_life_time = UNSET
        else:
            history_life_time = AccountResponseHistoryLifeTime.of(_history_life_time)

        account_response = cls(
            company=company,
            main_product_type=main_product_type,
            logo_url=logo_url,
            verified=verified,
            history_life_time=history_life_time,
        )

        account_response.additional_properties = d
        return account_response

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
