from enum import StrEnum


class HistoryStarredFilter(StrEnum):
    STARRED = "STARRED"
    UNSTARRED = "UNSTARRED"

    def __str__(self) -> str:
        return str(self.value)
