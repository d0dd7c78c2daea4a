from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.rtcm_recording_request import RtcmRecordingRequest
from ...types import Response


def _get_kwargs(
    call_id: str,
    *,
    body: RtcmRecordingRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/calls/{call_id}/recording".format(
            call_id=quote(str(call_id), safe=""),
        ),
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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RtcmRecordingRequest,
) -> Response[Any | Error]:
    """Start or stop recording a call

     Starts (`value` true) or stops (`value` false) recording. With `announcement` true the participants
    hear that recording starts or stops. Recordings appear on the call's history entry.

    Args:
        call_id (str):
        body (RtcmRecordingRequest): Starts or stops a call recording.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RtcmRecordingRequest,
) -> Any | Error | None:
    """Start or stop recording a call

     Starts (`value` true) or stops (`value` false) recording. With `announcement` true the participants
    hear that recording starts or stops. Recordings appear on the call's history entry.

    Args:
        call_id (str):
        body (RtcmRecordingRequest): Starts or stops a call recording.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        call_id=call_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RtcmRecordingRequest,
) -> Response[Any | Error]:
    """Start or stop recording a call

     Starts (`value` true) or stops (`value` false) recording. With `announcement` true the participants
    hear that recording starts or stops. Recordings appear on the call's history entry.

    Args:
        call_id (str):
        body (RtcmRecordingRequest): Starts or stops a call recording.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        call_id=call_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    call_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: RtcmRecordingRequest,
) -> Any | Error | None:
    """Start or stop recording a call

     Starts (`value` true) or stops (`value` false) recording. With `announcement` true the participants
    hear that recording starts or stops. Recordings appear on the call's history entry.

    Args:
        call_id (str):
        body (RtcmRecordingRequest): Starts or stops a call recording.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            call_id=call_id,
            client=client,
            body=body,
        )
    ).parsed
