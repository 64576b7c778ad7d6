"""Department reporting (部门填报): each responsible department enters its own indicators for
a quarter the office opened, and the office accepts or returns them.

Where things live, and why:

* Drafts, submissions, reviews and their log are in the accounts file (SQLite, see
  ``data_layer.accounts``): a reporter saves often, and a write there neither publishes a data
  generation nor drops every viewer's cached pages.
* A value reaches the figures only when the office accepts it: ``review`` imports the
  department's submitted values through ``ingest.import_bytes`` as one indicators batch (the
  same checks, undo and figure record as an uploaded file). The measures page, the overview and
  the deck read ``indicators`` only, so a draft, a submission or a returned value never counts.
* Versions: every accepted value and every uploaded file is a batch; ``versions`` lists an
  indicator's values batch by batch (the rows replaced are kept in ``history_indicators``), with
  who entered and accepted each and the reason given for a correction.

Who may do what is checked here, in every function the pages call, not only in the pages: a
reporter (role ``reporter``) reads and writes the indicators of the departments bound to the
account only; the office (``staff``, ``admin``) opens periods, reviews and reads everything.
The departments are those the indicators data names (``departments``): the office binds
accounts to them (``users.add_user(..., departments=...)``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from dataclasses import dataclass, replace

import pandas as pd

from . import audit
from .accounts import parse, stamp
from .db import Database
from .errors import DashboardError
from .i18n import t
from .ingest import import_bytes
from .measure_progress import PERCENT
from .problems import ImportRejected
from .users import OFFICE_ROLES, User, add_user

STATUSES = ("draft", "submitted", "returned", "accepted")
# A department's or a measure's state on the board, least advanced first.
STATES = ("late", "not_yet", "returned", "submitted", "accepted")
QUARTER_FORMAT = "{year}Q{quarter}"


class ReportingError(DashboardError):
    """A reporting action was refused; ``code`` is an ``i18n`` key ``reporting.*``."""

    section = "reporting"


@dataclass(frozen=True)
class Period:
    quarter: str
    due: dt.date
    opened_by: str
    opened_at: dt.datetime

    def late_at(self, moment: dt.datetime) -> bool:
        """Whether something done at ``moment`` is after the due date (which is a whole day)."""
        return moment.date() > self.due


@dataclass(frozen=True)
class Field:
    """One indicator a department reports for the period, with what the form shows beside it."""

    measure: int
    measure_name_zh: str
    measure_name_en: str
    indicator: str
    department: str
    unit: str
    target: float | None
    baseline: float | None
    last_quarter: str | None
    last_value: float | None
    value: float | None  # the department's entry (draft, submitted, returned or accepted)
    note: str
    reason: str
    status: str | None  # None: nothing entered yet
    comment: str  # the office's, when returned
    updated_by: str
    updated_at: dt.datetime | None
    submitted_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    counted: float | None  # the value the figures count for this quarter now (indicators)

    @property
    def cumulative(self) -> bool:
        """Counts and amounts are reported cumulatively from the plan's start; a percentage is not."""
        return self.unit != PERCENT


@dataclass(frozen=True)
class Entry:
    """What a reporter typed for one indicator."""

    measure: int
    indicator: str
    value: float | None
    note: str = ""
    reason: str = ""  # why a cumulative value fell, or why an accepted value is corrected


@dataclass(frozen=True)
class Board:
    """Where a period's reporting stands: per department and per measure."""

    period: Period
    departments: pd.DataFrame  # department, state, late, fields, done, date
    measures: pd.DataFrame  # measure, measure_name_zh, measure_name_en, departments, state, late, date

    def to_remind(self) -> pd.DataFrame:
        """The departments still to report (not yet, late or returned), with their indicators."""
        return self.departments[self.departments["state"].isin(("late", "not_yet", "returned"))]


# --- accounts and departments -----------------------------------------------------------------


def departments(db: Database) -> list[str]:
    """Every department the indicators data names (as of its latest report of each indicator)."""
    rows = db.rows(
        """SELECT DISTINCT department FROM (
               SELECT arg_max(department, quarter) AS department FROM indicators GROUP BY measure, indicator)
           ORDER BY department"""
    )
    return [d for (d,) in rows]


