from enum import StrEnum


class ContactWriteScope(StrEnum):
    PRIVATE = "PRIVATE"
    SHARED = "SHARED"

    def __str__(self) -> str:
        return str(self.value)
