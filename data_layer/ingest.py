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
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from . import i18n
from .db import Database
from .identifiers import normalize_credit_code
from .models import KINDS, LOAD_ORDER, Row, headers
from .reader import RawTable, UnreadableFile, read_table

# Which table each kind fills, its natural key, and the references its rows must satisfy.


@dataclass(frozen=True)
class Ref:
    field: str
    table: str
    column: str


@dataclass(frozen=True)
class Child:
    table: str
    columns: tuple[str, ...]  # the parent key first, then the child's own columns


@dataclass(frozen=True)
class KindSpec:
    table: str
    key: tuple[str, ...]
    row_key: tuple[str, ...]  # what makes a file row unique (duplicates check)
    children: tuple[Child, ...] = ()
    refs: tuple[Ref, ...] = ()


SPECS: dict[str, KindSpec] = {
    "institutions": KindSpec("institutions", ("credit_code",), ("credit_code",)),
    "patents": KindSpec(
        "patents",
        ("app_no",),
        ("app_no",),
        (Child("patent_holders", ("app_no", "holder_code", "seq")),),
        (Ref("holder_codes", "institutions", "credit_code"),),
    ),
    "patent_events": KindSpec(
        "patent_events",
        ("app_no", "event_type", "event_date", "counterparty"),
        ("app_no", "event_type", "event_date", "counterparty"),
        refs=(Ref("app_no", "patents", "app_no"), Ref("holder_code", "institutions", "credit_code")),
    ),
    "filings": KindSpec(
        "filings",
        ("filing_no",),
        ("filing_no", "output_year"),
        (
            Child("filing_patents", ("filing_no", "app_no")),
            Child("filing_outputs", ("filing_no", "year", "output_10k")),
        ),
        (Ref("enterprise_code", "institutions", "credit_code"), Ref("app_nos", "patents", "app_no")),
    ),
    "contracts": KindSpec(
        "contracts",
        ("contract_no",),
        ("contract_no",),
        (Child("contract_patents", ("contract_no", "app_no")),),
        (Ref("seller_code", "institutions", "credit_code"),),
    ),
    "indicators": KindSpec(
        "indicators", ("measure", "indicator", "quarter"), ("measure", "indicator", "quarter")
    ),
    "county_rules": KindSpec("county_rules", ("county",), ("county",)),
    "events": KindSpec("events", ("title", "event_date"), ("title", "event_date")),
    "targets": KindSpec("targets", ("code", "period"), ("code", "period")),
}

CREDIT_FIELDS = {
    "credit_code",
    "holder_codes",
    "holder_code",
    "counterparty_code",
    "enterprise_code",
    "seller_code",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and why (``reason`` is a code in ``i18n``)."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    reason: str
    severity: str = "error"

    def message(self, lang: str = "zh") -> str:
        return i18n.reason(self.reason, lang, self.value)

    def as_dict(self, lang: str = "zh") -> dict:
        return {**asdict(self), "message": self.message(lang)}


class ImportRejected(Exception):
    """The file was not loaded; ``problems`` lists every error (and warning) found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in {problems[0].file if problems else 'file'}")


@dataclass
class ImportResult:
    batch_id: int | None
    kind: str
    file_name: str
    rows_in_file: int
    rows_new: int
    rows_replaced: int
    rows_same: int
    warnings: list[Problem] = field(default_factory=list)

    def as_dict(self, lang: str = "zh") -> dict:
        data = asdict(self)
        data["warnings"] = [w.as_dict(lang) for w in self.warnings]
        return data


@dataclass
class Parsed:
    """Validated rows of one file, with the Excel row number of each."""

    kind: str
    file_name: str
    rows: list[Row]
    row_numbers: list[int]
    columns: dict[str, str]  # field name -> header as written in the file
    problems: list[Problem]


def import_file(
    db: Database,
    path: Path | str,
    kind: str | None = None,
    *,
    user: str = "cli",
    file_name: str | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Validate and load one file as one transaction; raise ImportRejected on any error.

    ``kind`` defaults to the file's stem (``patents.csv`` -> patents). With ``dry_run`` the
    counts are computed and everything is rolled back: the preview staff see.
    """
    path = Path(path)
    file_name = file_name or path.name
    kind = kind or path.stem
    if kind not in KINDS:
        raise ImportRejected([Problem(file_name, None, None, kind, "kind_unknown")])
    data = path.read_bytes()
    try:
        raw = read_table(data, file_name)
    except UnreadableFile as exc:
        raise ImportRejected([Problem(file_name, None, None, None, exc.args[0])]) from None
    parsed = parse(kind, raw, file_name)
    if any(p.severity == "error" for p in parsed.problems):
        raise ImportRejected(parsed.problems)
    frames = to_frames(kind, parsed)
    meta = {"file_size": len(data), "file_hash": hashlib.sha256(data).hexdigest(), "user_name": user}
    return load(db, parsed, frames, meta, dry_run=dry_run)


def load_folder(db: Database, folder: Path | str, *, user: str = "init") -> list[ImportResult]:
    """Import every ``<kind>.csv`` found in ``folder``, referenced kinds first."""
    folder = Path(folder)
    return [
        import_file(db, folder / f"{kind}.csv", kind, user=user)
        for kind in LOAD_ORDER
        if (folder / f"{kind}.csv").exists()
    ]


# --- parsing -------------------------------------------------------------------------------


def _norm_header(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text)).lower().split())