def departments_of(db: Database, actor: User) -> list[str]:
    """The departments ``actor`` reports for: its bound ones, or every one for the office."""
    if actor.role in OFFICE_ROLES:
        return departments(db)
    rows = db.accounts.rows(
        "SELECT department FROM user_departments WHERE username = ? ORDER BY department", [actor.username]
    )
    return [d for (d,) in rows]


def bind(db: Database, actor: User, username: str, chosen: list[str]) -> None:
    """Bind reporter ``username`` to the departments ``chosen`` (replacing its earlier ones)."""
    _office(actor)
    _known(db, chosen)
    with db.accounts.write() as con:
        con.execute("DELETE FROM user_departments WHERE username = ?", [username])
        con.executemany("INSERT INTO user_departments VALUES (?, ?)", [(username, d) for d in chosen])
    audit.record(db, "reporter_departments", f"{username}: {'、'.join(chosen)}", user=actor.username)


def add_reporter(
    db: Database, actor: User, username: str, password: str, chosen: list[str], display_name: str = ""
) -> User:
    """Create a reporter account bound to the departments ``chosen`` (office only)."""
    _office(actor)
    _known(db, chosen)
    user = add_user(db, username, password, role="reporter", display_name=display_name)
    bind(db, actor, user.username, chosen)
    return user


def reporters(db: Database, actor: User) -> pd.DataFrame:
    """The reporter accounts: name, display name, active, departments (office only)."""
    _office(actor)
    rows = db.accounts.rows(
        """SELECT u.username, u.display_name, u.active, group_concat(d.department, '、')
           FROM users u LEFT JOIN user_departments d ON d.username = u.username
           WHERE u.role = 'reporter' GROUP BY u.username ORDER BY u.username"""
    )
    return pd.DataFrame(
        [(u, n, bool(a), d or "") for u, n, a, d in rows],
        columns=["username", "display_name", "active", "departments"],
    )


def _known(db: Database, chosen: list[str]) -> None:
    unknown = sorted(set(chosen) - set(departments(db)))
    if unknown:
        raise ReportingError("department_unknown", department="、".join(unknown))
    if not chosen:
        raise ReportingError("no_department")


def _office(actor: User) -> None:
    if actor.role not in OFFICE_ROLES:
        raise ReportingError("office_only")


def _may(db: Database, actor: User, department: str) -> None:
    if department not in departments_of(db, actor):
        raise ReportingError("not_yours", department=department)


# --- periods ---------------------------------------------------------------------------------


def open_period(db: Database, actor: User, quarter: str, due: dt.date) -> Period:
    """Open ``quarter`` (``2026Q3``) for reporting until ``due``; again: move its due date."""
    _office(actor)
    year, _, number = quarter.partition("Q")
    if not (year.isdigit() and number in ("1", "2", "3", "4")):
        raise ReportingError("quarter_invalid", quarter=quarter)
    now = dt.datetime.now()
    with db.accounts.write() as con:
        con.execute(
            """INSERT INTO report_periods VALUES (?, ?, ?, ?)
               ON CONFLICT (quarter) DO UPDATE SET due_date = excluded.due_date""",
            [quarter, due.isoformat(), actor.username, stamp(now)],
        )
    audit.record(db, "reporting_open", f"{quarter} (due {due})", user=actor.username)
    return period(db, quarter)


def periods(db: Database) -> list[Period]:
    """The periods opened, newest first."""
    rows = db.accounts.rows("SELECT * FROM report_periods ORDER BY quarter DESC")
    return [Period(q, dt.date.fromisoformat(d), by, parse(at)) for q, d, by, at in rows]


def period(db: Database, quarter: str) -> Period:
    found = [p for p in periods(db) if p.quarter == quarter]
    if not found:
        raise ReportingError("period_unknown", quarter=quarter)
    return found[0]


# --- the form --------------------------------------------------------------------------------

