from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ...errors import PARSE_ERRORS, api_error, read_json, unreadable
from ...models.get_recording_setting_response import GetRecordingSettingResponse
from ...models.recording_settings_incoming_request import (
    RecordingSettingsIncomingRequest,
)
from ...types import UNSET, Prepared, Response, Unset

if TYPE_CHECKING:  # the facade imports endpoint modules without the client classes
    from ...client import AuthenticatedClient, Client


OPERATION = "PUT /autorecordings/{extension}/settings"
"""The operation of this module: method and path template."""


def request_kwargs(
    extension: str,
    *,
    body: RecordingSettingsIncomingRequest | Unset = UNSET,
) -> dict[str, Any]:
    """The ``httpx.Client.request`` arguments of PUT /autorecordings/{extension}/settings with these parameters."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/autorecordings/{extension}/settings".format(
            extension=quote(str(extension), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse(response: httpx.Response) -> GetRecordingSettingResponse:
    response_200 = GetRecordingSettingResponse.from_dict(read_json(response))

    return response_200


def parse_response(response: httpx.Response) -> GetRecordingSettingResponse:
    """Read an answer of PUT /autorecordings/{extension}/settings.

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
    extension: str,
    *,
    body: RecordingSettingsIncomingRequest | Unset = UNSET,
) -> Prepared[GetRecordingSettingResponse]:
    """This operation with these parameters, ready to send: request arguments and answer parser."""
    return Prepared(
        OPERATION,
        request_kwargs(
            extension=extension,
            body=body,
        ),
        parse_response,
    )


def _build_response(response: httpx.Response) -> Response[GetRecordingSettingResponse]:
    parsed = parse_response(response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    extension: str,
    *,
    client: "AuthenticatedClient | Client",
    body: RecordingSettingsIncomingRequest | Unset = UNSET,
) -> Response[GetRecordingSettingResponse]:
    """PUT /autorecordings/{extension}/settings.

    Returns the status, headers, body and the parsed answer. Raises
    :class:`sipgateio.APIError` for an error status, :class:`sipgateio.UnexpectedResponseError`
    for an answer that cannot be read, and httpx's exceptions for transport failures.
    """
    response = client.get_httpx_client().request(
        **request_kwargs(
            extension=extension,
            body=body,
        )
    )
    return _build_response(response)


def sync(
    extension: str,
    *,
    client: "AuthenticatedClient | Client",
    body: RecordingSettingsIncomingRequest | Unset = UNSET,
) -> GetRecordingSettingResponse:
    """PUT /autorecordings/{extension}/settings, returning only the parsed answer (see ``sync_detailed``)."""
    return parse_response(
        client.get_httpx_client().request(
            **request_kwargs(
                extension=extension,
                body=body,
            )
        )
    )


async def asyncio_detailed(
    extension: str,
    *,
    client: "AuthenticatedClient | Client",
    body: RecordingSettingsIncomingRequest | Unset = UNSET,
) -> Response[GetRecordingSettingResponse]:
    """``sync_detailed`` for an ``AsyncSipgateIO`` client's ``raw``."""
    response = await client.get_async_httpx_client().request(
        **request_kwargs(
            extension=extension,
            body=body,
        )
    )
    return _build_response(response)


async def asyncio(
    extension: str,
    *,
    client: "AuthenticatedClient | Client",
    body: RecordingSettingsIncomingRequest | Unset = UNSET,
) -> GetRecordingSettingResponse:
    """``sync`` for an ``AsyncSipgateIO`` client's ``raw``."""
    return parse_response(
        await client.get_async_httpx_client().request(
            **request_kwargs(
                extension=extension,
                body=body,
            )
        )
    )
