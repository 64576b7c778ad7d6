"""One loading path for every file: read, map headers, validate, check references, load.

The command line, the first start of the app and (later) the upload page all call
``import_file``. A file is one transaction: if any row has an error nothing is written and
``ImportRejected`` carries every problem found (file, row as Excel shows it, column, value,
reason code). Rows already in the database unchanged are counted as ``same`` and not
rewritten, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import hashlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import duckdb
from openpyxl.utils import get_column_letter

from . import audit, derive, figure_history, holdings, parties, profiles
from .columns import columns_of
from .db import LAST_WRITE, Database, Unchanged
from .errors import DashboardError
from .identifiers import local_id
from .models import KINDS, LOAD_ORDER
from .problems import ImportRejected, ImportResult, Problem
from .profiles import Profile
from .reader import UnreadableFile, read_table
from .tables import SPECS, Child, KindSpec, assert_unique, stage
from .validate import MAX_PROBLEMS, Checked, Progress, assumption_warnings, check, header_score

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
    profile: str | Profile | None = None,
    record_figures: bool = True,
) -> ImportResult:
    """Validate and load one file as one transaction; raise ImportRejected on any error.

    ``kind`` defaults to the file's stem (``patents.csv`` -> patents). With ``dry_run`` the
    counts are computed and nothing is written: the preview staff see.
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
        profile=profile,
        record_figures=record_figures,
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
    profile: str | Profile | None = None,
    record_figures: bool = True,
) -> ImportResult:
    """``import_file`` for bytes already in memory (an upload): same checks, same transaction.

    ``sheet`` picks an XLSX worksheet (default: the one whose header fits ``kind`` best).
    ``profile`` maps another system's export (a name or a ``Profile``; default: the profile
    recognized from the header, if any). ``progress(stage, done)`` is told of each stage
    (reading, checking, loading) and how far it is, from 0 to 1.
    """
    progress = progress or (lambda stage, done: None)
    if kind not in KINDS:
        raise ImportRejected([Problem(file_name, None, None, kind, "kind_unknown")])
    started = dt.datetime.now()
    chosen = _profile_named(db, kind, file_name, profile)
    digest = hashlib.sha256(data).hexdigest()
    mark = _mark(kind, digest, Path(file_name).suffix, sheet, chosen)
    if (same := _same_file(db, mark, kind, digest)) is not None:
        progress("loading", 1.0)
        same = replace(same, file_name=file_name)
        return same if dry_run else _audited(db, same, user)
    candidates = profiles.all_profiles(db)  # read once: header finding and recognition
    with _unreadable(file_name):
        raw = read_table(data, file_name, header_score(kind, profiles.headers_of(candidates, kind)), sheet)
    chosen = chosen or profiles.recognize(candidates, kind, raw.header)
    # Reading and checking need no lock: they fill temp tables of their own cursor, while
    # logins, deck saves and other imports write. The lock is held from the diff to the commit.
    with _disk_space(file_name), db.workspace() as cur:
        with _unreadable(file_name):  # the rows are read here, in chunks
            checked = check(cur, kind, raw, file_name, progress, chosen)
        if checked.errors:
            raise ImportRejected(checked.problems, checked.detected, derived=checked.derived)
        if dry_run:  # a preview reads and writes nothing: no lock at all
            return _outcome(cur, kind, file_name, checked, progress)
        with db.transaction(cur, mark=mark):
            result = _outcome(cur, kind, file_name, checked, progress)
            if result.rows_new + result.rows_replaced == 0:
                raise Unchanged  # no batch is logged, no generation published
            meta = {
                "file_size": len(data),
                "file_hash": digest,
                "user_name": user,
                "started_at": started,
            }
            result.batch_id = _write(cur, SPECS[kind], result, meta)
            holdings.rebuild(cur, kind)  # before the figures: they may be made from it
            if record_figures:  # what the import made of K1-K5, in its own transaction
                figure_history.record(cur, result.batch_id, figure_history.FEEDS.get(kind, ()))
            progress("loading", 1.0)
    return _audited(db, result, user)


def _mark(kind: str, digest: str, suffix: str, sheet: str | None, profile: Profile | None) -> str:
    """What an import of these bytes, read this way, writes as the data's ``last_write``: the
    name's suffix chooses the reader (an ``.xlsm`` is refused), the sheet and profile the rows."""
    mapping = hashlib.sha256(profile.model_dump_json().encode()).hexdigest() if profile else "recognized"
    return f"import {kind} {digest} {suffix.lower()} sheet={sheet or ''} profile={mapping}"


def _same_file(db: Database, mark: str, kind: str, digest: str) -> ImportResult | None:
    """The result of importing a file identical to the one the last write to the data loaded
    the same way: nothing would change, and it is known without reading the file again (a
    1,000,000-row file's re-import took 91-108% of its first import to find that out)."""
    if db.meta(LAST_WRITE) != mark:
        return None
    found = db.rows(
        """SELECT batch_id, file_name, rows_in_file FROM imports
           WHERE kind = ? AND file_hash = ? AND undone_by IS NULL ORDER BY batch_id DESC LIMIT 1""",
        [kind, digest],
    )
    if not found:
        return None
    batch_id, file_name, rows = found[0]
    return ImportResult(None, kind, file_name, rows, 0, 0, rows, same_as=batch_id)