# The indicators a period asks for: each one the data knows up to the quarter, with its
# department, unit and target as last reported, and its value in the quarter before.
_CATALOGUE = """
    WITH known AS (
        SELECT measure, indicator, arg_max(department, quarter) AS department,
               arg_max(unit, quarter) AS unit, arg_max(target, quarter) AS target,
               arg_max(baseline, quarter) FILTER (WHERE baseline IS NOT NULL) AS baseline
        FROM indicators WHERE quarter <= $quarter GROUP BY ALL),
    before AS (
        SELECT measure, indicator, max(quarter) AS last_quarter, arg_max(value, quarter) AS last_value
        FROM indicators WHERE quarter < $quarter GROUP BY ALL),
    counted AS (SELECT measure, indicator, value AS counted FROM indicators WHERE quarter = $quarter)
    SELECT k.measure, m.name_zh, m.name_en, k.indicator, k.department, k.unit, k.target, k.baseline,
           b.last_quarter, b.last_value, c.counted
    FROM known k JOIN measures m ON m.measure = k.measure
    LEFT JOIN before b ON b.measure = k.measure AND b.indicator = k.indicator
    LEFT JOIN counted c ON c.measure = k.measure AND c.indicator = k.indicator
    ORDER BY k.measure, k.indicator"""


def form(db: Database, actor: User, quarter: str, department: str) -> list[Field]:
    """The indicators ``department`` reports for ``quarter``, with its entries so far."""
    _may(db, actor, department)
    period(db, quarter)
    return [f for f in _fields(db, quarter) if f.department == department]


def _fields(db: Database, quarter: str) -> list[Field]:
    entries = {
        (m, i): row
        for m, i, *row in db.accounts.rows(
            """SELECT measure, indicator, value, note, reason, status, comment, updated_by, updated_at,
                      submitted_at, reviewed_at
               FROM report_values WHERE quarter = ?""",
            [quarter],
        )
    }
    fields = []
    for r in db.rows(_CATALOGUE, {"quarter": quarter}):
        measure, name_zh, name_en, indicator, department, unit, target, baseline, last_q, last_v, counted = r
        value, note, reason, status, comment, by, updated, submitted, reviewed = entries.get(
            (measure, indicator), (None, "", "", None, "", "", None, None, None)
        )
        fields.append(
            Field(
                int(measure),
                name_zh,
                name_en,
                indicator,
                department,
                unit,
                _num(target),
                _num(baseline),
                last_q,
                _num(last_v),
                _num(value),
                note or "",
                reason or "",
                status,
                comment or "",
                by or "",
                *(parse(t) if t else None for t in (updated, submitted, reviewed)),
                _num(counted),
            )
        )
    return fields


def _num(value) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


# --- entering and submitting -----------------------------------------------------------------


