"""``sipgateio demo``: the library's tour, offline, through the real facade.

It starts a :class:`~sipgateio.sandbox.Sandbox` (the local sipgate API) and a webhook
(:class:`~sipgateio.webhook.WebhookServer`) in this process, both on 127.0.0.1, and uses
them as an application would: SMS now and later, a fax followed to SENT, contacts in and
out, an incoming call routed by a menu (Gather, then Dial), that call hung up through
RTCM, and the history it all left. Nothing leaves the machine.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from .output import Output

if TYPE_CHECKING:
    from .._client import SipgateIO
    from ..sandbox import Sandbox
    from ..webhook.server import WebhookServer

__all__ = ["run_demo"]

CUSTOMER = "+4915112345678"
"""Who the demo texts, faxes and gets called by (a contact of the sandbox's account)."""
FAX_TO = "+492118765439"
SALES = "+492111234568"
"""Where the menu's key 1 connects the caller to."""
PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
CRM_CSV = (
    "First Name;Last Name;Phone;Company\r\n"
    "Emmy;Noether;0211 5550101;Erlangen Math\r\n"
    '"Hedy";"Lamarr";"+43 1 5550102";"Frequency Hopping, Inc."\r\n'
    "Katherine;Johnson;;NASA\r\n"
    "Alan;Kay;not a number;Xerox PARC\r\n"
)
VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Margaret Hamilton\r\nN:Hamilton;Margaret;;;\r\n"
    "TEL;TYPE=CELL:+49 157 5550103\r\nEMAIL;TYPE=WORK:margaret@apollo.example\r\n"
    "ORG:MIT Instrumentation Lab;Software\r\nEND:VCARD\r\n"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Tour:
    """The demo's steps, sharing the sandbox, the webhook, the client and the output."""

    def __init__(self, out: Output, sandbox: Sandbox, client: SipgateIO) -> None:
        self.out = out
        self.sandbox = sandbox
        self.client = client
        self.events: list[str] = []
        self._lock = threading.Lock()

    # -- printing ---------------------------------------------------------------------------

    def step(self, title: str) -> None:
        self.out.console.print(f"\n[bold cyan]{title}[/]")

    def line(self, text: str) -> None:
        self.out.console.print(f"  {text}", highlight=False)

    def webhook_saw(self, text: str) -> None:
        with self._lock:
            self.events.append(text)

    def flush_events(self) -> None:
        with self._lock:
            events, self.events = self.events, []
        for text in events:
            self.line(f"[magenta]webhook[/] {text}")

    # -- the webhook ------------------------------------------------------------------------

    @contextmanager
    def webhook(self) -> Iterator[WebhookServer]:
        """The application's webhook: a menu (key 1: sales, else voicemail), events logged."""
        from ..webhook import (
            AnswerEvent,
            DataEvent,
            HangUpEvent,
            NewCallEvent,
            WebhookResponse,
            WebhookServer,
        )

        port = _free_port()
        server = WebhookServer(
            port=port,
            hostname="127.0.0.1",
            server_address=f"http://127.0.0.1:{port}/",
            public_key=self.sandbox.public_key_pem,  # the sandbox signs its pushes
        )

        @server.on_new_call
        def menu(event: NewCallEvent) -> Any:
            self.webhook_saw(
                f"newCall {event.from_} -> {event.to}: answers with a menu (Gather: 1 digit, 3 s)"
            )
            return WebhookResponse.gather_dtmf(max_digits=1, timeout=3000)

        @server.on_data
        def choice(event: DataEvent) -> Any:
            if event.dtmf == "1":
                self.webhook_saw(f"dtmf '1': answers Dial {SALES} (sales)")
                return WebhookResponse.redirect_call(numbers=[SALES])
            self.webhook_saw(f"dtmf {event.dtmf!r}: answers with the voicemail")
            return WebhookResponse.send_to_voicemail()

        @server.on_answer
        def answered(event: AnswerEvent) -> None:
            self.webhook_saw(f"answer  call {event.call_id} picked up by {event.answering_number}")

        @server.on_hangup
        def ended(event: HangUpEvent) -> None:
            cause = event.cause if isinstance(event.cause, str) else event.cause.value
            self.webhook_saw(f"hangup  call {event.call_id} ended: {cause}")

        server.start()
        try:
            yield server
        finally:
            server.stop()

    # -- the steps --------------------------------------------------------------------------

    def account(self) -> None:
        self.step("Account")
        users = self.client.get_web_users()
        me = self.client.get_authenticated_webuser_id()
        numbers = self.client.numbers.get_all_numbers()
        for user in users:
            mark = "  (you)" if user.id == me else ""
            self.line(f"{user.id}  {user.firstname} {user.lastname} <{user.email}>{mark}")
        self.line(
            f"{len(numbers)} numbers, e.g. "
            + ", ".join(str(n.localized or n.number) for n in numbers[:3])
        )

    def sms(self) -> None:
        self.step("SMS")
        self.client.sms.send(to=CUSTOMER, message="Your bread is ready for pick-up.", sms_id="s0")
        self.line(f"client.sms.send: sent to {CUSTOMER} from s0")
        later = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=10)
        self.client.sms.schedule(
            to=CUSTOMER, message="Reminder: the shop closes at 18:00.", send_at=later, sms_id="s0"
        )
        self.line(f"client.sms.schedule: due at {later:%H:%M} UTC")
        self.sandbox.advance(timedelta(minutes=11))
        self.line("(the sandbox's clock jumps 11 minutes ahead: the scheduled SMS goes out)")

    def fax(self) -> None:
        from ..resources.history import FaxStatus

        self.step("Fax")
        sent = self.client.fax.send(to=FAX_TO, file_content=PDF, filename="order-4711")
        status = self.client.fax.get_fax_status(sent.session_id)
        self.line(f"client.fax.send: order-4711.pdf to {FAX_TO}, session {sent.session_id}")
        self.line(f"client.fax.get_fax_status: {status}")
        self.sandbox.advance(timedelta(seconds=5))
        final = self.client.fax.wait_for_fax(sent.session_id, timeout=30, poll_interval=0.2)
        self.line(f"client.fax.wait_for_fax: [bold]{final}[/]")
        if final is not FaxStatus.SENT:
            raise RuntimeError(f"the demo's fax ended {final}")

    def contacts(self) -> None:
        from ..contacts.models import ExportScope, Scope

        self.step("Contacts")
        report = self.client.contacts.import_from_csv_string(CRM_CSV)
        self.line(
            f"client.contacts.import_from_csv_string: {report.imported} imported, "
            f"{len(report.skipped)} left out"
        )
        for skipped in report.skipped:
            self.line(f"  line {skipped.line}: {skipped.reason}")
        for note in report.notes:  # values changed or left out of imported contacts
            self.line(f"  line {note.line}: {note.original!r} {note.reason}")
        cards = self.client.contacts.import_vcard_string(VCARD, Scope.SHARED)
        self.line(f"client.contacts.import_vcard_string: {cards.imported} imported (shared)")
        book = self.client.contacts.export_as_single_vcard(ExportScope.ALL)
        csv_text = self.client.contacts.export_as_csv(ExportScope.ALL)
        count = book.count("BEGIN:VCARD")
        self.line(f"client.contacts.export_as_single_vcard: {count} contacts, {len(book)} chars")
        header = csv_text.partition("\r\n")[0]
        self.line(f"client.contacts.export_as_csv: {len(csv_text)} chars, columns {header}")
        names = sorted(c.name for c in self.client.contacts.get(ExportScope.ALL))
        self.line("now in the book: " + ", ".join(names))

    def incoming_call(self) -> str:
        self.step("Incoming call, routed by the webhook")
        self.client.webhook_settings.set_incoming_url(self.webhook_url)
        self.line(f"client.webhook_settings.set_incoming_url: {self.webhook_url}")
        call = self.sandbox.simulate_incoming_call(from_=CUSTOMER, to="+492111234567", dtmf="1")
        self.line(f"{CUSTOMER} calls +492111234567 and presses 1")
        self.flush_events()
        self.line(f"call {call.call_id}: {call.state.value}")
        return str(call.call_id)

    def hang_up(self, call_id: str) -> None:
        self.step("The call: its state, and RTCM")
        active = self.client.call.get(call_id)
        self.line(f"client.call.get: {active.state.value}, {len(active.participants)} participants")
        calls = self.client.rtcm.get_established_calls()
        self.line(f"client.rtcm.get_established_calls: {len(calls)} established")
        for call in calls:
            self.line(f"  {call.call_id}  {len(call.participants)} participants")
        self.client.rtcm.hang_up(call_id)
        self.line(f"client.rtcm.hang_up: {call_id}")
        self.flush_events()
        over = self.client.call.get(call_id)
        self.line(
            f"client.call.get: {over.state.value}, {over.from_} -> {over.to}, "
            f"history entry {over.history_entry_id}"
        )

    def history(self) -> None:
        from ..pagination import Pagination
        from .history import detail

        self.step("History")
        entries = self.client.history.fetch_all(pagination=Pagination(0, 6))
        self.out.table(
            "client.history.fetch_all (newest 6)",
            ["type", "direction", "from", "to", "detail"],
            [[e.type, e.direction, e.source, e.target, detail(e)] for e in entries],
        )

    webhook_url = ""


def run_demo(out: Output) -> float:
    """Run the tour, printing as it goes; returns the seconds it took."""
    from .._client import SipgateIO
    from ..sandbox import Sandbox

    started = time.perf_counter()
    out.console.print("[bold]sipgateio demo[/]: the library against a sandbox on this machine")
    with Sandbox() as sandbox:
        client = SipgateIO(
            base_url=sandbox.base_url, token_id=sandbox.token_id, token=sandbox.token
        )
        tour = _Tour(out, sandbox, client)
        with client, tour.webhook() as server:
            tour.webhook_url = server.app.server_address or server.url
            out.console.print(f"  sandbox API  {sandbox.base_url}", highlight=False)
            out.console.print(f"  webhook      {tour.webhook_url}", highlight=False)
            tour.account()
            tour.sms()
            tour.fax()
            tour.contacts()
            call_id = tour.incoming_call()
            tour.hang_up(call_id)
            tour.history()
    elapsed = time.perf_counter() - started
    out.console.print(f"\n[bold green]done[/] in {elapsed:.1f} s; nothing left 127.0.0.1")
    return elapsed
