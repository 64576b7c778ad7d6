"""The plan's five KPIs (K1–K5 of the domain brief) for any date and county.

Targets, baselines and deadlines come from the ``targets`` table. For a date ``as_of`` the
target row used is the period that contains it, else the latest period that has ended.
Each KPI reports its value on ``as_of``, its value on the period's deadline once that has
passed, a projection to the deadline from the pace of the last twelve months while the
period is open, and a status:

* ``met``: the target is reached (by the deadline, once that has passed);
* ``met_late``: the deadline passed with the target missed, and it has been reached since;
  the deadline's result stays the first thing said (``status_at_deadline`` is ``missed``);
* ``on_track``: not yet, but the projection reaches it by the deadline;
* ``behind``: the projection falls short;
* ``missed``: the deadline has passed without the target reached;
* ``no_data`` / ``no_target``: nothing to compare.

A "rising" target (K3: 逐年提升) has no number to reach, so it has no ``threshold`` and no
``share_of_target``: it is judged by its own test, every year above the one before, and
``detail["rise_pct"]`` says by how much the latest year beat (or fell short of) the one before.

The formulas and every rule the computation applies are written out for leaders by
``definition`` (``kpi.formula.K*`` and ``RULES`` in ``i18n``) and in the README.
All aggregation happens in SQL; only the few numbers a card or chart shows come back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from itertools import pairwise

import pandas as pd

from . import holdings, regions
from .db import Database
from .holdings import EVENT_RULES
from .i18n import t
from .measures import plan
from .scope import Scope

CODES = ("K1", "K2", "K3", "K4", "K5")
UNITS = {"K1": "家", "K2": "件", "K3": "万元", "K4": "%", "K5": "%"}
RESEARCH_KINDS = ("university", "research_institute")


def kinds_for(inst_kind: str | None) -> list[str] | None:
    """Institution kinds a filter value stands for ("academic": universities and institutes; None: all)."""
    if not inst_kind:
        return None
    return list(RESEARCH_KINDS) if inst_kind == "academic" else [inst_kind]


def plan_periods(db: Database) -> list[tuple[dt.date, dt.date]]:
    """Every plan period of the targets table as (first day, deadline), earliest first.

    Without targets, the region pack's plan (``plan.toml``)."""
    rows = db.rows("SELECT DISTINCT period_start, deadline FROM targets ORDER BY period_start, deadline")
    if not rows:
        return [(plan().start, plan().end)]
    return [(pd.Timestamp(start).date(), pd.Timestamp(end).date()) for start, end in rows]


def plan_start(db: Database, as_of: dt.date) -> dt.date:
    """First day of the plan period in force on ``as_of`` (the open one, else the latest ended)."""
    value = db.scalar(
        """SELECT period_start FROM targets WHERE period_start <= $d
           ORDER BY (deadline >= $d) DESC, deadline DESC, period_start LIMIT 1""",
        {"d": as_of},
    )
    return pd.Timestamp(value).date() if value is not None else plan().start


FIRST_YEAR = 2021  # charts start two years before the plan, so the baseline has context

# The rules each KPI's computation applies beyond its formula, each a sentence in i18n
# (``kpi.rule.<code>.<rule>``; K4's event rules come from ``EVENT_RULES``). ``definition`` writes
# them after the formula for the cards' ⓘ, 指标口径 and 指标说明; tests/test_kpi_rules.py checks
# each against the computation, and fails on a rule without a check.
RULES: dict[str, tuple[str, ...]] = {
    "K1": ("distinct", "any_filer", "division"),
    "K2": ("each_filing", "division"),
    "K3": ("intensive_only", "complete_years", "late_filing", "empty_year", "division"),
    "K4": ("valid_on_date", "joint_once", "transfer_stays", "events", "division"),
    "K5": ("involves_patent", "latest_complete_year", "annualized", "empty_year", "division"),
}


def rule_texts(code: str, lang: str) -> list[str]:
    """The sentences of a KPI's rules in ``lang``, in ``RULES`` order."""
    texts = []
    for rule in RULES[code]:
        if code == "K4" and rule == "events":
            texts += [
                t(f"kpi.event_rule.{how}", lang, event=t(f"kpi.event.{event}", lang))
                for event, how in EVENT_RULES.items()
            ]
        else:
            texts.append(t(f"kpi.rule.{code}.{rule}", lang))
    return texts