def save(
    db: Database,
    actor: User,
    quarter: str,
    department: str,
    entries: list[Entry],
    *,
    submit: bool = False,
    now: dt.datetime | None = None,
) -> list[Field]:
    """Save ``department``'s entries for ``quarter`` as a draft, or submit them all.

    Each value is checked as an indicators file's would be (a number, a percentage within
    0-100, not negative); a cumulative value below last quarter's, or a change to an accepted
    value, needs a reason. A submission needs every indicator of the department and runs the
    import's own checks on them (without loading anything). Submitted values wait for the
    office; they can be changed again once returned, and corrected (with a reason) once accepted.
    """
    now = now or dt.datetime.now()
    fields = {(f.measure, f.indicator): f for f in form(db, actor, quarter, department)}
    given = {(e.measure, e.indicator): e for e in entries}
    for key in given:
        if key not in fields:
            raise ReportingError("not_yours", department=department)
    merged = {key: _merged(field, given.get(key)) for key, field in fields.items()}
    changed = {k: e for k, e in given.items() if _changes(fields[k], e)}
    for key in changed:
        if fields[key].status == "submitted":
            raise ReportingError("already_submitted", indicator=fields[key].indicator)
    waiting = [k for k, f in fields.items() if f.status != "accepted" or k in changed] if submit else []
    for key in {*changed, *waiting}:
        _check(fields[key], merged[key])
    if submit:
        missing = [fields[k].indicator for k in waiting if merged[k].value is None]
        if missing:
            raise ReportingError("value_missing", indicator="、".join(missing))
        _dry_run(
            db, quarter, [replace(fields[k], value=merged[k].value, note=merged[k].note) for k in waiting]
        )
    with db.accounts.write() as con:
        for key, entry in changed.items():
            field = fields[key]
            status = "draft"
            con.execute(
                """INSERT INTO report_values (quarter, measure, indicator, department, unit, value, note,
                       reason, status, comment, updated_by, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)
                   ON CONFLICT (quarter, measure, indicator) DO UPDATE SET value = excluded.value,
                       note = excluded.note, reason = excluded.reason, status = excluded.status,
                       updated_by = excluded.updated_by, updated_at = excluded.updated_at""",
                [
                    *(quarter, *key, department, field.unit, entry.value, entry.note, entry.reason, status),
                    *(actor.username, stamp(now)),
                ],
            )
            _log(con, quarter, key, department, "save", actor, now, entry.value, entry.reason)
        for key in waiting:
            field = fields[key]
            if field.status == "submitted":
                continue  # already waiting for the office
            con.execute(
                """UPDATE report_values SET status = 'submitted', submitted_at = ?, updated_by = ?
                   WHERE quarter = ? AND measure = ? AND indicator = ?""",
                [stamp(now), actor.username, quarter, *key],
            )
            _log(con, quarter, key, department, "submit", actor, now, merged[key].value, merged[key].reason)
    if changed or waiting:
        audit.record(db, "reporting_submit" if submit else "reporting_save", f"{quarter} {department}")
    return form(db, actor, quarter, department)


def _merged(field: Field, entry: Entry | None) -> Entry:
    if entry is None:
        return Entry(field.measure, field.indicator, field.value, field.note, field.reason)
    return entry


def _changes(field: Field, entry: Entry) -> bool:
    return (entry.value, entry.note.strip(), entry.reason.strip()) != (field.value, field.note, field.reason)


def _check(field: Field, entry: Entry) -> None:
    """One value, as the import checks an indicators row, and what needs a reason."""
    value, name = entry.value, field.indicator
    if value is None:
        return
    if not math.isfinite(value):
        raise ReportingError("not_a_number", indicator=name)
    if value < 0:
        raise ReportingError("negative", indicator=name)
    if field.unit == PERCENT and value > 100:
        raise ReportingError("percent_range", indicator=name)
    falls = field.cumulative and field.last_value is not None and value < field.last_value
    if falls and not entry.reason.strip():
        raise ReportingError(
            "falls_needs_reason",
            indicator=name,
            last_quarter=field.last_quarter,
            last_value=f"{field.last_value:g} {field.unit}",
        )
    corrected = field.status == "accepted" and value != field.value
    if corrected and not entry.reason.strip():
        raise ReportingError("correction_needs_reason", indicator=name)


def _dry_run(db: Database, quarter: str, fields: list[Field]) -> None:
    """The import's own checks on the values to submit, nothing loaded."""
    try:
        import_bytes(
            db, _csv(quarter, fields), _file_name(quarter, fields), "indicators", user="", dry_run=True
        )
    except ImportRejected as exc:
        first = next(p for p in exc.problems if p.severity == "error")
        raise ReportingError("import_check", reason=first.message("zh"), column=first.column or "") from exc


HEADER = ["措施编号", "指标名称", "季度", "单位", "数值", "目标值", "责任单位", "进展说明", "基线值"]


