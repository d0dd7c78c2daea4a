from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contacts_page import ContactsPage
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> dict[str, Any]:

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


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactsPage | Error | None:
    if response.status_code == 200:
        response_200 = ContactsPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContactsPage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> Response[ContactsPage | Error]:
    """List contacts

     One page of the contacts visible to the user, across all scopes (private, shared and internal).
    Optionally narrowed to contacts holding one of the given phone numbers.

    Args:
        offset (int | Unset):
        limit (int | Unset):
        phonenumbers (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactsPage | Error]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
        phonenumbers=phonenumbers,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> ContactsPage | Error | None:
    """List contacts

     One page of the contacts visible to the user, across all scopes (private, shared and internal).
    Optionally narrowed to contacts holding one of the given phone numbers.

    Args:
        offset (int | Unset):
        limit (int | Unset):
        phonenumbers (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactsPage | Error
    """

    return sync_detailed(
        client=client,
        offset=offset,
        limit=limit,
        phonenumbers=phonenumbers,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> Response[ContactsPage | Error]:
    """List contacts

     One page of the contacts visible to the user, across all scopes (private, shared and internal).
    Optionally narrowed to contacts holding one of the given phone numbers.

    Args:
        offset (int | Unset):
        limit (int | Unset):
        phonenumbers (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactsPage | Error]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
        phonenumbers=phonenumbers,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    phonenumbers: list[str] | Unset = UNSET,
) -> ContactsPage | Error | None:
    """List contacts

     One page of the contacts visible to the user, across all scopes (private, shared and internal).
    Optionally narrowed to contacts holding one of the given phone numbers.

    Args:
        offset (int | Unset):
        limit (int | Unset):
        phonenumbers (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactsPage | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            offset=offset,
            limit=limit,
            phonenumbers=phonenumbers,
        )
    ).parsed
