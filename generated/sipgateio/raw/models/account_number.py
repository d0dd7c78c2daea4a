from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_type import NumberType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mnp_state import MnpState


T = TypeVar("T", bound="AccountNumber")


@_attrs_define
class AccountNumber:
    """A phone number booked on the account.

    Attributes:
        id (str):
        number (str): The number in E.164 form.
        localized (str): The number formatted for display.
        type_ (NumberType): Kind of phone number.
        endpoint_id (None | str | Unset): Extension the number routes to, e.g. `p0`; absent if unassigned.
        endpoint_alias (None | str | Unset): Display name of that extension.
        endpoint_url (None | str | Unset): API address of that extension.
        mnp_state (MnpState | Unset): Porting state of a mobile number (mobile number portability).
        port_id (int | None | Unset): Id of the porting process the number is part of, if any.
    """

    id: str
    number: str
    localized: str
    type_: NumberType
    endpoint_id: None | str | Unset = UNSET
    endpoint_alias: None | str | Unset = UNSET
    endpoint_url: None | str | Unset = UNSET
    mnp_state: MnpState | Unset = UNSET
    port_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        localized = self.localized

        type_ = self.type_.value

        endpoint_id: None | str | Unset
        if isinstance(self.endpoint_id, Unset):
            endpoint_id = UNSET
        else:
            endpoint_id = self.endpoint_id

        endpoint_alias: None | str | Unset
        if isinstance(self.endpoint_alias, Unset):
            endpoint_alias = UNSET
        else:
            endpoint_alias = self.endpoint_alias

        endpoint_url: None | str | Unset
        if isinstance(self.endpoint_url, Unset):
            endpoint_url = UNSET
        else:
            endpoint_url = self.endpoint_url

        mnp_state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mnp_state, Unset):
            mnp_state = self.mnp_state.to_dict()

        port_id: int | None | Unset
        if isinstance(self.port_id, Unset):
            port_id = UNSET
        else:
            port_id = self.port_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "localized": localized,
                "type": type_,
            }
        )
        if endpoint_id is not UNSET:
            field_dict["endpointId"] = endpoint_id
        if endpoint_alias is not UNSET:
            field_dict["endpointAlias"] = endpoint_alias
        if endpoint_url is not UNSET:
            field_dict["endpointUrl"] = endpoint_url
        if mnp_state is not UNSET:
            field_dict["mnpState"] = mnp_state
        if port_id is not UNSET:
            field_dict["portId"] = port_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.mnp_state import MnpState

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        localized = d.pop("localized")

        type_ = NumberType(d.pop("type"))

        def _parse_endpoint_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        endpoint_id = _parse_endpoint_id(d.pop("endpointId", UNSET))

        def _parse_endpoint_alias(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        endpoint_alias = _parse_endpoint_alias(d.pop("endpointAlias", UNSET))

        def _parse_endpoint_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        endpoint_url = _parse_endpoint_url(d.pop("endpointUrl", UNSET))

        _mnp_state = d.pop("mnpState", UNSET)
        mnp_state: MnpState | Unset
        if isinstance(_mnp_state, Unset):
            mnp_state = UNSET
        else:
            mnp_state = MnpState.from_dict(_mnp_state)

        def _parse_port_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        port_id = _parse_port_id(d.pop("portId", UNSET))

        account_number = cls(
            id=id,
            number=number,
            localized=localized,
            type_=type_,
            endpoint_id=endpoint_id,
            endpoint_alias=endpoint_alias,
            endpoint_url=endpoint_url,
            mnp_state=mnp_state,
            port_id=port_id,
        )

        account_number.additional_properties = d
        return account_number

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
