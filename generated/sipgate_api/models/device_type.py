from enum import StrEnum


class DeviceType(StrEnum):
    EXTERNAL = "EXTERNAL"
    MOBILE = "MOBILE"
    REGISTER = "REGISTER"

    def __str__(self) -> str:
        return str(self.value)
