"""SMS: send now or later, from an SMS extension or a verified number."""

from __future__ import annotations

from sipgate_api.api.sms import send_sms
from sipgate_api.models import SmsRequest

from .._ops import M, Op, Resource, call, operation

__all__ = ["SmsResource"]


class SmsResource(Resource[M]):
    @operation
    def send(self, *, to: str, message: str, sms_id: str) -> Op[None]:
        yield call(send_sms, body=SmsRequest(sms_id=sms_id, recipient=to, message=message))
