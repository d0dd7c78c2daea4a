from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...errors import PARSE_ERRORS, api_error, read_json, unreadable
from ...models.create_client_body import CreateClientBody
from ...models.o_auth_client import OAuthClient
from ...types import Prepared, Response

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "POST /authorization/oauth2/clients"
"""The operation of this module: method and path template."""


def request_kwargs(
    *,
    body: CreateClientBody,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of POST /authorization/oauth2/clients with these parameters."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/authorization/oauth2/clients",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse(response: httpx.Response) -> OAuthClient:
    response_200 = OAuthClient.from_dict(read_json(response))

    return response_200


def parse_response(response: httpx.Response) -> OAuthClient:
    """Read an answer of POST /authorization/oauth2/clients.

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
    body: CreateClientBody,
) -> Prepared[OAuthClient]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            body=body,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[OAuthClient]:
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
    body: CreateClientBody,
) -> Response[OAuthClient]:
    """POST /authorization/oauth2/clients.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            body=body,
        )
    )
    return _build_response(response)


def sync(
    *,
    client: "AuthenticatedClient | Client",
    body: CreateClientBody,
) -> OAuthClient:
    """POST /authorization/oauth2/clients, returning only the parsed answer (see ``sync_detailed``)."""
    return parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                body=body,
            )
        )
    )


async def asyncio_detailed(
    *,
    client: "AuthenticatedClient | Client",
    body: CreateClientBody,
) -> Response[OAuthClient]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            body=body,
        )
    )
    return _build_response(response)


async def asyncio(
    *,
    client: "AuthenticatedClient | Client",
    body: CreateClientBody,
) -> OAuthClient:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                body=body,
            )
        )
    )
