from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ...errors import PARSE_ERRORS, api_error, read_json, unreadable
from ...models.device_response import DeviceResponse
from ...types import Prepared, Response

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "GET /devices/{device_id}"
"""The operation of this module: method and path template."""


def request_kwargs(
    device_id: str,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of GET /devices/{device_id} with these parameters."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/devices/{device_id}".format(
            device_id=quote(str(device_id), safe=""),
        ),
    }

    return _kwargs


def _parse(response: httpx.Response) -> DeviceResponse:
    response_200 = DeviceResponse.from_dict(read_json(response))

    return response_200


def parse_response(response: httpx.Response) -> DeviceResponse:
    """Read an answer of GET /devices/{device_id}.

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
    device_id: str,
) -> Prepared[DeviceResponse]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            device_id=device_id,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[DeviceResponse]:
    parsed = parse_response(response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    device_id: str,
    *,
    client: "AuthenticatedClient | Client",
) -> Response[DeviceResponse]:
    """GET /devices/{device_id}.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            device_id=device_id,
        )
    )
    return _build_response(response)


def sync(
    device_id: str,
    *,
    client: "AuthenticatedClient | Client",
) -> DeviceResponse:
    """GET /devices/{device_id}, returning only the parsed answer (see ``sync_detailed``)."""
    return parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                device_id=device_id,
            )
        )
    )


async def asyncio_detailed(
    device_id: str,
    *,
    client: "AuthenticatedClient | Client",
) -> Response[DeviceResponse]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            device_id=device_id,
        )
    )
    return _build_response(response)


async def asyncio(
    device_id: str,
    *,
    client: "AuthenticatedClient | Client",
) -> DeviceResponse:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                device_id=device_id,
            )
        )
    )
