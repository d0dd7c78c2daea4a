from enum import StrEnum


class CallEmailTargetDirection(StrEnum):
    """Known values of ``CallEmailTargetDirection``; a value added later arrives as a str, not an error."""

    INCOMING = "INCOMING"
    OUTGOING = "OUTGOING"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def of(cls, value: str) -> "CallEmailTargetDirection":
        """The member for ``value`` (from JSON: any type); a value added later becomes a pseudo-member."""
        try:
            return _MEMBERS[value]
        except (KeyError, TypeError):  # unknown, or not even hashable
            return cls(value)

    @classmethod
    def _missing_(cls, value: object) -> "CallEmailTargetDirection | None":
        # Open enum: an unknown string becomes a pseudo-member that is still that str.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


_MEMBERS: dict[object, CallEmailTargetDirection] = {
    member.value: member for member in CallEmailTargetDirection
}
