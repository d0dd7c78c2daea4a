import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.history_direction import HistoryDirection
from ...models.history_entry_type import HistoryEntryType
from ...models.history_page import HistoryPage
from ...models.history_starred_filter import HistoryStarredFilter
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    connection_ids: list[str] | Unset = UNSET,
    types: list[HistoryEntryType] | Unset = UNSET,
    directions: list[HistoryDirection] | Unset = UNSET,
    archived: bool | Unset = UNSET,
    starred: HistoryStarredFilter | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_connection_ids: list[str] | Unset = UNSET
    if not isinstance(connection_ids, Unset):
        json_connection_ids = connection_ids

    params["connectionIds"] = json_connection_ids

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = []
        for types_item_data in types:
            types_item = types_item_data.value
            json_types.append(types_item)

    params["types"] = json_types

    json_directions: list[str] | Unset = UNSET
    if not isinstance(directions, Unset):
        json_directions = []
        for directions_item_data in directions:
            directions_item = directions_item_data.value
            json_directions.append(directions_item)

    params["directions"] = json_directions

    params["archived"] = archived

    json_starred: str | Unset = UNSET
    if not isinstance(starred, Unset):
        json_starred = starred.value

    params["starred"] = json_starred

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["phonenumber"] = phonenumber

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/history",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | HistoryPage | None:
    if response.status_code == 200:
        response_200 = HistoryPage.from_dict(response.json())

        return response_200

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
) -> Response[Error | HistoryPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    connection_ids: list[str] | Unset = UNSET,
    types: list[HistoryEntryType] | Unset = UNSET,
    directions: list[HistoryDirection] | Unset = UNSET,
    archived: bool | Unset = UNSET,
    starred: HistoryStarredFilter | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Error | HistoryPage]:
    """List history entries

     One page of the event history (calls, voicemails, SMS and faxes), newest first, narrowed by the
    optional filters. All filters combine with AND; the values of an array filter combine with OR.

    Args:
        connection_ids (list[str] | Unset):
        types (list[HistoryEntryType] | Unset):
        directions (list[HistoryDirection] | Unset):
        archived (bool | Unset):
        starred (HistoryStarredFilter | Unset): Selects starred or unstarred entries.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        phonenumber (str | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | HistoryPage]
    """

    kwargs = _get_kwargs(
        connection_ids=connection_ids,
        types=types,
        directions=directions,
        archived=archived,
        starred=starred,
        from_=from_,
        to=to,
        phonenumber=phonenumber,
        offset=offset,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    connection_ids: list[str] | Unset = UNSET,
    types: list[HistoryEntryType] | Unset = UNSET,
    directions: list[HistoryDirection] | Unset = UNSET,
    archived: bool | Unset = UNSET,
    starred: HistoryStarredFilter | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Error | HistoryPage | None:
    """List history entries

     One page of the event history (calls, voicemails, SMS and faxes), newest first, narrowed by the
    optional filters. All filters combine with AND; the values of an array filter combine with OR.

    Args:
        connection_ids (list[str] | Unset):
        types (list[HistoryEntryType] | Unset):
        directions (list[HistoryDirection] | Unset):
        archived (bool | Unset):
        starred (HistoryStarredFilter | Unset): Selects starred or unstarred entries.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        phonenumber (str | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | HistoryPage
    """

    return sync_detailed(
        client=client,
        connection_ids=connection_ids,
        types=types,
        directions=directions,
        archived=archived,
        starred=starred,
        from_=from_,
        to=to,
        phonenumber=phonenumber,
        offset=offset,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    connection_ids: list[str] | Unset = UNSET,
    types: list[HistoryEntryType] | Unset = UNSET,
    directions: list[HistoryDirection] | Unset = UNSET,
    archived: bool | Unset = UNSET,
    starred: HistoryStarredFilter | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[Error | HistoryPage]:
    """List history entries

     One page of the event history (calls, voicemails, SMS and faxes), newest first, narrowed by the
    optional filters. All filters combine with AND; the values of an array filter combine with OR.

    Args:
        connection_ids (list[str] | Unset):
        types (list[HistoryEntryType] | Unset):
        directions (list[HistoryDirection] | Unset):
        archived (bool | Unset):
        starred (HistoryStarredFilter | Unset): Selects starred or unstarred entries.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        phonenumber (str | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | HistoryPage]
    """

    kwargs = _get_kwargs(
        connection_ids=connection_ids,
        types=types,
        directions=directions,
        archived=archived,
        starred=starred,
        from_=from_,
        to=to,
        phonenumber=phonenumber,
        offset=offset,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    connection_ids: list[str] | Unset = UNSET,
    types: list[HistoryEntryType] | Unset = UNSET,
    directions: list[HistoryDirection] | Unset = UNSET,
    archived: bool | Unset = UNSET,
    starred: HistoryStarredFilter | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Error | HistoryPage | None:
    """List history entries

     One page of the event history (calls, voicemails, SMS and faxes), newest first, narrowed by the
    optional filters. All filters combine with AND; the values of an array filter combine with OR.

    Args:
        connection_ids (list[str] | Unset):
        types (list[HistoryEntryType] | Unset):
        directions (list[HistoryDirection] | Unset):
        archived (bool | Unset):
        starred (HistoryStarredFilter | Unset): Selects starred or unstarred entries.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        phonenumber (str | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | HistoryPage
    """

    return (
        await asyncio_detailed(
            client=client,
            connection_ids=connection_ids,
            types=types,
            directions=directions,
            archived=archived,
            starred=starred,
            from_=from_,
            to=to,
            phonenumber=phonenumber,
            offset=offset,
            limit=limit,
        )
    ).parsed
