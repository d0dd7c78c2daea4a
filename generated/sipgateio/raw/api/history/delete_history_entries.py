from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...errors import PARSE_ERRORS, api_error, unreadable
from ...types import UNSET, Prepared, Response

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "DELETE /history"
"""The operation of this module: method and path template."""


def request_kwargs(
    *,
    id: list[str],
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of DELETE /history with these parameters."""

    params: dict[str, Any] = {}

    json_id = id

    params["id"] = json_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/history",
    }
    # no params at all when there are none: httpx would merge an empty dict into the URL
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse(response: httpx.Response) -> None:
    return None


def parse_response(response: httpx.Response) -> None:
    """Read an answer of DELETE /history.

    An error status (400 and up) raises :class:`sipgateio.APIError` (the subclass for the
    status); an answer whose body does not have the documented shape raises
    :class:`sipgateio.UnexpectedResponseError`. Any other status is read as the first
    documented successful answer.
    """
    if response.status_code >= 400:
        raise api_error(response)
    try:
        _parse(response)
    except PARSE_ERRORS as exc:
        raise unreadable(OPERATION, exc) from exc


def prepare(
    *,
    id: list[str],
) -> Prepared[None]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            id=id,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[None]:
    parse_response(response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=None,
    )


def sync_detailed(
    *,
    client: "AuthenticatedClient | Client",
    id: list[str],
) -> Response[None]:
    """DELETE /history.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            id=id,
        )
    )
    return _build_response(response)


def sync(
    *,
    client: "AuthenticatedClient | Client",
    id: list[str],
) -> None:
    """DELETE /history, returning only the parsed answer (see ``sync_detailed``)."""
    parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                id=id,
            )
        )
    )


async def asyncio_detailed(
    *,
    client: "AuthenticatedClient | Client",
    id: list[str],
) -> Response[None]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            id=id,
        )
    )
    return _build_response(response)


async def asyncio(
    *,
    client: "AuthenticatedClient | Client",
    id: list[str],
) -> None:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                id=id,
            )
        )
    )
