from enum import StrEnum


class MobileDeviceResponseSimState(StrEnum):
    """Known values of ``MobileDeviceResponseSimState``; a value added later arrives as a str, not an error."""

    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
    PENDING = "PENDING"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "MobileDeviceResponseSimState | None":
        # Open enum: an unknown string becomes a pseudo-member that is still that str.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
