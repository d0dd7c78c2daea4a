"""Calls in the sandbox: routing, the pushes of the push engine, RTCM state, the history entry.

A call starts with :meth:`Calls.incoming` (``Sandbox.simulate_incoming_call``) or
:meth:`Calls.outgoing` (``POST /sessions/calls``). When the account has a webhook URL
for the direction (and the whitelist lets the extension through), the push engine plays
the call against it; otherwise the call is delivered as the account routes it. A call
someone picks up is *established*: it is listed by ``GET /calls`` and RTCM acts on it
until it is hung up. Every call ends as a history entry.
"""

from __future__ import annotations

import secrets
import threading
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import ValidationError
from .handlers.history import insert_entry, new_entry
from .push import DEFAULT_TIMEOUT, CallSimulation, CallState, PushExchange

if TYPE_CHECKING:
    import httpx

    from .server import Sandbox

__all__ = ["Calls", "SimulatedCall"]

_FULL_ID_PREFIX = "1234567"


@attrs.define(eq=False)
class SimulatedCall:
    """A call the sandbox set up: its id, where it stands, and the pushes it made.

    ``transcript`` lists every push and the webhook's answer (empty when no webhook URL
    was set). ``state`` is ``established`` while the call is up; :meth:`hang_up` ends it
    as if the other party hung up.
    """

    call_id: str
    direction: str
    from_: str
    to: str
    owner: str
    endpoint: str
    started: datetime
    simulation: CallSimulation | None = None
    state: CallState = CallState.RINGING
    answered: datetime | None = None
    answering_number: str | None = None
    muted: bool = False
    hold: bool = False
    recording: bool = False
    recorded: bool = False
    announcements: list[str] = attrs.field(factory=list)
    dtmf_sent: list[str] = attrs.field(factory=list)
    transfers: list[tuple[bool, str]] = attrs.field(factory=list)
    hangup_cause: str | None = None
    history_id: str | None = None
    _sandbox: Sandbox | None = attrs.field(default=None, repr=False)

    @property
    def transcript(self) -> list[PushExchange]:
        """The pushes sent for this call, with the answers."""
        return [] if self.simulation is None else list(self.simulation.transcript)

    @property
    def established(self) -> bool:
        """Whether the call is up (listed by ``GET /calls``)."""
        return self.state is CallState.ESTABLISHED

    def hang_up(self, cause: str = "normalClearing") -> None:
        """End the call now (the other party hangs up)."""
        if self._sandbox is not None:
            self._sandbox.calls.end(self.call_id, cause)

    def rtcm(self) -> dict[str, Any]:
        """The call as ``GET /calls`` lists it."""
        account_side = self.answering_number if self.direction == "in" else self.from_
        other_side = self.from_ if self.direction == "in" else (self.answering_number or self.to)
        participants = [
            {
                "participantId": f"{self.call_id}-1",
                "phoneNumber": "" if other_side == "anonymous" else other_side,
                "muted": False,
                "hold": self.hold,
                "owner": False,
            },
            {
                "participantId": f"{self.call_id}-0",
                "phoneNumber": account_side or self.to,
                "muted": self.muted,
                "hold": False,
                "owner": True,
            },
        ]
        for index, (_, number) in enumerate(self.transfers, start=2):
            participants.append(
                {
                    "participantId": f"{self.call_id}-{index}",
                    "phoneNumber": number,
                    "muted": False,
                    "hold": False,
                    "owner": False,
                }
            )
        return {
            "callId": self.call_id,
            "muted": self.muted,
            "recording": self.recording,
            "hold": self.hold,
            "participants": participants,
        }