def _csv(quarter: str, fields: list[Field]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for f in fields:
        writer.writerow(
            [
                *(f.measure, f.indicator, quarter, f.unit, _text(f.value), _text(f.target), f.department),
                *(f.note, _text(f.baseline)),
            ]
        )
    return out.getvalue().encode("utf-8")


def _text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _file_name(quarter: str, fields: list[Field]) -> str:
    return f"部门填报-{quarter}-{fields[0].department if fields else ''}.csv"


def _log(con, quarter, key, department, action, actor: User, now, value, text) -> None:
    con.execute(
        "INSERT INTO report_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",  # no batch: not counted yet
        [quarter, *key, department, action, actor.username, stamp(now), value, text or ""],
    )


# --- review -------------------------------------------------------------------------------------


def review(
    db: Database,
    actor: User,
    quarter: str,
    department: str,
    *,
    accept: bool,
    comment: str = "",
    now: dt.datetime | None = None,
) -> int | None:
    """Accept ``department``'s submitted values (they are imported as one batch, whose id is
    returned) or return them with ``comment``, which the reporter sees."""
    _office(actor)
    now = now or dt.datetime.now()
    submitted = [f for f in _fields(db, quarter) if f.department == department and f.status == "submitted"]
    if not submitted:
        raise ReportingError("nothing_submitted", department=department)
    batch_id = None
    if accept:
        result = import_bytes(
            db, _csv(quarter, submitted), _file_name(quarter, submitted), "indicators", user=actor.username
        )
        batch_id = result.batch_id
    elif not comment.strip():
        raise ReportingError("comment_needed")
    status, action = ("accepted", "accept") if accept else ("returned", "return")
    with db.accounts.write() as con:
        for f in submitted:
            key = (f.measure, f.indicator)
            con.execute(
                """UPDATE report_values SET status = ?, comment = ?, reviewed_at = ?, reviewed_by = ?
                   WHERE quarter = ? AND measure = ? AND indicator = ?""",
                [status, comment.strip(), stamp(now), actor.username, quarter, *key],
            )
            con.execute(
                "INSERT INTO report_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    *(quarter, *key, department, action, actor.username, stamp(now), f.value),
                    *(comment.strip() or f.reason, batch_id),
                ],
            )
    audit.record(db, f"reporting_{action}", f"{quarter} {department}", user=actor.username)
    return batch_id


# --- the board and the reminder ------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """What leaders read of the newest period: how many departments are in each state."""

    period: Period
    counts: dict[str, int]  # state -> departments

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def summary(db: Database, today: dt.date) -> Summary | None:
    """The newest period's departments by state (counts only: no values), or None."""
    opened = periods(db)
    if not opened:
        return None
    states = _board(db, opened[0].quarter, today).departments["state"]
    return Summary(opened[0], {s: int((states == s).sum()) for s in STATES})


def board(db: Database, actor: User, quarter: str, today: dt.date) -> Board:
    """Each department's and each measure's state for ``quarter`` on ``today`` (office only)."""
    _office(actor)
    return _board(db, quarter, today)


def _board(db: Database, quarter: str, today: dt.date) -> Board:
    chosen = period(db, quarter)
    fields = pd.DataFrame([f.__dict__ for f in _fields(db, quarter)])
    if fields.empty:
        empty = pd.DataFrame(columns=["department", "state", "late", "fields", "done", "date", "indicators"])
        return Board(chosen, empty, pd.DataFrame(columns=["measure", "state", "late", "date"]))
    by_department = [
        {"department": d, **_state(g, chosen, today), "indicators": _listed(g)}
        for d, g in fields.groupby("department", sort=True)
    ]
    by_measure = [
        {
            "measure": int(m),
            "measure_name_zh": g["measure_name_zh"].iloc[0],
            "measure_name_en": g["measure_name_en"].iloc[0],
            "departments": "、".join(sorted(set(g["department"]))),
            **_state(g, chosen, today),
        }
        for m, g in fields.groupby("measure", sort=True)
    ]
    return Board(chosen, pd.DataFrame(by_department), pd.DataFrame(by_measure))


def _state(group: pd.DataFrame, chosen: Period, today: dt.date) -> dict:
    """The state of a group of fields: accepted when all are, returned when any is, submitted
    when all are in, else not yet (late after the due date); late also when submitted after it."""
    statuses = list(group["status"].fillna(""))
    submitted = [t for t in group["submitted_at"] if t is not None and not pd.isna(t)]
    if all(s == "accepted" for s in statuses):
        state = "accepted"
    elif "returned" in statuses:
        state = "returned"
    elif all(s in ("submitted", "accepted") for s in statuses):
        state = "submitted"
    else:
        state = "late" if today > chosen.due else "not_yet"
    late = state == "late" or any(chosen.late_at(pd.Timestamp(t).to_pydatetime()) for t in submitted)
    moments = [
        t
        for c in ("reviewed_at", "submitted_at", "updated_at")
        for t in group[c]
        if t is not None and not pd.isna(t)
    ]
    date = max(pd.Timestamp(t) for t in moments).date() if moments else None
    done = sum(s in ("submitted", "accepted") for s in statuses)
    return {"state": state, "late": late, "fields": len(statuses), "done": done, "date": date}


