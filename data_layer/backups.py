"""Backups while the app serves, and restoring one.

A backup is one DuckDB file, ``<dir>/dashboard-20261202-031500-g000042.duckdb``: a copy of
the published generation it was taken from (consistent: a generation never changes), plus the
accounts, login attempts and audit log as ``accounts_*`` tables, and ``meta`` rows saying
what it is. It can be opened by any DuckDB to look inside.

Restoring publishes the backup's data as a new generation (an upgrade runs if it is of an
older schema), after taking a backup of what it replaces. Accounts and the audit log stay as
they are unless ``with_accounts`` is given (a new machine): the log must keep the record of
what happened since, the restore included. A file that is not a backup, is damaged or is of a
newer schema is refused before anything changes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from . import audit, schema
from .accounts import TABLES as ACCOUNT_TABLES
from .db import Database, copy_file
from .errors import DashboardError

STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<at>\d{8}-\d{6})-g(?P<gen>\d+)\.duckdb$")


class BackupError(DashboardError):
    """A backup cannot be made or restored; ``code`` is an ``i18n`` key ``backup.*``."""

    section = "backup"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    generation: int
    size: int


def backup(
    db: Database, directory: Path, *, keep: int | None = None, now: dt.datetime | None = None
) -> Backup:
    """Copy the data as published now, and the accounts, into ``directory``; keep the newest ``keep``."""
    directory.mkdir(parents=True, exist_ok=True)
    taken_at = (now or dt.datetime.now()).replace(microsecond=0)
    part = directory / f".{Path(db.path).stem}-{taken_at.strftime(STAMP)}.part"
    part.unlink(missing_ok=True)
    try:
        generation = _copy_newest(db, part)
        path = directory / f"{Path(db.path).stem}-{taken_at.strftime(STAMP)}-g{generation:06d}.duckdb"
        with duckdb.connect(str(part)) as con:
            for table, columns in ACCOUNT_TABLES.items():
                con.execute(f"CREATE TABLE accounts_{table} ({columns})")
                rows = db.accounts.rows(f"SELECT * FROM {table}")
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    con.executemany(f"INSERT INTO accounts_{table} VALUES ({marks})", rows)
            con.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [("backup_at", taken_at.isoformat()), ("backup_generation", str(db.generation))],
            )
            con.execute("CHECKPOINT")
        part.rename(path)
    finally:
        part.unlink(missing_ok=True)
    if keep is not None:
        for old in list_backups(directory)[keep:]:
            old.path.unlink(missing_ok=True)
    audit.record(db, "backup", str(path))
    return _described(path)


def _copy_newest(db: Database, target: Path) -> int:
    """Copy the newest generation to ``target``; its number. Two imports published while it is
    being found may delete it: then the next one is copied."""
    for _ in range(10):
        generation = db.refresh()
        try:
            copy_file(db.current_file, target)
            return generation
        except FileNotFoundError:
            continue
    raise BackupError("busy")


def list_backups(directory: Path) -> list[Backup]:
    """Backups in ``directory``, newest first."""
    if not directory.is_dir():
        return []
    found = [_described(p) for p in directory.glob("*.duckdb") if _NAME.match(p.name)]
    return sorted(found, key=lambda b: (b.taken_at, b.generation), reverse=True)


def _described(path: Path) -> Backup:
    match = _NAME.match(path.name)
    return Backup(path, dt.datetime.strptime(match["at"], STAMP), int(match["gen"]), path.stat().st_size)


def check_backup(path: Path) -> int:
    """The schema version of the backup at ``path``; BackupError if this program cannot restore it."""
    if not path.is_file():
        raise BackupError("missing", file=str(path))
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            version = schema.schema_version(con)
            marked = (
                version and con.execute("SELECT count(*) FROM meta WHERE key = 'backup_at'").fetchone()[0]
            )
    except duckdb.Error as exc:
        raise BackupError("unreadable", file=path.name, detail=str(exc).splitlines()[0]) from exc
    if not marked:
        raise BackupError("foreign", file=path.name)
    if version > schema.SCHEMA_VERSION:
        raise BackupError("newer", file=path.name, version=version, supported=schema.SCHEMA_VERSION)
    return version


def restore(db: Database, path: Path, directory: Path, *, with_accounts: bool = False) -> Backup:
    """Publish the backup at ``path`` as the data; return the backup taken of what it replaced."""
    check_backup(path)
    before = backup(db, directory)
    with db.publishing(path) as cur:
        schema.ensure_schema(cur)
        kept = {  # a backup from before a table was added has none of it
            r[0].removeprefix("accounts_")
            for r in cur.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            ).fetchall()
        }
        accounts = {
            t: cur.execute(f"SELECT * FROM accounts_{t}").fetchall() for t in ACCOUNT_TABLES if t in kept
        }
        for table in accounts:
            cur.execute(f"DROP TABLE accounts_{table}")
        cur.execute("DELETE FROM meta WHERE key IN ('backup_at', 'backup_generation')")
    if with_accounts:
        with db.accounts.write() as con:
            for table, rows in accounts.items():
                con.execute(f"DELETE FROM {table}")
                if rows:
                    con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    audit.record(db, "restore", f"{path} (accounts too)" if with_accounts else str(path))
    return before