def definition(code: str, lang: str) -> str:
    """A KPI's formula and every rule its computation applies, as one paragraph."""
    return ("" if lang == "zh" else " ").join([t(f"kpi.formula.{code}", lang), *rule_texts(code, lang)])


@dataclass
class Kpi:
    """One KPI on one date; every number carries ``unit``."""

    code: str
    as_of: dt.date
    value: float | None
    unit: str
    status: str
    target: float | None = None
    target_type: str | None = None
    baseline: float | None = None
    threshold: float | None = None  # the value that counts as reaching the target
    share_of_target: float | None = None  # value / threshold, 1.0 = reached
    period: str | None = None
    deadline: dt.date | None = None
    value_at_deadline: float | None = None
    status_at_deadline: str | None = None
    projection: float | None = None
    value_label: str | None = None  # e.g. "2025" when the value is a year's figure
    annualized: bool = False
    detail: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = asdict(self)
        for key in ("as_of", "deadline"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


# --- targets ---------------------------------------------------------------------------------


def target_for(db: Database, code: str, as_of: dt.date) -> dict | None:
    """The target row in force on ``as_of``: the open period, else the latest ended one."""
    rows = db.query(
        """SELECT * FROM targets WHERE code = $code AND period_start <= $d
           ORDER BY (deadline >= $d) DESC, deadline DESC LIMIT 1""",
        {"code": code, "d": as_of},
    )
    if rows.empty:
        return None
    row = rows.iloc[0].to_dict()
    for key in ("period_start", "deadline"):
        row[key] = pd.Timestamp(row[key]).date()
    return row


# --- raw measurements ------------------------------------------------------------------------

# Each measurement's SQL answers one division (or the region), or, with ``{key}`` selecting the
# institution's division and ``{carry}`` passing it on, every division at once (``GROUP BY
# ALL`` groups by it then, and is a plain total without it; ``{match}`` pairs a division's rows
# in a join). The pieces are constants.
_ONE = {"key": "", "carry": "", "match": ""}
_EACH = {"key": "i.county AS county, ", "carry": "county, ", "match": "AND steps.county = keys.county"}

_FILINGS = """SELECT {key}count(DISTINCT f.enterprise_code) AS enterprises, count(*) AS products
   FROM filings f JOIN institutions i ON i.credit_code = f.enterprise_code
   WHERE f.filing_date <= $d AND ($county IS NULL OR i.county = $county)
   GROUP BY ALL"""

# ``as_stood_10k``: the year's output of the products filed by that year's end, the figure as it
# stood then; ``output_10k`` counts every product filed by the date, so a late filing revises it.
_OUTPUT = """SELECT {key}o.year, round(sum(o.output_10k), 2) AS output_10k,
          round(coalesce(sum(CASE WHEN f.filing_date <= make_date(o.year, 12, 31)
                                  THEN o.output_10k END), 0), 2) AS as_stood_10k
   FROM filing_outputs o
   JOIN filings f ON f.filing_no = o.filing_no
   JOIN institutions i ON i.credit_code = f.enterprise_code
   WHERE f.patent_intensive AND f.filing_date <= $d AND make_date(o.year, 12, 31) <= $d
     AND ($county IS NULL OR i.county = $county)
   GROUP BY ALL ORDER BY o.year"""

# K4's population read from ``holdings`` (data_layer/holdings.py: each granted patent's holders
# with its first industrializing event, made by every write of its sources and stored by kind
# and division): a patent held by two such institutions counts once (once per division when
# grouped by division). Made from patent_holders, institutions and patent_events at each view,
# it was 64-85% of an uncached overview at 100x (issue 17). The counts on many dates (K4's chart
# asks for every quarter end) come from steps (``holdings.steps_sql``).
_INDUSTRIALIZATION = (
    """WITH days AS (SELECT unnest($dates::DATE[]) AS d),
   mine AS NOT MATERIALIZED (
       SELECT {carry}app_no, shared, grant_date, lapse_date, used_on FROM holdings
       WHERE kind IN (SELECT unnest($kinds::VARCHAR[])) AND ($county IS NULL OR county = $county)),
   held AS ("""
    + holdings.once_sql("mine", "grant_date, lapse_date, used_on", carry="{carry}")
    + """),
   steps AS ("""
    + holdings.steps_sql("held", {"used": "used_on"}, carry="{carry}")
    + """),
   keys AS (SELECT DISTINCT {carry}true AS found FROM held)
   SELECT {carry}date, coalesce(sum(valid), 0)::BIGINT AS valid,
          coalesce(sum(used), 0)::BIGINT AS industrialized
   FROM (SELECT keys.*, days.d AS date, steps.valid, steps.used
         FROM days CROSS JOIN keys LEFT JOIN steps ON steps.day <= days.d {match})
   GROUP BY ALL ORDER BY date"""
)

_TURNOVER = """SELECT {key}year(c.registered_date) AS year, round(sum(c.turnover_10k), 2) AS turnover_10k,
          max(c.registered_date) AS last_date
   FROM contracts c JOIN institutions i ON i.credit_code = c.seller_code
   WHERE c.registered_date <= $d AND ($county IS NULL OR i.county = $county)
     AND c.involves_patent
   GROUP BY ALL ORDER BY year"""


def filing_counts(db: Database, as_of: dt.date, county: str | None = None) -> tuple[int, int]:
    """(distinct filing enterprises, filed products) up to ``as_of`` (K1, K2)."""
    enterprises, products = db.rows(_FILINGS.format(**_ONE), {"d": as_of, "county": county})[0]
    return int(enterprises), int(products)


def output_by_year(db: Database, as_of: dt.date, county: str | None = None) -> pd.DataFrame:
    """Output value (万元) of filed patent-intensive products per complete year up to ``as_of`` (K3)."""
    return db.query(_OUTPUT.format(**_ONE), {"d": as_of, "county": county})


def industrialization(
    db: Database, dates: list[dt.date], county: str | None = None, kinds: tuple[str, ...] = RESEARCH_KINDS
) -> pd.DataFrame:
    """Valid and industrialized patents held by institutions of ``kinds``, on each date (K4).

    A patent is valid on a date when granted by then and not lapsed; industrialized when by
    then it was implemented by a holder, transferred, or licensed and put into production.
    A patent held by two such institutions counts once. Each patent becomes a span (valid
    from, used from, valid to), and each date counts the spans it falls in: one pass over
    the held patents (``holdings``) however many dates are asked for.
    """
    values = {"dates": dates, "kinds": list(kinds), "county": county}
    return db.query(_INDUSTRIALIZATION.format(**_ONE), values)


def patent_contract_turnover(db: Database, as_of: dt.date, county: str | None = None) -> pd.DataFrame:
    """Turnover (万元) of registered contracts involving patents, per year up to ``as_of`` (K5)."""
    return db.query(_TURNOVER.format(**_ONE), {"d": as_of, "county": county})


def contract_years(db: Database, as_of: dt.date) -> tuple[int, ...]:
    """The years up to ``as_of`` in which the contract register holds any contract at all.

    A division with no patent contract in such a year had a turnover of 0 that year, not
    "no data": "no data" means the register holds nothing for the year, for the whole region.
    """
    rows = db.rows(
        "SELECT DISTINCT year(registered_date) FROM contracts WHERE registered_date <= $d ORDER BY 1",
        {"d": as_of},
    )
    return tuple(int(year) for (year,) in rows)


def output_years(db: Database, as_of: dt.date) -> tuple[int, ...]:
    """The complete years up to ``as_of`` for which the filings hold any product's output.

    A division whose patent-intensive products have no output in such a year made 0 that year
    (K3), not "no data": "no data" means no filing holds output for the year, in the region.
    """
    rows = db.rows(
        """SELECT DISTINCT o.year FROM filing_outputs o JOIN filings f ON f.filing_no = o.filing_no
           WHERE f.filing_date <= $d AND make_date(o.year, 12, 31) <= $d ORDER BY 1""",
        {"d": as_of},
    )
    return tuple(int(year) for (year,) in rows)


class Measurements:
    """The raw figures K1–K5 are assembled from, straight from the database.

    ``history``: whether K4 also computes its rate at every quarter end for its chart (the
    province's ranking of its cities shows none, and saves a third of its time)."""

    history = True

    def __init__(self, db: Database) -> None:
        self.db = db

    def target(self, code: str, as_of: dt.date) -> dict | None:
        return target_for(self.db, code, as_of)

    def filings(self, as_of: dt.date, county: str | None) -> tuple[int, int]:
        return filing_counts(self.db, as_of, county)

    def output(self, as_of: dt.date, county: str | None) -> pd.DataFrame:
        return output_by_year(self.db, as_of, county)

    def rates(self, dates: list[dt.date], county: str | None) -> pd.DataFrame:
        return industrialization(self.db, dates, county)

    def turnover(self, as_of: dt.date, county: str | None) -> pd.DataFrame:
        return patent_contract_turnover(self.db, as_of, county)

    def contract_years(self, as_of: dt.date) -> tuple[int, ...]:
        return contract_years(self.db, as_of)

    def output_years(self, as_of: dt.date) -> tuple[int, ...]:
        return output_years(self.db, as_of)


class _EveryDivision(Measurements):
    """The same figures for every division at once: each query runs once, grouped by division,
    and each division reads its rows (none: the empty answer the one-division query gives).
    The 21 cities of a province cost five grouped queries instead of 21 times five."""

    history = False  # the ranking draws no K4 chart per city

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._memo: dict[tuple, object] = {}

    def _once(self, key: tuple, compute):
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def _slice(self, sql: str, values: dict, county: str | None) -> pd.DataFrame:
        assert county is not None, "the region's own figures come from Measurements"
        key = (sql, tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items()))
        empty, parts = self._once(key, lambda: self._split(sql, values))
        return parts.get(county, empty).copy()  # the callers add columns of their own

    def _split(self, sql: str, values: dict) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
        """The grouped answer as one frame per division (split once: 21 filters cost more than the query)."""
        frame = self.db.query(sql.format(**_EACH), {**values, "county": None})
        rows = frame.drop(columns="county")
        parts = {c: rows.loc[i].reset_index(drop=True) for c, i in frame.groupby("county").groups.items()}
        return rows.iloc[0:0], parts

    def target(self, code: str, as_of: dt.date) -> dict | None:
        return self._once(("target", code, as_of), lambda: target_for(self.db, code, as_of))

    def contract_years(self, as_of: dt.date) -> tuple[int, ...]:
        return self._once(("contract_years", as_of), lambda: contract_years(self.db, as_of))

    def output_years(self, as_of: dt.date) -> tuple[int, ...]:
        return self._once(("output_years", as_of), lambda: output_years(self.db, as_of))

    def filings(self, as_of: dt.date, county: str | None) -> tuple[int, int]:
        rows = self._slice(_FILINGS, {"d": as_of}, county)
        return (0, 0) if rows.empty else (int(rows["enterprises"].iloc[0]), int(rows["products"].iloc[0]))

    def output(self, as_of: dt.date, county: str | None) -> pd.DataFrame:
        return self._slice(_OUTPUT, {"d": as_of}, county)

    def rates(self, dates: list[dt.date], county: str | None) -> pd.DataFrame:
        return self._slice(_INDUSTRIALIZATION, {"dates": dates, "kinds": list(RESEARCH_KINDS)}, county)

    def turnover(self, as_of: dt.date, county: str | None) -> pd.DataFrame:
        return self._slice(_TURNOVER, {"d": as_of}, county)


