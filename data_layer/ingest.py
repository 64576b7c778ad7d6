"""One loading path for every file: read, map headers, validate, check references, load.

The command line, the first start of the app and (later) the upload page all call
``import_file``. A file is one transaction: if any row has an error nothing is written and
``ImportRejected`` carries every problem found (file, row as Excel shows it, column, value,
reason code). Rows already in the database unchanged are counted as ``same`` and not
rewritten, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from .columns import columns_of
from .db import Database
from .models import KINDS, LOAD_ORDER
from .problems import ImportRejected, ImportResult, Problem
from .reader import UnreadableFile, read_table
from .tables import SPECS, Child, KindSpec, stage
from .validate import MAX_PROBLEMS, Checked, Progress, check, header_score

# Fields holding a list of values (a patent's holders, a filing's patents).
LIST_FIELDS = {c.name for kind in KINDS for c in columns_of(kind) if c.sql_type.endswith("[]")}

__all__ = [
    "ImportRejected",
    "ImportResult",
    "Problem",
    "import_bytes",
    "import_file",
    "load_folder",
    "preview_file",
]


def import_file(
    db: Database,
    path: Path | str,
    kind: str | None = None,
    *,
    user: str = "cli",
    file_name: str | None = None,
    dry_run: bool = False,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Validate and load one file as one transaction; raise ImportRejected on any error.

    ``kind`` defaults to the file's stem (``patents.csv`` -> patents). With ``dry_run`` the
    counts are computed and everything is rolled back: the preview staff see.
    """
    path = Path(path)
    return import_bytes(
        db,
        path.read_bytes(),
        file_name or path.name,
        kind or path.stem,
        user=user,
        dry_run=dry_run,
        sheet=sheet,
        progress=progress,
    )


