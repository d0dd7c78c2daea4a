"""One exit code per error class, a one-line message, JSON errors for scripts."""

from __future__ import annotations

import json
import socket

import pytest

import sipgateio
from sipgateio.cli import exit_codes
from sipgateio.resources.fax import FaxTimeoutError
from tests.apistub import Answer, APIStub
from tests.cli.conftest import Run

SMS = ("sms", "send", "--to", "+4915799912345", "-m", "hi", "--sms-id", "s0")


@pytest.mark.parametrize(
    ("status", "name", "code"),
    [
        (400, "BadRequestError", 9),
        (401, "AuthenticationError", 4),
        (402, "PaymentRequiredError", 6),
        (403, "PermissionDeniedError", 5),
        (404, "NotFoundError", 7),
        (409, "ConflictError", 9),
        (429, "RateLimitError", 8),
        (500, "ServerError", 10),
    ],
)
def test_api_errors(cli: Run, api: APIStub, status: int, name: str, code: int) -> None:
    api.reply("POST", "/v2/sessions/sms", Answer(status, json={"message": "nope\n  really"}))
    result = cli(*SMS)
    assert result.exit_code == code
    assert result.stdout == ""
    line = f"error: {name}: POST {api.url}/sessions/sms returned HTTP {status}: "
    assert result.stderr == line + '{"message": "nope\\n really"}\n'  # one line


def test_api_error_as_json(cli: Run, api: APIStub) -> None:
    api.reply("POST", "/v2/sessions/sms", Answer(402, json={"message": "no credit"}))
    result = cli("--json", *SMS)
    assert result.exit_code == 6
    assert result.stdout == ""
    error = json.loads(result.stderr)["error"]
    assert error["type"] == "PaymentRequiredError"
    assert error["status_code"] == 402
    assert error["exit_code"] == 6
    assert "no credit" in error["message"]


def test_validation_error_names_the_field_in_json(cli: Run, api: APIStub) -> None:
    result = cli("sms", "send", "--to", "reception", "-m", "hi", "--sms-id", "s0", "--json")
    assert result.exit_code == 3
    error = json.loads(result.stderr)["error"]
    assert (error["type"], error["field"]) == ("ValidationError", "to")
    assert api.requests == []


def test_missing_credentials(cli: Run, api: APIStub) -> None:
    result = cli("numbers", env={"SIPGATE_TOKEN_ID": None, "SIPGATE_TOKEN": None})
    assert result.exit_code == 3
    assert "set SIPGATE_TOKEN_ID and SIPGATE_TOKEN" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert api.requests == []


def test_secrets_stay_out_of_errors(cli: Run, api: APIStub) -> None:
    result = cli("numbers", env={"SIPGATE_TOKEN": "not-a-uuid-secret"})
    assert result.exit_code == 3
    assert "not-a-uuid-secret" not in result.stderr


def test_transport_error(cli: Run) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = cli("--base-url", f"http://127.0.0.1:{port}/v2", *SMS)
    assert result.exit_code == 11
    assert result.stderr.startswith("error: TransportError: ")


def test_unexpected_response(cli: Run, api: APIStub) -> None:
    # a number without its id: an answer the library cannot read (a new enum value it can)
    api.reply("GET", "/v2/numbers", json={"items": [{"number": "+49", "type": "LANDLINE"}]})
    result = cli("numbers")
    assert result.exit_code == 12
    assert result.stderr.startswith("error: UnexpectedResponseError: ")


def test_usage_errors_exit_2(cli: Run) -> None:
    assert cli("no-such-command").exit_code == 2
    assert cli("sms", "send", "--to", "+4915799912345").exit_code == 2  # no message


def test_every_listed_code_is_distinct() -> None:
    codes = [
        *exit_codes.BY_ERROR_CLASS.values(),
        exit_codes.OK,
        exit_codes.INTERNAL,
        exit_codes.USAGE,
        exit_codes.FAILED,
        exit_codes.MISSING_EXTRA,
        exit_codes.INTERRUPTED,
    ]
    assert len(codes) == len(set(codes))
    for name in exit_codes.BY_ERROR_CLASS:
        cls = FaxTimeoutError if name == "FaxTimeoutError" else getattr(sipgateio, name)
        assert issubclass(cls, sipgateio.SipgateIOError)


def test_subclasses_take_their_nearest_base() -> None:
    class Teapot(sipgateio.APIError):
        pass

    assert exit_codes.exit_code_for(Teapot(status_code=418, method="GET", url="u", body="")) == 9
    assert exit_codes.exit_code_for(sipgateio.SipgateIOError("x")) == 16
    assert exit_codes.exit_code_for(ValueError("not ours")) == 1


def test_the_help_summary_names_every_code() -> None:
    named = {int(part.split()[0]) for part in exit_codes.SUMMARY[len("Exit codes: ") :].split(", ")}
    assert named == {
        *exit_codes.BY_ERROR_CLASS.values(),
        exit_codes.OK,
        exit_codes.INTERNAL,
        exit_codes.USAGE,
        exit_codes.FAILED,
        exit_codes.MISSING_EXTRA,
        exit_codes.INTERRUPTED,
    }