# --- KPI assembly ----------------------------------------------------------------------------


def compute_kpis(db: Database, scope: Scope) -> list[Kpi]:
    """K1–K5 on the scope's date for its division or the whole region (kind and type do not apply)."""
    return _assemble(Measurements(db), scope)


def compute_kpi(db: Database, scope: Scope, code: str) -> Kpi:
    """One of K1–K5 on the scope, as ``compute_kpis`` gives it."""
    return _KPI_FUNCTIONS[code](Measurements(db), scope.as_of, scope.division)


def _assemble(source: Measurements, scope: Scope) -> list[Kpi]:
    return [_KPI_FUNCTIONS[code](source, scope.as_of, scope.division) for code in CODES]


@dataclass(frozen=True)
class DivisionKpis:
    """One division's K1–K5: a row of the province overview's ranking of its cities."""

    adcode: str
    kpis: tuple[Kpi, ...]


def division_kpis(db: Database, scope: Scope) -> list[DivisionKpis]:
    """K1–K5 of every division of the scope's region on its date, in the pack's order.

    Each division's KPIs are assembled by the same code as its own cards (``compute_kpis``),
    from figures queried once for every division, without K4's quarterly history (the ranking
    draws no chart of it); test_kpis.py checks the two agree on everything else.
    """
    source = _EveryDivision(db)
    divisions = regions.pack(scope.region).divisions
    return [DivisionKpis(d.code, tuple(_assemble(source, scope.with_division(d.code)))) for d in divisions]


