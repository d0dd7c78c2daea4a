from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sms_caller_ids_list import SmsCallerIdsList
from ...types import Response


def _get_kwargs(
    user_id: str,
    sms_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/{user_id}/sms/{sms_id}/callerids".format(
            user_id=quote(str(user_id), safe=""),
            sms_id=quote(str(sms_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SmsCallerIdsList | None:
    if response.status_code == 200:
        response_200 = SmsCallerIdsList.from_dict(response.json())

        return response_200

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
) -> Response[Error | SmsCallerIdsList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    sms_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | SmsCallerIdsList]:
    """List the sender numbers of an SMS extension

     The phone numbers that may appear as sender of messages sent through this SMS extension, whether
    each is verified, and which one is the current default.

    Args:
        user_id (str):  Example: w0.
        sms_id (str):  Example: s0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SmsCallerIdsList]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        sms_id=sms_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    sms_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | SmsCallerIdsList | None:
    """List the sender numbers of an SMS extension

     The phone numbers that may appear as sender of messages sent through this SMS extension, whether
    each is verified, and which one is the current default.

    Args:
        user_id (str):  Example: w0.
        sms_id (str):  Example: s0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SmsCallerIdsList
    """

    return sync_detailed(
        user_id=user_id,
        sms_id=sms_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    sms_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | SmsCallerIdsList]:
    """List the sender numbers of an SMS extension

     The phone numbers that may appear as sender of messages sent through this SMS extension, whether
    each is verified, and which one is the current default.

    Args:
        user_id (str):  Example: w0.
        sms_id (str):  Example: s0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SmsCallerIdsList]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        sms_id=sms_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    sms_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Error | SmsCallerIdsList | None:
    """List the sender numbers of an SMS extension

     The phone numbers that may appear as sender of messages sent through this SMS extension, whether
    each is verified, and which one is the current default.

    Args:
        user_id (str):  Example: w0.
        sms_id (str):  Example: s0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SmsCallerIdsList
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            sms_id=sms_id,
            client=client,
        )
    ).parsed
