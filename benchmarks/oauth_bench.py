"""What sipgateio.oauth costs: building a sign-in URL, and a request through OAuthSession.

    python benchmarks/oauth_bench.py [--calls 1000] [--rounds 12]

* ``authorization_url``: one ``OAuthFlow.authorization_url()`` (state, PKCE verifier and
  challenge, URL), mean of ``--calls``.
* ``per call``: ``client.get_authenticated_webuser_id()`` through an in-process
  ``httpx.MockTransport``, with ``token=`` (a fixed bearer header) and with ``oauth=`` (an
  ``OAuthSession`` whose token is valid for an hour: the expiry check, no renewal). The two
  clients take turns for ``--rounds`` rounds of ``--calls`` calls; the best round of each is
  printed, so load from other processes inflates both alike. The difference is what the
  session adds to a request.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import httpx

import sipgateio
from sipgateio.oauth import OAuthFlow, OAuthToken

JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ3MCJ9.c2ln"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args()

    flow = OAuthFlow(client_id="app", client_secret="secret", redirect_uri="http://127.0.0.1:1/cb")
    flow.authorization_url()
    started = time.perf_counter()
    for _ in range(args.calls):
        flow.authorization_url()
    per_url = (time.perf_counter() - started) / args.calls * 1e6
    print(f"authorization_url: {per_url:.0f} µs")

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"sub": "w0"})

    expires = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    token = OAuthToken(access_token=JWT, refresh_token="refresh", expires_at=expires)
    clients = {
        "token=": sipgateio.SipgateIO(
            token=JWT, http_client=httpx.Client(transport=httpx.MockTransport(answer))
        ),
        "oauth=": sipgateio.SipgateIO(
            oauth=flow.session(token),
            http_client=httpx.Client(transport=httpx.MockTransport(answer)),
        ),
    }
    best = dict.fromkeys(clients, float("inf"))
    for _ in range(args.rounds):
        for name, client in clients.items():
            started = time.perf_counter()
            for _ in range(args.calls):
                client.get_authenticated_webuser_id()
            best[name] = min(best[name], (time.perf_counter() - started) / args.calls * 1e6)
    for name, micros in best.items():
        print(f"per call, {name}: {micros:.0f} µs")
    print(f"OAuthSession adds: {best['oauth='] - best['token=']:.0f} µs per call")


if __name__ == "__main__":
    main()