class _Figures(Measurements):
    history = False  # figures only: no K4 chart


def every_division(
    db: Database, scope: Scope, codes: tuple[str, ...] = CODES
) -> dict[str | None, tuple[Kpi, ...]]:
    """KPIs ``codes`` of the scope's region (key None) and of each of its divisions, without K4's
    quarterly history (``figure_history`` keeps the figures only)."""
    whole, each = _Figures(db), _EveryDivision(db)
    divisions = [d.code for d in regions.pack(scope.region).divisions]
    return {
        division: tuple(
            _KPI_FUNCTIONS[c](whole if division is None else each, scope.as_of, division) for c in codes
        )
        for division in (None, *divisions)
    }


def _count_kpi(code: str, index: int):
    def compute(source: Measurements, as_of: dt.date, county: str | None) -> Kpi:
        value = source.filings(as_of, county)[index]
        kpi = _base(source, code, as_of, value)
        if kpi.deadline and as_of < kpi.deadline:
            year_ago = source.filings(as_of - dt.timedelta(days=365), county)[index]
            days_left = (kpi.deadline - as_of).days
            kpi.projection = round(value + (value - year_ago) * days_left / 365, 1)
        if kpi.deadline and as_of >= kpi.deadline:
            kpi.value_at_deadline = float(source.filings(kpi.deadline, county)[index])
        return _judge(kpi)

    return compute


