"""client.raw: the generated client shares the facade's settings and raises its typed errors."""

from __future__ import annotations

import asyncio

import pytest

import sipgateio
from sipgateio.raw.api.authorization import userinfo
from sipgateio.raw.api.history import get_history_by_id
from sipgateio.raw.api.sessions import send_web_sms
from sipgateio.raw.models import SendWebSmsRequest
from tests.apistub import Answer, APIStub
from tests.conftest import TOKEN, TOKEN_ID


def _client(api: APIStub) -> sipgateio.SipgateIO:
    return sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url, max_retries=0)


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (Answer(402, body=b""), sipgateio.PaymentRequiredError),
        (Answer(402), sipgateio.PaymentRequiredError),
        (Answer(500, body="<html>oops</html>", content_type="text/html"), sipgateio.ServerError),
        (Answer(418, body="short and stout", content_type="text/plain"), sipgateio.APIError),
        (Answer(403, json={"message": "no"}), sipgateio.PermissionDeniedError),
    ],
)
def test_error_status_raises_typed_api_error_whatever_the_body(
    api: APIStub, answer: Answer, error: type[sipgateio.APIError]
) -> None:
    api.reply("POST", "/v2/sessions/sms", answer)
    body = SendWebSmsRequest(sms_id="s0", recipient="+4915799912345", message="hi")
    with _client(api) as c, pytest.raises(error) as caught:
        send_web_sms.sync_detailed(client=c.raw, body=body)
    assert caught.value.status_code == answer.status
    assert caught.value.method == "POST"


def test_error_status_raises_on_async_raw_too(api: APIStub) -> None:
    api.reply("GET", "/v2/authorization/userinfo", Answer(401, body=b""))

    async def go() -> None:
        async with sipgateio.AsyncSipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url) as c:
            await userinfo.asyncio(client=c.raw)

    with pytest.raises(sipgateio.AuthenticationError):
        asyncio.run(go())


def test_unreadable_success_names_the_operation(api: APIStub) -> None:
    api.reply("GET", "/v2/history/x1", Answer(200, body="not json", content_type="text/plain"))
    with _client(api) as c, pytest.raises(sipgateio.UnexpectedResponseError) as caught:
        get_history_by_id.sync(client=c.raw, entry_id="x1")
    assert "GET /history/{entry_id}" in str(caught.value)


def test_deeply_nested_answer_is_unreadable_not_a_recursion_error(api: APIStub) -> None:
    # JSON nested deeper than Python recurses: the raw client, too, raises only typed errors.
    api.reply("GET", "/v2/history/x1", Answer(200, body="[" * 100_000 + "]" * 100_000))
    with _client(api) as c, pytest.raises(sipgateio.UnexpectedResponseError):
        get_history_by_id.sync(client=c.raw, entry_id="x1")


def test_prepare_is_the_public_seam() -> None:
    prepared = get_history_by_id.prepare(entry_id="a/b")
    assert prepared.operation == "GET /history/{entry_id}"
    assert prepared.kwargs == {"method": "get", "url": "/history/a%2Fb"}
    assert prepared.parse is get_history_by_id.parse_response


def _generated_enums() -> list[type]:
    import enum

    from sipgateio.raw import models

    return sorted(
        {
            value
            for name in dir(models)
            if isinstance(value := getattr(models, name), type) and issubclass(value, enum.Enum)
        },
        key=lambda cls: cls.__name__,
    )


def test_generated_enums_read_values_as_calling_the_class_does() -> None:
    """Cls.of(value), what the generated from_dict calls, is Cls(value), only cheaper."""
    enums = _generated_enums()
    assert len(enums) > 30
    for cls in enums:
        for value in [*(m.value for m in cls), "A_VALUE_ADDED_LATER", ""]:
            got = cls.of(value)
            assert got == cls(value) == value and type(got) is cls
            assert got is cls(value) or value not in {m.value for m in cls}
        for wrong in (1, None, True, 2.5, [], {}, ["LANDLINE"]):
            with pytest.raises(ValueError):
                cls(wrong)
            with pytest.raises(ValueError):
                cls.of(wrong)
