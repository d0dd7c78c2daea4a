"""Signatures (403 when missing or wrong) and the origin check with trusted proxies."""

from __future__ import annotations

import base64
import sys
from collections.abc import Callable

import pytest

from sipgateio.webhook import SIPGATE_IPS, OriginCheck, SignatureVerifier, create_webhook_app
from sipgateio.webhook.security import SIPGATE_PUBLIC_KEY

from .conftest import NEW_CALL, KeyPair, Pusher, form


def test_signed_push_is_accepted(pusher: Pusher) -> None:
    assert pusher.post(NEW_CALL).status_code == 204


@pytest.mark.parametrize(
    "signature",
    [
        None,
        "",
        "not base64!",
        base64.b64encode(b"x" * 256).decode(),
        "A" * 5000,
    ],
)
def test_missing_or_wrong_signature_is_403(pusher: Pusher, signature: str | None) -> None:
    seen: list[object] = []
    pusher.app.on_new_call(seen.append)
    headers = {} if signature is None else {"X-Sipgate-Signature": signature}
    result = pusher.post(NEW_CALL, sign=False, headers=headers)
    assert result.status_code == 403
    assert "<Error" not in result.text
    assert seen == []  # the handler never sees a forged push


def test_signature_of_another_body_is_403(pusher: Pusher, keys: KeyPair) -> None:
    other = keys.sign(form({**NEW_CALL, "callId": "other"}))
    assert (
        pusher.post(NEW_CALL, sign=False, headers={"X-Sipgate-Signature": other}).status_code == 403
    )


def test_signature_by_another_key_is_403(make: Callable[..., Pusher]) -> None:
    pusher = make(public_key=SIPGATE_PUBLIC_KEY)  # sipgate's key: our test signatures fail
    assert pusher.post(NEW_CALL).status_code == 403


def test_sipgate_key_is_the_default() -> None:
    key = SignatureVerifier().load()
    assert key.key_size == 4096


def test_skip_signature_verification(make: Callable[..., Pusher]) -> None:
    pusher = make(skip_signature_verification=True)
    assert pusher.post(NEW_CALL, sign=False).status_code == 204


def test_cryptography_is_loaded_on_the_first_verification() -> None:
    code = (
        "import sys; from sipgateio.webhook import create_webhook_app;"
        "app = create_webhook_app('https://x.example/'); app.wsgi;"
        "print('cryptography' in sys.modules)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_verifier_rejects_non_rsa_keys() -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    pem = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    from sipgateio import ValidationError

    with pytest.raises(ValidationError, match="RSA"):
        create_webhook_app("https://x.example/", public_key=pem)


# -- origin --------------------------------------------------------------------------------------


def test_origin_check_accepts_sipgate_only(make: Callable[..., Pusher]) -> None:
    pusher = make(check_origin=True)
    assert pusher.post(NEW_CALL, remote_addr=SIPGATE_IPS[0]).status_code == 204
    assert pusher.post(NEW_CALL, remote_addr=SIPGATE_IPS[1]).status_code == 204
    assert pusher.post(NEW_CALL, remote_addr="203.0.113.9").status_code == 403


def test_forwarded_for_from_an_untrusted_peer_is_ignored(make: Callable[..., Pusher]) -> None:
    pusher = make(check_origin=True)  # no trusted proxies: the header is anyone's to write
    spoofed = {"X-Forwarded-For": SIPGATE_IPS[0]}
    assert pusher.post(NEW_CALL, remote_addr="203.0.113.9", headers=spoofed).status_code == 403


def test_forwarded_for_through_trusted_proxies(make: Callable[..., Pusher]) -> None:
    pusher = make(check_origin=True, trusted_proxies=["10.0.0.0/8", "127.0.0.1"])
    ok = {"X-Forwarded-For": f"{SIPGATE_IPS[1]}, 10.1.2.3"}
    assert pusher.post(NEW_CALL, remote_addr="127.0.0.1", headers=ok).status_code == 204
    # the right-most untrusted hop counts: a client prepending sipgate's address gains nothing
    spoofed = {"X-Forwarded-For": f"{SIPGATE_IPS[0]}, 198.51.100.7, 10.1.2.3"}
    assert pusher.post(NEW_CALL, remote_addr="127.0.0.1", headers=spoofed).status_code == 403


@pytest.mark.parametrize(
    ("peer", "forwarded", "sender"),
    [
        ("217.116.118.254", None, "217.116.118.254"),
        ("::ffff:217.116.118.254", None, "217.116.118.254"),
        ("10.0.0.1", "212.9.46.32", "212.9.46.32"),
        ("10.0.0.1", " 212.9.46.32 , 10.0.0.2", "212.9.46.32"),
        ("10.0.0.1", "10.0.0.3, 10.0.0.2", "10.0.0.3"),  # only proxies: the left-most
        ("10.0.0.1", "garbage", None),
        ("10.0.0.1", "[2001:db8::1]", "2001:db8::1"),
        ("192.0.2.1", "212.9.46.32", "192.0.2.1"),
        (None, None, None),
        ("not an ip", None, None),
    ],
)
def test_sender(peer: str | None, forwarded: str | None, sender: str | None) -> None:
    check = OriginCheck(trusted_proxies=["10.0.0.0/8"])
    found = check.sender(peer, forwarded)
    assert (None if found is None else str(found)) == sender


def test_ipv6_networks_and_custom_origins() -> None:
    check = OriginCheck(allowed=["2001:db8::/32", "192.0.2.7"], trusted_proxies="::1")
    assert check.allows("2001:db8::5", None)
    assert check.allows("::1", "192.0.2.7")
    assert not check.allows("192.0.2.8", None)
