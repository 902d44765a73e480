"""ShellCheck results kept between runs of the CLI, in one SQLite file.

A file per script would cost a file creation per new script, about a third of a millisecond on an ordinary
disk (a third of what ShellCheck needs to check it); one database written in one transaction costs about a
millisecond for a whole run. SQLite
also settles concurrent runs (a batch's worker processes, two terminals) with its own locking. The store
is a cache: whatever goes wrong (no permission, a damaged file, a lock held too long) is a miss or a
skipped write, never an error.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

_BUSY_TIMEOUT_SECONDS = 5
_KEYS_PER_QUERY = 500  # below SQLite's limit on bound parameters


class ResultStore:
    """A key → JSON value table in ``path``, opened on first use (and again in a forked child)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._broken = False

    def read(self, keys: Iterable[str]) -> dict[str, Any]:
        db = self._connection()
        if db is None:
            return {}
        wanted = list(keys)
        found: dict[str, Any] = {}
        try:
            for start in range(0, len(wanted), _KEYS_PER_QUERY):
                chunk = wanted[start : start + _KEYS_PER_QUERY]
                marks = ",".join("?" * len(chunk))
                for key, value in db.execute(f"SELECT key, value FROM results WHERE key IN ({marks})", chunk):
                    found[key] = json.loads(value)
        except (sqlite3.Error, ValueError):
            return found
        return found

    def write(self, values: Mapping[str, Any]) -> None:
        db = self._connection()
        if db is None or not values:
            return
        rows = [(key, json.dumps(value)) for key, value in values.items()]
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", rows)
            db.execute("COMMIT")
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")

    def _connection(self) -> sqlite3.Connection | None:
        # A connection must not cross a fork: a child opens its own.
        if self._db is not None and self._pid == os.getpid():
            return self._db
        if self._broken:
            return None
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None)
            # WAL lets readers go on while another run writes; losing the last writes in a power cut is
            # harmless for a cache, so nothing waits for the disk.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        except (OSError, sqlite3.Error):
            self._broken = True
            return None
        self._db, self._pid = db, os.getpid()
        return db
