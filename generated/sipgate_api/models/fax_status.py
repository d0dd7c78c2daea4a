from enum import StrEnum


class FaxStatus(StrEnum):
    FAILED = "FAILED"
    PENDING = "PENDING"
    SCHEDULED = "SCHEDULED"
    SENDING = "SENDING"
    SENT = "SENT"

    def __str__(self) -> str:
        return str(self.value)