def import_bytes(
    db: Database,
    data: bytes,
    file_name: str,
    kind: str,
    *,
    user: str,
    dry_run: bool = False,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """``import_file`` for bytes already in memory (an upload): same checks, same transaction.

    ``sheet`` picks an XLSX worksheet (default: the one whose header fits ``kind`` best).
    ``progress(stage, done)`` is told of each stage (reading, checking, loading) and how far
    it is, from 0 to 1.
    """
    progress = progress or (lambda stage, done: None)
    if kind not in KINDS:
        raise ImportRejected([Problem(file_name, None, None, kind, "kind_unknown")])
    started = dt.datetime.now()
    with db.transaction() as cur:
        try:
            raw = read_table(data, file_name, header_score(kind), sheet)
            checked = check(cur, kind, raw, file_name, progress)
        except UnreadableFile as exc:
            raise ImportRejected([Problem(file_name, None, None, None, exc.args[0])]) from None
        if checked.errors:
            raise ImportRejected(checked.problems, checked.detected)
        progress("loading", 0.0)
        spec = SPECS[kind]
        problems = _reference_problems(cur, spec, checked)
        if problems:
            raise ImportRejected(problems + checked.warnings, checked.detected)
        stage(cur, kind)
        progress("loading", 0.3)
        counts = _diff(cur, spec)
        result = ImportResult(
            None,
            kind,
            file_name,
            checked.rows,
            counts.get("new", 0),
            counts.get("replaced", 0),
            counts.get("same", 0),
            checked.warnings,
            checked.detected,
        )
        if dry_run:
            raise _DryRun(result)
        if result.rows_new + result.rows_replaced == 0:
            return result  # nothing to change: no batch is logged
        meta = {
            "file_size": len(data),
            "file_hash": hashlib.sha256(data).hexdigest(),
            "user_name": user,
            "started_at": started,
        }
        result.batch_id = _write(cur, spec, result, meta)
        progress("loading", 1.0)
    return result


def load_folder(db: Database, folder: Path | str, *, user: str = "init") -> list[ImportResult]:
    """Import every ``<kind>.csv`` found in ``folder``, referenced kinds first."""
    folder = Path(folder)
    return [
        import_file(db, folder / f"{kind}.csv", kind, user=user)
        for kind in LOAD_ORDER
        if (folder / f"{kind}.csv").exists()
    ]


class _DryRun(Exception):
    def __init__(self, result: ImportResult):
        self.result = result


def preview_file(
    db: Database, path: Path | str, kind: str | None = None, *, sheet: str | None = None
) -> ImportResult:
    """What ``import_file`` would do, without writing anything."""
    path = Path(path)
    return preview_bytes(db, path.read_bytes(), path.name, kind or path.stem, sheet=sheet)


def preview_bytes(
    db: Database,
    data: bytes,
    file_name: str,
    kind: str,
    *,
    user: str = "preview",
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """What ``import_bytes`` would do (counts, warnings, what was detected), writing nothing."""
    try:
        import_bytes(db, data, file_name, kind, user=user, dry_run=True, sheet=sheet, progress=progress)
    except _DryRun as done:
        return done.result
    raise AssertionError("dry run wrote nothing and returned nothing")  # pragma: no cover


def _reference_problems(cur, spec: KindSpec, checked: Checked) -> list[Problem]:
    """Values that must exist in another table (a contract's seller, a filing's patents)."""
    problems = []
    for ref in spec.refs:
        is_list = ref.field in LIST_FIELDS
        values = f"unnest({ref.field})" if is_list else ref.field
        missing = cur.execute(
            f"""SELECT line, value FROM (SELECT line, {values} AS value FROM typed)
                WHERE value IS NOT NULL AND value NOT IN (SELECT {ref.column} FROM {ref.table})
                ORDER BY line LIMIT {MAX_PROBLEMS}"""
        ).fetchall()
        column = checked.columns.get(ref.field, ref.field)
        reason = f"ref_missing_{ref.table}"
        problems += [Problem(checked.file_name, line, column, value, reason) for line, value in missing]
    return sorted(problems, key=lambda p: p.row or 0)


def _diff(cur, spec: KindSpec) -> dict[str, int]:
    """Classify each staged key as new, replaced or same (into ``stage_status``); count them.

    A row is the same only if its child rows (a patent's holders, ...) are the same too:
    each side's children are packed into one sorted list per parent and compared.
    """
    join = " AND ".join(f"s.{k} = t.{k}" for k in spec.key)
    value_columns = [c for c in _columns(cur, spec.table) if c not in spec.key and c != "batch_id"]
    same = [f"s.{c} IS NOT DISTINCT FROM t.{c}" for c in value_columns]
    packs, joins = [], []
    for number, child in enumerate(spec.children):
        parent = child.columns[0]
        # Only keys on both sides need their children compared: new keys are new anyway.
        for side, source, other in (
            ("s", f"stage_{child.table}", spec.table),
            ("t", child.table, f"stage_{spec.table}"),
        ):
            name = f"{side}c{number}"
            packs.append(f"{name} AS ({_packed_children(child, source, other)})")
            joins.append(f"LEFT JOIN {name} ON {name}.{parent} = s.{parent}")
        same.append(f"sc{number}.children IS NOT DISTINCT FROM tc{number}.children")
    cur.execute(
        f"""CREATE OR REPLACE TEMP TABLE stage_status AS
            {"WITH " + ", ".join(packs) if packs else ""}
            SELECT {", ".join("s." + k for k in spec.key)},
              CASE WHEN t.{spec.key[0]} IS NULL THEN 'new'
                   WHEN {" AND ".join(same) or "true"} THEN 'same' ELSE 'replaced' END AS status
            FROM stage_{spec.table} s LEFT JOIN {spec.table} t ON {join} {" ".join(joins)}"""
    )
    return dict(cur.execute("SELECT status, count(*) FROM stage_status GROUP BY status").fetchall())


def _packed_children(child: Child, source: str, other: str) -> str:
    """One sorted list of ``source``'s child rows per parent key that ``other`` also has."""
    parent, *own = child.columns
    packed = "(" + ", ".join(own) + ")" if len(own) > 1 else own[0]
    return f"""SELECT {parent}, list({packed} ORDER BY {", ".join(own)}) AS children FROM {source}
        WHERE {parent} IN (SELECT {parent} FROM {other}) GROUP BY {parent}"""


def _columns(cur, table: str) -> list[str]:
    return [r[0] for r in cur.execute(f"DESCRIBE {table}").fetchall()]


def _write(cur, spec: KindSpec, result: ImportResult, meta: dict) -> int:
    """Replace changed keys, insert new ones, log the batch; return the batch id."""
    batch_id = cur.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM imports").fetchone()[0]
    key_match = " AND ".join(f"t.{k} = c.{k}" for k in spec.key)
    changed = f"(SELECT {', '.join(spec.key)} FROM stage_status WHERE status <> 'same')"
    # Keep the rows about to be replaced, so that this batch can be undone.
    cur.execute(
        f"""INSERT INTO history_{spec.table}
            SELECT t.*, ? FROM {spec.table} t SEMI JOIN {changed} c ON {key_match}""",
        [batch_id],
    )
    cur.execute(f"DELETE FROM {spec.table} t USING {changed} c WHERE {key_match}")
    cur.execute(
        f"""INSERT INTO {spec.table} BY NAME
            SELECT s.* EXCLUDE (batch_id), ? AS batch_id FROM stage_{spec.table} s
            SEMI JOIN {changed} c ON {key_match.replace("t.", "s.")}""",
        [batch_id],
    )
    for child in spec.children:
        parent = child.columns[0]
        cur.execute(
            f"""INSERT INTO history_{child.table} SELECT c.*, ? FROM {child.table} c
                WHERE {parent} IN (SELECT {parent} FROM stage_status WHERE status <> 'same')""",
            [batch_id],
        )
        cur.execute(
            f"""DELETE FROM {child.table}
                WHERE {parent} IN (SELECT {parent} FROM stage_status WHERE status <> 'same')"""
        )
        cur.execute(
            f"""INSERT INTO {child.table} BY NAME SELECT * FROM stage_{child.table}
                WHERE {parent} IN (SELECT {parent} FROM stage_status WHERE status <> 'same')"""
        )
    now = dt.datetime.now()
    cur.execute(
        """INSERT INTO imports (batch_id, kind, file_name, file_size, file_hash, rows_in_file, rows_new,
               rows_replaced, rows_same, warnings, user_name, started_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            batch_id,
            result.kind,
            result.file_name,
            meta["file_size"],
            meta["file_hash"],
            result.rows_in_file,
            result.rows_new,
            result.rows_replaced,
            result.rows_same,
            len(result.warnings),
            meta["user_name"],
            meta.get("started_at", now),
            now,
        ],
    )
    return batch_id