def map_columns(kind: str, header: list[str], file_name: str) -> tuple[dict[str, int], list[Problem]]:
    """Map each model field to the index of the file column that carries it."""
    lookup = {
        _norm_header(alias): name for name, aliases in headers(KINDS[kind]).items() for alias in aliases
    }
    found: dict[str, int] = {}
    problems = []
    for index, title in enumerate(header):
        name = lookup.get(_norm_header(title))
        if name is None:
            if str(title).strip():
                problems.append(Problem(file_name, None, title, None, "column_ignored", "warning"))
        elif name in found:
            problems.append(Problem(file_name, None, title, None, "column_twice"))
        else:
            found[name] = index
    for name, info in KINDS[kind].model_fields.items():
        if info.is_required() and name not in found:
            problems.append(Problem(file_name, None, info.title, None, "column_missing"))
    return found, problems


def parse(kind: str, raw: RawTable, file_name: str) -> Parsed:
    """Validate every row; collect all problems instead of stopping at the first."""
    model = KINDS[kind]
    columns, problems = map_columns(kind, raw.header, file_name)
    titles = {name: raw.header[index] for name, index in columns.items()}
    rows: list[Row] = []
    numbers: list[int] = []
    if any(p.severity == "error" for p in problems):
        return Parsed(kind, file_name, rows, numbers, titles, problems)
    seen: dict[tuple, int] = {}
    required = {name for name, info in model.model_fields.items() if info.is_required()}
    for offset, cells in enumerate(raw.rows):
        line = raw.first_data_line + offset
        if not any(c.strip() for c in cells):
            continue
        values = {name: cells[index] if index < len(cells) else "" for name, index in columns.items()}
        try:
            # An empty optional cell takes the field's default, as if the column were absent.
            row = model.model_validate({k: v for k, v in values.items() if v.strip() or k in required})
        except ValidationError as exc:
            problems.extend(_row_problems(exc, values, titles, file_name, line))
            continue
        key = tuple(getattr(row, f) for f in SPECS[kind].row_key)
        if key in seen:
            column = titles.get(SPECS[kind].row_key[0])
            problems.append(Problem(file_name, line, column, str(seen[key]), "duplicate_in_file"))
            continue
        seen[key] = line
        problems.extend(_credit_warnings(values, titles, file_name, line))
        rows.append(row)
        numbers.append(line)
    if not rows and not problems:
        problems.append(Problem(file_name, None, None, None, "file_empty"))
    return Parsed(kind, file_name, rows, numbers, titles, problems)


# Errors raised by a model validator (not tied to one field) are reported on this column.
_REASON_FIELD = {
    "grant_before_filing": "grant_date",
    "lapse_before_grant": "lapse_date",
    "type_mismatch": "patent_type",
    "filing_needs_patent": "app_nos",
    "output_needs_year": "output_year",
    "year_needs_output": "output_10k",
    "year_range": "output_year",
    "tech_above_turnover": "tech_amount_10k",
    "issued_needs_date": "issued_date",
    "deadline_before_start": "deadline",
}


def _row_problems(
    exc: ValidationError, values: dict[str, str], titles: dict[str, str], file_name: str, line: int
) -> list[Problem]:
    found = []
    for error in exc.errors():
        reason = error["type"]
        name = error["loc"][0] if error["loc"] else _REASON_FIELD.get(reason)
        if reason == "missing":
            reason = "required"
        found.append(
            Problem(
                file_name,
                line,
                titles.get(name, KINDS_TITLE.get(name, name)),
                values.get(name),
                reason,
            )
        )
    return found


KINDS_TITLE = {name: info.title for model in KINDS.values() for name, info in model.model_fields.items()}


def _credit_warnings(
    values: dict[str, str], titles: dict[str, str], file_name: str, line: int
) -> list[Problem]:
    """A credit code whose check character fails is loaded, with a warning."""
    found = []
    for name in CREDIT_FIELDS & values.keys():
        for code in filter(None, (c.strip() for c in values[name].replace("；", ";").split(";"))):
            normalized = unicodedata.normalize("NFKC", code)
            if not normalize_credit_code(normalized)[1]:
                found.append(Problem(file_name, line, titles[name], code, "credit_code_check", "warning"))
    return found


