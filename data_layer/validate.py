"""Checking a file: header mapping, then every column, rule and duplicate, all problems at once.

``check`` streams the file's rows into a DuckDB temp table and runs the column-wise checks
of ``columns`` plus each model's ``rules`` as SQL over the whole file. What is valid ends up
in the temp table ``typed`` (one row per data row, typed columns named as the model's
fields, plus ``line``), which ``tables`` shapes into the tables to load.

Problems carry the row number as Excel shows it, the header as written in the file, the
cell's value and a reason code. Only the first ``MAX_PROBLEMS`` are listed, plus one line
saying how many more there are: enough to fix a file, bounded for a crafted one.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from . import derive, profiles
from .columns import columns_of, default_sql, fast_sql, parse_cells
from .derive import Derived
from .identifiers import credit_check_ok
from .models import KINDS, column_format, headers
from .problems import Problem
from .profiles import Profile
from .profiles import norm_header as _norm_header
from .reader import ArrowFallback, RawTable, filled_rows, read_table
from .tables import SPECS

MAX_PROBLEMS = 100_000
CREDIT_FORMATS = ("credit_code", "credit_codes")
_UNIT = re.compile(r"^(.*)\((万元|元)\)$")

Progress = Callable[[str, float], None]


@dataclass
class Checked:
    """The outcome of checking one file: where its valid rows are and what is wrong."""

    kind: str
    file_name: str
    rows: int  # data rows in the file (blank rows and a 合计 row not counted)
    columns: dict[str, str]  # field name -> header as written in the file
    problems: list[Problem]
    detected: dict = field(default_factory=dict)  # what reading found, shown before loading
    plan: ColumnPlan | None = None  # where each field came from
    derived: list[Derived] = field(default_factory=list)  # values derived or assumed

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@functools.cache
def _lookup(kind: str) -> dict[str, str]:
    """Normalized header -> field name, for every header a field of ``kind`` answers to."""
    return {_norm_header(alias): name for name, aliases in headers(KINDS[kind]).items() for alias in aliases}


def _field_of(lookup: dict[str, str], amounts: frozenset[str], title: str) -> tuple[str | None, str | None]:
    """The field a header names and, for an amount, its unit ("yuan" or "10k")."""
    key = _norm_header(title)
    unit = None
    if key not in lookup and (match := _UNIT.match(key)):
        # "合同成交额（元）" names the same field as "合同成交额（万元）", in another unit.
        base = match.group(1)
        name = lookup.get(base) or lookup.get(base + "(万元)")
        unit = "yuan" if match.group(2) == "元" else "10k"
        return (name, unit) if name in amounts else (None, None)
    name = lookup.get(key)
    return name, ("10k" if name in amounts else None)


def header_score(kind: str, known: frozenset[str] = frozenset()) -> Callable[[list[str]], int]:
    """How many cells of a row name a column of ``kind`` (or one of the ``known`` headers of its
    profiles): picks the header below title rows."""
    lookup = _lookup(kind)
    amounts = _amount_fields(kind)

    def score(cells: list[str]) -> int:
        return sum(1 for cell in cells if _field_of(lookup, amounts, cell)[0] or _norm_header(cell) in known)

    return score


@functools.cache
def _amount_fields(kind: str) -> frozenset[str]:
    return frozenset(c.name for c in columns_of(kind) if c.fmt.kind == "amount")


@dataclass
class ColumnPlan:
    """Where each field comes from: a file column (with an amount's unit) or one constant value."""

    found: dict[str, int]  # field -> index of its column in the header
    units: dict[str, str]  # amount field -> "yuan" or "10k"
    constants: dict[str, str]  # field -> the value every row gets (from a profile)
    unused: list[str]  # headers of the file's columns nothing reads
    problems: list[Problem]

    @property
    def present(self) -> set[str]:
        return set(self.found) | set(self.constants)


def _unit_of(title: str) -> str | None:
    match = _UNIT.match(_norm_header(title))
    return ("yuan" if match.group(2) == "元" else "10k") if match else None


def map_columns(kind: str, header: list[str], file_name: str, profile: Profile | None = None) -> ColumnPlan:
    """Map each field to its file column: the profile's choice first, then the usual headers.

    Without a profile, a header no field answers to is reported (``column_ignored``); with one,
    the columns the profile knows to be irrelevant are only listed as unused.
    """
    lookup, amounts = _lookup(kind), _amount_fields(kind)
    plan = ColumnPlan({}, {}, dict(profile.constants) if profile else {}, [], [])
    positions = {}
    for index, title in enumerate(header):
        positions.setdefault(_norm_header(title), index)
    for name, title in (profile.columns if profile else {}).items():
        index = positions.get(_norm_header(title))
        if index is None:
            plan.problems.append(Problem(file_name, None, title, profile.name, "profile_column_missing"))
            continue
        plan.found[name] = index
        if name in amounts:
            plan.units[name] = profile.units.get(name) or _unit_of(title) or "10k"
    claimed = set(plan.found.values())
    ignored = {_norm_header(h) for h in profile.ignore} if profile else set()
    for index, title in enumerate(header):
        if index in claimed or not str(title).strip():
            continue
        if _norm_header(title) in ignored:  # the profile says: read nothing from this column
            plan.unused.append(title)
            continue
        name, unit = _field_of(lookup, amounts, title)
        if name is None or (profile and name in plan.present):
            plan.unused.append(title)
            reason = "column_ignored" if name is None else "column_unused_duplicate"
            plan.problems.append(Problem(file_name, None, title, None, reason, "warning"))
        elif name in plan.present:
            plan.problems.append(Problem(file_name, None, title, None, "column_twice"))
        else:
            plan.found[name] = index
            if unit:
                plan.units[name] = unit
    for column in columns_of(kind):
        if column.required and column.name not in plan.present:
            plan.problems.append(Problem(file_name, None, column.title, None, "column_missing"))
    return plan


def check(
    cur,
    kind: str,
    raw: RawTable,
    file_name: str,
    progress: Progress | None = None,
    profile: Profile | None = None,
) -> Checked:
    """Check every row of ``raw``; on success the valid rows are in the temp table ``typed``.

    ``profile`` maps the columns of another system's export (see ``profiles``).
    """
    progress = progress or (lambda stage, done: None)
    plan = map_columns(kind, raw.header, file_name, profile)
    found, units, problems = plan.found, plan.units, plan.problems
    titles = {name: raw.header[index] for name, index in found.items()}
    detected = _detected(raw, titles, units) | {
        "profile": profile.name if profile else None,
        "constants": plan.constants,
        "unused": plan.unused,
    }
    if any(p.severity == "error" for p in problems):
        return Checked(kind, file_name, 0, titles, problems, detected, plan)
    rows = _stage_raw(cur, kind, raw, found, progress)
    problems += _clean_cells(cur, list(found), titles, file_name)
    for name, value in plan.constants.items():
        cur.execute(f'ALTER TABLE raw ADD COLUMN "{name}" VARCHAR')
        cur.execute(f'UPDATE raw SET "{name}" = ?', [value])
    detected["dropped_total_line"] = raw.dropped_total_line
    detected["rows"] = rows
    if raw.dropped_total_line:
        problems.append(
            Problem(file_name, raw.dropped_total_line, None, None, "total_row_dropped", "warning")
        )
    if rows == 0:
        problems.append(Problem(file_name, None, None, None, "file_empty"))
        return Checked(kind, file_name, 0, titles, problems, detected)
    today = dt.date.today()
    progress("checking", 0.0)
    _type_columns(cur, kind, plan.present, units, today, progress)
    derived = derive.from_file(cur, kind, plan.present, today)
    progress("checking", 0.9)
    problems += _fetch_problems(cur, kind, titles, file_name, today)
    problems += assumption_warnings(kind, derived, titles, file_name)
    return Checked(kind, file_name, rows, titles, _bounded(problems), detected, plan, derived)


def assumption_warnings(
    kind: str, derived: list[Derived], titles: dict[str, str], file_name: str
) -> list[Problem]:
    """One warning per value the import assumed: the field, how many rows, what was assumed."""
    names = {c.name: c.title for c in columns_of(kind)} | titles
    return [
        Problem(file_name, None, names.get(d.field, d.field), str(d.rows), f"derived_{d.rule}", "warning")
        for d in derived
        if d.assumed
    ]


def check_bytes(data: bytes, file_name: str, kind: str, sheet: str | None = None) -> Checked:
    """Check a file on its own, without references to a database (templates, tests).

    A built-in profile is applied when the header is one's; party names stay unmatched.
    """
    known = profiles.headers_of(profiles.builtin_profiles(), kind)
    raw = read_table(data, file_name, header_score(kind, known), sheet)
    with duckdb.connect() as cur:
        return check(
            cur,
            kind,
            raw,
            file_name,
            profile=profiles.recognize(profiles.builtin_profiles(), kind, raw.header),
        )


def _detected(raw: RawTable, titles: dict[str, str], units: dict[str, str]) -> dict:
    """Encoding, sheet, header row, column mapping, units and any dropped total row."""
    return {
        "header": raw.header,
        "encoding": raw.encoding,
        "sheet": raw.sheet,
        "sheets": raw.sheets,
        "header_line": raw.header_line,
        "columns": titles,
        "units": units,
        "dropped_total_line": raw.dropped_total_line,
    }


def _stage_raw(cur, kind: str, raw: RawTable, found: dict[str, int], progress: Progress) -> int:
    """Stream the mapped columns' cells into the temp table ``raw`` (line + one VARCHAR each).

    Through Arrow when it can read the file (see ``reader``), else, or if it gives up half-way,
    through the csv module from the start: either way the table ends up the same.
    """
    names = list(found)
    definition = ", ".join(f'"{n}" VARCHAR' for n in names)
    cur.execute(f"CREATE OR REPLACE TEMP TABLE raw (line INTEGER, {definition})")
    progress("reading", 0.0)
    if raw.arrow_ready:
        try:
            return _stage_arrow(cur, raw, found, progress)
        except ArrowFallback:
            cur.execute("DELETE FROM raw")
            raw.dropped_total_line = None
    return _stage_csv(cur, raw, found, progress)


def _stage_arrow(cur, raw: RawTable, found: dict[str, int], progress: Progress) -> int:
    """One INSERT streaming Arrow's batches: DuckDB converts them as they come, in parallel."""
    schema = pa.schema([("line", pa.int32())] + [(n, pa.string()) for n in found])
    fell_back = []

    def batches() -> Iterator[pa.RecordBatch]:
        try:
            for numbers, batch in raw.arrow_chunks():
                if max(found.values()) >= batch.num_columns:
                    raise ArrowFallback("columns")  # the csv reading pads short rows: leave those to it
                columns = [batch.column(found[n]) for n in found]
                # A row whose known columns are all blank (only a 序号 filled in) is a blank row.
                keep = filled_rows(columns)
                yield pa.record_batch(
                    [numbers.filter(keep)] + [c.filter(keep) for c in columns], schema=schema
                )
        except ArrowFallback as exc:  # raised inside DuckDB's scan it would come back as its error
            fell_back.append(exc)

    # DuckDB may pull the batches on its own threads: no progress from in there (Streamlit's
    # elements need the script's thread). Reading a million rows this way takes about a second.
    cur.register("chunks_in", pa.RecordBatchReader.from_batches(schema, batches()))
    try:
        cur.execute("INSERT INTO raw SELECT * FROM chunks_in")
    finally:
        cur.unregister("chunks_in")
    if fell_back:
        raise fell_back[0]
    progress("reading", 1.0)
    return cur.execute("SELECT count(*) FROM raw").fetchone()[0]


def _stage_csv(cur, raw: RawTable, found: dict[str, int], progress: Progress) -> int:
    names = list(found)
    indices = [found[n] for n in names]
    width = max(indices) + 1
    total = max(raw.estimated_lines, 1)
    rows = 0
    pick = operator.itemgetter(*indices) if len(indices) > 1 else (lambda cells: (cells[indices[0]],))
    pad = [""] * width
    with _paused_gc():
        for numbers, chunk in raw.chunks():
            picked = [pick(cells) if len(cells) >= width else pick(cells + pad) for cells in chunk]
            # A row whose known columns are all blank (only a 序号 filled in) is a blank row.
            keep = [i for i, cells in enumerate(picked) if "".join(cells).strip()]
            if len(keep) < len(picked):
                numbers, picked = [numbers[i] for i in keep], [picked[i] for i in keep]
            if not picked:
                continue
            _insert_chunk(cur, names, numbers, picked)
            rows += len(numbers)
            progress("reading", min(numbers[-1] / total, 1.0))
    return rows


# Control characters break the Excel export and are no text anyone meant. A vertical tab or a
# form feed is what Word leaves for a line or page break pasted into a cell: it becomes a
# space, said in a warning. Any other (NUL, escape, ...) is refused at its cell. Tab, line feed
# and carriage return are text (a cell may hold several lines).
_BREAKS = r"[\x0b\x0c]"
_CONTROLS = r"[\x00-\x08\x0e-\x1f\x7f]"
# Our exports put an apostrophe before text a spreadsheet would run as a formula (``=1+1`` is
# written ``'=1+1``, see ``export.safe_cell``); a file coming back gets its text back.
_QUOTED_FORMULA = r"^'[=+\-@\t\r]"


def _clean_cells(cur, names: list[str], titles: dict[str, str], file_name: str) -> list[Problem]:
    """Clean Word's breaks and our exports' formula quotes in ``raw``; list cells with other
    control characters. One scan when there is nothing to do (nearly always)."""
    anywhere = " || ".join(f"coalesce(\"{n}\", '')" for n in names)
    quoted = " OR ".join(f"starts_with(\"{n}\", '''')" for n in names)  # cheaper than a regex
    if not cur.execute(
        f"SELECT count(*) FROM raw WHERE regexp_matches({anywhere}, ?) OR {quoted}",
        [f"{_BREAKS}|{_CONTROLS}"],
    ).fetchone()[0]:
        return []
    problems = []
    for name in names:
        cur.execute(
            f'UPDATE raw SET "{name}" = substr("{name}", 2) WHERE regexp_matches("{name}", ?)',
            [_QUOTED_FORMULA],
        )
        bad = cur.execute(
            f"""SELECT line, ascii(regexp_extract("{name}", ?)) FROM raw
                WHERE regexp_matches("{name}", ?) ORDER BY line LIMIT {MAX_PROBLEMS}""",
            [_CONTROLS, _CONTROLS],
        ).fetchall()
        problems += [
            Problem(file_name, line, titles[name], f"U+{code:04X}", "control_character") for line, code in bad
        ]
        broken = cur.execute(
            f'SELECT min(line), count(*) FROM raw WHERE regexp_matches("{name}", ?)', [_BREAKS]
        ).fetchone()
        if broken[1]:
            cur.execute(f"UPDATE raw SET \"{name}\" = regexp_replace(\"{name}\", ?, ' ', 'g')", [_BREAKS])
            problems.append(
                Problem(file_name, broken[0], titles[name], str(broken[1]), "line_break_cleaned", "warning")
            )
    return problems


@contextmanager
def _paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while millions of short-lived lists are made.

    They hold only strings, so there are no cycles to find, but each collection would walk
    every live chunk: with it running, reading a million rows took three times as long.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _insert_chunk(cur, names: list[str], numbers: list[int], picked: list[tuple[str, ...]]) -> None:
    columns = list(zip(*picked, strict=True))
    batch = pa.table(
        {"line": pa.array(numbers, pa.int32())}
        | {n: pa.array(columns[i], pa.string()) for i, n in enumerate(names)}
    )
    cur.register("chunk_in", batch)
    cur.execute("INSERT INTO raw SELECT * FROM chunk_in")
    cur.unregister("chunk_in")


def _type_columns(
    cur, kind: str, present: Iterable[str], units: dict[str, str], today: dt.date, progress: Progress
) -> None:
    """Build ``typed`` from ``raw`` and ``cell_problems`` (line, field, value, reason).

    ``typed`` has every field of the model: a column the file leaves out takes its default.
    """
    selects, joins, problem_parts = [], [], []
    columns = [c for c in columns_of(kind) if c.name in present]
    selects += [f'{default_sql(c)} AS "{c.name}"' for c in columns_of(kind) if c.name not in present]
    for number, column in enumerate(columns):
        cell = f'r."{column.name}"'
        yuan = units.get(column.name) == "yuan"
        fast = fast_sql(column, cell, today=today, yuan=yuan)
        fast_or_null = fast or f"CAST(NULL AS {column.sql_type})"
        pending = cur.execute(
            f"SELECT DISTINCT {cell} FROM raw r WHERE {cell} <> '' AND ({fast_or_null}) IS NULL"
        ).fetchall()
        lookup = f"lk{number}"
        cur.register(f"{lookup}_in", parse_cells(kind, column, [p[0] for p in pending], yuan=yuan))
        cur.execute(f"CREATE OR REPLACE TEMP TABLE {lookup} AS SELECT * FROM {lookup}_in")
        cur.unregister(f"{lookup}_in")
        joins.append(f"LEFT JOIN {lookup} ON {lookup}.raw = {cell}")
        selects.append(
            f"""CASE WHEN {cell} IS NULL OR {cell} = '' THEN {default_sql(column)}
                ELSE coalesce({fast_or_null}, {lookup}.val) END AS "{column.name}" """
        )
        problem_parts.append(
            f"""SELECT r.line, '{column.name}' AS field, {cell} AS value, {lookup}.reason AS reason
                FROM raw r JOIN {lookup} ON {lookup}.raw = {cell} WHERE {lookup}.reason IS NOT NULL"""
        )
        if column.required:
            problem_parts.append(
                f"""SELECT line, '{column.name}', '', 'required' FROM raw r
                    WHERE {cell} IS NULL OR {cell} = ''"""
            )
        progress("checking", 0.8 * (number + 1) / len(columns))
    selected, joined = ", ".join(selects), " ".join(joins)
    cur.execute(f"CREATE OR REPLACE TEMP TABLE typed AS SELECT r.line, {selected} FROM raw r {joined}")
    cur.execute(f"CREATE OR REPLACE TEMP TABLE cell_problems AS {' UNION ALL '.join(problem_parts)}")


def _fetch_problems(cur, kind: str, titles: dict[str, str], file_name: str, today: dt.date) -> list[Problem]:
    """Cell problems, then rules, duplicates and conflicts on rows whose cells are all valid."""
    cur.execute(
        """CREATE OR REPLACE TEMP VIEW valid AS
           SELECT * FROM typed WHERE line NOT IN (SELECT line FROM cell_problems)"""
    )
    order = {name: i for i, name in enumerate(titles)}
    found = [
        (line, name, value, reason, "error")
        for line, name, value, reason in cur.execute(
            f"SELECT line, field, value, reason FROM cell_problems ORDER BY line LIMIT {MAX_PROBLEMS + 1}"
        ).fetchall()
    ]
    found += _rule_problems(cur, kind, titles, today)
    found += _duplicate_problems(cur, kind)
    found += _conflict_problems(cur, kind)
    found += _credit_warnings(cur, kind, titles)
    found.sort(key=lambda p: (p[0], order.get(p[1], len(order))))
    # The header as written in the file; the model's title for a field the file lacks.
    names = {c.name: c.title for c in columns_of(kind)} | titles
    return [
        Problem(file_name, line, names.get(name, name), value, reason, severity, _allowed(kind, name, reason))
        for line, name, value, reason, severity in found
    ]


def _allowed(kind: str, name: str, reason: str) -> tuple[str, ...]:
    """The values an enumeration takes, for the message of an unknown one."""
    if reason != "enum_unknown" or name not in KINDS[kind].model_fields:
        return ()
    return column_format(KINDS[kind], name).allowed


def _rule_problems(cur, kind: str, titles: dict[str, str], today: dt.date) -> list[tuple]:
    """Rows breaking a model rule, with the cell as written in the column the rule names."""
    found = []
    for rule in KINDS[kind].rules:
        bad = rule.bad.replace("$today", f"DATE '{today.isoformat()}'")
        value = f"coalesce(r.\"{rule.column}\", '')" if rule.column in titles else "''"
        found += [
            (line, rule.column, text, rule.reason, "error")
            for line, text in cur.execute(
                f"""SELECT line, {value} FROM (SELECT line FROM valid WHERE {bad}) JOIN raw r USING (line)
                    ORDER BY line LIMIT {MAX_PROBLEMS}"""
            ).fetchall()
        ]
    return found


def _duplicate_problems(cur, kind: str) -> list[tuple]:
    """Rows repeating an earlier row's key (``row_key``): each names the row it repeats."""
    key = ", ".join(f'"{k}"' for k in SPECS[kind].row_key)
    rows = cur.execute(
        f"""SELECT line, first FROM (SELECT line, min(line) OVER (PARTITION BY {key}) AS first FROM valid)
            WHERE line > first ORDER BY line LIMIT {MAX_PROBLEMS}"""
    ).fetchall()
    return [(line, SPECS[kind].row_key[0], str(first), "duplicate_in_file", "error") for line, first in rows]


# Attributes every row of one filing must repeat identically (a filing has one row per output year).
FILING_ATTRIBUTES = ("product_name", "enterprise_code", "filing_date", "industry", "patent_intensive")


def _conflict_problems(cur, kind: str) -> list[tuple]:
    if kind != "filings":
        return []
    packed = "struct_pack(" + ", ".join(f"{a} := {a}" for a in FILING_ATTRIBUTES) + ")"
    rows = cur.execute(
        f"""WITH first AS (SELECT filing_no, arg_min({packed}, line) AS attrs FROM valid GROUP BY filing_no)
            SELECT v.line, v.filing_no FROM valid v JOIN first f USING (filing_no)
            WHERE {packed} IS DISTINCT FROM f.attrs ORDER BY v.line
            LIMIT {MAX_PROBLEMS}"""
    ).fetchall()
    return [(line, "filing_no", no, "conflicting_rows", "error") for line, no in rows]


def _credit_warnings(cur, kind: str, titles: dict[str, str]) -> list[tuple]:
    """A credit code whose check character fails is loaded, with a warning on its row."""
    found = []
    for column in columns_of(kind):
        if column.fmt.kind not in CREDIT_FORMATS or column.name not in titles:
            continue
        codes = f'unnest("{column.name}")' if column.fmt.kind == "credit_codes" else f'"{column.name}"'
        pairs = f"SELECT line, {codes} AS code FROM valid"
        query = f"SELECT DISTINCT code FROM ({pairs}) WHERE code IS NOT NULL"
        distinct = [c for (c,) in cur.execute(query).fetchall()]
        failing = [c for c in distinct if not credit_check_ok(c)]
        if not failing:
            continue
        cur.register("failing_in", pa.table({"code": pa.array(failing, pa.string())}))
        found += [
            (line, column.name, code, "credit_code_check", "warning")
            for line, code in cur.execute(
                f"""SELECT line, code FROM ({pairs}) WHERE code IN (SELECT code FROM failing_in)
                    ORDER BY line LIMIT {MAX_PROBLEMS}"""
            ).fetchall()
        ]
        cur.unregister("failing_in")
    return found


def _bounded(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PROBLEMS problems, and a last one saying how many more were found."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem(problems[0].file, None, None, str(rest), "more_problems")]
