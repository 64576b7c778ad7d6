"""Where accounts, login attempts and the audit log are kept: a SQLite file beside the data.

They are written at every login and staff action, by whichever app process serves the
browser or by the command line, while the dashboard's data is published in DuckDB
generations (``data_layer.db``) that only a writer holding the dataset's lock may replace.
SQLite lets many processes write one small file safely (WAL mode; a writer waits up to
``BUSY_SECONDS`` for another), and a login then never makes a new data generation or
invalidates a cached page. ``data_layer.users`` and ``data_layer.audit`` hold the rules; this
module holds the tables and the connections.

Timestamps are stored as ISO text (``2026-12-01 09:30:00.000000``), which sorts as time does.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

BUSY_SECONDS = 30

TABLES = {
    "users": """username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL,
        password_hash TEXT NOT NULL, active INTEGER NOT NULL, created_at TEXT NOT NULL,
        password_changed_at TEXT NOT NULL""",
    "login_attempts": """username TEXT NOT NULL, attempted_at TEXT NOT NULL, succeeded INTEGER NOT NULL,
        client TEXT""",
    "audit": """happened_at TEXT NOT NULL, username TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL,
        client TEXT NOT NULL""",
    # Department reporting (data_layer.reporting): a reporter's departments, the periods the
    # office opened, each indicator's entry for a period, and every action on one.
    "user_departments": """username TEXT NOT NULL, department TEXT NOT NULL,
        PRIMARY KEY (username, department)""",
    "report_periods": """quarter TEXT PRIMARY KEY, due_date TEXT NOT NULL, opened_by TEXT NOT NULL,
        opened_at TEXT NOT NULL""",
    "report_values": """quarter TEXT NOT NULL, measure INTEGER NOT NULL, indicator TEXT NOT NULL,
        department TEXT NOT NULL, unit TEXT NOT NULL, value DOUBLE, note TEXT, reason TEXT,
        status TEXT NOT NULL, comment TEXT, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL,
        submitted_at TEXT, reviewed_at TEXT, reviewed_by TEXT, PRIMARY KEY (quarter, measure, indicator)""",
    "report_log": """quarter TEXT NOT NULL, measure INTEGER NOT NULL, indicator TEXT NOT NULL,
        department TEXT NOT NULL, action TEXT NOT NULL, username TEXT NOT NULL, happened_at TEXT NOT NULL,
        value DOUBLE, text TEXT, batch_id BIGINT""",
}
INDEXES = (
    "CREATE INDEX IF NOT EXISTS login_attempts_at ON login_attempts (attempted_at)",
    "CREATE INDEX IF NOT EXISTS audit_at ON audit (happened_at)",
)


def stamp(moment: dt.datetime) -> str:
    """A timestamp as stored."""
    return moment.isoformat(sep=" ", timespec="microseconds")


def parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


class Accounts:
    """The accounts file at ``path``, or an in-memory one (``None``: tests, snapshots)."""

    def __init__(self, path: Path | None):
        self.path = path
        self._shared: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # the in-memory connection is shared between threads
        if path is None:
            self._shared = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        with self._connection() as con:
            if path is not None:
                con.execute("PRAGMA journal_mode = WAL")
            for name, columns in TABLES.items():
                con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
            for statement in INDEXES:
                con.execute(statement)

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        if self._shared is not None:
            with self._lock:
                yield self._shared
            return
        # A connection per use: cheap for SQLite, and safe in any thread and process.
        con = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            yield con
        finally:
            con.close()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._connection() as con:
            return con.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        found = self.rows(sql, params)
        return found[0][0] if found else None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, which waits for another process's to finish first."""
        with self._connection() as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    def adopt_from(self, con: duckdb.DuckDBPyConnection) -> None:
        """Copy the accounts a database of schema 5 or older kept in DuckDB, once, if this file
        has none yet (the tables are dropped from the data by schema 6)."""
        if self.scalar("SELECT count(*) FROM users"):
            return
        tables = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            ).fetchall()
        }
        if "users" not in tables:
            return
        users = con.execute(
            """SELECT username, display_name, role, password_hash, active, created_at, password_changed_at
               FROM users"""
        ).fetchall()
        attempts = con.execute(
            "SELECT username, attempted_at, succeeded, client FROM login_attempts"
            if "login_attempts" in tables
            else "SELECT NULL, NULL, NULL, NULL WHERE false"
        ).fetchall()
        with self.write() as out:
            out.executemany(
                "INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(u, d, r, h, int(a), stamp(c), stamp(p)) for u, d, r, h, a, c, p in users],
            )
            out.executemany(
                "INSERT INTO login_attempts VALUES (?, ?, ?, ?)",
                [(u, stamp(at), int(ok), client) for u, at, ok, client in attempts],
            )
