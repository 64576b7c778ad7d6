"""Progress of the twelve measures: department-reported indicators judged per quarter, and
the figures the patent, filing and contract data compute for the measures they speak for.

An indicator's quarter is judged against the plan's path, not against the end target alone
(the status words are those of ``statuses``; every indicator departments report is a count,
an amount or a rate, so higher is better throughout):

* before the plan period's deadline: ``met`` when the value has reached the end target
  (目标值), ``on_track`` when it has reached the path, ``behind`` when it is short of it. The
  path runs through the plan's start at the baseline, each quarter milestone (阶段目标) the
  department set, and the end target at the deadline, straight between them: a quarter with
  its own milestone is judged against exactly that;
* the quarter holding the deadline and later ones: ``met``, or ``met_late`` when the deadline's
  quarter was short of the target, else ``missed``;
* ``no_target``: the row has neither a target nor a milestone.

The baseline is the indicator's 基线值 where given; otherwise 0 for counts and amounts (the
departments report them cumulatively from the plan's start) and, for a percentage, its first
reported value (the path starts at that quarter). The import reports rows judged on such an
assumed baseline. The plan period of a quarter is the one whose dates hold the quarter's last
day (after the last deadline, the latest period).

Status of a measure in a quarter is the worst judged status of its indicators that quarter
(``statuses.WORST_FIRST``): a measure is met only when every judged indicator is. Only
``no_target`` rows make it ``no_target``; no row makes it ``no_data``. Quarters run from the
plan's first quarter (or the first reported one, if earlier) to the last quarter that has
ended on ``as_of``; rows for later quarters are left out. Indicators are city-wide department
reports: county, institution kind and patent type do not narrow them.

Computed figures (``computed_figures``) respect ``as_of``, the county and, where a patent
has one, the patent type; counts of events run from the start of the plan period in force
(``plan_start``) to ``as_of``, like the departments' cumulative indicators.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .db import Database
from .kpis import RESEARCH_KINDS, filing_counts, industrialization, plan_periods, plan_start
from .models import KIND_OF_APP_NO
from .scope import Scope
from .statuses import WORST_FIRST

SOE_KINDS = ("city_soe",)
# Statuses a measure's quarter is counted by in the grid's hover (each indicator has one).
COUNTED = ("met", "met_late", "on_track", "behind", "missed", "no_target")
PERCENT = "%"

# Figures computed from the data, per measure: (figure, unit). Labels and formulas are in
# i18n as ui.measures.fig.<figure> and ui.measures.fig.<figure>.help.
FIGURES: dict[int, tuple[tuple[str, str], ...]] = {
    1: (("academic_rate", "%"), ("academic_deals", "件")),
    2: (("soe_rate", "%"), ("soe_industrialized", "件")),
    4: (("filed_products", "件"), ("filing_enterprises", "家")),
    6: (("local_licensed", "件"), ("local_transferred", "件")),
    12: (("pledges", "件"), ("pledge_amount", "万元"), ("pledge_enterprises", "家")),
}
# Figures the patent-type filter narrows (the others have no single patent type: a rate
# from the shared K4 function, a product filing that may link patents of several types).
PATENT_TYPE_FIGURES = frozenset(
    {
        "academic_deals",
        "local_licensed",
        "local_transferred",
        "pledges",
        "pledge_amount",
        "pledge_enterprises",
    }
)


# --- quarters --------------------------------------------------------------------------------


def quarter_of(day: dt.date) -> str:
    """The quarter label (``2025Q3``) a date falls in."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


@functools.lru_cache(maxsize=256)
def quarter_end(quarter: str) -> dt.date:
    """Last day of a quarter label."""
    return pd.Period(quarter, freq="Q").end_time.date()


def last_ended_quarter(as_of: dt.date) -> str:
    """The latest quarter whose last day is on or before ``as_of``."""
    current = pd.Period(as_of, freq="Q")
    return str(current if current.end_time.date() <= as_of else current - 1)


def quarter_range(first: str, last: str) -> list[str]:
    """Quarter labels from ``first`` to ``last`` inclusive (empty when first > last)."""
    if first > last:
        return []
    return [str(q) for q in pd.period_range(first, last, freq="Q")]


def quarters_shown(db: Database, as_of: dt.date) -> list[str]:
    """The page's quarter columns: plan start (or first reported quarter) to the last ended one."""
    first_reported = db.scalar("SELECT min(quarter) FROM indicators")
    first = quarter_of(plan_start(db, as_of))
    if first_reported is not None:
        first = min(first, first_reported)
    return quarter_range(first, last_ended_quarter(as_of))


