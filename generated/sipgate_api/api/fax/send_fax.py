from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.fax_request import FaxRequest
from ...models.fax_session_response import FaxSessionResponse
from ...types import Response


def _get_kwargs(
    *,
    body: FaxRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sessions/fax",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | FaxSessionResponse | None:
    if response.status_code == 200:
        response_200 = FaxSessionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = Error.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | FaxSessionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FaxRequest,
) -> Response[Error | FaxSessionResponse]:
    """Send a fax

     Queues a PDF document for transmission from one of the user's fax lines. The returned `sessionId`
    doubles as the id of the resulting history entry, whose `faxStatusType` tells how the transmission
    went (`GET /history/{entryId}`).

    Args:
        body (FaxRequest): A fax to send.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FaxSessionResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: FaxRequest,
) -> Error | FaxSessionResponse | None:
    """Send a fax

     Queues a PDF document for transmission from one of the user's fax lines. The returned `sessionId`
    doubles as the id of the resulting history entry, whose `faxStatusType` tells how the transmission
    went (`GET /history/{entryId}`).

    Args:
        body (FaxRequest): A fax to send.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FaxSessionResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FaxRequest,
) -> Response[Error | FaxSessionResponse]:
    """Send a fax

     Queues a PDF document for transmission from one of the user's fax lines. The returned `sessionId`
    doubles as the id of the resulting history entry, whose `faxStatusType` tells how the transmission
    went (`GET /history/{entryId}`).

    Args:
        body (FaxRequest): A fax to send.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FaxSessionResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FaxRequest,
) -> Error | FaxSessionResponse | None:
    """Send a fax

     Queues a PDF document for transmission from one of the user's fax lines. The returned `sessionId`
    doubles as the id of the resulting history entry, whose `faxStatusType` tells how the transmission
    went (`GET /history/{entryId}`).

    Args:
        body (FaxRequest): A fax to send.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FaxSessionResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
