"""The one way this program talks to DuckDB.

Connection strategy (read before changing):

* DuckDB lets one process write a file, or many processes read it, never both. So the data
  is a series of **published generations**, each a complete, immutable DuckDB file:
  ``data/dashboard.duckdb`` is a symbolic link to the newest,
  ``data/dashboard.duckdb.generations/000042.duckdb``. Every process (each app process,
  the command line, a backup job) reads the newest generation read-only; many may.
* A write (an import, an undo, a deck save) takes the dataset's write lock, a ``flock`` on
  ``data/dashboard.duckdb.lock``, so writers in different processes and threads go one
  after the other. It copies the newest generation to a private working file, applies its
  change in one transaction, checkpoints, syncs the file to disk and publishes it by
  replacing the link (an atomic rename). A reader therefore sees a generation whole or not
  at all; a writer killed at any moment leaves the published data as it was (its working
  file is removed by the next writer). Cost (``bench/bench_generations.py``): a write
  of one row takes 0.08 s on the sample (6.8 MB) and 0.17 s at 100x (108 MB), nearly all of it
  copying and syncing the file; another process reads the new generation at its next read.
* Readers move to a new generation on their next read (``refresh`` compares the link's
  target, a cheap ``readlink``); queries already running finish on the old one. Generations
  older than the previous one are deleted after each publish: a process still reading one
  keeps its open file until it moves on (POSIX keeps an unlinked file's data while open).
* A DuckDB connection object is not safe to use from two threads at once, and Streamlit runs
  each session in its own thread. Every read therefore runs on a fresh ``cursor()`` of the
  generation's connection: cursors are independent connections to the same database.
* Checking a file runs on a ``workspace()``: a private in-memory DuckDB that attaches the
  newest generation read-only and keeps its temp tables, without the lock. Its writes then
  go through ``transaction(cur)``, which attaches the working file to that same workspace.
* ``generation`` is the published generation's number. It is the same in every process, so
  caches keyed on it never serve data from before an import, wherever the import ran.
* A briefing can freeze the data: ``copy_to`` hard-links the current generation (it never
  changes) under the snapshot's name, instantly. A backup copies it.
* Accounts and login attempts, written at every login by any process, live in a SQLite file
  beside the data (``data_layer.accounts``), not in a generation.
* ``Database(":memory:")`` (tests) and ``Database(file, read_only=True)`` (a snapshot, a
  backup) are single DuckDB databases; the first writes in place.

A regular file at the dataset's path (a database from before generations) is adopted as the
first generation when it is opened.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from . import regions, schema
from .accounts import Accounts
from .regions import RegionMismatch
from .schema import ensure_schema, schema_version

GENERATION_DIGITS = 6
_GENERATION = re.compile(r"^(\d{6})\.duckdb$")


LAST_WRITE = "last_write"


def mark_written(cur: duckdb.DuckDBPyConnection, mark: str | None = None) -> None:
    """Note in ``meta`` what the write under way is (``mark``, or a token no other write has).

    Every write to the data goes through ``transaction`` (or an upgrade), so ``last_write`` says
    whether anything at all changed the data since a given write: an import of a file identical
    to the one the last write loaded knows at once that it would change nothing
    (``ingest.import_bytes``). A restored backup keeps its own mark, true of its own content.
    """
    cur.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [LAST_WRITE, mark or uuid.uuid4().hex])


class Unchanged(Exception):
    """Raised in a ``transaction`` that found nothing to write: it ends quietly, and a published
    dataset gets no new generation (no copy, and every cache stays valid)."""


class Database:
    """The dataset at ``path`` (published generations), or one DuckDB file or memory database.

    Safe to share between threads; one object per dataset per process is enough. ``seed``: a
    database file to publish as the first generation if the dataset has none yet.
    ``work_memory_mb``: what DuckDB may hold while checking or writing an import (see
    ``_work_connection``).
    """

    def __init__(
        self,
        path: Path | str = ":memory:",
        *,
        read_only: bool = False,
        seed: Path | None = None,
        work_memory_mb: int = 384,
    ):
        self.path = str(path)
        self.work_memory_mb = work_memory_mb
        self.read_only = read_only
        self.published = self.path != ":memory:" and not read_only
        self.generation = 0
        self._write_lock = threading.Lock()
        self._switch_lock = threading.Lock()
        self._target: str | None = None
        if not self.published:
            self._con = duckdb.connect(self.path, read_only=read_only)
            self.accounts = Accounts(None)
            if not read_only:
                ensure_schema(self._con)
            self._check_region()
            return
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.generations.mkdir(exist_ok=True)
        self._publish_first(seed)
        self.refresh()
        self.accounts = Accounts(_accounts_file(self.path))
        self.accounts.adopt_from(self._con)  # accounts kept in DuckDB before schema 6
        if schema_version(self._con) != schema.SCHEMA_VERSION:
            with self.publishing() as cur:  # upgrade: a new generation at the latest schema
                ensure_schema(cur)
                mark_written(cur)
        self._check_region()

    def _check_region(self) -> None:
        """Refuse a database of another region than the pack this process runs: its divisions,
        plan and targets would be read against the wrong place."""
        found, pack = self.meta("region"), regions.current()
        if found is not None and found != pack.code:
            raise RegionMismatch(
                "region_mismatch", path=self.path, found=found, pack=regions.name_of(pack), expected=pack.code
            )

    # -- where things are -------------------------------------------------------------------

    @property
    def generations(self) -> Path:
        """The folder of published generation files."""
        return Path(f"{self.path}.generations")

    @property
    def current_file(self) -> Path:
        """The file of the generation reads go to now (the database itself if not published)."""
        return Path(self._target or self.path)

    def _newest(self) -> str | None:
        """The newest published generation's file, or None before the first."""
        try:
            link = os.readlink(self.path)
        except FileNotFoundError:
            return None
        except OSError:  # a regular file: a database from before generations
            return None
        return str(Path(self.path).parent / link)

    # -- reading ----------------------------------------------------------------------------

    def refresh(self) -> int:
        """Move reads to the newest published generation, if another one appeared; its number."""
        if not self.published:
            return self.generation
        newest = self._newest()
        if newest == self._target:
            return self.generation
        with self._switch_lock:
            for _ in range(10):  # the generation may be pruned between readlink and open
                newest = self._newest()
                if newest == self._target:
                    break
                try:
                    con = duckdb.connect(newest, read_only=True)
                except duckdb.IOException:
                    if Path(newest).exists():
                        raise
                    continue
                # Queries running on the old connection finish on their own cursors.
                self._con, self._target = con, newest
                self.generation = int(Path(newest).stem)
                break
        return self.generation

    def _reader(self) -> duckdb.DuckDBPyConnection:
        self.refresh()
        return self._con

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        """Run a read query on a fresh cursor and return its result as a DataFrame."""
        with self._reader().cursor() as cur:
            return cur.execute(sql, params or []).df()

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple]:
        """Run a read query and return plain tuples (for small results)."""
        with self._reader().cursor() as cur:
            return cur.execute(sql, params or []).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """First column of the first row, or None."""
        found = self.rows(sql, params)
        return found[0][0] if found else None

    def meta(self, key: str) -> str | None:
        """A value from the ``meta`` table (schema version, sample marker, ...)."""
        return self.scalar("SELECT value FROM meta WHERE key = ?", [key])

    @contextmanager
    def workspace(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own, without the write lock: for work that reads the tables and fills
        temp tables only (checking a file). Pass it to ``transaction`` to write what it found."""
        if not self.published:
            with self._con.cursor() as cur:
                yield cur
            return
        self.refresh()
        with self._work_connection() as private, private.cursor() as cur:
            cur.execute(f"ATTACH {_literal(self.current_file)} AS data (READ_ONLY)")
            cur.execute("USE data")
            yield cur

    def _work_connection(self) -> duckdb.DuckDBPyConnection:
        """An in-memory DuckDB for checking and writing a file, held to ``work_memory_mb``.

        Beyond that its temp tables (a file's rows as read, typed, staged) spill to
        ``<dataset>.tmp``: a million-row import then peaks under a gigabyte whatever the machine
        has (DuckDB's default would be 80% of it).
        """
        config = {"memory_limit": f"{self.work_memory_mb}MB", "temp_directory": f"{self.path}.tmp"}
        return duckdb.connect(config=config)

    @contextmanager
    def _private_cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._work_connection() as private, private.cursor() as cur:
            yield cur

    # -- writing ----------------------------------------------------------------------------

    @contextmanager
    def transaction(
        self, cur: duckdb.DuckDBPyConnection | None = None, *, mark: str | None = None
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """Serialized write transaction: commits (publishes) on success, rolls back on any exception.

        ``cur``: a ``workspace`` cursor whose temp tables the writes read (default: a new one).
        ``mark``: what this write is, kept as the data's ``last_write`` (see ``mark_written``).
        """
        try:
            with self._writing(cur) as writing:
                writing.execute("BEGIN TRANSACTION")
                try:
                    yield writing
                    mark_written(writing, mark)
                except BaseException:
                    writing.execute("ROLLBACK")
                    raise
                writing.execute("COMMIT")
                if not self.published:
                    self.generation += 1
        except Unchanged:
            pass

    def _writing(self, cur: duckdb.DuckDBPyConnection | None):
        """Where a transaction writes: a working copy to publish, or the single database itself."""
        if self.published:
            return self.publishing(cur=cur)
        return _locked(self._write_lock, self._con.cursor() if cur is None else _kept(cur))

    @contextmanager
    def publishing(
        self, base: Path | None = None, *, cur: duckdb.DuckDBPyConnection | None = None
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """Under the write lock: a working copy of the newest generation (or of the database file
        ``base``: a restore), attached to ``cur`` (or a new in-memory DuckDB) as the current
        database; published as the next generation if the block succeeds. Use ``transaction``."""
        if not self.published:
            raise RuntimeError(f"{self.path} is a single database, not a published dataset")
        with self._write_lock, self._file_lock():
            base = base or self._newest()
            number = self._next_number()
            work = self.generations / f"{number:0{GENERATION_DIGITS}d}.duckdb.work"
            copy_file(Path(base), work)
            try:
                with _kept(cur) if cur is not None else self._private_cursor() as writing:
                    previous = writing.execute("SELECT current_database()").fetchone()[0]
                    writing.execute(f"ATTACH {_literal(work)} AS work")
                    try:
                        writing.execute("USE work")
                        yield writing
                        writing.execute("CHECKPOINT work")
                    finally:
                        writing.execute(f"USE {_identifier(previous)}")
                        writing.execute("DETACH work")
                self._publish(work, number)
            finally:
                work.unlink(missing_ok=True)
                Path(f"{work}.wal").unlink(missing_ok=True)
        self.refresh()

    def _publish(self, work: Path, number: int) -> None:
        """Make ``work`` generation ``number``: synced, renamed, linked; prune old generations."""
        final = self.generations / f"{number:0{GENERATION_DIGITS}d}.duckdb"
        _fsync(work)
        os.replace(work, final)
        link = Path(f"{self.path}.link")
        link.unlink(missing_ok=True)
        link.symlink_to(os.path.relpath(final, Path(self.path).parent))
        os.replace(link, self.path)
        _fsync(Path(self.path).parent)
        for old in self._numbers():
            if old < number - 1:  # the previous one stays for readers moving on
                (self.generations / f"{old:0{GENERATION_DIGITS}d}.duckdb").unlink(missing_ok=True)

    def _numbers(self) -> list[int]:
        return sorted(int(m.group(1)) for p in self.generations.iterdir() if (m := _GENERATION.match(p.name)))

    def _next_number(self) -> int:
        """One more than any generation on disk; working files of killed writers are removed."""
        for stale in self.generations.glob("*.work*"):
            stale.unlink(missing_ok=True)
        return max(self._numbers(), default=0) + 1

    @contextmanager
    def _file_lock(self) -> Iterator[None]:
        """The dataset's write lock, shared by every process on this machine."""
        with open(f"{self.path}.lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _publish_first(self, seed: Path | None) -> None:
        """Give a dataset its first generation: the file found at its path, else ``seed``, else
        an empty one. Of processes starting at once, the first publishes and the rest read it."""
        if self._newest() is not None:
            return
        with self._write_lock, self._file_lock():
            if self._newest() is not None:  # another process was first
                return
            number = self._next_number()
            work = self.generations / f"{number:0{GENERATION_DIGITS}d}.duckdb.work"
            try:
                source = Path(self.path) if Path(self.path).exists() else seed
                if source is not None:  # adopt it; a .wal beside it is replayed here
                    copy_file(source, work)
                with duckdb.connect(str(work)) as con:
                    ensure_schema(con)
                    con.execute("CHECKPOINT")
                self._publish(work, number)
            finally:
                work.unlink(missing_ok=True)
                Path(f"{work}.wal").unlink(missing_ok=True)
            Path(f"{self.path}.wal").unlink(missing_ok=True)  # replayed into the generation

    def copy_to(self, path: Path | str) -> None:
        """Write a consistent copy of the whole database to a new file (a briefing snapshot)."""
        if self.published:
            self.refresh()
            try:
                os.link(self.current_file, path)  # a generation never changes: share its file
            except OSError:  # another file system
                copy_file(self.current_file, Path(path))
            return
        with self._write_lock, self._con.cursor() as cur:
            source = cur.execute("SELECT current_database()").fetchone()[0]
            cur.execute(f"ATTACH {_literal(path)} AS snapshot")
            try:
                cur.execute(f"COPY FROM DATABASE {_identifier(source)} TO snapshot")
            finally:
                cur.execute("DETACH snapshot")

    def close(self) -> None:
        self._con.close()


def _accounts_file(path: str) -> Path:
    """``data/dashboard.duckdb`` keeps its accounts in ``data/dashboard.accounts.sqlite3``."""
    return Path(path).with_suffix(".accounts.sqlite3")


def _literal(path: Path | str) -> str:
    """A file path as an SQL string literal (ATTACH takes no parameters; paths are the program's)."""
    return "'" + str(path).replace("'", "''") + "'"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@contextmanager
def _kept(cur: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A caller's cursor, used and left open."""
    yield cur


@contextmanager
def _locked(lock: threading.Lock, opened) -> Iterator[duckdb.DuckDBPyConnection]:
    with lock, opened as cur:
        yield cur


def copy_file(source: Path, target: Path) -> None:
    """Copy a database file and its write-ahead log, if any: in the kernel (reflinked where the
    file system can) on Linux, by ``shutil`` elsewhere or across file systems."""
    for suffix in ("", ".wal"):
        src, dst = Path(f"{source}{suffix}"), Path(f"{target}{suffix}")
        if not src.exists():
            continue
        try:
            _copy_in_kernel(src, dst)
        except (AttributeError, OSError):  # no copy_file_range here, or not between these two
            shutil.copyfile(src, dst)


def _copy_in_kernel(source: Path, target: Path) -> None:
    with open(source, "rb") as read, open(target, "wb") as write:
        size, done = os.fstat(read.fileno()).st_size, 0
        while done < size:
            copied = os.copy_file_range(read.fileno(), write.fileno(), size - done)
            if copied == 0:
                break
            done += copied


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