def period_for(day: dt.date, periods: list[tuple[dt.date, dt.date]]) -> tuple[dt.date, dt.date]:
    """The plan period holding ``day``; after every deadline the latest, before all the first."""
    holding = [p for p in periods if p[0] <= day <= p[1]]
    if holding:
        return max(holding)
    ended = [p for p in periods if p[1] < day]
    return max(ended, key=lambda p: p[1]) if ended else min(periods)


def deadline_quarters(db: Database, quarters: list[str]) -> list[str]:
    """The quarters among ``quarters`` that hold a plan period's deadline (marked on the grid)."""
    held = {quarter_of(deadline) for _, deadline in plan_periods(db)}
    return [q for q in quarters if q in held]


# --- judging department-reported indicators --------------------------------------------------


def judge(rows: pd.DataFrame, periods: list[tuple[dt.date, dt.date]]) -> pd.DataFrame:
    """``rows`` (indicator rows) with the plan path and status of each quarter.

    Adds ``deadline`` (of the quarter's plan period), ``expected`` (the value the quarter is
    judged against: milestone, path or end target) and ``status``; see the module docstring.
    Plain lists per indicator rather than frames: a department's file has thousands of rows.
    """
    out = rows.copy()
    ends = [quarter_end(q) for q in out["quarter"]]
    chosen = [period_for(day, periods) for day in ends]
    columns = {
        name: out[name].tolist() for name in ("quarter", "unit", "value", "target", "milestone", "baseline")
    }
    reports = [_Report(i, ends[i], *(columns[c][i] for c in columns)) for i in range(len(out))]
    groups: dict[tuple, list[_Report]] = {}
    for report, key in zip(reports, zip(out["measure"], out["indicator"], chosen, strict=True), strict=True):
        groups.setdefault(key, []).append(report)
    expected, status = [math.nan] * len(out), ["no_target"] * len(out)
    for (_, _, period), group in groups.items():
        for report, value, verdict in _judge_group(sorted(group, key=lambda r: r.quarter), *period):
            expected[report.position], status[report.position] = value, verdict
    out["deadline"] = [p[1] for p in chosen]
    out["expected"] = pd.Series(expected, index=out.index, dtype="float64")
    out["status"] = status
    return out


@dataclass(frozen=True)
class _Report:
    """One indicator row as ``judge`` reads it (``position`` in the frame)."""

    position: int
    end: dt.date
    quarter: str
    unit: str
    value: float
    target: float
    milestone: float
    baseline: float


def _judge_group(group: list[_Report], start: dt.date, deadline: dt.date) -> list[tuple[_Report, float, str]]:
    """(row, expected value, status) for one indicator's rows in one plan period, by quarter."""
    origin = _origin(group, start)
    milestones = [(r.end, r.milestone) for r in group if _given(r.milestone) and origin[0] < r.end < deadline]
    deadline_quarter = quarter_of(deadline)
    short_at_deadline = any(
        r.quarter == deadline_quarter and _given(r.target) and r.value < r.target for r in group
    )
    judged = []
    for r in group:
        if r.end >= deadline and _given(r.target):
            late = short_at_deadline and r.quarter != deadline_quarter
            verdict = ("met_late" if late else "met") if r.value >= r.target else "missed"
            judged.append((r, r.target, verdict))
        elif _given(r.target) and r.value >= r.target:
            judged.append((r, r.target, "met"))
        elif _given(r.target) or _given(r.milestone):
            path = _path_value(r, origin, milestones, deadline)
            judged.append((r, path, "on_track" if r.value >= path else "behind"))
        else:
            judged.append((r, math.nan, "no_target"))
    return judged


def _given(number) -> bool:
    return number is not None and not math.isnan(number)


def _origin(group: list[_Report], start: dt.date) -> tuple[dt.date, float]:
    """Where the path starts: (the plan's start, 基线值), else (start, 0) for a count or an
    amount, else (the first reported quarter's end, its value) for a percentage."""
    given = [r.baseline for r in group if _given(r.baseline)]
    if given:
        return start, float(given[0])
    if PERCENT not in str(group[0].unit):
        return start, 0.0
    return group[0].end, float(group[0].value)


def _path_value(
    row: _Report, origin: tuple[dt.date, float], milestones: list[tuple[dt.date, float]], deadline: dt.date
) -> float:
    """The plan path's value at the row's quarter end: its own milestone, else interpolated."""
    if _given(row.milestone):
        return float(row.milestone)
    points = sorted([origin, *milestones, *([(deadline, row.target)] if _given(row.target) else [])])
    return float(np.interp(row.end.toordinal(), [d.toordinal() for d, _ in points], [v for _, v in points]))


