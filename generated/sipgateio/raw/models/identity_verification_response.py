from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identity_verification_response_state import (
    IdentityVerificationResponseState,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityVerificationResponse")


@_attrs_define
class IdentityVerificationResponse:
    """
    Attributes:
        state (IdentityVerificationResponseState | Unset):
        external_transaction_number (str | Unset):
        external_reference_id (str | Unset):
        external_verification_link (str | Unset):
        external_reference_id_autoident (str | Unset):
        external_verification_link_autoident (str | Unset):
    """

    state: IdentityVerificationResponseState | Unset = UNSET
    external_transaction_number: str | Unset = UNSET
    external_reference_id: str | Unset = UNSET
    external_verification_link: str | Unset = UNSET
    external_reference_id_autoident: str | Unset = UNSET
    external_verification_link_autoident: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        external_transaction_number = self.external_transaction_number

        external_reference_id = self.external_reference_id

        external_verification_link = self.external_verification_link

        external_reference_id_autoident = self.external_reference_id_autoident

        external_verification_link_autoident = self.external_verification_link_autoident

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if state is not UNSET:
            field_dict["state"] = state
        if external_transaction_number is not UNSET:
            field_dict["externalTransactionNumber"] = external_transaction_number
        if external_reference_id is not UNSET:
            field_dict["externalReferenceId"] = external_reference_id
        if external_verification_link is not UNSET:
            field_dict["externalVerificationLink"] = external_verification_link
        if external_reference_id_autoident is not UNSET:
            field_dict["externalReferenceIdAutoident"] = external_reference_id_autoident
        if external_verification_link_autoident is not UNSET:
            field_dict["externalVerificationLinkAutoident"] = (
                external_verification_link_autoident
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _state = d.pop("state", UNSET)
        state: IdentityVerificationResponseState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = IdentityVerificationResponseState.of(_state)

        external_transaction_number = d.pop("externalTransactionNumber", UNSET)

        external_reference_id = d.pop("externalReferenceId", UNSET)

        external_verification_link = d.pop("externalVerificationLink", UNSET)

        external_reference_id_autoident = d.pop("externalReferenceIdAutoident", UNSET)

        external_verification_link_autoident = d.pop(
            "externalVerificationLinkAutoident", UNSET
        )

        identity_verification_response = cls(
            state=state,
            external_transaction_number=external_transaction_number,
            external_reference_id=external_reference_id,
            external_verification_link=external_verification_link,
            external_reference_id_autoident=external_reference_id_autoident,
            external_verification_link_autoident=external_verification_link_autoident,
        )

        identity_verification_response.additional_properties = d
        return identity_verification_response

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