def _k3(source: Measurements, as_of: dt.date, county: str | None) -> Kpi:
    years = source.output(as_of, county)
    series = dict(zip(years["year"].astype(int), years["output_10k"], strict=True))
    stood = dict(zip(years["year"].astype(int), years["as_stood_10k"], strict=True))
    # A year the filings hold output for, with none of the scope's products: a true 0.
    held = sorted({*series, *source.output_years(as_of)})
    if not held:
        return _judge(_base(source, "K3", as_of, None))
    series = {y: float(series.get(y, 0.0)) for y in held}
    stood = {y: float(stood.get(y, 0.0)) for y in held}
    kpi = _base(source, "K3", as_of, series[held[-1]])
    kpi.value_label = str(held[-1])
    kpi.detail["by_year"] = {str(y): round(v, 2) for y, v in series.items()}
    kpi.detail["as_stood"] = {str(y): round(float(v), 2) for y, v in stood.items()}
    kpi.detail["history"] = [
        {"label": str(y), "value": v, "partial": False, "as_stood": float(stood[y])}
        for y, v in series.items()
    ]
    start = kpi.detail.get("baseline_year") or min(series)
    if kpi.baseline is None and start in series:
        kpi.baseline = float(series[start])
    kpi.detail["rising"] = _rising(series, start, max(series))
    previous = series.get(max(series) - 1)
    if previous:
        kpi.detail["previous_year"] = str(max(series) - 1)
        kpi.detail["previous"] = float(previous)
        kpi.detail["rise_pct"] = _growth(series[max(series)], previous)
    if kpi.deadline:
        kpi.detail["rising_at_deadline"] = _rising(series, start, min(max(series), kpi.deadline.year))
    if kpi.deadline:
        end = kpi.deadline.year
        if end in series:
            kpi.value_at_deadline = float(series[end])
        if len(series) >= 2 and as_of < kpi.deadline:
            last, before = series[max(series)], series.get(max(series) - 1)
            if before:
                kpi.projection = round(last * (last / before) ** (end - max(series)), 2)
    return _judge(kpi)


def _rising(series: dict[int, float], start: int, end: int) -> bool | None:
    years = [y for y in range(start, end + 1) if y in series]
    if len(years) < 2:
        return None
    return all(series[b] > series[a] for a, b in pairwise(years))


def rate_history(
    db: Database, as_of: dt.date, county: str | None = None, extra: tuple[dt.date, ...] = ()
) -> pd.DataFrame:
    """K4's rate (%) at each quarter end from ``FIRST_YEAR`` and on ``as_of``, plus ``extra`` dates.

    One query answers every date. ``chart`` marks the rows a chart draws (quarter ends and
    ``as_of``); ``partial`` marks ``as_of`` when it falls inside a quarter, labelled by its date.
    """
    return _rate_history(Measurements(db), as_of, county, extra)


