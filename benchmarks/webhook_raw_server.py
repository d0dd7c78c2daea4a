"""The peerbench `raw_limit` server: a bare ASGI app on the embedded server's uvicorn settings.

    python benchmarks/webhook_raw_server.py --port 18402

Reads the body and answers the Node side's constant 176-byte XML; served exactly as
``WebhookServer`` serves the library (same uvicorn settings, same socket setup, one
process), so that library/raw_limit isolates the library's own cost. Prints ``ready PORT``.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    os.environ["WEBHOOK_BENCH_PORT"] = str(args.port)
    sys.path.insert(0, str(Path(__file__).parent))
    import uvicorn
    from webhook_apps import raw_asgi

    from sipgateio.webhook import server as embedded

    listening = threading.Event()
    # the library's server with its default limits: library/raw_limit isolates the app's cost
    server = embedded._uvicorn_server(raw_asgi, listening, embedded.ServerLimits())
    sock = embedded._bind("127.0.0.1", args.port)

    def announce() -> None:
        listening.wait()
        print(f"ready {args.port}", flush=True)

    threading.Thread(target=announce, daemon=True).start()
    assert isinstance(server, uvicorn.Server)
    server.run(sockets=[sock])


if __name__ == "__main__":
    main()
