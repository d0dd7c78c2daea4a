from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.device_type import DeviceType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.active_routing import ActiveRouting


T = TypeVar("T", bound="Device")


@_attrs_define
class Device:
    """A device of a web user.

    Attributes:
        id (str): Extension id, e.g. `e0`, `y0` or `x0`.
        alias (str): Display name of the device.
        type_ (DeviceType): Kind of device: REGISTER (a VoIP phone registering over SIP), MOBILE (a sipgate SIM) or
            EXTERNAL (a phone number outside sipgate).
        dnd (bool): Whether do-not-disturb is on.
        online (bool): Whether the device is currently reachable (registered).
        active_phonelines (list[ActiveRouting]):
        active_groups (list[ActiveRouting]):
        caller_id (None | str | Unset): Number shown to people the device calls.
        owner (None | str | Unset): Web user the device belongs to.
    """

    id: str
    alias: str
    type_: DeviceType
    dnd: bool
    online: bool
    active_phonelines: list[ActiveRouting]
    active_groups: list[ActiveRouting]
    caller_id: None | str | Unset = UNSET
    owner: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        alias = self.alias

        type_ = self.type_.value

        dnd = self.dnd

        online = self.online

        active_phonelines = []
        for active_phonelines_item_data in self.active_phonelines:
            active_phonelines_item = active_phonelines_item_data.to_dict()
            active_phonelines.append(active_phonelines_item)

        active_groups = []
        for active_groups_item_data in self.active_groups:
            active_groups_item = active_groups_item_data.to_dict()
            active_groups.append(active_groups_item)

        caller_id: None | str | Unset
        if isinstance(self.caller_id, Unset):
            caller_id = UNSET
        else:
            caller_id = self.caller_id

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "alias": alias,
                "type": type_,
                "dnd": dnd,
                "online": online,
                "activePhonelines": active_phonelines,
                "activeGroups": active_groups,
            }
        )
        if caller_id is not UNSET:
            field_dict["callerId"] = caller_id
        if owner is not UNSET:
            field_dict["owner"] = owner

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.active_routing import ActiveRouting

        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias")

        type_ = DeviceType(d.pop("type"))

        dnd = d.pop("dnd")

        online = d.pop("online")

        active_phonelines = []
        _active_phonelines = d.pop("activePhonelines")
        for active_phonelines_item_data in _active_phonelines:
            active_phonelines_item = ActiveRouting.from_dict(
                active_phonelines_item_data
            )

            active_phonelines.append(active_phonelines_item)

        active_groups = []
        _active_groups = d.pop("activeGroups")
        for active_groups_item_data in _active_groups:
            active_groups_item = ActiveRouting.from_dict(active_groups_item_data)

            active_groups.append(active_groups_item)

        def _parse_caller_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        caller_id = _parse_caller_id(d.pop("callerId", UNSET))

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        device = cls(
            id=id,
            alias=alias,
            type_=type_,
            dnd=dnd,
            online=online,
            active_phonelines=active_phonelines,
            active_groups=active_groups,
            caller_id=caller_id,
            owner=owner,
        )

        device.additional_properties = d
        return device

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
