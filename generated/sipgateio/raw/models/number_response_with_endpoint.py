from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_response_with_endpoint_type import NumberResponseWithEndpointType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.mnp_state import MnpState


T = TypeVar("T", bound="NumberResponseWithEndpoint")


@_attrs_define
class NumberResponseWithEndpoint:
    """
    Attributes:
        id (str):
        number (str | Unset):
        localized (str | Unset):
        type_ (NumberResponseWithEndpointType | Unset):
        endpoint_id (None | str | Unset):
        endpoint_alias (None | str | Unset):
        endpoint_url (None | str | Unset):
        port_id (int | None | Unset):
        mnp_state (MnpState | None | Unset):
    """

    id: str
    number: str | Unset = UNSET
    localized: str | Unset = UNSET
    type_: NumberResponseWithEndpointType | Unset = UNSET
    endpoint_id: None | str | Unset = UNSET
    endpoint_alias: None | str | Unset = UNSET
    endpoint_url: None | str | Unset = UNSET
    port_id: int | None | Unset = UNSET
    mnp_state: MnpState | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.mnp_state import MnpState

        id = self.id

        number = self.number

        localized = self.localized

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
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

        port_id: int | None | Unset
        if isinstance(self.port_id, Unset):
            port_id = UNSET
        else:
            port_id = self.port_id

        mnp_state: dict[str, Any] | None | Unset
        if isinstance(self.mnp_state, Unset):
            mnp_state = UNSET
        elif isinstance(self.mnp_state, MnpState):
            mnp_state = self.mnp_state.to_dict()
        else:
            mnp_state = self.mnp_state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if number is not UNSET:
            field_dict["number"] = number
        if localized is not UNSET:
            field_dict["localized"] = localized
        if type_ is not UNSET:
            field_dict["type"] = type_
        if endpoint_id is not UNSET:
            field_dict["endpointId"] = endpoint_id
        if endpoint_alias is not UNSET:
            field_dict["endpointAlias"] = endpoint_alias
        if endpoint_url is not UNSET:
            field_dict["endpointUrl"] = endpoint_url
        if port_id is not UNSET:
            field_dict["portId"] = port_id
        if mnp_state is not UNSET:
            field_dict["mnpState"] = mnp_state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number", UNSET)

        localized = d.pop("localized", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: NumberResponseWithEndpointType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = NumberResponseWithEndpointType.of(_type_)

        endpoint_id = d.pop("endpointId", UNSET)

        endpoint_alias = d.pop("endpointAlias", UNSET)

        endpoint_url = d.pop("endpointUrl", UNSET)

        port_id = d.pop("portId", UNSET)

        def _parse_mnp_state(data: object) -> MnpState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mnp_state_type_1 = MnpState.from_dict(data)

                return mnp_state_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("MnpState | None | Unset", data)

        mnp_state = _parse_mnp_state(d.pop("mnpState", UNSET))

        number_response_with_endpoint = cls(
            id=id,
            number=number,
            localized=localized,
            type_=type_,
            endpoint_id=endpoint_id,
            endpoint_alias=endpoint_alias,
            endpoint_url=endpoint_url,
            port_id=port_id,
            mnp_state=mnp_state,
        )

        number_response_with_endpoint.additional_properties = d
        return number_response_with_endpoint

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
from ..models.mnp_state import MnpState