def indicator_statuses(db: Database, *, as_of: dt.date) -> pd.DataFrame:
    """Every indicator row of a quarter ended by ``as_of``, judged (see ``judge``)."""
    rows = db.query(
        """SELECT measure, indicator, quarter, unit, value, target, milestone, baseline,
                  department, note
           FROM indicators WHERE quarter <= $last ORDER BY measure, indicator, quarter""",
        {"last": last_ended_quarter(as_of)},
    )
    return judge(rows, plan_periods(db))


def measure_statuses(
    db: Database,
    *,
    as_of: dt.date,
    quarters: list[str] | None = None,
    judged: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Status of each measure in each quarter (all twelve × ``quarters``), with indicator counts.

    ``reported`` counts the measure's indicator rows that quarter, ``known`` the indicators
    it has reported in any quarter shown; one column per status of ``COUNTED`` counts by status.
    """
    quarters = quarters_shown(db, as_of) if quarters is None else quarters
    judged = indicator_statuses(db, as_of=as_of) if judged is None else judged
    judged = judged[judged["quarter"].isin(quarters)]
    measures = [int(m) for m in db.query("SELECT measure FROM measures ORDER BY measure")["measure"]]
    counts = (
        judged.groupby(["measure", "quarter", "status"])
        .size()
        .unstack("status", fill_value=0)
        .reindex(columns=list(COUNTED), fill_value=0)
    )
    known = judged.groupby("measure")["indicator"].nunique()
    full = pd.MultiIndex.from_product([measures, quarters], names=["measure", "quarter"])
    grid = counts.reindex(full, fill_value=0).reset_index()
    grid["reported"] = grid[list(COUNTED)].sum(axis=1)
    grid["known"] = grid["measure"].map(known).fillna(0).astype(int)
    grid["status"] = [_worst(row) for row in grid[list(COUNTED)].itertuples(index=False)]
    return grid[["measure", "quarter", "status", "reported", "known", *COUNTED]]


def _worst(counts) -> str:
    """A measure's status from its indicators' counts by status (fields named as ``COUNTED``)."""
    for status in WORST_FIRST:
        if getattr(counts, status) > 0:
            return status
    return "no_target" if counts.no_target > 0 else "no_data"


def indicator_latest(judged: pd.DataFrame) -> pd.DataFrame:
    """Per indicator: its latest judged row, and its latest note with the note's quarter."""
    columns = ["measure", "indicator", "quarter", "unit", "value", "target", "status", "department"]
    if judged.empty:
        return pd.DataFrame(columns=[*columns, "note", "note_quarter"])
    latest = judged.sort_values("quarter").groupby(["measure", "indicator"], sort=True).tail(1)
    noted = judged[judged["note"].fillna("").str.strip() != ""].sort_values("quarter")
    notes = noted.groupby(["measure", "indicator"]).tail(1)[["measure", "indicator", "note", "quarter"]]
    notes = notes.rename(columns={"quarter": "note_quarter"})
    merged = latest[columns].merge(notes, on=["measure", "indicator"], how="left")
    return merged.sort_values(["measure", "indicator"]).reset_index(drop=True)


def measure_departments(db: Database, *, as_of: dt.date) -> pd.DataFrame:
    """The departments responsible for each measure's indicators (reports up to ``as_of``)."""
    return db.query(
        """SELECT measure, string_agg(DISTINCT department, '、' ORDER BY department) AS departments
           FROM indicators WHERE quarter <= $last GROUP BY measure ORDER BY measure""",
        {"last": last_ended_quarter(as_of)},
    )


# --- figures computed from the data ----------------------------------------------------------


def industrialization_rate(
    db: Database, *, as_of: dt.date, kinds: tuple[str, ...], county: str | None = None
) -> dict:
    """K4's rate for institutions of ``kinds`` on ``as_of``: valid, industrialized, rate (%)."""
    table = industrialization(db, [as_of], county, kinds)
    # No held patent at all gives no row (the query cross-joins dates with patents).
    counts = table.iloc[0] if not table.empty else {"valid": 0, "industrialized": 0}
    valid, used = int(counts["valid"]), int(counts["industrialized"])
    return {"valid": valid, "industrialized": used, "rate": round(100.0 * used / valid, 2) if valid else None}


def _patent_type_clause(patent_type: str | None) -> str:
    # The type is read off the application number's kind digit, which the import checks
    # agrees with the patent's 专利类型: no join with the 3-million-row patents table. A fixed
    # fragment chosen by code; the value itself stays a parameter.
    return "" if patent_type is None else f"AND {KIND_OF_APP_NO} = $ptype"


def deals_by_holders(
    db: Database,
    *,
    start: dt.date,
    as_of: dt.date,
    kinds: tuple[str, ...],
    county: str | None = None,
    patent_type: str | None = None,
) -> int:
    """Distinct patents that institutions of ``kinds`` transferred or licensed from ``start`` to ``as_of``.

    The institution is the event's holder (专利权人, the one transferring or licensing); an
    event that names none is credited to the patent's holders. The county is the institution's.
    """
    return int(
        db.scalar(
            """WITH ev AS (
                   SELECT e.app_no, e.holder_code FROM patent_events e
                   WHERE e.event_type IN ('transfer', 'license') AND e.event_date BETWEEN $start AND $d """
            + _patent_type_clause(patent_type)
            + """),
               sellers AS (
                   SELECT app_no, holder_code FROM ev WHERE holder_code IS NOT NULL
                   UNION ALL
                   SELECT h.app_no, h.holder_code FROM patent_holders h
                   WHERE h.app_no IN (SELECT app_no FROM ev WHERE holder_code IS NULL))
               SELECT count(DISTINCT s.app_no) FROM sellers s
               JOIN institutions i ON i.credit_code = s.holder_code
               WHERE i.kind IN (SELECT unnest($kinds::VARCHAR[]))
                 AND ($county IS NULL OR i.county = $county)""",
            _params(start, as_of, county, patent_type, kinds=list(kinds)),
        )
    )


def local_uptake(
    db: Database, *, start: dt.date, as_of: dt.date, county: str | None = None, patent_type: str | None = None
) -> tuple[int, int]:
    """(licensed, transferred): distinct patents licensed / transferred to local enterprises.

    Local means the event's counterparty is in the region (``counterparty_local``); when the
    counterparty's credit code is registered, it must be an enterprise (not a university,
    institute, city state enterprise or individual). The county is the receiving
    enterprise's; one that is not registered counts for the whole city only.
    """
    licensed, transferred = db.rows(
        """SELECT count(DISTINCT e.app_no) FILTER (WHERE e.event_type = 'license'),
                  count(DISTINCT e.app_no) FILTER (WHERE e.event_type = 'transfer')
           FROM patent_events e LEFT JOIN institutions r ON r.credit_code = e.counterparty_code
           WHERE e.event_type IN ('transfer', 'license') AND e.counterparty_local
             AND (r.kind IS NULL OR r.kind = 'enterprise')
             AND e.event_date BETWEEN $start AND $d AND ($county IS NULL OR r.county = $county) """
        + _patent_type_clause(patent_type),
        _params(start, as_of, county, patent_type),
    )[0]
    return int(licensed), int(transferred)


def pledges(
    db: Database, *, start: dt.date, as_of: dt.date, county: str | None = None, patent_type: str | None = None
) -> tuple[int, float, int]:
    """(pledge events, pledged amount in 万元, distinct pledgers) from ``start`` to ``as_of``.

    The pledger is the event's holder; the county is the pledger's (an event whose holder is
    not registered counts for the whole city only).
    """
    events, amount, holders = db.rows(
        """SELECT count(*), coalesce(sum(e.amount_10k), 0), count(DISTINCT e.holder_code)
           FROM patent_events e LEFT JOIN institutions i ON i.credit_code = e.holder_code
           WHERE e.event_type = 'pledge' AND e.event_date BETWEEN $start AND $d
             AND ($county IS NULL OR i.county = $county) """
        + _patent_type_clause(patent_type),
        _params(start, as_of, county, patent_type),
    )[0]
    return int(events), round(float(amount), 2), int(holders)


def _params(start, as_of, county, patent_type, **extra) -> dict:
    params = {"start": start, "d": as_of, "county": county, **extra}
    if patent_type is not None:
        params["ptype"] = patent_type
    return params


def computed_figures(db: Database, scope: Scope) -> pd.DataFrame:
    """The figures of ``FIGURES`` on the scope's date: measure, figure, value, unit, since, filters applied.

    ``part``/``whole`` hold a rate's industrialized and valid patents; ``since`` is the first
    day counted for event counts (None for a stock on ``as_of``). The scope's division applies
    to every figure, its patent type to those of ``PATENT_TYPE_FIGURES``; institution kind to
    none (each figure names its own population).
    """
    as_of, county, patent_type = scope.as_of, scope.division, scope.patent_type
    start = plan_start(db, as_of)
    window = {"start": start, "as_of": as_of, "county": county, "patent_type": patent_type}
    academic = industrialization_rate(db, as_of=as_of, kinds=RESEARCH_KINDS, county=county)
    soe = industrialization_rate(db, as_of=as_of, kinds=SOE_KINDS, county=county)
    enterprises, products = filing_counts(db, as_of, county)
    licensed, transferred = local_uptake(db, **window)
    events, amount, holders = pledges(db, **window)
    values = {
        "academic_rate": (academic["rate"], academic["industrialized"], academic["valid"]),
        "academic_deals": (deals_by_holders(db, kinds=RESEARCH_KINDS, **window), None, None),
        "soe_rate": (soe["rate"], soe["industrialized"], soe["valid"]),
        "soe_industrialized": (soe["industrialized"], None, None),
        "filed_products": (products, None, None),
        "filing_enterprises": (enterprises, None, None),
        "local_licensed": (licensed, None, None),
        "local_transferred": (transferred, None, None),
        "pledges": (events, None, None),
        "pledge_amount": (amount, None, None),
        "pledge_enterprises": (holders, None, None),
    }
    windowed = PATENT_TYPE_FIGURES | {"academic_deals"}
    records = [
        {
            "measure": measure,
            "figure": figure,
            "value": None if values[figure][0] is None else float(values[figure][0]),
            "unit": unit,
            "part": values[figure][1],
            "whole": values[figure][2],
            "since": start if figure in windowed else None,
            "county_applied": True,
            "patent_type_applied": figure in PATENT_TYPE_FIGURES,
        }
        for measure, figures in FIGURES.items()
        for figure, unit in figures
    ]
    return pd.DataFrame.from_records(records)


# --- the page's frames -----------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    """One indicator of a measure: its judged rows, oldest quarter first."""

    name: str
    department: str  # who reported its latest row
    rows: pd.DataFrame


@dataclass(frozen=True)
class MeasureProgress:
    """One measure's part of the page."""

    number: int
    quarter: str | None  # the last quarter shown, None when none is
    status: str | None  # the measure's status in that quarter
    departments: str | None  # those reporting its indicators, None before any report
    latest: pd.DataFrame  # its indicators' latest rows and notes (``indicator_latest``)
    indicators: tuple[Indicator, ...]  # by name
    rows: pd.DataFrame  # every judged row of its indicators
    computed: pd.DataFrame  # the figures the data compute for it (``computed_figures``)


@dataclass(frozen=True)
class MeasuresPage:
    """Every frame the measures page draws."""

    quarters: tuple[str, ...]  # quarters shown, oldest first
    deadlines: tuple[str, ...]  # those holding a plan period's deadline
    grid: pd.DataFrame  # measure_statuses
    indicators: pd.DataFrame  # every judged indicator row (indicator_statuses)
    latest: pd.DataFrame  # indicator_latest
    departments: pd.DataFrame  # measure_departments
    computed: pd.DataFrame  # computed_figures

    def measure(self, number: int) -> MeasureProgress:
        """Measure ``number``'s rows of every frame."""
        grid = self.grid[self.grid["measure"] == number]
        rows = self.indicators[self.indicators["measure"] == number]
        names = self.departments.loc[self.departments["measure"] == number, "departments"]
        last = grid.iloc[-1] if self.quarters and not grid.empty else None
        return MeasureProgress(
            number=number,
            quarter=None if last is None else str(last["quarter"]),
            status=None if last is None else str(last["status"]),
            departments=None if names.empty else str(names.iloc[0]),
            latest=self.latest[self.latest["measure"] == number],
            indicators=tuple(
                Indicator(str(name), str(own["department"].iloc[-1]), own)
                for name, own in rows.groupby("indicator", sort=True)
            ),
            rows=rows,
            computed=self.computed[self.computed["measure"] == number],
        )


def page_data(db: Database, scope: Scope) -> MeasuresPage:
    """Every frame the measures page's default view needs.

    The reported indicators are city-wide department reports: only the scope's date applies
    to them. The computed figures apply its division and patent type (``computed_figures``).
    """
    as_of = scope.as_of
    quarters = quarters_shown(db, as_of)
    judged = indicator_statuses(db, as_of=as_of)
    return MeasuresPage(
        quarters=tuple(quarters),
        deadlines=tuple(deadline_quarters(db, quarters)),
        grid=measure_statuses(db, as_of=as_of, quarters=quarters, judged=judged),
        indicators=judged,
        latest=indicator_latest(judged),
        departments=measure_departments(db, as_of=as_of),
        computed=computed_figures(db, scope),
    )
