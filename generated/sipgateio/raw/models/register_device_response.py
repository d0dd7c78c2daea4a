from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.register_device_response_type import RegisterDeviceResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.active_routing import ActiveRouting
    from ..models.credentials_response import CredentialsResponse
    from ..models.registered_device import RegisteredDevice


T = TypeVar("T", bound="RegisterDeviceResponse")


@_attrs_define
class RegisterDeviceResponse:
    """
    Attributes:
        id (str):
        alias (str | Unset):
        type_ (RegisterDeviceResponseType | Unset):
        online (bool | Unset):
        dnd (bool | Unset):
        active_phonelines (list[ActiveRouting] | Unset):
        active_groups (list[ActiveRouting] | Unset):
        credentials (CredentialsResponse | Unset):
        registered (list[RegisteredDevice] | Unset):
        emergency_address_id (str | Unset):
        address_url (str | Unset):
    """

    id: str
    alias: str | Unset = UNSET
    type_: RegisterDeviceResponseType | Unset = UNSET
    online: bool | Unset = UNSET
    dnd: bool | Unset = UNSET
    active_phonelines: list[ActiveRouting] | Unset = UNSET
    active_groups: list[ActiveRouting] | Unset = UNSET
    credentials: CredentialsResponse | Unset = UNSET
    registered: list[RegisteredDevice] | Unset = UNSET
    emergency_address_id: str | Unset = UNSET
    address_url: str | Unset = UNSET
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

        credentials: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credentials, Unset):
            credentials = self.credentials.to_dict()

        registered: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.registered, Unset):
            registered = []
            for registered_item_data in self.registered:
                registered_item = registered_item_data.to_dict()
                registered.append(registered_item)

        emergency_address_id = self.emergency_address_id

        address_url = self.address_url

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
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if registered is not UNSET:
            field_dict["registered"] = registered
        if emergency_address_id is not UNSET:
            field_dict["emergencyAddressId"] = emergency_address_id
        if address_url is not UNSET:
            field_dict["addressUrl"] = address_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        alias = d.pop("alias", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: RegisterDeviceResponseType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = RegisterDeviceResponseType.of(_type_)

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

        _credentials = d.pop("credentials", UNSET)
        credentials: CredentialsResponse | Unset
        if isinstance(_credentials, Unset):
            credentials = UNSET
        else:
            credentials = CredentialsResponse.from_dict(_credentials)

        _registered = d.pop("registered", UNSET)
        registered: list[RegisteredDevice] | Unset = UNSET
        if _registered is not UNSET:
            if type(_registered) is not list:
                raise TypeError(
                    f"registered: a list expected, got {type(_registered).__name__}"
                )
            registered = []
            for registered_item_data in _registered:
                registered_item = RegisteredDevice.from_dict(registered_item_data)

                registered.append(registered_item)

        emergency_address_id = d.pop("emergencyAddressId", UNSET)

        address_url = d.pop("addressUrl", UNSET)

        register_device_response = cls(
            id=id,
            alias=alias,
            type_=type_,
            online=online,
            dnd=dnd,
            active_phonelines=active_phonelines,
            active_groups=active_groups,
            credentials=credentials,
            registered=registered,
            emergency_address_id=emergency_address_id,
            address_url=address_url,
        )

        register_device_response.additional_properties = d
        return register_device_response

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
from ..models.credentials_response import CredentialsResponse
from ..models.registered_device import RegisteredDevice
