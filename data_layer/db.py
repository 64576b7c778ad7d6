"""The one way this program talks to DuckDB.

Connection strategy (read before changing):

* DuckDB lets one process hold a database file for writing, and then no other process may
  open it at all. So a process opens the file exactly once, as a ``Database``; the app keeps
  its ``Database`` in ``st.cache_resource`` and every browser session shares it. A second
  process (the command line while the app runs) gets ``DatabaseBusy`` with a clear message.
* A DuckDB connection object is not safe to use from two threads at once ("connection is
  busy"), and Streamlit runs each session in its own thread. Every read therefore runs on a
  fresh ``cursor()`` of the shared connection: cursors are independent connections to the
  same database, cheap to open, and closed as soon as the result is fetched.
* Checking a file runs on a ``workspace()`` cursor without the lock (temp tables only); its
  writes then go through ``transaction(cur)``.
* Writes go through ``transaction()``: one lock serializes them, each is a single
  transaction (all rows or none), and ``generation`` is bumped after each commit so that
  caches keyed on it never serve data from before an import. Writes no page shows (login
  attempts, accounts) pass ``changes_data=False`` and leave every cache as it is.
* A briefing can freeze the data: ``copy_to`` writes a snapshot file under the write lock,
  which is then opened as its own read-only ``Database`` (see ``data_layer.snapshots``).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from .schema import ensure_schema


class DatabaseBusy(RuntimeError):
    """Another process holds the database file."""

    def __init__(self, path: Path | str):
        super().__init__(
            f"database {path} is in use by another process (is the dashboard running?); "
            "stop it or use the app's upload page"
        )
        self.path = path


class Database:
    """A DuckDB database file opened once per process; safe to share between threads."""

    def __init__(self, path: Path | str = ":memory:", *, read_only: bool = False):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise DatabaseBusy(self.path) from exc
            raise
        self._write_lock = threading.Lock()
        self.generation = 0
        if not read_only:
            try:
                ensure_schema(self._con)
            except Exception:
                self._con.close()
                raise

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        """Run a read query on a fresh cursor and return its result as a DataFrame."""
        with self._con.cursor() as cur:
            return cur.execute(sql, params or []).df()

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple]:
        """Run a read query and return plain tuples (for small results)."""
        with self._con.cursor() as cur:
            return cur.execute(sql, params or []).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """First column of the first row, or None."""
        found = self.rows(sql, params)
        return found[0][0] if found else None

    @contextmanager
    def workspace(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own, without the write lock: for work that reads the tables and fills
        temp tables only (checking a file). Pass it to ``transaction`` to write what it found."""
        with self._con.cursor() as cur:
            yield cur

    @contextmanager
    def transaction(
        self, cur: duckdb.DuckDBPyConnection | None = None, *, changes_data: bool = True
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """Serialized write transaction: commits on success, rolls back on any exception.

        ``cur``: a ``workspace`` cursor whose temp tables the writes read (default: a new one).
        ``changes_data=False``: what it writes is shown on no page, so cached pages stay valid.
        """
        opened = nullcontext(cur) if cur is not None else self._con.cursor()
        with self._write_lock, opened as writing:
            writing.execute("BEGIN TRANSACTION")
            try:
                yield writing
            except BaseException:
                writing.execute("ROLLBACK")
                raise
            writing.execute("COMMIT")
            if changes_data:
                self.generation += 1

    def copy_to(self, path: Path | str) -> None:
        """Write a consistent copy of the whole database to a new file (a briefing snapshot).

        Holds the write lock, so no import commits halfway through the copy.
        """
        # ATTACH takes no parameters; the path is the program's own (never user text).
        quoted = str(path).replace("'", "''")
        with self._write_lock, self._con.cursor() as cur:
            source = cur.execute("SELECT current_database()").fetchone()[0].replace('"', '""')
            cur.execute(f"ATTACH '{quoted}' AS snapshot")
            try:
                cur.execute(f'COPY FROM DATABASE "{source}" TO snapshot')
            finally:
                cur.execute("DETACH snapshot")

    def meta(self, key: str) -> str | None:
        """A value from the ``meta`` table (schema version, sample marker, ...)."""
        return self.scalar("SELECT value FROM meta WHERE key = ?", [key])

    def close(self) -> None:
        self._con.close()
