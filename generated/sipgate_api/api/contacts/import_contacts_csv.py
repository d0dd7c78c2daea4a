from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.csv_import_request import CsvImportRequest
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: CsvImportRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contacts/import/csv",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CsvImportRequest,
) -> Response[Any | Error]:
    """Import contacts from a CSV document

     Creates contacts from a base64-encoded CSV document. The first line is a header naming
    the columns `firstname`, `lastname` and `number`, for example:

        firstname,lastname,number
        Ada,Lovelace,+4915799912345

    Args:
        body (CsvImportRequest): A CSV document of contacts to import.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CsvImportRequest,
) -> Any | Error | None:
    """Import contacts from a CSV document

     Creates contacts from a base64-encoded CSV document. The first line is a header naming
    the columns `firstname`, `lastname` and `number`, for example:

        firstname,lastname,number
        Ada,Lovelace,+4915799912345

    Args:
        body (CsvImportRequest): A CSV document of contacts to import.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CsvImportRequest,
) -> Response[Any | Error]:
    """Import contacts from a CSV document

     Creates contacts from a base64-encoded CSV document. The first line is a header naming
    the columns `firstname`, `lastname` and `number`, for example:

        firstname,lastname,number
        Ada,Lovelace,+4915799912345

    Args:
        body (CsvImportRequest): A CSV document of contacts to import.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CsvImportRequest,
) -> Any | Error | None:
    """Import contacts from a CSV document

     Creates contacts from a base64-encoded CSV document. The first line is a header naming
    the columns `firstname`, `lastname` and `number`, for example:

        firstname,lastname,number
        Ada,Lovelace,+4915799912345

    Args:
        body (CsvImportRequest): A CSV document of contacts to import.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
