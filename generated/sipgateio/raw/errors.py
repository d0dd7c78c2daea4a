"""Errors of the generated client: sipgateio's own typed errors."""

from sipgateio._responses import api_error, unreadable
from sipgateio.errors import APIError, UnexpectedResponseError

__all__ = ["APIError", "UnexpectedResponseError", "api_error", "unreadable"]
