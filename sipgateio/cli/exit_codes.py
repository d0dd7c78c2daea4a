"""The exit codes of the ``sipgateio`` command: one per class of failure.

Scripts can tell what went wrong without parsing messages. The table (also in the README):

====  ==========================================================================
code  meaning
====  ==========================================================================
0     success
1     any other failure (a bug: please report it)
2     usage: an unknown command, a missing or malformed option
3     :class:`~sipgateio.ValidationError`: bad input, nothing was sent
4     :class:`~sipgateio.AuthenticationError` (HTTP 401): wrong or expired credentials
5     :class:`~sipgateio.PermissionDeniedError` (HTTP 403): the token lacks a scope or right
6     :class:`~sipgateio.PaymentRequiredError` (HTTP 402): no credit
7     :class:`~sipgateio.NotFoundError` (HTTP 404)
8     :class:`~sipgateio.RateLimitError` (HTTP 429)
9     any other :class:`~sipgateio.APIError` (400, 409, other 4xx)
10    :class:`~sipgateio.ServerError` (HTTP 5xx)
11    :class:`~sipgateio.TransportError`: no connection, timeout, TLS
12    :class:`~sipgateio.UnexpectedResponseError`: an answer this version cannot read
13    a wait timed out (:class:`~sipgateio.FaxTimeoutError`); the job itself goes on
14    the job ended and failed (a fax in state FAILED)
15    the command line's dependencies are missing (install ``sipgateio[cli]``)
16    any other :class:`~sipgateio.SipgateIOError` (a bulk operation that stopped at an
      error takes that error's code: an import stopped by a 401 exits 4)
130   interrupted (Ctrl-C)
====  ==========================================================================

This module imports nothing heavy: the console script uses it before typer is loaded.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BY_ERROR_CLASS",
    "FAILED",
    "INTERNAL",
    "INTERRUPTED",
    "MISSING_EXTRA",
    "OK",
    "SUMMARY",
    "USAGE",
    "exit_code_for",
]

OK: Final = 0
INTERNAL: Final = 1
USAGE: Final = 2
FAILED: Final = 14
MISSING_EXTRA: Final = 15
INTERRUPTED: Final = 130

BY_ERROR_CLASS: Final[dict[str, int]] = {
    "ValidationError": 3,
    "AuthenticationError": 4,
    "PermissionDeniedError": 5,
    "PaymentRequiredError": 6,
    "NotFoundError": 7,
    "RateLimitError": 8,
    "APIError": 9,
    "ServerError": 10,
    "TransportError": 11,
    "UnexpectedResponseError": 12,
    "FaxTimeoutError": 13,
    "SipgateIOError": 16,
}
"""The exit code of each sipgateio error class (by name; subclasses take their nearest base's)."""


SUMMARY: Final = (
    "Exit codes: 0 done, 1 bug, 2 usage, 3 invalid input (nothing sent), 4 credentials refused "
    "(401), 5 forbidden (403), 6 no credit (402), 7 not found (404), 8 rate limited (429), "
    "9 other API error, 10 server error (5xx), 11 no connection, 12 unreadable answer, "
    "13 wait timed out, 14 job failed, 15 cli extra missing, 16 other sipgateio error, "
    "130 interrupted."
)
"""The table in one paragraph, for ``sipgateio --help``."""


def exit_code_for(error: BaseException) -> int:
    """The exit code for ``error``: its own class's, else its nearest listed base class's.

    Only sipgateio's own classes count: a ``ValueError`` from elsewhere is a bug (1). An
    error that is no more than a :class:`~sipgateio.SipgateIOError` (such as a bulk
    operation's, which stopped at another error) takes the code of the error it was
    raised from, when that one has a more specific code.
    """
    code = _own_code(error)
    cause = error.__cause__
    if code == BY_ERROR_CLASS["SipgateIOError"] and cause is not None:
        inner = exit_code_for(cause)
        if inner != INTERNAL:
            return inner
    return code


def _own_code(error: BaseException) -> int:
    for cls in type(error).__mro__:
        if cls.__module__.startswith("sipgateio"):
            code = BY_ERROR_CLASS.get(cls.__name__)
            if code is not None:
                return code
    return INTERNAL
