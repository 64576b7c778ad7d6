"""Frozen copies of the database for briefings: numbers that do not move during a meeting.

A presenter freezes the data before a briefing; an upload during the meeting then changes
the live pages but not the deck. A snapshot is a whole DuckDB file written by
``Database.copy_to`` (consistent: no import commits halfway through) and named for the moment
it was taken, ``<dir>/20261127-093000.duckdb``. It is opened read-only, once per process.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import audit
from .db import Database

SUFFIX = ".duckdb"
SPARED = dt.timedelta(days=1)  # snapshots this young are never pruned
ID_FORMAT = "%Y%m%d-%H%M%S"
ID_PATTERN = re.compile(r"^\d{8}-\d{6}$")  # ids come back from the URL: nothing else is a path


class SnapshotNotFound(LookupError):
    """The snapshot id is malformed or its file is gone."""


@dataclass(frozen=True)
class Snapshot:
    id: str
    path: Path
    taken_at: dt.datetime


def _snapshot(path: Path) -> Snapshot:
    return Snapshot(path.stem, path, dt.datetime.strptime(path.stem, ID_FORMAT))


def freeze(db: Database, directory: Path, *, now: dt.datetime | None = None, keep: int = 20) -> Snapshot:
    """Copy ``db`` into a new snapshot file; keep the newest ``keep`` snapshots.

    Two freezes in the same second share one snapshot (the data cannot differ much, and
    the presenter's link stays valid). A snapshot younger than ``SPARED`` is never pruned,
    however many freezes follow: it may be the one a briefing is using today.
    """
    directory.mkdir(parents=True, exist_ok=True)
    taken_at = (now or dt.datetime.now()).replace(microsecond=0)
    path = directory / f"{taken_at.strftime(ID_FORMAT)}{SUFFIX}"
    if not path.exists():
        part = path.with_suffix(".part")  # written first, renamed when whole
        part.unlink(missing_ok=True)
        db.copy_to(part)
        part.rename(path)
    audit.record(db, "freeze", path.stem)
    for old in list_snapshots(directory)[keep:]:
        if old.taken_at < taken_at - SPARED:
            old.path.unlink(missing_ok=True)
    return _snapshot(path)


def list_snapshots(directory: Path) -> list[Snapshot]:
    """The snapshots in ``directory``, newest first."""
    if not directory.is_dir():
        return []
    found = [p for p in directory.glob(f"*{SUFFIX}") if ID_PATTERN.match(p.stem)]
    return sorted((_snapshot(p) for p in found), key=lambda s: s.taken_at, reverse=True)


def find(directory: Path, snapshot_id: str) -> Snapshot:
    """The snapshot named ``snapshot_id`` (as the URL carries it)."""
    if not ID_PATTERN.match(snapshot_id or ""):
        raise SnapshotNotFound(snapshot_id)
    path = directory / f"{snapshot_id}{SUFFIX}"
    if not path.is_file():
        raise SnapshotNotFound(snapshot_id)
    return _snapshot(path)


def open_snapshot(snapshot: Snapshot) -> Database:
    """A read-only Database on the snapshot (share it: DuckDB opens a file once per process)."""
    return Database(snapshot.path, read_only=True)
