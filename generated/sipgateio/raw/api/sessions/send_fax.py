from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...errors import PARSE_ERRORS, api_error, read_json, unreadable
from ...models.send_fax_request import SendFaxRequest
from ...models.send_fax_session_response import SendFaxSessionResponse
from ...types import Prepared, Response

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "POST /sessions/fax"
"""The operation of this module: method and path template."""


def request_kwargs(
    *,
    body: SendFaxRequest,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of POST /sessions/fax with these parameters."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sessions/fax",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse(response: httpx.Response) -> SendFaxSessionResponse:
    response_200 = SendFaxSessionResponse.from_dict(read_json(response))

    return response_200


def parse_response(response: httpx.Response) -> SendFaxSessionResponse:
    """Read an answer of POST /sessions/fax.

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
    body: SendFaxRequest,
) -> Prepared[SendFaxSessionResponse]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            body=body,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[SendFaxSessionResponse]:
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
    body: SendFaxRequest,
) -> Response[SendFaxSessionResponse]:
    """POST /sessions/fax.

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
    body: SendFaxRequest,
) -> SendFaxSessionResponse:
    """POST /sessions/fax, returning only the parsed answer (see ``sync_detailed``)."""
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
    body: SendFaxRequest,
) -> Response[SendFaxSessionResponse]:
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
    body: SendFaxRequest,
) -> SendFaxSessionResponse:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                body=body,
            )
        )
    )
