from enum import StrEnum


class AccountResponseMainProductType(StrEnum):
    """Known values of ``AccountResponseMainProductType``; a value added later arrives as a str, not an error."""

    AFFILIATE = "AFFILIATE"
    BASIC = "BASIC"
    CLINQ = "CLINQ"
    FORMER_AFFILIATE = "FORMER_AFFILIATE"
    FORMER_BASIC = "FORMER_BASIC"
    FORMER_SATELLITE = "FORMER_SATELLITE"
    FORMER_SIMQUADRAT = "FORMER_SIMQUADRAT"
    FORMER_TEAM = "FORMER_TEAM"
    FORMER_TRUNKING = "FORMER_TRUNKING"
    SATELLITE = "SATELLITE"
    SIMQUADRAT = "SIMQUADRAT"
    TEAM = "TEAM"
    TRUNKING = "TRUNKING"
    UNKNOWN = "UNKNOWN"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def of(cls, value: str) -> "AccountResponseMainProductType":
        """The member for ``value`` (from JSON: any type); a value added later becomes a pseudo-member."""
        try:
            return _MEMBERS[value]
        except (KeyError, TypeError):  # unknown, or not even hashable
            return cls(value)

    @classmethod
    def _missing_(cls, value: object) -> "AccountResponseMainProductType | None":
        # Open enum: an unknown string becomes a pseudo-member that is still that str.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


_MEMBERS: dict[object, AccountResponseMainProductType] = {
    member.value: member for member in AccountResponseMainProductType
}
