"""Errors of the generated client: sipgateio's own typed errors."""

from sipgateio._responses import PARSE_ERRORS, api_error, read_json, unreadable
from sipgateio.errors import APIError, UnexpectedResponseError

__all__ = [
    "PARSE_ERRORS",
    "APIError",
    "UnexpectedResponseError",
    "api_error",
    "read_json",
    "unreadable",
]
