"""A client library for accessing sipgate REST API v2 (as described for sipgateio)"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)


# type checkers see the import above; at run time it happens on first use
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from . import client

        value = getattr(client, name)
        globals()[name] = value
        return value
