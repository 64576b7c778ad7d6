"""Import batches: their log, and undoing one (remove what it wrote, restore what it replaced).

Each import keeps the rows it replaced in ``history_<table>`` (see ``schema``). Undo runs in
one transaction: it deletes the rows carrying the batch's id (and their child rows), restores
the rows the batch replaced, marks the batch undone and logs the undo as a batch of its own.
A batch whose rows a later, still active batch replaced again cannot be undone before that
later batch: undo goes back in order, never around a later change. The undo's log entry
(``imports.undoes``) counts the rows restored as ``rows_new`` and those removed as
``rows_replaced``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from . import audit, figure_history, holdings
from .db import Database
from .tables import SPECS, assert_unique


def recent_imports(db: Database, limit: int = 50) -> pd.DataFrame:
    """The latest import batches, newest first, for the history table."""
    return db.query(
        """SELECT batch_id, kind, file_name, user_name, finished_at, rows_in_file, rows_new, rows_replaced,
                  rows_same, warnings, undoes, undone_by
           FROM imports ORDER BY batch_id DESC LIMIT ?""",
        [limit],
    )


def undoable(log: pd.DataFrame) -> pd.DataFrame:
    """The batches of ``recent_imports`` that can still be undone: neither undos nor undone."""
    return log[log["undoes"].isna() & log["undone_by"].isna()]


class UndoRefused(ValueError):
    """The batch cannot be undone; ``args[0]`` is a reason code (``undo.*`` in ``i18n``)."""


def undo_batch(db: Database, batch_id: int, *, user: str, role: str = "staff") -> int:
    """Undo import ``batch_id``; return the id of the undo's own log entry.

    Staff undo their own imports; an admin undoes anyone's (see ``users.ROLES``).
    """
    with db.transaction() as cur:
        found = cur.execute(
            "SELECT kind, file_name, undoes, undone_by, user_name FROM imports WHERE batch_id = ?", [batch_id]
        ).fetchall()
        if not found:
            raise UndoRefused("batch_unknown")
        kind, file_name, undoes, undone_by, imported_by = found[0]
        if role != "admin" and imported_by != user:
            raise UndoRefused("batch_of_another")
        if undoes is not None:
            raise UndoRefused("batch_is_undo")
        if undone_by is not None:
            raise UndoRefused("batch_undone")
        spec = SPECS[kind]
        later = cur.execute(
            f"""SELECT min(replaced_by) FROM history_{spec.table} h
                JOIN imports i ON i.batch_id = h.replaced_by
                WHERE h.batch_id = ? AND h.replaced_by <> ? AND i.undone_by IS NULL""",
            [batch_id, batch_id],
        ).fetchone()[0]
        if later is not None:
            raise UndoRefused("batch_superseded")
        removed = cur.execute(f"SELECT count(*) FROM {spec.table} WHERE batch_id = ?", [batch_id]).fetchone()[
            0
        ]
        parent = spec.key[0]
        for child in spec.children:
            cur.execute(
                f"""DELETE FROM {child.table}
                    WHERE {parent} IN (SELECT {parent} FROM {spec.table} WHERE batch_id = ?)""",
                [batch_id],
            )
        cur.execute(f"DELETE FROM {spec.table} WHERE batch_id = ?", [batch_id])
        restored = 0
        for table, key in ((spec.table, spec.key), *((c.table, c.key) for c in spec.children)):
            # batch_id is this function's integer, never text from a user.
            assert_unique(cur, f"(SELECT * FROM history_{table} WHERE replaced_by = {int(batch_id)})", key)
            count = cur.execute(
                f"""INSERT INTO {table} BY NAME
                    SELECT * EXCLUDE (replaced_by) FROM history_{table} WHERE replaced_by = ?""",
                [batch_id],
            ).fetchone()[0]
            restored += count if table == spec.table else 0
            cur.execute(f"DELETE FROM history_{table} WHERE replaced_by = ?", [batch_id])
        undo_id = cur.execute("SELECT max(batch_id) + 1 FROM imports").fetchone()[0]
        now = dt.datetime.now()
        cur.execute(
            """INSERT INTO imports (batch_id, kind, file_name, file_size, file_hash, rows_in_file, rows_new,
                   rows_replaced, rows_same, warnings, user_name, started_at, finished_at, undoes)
               VALUES (?, ?, ?, 0, '', 0, ?, ?, 0, 0, ?, ?, ?, ?)""",
            [undo_id, kind, file_name, restored, removed, user, now, now, batch_id],
        )
        cur.execute("UPDATE imports SET undone_by = ? WHERE batch_id = ?", [undo_id, batch_id])
        holdings.rebuild(cur, kind)
        figure_history.record(cur, undo_id, figure_history.FEEDS.get(kind, ()))
    audit.record(db, "undo", f"batch {batch_id} ({kind}, {file_name}) -> batch {undo_id}", user=user)
    return undo_id
