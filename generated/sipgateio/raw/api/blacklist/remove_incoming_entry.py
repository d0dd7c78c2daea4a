from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ...errors import PARSE_ERRORS, api_error, unreadable
from ...types import Prepared, Response

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "DELETE /blacklist/incoming/{phone_number}"
"""The operation of this module: method and path template."""


def request_kwargs(
    phone_number: str,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of DELETE /blacklist/incoming/{phone_number} with these parameters."""

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/blacklist/incoming/{phone_number}".format(
            phone_number=quote(str(phone_number), safe=""),
        ),
    }

    return _kwargs


def _parse(response: httpx.Response) -> None:
    return None


def parse_response(response: httpx.Response) -> None:
    """Read an answer of DELETE /blacklist/incoming/{phone_number}.

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
    phone_number: str,
) -> Prepared[None]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            phone_number=phone_number,
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
    phone_number: str,
    *,
    client: "AuthenticatedClient | Client",
) -> Response[None]:
    """DELETE /blacklist/incoming/{phone_number}.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            phone_number=phone_number,
        )
    )
    return _build_response(response)


def sync(
    phone_number: str,
    *,
    client: "AuthenticatedClient | Client",
) -> None:
    """DELETE /blacklist/incoming/{phone_number}, returning only the parsed answer (see ``sync_detailed``)."""
    parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                phone_number=phone_number,
            )
        )
    )


async def asyncio_detailed(
    phone_number: str,
    *,
    client: "AuthenticatedClient | Client",
) -> Response[None]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            phone_number=phone_number,
        )
    )
    return _build_response(response)


async def asyncio(
    phone_number: str,
    *,
    client: "AuthenticatedClient | Client",
) -> None:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                phone_number=phone_number,
            )
        )
    )
