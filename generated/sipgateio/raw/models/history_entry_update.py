from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HistoryEntryUpdate")


@_attrs_define
class HistoryEntryUpdate:
    """Changes to one history entry; omitted fields stay as they are.

    Attributes:
        archived (bool | Unset):
        starred (bool | Unset):
        read (bool | Unset):
        note (str | Unset): New note text; an empty string removes the note.
    """

    archived: bool | Unset = UNSET
    starred: bool | Unset = UNSET
    read: bool | Unset = UNSET
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived = self.archived

        starred = self.starred

        read = self.read

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if archived is not UNSET:
            field_dict["archived"] = archived
        if starred is not UNSET:
            field_dict["starred"] = starred
        if read is not UNSET:
            field_dict["read"] = read
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        archived = d.pop("archived", UNSET)

        starred = d.pop("starred", UNSET)

        read = d.pop("read", UNSET)

        note = d.pop("note", UNSET)

        history_entry_update = cls(
            archived=archived,
            starred=starred,
            read=read,
            note=note,
        )

        history_entry_update.additional_properties = d
        return history_entry_update

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
