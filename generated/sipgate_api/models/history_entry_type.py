from enum import StrEnum


class HistoryEntryType(StrEnum):
    CALL = "CALL"
    FAX = "FAX"
    SMS = "SMS"
    VOICEMAIL = "VOICEMAIL"

    def __str__(self) -> str:
        return str(self.value)