def _rate_history(
    source: Measurements, as_of: dt.date, county: str | None, extra: tuple[dt.date, ...]
) -> pd.DataFrame:
    quarters = (
        [d.date() for d in pd.date_range(dt.date(FIRST_YEAR, 1, 1), as_of, freq="QE")]
        if source.history
        else []
    )
    charted = {*quarters, as_of}
    table = source.rates(sorted(charted | {d for d in extra if d}), county)
    table["date"] = table["date"].dt.date
    table["value"] = [_rate(i, v) for i, v in zip(table["industrialized"], table["valid"], strict=True)]
    table["chart"] = table["date"].isin(charted)
    quarter_end = as_of.month % 3 == 0 and (as_of + dt.timedelta(days=1)).day == 1
    table["partial"] = (table["date"] == as_of) & (not quarter_end)
    table["label"] = [
        d.isoformat() if partial else f"{d.year}Q{(d.month - 1) // 3 + 1}"
        for d, partial in zip(table["date"], table["partial"], strict=True)
    ]
    return table


def _k4(source: Measurements, as_of: dt.date, county: str | None) -> Kpi:
    kpi = _base(source, "K4", as_of, None)
    baseline_day = dt.date(kpi.detail["baseline_year"], 12, 31) if kpi.detail.get("baseline_year") else None
    year_ago = as_of - dt.timedelta(days=365)
    deadline = min(kpi.deadline, as_of) if kpi.deadline else None
    table = _rate_history(source, as_of, county, (year_ago, baseline_day, deadline))
    rates = dict(zip(table["date"], table["value"], strict=True))
    kpi.detail["history"] = _history(table[table["chart"]])
    now = table[table["date"] == as_of]
    kpi.value = rates.get(as_of)
    if not now.empty:
        kpi.detail.update(valid=int(now["valid"].iloc[0]), industrialized=int(now["industrialized"].iloc[0]))
    if kpi.baseline is None and baseline_day:
        kpi.baseline = rates.get(baseline_day)
    if kpi.deadline and as_of >= kpi.deadline:
        kpi.value_at_deadline = rates.get(kpi.deadline)
    elif kpi.deadline and kpi.value is not None and rates.get(year_ago) is not None:
        pace = kpi.value - rates[year_ago]
        kpi.projection = round(kpi.value + pace * (kpi.deadline - as_of).days / 365, 2)
    return _judge(kpi)


def _history(frame: pd.DataFrame) -> list[dict]:
    """A KPI's values over time as plain records (label, value, partial) for charts and JSON."""
    return [
        {"label": label, "value": None if pd.isna(value) else float(value), "partial": bool(partial)}
        for label, value, partial in zip(frame["label"], frame["value"], frame["partial"], strict=True)
    ]


def _rate(part: float, whole: float) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def _k5(source: Measurements, as_of: dt.date, county: str | None) -> Kpi:
    kpi = _base(source, "K5", as_of, None)
    years = source.turnover(as_of, county)
    turnover = dict(zip(years["year"].astype(int), years["turnover_10k"], strict=True))
    # A year the register holds contracts for, with none of the scope's: a true 0 (−100%).
    turnover = {y: turnover.get(y, 0.0) for y in sorted({*turnover, *source.contract_years(as_of)})}
    base_year = kpi.detail.get("baseline_year")
    if kpi.baseline is None and base_year in turnover:
        kpi.baseline = float(turnover[base_year])
    kpi.detail["turnover_by_year"] = {str(y): round(v, 2) for y, v in turnover.items()}
    kpi.detail["history"] = [
        {"label": str(y), "value": v, "partial": dt.date(y, 12, 31) > as_of} for y, v in turnover.items()
    ]
    full_year = as_of.year if as_of == dt.date(as_of.year, 12, 31) else as_of.year - 1
    ytd = _annualized(turnover.get(as_of.year), as_of)
    kpi.detail["ytd_annualized_10k"] = ytd
    if not kpi.baseline:
        return _judge(kpi)
    if base_year is not None and full_year > base_year and full_year in turnover:
        kpi.value, kpi.value_label = _growth(turnover[full_year], kpi.baseline), str(full_year)
        kpi.detail["turnover_10k"] = round(turnover[full_year], 2)
    elif ytd is not None:  # no complete year after the baseline yet: this year, annualized
        kpi.value, kpi.value_label, kpi.annualized = _growth(ytd, kpi.baseline), str(as_of.year), True
        kpi.detail["turnover_10k"] = ytd
    if kpi.deadline and as_of >= kpi.deadline and kpi.deadline.year in turnover:
        kpi.value_at_deadline = _growth(turnover[kpi.deadline.year], kpi.baseline)
    elif kpi.deadline and ytd is not None:
        kpi.projection = _growth(ytd, kpi.baseline)  # this year's run rate, as growth
    return _judge(kpi)


