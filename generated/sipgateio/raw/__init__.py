"""A client library for accessing sipgate REST API v2 (sipgateio subset)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
