"""TLS of the library's own pools: certificates are verified, the CA bundle read on first use."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import json
import socket
import ssl
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

import sipgateio
from sipgateio._tls import deferred_ca_context
from tests.conftest import TOKEN, TOKEN_ID

NUMBERS = {"items": [{"id": "1001", "number": "+4921100000000", "type": "LANDLINE"}]}


def _certificates(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A CA of our own and a server certificate for 127.0.0.1 it signed: (CA, cert, key) files.

    (rustls, under pyreqwest, refuses a CA certificate presented as the server's own.)
    """
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sipgateio test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_path, cert_path, key_path = tmp_path / "ca.pem", tmp_path / "cert.pem", tmp_path / "key.pem"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ca_path, cert_path, key_path


class _Numbers(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps(NUMBERS).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a certificate of a CA of our own: (base URL, CA file)."""
    ca, cert, key = _certificates(tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Numbers)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/v2", ca
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


POOLS = ["pyreqwest", "fallback"]


@pytest.fixture(params=POOLS)
def pool(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The library's own pools (pyreqwest's sync, aiohttp's async) and httpx's fallbacks."""
    if request.param == "fallback":
        monkeypatch.setitem(sys.modules, "sipgateio._pyreqwest", None)  # as if not installed
        monkeypatch.setitem(sys.modules, "sipgateio._aiohttp", None)
    return str(request.param)


def _numbers(mode: str, base_url: str) -> list[sipgateio.NumberResponseItem]:
    options: dict[str, Any] = {"token_id": TOKEN_ID, "token": TOKEN, "max_retries": 0}
    if mode == "sync":
        with sipgateio.SipgateIO(base_url=base_url, **options) as client:
            return client.numbers.get_all_numbers()

    async def go() -> list[sipgateio.NumberResponseItem]:
        async with sipgateio.AsyncSipgateIO(base_url=base_url, **options) as client:
            return await client.numbers.get_all_numbers()

    return asyncio.run(go())


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_own_pool_trusts_the_certificates_SSL_CERT_FILE_names(
    mode: str, pool: str, tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    base_url, ca = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    assert [n.number for n in _numbers(mode, base_url)] == ["+4921100000000"]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_own_pool_refuses_a_certificate_no_CA_vouches_for(
    mode: str, pool: str, tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    base_url, _ = tls_server
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with pytest.raises(sipgateio.TransportError, match=r"(?i)certificate"):
        _numbers(mode, base_url)


def test_the_deferred_context_is_httpxs_and_loads_certifi_on_its_first_handshake(
    tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    reference = httpx.create_ssl_context(trust_env=True)
    deferred = deferred_ca_context(trust_env=True)
    for setting in (
        "protocol",
        "verify_mode",
        "check_hostname",
        "options",
        "verify_flags",
        "minimum_version",
        "maximum_version",
        "security_level",
    ):
        assert getattr(deferred, setting) == getattr(reference, setting), setting
    assert deferred.get_ciphers() == reference.get_ciphers()
    assert deferred.cert_store_stats()["x509_ca"] == 0  # nothing read yet
    base_url = tls_server[0]
    port = httpx.URL(base_url).port
    assert port is not None
    with (
        socket.create_connection(("127.0.0.1", port)) as sock,
        pytest.raises(ssl.SSLCertVerificationError),
    ):
        deferred.wrap_socket(sock, server_hostname="127.0.0.1")
    assert deferred.cert_store_stats() == reference.cert_store_stats()
    assert reference.cert_store_stats()["x509_ca"] > 0
