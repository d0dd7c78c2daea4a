from enum import StrEnum


class HistoryEntryStatus(StrEnum):
    BUSY = "BUSY"
    FORWARD = "FORWARD"
    NOPICKUP = "NOPICKUP"
    PICKUP = "PICKUP"

    def __str__(self) -> str:
        return str(self.value)
