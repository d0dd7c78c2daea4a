from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ...errors import PARSE_ERRORS, api_error, unreadable
from ...models.modify_address_request import ModifyAddressRequest
from ...types import UNSET, Prepared, Response, Unset

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "PUT /addresses/{address_id}"
"""The operation of this module: method and path template."""


def request_kwargs(
    address_id: int,
    *,
    body: ModifyAddressRequest | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of PUT /addresses/{address_id} with these parameters."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/addresses/{address_id}".format(
            address_id=quote(str(address_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse(response: httpx.Response) -> None:
    return None


def parse_response(response: httpx.Response) -> None:
    """Read an answer of PUT /addresses/{address_id}.

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
    address_id: int,
    *,
    body: ModifyAddressRequest | Unset = UNSET,
) -> Prepared[None]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            address_id=address_id,
            body=body,
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
    address_id: int,
    *,
    client: "AuthenticatedClient | Client",
    body: ModifyAddressRequest | Unset = UNSET,
) -> Response[None]:
    """PUT /addresses/{address_id}.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            address_id=address_id,
            body=body,
        )
    )
    return _build_response(response)


def sync(
    address_id: int,
    *,
    client: "AuthenticatedClient | Client",
    body: ModifyAddressRequest | Unset = UNSET,
) -> None:
    """PUT /addresses/{address_id}, returning only the parsed answer (see ``sync_detailed``)."""
    parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                address_id=address_id,
                body=body,
            )
        )
    )


async def asyncio_detailed(
    address_id: int,
    *,
    client: "AuthenticatedClient | Client",
    body: ModifyAddressRequest | Unset = UNSET,
) -> Response[None]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            address_id=address_id,
            body=body,
        )
    )
    return _build_response(response)


async def asyncio(
    address_id: int,
    *,
    client: "AuthenticatedClient | Client",
    body: ModifyAddressRequest | Unset = UNSET,
) -> None:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                address_id=address_id,
                body=body,
            )
        )
    )
