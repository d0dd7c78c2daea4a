from enum import StrEnum


class FaxSmsTargetDirection(StrEnum):
    """Known values of ``FaxSmsTargetDirection``; a value added later arrives as a str, not an error."""

    INCOMING = "INCOMING"
    OUTGOING = "OUTGOING"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "FaxSmsTargetDirection | None":
        # Open enum: an unknown string becomes a pseudo-member that is still that str.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
