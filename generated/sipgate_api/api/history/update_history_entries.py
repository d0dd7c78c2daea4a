from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.history_entries_update_item import HistoryEntriesUpdateItem
from ...types import Response


def _get_kwargs(
    *,
    body: list[HistoryEntriesUpdateItem],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/history",
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)

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
    *,
    client: AuthenticatedClient | Client,
    body: list[HistoryEntriesUpdateItem],
) -> Response[Any | Error]:
    """Update flags of several history entries

     Sets the archived, starred and read flags of many entries in one request. Flags left out of an item
    keep their value. Notes cannot be set this way; use `PUT /history/{entryId}`. Send fewer than 150
    items per request.

    Args:
        body (list[HistoryEntriesUpdateItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
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
    body: list[HistoryEntriesUpdateItem],
) -> Any | Error | None:
    """Update flags of several history entries

     Sets the archived, starred and read flags of many entries in one request. Flags left out of an item
    keep their value. Notes cannot be set this way; use `PUT /history/{entryId}`. Send fewer than 150
    items per request.

    Args:
        body (list[HistoryEntriesUpdateItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[HistoryEntriesUpdateItem],
) -> Response[Any | Error]:
    """Update flags of several history entries

     Sets the archived, starred and read flags of many entries in one request. Flags left out of an item
    keep their value. Notes cannot be set this way; use `PUT /history/{entryId}`. Send fewer than 150
    items per request.

    Args:
        body (list[HistoryEntriesUpdateItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[HistoryEntriesUpdateItem],
) -> Any | Error | None:
    """Update flags of several history entries

     Sets the archived, starred and read flags of many entries in one request. Flags left out of an item
    keep their value. Notes cannot be set this way; use `PUT /history/{entryId}`. Send fewer than 150
    items per request.

    Args:
        body (list[HistoryEntriesUpdateItem]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
