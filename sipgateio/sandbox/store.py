"""The sandbox's state in SQLite: the account's objects, contacts, history, calls and jobs.

One connection (``:memory:`` or a file) serves every request thread, guarded by a lock.
Objects are JSON documents in the shape the API answers with; the columns beside them
are what the filters of the API select on.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

__all__ = ["Store"]

Doc = dict[str, Any]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    kind TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, owner TEXT,
    data TEXT NOT NULL, PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS contacts (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, owner TEXT NOT NULL, scope TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, type TEXT NOT NULL, direction TEXT NOT NULL,
    created TEXT NOT NULL, archived INTEGER NOT NULL, starred INTEGER NOT NULL,
    source TEXT NOT NULL, target TEXT NOT NULL, connection_ids TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS history_created ON history (created DESC);
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, due TEXT NOT NULL, kind TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, data TEXT NOT NULL);
"""


class Store:
    """The SQLite database of one sandbox (``path`` is ``":memory:"`` or a file)."""

    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.RLock()
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Hold the lock and run the block as one transaction (nested blocks join it)."""
        with self._lock:
            if self._db.in_transaction:
                yield self._db
                return
            self._db.execute("BEGIN")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row | tuple[Any, ...]]:
        """Rows of ``sql``."""
        with self._lock:
            return list(self._db.execute(sql, params))

    @property
    def seeded(self) -> bool:
        """Whether the database already holds an account (a file reopened)."""
        return self.get_kv("account") is not None

    # -- key/value ------------------------------------------------------------------
    def get_kv(self, key: str) -> Any:
        """The JSON value stored under ``key``, or None."""
        rows = self.query("SELECT data FROM kv WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else None

    def set_kv(self, key: str, value: Any) -> None:
        """Store ``value`` (JSON) under ``key``."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO kv (key, data) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET data = excluded.data",
                (key, json.dumps(value)),
            )

    # -- documents of the account (users, devices, numbers...) ------------------------
    def put(self, kind: str, doc: Doc, owner: str | None = None) -> None:
        """Insert or replace the ``kind`` document ``doc`` (keyed by its ``id``)."""
        with self.transaction() as db:
            row = db.execute(
                "SELECT seq FROM docs WHERE kind = ? AND id = ?", (kind, doc["id"])
            ).fetchone()
            if row is None:
                seq = db.execute(
                    "SELECT COALESCE(MAX(seq), -1) + 1 FROM docs WHERE kind = ?", (kind,)
                ).fetchone()[0]
            else:
                seq = row[0]
            db.execute(
                "INSERT OR REPLACE INTO docs (kind, id, seq, owner, data) VALUES (?, ?, ?, ?, ?)",
                (kind, doc["id"], seq, owner, json.dumps(doc)),
            )

    def get(self, kind: str, doc_id: str) -> Doc | None:
        """The ``kind`` document with ``doc_id``, or None."""
        rows = self.query("SELECT data FROM docs WHERE kind = ? AND id = ?", (kind, doc_id))
        return json.loads(rows[0][0]) if rows else None

    def owner_of(self, kind: str, doc_id: str) -> str | None:
        """Who owns the ``kind`` document ``doc_id`` (None if nobody or no such document)."""
        rows = self.query("SELECT owner FROM docs WHERE kind = ? AND id = ?", (kind, doc_id))
        return rows[0][0] if rows else None

    def all(self, kind: str, owner: str | None = None) -> list[Doc]:
        """Every ``kind`` document (of ``owner``, if given), in insertion order."""
        if owner is None:
            rows = self.query("SELECT data FROM docs WHERE kind = ? ORDER BY seq", (kind,))
        else:
            rows = self.query(
                "SELECT data FROM docs WHERE kind = ? AND owner = ? ORDER BY seq", (kind, owner)
            )
        return [json.loads(r[0]) for r in rows]

    def delete(self, kind: str, doc_id: str) -> bool:
        """Remove a document; whether it existed."""
        with self.transaction() as db:
            cursor = db.execute("DELETE FROM docs WHERE kind = ? AND id = ?", (kind, doc_id))
            return cursor.rowcount > 0

    # -- jobs: what happens later (scheduled SMS, fax progress) --------------------------
    def add_job(self, due: str, kind: str, data: Doc) -> None:
        """Remember to do ``kind`` with ``data`` at ``due`` (ISO time, UTC)."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO jobs (due, kind, data) VALUES (?, ?, ?)", (due, kind, json.dumps(data))
            )

    def take_due_jobs(self, now: str) -> list[tuple[str, str, Doc]]:
        """Remove and return the jobs due at ``now``, oldest first: (due, kind, data)."""
        with self.transaction() as db:
            rows = db.execute(
                "SELECT id, due, kind, data FROM jobs WHERE due <= ? ORDER BY due, id", (now,)
            ).fetchall()
            db.execute("DELETE FROM jobs WHERE due <= ?", (now,))
        return [(r[1], r[2], json.loads(r[3])) for r in rows]

    def pending_jobs(self) -> list[tuple[str, str, Doc]]:
        """Every job not done yet: (due, kind, data)."""
        rows = self.query("SELECT due, kind, data FROM jobs ORDER BY due, id")
        return [(r[0], r[1], json.loads(r[2])) for r in rows]
