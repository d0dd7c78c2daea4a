from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sms_caller_id_update import SmsCallerIdUpdate
from ...types import Response


def _get_kwargs(
    user_id: str,
    sms_id: str,
    caller_id: int,
    *,
    body: SmsCallerIdUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/{user_id}/sms/{sms_id}/callerids/{caller_id}".format(
            user_id=quote(str(user_id), safe=""),
            sms_id=quote(str(sms_id), safe=""),
            caller_id=quote(str(caller_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    sms_id: str,
    caller_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: SmsCallerIdUpdate,
) -> Response[Any | Error]:
    """Make a sender number the default of an SMS extension

     Marks one of the SMS extension's verified sender numbers as the default. Messages sent afterwards
    through this extension show that number to the recipient.

    Args:
        user_id (str):  Example: w0.
        sms_id (str):  Example: s0.
        caller_id (int):
        body (SmsCallerIdUpdate): Change to a sender number of an SMS extension.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        sms_id=sms_id,
        caller_id=caller_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    sms_id: str,
    caller_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: SmsCallerIdUpdate,
) -> Any | Error | None:
    """Make a sender number the default of an SMS extension

     Marks one of the SMS extension's verified sender numbers as the default. Messages sent afterwards
    through this extension show that number to the recipient.

    Args:
        user_id (str):  Example: w0.
        sms_id (str):  Example: s0.
        caller_id (int):
        body (SmsCallerIdUpdate): Change to a sender number of an SMS extension.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        user_id=user_id,
        sms_id=sms_id,
        caller_id=caller_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    sms_id: str,
    caller_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: SmsCallerIdUpdate,
) -> Response[Any | Error]:
    """Make a sender number the default of an SMS extension

     Marks one of the SMS extension's verified sender numbers as the default. Messages sent afterwards
    through this extension show that number to the recipient.

    Args:
        user_id (str):  Example: w0.
        sms_id (str):  Example: s0.
        caller_id (int):
        body (SmsCallerIdUpdate): Change to a sender number of an SMS extension.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        sms_id=sms_id,
        caller_id=caller_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    sms_id: str,
    caller_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: SmsCallerIdUpdate,
) -> Any | Error | None:
    """Make a sender number the default of an SMS extension

     Marks one of the SMS extension's verified sender numbers as the default. Messages sent afterwards
    through this extension show that number to the recipient.

    Args:
        user_id (str):  Example: w0.
        sms_id (str):  Example: s0.
        caller_id (int):
        body (SmsCallerIdUpdate): Change to a sender number of an SMS extension.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            sms_id=sms_id,
            caller_id=caller_id,
            client=client,
            body=body,
        )
    ).parsed
