"""What the sandbox costs: start-up, requests through the facade, a simulated call's pushes.

    python benchmarks/sandbox_bench.py [--requests 300] [--calls 30]

Prints one line per figure (medians where repeated):

* ``start``: ``Sandbox().start()`` in a fresh process after its imports (seeding the SQLite
  database, loading the spec, binding the port), and the first request (which loads the
  schema validator);
* ``GET /numbers`` and ``POST /sessions/sms`` through :class:`sipgateio.SipgateIO`, per call
  (request checked against the spec, SQLite read/write, the HTTP round trip on the stdlib
  threaded server: one connection per request);
* ``simulated call``: ``simulate_incoming_call`` with a webhook app answering ``Gather`` then
  ``Dial`` (newCall, dtmf, answer: three signed pushes) plus the RTCM hang-up (a fourth push),
  per call;
* ``key``: generating the 2048-bit RSA signing key (done once, on the first push).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

START_SNIPPET = """
import time
from sipgateio.sandbox import Sandbox
import sipgateio
t0 = time.perf_counter()
sb = Sandbox().start()
t1 = time.perf_counter()
with sipgateio.SipgateIO(base_url=sb.base_url, token_id=sb.token_id, token=sb.token) as c:
    c.get_authenticated_webuser_id()
t2 = time.perf_counter()
sb.stop()
print(t1 - t0, t2 - t1)
"""


def per_call(fn: object, n: int) -> float:
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - t)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()

    starts = [
        tuple(map(float, subprocess.check_output([sys.executable, "-c", START_SNIPPET]).split()))
        for _ in range(3)
    ]
    start = statistics.median(s[0] for s in starts) * 1000
    first = statistics.median(s[1] for s in starts) * 1000
    print(f"start: {start:.0f} ms; first request {first:.0f} ms (median of 3 processes)")

    import sipgateio
    from sipgateio.sandbox import Sandbox
    from sipgateio.sandbox.serving import BackgroundServer
    from sipgateio.webhook import WebhookResponse, create_webhook_app

    with Sandbox() as sb:
        client = sipgateio.SipgateIO(base_url=sb.base_url, token_id=sb.token_id, token=sb.token)
        client.numbers.get_all_numbers()
        get_ms = per_call(client.numbers.get_all_numbers, args.requests)
        sms_ms = per_call(
            lambda: client.sms.send(to="+4915112345678", message="bench", sms_id="s0"),
            args.requests,
        )
        print(f"GET /numbers: {get_ms:.2f} ms per call (median of {args.requests})")
        print(f"POST /sessions/sms: {sms_ms:.2f} ms per call (median of {args.requests})")

        t = time.perf_counter()
        public_key = sb.public_key_pem
        print(f"key: {(time.perf_counter() - t) * 1000:.0f} ms (2048-bit RSA, once)")

        server = BackgroundServer().start()
        app = create_webhook_app(server.url + "/", public_key=public_key)
        server.app = app.wsgi
        app.on_new_call(lambda e: WebhookResponse.gather_dtmf(1, 2000))
        app.on_data(lambda e: WebhookResponse.redirect_call(numbers=["+492111234568"]))
        app.on_answer(lambda e: None)
        app.on_hangup(lambda e: None)
        client.webhook_settings.set_incoming_url(server.url + "/")

        def one_call() -> None:
            call = sb.simulate_incoming_call(from_="+4921100000", to="+4915799912345", dtmf="1")
            client.rtcm.hang_up(call.call_id)

        call_ms = per_call(one_call, args.calls)
        print(f"simulated call (4 signed pushes + RTCM hang-up): {call_ms:.1f} ms per call")
        server.stop()
        app.close()
        client.close()


if __name__ == "__main__":
    main()