def _audited(db: Database, result: ImportResult, user: str) -> ImportResult:
    batch = f"batch {result.batch_id}" if result.batch_id else "no change"
    if result.same_as:
        batch = f"no change: the file batch {result.same_as} loaded"
    detail = (
        f"{result.kind}, {result.file_name}: {batch}, {result.rows_new} new, {result.rows_replaced} replaced"
    )
    audit.record(db, "import", detail, user=user)
    return result


def _outcome(cur, kind: str, file_name: str, checked: Checked, progress: Progress) -> ImportResult:
    """Names matched, rows staged and compared with the tables: what the import would do."""
    progress("loading", 0.0)
    matched = _match_parties(cur, kind, checked)
    stage(cur, kind)
    progress("loading", 0.3)
    counts = _diff(cur, SPECS[kind])
    return ImportResult(
        None,
        kind,
        file_name,
        checked.rows,
        counts.get("new", 0),
        counts.get("replaced", 0),
        counts.get("same", 0),
        checked.warnings,
        checked.detected,
        checked.derived,
        matched,
    )


def load_folder(db: Database, folder: Path | str, *, user: str = "init") -> list[ImportResult]:
    """Import every ``<kind>.csv`` found in ``folder``, referenced kinds first; the figures are
    recorded once, when all are in (no one saw them between the files)."""
    folder = Path(folder)
    results = [
        import_file(db, folder / f"{kind}.csv", kind, user=user, record_figures=False)
        for kind in LOAD_ORDER
        if (folder / f"{kind}.csv").exists()
    ]
    if results:
        with db.transaction() as cur:
            if not figure_history.record(cur, results[-1].batch_id):
                raise Unchanged  # no generation published for nothing
    return results


def preview_file(
    db: Database,
    path: Path | str,
    kind: str | None = None,
    *,
    sheet: str | None = None,
    profile: str | Profile | None = None,
) -> ImportResult:
    """What ``import_file`` would do, without writing anything."""
    path = Path(path)
    return preview_bytes(db, path.read_bytes(), path.name, kind or path.stem, sheet=sheet, profile=profile)


def preview_bytes(
    db: Database,
    data: bytes,
    file_name: str,
    kind: str,
    *,
    user: str = "preview",
    sheet: str | None = None,
    progress: Progress | None = None,
    profile: str | Profile | None = None,
) -> ImportResult:
    """What ``import_bytes`` would do (counts, warnings, what was detected), writing nothing."""
    return import_bytes(
        db,
        data,
        file_name,
        kind,
        user=user,
        dry_run=True,
        sheet=sheet,
        progress=progress,
        profile=profile,
    )


def _profile_named(db: Database, kind: str, file_name: str, profile: str | Profile | None) -> Profile | None:
    """The profile asked for by name or object (None: recognize one from the header)."""
    try:
        chosen = profiles.find(db, profile) if isinstance(profile, str) else profile
    except profiles.ProfileError:
        raise ImportRejected([Problem(file_name, None, None, profile, "profile_unknown")]) from None
    if chosen is not None and chosen.kind != kind:
        raise ImportRejected([Problem(file_name, None, None, chosen.name, "profile_other_kind")])
    return chosen


@contextmanager
def _unreadable(file_name: str) -> Iterator[None]:
    """A file the reader cannot read is refused with the reader's reason."""
    try:
        yield
    except UnreadableFile as exc:
        column = get_column_letter(exc.column) if exc.column else None
        raise ImportRejected([Problem(file_name, exc.row, column, exc.value, exc.args[0])]) from None


@contextmanager
def _disk_space(file_name: str) -> Iterator[None]:
    """A full disk refuses the file with a message (the transaction has rolled back)."""
    try:
        yield
    except (duckdb.IOException, OSError) as exc:
        if getattr(exc, "errno", None) != errno.ENOSPC and "No space left" not in str(exc):
            raise
        raise ImportRejected([Problem(file_name, None, None, None, "disk_full")]) from exc


def _match_parties(cur, kind: str, checked: Checked) -> parties.MatchOutcome:
    """Names to institutions, then what the institutions give (a patent's county); refuse the
    file, naming every name to resolve, if a name or any reference is missing."""
    present = checked.plan.present
    matched = parties.match(cur, kind, present)
    later = derive.from_institutions(cur, kind, present)
    checked.derived += later
    checked.problems += assumption_warnings(kind, later, checked.columns, checked.file_name)
    problems = _party_problems(cur, kind, checked, matched) + _county_problems(cur, kind, checked)
    problems += _reference_problems(cur, SPECS[kind], checked)
    if problems:
        raise ImportRejected(
            sorted(problems, key=lambda p: p.row or 0) + checked.warnings,
            checked.detected,
            unmatched=matched.unmatched,
            derived=checked.derived,
        )
    return matched


