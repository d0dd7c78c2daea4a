"""An offline sipgate: a stateful local API (:class:`Sandbox`) and the push engine.

``Sandbox`` serves the parts of api.sipgate.com/v2 the library uses on 127.0.0.1, with
a seeded account kept in SQLite, and plays sipgate's push service for simulated calls
(:mod:`sipgateio.sandbox.push`)::

    from sipgateio.sandbox import Sandbox

    with Sandbox() as sb:
        client = sipgateio.SipgateIO(base_url=sb.base_url, token_id=sb.token_id, token=sb.token)
        client.sms.send(to="+4915799912345", message="hi", sms_id="s0")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .push import CallSimulation, CallState, PushExchange, simulate_call
    from .server import Sandbox, SimulatedCall

__all__ = [
    "CallSimulation",
    "CallState",
    "PushExchange",
    "Sandbox",
    "SimulatedCall",
    "simulate_call",
]

_LAZY = {
    "Sandbox": ".server",
    "SimulatedCall": ".server",
    "CallSimulation": ".push",
    "CallState": ".push",
    "PushExchange": ".push",
    "simulate_call": ".push",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