# --- shaping rows into table frames ----------------------------------------------------------


def to_frames(kind: str, parsed: Parsed) -> dict[str, pd.DataFrame]:
    """Turn validated rows into one DataFrame per table, plus ``_refs`` for reference checks."""
    spec = SPECS[kind]
    records = [row.model_dump() for row in parsed.rows]
    frame = pd.DataFrame.from_records(records, columns=list(KINDS[kind].model_fields))
    frame["_row"] = parsed.row_numbers
    shape = _SHAPERS.get(kind, _plain)
    frames = shape(frame)
    frames["_refs"] = _reference_frame(spec, frame, parsed.columns)
    return frames


def _plain(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {"main": frame}


def _explode(frame: pd.DataFrame, key: str, list_field: str, column: str) -> pd.DataFrame:
    pairs = frame[[key, list_field]].explode(list_field).dropna().drop_duplicates([key, list_field])
    return pairs.rename(columns={list_field: column})


def _shape_patents(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    holders = _explode(frame, "app_no", "holder_codes", "holder_code")
    holders["seq"] = holders.groupby("app_no").cumcount() + 1
    return {"main": frame.drop(columns="holder_codes"), "patent_holders": holders}


def _shape_events(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    frame = frame.copy()
    frame["counterparty"] = frame["counterparty"].fillna("")
    return {"main": frame}


def _shape_filings(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    attributes = [
        "filing_no",
        "product_name",
        "enterprise_code",
        "filing_date",
        "industry",
        "patent_intensive",
    ]
    main = frame.drop_duplicates("filing_no")
    outputs = frame.dropna(subset=["output_year"])[["filing_no", "output_year", "output_10k"]]
    return {
        "main": main.drop(columns=["app_nos", "output_year", "output_10k"]),
        "filing_patents": _explode(main, "filing_no", "app_nos", "app_no"),
        "filing_outputs": outputs.rename(columns={"output_year": "year"}),
        "_conflicts": frame[[*attributes, "_row"]],
    }


def _shape_contracts(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {
        "main": frame.drop(columns="app_nos"),
        "contract_patents": _explode(frame, "contract_no", "app_nos", "app_no"),
    }


_SHAPERS: dict[str, Callable[[pd.DataFrame], dict[str, pd.DataFrame]]] = {
    "patents": _shape_patents,
    "patent_events": _shape_events,
    "filings": _shape_filings,
    "contracts": _shape_contracts,
}


def _reference_frame(spec: KindSpec, frame: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Long table (row, column, value, ref) of every value that must exist in another table."""
    parts = []
    for index, ref in enumerate(spec.refs):
        if ref.field not in frame:
            continue
        values = frame[["_row", ref.field]].explode(ref.field).dropna()
        parts.append(
            pd.DataFrame(
                {
                    "row": values["_row"].astype("int64"),
                    "column": titles.get(ref.field, ref.field),
                    "value": values[ref.field].astype(str),
                    "ref": index,
                }
            )
        )
    if not parts:
        return pd.DataFrame({"row": [], "column": [], "value": [], "ref": []})
    return pd.concat(parts, ignore_index=True)


# --- loading ---------------------------------------------------------------------------------


def load(
    db: Database, parsed: Parsed, frames: dict[str, pd.DataFrame], meta: dict, *, dry_run: bool = False
) -> ImportResult:
    """Check references, count new/replaced/same, and write changed rows in one transaction."""
    spec = SPECS[parsed.kind]
    with db.transaction() as cur:
        problems = _reference_problems(cur, spec, frames, parsed) + _conflict_problems(frames, parsed)
        if problems:
            raise ImportRejected(problems + [p for p in parsed.problems if p.severity == "warning"])
        status = _stage_and_diff(cur, spec, frames)
        counts = status["status"].value_counts()
        result = ImportResult(
            None,
            parsed.kind,
            parsed.file_name,
            len(parsed.rows),
            int(counts.get("new", 0)),
            int(counts.get("replaced", 0)),
            int(counts.get("same", 0)),
            [p for p in parsed.problems if p.severity == "warning"],
        )
        if dry_run:
            raise _DryRun(result)
        if result.rows_new + result.rows_replaced == 0:
            return result  # nothing to change: no batch is logged
        result.batch_id = _write(cur, spec, result, meta)
    return result


class _DryRun(Exception):
    def __init__(self, result: ImportResult):
        self.result = result


def preview_file(db: Database, path: Path | str, kind: str | None = None, **kwargs) -> ImportResult:
    """What ``import_file`` would do, without writing anything."""
    try:
        import_file(db, path, kind, dry_run=True, **kwargs)
    except _DryRun as done:
        return done.result
    raise AssertionError("dry run wrote nothing and returned nothing")  # pragma: no cover


def _reference_problems(
    cur, spec: KindSpec, frames: dict[str, pd.DataFrame], parsed: Parsed
) -> list[Problem]:
    refs = frames["_refs"]
    if refs.empty:
        return []
    cur.register("refs_in", refs)
    problems = []
    for index, ref in enumerate(spec.refs):
        missing = cur.execute(
            f"""SELECT r.row, r.column, r.value FROM refs_in r
                WHERE r.ref = ? AND r.value NOT IN (SELECT {ref.column} FROM {ref.table})
                ORDER BY r.row""",
            [index],
        ).fetchall()
        reason = f"ref_missing_{ref.table}"
        problems.extend(
            Problem(parsed.file_name, row, column, value, reason) for row, column, value in missing
        )
    cur.unregister("refs_in")
    return sorted(problems, key=lambda p: p.row or 0)


def _conflict_problems(frames: dict[str, pd.DataFrame], parsed: Parsed) -> list[Problem]:
    """Rows of one filing must agree on the filing's own attributes."""
    if "_conflicts" not in frames:
        return []
    rows = frames["_conflicts"]
    first = rows.drop_duplicates("filing_no").set_index("filing_no")
    attributes = [c for c in rows.columns if c not in ("filing_no", "_row")]
    aligned = first.loc[rows["filing_no"], attributes].reset_index(drop=True)
    differs = ~(rows[attributes].reset_index(drop=True).fillna("") == aligned.fillna("")).all(axis=1)
    title = parsed.columns.get("filing_no")
    return [
        Problem(parsed.file_name, int(row), title, str(no), "conflicting_rows")
        for row, no in rows.loc[differs.to_numpy(), ["_row", "filing_no"]].itertuples(index=False)
    ]


def _stage_and_diff(cur, spec: KindSpec, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Copy frames into typed temp tables and classify each key as new, replaced or same."""
    tables = [(spec.table, frames["main"])] + [(c.table, frames[c.table]) for c in spec.children]
    for table, frame in tables:
        cur.execute(f"CREATE OR REPLACE TEMP TABLE stage_{table} AS SELECT * FROM {table} WHERE false")
        cur.register("frame_in", frame.drop(columns=[c for c in frame.columns if c.startswith("_")]))
        cur.execute(f"INSERT INTO stage_{table} BY NAME SELECT * FROM frame_in")
        cur.unregister("frame_in")
    join = " AND ".join(f"s.{k} = t.{k}" for k in spec.key)
    value_columns = [c for c in _columns(cur, spec.table) if c not in spec.key and c != "batch_id"]
    same = " AND ".join(f"s.{c} IS NOT DISTINCT FROM t.{c}" for c in value_columns) or "true"
    child_same = " AND ".join(_child_same(c, spec) for c in spec.children) or "true"
    status = cur.execute(
        f"""SELECT {", ".join("s." + k for k in spec.key)},
              CASE WHEN t.{spec.key[0]} IS NULL THEN 'new'
                   WHEN ({same}) AND ({child_same}) THEN 'same' ELSE 'replaced' END AS status
            FROM stage_{spec.table} s LEFT JOIN {spec.table} t ON {join}"""
    ).df()
    cur.register("status_in", status)
    cur.execute("CREATE OR REPLACE TEMP TABLE stage_status AS SELECT * FROM status_in")
    cur.unregister("status_in")
    return status


def _child_same(child: Child, spec: KindSpec) -> str:
    parent, *own = child.columns
    packed = "(" + ", ".join(own) + ")" if len(own) > 1 else own[0]
    order = ", ".join(own)
    return f"""(SELECT list({packed} ORDER BY {order}) FROM stage_{child.table} c
                WHERE c.{parent} = s.{parent})
        IS NOT DISTINCT FROM
        (SELECT list({packed} ORDER BY {order}) FROM {child.table} c WHERE c.{parent} = s.{parent})"""


def _columns(cur, table: str) -> list[str]:
    return [r[0] for r in cur.execute(f"DESCRIBE {table}").fetchall()]


def _write(cur, spec: KindSpec, result: ImportResult, meta: dict) -> int:
    """Replace changed keys, insert new ones, log the batch; return the batch id."""
    batch_id = cur.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM imports").fetchone()[0]
    key_match = " AND ".join(f"t.{k} = c.{k}" for k in spec.key)
    changed = f"(SELECT {', '.join(spec.key)} FROM stage_status WHERE status <> 'same')"
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
            f"""DELETE FROM {child.table}
                WHERE {parent} IN (SELECT {parent} FROM stage_status WHERE status <> 'same')"""
        )
        cur.execute(
            f"""INSERT INTO {child.table} BY NAME SELECT * FROM stage_{child.table}
                WHERE {parent} IN (SELECT {parent} FROM stage_status WHERE status <> 'same')"""
        )
    now = dt.datetime.now()
    cur.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