def _listed(group: pd.DataFrame) -> tuple[tuple[int, str], ...]:
    return tuple(zip(group["measure"].astype(int), group["indicator"], strict=True))


def listed(indicators: tuple[tuple[int, str], ...], lang: str = "zh") -> str:
    """A department's indicators as one line of text: "措施1 高校院所专利转让许可数；…"."""
    return t("reporting.list_sep", lang).join(
        t("reporting.listed", lang, measure=m, indicator=i) for m, i in indicators
    )


def reminder_text(chosen: Board, lang: str = "zh") -> str:
    """The message to paste into a group chat: the departments still to report, their
    indicators and the due date."""
    rows = chosen.to_remind()
    quarter, due = chosen.period.quarter, chosen.period.due.isoformat()
    if rows.empty:
        return t("reporting.remind.none", lang, quarter=quarter)
    lines = [t("reporting.remind.head", lang, quarter=quarter, due=due, count=len(rows))]
    for n, r in enumerate(rows.itertuples(), start=1):
        state = t(f"reporting.state.{r.state}", lang)
        lines.append(
            t(
                "reporting.remind.line",
                lang,
                n=n,
                department=r.department,
                state=state,
                indicators=listed(r.indicators, lang),
            )
        )
    lines.append(t("reporting.remind.tail", lang, due=due))
    return "\n".join(lines)


def reminder_table(chosen: Board, lang: str = "zh") -> pd.DataFrame:
    """The same list as a table (for the XLSX download)."""
    rows = chosen.to_remind()
    return pd.DataFrame(
        {
            t("reporting.col.department", lang): rows["department"],
            t("reporting.col.state", lang): [t(f"reporting.state.{s}", lang) for s in rows["state"]],
            t("reporting.col.indicators", lang): [listed(i, lang) for i in rows["indicators"]],
            t("reporting.col.due", lang): chosen.period.due.isoformat(),
        }
    )


# --- versions ------------------------------------------------------------------------------------

_VERSIONS = """
    SELECT v.indicator, v.quarter, v.value, v.unit, v.note, v.batch_id, i.file_name, i.user_name,
           i.finished_at, v.replaced_by IS NULL AS current
    FROM (SELECT *, NULL::BIGINT AS replaced_by FROM indicators WHERE measure = $measure
          UNION ALL BY NAME
          SELECT * FROM history_indicators WHERE measure = $measure) v
    LEFT JOIN imports i ON i.batch_id = v.batch_id
    ORDER BY v.indicator, v.quarter, i.finished_at, v.batch_id"""


def versions(db: Database, measure: int) -> pd.DataFrame:
    """Every value ``measure``'s indicators have had, batch by batch (a file or an acceptance),
    with who entered and submitted an accepted one and the reason given."""
    rows = db.query(_VERSIONS, {"measure": int(measure)})
    accepted = db.accounts.rows(
        """SELECT a.batch_id, a.indicator, a.text,
                  (SELECT s.username FROM report_log s WHERE s.quarter = a.quarter AND s.measure = a.measure
                   AND s.indicator = a.indicator AND s.action = 'submit' AND s.happened_at <= a.happened_at
                   ORDER BY s.happened_at DESC LIMIT 1)
           FROM report_log a WHERE a.action = 'accept' AND a.measure = ?""",
        [int(measure)],
    )
    found = {(batch, indicator): (text, who or "") for batch, indicator, text, who in accepted}
    keys = list(zip(rows["batch_id"], rows["indicator"], strict=True))
    rows["reason"] = [found.get(k, ("", ""))[0] for k in keys]
    rows["submitted_by"] = [found.get(k, ("", ""))[1] for k in keys]
    return rows
