"""A client library for accessing sipgate REST API v2 (as described for sipgateio)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
