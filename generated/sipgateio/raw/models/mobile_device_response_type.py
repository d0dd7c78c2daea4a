from enum import StrEnum


class MobileDeviceResponseType(StrEnum):
    """Known values of ``MobileDeviceResponseType``; a value added later arrives as a str, not an error."""

    EXTERNAL = "EXTERNAL"
    MOBILE = "MOBILE"
    REGISTER = "REGISTER"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "MobileDeviceResponseType | None":
        # Open enum: an unknown string becomes a pseudo-member that is still that str.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
