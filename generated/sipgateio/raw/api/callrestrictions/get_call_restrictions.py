from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...errors import PARSE_ERRORS, api_error, read_json, unreadable
from ...models.call_restriction_response import CallRestrictionResponse
from ...types import UNSET, Prepared, Response, Unset

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "GET /callrestrictions"
"""The operation of this module: method and path template."""


def request_kwargs(
    *,
    user_ids: list[str] | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of GET /callrestrictions with these parameters."""

    params: dict[str, Any] = {}

    json_user_ids: list[str] | Unset = UNSET
    if not isinstance(user_ids, Unset):
        json_user_ids = user_ids

    params["userIds"] = json_user_ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/callrestrictions",
    }
    # no params at all when there are none: httpx would merge an empty dict into the URL
    if params:
        _kwargs["params"] = params

    return _kwargs


def _parse(response: httpx.Response) -> CallRestrictionResponse:
    response_200 = CallRestrictionResponse.from_dict(read_json(response))

    return response_200


def parse_response(response: httpx.Response) -> CallRestrictionResponse:
    """Read an answer of GET /callrestrictions.

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
    user_ids: list[str] | Unset = UNSET,
) -> Prepared[CallRestrictionResponse]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            user_ids=user_ids,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[CallRestrictionResponse]:
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
    user_ids: list[str] | Unset = UNSET,
) -> Response[CallRestrictionResponse]:
    """GET /callrestrictions.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            user_ids=user_ids,
        )
    )
    return _build_response(response)


def sync(
    *,
    client: "AuthenticatedClient | Client",
    user_ids: list[str] | Unset = UNSET,
) -> CallRestrictionResponse:
    """GET /callrestrictions, returning only the parsed answer (see ``sync_detailed``)."""
    return parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                user_ids=user_ids,
            )
        )
    )


async def asyncio_detailed(
    *,
    client: "AuthenticatedClient | Client",
    user_ids: list[str] | Unset = UNSET,
) -> Response[CallRestrictionResponse]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            user_ids=user_ids,
        )
    )
    return _build_response(response)


async def asyncio(
    *,
    client: "AuthenticatedClient | Client",
    user_ids: list[str] | Unset = UNSET,
) -> CallRestrictionResponse:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                user_ids=user_ids,
            )
        )
    )
