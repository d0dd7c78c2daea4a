from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ...errors import PARSE_ERRORS, api_error, read_json, unreadable
from ...models.create_register_device_request import CreateRegisterDeviceRequest
from ...models.register_device_response import RegisterDeviceResponse
from ...types import UNSET, Prepared, Response, Unset

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "POST /{user_id}/devices/register"
"""The operation of this module: method and path template."""


def request_kwargs(
    user_id: str,
    *,
    body: CreateRegisterDeviceRequest | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of POST /{user_id}/devices/register with these parameters."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/{user_id}/devices/register".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse(response: httpx.Response) -> RegisterDeviceResponse:
    response_200 = RegisterDeviceResponse.from_dict(read_json(response))

    return response_200


def parse_response(response: httpx.Response) -> RegisterDeviceResponse:
    """Read an answer of POST /{user_id}/devices/register.

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
    *,
    body: CreateRegisterDeviceRequest | Unset = UNSET,
) -> Prepared[RegisterDeviceResponse]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            user_id=user_id,
            body=body,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[RegisterDeviceResponse]:
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
    body: CreateRegisterDeviceRequest | Unset = UNSET,
) -> Response[RegisterDeviceResponse]:
    """POST /{user_id}/devices/register.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            user_id=user_id,
            body=body,
        )
    )
    return _build_response(response)


def sync(
    user_id: str,
    *,
    client: "AuthenticatedClient | Client",
    body: CreateRegisterDeviceRequest | Unset = UNSET,
) -> RegisterDeviceResponse:
    """POST /{user_id}/devices/register, returning only the parsed answer (see ``sync_detailed``)."""
    return parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                user_id=user_id,
                body=body,
            )
        )
    )


async def asyncio_detailed(
    user_id: str,
    *,
    client: "AuthenticatedClient | Client",
    body: CreateRegisterDeviceRequest | Unset = UNSET,
) -> Response[RegisterDeviceResponse]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            user_id=user_id,
            body=body,
        )
    )
    return _build_response(response)


async def asyncio(
    user_id: str,
    *,
    client: "AuthenticatedClient | Client",
    body: CreateRegisterDeviceRequest | Unset = UNSET,
) -> RegisterDeviceResponse:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                user_id=user_id,
                body=body,
            )
        )
    )
