from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_status import CallStatus
from ..models.fax_status import FaxStatus
from ..models.history_direction import HistoryDirection
from ..models.history_entry_status import HistoryEntryStatus
from ..models.history_entry_type import HistoryEntryType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_recording import CallRecording
    from ..models.routed_endpoint import RoutedEndpoint


T = TypeVar("T", bound="HistoryEntry")


@_attrs_define
class HistoryEntry:
    """One event of the history. The fields up to `labels` exist on every entry; the others belong to particular entry
    types and are absent (or null) on the rest: `callId`, `callStatus`, `recordings` on calls; `duration` on calls and
    voicemails; `transcription` and `recordingUrl` on voicemails; `smsContent` on SMS; `faxStatusType`, `documentUrl`,
    `reportUrl`, `previewUrl`, `pageCount` on faxes; `scheduled` on SMS and faxes.

        Attributes:
            id (str): Id of the entry.
            source (str): Number or extension the event came from (may be `anonymous`).
            target (str): Number or extension the event went to.
            source_alias (str): Display name of the source, if known; otherwise empty.
            target_alias (str): Display name of the target, if known; otherwise empty.
            type_ (HistoryEntryType): The kind of event a history entry records.
            created (datetime.datetime): When the event happened.
            last_modified (datetime.datetime): When the entry (flags, note) was last changed.
            direction (HistoryDirection): Whether the event came in, went out, or was an unanswered call either way.
            incoming (bool): Whether the event came in to the account.
            status (HistoryEntryStatus): How the connection ended up.
            connection_ids (list[str]): Extensions of the account involved in the event.
            read (bool): Whether the entry has been marked as read.
            archived (bool): Whether the entry has been archived.
            note (str): Free-text note attached to the entry; empty if there is none.
            endpoints (list[RoutedEndpoint]): Extensions the event was routed through.
            starred (bool): Whether the entry has been starred.
            labels (list[str]): Labels attached to the entry.
            call_id (None | str | Unset): CALL only. Id of the call.
            call_status (CallStatus | None | Unset): CALL only. Outcome of the call.
            recordings (list[CallRecording] | None | Unset): CALL only. Recordings made during the call.
            duration (int | None | Unset): CALL and VOICEMAIL. Length of the call or message in seconds.
            transcription (None | str | Unset): VOICEMAIL only. Speech-to-text transcript of the message, if available.
            recording_url (None | str | Unset): VOICEMAIL only. Download address of the recorded message.
            sms_content (None | str | Unset): SMS only. Text of the message.
            scheduled (datetime.datetime | None | Unset): SMS and FAX. When a scheduled message or fax is (or was) due to be
                sent.
            fax_status_type (FaxStatus | None | Unset): FAX only. Transmission state of the fax.
            document_url (None | str | Unset): FAX only. Download address of the faxed document (PDF).
            report_url (None | str | Unset): FAX only. Download address of the transmission report (PDF).
            preview_url (None | str | Unset): FAX only. Address of a preview image of the first page.
            page_count (int | None | Unset): FAX only. Number of pages.
    """

    id: str
    source: str
    target: str
    source_alias: str
    target_alias: str
    type_: HistoryEntryType
    created: datetime.datetime
    last_modified: datetime.datetime
    direction: HistoryDirection
    incoming: bool
    status: HistoryEntryStatus
    connection_ids: list[str]
    read: bool
    archived: bool
    note: str
    endpoints: list[RoutedEndpoint]
    starred: bool
    labels: list[str]
    call_id: None | str | Unset = UNSET
    call_status: CallStatus | None | Unset = UNSET
    recordings: list[CallRecording] | None | Unset = UNSET
    duration: int | None | Unset = UNSET
    transcription: None | str | Unset = UNSET
    recording_url: None | str | Unset = UNSET
    sms_content: None | str | Unset = UNSET
    scheduled: datetime.datetime | None | Unset = UNSET
    fax_status_type: FaxStatus | None | Unset = UNSET
    document_url: None | str | Unset = UNSET
    report_url: None | str | Unset = UNSET
    preview_url: None | str | Unset = UNSET
    page_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        source = self.source

        target = self.target

        source_alias = self.source_alias

        target_alias = self.target_alias

        type_ = self.type_.value

        created = self.created.isoformat()

        last_modified = self.last_modified.isoformat()

        direction = self.direction.value

        incoming = self.incoming

        status = self.status.value

        connection_ids = self.connection_ids

        read = self.read

        archived = self.archived

        note = self.note

        endpoints = []
        for endpoints_item_data in self.endpoints:
            endpoints_item = endpoints_item_data.to_dict()
            endpoints.append(endpoints_item)

        starred = self.starred

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

        scheduled: None | str | Unset
        if isinstance(self.scheduled, Unset):
            scheduled = UNSET
        elif isinstance(self.scheduled, datetime.datetime):
            scheduled = self.scheduled.isoformat()
        else:
            scheduled = self.scheduled

        fax_status_type: None | str | Unset
        if isinstance(self.fax_status_type, Unset):
            fax_status_type = UNSET
        elif isinstance(self.fax_status_type, FaxStatus):
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "source": source,
                "target": target,
                "sourceAlias": source_alias,
                "targetAlias": target_alias,
                "type": type_,
                "created": created,
                "lastModified": last_modified,
                "direction": direction,
                "incoming": incoming,
                "status": status,
                "connectionIds": connection_ids,
                "read": read,
                "archived": archived,
                "note": note,
                "endpoints": endpoints,
                "starred": starred,
                "labels": labels,
            }
        )
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
        if scheduled is not UNSET:
            field_dict["scheduled"] = scheduled
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.call_recording import CallRecording
        from ..models.routed_endpoint import RoutedEndpoint

        d = dict(src_dict)
        id = d.pop("id")

        source = d.pop("source")

        target = d.pop("target")

        source_alias = d.pop("sourceAlias")

        target_alias = d.pop("targetAlias")

        type_ = HistoryEntryType(d.pop("type"))

        created = datetime.datetime.fromisoformat(d.pop("created"))

        last_modified = datetime.datetime.fromisoformat(d.pop("lastModified"))

        direction = HistoryDirection(d.pop("direction"))

        incoming = d.pop("incoming")

        status = HistoryEntryStatus(d.pop("status"))

        connection_ids = cast(list[str], d.pop("connectionIds"))

        read = d.pop("read")

        archived = d.pop("archived")

        note = d.pop("note")

        endpoints = []
        _endpoints = d.pop("endpoints")
        for endpoints_item_data in _endpoints:
            endpoints_item = RoutedEndpoint.from_dict(endpoints_item_data)

            endpoints.append(endpoints_item)

        starred = d.pop("starred")

        labels = cast(list[str], d.pop("labels"))

        def _parse_call_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_id = _parse_call_id(d.pop("callId", UNSET))

        def _parse_call_status(data: object) -> CallStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                call_status_type_1 = CallStatus(data)

                return call_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallStatus | None | Unset, data)

        call_status = _parse_call_status(d.pop("callStatus", UNSET))

        def _parse_recordings(data: object) -> list[CallRecording] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                recordings_type_0 = []
                _recordings_type_0 = data
                for recordings_type_0_item_data in _recordings_type_0:
                    recordings_type_0_item = CallRecording.from_dict(
                        recordings_type_0_item_data
                    )

                    recordings_type_0.append(recordings_type_0_item)

                return recordings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CallRecording] | None | Unset, data)

        recordings = _parse_recordings(d.pop("recordings", UNSET))

        def _parse_duration(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_transcription(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        transcription = _parse_transcription(d.pop("transcription", UNSET))

        def _parse_recording_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recording_url = _parse_recording_url(d.pop("recordingUrl", UNSET))

        def _parse_sms_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sms_content = _parse_sms_content(d.pop("smsContent", UNSET))

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
            return cast(datetime.datetime | None | Unset, data)

        scheduled = _parse_scheduled(d.pop("scheduled", UNSET))

        def _parse_fax_status_type(data: object) -> FaxStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fax_status_type_type_1 = FaxStatus(data)

                return fax_status_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FaxStatus | None | Unset, data)

        fax_status_type = _parse_fax_status_type(d.pop("faxStatusType", UNSET))

        def _parse_document_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_url = _parse_document_url(d.pop("documentUrl", UNSET))

        def _parse_report_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report_url = _parse_report_url(d.pop("reportUrl", UNSET))

        def _parse_preview_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preview_url = _parse_preview_url(d.pop("previewUrl", UNSET))

        def _parse_page_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        page_count = _parse_page_count(d.pop("pageCount", UNSET))

        history_entry = cls(
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
            scheduled=scheduled,
            fax_status_type=fax_status_type,
            document_url=document_url,
            report_url=report_url,
            preview_url=preview_url,
            page_count=page_count,
        )

        history_entry.additional_properties = d
        return history_entry

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
