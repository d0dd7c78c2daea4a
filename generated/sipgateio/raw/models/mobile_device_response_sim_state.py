from enum import StrEnum


class MobileDeviceResponseSimState(StrEnum):
    """Known values of ``MobileDeviceResponseSimState``; a value added later arrives as a str, not an error."""

    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
    PENDING = "PENDING"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def of(cls, value: str) -> "MobileDeviceResponseSimState":
        """The member for ``value`` (from JSON: any type); a value added later becomes a pseudo-member."""
        try:
            return _MEMBERS[value]
        except (KeyError, TypeError):  # unknown, or not even hashable
            return cls(value)

    @classmethod
    def _missing_(cls, value: object) -> "MobileDeviceResponseSimState | None":
        # Open enum: an unknown string becomes a pseudo-member that is still that str.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


_MEMBERS: dict[object, MobileDeviceResponseSimState] = {
    member.value: member for member in MobileDeviceResponseSimState
}
