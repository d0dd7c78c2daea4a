"""The TLS context of the library's own connection pools, its CA certificates loaded on first use.

``httpx.create_ssl_context()`` reads certifi's CA bundle (some 140 certificates) when it
is called, which is a tenth of the cost of building a client and making its first call,
and a client of ``http://`` (a local sandbox, a test server) never needs it. The context
here is the same (same CA source: ``SSL_CERT_FILE``, ``SSL_CERT_DIR`` or certifi; the
same protocol, verification and hostname checks) but reads the certificates when its
first TLS connection is wrapped, through the public ``SSLContext`` methods every stack
uses for that (``wrap_socket``: httpcore; ``wrap_bio``: asyncio, so aiohttp and anyio).
"""

from __future__ import annotations

import os
import ssl
import sys
import threading
from typing import Any

__all__ = ["deferred_ca_context"]


class _DeferredCAContext(ssl.SSLContext):
    """A client context that loads its CA certificates before its first handshake."""

    _cafile: str | None
    _capath: str | None
    _loaded: bool
    _lock: threading.Lock

    def _load_ca(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if not self._loaded:
                cafile = self._cafile
                if cafile is None and self._capath is None:
                    import certifi

                    cafile = certifi.where()
                self.load_verify_locations(cafile=cafile, capath=self._capath)
                self._loaded = True

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        """Load the CA certificates (once), then wrap as ``ssl.SSLContext`` does."""
        self._load_ca()
        return super().wrap_socket(*args, **kwargs)

    def wrap_bio(self, *args: Any, **kwargs: Any) -> ssl.SSLObject:
        """Load the CA certificates (once), then wrap as ``ssl.SSLContext`` does."""
        self._load_ca()
        return super().wrap_bio(*args, **kwargs)


def deferred_ca_context(trust_env: bool = True) -> ssl.SSLContext:
    """What ``httpx.create_ssl_context(trust_env=trust_env)`` returns, loading CAs on first use.

    With ``trust_env`` the ``SSL_CERT_FILE`` or ``SSL_CERT_DIR`` environment variable
    names the certificates (read now, as httpx does), else certifi's bundle.
    """
    ctx = _DeferredCAContext(ssl.PROTOCOL_TLS_CLIENT)
    # What ssl.create_default_context() sets up for a client besides the certificates.
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.check_hostname = True
    if sys.version_info >= (3, 13):  # pragma: no cover - the flags create_default_context adds
        ctx.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN | ssl.VERIFY_X509_STRICT
    keylog = os.environ.get("SSLKEYLOGFILE")
    if keylog and not sys.flags.ignore_environment:
        ctx.keylog_filename = keylog
    cafile = os.environ.get("SSL_CERT_FILE") if trust_env else None
    capath = os.environ.get("SSL_CERT_DIR") if trust_env and not cafile else None
    ctx._cafile = cafile or None
    ctx._capath = capath or None
    ctx._loaded = False
    ctx._lock = threading.Lock()
    return ctx