class Calls:
    """The calls of one sandbox."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox
        self._lock = threading.Lock()
        self._calls: dict[str, SimulatedCall] = {}
        self._http: httpx.Client | None = None

    # -- lookups ---------------------------------------------------------------------
    def get(self, call_id: str) -> SimulatedCall | None:
        """A call by id (established or finished), or None."""
        with self._lock:
            return self._calls.get(call_id)

    def established(self, owner: str | None = None) -> list[SimulatedCall]:
        """The calls that are up (of ``owner`` if given), oldest first."""
        with self._lock:
            calls = list(self._calls.values())
        return [c for c in calls if c.established and (owner is None or c.owner == owner)]

    # -- routing ---------------------------------------------------------------------
    def _users_of(self, endpoint: str) -> list[dict[str, Any]]:
        store = self._sandbox.store
        line = store.get("phoneline", endpoint)
        if line is not None:
            members = [line["owner"]]
        else:
            group = store.get("group", endpoint)
            members = list(group["members"]) if group is not None else []
        return [u for u in (store.get("user", m) for m in members) if u is not None]

    def _webhook(self, direction: str, extension: str) -> str | None:
        settings = self._sandbox.store.get_kv("settings")
        url = settings["incomingUrl" if direction == "in" else "outgoingUrl"]
        whitelist = settings.get("whitelist")
        if not url or (whitelist is not None and extension not in whitelist):
            return None
        return str(url)

    def incoming(
        self,
        *,
        from_: str,
        to: str,
        dtmf: str | list[str] | tuple[str, ...] = (),
        pick_up: bool = True,
        diversion: str | None = None,
    ) -> SimulatedCall:
        """Someone calls ``to`` (a number of the account) from ``from_``."""
        number = next((n for n in self._sandbox.store.all("number") if n["number"] == to), None)
        if number is None or not number.get("endpointId"):
            raise ValidationError(
                f"to must be a routed number of the sandbox account, got {to!r}", field="to"
            )
        endpoint = str(number["endpointId"])
        users = self._users_of(endpoint)
        if not users:
            raise ValidationError(f"{to} rings no web user (it goes to {endpoint})", field="to")
        call = self._new_call("in", from_, to, users, endpoint, diversion=diversion, dtmf=dtmf,
                              pick_up=pick_up)  # fmt: skip
        return self._run(call, pick_up)

    def outgoing(
        self, *, owner: str, device: str, from_number: str, to: str, caller_id: str | None
    ) -> SimulatedCall:
        """``owner`` calls ``to`` from ``device`` (click-to-dial, ``POST /sessions/calls``)."""
        user = self._sandbox.store.get("user", owner)
        lines = self._sandbox.store.all("phoneline", owner=owner)
        endpoint = lines[0]["id"] if lines else device
        call = self._new_call("out", caller_id or from_number, to, [user] if user else [], endpoint)
        return self._run(call, True)

    def _new_call(
        self,
        direction: str,
        from_: str,
        to: str,
        users: list[dict[str, Any]],
        endpoint: str,
        **options: Any,
    ) -> SimulatedCall:
        """A call record, with a push simulation if a webhook hears about ``endpoint``."""
        owner = users[0]["id"] if users else ""
        call = SimulatedCall(
            _call_id(), direction, from_, to, owner, endpoint, self._sandbox.clock.now(),
            sandbox=self._sandbox,
        )  # fmt: skip
        url = self._webhook(direction, endpoint)
        if url is not None:
            call.simulation = CallSimulation(
                url,
                self._sandbox.private_key,
                from_,
                to,
                direction,
                call_id=call.call_id,
                users=[f"{u['firstname']} {u['lastname']}" for u in users],
                user_ids=[u["id"] for u in users],
                full_user_ids=[_FULL_ID_PREFIX + u["id"] for u in users],
                client=self._push_client(),
                **options,
            )
        return call

    def _push_client(self) -> httpx.Client:
        # one client for every push: building an httpx.Client costs tens of milliseconds
        with self._lock:
            if self._http is None:
                import httpx

                self._http = httpx.Client(timeout=DEFAULT_TIMEOUT)
            return self._http

    def close(self) -> None:
        """Release the HTTP client of the pushes (after :meth:`hang_up_all`)."""
        with self._lock:
            if self._http is not None:
                self._http.close()
                self._http = None

    def _run(self, call: SimulatedCall, pick_up: bool) -> SimulatedCall:
        with self._lock:
            self._calls[call.call_id] = call
        sim = call.simulation
        if sim is not None:
            sim.start()  # pushes: outside every lock (the webhook may call the sandbox back)
            call.state = sim.state
            call.answering_number = sim.answering_number
            if sim.dialled is not None and sim.dialled.caller_id and call.direction == "out":
                call.from_ = sim.dialled.caller_id
        else:
            call.state = CallState.ESTABLISHED if pick_up else CallState.ENDED
            call.answering_number = call.to if pick_up else None
            call.hangup_cause = None if pick_up else "cancel"
        if call.state is CallState.ESTABLISHED:
            call.answered = self._sandbox.clock.now()
        elif call.state is CallState.VOICEMAIL:
            self.end(call.call_id, "normalClearing")
        else:
            self._finish(call, call.hangup_cause or (sim.hangup_cause if sim else None) or "cancel")
        return call

    # -- the end -----------------------------------------------------------------------
    def end(self, call_id: str, cause: str = "normalClearing") -> SimulatedCall | None:
        """Hang up a call that is up (or in voicemail); None if there is no such call."""
        with self._lock:
            call = self._calls.get(call_id)
            if call is None or call.state not in (CallState.ESTABLISHED, CallState.VOICEMAIL):
                return None
            voicemail = call.state is CallState.VOICEMAIL
            call.state = CallState.ENDED
            call.hangup_cause = cause
        # the history entry first: a hangup handler may look the call up
        self._finish(call, cause, voicemail=voicemail)
        if call.simulation is not None:
            call.simulation.hang_up(cause)  # the hangup push, outside the lock
        return call

    def _finish(self, call: SimulatedCall, cause: str, *, voicemail: bool = False) -> None:
        call.state = CallState.ENDED
        call.hangup_cause = cause
        now = self._sandbox.clock.now()
        duration = int((now - call.answered).total_seconds()) if call.answered else 0
        incoming = call.direction == "in"
        sim = call.simulation
        rejected = sim.rejected if sim is not None else None
        if voicemail:
            kind, status, call_status = "VOICEMAIL", "PICKUP", None
        elif call.answered is not None:
            redirected = sim is not None and sim.dialled is not None
            kind, call_status = "CALL", "SUCCESS"
            status = "FORWARD" if redirected or cause == "forwarded" else "PICKUP"
        else:
            kind, status = "CALL", "BUSY" if rejected == "busy" else "NOPICKUP"
            call_status = {"busy": "BUSY", "rejected": "REJECTED"}.get(rejected or "", "MISSED")
        if kind == "CALL":
            direction = "INCOMING" if incoming else "OUTGOING"
            if call.answered is None:
                direction = "MISSED_" + direction
        else:
            direction = "INCOMING"
        fields: dict[str, Any] = {"duration": duration}
        if kind == "CALL":
            fields.update(
                callId=call.call_id,
                callStatus=call_status,
                recordings=[
                    {"id": f"{call.call_id}-rec", "url": f"/sandbox/recordings/{call.call_id}.wav"}
                ]
                if call.recorded
                else [],
            )
        else:
            fields.update(transcription=None, recordingUrl=f"/sandbox/voicemail/{call.call_id}.mp3")
        connection = [call.endpoint]
        if voicemail:
            connection += [
                box["id"]
                for box in self._sandbox.store.all("voicemail")
                if box["belongsToEndpoint"]["extension"] == call.endpoint
            ]
        entry = new_entry(
            kind,
            source=call.from_,
            target=call.to,
            direction=direction,
            status=status,
            created=call.started,
            connection_ids=connection,
            **fields,
        )
        insert_entry(self._sandbox.store, call.owner, entry)
        call.history_id = entry["id"]

    def hang_up_all(self) -> None:
        """End every call that is up (the sandbox stops)."""
        for call in self.established():
            self.end(call.call_id)


def _call_id() -> str:
    return secrets.token_hex(11).upper()
