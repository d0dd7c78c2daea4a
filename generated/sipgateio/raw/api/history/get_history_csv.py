import datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...errors import PARSE_ERRORS, api_error, unreadable
from ...models.get_history_csv_directions_item import GetHistoryCsvDirectionsItem
from ...models.get_history_csv_starred_item import GetHistoryCsvStarredItem
from ...models.get_history_csv_types_item import GetHistoryCsvTypesItem
from ...types import UNSET, Prepared, Response, Unset

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "GET /history/export"
"""The operation of this module: method and path template."""


def request_kwargs(
    *,
    connection_ids: list[str] | Unset = UNSET,
    types: list[GetHistoryCsvTypesItem] | Unset = UNSET,
    directions: list[GetHistoryCsvDirectionsItem] | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    archived: bool | Unset = UNSET,
    starred: list[GetHistoryCsvStarredItem] | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of GET /history/export with these parameters."""

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

    params["offset"] = offset

    params["limit"] = limit

    params["archived"] = archived

    json_starred: list[str] | Unset = UNSET
    if not isinstance(starred, Unset):
        json_starred = []
        for starred_item_data in starred:
            starred_item = starred_item_data.value
            json_starred.append(starred_item)

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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/history/export",
    }
    # no params at all when there are none: httpx would merge an empty dict into the URL
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse(response: httpx.Response) -> str:
    response_200 = response.text
    return response_200


def parse_response(response: httpx.Response) -> str:
    """Read an answer of GET /history/export.

    An error status (400 and up) raises :class:`sipgateio.APIError` (the subclass for the
    status); an answer whose body does not have the documented shape raises
    :class:`sipgateio.UnexpectedResponseError`. Any other status is read as the first
    documented successful answer.
    """
    if response.status_code >= 400:
        raise api_error(response)
    try:
        return _parse(response)
    except PARSE_ERRORS as exc:
        raise unreadable(OPERATION, exc) from exc


def prepare(
    *,
    connection_ids: list[str] | Unset = UNSET,
    types: list[GetHistoryCsvTypesItem] | Unset = UNSET,
    directions: list[GetHistoryCsvDirectionsItem] | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    archived: bool | Unset = UNSET,
    starred: list[GetHistoryCsvStarredItem] | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
) -> Prepared[str]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            connection_ids=connection_ids,
            types=types,
            directions=directions,
            offset=offset,
            limit=limit,
            archived=archived,
            starred=starred,
            from_=from_,
            to=to,
            phonenumber=phonenumber,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[str]:
    parsed = parse_response(response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: "AuthenticatedClient | Client",
    connection_ids: list[str] | Unset = UNSET,
    types: list[GetHistoryCsvTypesItem] | Unset = UNSET,
    directions: list[GetHistoryCsvDirectionsItem] | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    archived: bool | Unset = UNSET,
    starred: list[GetHistoryCsvStarredItem] | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
) -> Response[str]:
    """GET /history/export.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            connection_ids=connection_ids,
            types=types,
            directions=directions,
            offset=offset,
            limit=limit,
            archived=archived,
            starred=starred,
            from_=from_,
            to=to,
            phonenumber=phonenumber,
        )
    )
    return _build_response(response)


def sync(
    *,
    client: "AuthenticatedClient | Client",
    connection_ids: list[str] | Unset = UNSET,
    types: list[GetHistoryCsvTypesItem] | Unset = UNSET,
    directions: list[GetHistoryCsvDirectionsItem] | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    archived: bool | Unset = UNSET,
    starred: list[GetHistoryCsvStarredItem] | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
) -> str:
    """GET /history/export, returning only the parsed answer (see ``sync_detailed``)."""
    return parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                connection_ids=connection_ids,
                types=types,
                directions=directions,
                offset=offset,
                limit=limit,
                archived=archived,
                starred=starred,
                from_=from_,
                to=to,
                phonenumber=phonenumber,
            )
        )
    )


async def asyncio_detailed(
    *,
    client: "AuthenticatedClient | Client",
    connection_ids: list[str] | Unset = UNSET,
    types: list[GetHistoryCsvTypesItem] | Unset = UNSET,
    directions: list[GetHistoryCsvDirectionsItem] | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    archived: bool | Unset = UNSET,
    starred: list[GetHistoryCsvStarredItem] | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
) -> Response[str]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            connection_ids=connection_ids,
            types=types,
            directions=directions,
            offset=offset,
            limit=limit,
            archived=archived,
            starred=starred,
            from_=from_,
            to=to,
            phonenumber=phonenumber,
        )
    )
    return _build_response(response)


async def asyncio(
    *,
    client: "AuthenticatedClient | Client",
    connection_ids: list[str] | Unset = UNSET,
    types: list[GetHistoryCsvTypesItem] | Unset = UNSET,
    directions: list[GetHistoryCsvDirectionsItem] | Unset = UNSET,
    offset: int | Unset = 0,
    limit: int | Unset = 10,
    archived: bool | Unset = UNSET,
    starred: list[GetHistoryCsvStarredItem] | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    phonenumber: str | Unset = UNSET,
) -> str:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                connection_ids=connection_ids,
                types=types,
                directions=directions,
                offset=offset,
                limit=limit,
                archived=archived,
                starred=starred,
                from_=from_,
                to=to,
                phonenumber=phonenumber,
            )
        )
    )