def _party_problems(cur, kind: str, checked: Checked, matched: parties.MatchOutcome) -> list[Problem]:
    """A name no institution answers to (staff resolve it), and a required party staff marked
    as not tracked (a contract's seller, a filing's enterprise: the row cannot count)."""
    titles = {c.name: c.title for c in columns_of(kind)} | checked.columns
    problems = [
        Problem(checked.file_name, u.first_row, titles[u.field], u.name, "party_unmatched")
        for u in matched.unmatched
    ]
    for spec in parties.PARTY_FIELDS.get(kind, ()):
        if spec.many or not spec.required or spec.names not in checked.plan.present:
            continue
        if kind == "patent_events":
            continue  # a register's holder may be untracked: the event still counts for the patent
        rows = cur.execute(
            f"""SELECT line, "{spec.names}" FROM typed WHERE "{spec.codes}" IS NULL AND "{spec.names}" IN
                (SELECT name FROM party_map_{spec.names} WHERE code IS NULL)
                ORDER BY line LIMIT {MAX_PROBLEMS}"""
        ).fetchall()
        problems += [
            Problem(checked.file_name, line, titles[spec.names], name, "party_untracked")
            for line, name in rows
        ]
    return problems


def _county_problems(cur, kind: str, checked: Checked) -> list[Problem]:
    """A patent whose county neither the file, its holders nor its address gives."""
    if kind != "patents":
        return []
    rows = cur.execute(
        f"SELECT line FROM typed WHERE county IS NULL ORDER BY line LIMIT {MAX_PROBLEMS}"
    ).fetchall()
    title = checked.columns.get("county", KINDS[kind].model_fields["county"].title)
    return [Problem(checked.file_name, line, title, None, "county_underivable") for (line,) in rows]


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
    assert_unique(cur, f"stage_{spec.table}", spec.key)
    for child in spec.children:
        assert_unique(cur, f"stage_{child.table}", child.key)
    batch_id = cur.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM imports").fetchone()[0]
    key_match = " AND ".join(f"t.{k} = c.{k}" for k in spec.key)
    changed = f"(SELECT {', '.join(spec.key)} FROM stage_status WHERE status <> 'same')"
    # Keep the rows about to be replaced, so that this batch can be undone.
    cur.execute(
        f"""INSERT INTO history_{spec.table} BY NAME
            SELECT t.*, ? AS replaced_by FROM {spec.table} t SEMI JOIN {changed} c ON {key_match}""",
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
            f"""INSERT INTO history_{child.table} BY NAME SELECT c.*, ? AS replaced_by FROM {child.table} c
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


@dataclass(frozen=True)
class Resolution:
    """What staff decided for a party name no institution answered to."""

    name: str
    action: Literal["create", "pick", "exclude"]
    credit_code: str | None = None  # pick: the institution (code or name); create: its code, if known
    kind: str | None = None  # create: institution kind code (university, enterprise, ...)
    county: str | None = None  # create: adcode


class ResolutionError(DashboardError):
    """A decision that cannot be kept; ``code`` is an ``i18n`` key ``resolve.*``."""

    section = "resolve"


def resolve_parties(db: Database, resolutions: list[Resolution], *, user: str) -> ImportResult | None:
    """Create the institutions staff asked for (one logged, undoable import) and remember every
    decision as an alias, so the file that named them loads and the next one does not ask.

    Returns the import of the new institutions, if any.
    """
    institutions = db.rows("SELECT credit_code, name FROM institutions")
    known = {code for code, _ in institutions}
    by_name: dict[str, list[str]] = {}
    for code, name in institutions:
        by_name.setdefault(parties.normalize_name(name), []).append(code)
    codes: dict[str, str | None] = {}
    rows = [["统一社会信用代码", "单位名称", "单位类型", "所在区县"]]
    for r in resolutions:
        if r.action == "pick":
            # Staff type the institution's credit code or its name as the institutions list has it.
            typed = (r.credit_code or "").strip()
            found = (
                [typed.upper()] if typed.upper() in known else by_name.get(parties.normalize_name(typed), [])
            )
            if len(found) != 1:
                raise ResolutionError("pick_unknown", name=r.name, value=typed)
            codes[r.name] = found[0]
        elif r.action == "create":
            if not (r.kind and r.county):
                raise ResolutionError("create_incomplete", name=r.name)
            code = (r.credit_code or "").strip().upper() or local_id(parties.normalize_name(r.name))
            rows.append([code, r.name.strip(), r.kind, r.county])
            codes[r.name] = code
        else:
            codes[r.name] = None
    created = None
    if len(rows) > 1:
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        created = import_bytes(db, out.getvalue().encode(), NEW_INSTITUTIONS_FILE, "institutions", user=user)
    with db.transaction() as cur:
        for name, code in codes.items():
            parties.remember(cur, name, code, user)
    audit.record(db, "names_resolved", f"{len(codes)} names", user=user)
    return created


NEW_INSTITUTIONS_FILE = "名称匹配新建单位.csv"