def _growth(amount: float, baseline: float) -> float:
    """Growth in percent of ``amount`` over ``baseline``."""
    return round(100.0 * (amount / baseline - 1), 2)


def _annualized(amount: float | None, as_of: dt.date) -> float | None:
    """Year-to-date amount scaled to a whole year; None in January (too little to scale)."""
    start = dt.date(as_of.year, 1, 1)
    elapsed = (as_of - start).days + 1
    if amount is None or elapsed < 28:
        return None
    days_in_year = (dt.date(as_of.year + 1, 1, 1) - start).days
    return round(float(amount) * days_in_year / elapsed, 2)


def _base(source: Measurements, code: str, as_of: dt.date, value: float | None) -> Kpi:
    kpi = Kpi(code=code, as_of=as_of, value=value, unit=UNITS[code], status="no_data")
    target = source.target(code, as_of)
    if target:
        kpi.target = float(target["target_value"])
        kpi.target_type = target["target_type"]
        kpi.unit = target["unit"]
        kpi.period = target["period"]
        kpi.deadline = target["deadline"]
        baseline = target["baseline"]
        kpi.baseline = None if pd.isna(baseline) else float(baseline)
        if kpi.baseline is not None:
            kpi.detail["baseline_from_targets"] = True  # not computed from the data
        year = target["baseline_year"]
        kpi.detail["baseline_year"] = None if pd.isna(year) else int(year)
        kpi.detail["source"] = target["source"]
    return kpi


def _judge(kpi: Kpi) -> Kpi:
    """Fill threshold, share of target and status from value, projection and deadline."""
    if kpi.target is None:
        kpi.status = "no_target" if kpi.value is not None else "no_data"
        return kpi
    kpi.threshold = _threshold(kpi)
    if kpi.value is not None and kpi.threshold:
        kpi.share_of_target = round(kpi.value / kpi.threshold, 4)
    closed = kpi.deadline is not None and kpi.as_of >= kpi.deadline
    if closed:
        kpi.status_at_deadline = _verdict(
            kpi, kpi.value_at_deadline, final=True, rising_key="rising_at_deadline"
        )
    kpi.status = _verdict(kpi, kpi.value, final=closed)
    if closed and kpi.status_at_deadline == "missed" and kpi.status == "met":
        kpi.status = "met_late"
    return kpi


def _threshold(kpi: Kpi) -> float | None:
    if kpi.target_type == "above_baseline":
        return None if kpi.baseline is None else round(kpi.baseline + kpi.target, 2)
    if kpi.target_type == "rising":
        return None  # no number to reach: judged by the rising test alone
    return kpi.target


def _verdict(kpi: Kpi, value: float | None, *, final: bool, rising_key: str = "rising") -> str:
    if value is None:
        return "no_data"
    if kpi.target_type == "rising":
        # "Keeps rising" is reached while every year so far beat the one before; once a year
        # falls it cannot be made good, so there is no "on track" short of it.
        rising = kpi.detail.get(rising_key)
        if rising is None:
            return "no_data"
        return "met" if rising else ("missed" if final else "behind")
    elif kpi.threshold is None:
        return "no_data"
    elif kpi.target_type == "exceed":
        reached = value > kpi.threshold
    else:
        reached = value >= kpi.threshold
    if reached:
        return "met"
    if final:
        return "missed"
    projection = kpi.projection
    if projection is None or kpi.threshold is None:
        return "behind"
    ahead = projection > kpi.threshold if kpi.target_type == "exceed" else projection >= kpi.threshold
    return "on_track" if ahead else "behind"


_KPI_FUNCTIONS = {
    "K1": _count_kpi("K1", 0),
    "K2": _count_kpi("K2", 1),
    "K3": _k3,
    "K4": _k4,
    "K5": _k5,
}
