from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...errors import PARSE_ERRORS, api_error, read_json, unreadable
from ...models.phoneline_sipgate_io_logs_response import PhonelineSipgateIoLogsResponse
from ...types import Prepared, Response

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "GET /log/webhooks"
"""The operation of this module: method and path template."""


def request_kwargs() -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of GET /log/webhooks with these parameters."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/log/webhooks",
    }

    return _kwargs


def _parse(response: httpx.Response) -> PhonelineSipgateIoLogsResponse:
    response_200 = PhonelineSipgateIoLogsResponse.from_dict(read_json(response))

    return response_200


def parse_response(response: httpx.Response) -> PhonelineSipgateIoLogsResponse:
    """Read an answer of GET /log/webhooks.

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


def prepare() -> Prepared[PhonelineSipgateIoLogsResponse]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(),
        parse_response,
    )


def _build_response(
    response: httpx.Response,
) -> Response[PhonelineSipgateIoLogsResponse]:
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
) -> Response[PhonelineSipgateIoLogsResponse]:
    """GET /log/webhooks.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(**request_kwargs())
    return _build_response(response)


def sync(
    *,
    client: "AuthenticatedClient | Client",
) -> PhonelineSipgateIoLogsResponse:
    """GET /log/webhooks, returning only the parsed answer (see ``sync_detailed``)."""
    return parse_response(client.get_httpx_client().request(**request_kwargs()))


async def asyncio_detailed(
    *,
    client: "AuthenticatedClient | Client",
) -> Response[PhonelineSipgateIoLogsResponse]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(**request_kwargs())
    return _build_response(response)


async def asyncio(
    *,
    client: "AuthenticatedClient | Client",
) -> PhonelineSipgateIoLogsResponse:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(**request_kwargs())
    )
