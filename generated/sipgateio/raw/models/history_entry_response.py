from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_status import CallStatus
from ..models.fax_status_type import FaxStatusType
from ..models.history_entry_response_direction import HistoryEntryResponseDirection
from ..models.history_entry_response_status import HistoryEntryResponseStatus
from ..models.history_entry_response_type import HistoryEntryResponseType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_recording import CallRecording
    from ..models.routed_endpoint_response import RoutedEndpointResponse


T = TypeVar("T", bound="HistoryEntryResponse")


@_attrs_define
class HistoryEntryResponse:
    """
    Attributes:
        id (str):
        source (str | Unset):
        target (str | Unset):
        source_alias (str | Unset):
        target_alias (str | Unset):
        type_ (HistoryEntryResponseType | Unset):
        created (datetime.datetime | Unset):
        last_modified (datetime.datetime | Unset):
        direction (HistoryEntryResponseDirection | Unset):
        incoming (bool | Unset):
        status (HistoryEntryResponseStatus | Unset):
        connection_ids (list[str] | Unset):
        read (bool | Unset):
        archived (bool | Unset):
        note (None | str | Unset):
        endpoints (list[RoutedEndpointResponse] | Unset):
        starred (bool | Unset):
        labels (list[str] | Unset):
        call_id (None | str | Unset):
        call_status (CallStatus | None | Unset):
        recordings (list[CallRecording] | None | Unset):
        duration (int | None | Unset):
        transcription (None | str | Unset):
        recording_url (None | str | Unset):
        sms_content (None | str | Unset):
        fax_status_type (FaxStatusType | None | Unset):
        document_url (None | str | Unset):
        report_url (None | str | Unset):
        preview_url (None | str | Unset):
        page_count (int | None | Unset):
        scheduled (datetime.datetime | None | Unset):
    """

    id: str
    source: str | Unset = UNSET
    target: str | Unset = UNSET
    source_alias: str | Unset = UNSET
    target_alias: str | Unset = UNSET
    type_: HistoryEntryResponseType | Unset = UNSET
    created: datetime.datetime | Unset = UNSET
    last_modified: datetime.datetime | Unset = UNSET
    direction: HistoryEntryResponseDirection | Unset = UNSET
    incoming: bool | Unset = UNSET
    status: HistoryEntryResponseStatus | Unset = UNSET
    connection_ids: list[str] | Unset = UNSET
    read: bool | Unset = UNSET
    archived: bool | Unset = UNSET
    note: None | str | Unset = UNSET
    endpoints: list[RoutedEndpointResponse] | Unset = UNSET
    starred: bool | Unset = UNSET
    labels: list[str] | Unset = UNSET
    call_id: None | str | Unset = UNSET
    call_status: CallStatus | None | Unset = UNSET
    recordings: list[CallRecording] | None | Unset = UNSET
    duration: int | None | Unset = UNSET
    transcription: None | str | Unset = UNSET
    recording_url: None | str | Unset = UNSET
    sms_content: None | str | Unset = UNSET
    fax_status_type: FaxStatusType | None | Unset = UNSET
    document_url: None | str | Unset = UNSET
    report_url: None | str | Unset = UNSET
    preview_url: None | str | Unset = UNSET
    page_count: int | None | Unset = UNSET
    scheduled: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        source = self.source

        target = self.target

        source_alias = self.source_alias

        target_alias = self.target_alias

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        last_modified: str | Unset = UNSET
        if not isinstance(self.last_modified, Unset):
            last_modified = self.last_modified.isoformat()

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        incoming = self.incoming

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        connection_ids: list[str] | Unset = UNSET
        if not isinstance(self.connection_ids, Unset):
            connection_ids = self.connection_ids

        read = self.read

        archived = self.archived

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        endpoints: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.endpoints, Unset):
            endpoints = []
            for endpoints_item_data in self.endpoints:
                endpoints_item = endpoints_item_data.to_dict()
                endpoints.append(endpoints_item)

        starred = self.starred

        labels: list[str] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels

        call_id: None | str | Unset
        if isinstance(self.call_id, Unset):
            call_id = UNSET
        else:
            call_id = self.call_id

        call_status: None | str | Unset
        if isinstance(self.call_status, Unset):
            call_status = UNSET
        elif isinstance(self.call_status, CallStatus):
            call_status = self.call_status.value
        else:
            call_status = self.call_status

        recordings: list[dict[str, Any]] | None | Unset
        if isinstance(self.recordings, Unset):
            recordings = UNSET
        elif isinstance(self.recordings, list):
            recordings = []
            for recordings_type_0_item_data in self.recordings:
                recordings_type_0_item = recordings_type_0_item_data.to_dict()
                recordings.append(recordings_type_0_item)

        else:
            recordings = self.recordings

        duration: int | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        transcription: None | str | Unset
        if isinstance(self.transcription, Unset):
            transcription = UNSET
        else:
            transcription = self.transcription

        recording_url: None | str | Unset
        if isinstance(self.recording_url, Unset):
            recording_url = UNSET
        else:
            recording_url = self.recording_url

        sms_content: None | str | Unset
        if isinstance(self.sms_content, Unset):
            sms_content = UNSET
        else:
            sms_content = self.sms_content

        fax_status_type: None | str | Unset
        if isinstance(self.fax_status_type, Unset):
            fax_status_type = UNSET
        elif isinstance(self.fax_status_type, FaxStatusType):
            fax_status_type = self.fax_status_type.value
        else:
            fax_status_type = self.fax_status_type

        document_url: None | str | Unset
        if isinstance(self.document_url, Unset):
            document_url = UNSET
        else:
            document_url = self.document_url

        report_url: None | str | Unset
        if isinstance(self.report_url, Unset):
            report_url = UNSET
        else:
            report_url = self.report_url

        preview_url: None | str | Unset
        if isinstance(self.preview_url, Unset):
            preview_url = UNSET
        else:
            preview_url = self.preview_url

        page_count: int | None | Unset
        if isinstance(self.page_count, Unset):
            page_count = UNSET
        else:
            page_count = self.page_count

        scheduled: None | str | Unset
        if isinstance(self.scheduled, Unset):
            scheduled = UNSET
        elif isinstance(self.scheduled, datetime.datetime):
            scheduled = self.scheduled.isoformat()
        else:
            scheduled = self.scheduled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source
        if target is not UNSET:
            field_dict["target"] = target
        if source_alias is not UNSET:
            field_dict["sourceAlias"] = source_alias
        if target_alias is not UNSET:
            field_dict["targetAlias"] = target_alias
        if type_ is not UNSET:
            field_dict["type"] = type_
        if created is not UNSET:
            field_dict["created"] = created
        if last_modified is not UNSET:
            field_dict["lastModified"] = last_modified
        if direction is not UNSET:
            field_dict["direction"] = direction
        if incoming is not UNSET:
            field_dict["incoming"] = incoming
        if status is not UNSET:
            field_dict["status"] = status
        if connection_ids is not UNSET:
            field_dict["connectionIds"] = connection_ids
        if read is not UNSET:
            field_dict["read"] = read
        if archived is not UNSET:
            field_dict["archived"] = archived
        if note is not UNSET:
            field_dict["note"] = note
        if endpoints is not UNSET:
            field_dict["endpoints"] = endpoints
        if starred is not UNSET:
            field_dict["starred"] = starred
        if labels is not UNSET:
            field_dict["labels"] = labels
        if call_id is not UNSET:
            field_dict["callId"] = call_id
        if call_status is not UNSET:
            field_dict["callStatus"] = call_status
        if recordings is not UNSET:
            field_dict["recordings"] = recordings
        if duration is not UNSET:
            field_dict["duration"] = duration
        if transcription is not UNSET:
            field_dict["transcription"] = transcription
        if recording_url is not UNSET:
            field_dict["recordingUrl"] = recording_url
        if sms_content is not UNSET:
            field_dict["smsContent"] = sms_content
        if fax_status_type is not UNSET:
            field_dict["faxStatusType"] = fax_status_type
        if document_url is not UNSET:
            field_dict["documentUrl"] = document_url
        if report_url is not UNSET:
            field_dict["reportUrl"] = report_url
        if preview_url is not UNSET:
            field_dict["previewUrl"] = preview_url
        if page_count is not UNSET:
            field_dict["pageCount"] = page_count
        if scheduled is not UNSET:
            field_dict["scheduled"] = scheduled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        source = d.pop("source", UNSET)

        target = d.pop("target", UNSET)

        source_alias = d.pop("sourceAlias", UNSET)

        target_alias = d.pop("targetAlias", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: HistoryEntryResponseType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = HistoryEntryResponseType.of(_type_)

        _created = d.pop("created", UNSET)
        created: datetime.datetime | Unset
        if isinstance(_created, Unset):
            created = UNSET
        else:
            created = datetime.datetime.fromisoformat(_created)

        _last_modified = d.pop("lastModified", UNSET)
        last_modified: datetime.datetime | Unset
        if isinstance(_last_modified, Unset):
            last_modified = UNSET
        else:
            last_modified = datetime.datetime.fromisoformat(_last_modified)

        _direction = d.pop("direction", UNSET)
        direction: HistoryEntryResponseDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = HistoryEntryResponseDirection.of(_direction)

        incoming = d.pop("incoming", UNSET)

        _status = d.pop("status", UNSET)
        status: HistoryEntryResponseStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = HistoryEntryResponseStatus.of(_status)

        _connection_ids = d.pop("connectionIds", UNSET)
        connection_ids: list[str] | Unset = UNSET
        if _connection_ids is not UNSET:
            if type(_connection_ids) is not list and _connection_ids is not None:
                raise TypeError(
                    f"connectionIds: a list expected, got {type(_connection_ids).__name__}"
                )
            connection_ids = cast(list[str], _connection_ids)

        read = d.pop("read", UNSET)

        archived = d.pop("archived", UNSET)

        note = d.pop("note", UNSET)

        _endpoints = d.pop("endpoints", UNSET)
        endpoints: list[RoutedEndpointResponse] | Unset = UNSET
        if _endpoints is not UNSET:
            if type(_endpoints) is not list:
                raise TypeError(
                    f"endpoints: a list expected, got {type(_endpoints).__name__}"
                )
            endpoints = []
            for endpoints_item_data in _endpoints:
                endpoints_item = RoutedEndpointResponse.from_dict(endpoints_item_data)

                endpoints.append(endpoints_item)

        starred = d.pop("starred", UNSET)

        _labels = d.pop("labels", UNSET)
        labels: list[str] | Unset = UNSET
        if _labels is not UNSET:
            if type(_labels) is not list and _labels is not None:
                raise TypeError(
                    f"labels: a list expected, got {type(_labels).__name__}"
                )
            labels = cast(list[str], _labels)

        call_id = d.pop("callId", UNSET)

        def _parse_call_status(data: object) -> CallStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                call_status_type_1 = CallStatus.of(data)

                return call_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("CallStatus | None | Unset", data)

        call_status = _parse_call_status(d.pop("callStatus", UNSET))

        def _parse_recordings(data: object) -> list[CallRecording] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                _recordings_type_0 = data
                if type(_recordings_type_0) is not list:
                    raise TypeError(
                        f"recordings_type_0: a list expected, got {type(_recordings_type_0).__name__}"
                    )
                recordings_type_0 = []
                for recordings_type_0_item_data in _recordings_type_0:
                    recordings_type_0_item = CallRecording.from_dict(
                        recordings_type_0_item_data
                    )

                    recordings_type_0.append(recordings_type_0_item)

                return recordings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if type(data) is not list:
                raise TypeError(
                    f"recordings: a list expected, got {type(data).__name__}"
                )
            return cast("list[CallRecording] | None | Unset", data)

        recordings = _parse_recordings(d.pop("recordings", UNSET))

        duration = d.pop("duration", UNSET)

        transcription = d.pop("transcription", UNSET)

        recording_url = d.pop("recordingUrl", UNSET)

        sms_content = d.pop("smsContent", UNSET)

        def _parse_fax_status_type(data: object) -> FaxStatusType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fax_status_type_type_1 = FaxStatusType.of(data)

                return fax_status_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("FaxStatusType | None | Unset", data)

        fax_status_type = _parse_fax_status_type(d.pop("faxStatusType", UNSET))

        document_url = d.pop("documentUrl", UNSET)

        report_url = d.pop("reportUrl", UNSET)

        preview_url = d.pop("previewUrl", UNSET)

        page_count = d.pop("pageCount", UNSET)

        def _parse_scheduled(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("datetime.datetime | None | Unset", data)

        scheduled = _parse_scheduled(d.pop("scheduled", UNSET))

        history_entry_response = cls(
            id=id,
            source=source,
            target=target,
            source_alias=source_alias,
            target_alias=target_alias,
            type_=type_,
            created=created,
            last_modified=last_modified,
            direction=direction,
            incoming=incoming,
            status=status,
            connection_ids=connection_ids,
            read=read,
            archived=archived,
            note=note,
            endpoints=endpoints,
            starred=starred,
            labels=labels,
            call_id=call_id,
            call_status=call_status,
            recordings=recordings,
            duration=duration,
            transcription=transcription,
            recording_url=recording_url,
            sms_content=sms_content,
            fax_status_type=fax_status_type,
            document_url=document_url,
            report_url=report_url,
            preview_url=preview_url,
            page_count=page_count,
            scheduled=scheduled,
        )

        history_entry_response.additional_properties = d
        return history_entry_response

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
from ..models.call_recording import CallRecording
from ..models.routed_endpoint_response import RoutedEndpointResponse
