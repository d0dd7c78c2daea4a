from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ...errors import PARSE_ERRORS, api_error, read_json, unreadable
from ...models.devices_response import DevicesResponse
from ...types import Prepared, Response

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "GET /{user_id}/devices"
"""The operation of this module: method and path template."""


def request_kwargs(
    user_id: str,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of GET /{user_id}/devices with these parameters."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/{user_id}/devices".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs


def _parse(response: httpx.Response) -> DevicesResponse:
    response_200 = DevicesResponse.from_dict(read_json(response))

    return response_200


def parse_response(response: httpx.Response) -> DevicesResponse:
    """Read an answer of GET /{user_id}/devices.

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
    user_id: str,
) -> Prepared[DevicesResponse]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            user_id=user_id,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[DevicesResponse]:
    parsed = parse_response(response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    user_id: str,
    *,
    client: "AuthenticatedClient | Client",
) -> Response[DevicesResponse]:
    """GET /{user_id}/devices.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            user_id=user_id,
        )
    )
    return _build_response(response)


def sync(
    user_id: str,
    *,
    client: "AuthenticatedClient | Client",
) -> DevicesResponse:
    """GET /{user_id}/devices, returning only the parsed answer (see ``sync_detailed``)."""
    return parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                user_id=user_id,
            )
        )
    )


async def asyncio_detailed(
    user_id: str,
    *,
    client: "AuthenticatedClient | Client",
) -> Response[DevicesResponse]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            user_id=user_id,
        )
    )
    return _build_response(response)


async def asyncio(
    user_id: str,
    *,
    client: "AuthenticatedClient | Client",
) -> DevicesResponse:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                user_id=user_id,
            )
        )
    )
