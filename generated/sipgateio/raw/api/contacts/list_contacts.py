from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...errors import api_error, unreadable
from ...models.contacts_page import ContactsPage
from ...types import UNSET, Prepared, Response, Unset

OPERATION = "GET /contacts"
"""The operation of this module: method and path template."""


def request_kwargs(
    *,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of GET /contacts with these parameters."""

    params: dict[str, Any] = {}

    params["offset"] = offset

    params["limit"] = limit

    json_phonenumbers: list[str] | Unset = UNSET
    if not isinstance(phonenumbers, Unset):
        json_phonenumbers = phonenumbers

    params["phonenumbers"] = json_phonenumbers

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contacts",
        "params": params,
    }

    return _kwargs


def _parse(response: httpx.Response) -> ContactsPage:
    response_200 = ContactsPage.from_dict(response.json())

    return response_200


def parse_response(response: httpx.Response) -> ContactsPage:
    """Read an answer of GET /contacts.

    An error status (400 and up) raises :class:`sipgateio.APIError` (the subclass for the
    status); an answer whose body does not have the documented shape raises
    :class:`sipgateio.UnexpectedResponseError`. Any other status is read as the first
    documented successful answer.
    """
    if response.status_code >= 400:
        raise api_error(response)
    try:
        return _parse(response)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise unreadable(OPERATION, exc) from exc


def prepare(
    *,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> Prepared[ContactsPage]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            offset=offset,
            limit=limit,
            phonenumbers=phonenumbers,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[ContactsPage]:
    parsed = parse_response(response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> Response[ContactsPage]:
    """GET /contacts: List contacts.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            offset=offset,
            limit=limit,
            phonenumbers=phonenumbers,
        )
    )
    return _build_response(response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> ContactsPage:
    """GET /contacts, returning only the parsed answer (see ``sync_detailed``)."""
    return parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                offset=offset,
                limit=limit,
                phonenumbers=phonenumbers,
            )
        )
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> Response[ContactsPage]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            offset=offset,
            limit=limit,
            phonenumbers=phonenumbers,
        )
    )
    return _build_response(response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> ContactsPage:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                offset=offset,
                limit=limit,
                phonenumbers=phonenumbers,
            )
        )
    )
