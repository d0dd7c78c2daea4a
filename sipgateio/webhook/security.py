"""Who may push: sipgate's signature on the body, and optionally the sender's IP address.

sipgate signs every push: the ``X-Sipgate-Signature`` header holds the base64 of an
RSA PKCS#1 v1.5 SHA-256 signature of the raw body. :class:`SignatureVerifier` checks it
against sipgate's published key (or one given for tests). ``cryptography`` is imported
and the key is parsed when the first signature is checked, then the key is kept.

:class:`OriginCheck` compares the sender's address with sipgate's push servers. It
believes ``X-Forwarded-For`` only as far as the hops it passes are proxies you trust.
"""

from __future__ import annotations

import binascii
import ipaddress
import threading
from base64 import b64decode
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from ..errors import ValidationError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

__all__ = [
    "SIPGATE_IPS",
    "SIPGATE_PUBLIC_KEY",
    "OriginCheck",
    "SignatureVerifier",
]

SIPGATE_PUBLIC_KEY = """-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAvFdlnqRfO5TmqzjtsFVC
qPz+oW+poi3lXQFvMJJMEAtlU4MbX+yuIkgnC+Qt3AQWIK+oWSEQiybg+p39wEMl
16PZxEzf9gONQvTg1XhyHnwqYUFQj/AoxPKGYC3jmdjZ224SrESiTN3CdxoOc3vk
cXiQstYE7SxnksPtzfk0aIOkicim5/tAP9izNQ18/zmX3ChjK2k72gf5dDlq+qZ8
pRiHAPZ64TySH6cLQDhaoh6Nbq8FEG3usXXPClbUMh2DZaTMPafpd+LNuTngJ/y+
KoZasVuFfXAeBqGA6l5d4Uedfr99Z6qjwDrJ8sU4z2Do9bJrbuqP+mOXEebhSI1K
vi8trEfrIt8hnDBGsBaB9NEO3kYxvDT2/PhC9fNYFocjEpZNd7/mUqTJDYlpa4UC
NDQaU+ATdXG8/P5sGAegks6MQTu+qe9XTO0CV48eswDkz6g3UbLOwmrJK59SjD3J
yAZ52sluwyDKRWw/PPTt8BTQLjvkdbiLUlc4ehJ4b1X7D7diYWHDPeFL47cAvaXh
dXVrZDeBJYibvD1jRx4ES0KlfhwzNXBYUoM/Movg9zMM2PzyHHKS//xIjwUC/FJ6
/6eykno0Hy2B1ev6s3hdY6VkN2zd7Wf+EK4DxRliwsg1U99szFE3ewLfexF+Uag5
M+TfPtOUumI/NHMTvsRW9+ECAwEAAQ==
-----END PUBLIC KEY-----
"""
"""sipgate's public key (PEM) for the push signatures."""

SIPGATE_IPS: tuple[str, ...] = ("217.116.118.254", "212.9.46.32")
"""The addresses of push-api.sipgate.net, where pushes come from."""

SIGNATURE_HEADER = "X-Sipgate-Signature"

# An RSA signature of up to 8192 bits is 1024 bytes, 1368 characters of base64.
_MAX_SIGNATURE_CHARS = 1400


class SignatureVerifier:
    """Checks ``X-Sipgate-Signature`` against a public key (sipgate's by default).

    The PEM is parsed on the first :meth:`verify` (or at once by :meth:`load`), with
    ``cryptography`` imported then; the parsed key is kept for every later check.
    """

    def __init__(self, public_key: str | bytes | None = None) -> None:
        pem = SIPGATE_PUBLIC_KEY if public_key is None else public_key
        self._pem = pem.encode("ascii") if isinstance(pem, str) else bytes(pem)
        self._check: Callable[[bytes, bytes], bool] | None = None
        self._lock = threading.Lock()

    def load(self) -> RSAPublicKey:
        """Parse the key now (once) and return it; a key that is no RSA public key is an error."""
        from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
        from cryptography.hazmat.primitives.serialization import load_pem_public_key

        try:
            key = load_pem_public_key(self._pem)
        except (ValueError, TypeError) as exc:
            raise ValidationError(
                f"public_key is not a PEM public key: {exc}", field="public_key"
            ) from None
        if not isinstance(key, RSAPublicKey):
            raise ValidationError("public_key must be an RSA public key", field="public_key")
        with self._lock:
            if self._check is None:
                self._check = _checker(key)
        return key

    def verify(self, body: bytes, signature: str | None) -> bool:
        """Whether ``signature`` (base64, as in the header) signs ``body``."""
        if not signature or len(signature) > _MAX_SIGNATURE_CHARS:
            return False
        try:
            raw = b64decode(signature, validate=True)
        except (binascii.Error, ValueError):
            return False
        check = self._check
        if check is None:
            self.load()
            check = cast(Callable[[bytes, bytes], bool], self._check)
        return check(raw, body)


def _checker(key: RSAPublicKey) -> Callable[[bytes, bytes], bool]:
    """``check(signature, body)`` for ``key``, with everything but the RSA operation prepared."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.hashes import SHA256

    verify, padding, algorithm = key.verify, PKCS1v15(), SHA256()

    def check(signature: bytes, body: bytes) -> bool:
        try:
            verify(signature, body, padding, algorithm)
        except InvalidSignature:
            return False
        return True

    return check


IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def _networks(values: Iterable[str], field: str) -> tuple[IPNetwork, ...]:
    if isinstance(values, str):
        values = [values]
    try:
        return tuple(ipaddress.ip_network(v, strict=False) for v in values)
    except (ValueError, TypeError) as exc:
        raise ValidationError(f"{field}: {exc}", field=field) from None


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = value.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


class OriginCheck:
    """Accepts a push only from ``allowed`` addresses (sipgate's push servers by default).

    The sender is the peer of the connection. When that peer is one of
    ``trusted_proxies`` (addresses or networks such as ``"10.0.0.0/8"``), the sender is
    read from ``X-Forwarded-For`` instead: the right-most address that is not a trusted
    proxy. A header from anyone else is ignored, so it cannot be used to pose as sipgate.
    """

    def __init__(
        self, allowed: Iterable[str] = SIPGATE_IPS, trusted_proxies: Iterable[str] = ()
    ) -> None:
        self.allowed = _networks(allowed, "allowed_origins")
        self.trusted_proxies = _networks(trusted_proxies, "trusted_proxies")

    def _trusted(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return any(address in network for network in self.trusted_proxies)

    def sender(
        self, peer: str | None, forwarded_for: str | None
    ) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
        """The address the push came from, or ``None`` when it cannot be told."""
        address = _address(peer) if peer else None
        if address is None or forwarded_for is None or not self._trusted(address):
            return address
        for hop in reversed(forwarded_for.split(",")):
            address = _address(hop)
            if address is None or not self._trusted(address):
                return address
        return address

    def allows(self, peer: str | None, forwarded_for: str | None) -> bool:
        """Whether a request from ``peer`` with that ``X-Forwarded-For`` comes from sipgate."""
        address = self.sender(peer, forwarded_for)
        return address is not None and any(address in network for network in self.allowed)
