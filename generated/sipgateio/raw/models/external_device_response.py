from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.external_device_response_incoming_call_display_state import (
    ExternalDeviceResponseIncomingCallDisplayState,
)
from ..models.external_device_response_type import ExternalDeviceResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.active_routing import ActiveRouting


T = TypeVar("T", bound="ExternalDeviceResponse")


@_attrs_define
class ExternalDeviceResponse:
    """
    Attributes:
        id (str):
        alias (str | Unset):
        type_ (ExternalDeviceResponseType | Unset):
        online (bool | Unset):
        dnd (bool | Unset):
        active_phonelines (list[ActiveRouting] | Unset):
        active_groups (list[ActiveRouting] | Unset):
        number (str | Unset):
        incoming_call_display_state (ExternalDeviceResponseIncomingCallDisplayState | Unset):
    """

    id: str
    alias: str | Unset = UNSET
    type_: ExternalDeviceResponseType | Unset = UNSET
    online: bool | Unset = UNSET
    dnd: bool | Unset = UNSET
    active_phonelines: list[ActiveRouting] | Unset = UNSET
    active_groups: list[ActiveRouting] | Unset = UNSET
    number: str | Unset = UNSET
    incoming_call_display_state: (
        ExternalDeviceResponseIncomingCallDisplayState | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        online = self.online

        dnd = self.dnd

        active_phonelines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.active_phonelines, Unset):
            active_phonelines = []
            for active_phonelines_item_data in self.active_phonelines:
                active_phonelines_item = active_phonelines_item_data.to_dict()
                active_phonelines.append(active_phonelines_item)

        active_groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.active_groups, Unset):
            active_groups = []
            for active_groups_item_data in self.active_groups:
                active_groups_item = active_groups_item_data.to_dict()
                active_groups.append(active_groups_item)

        number = self.number

        incoming_call_display_state: str | Unset = UNSET
        if not isinstance(self.incoming_call_display_state, Unset):
            incoming_call_display_state = self.incoming_call_display_state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if alias is not UNSET:
            field_dict["alias"] = alias
        if type_ is not UNSET:
            field_dict["type"] = type_
        if online is not UNSET:
            field_dict["online"] = online
        if dnd is not UNSET:
            field_dict["dnd"] = dnd
        if active_phonelines is not UNSET:
            field_dict["activePhonelines"] = active_phonelines
        if active_groups is not UNSET:
            field_dict["activeGroups"] = active_groups
        if number is not UNSET:
            field_dict["number"] = number
        if incoming_call_display_state is not UNSET:
            field_dict["incomingCallDisplayState"] = incoming_call_display_state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: ExternalDeviceResponseType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ExternalDeviceResponseType.of(_type_)

        online = d.pop("online", UNSET)

        dnd = d.pop("dnd", UNSET)

        _active_phonelines = d.pop("activePhonelines", UNSET)
        active_phonelines: list[ActiveRouting] | Unset = UNSET
        if _active_phonelines is not UNSET:
            if type(_active_phonelines) is not list:
                raise TypeError(
                    f"activePhonelines: a list expected, got {type(_active_phonelines).__name__}"
                )
            active_phonelines = []
            for active_phonelines_item_data in _active_phonelines:
                active_phonelines_item = ActiveRouting.from_dict(
                    active_phonelines_item_data
                )

                active_phonelines.append(active_phonelines_item)

        _active_groups = d.pop("activeGroups", UNSET)
        active_groups: list[ActiveRouting] | Unset = UNSET
        if _active_groups is not UNSET:
            if type(_active_groups) is not list:
                raise TypeError(
                    f"activeGroups: a list expected, got {type(_active_groups).__name__}"
                )
            active_groups = []
            for active_groups_item_data in _active_groups:
                active_groups_item = ActiveRouting.from_dict(active_groups_item_data)

                active_groups.append(active_groups_item)

        number = d.pop("number", UNSET)

        _incoming_call_display_state = d.pop("incomingCallDisplayState", UNSET)
        incoming_call_display_state: (
            ExternalDeviceResponseIncomingCallDisplayState | Unset
        )
        if isinstance(_incoming_call_display_state, Unset):
            incoming_call_display_state = UNSET
        else:
            incoming_call_display_state = (
                ExternalDeviceResponseIncomingCallDisplayState.of(
                    _incoming_call_display_state
                )
            )

        external_device_response = cls(
            id=id,
            alias=alias,
            type_=type_,
            online=online,
            dnd=dnd,
            active_phonelines=active_phonelines,
            active_groups=active_groups,
            number=number,
            incoming_call_display_state=incoming_call_display_state,
        )

        external_device_response.additional_properties = d
        return external_device_response

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
from ..models.active_routing import ActiveRouting
