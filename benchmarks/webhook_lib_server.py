"""The peerbench `library` server: the webhook on the library's default embedded server.

    python benchmarks/webhook_lib_server.py --port 18401 [--signed PEM_FILE]

``WebhookServer(...).serve_forever()`` with the benchmark's handlers (``webhook_apps.register``:
a redirect for new calls, a no-op for hang-ups). Prints ``ready PORT`` once the socket
listens, serves until SIGTERM/SIGINT. With ``--signed``, signatures are verified against
the public key in PEM_FILE (the load generator signs with the matching private key).
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

from webhook_apps import register

from sipgateio.webhook import WebhookServer


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--signed", type=Path, help="PEM public key: verify signatures")
    args = parser.parse_args()
    port = args.port
    key = args.signed.read_text() if args.signed else None
    server = WebhookServer(
        port=port,
        server_address=f"http://127.0.0.1:{port}/",
        hostname="127.0.0.1",
        skip_signature_verification=key is None,
        public_key=key,
    )
    register(server)

    def announce() -> None:
        server.listening.wait()
        print(f"ready {port}", flush=True)

    threading.Thread(target=announce, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
