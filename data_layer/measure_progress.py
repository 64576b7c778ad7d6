"""Progress of the twelve measures: department-reported indicators judged per quarter, and
the figures the patent, filing and contract data compute for the measures they speak for.

Status of one indicator in one quarter (the ``indicators`` table carries no direction, and
every indicator departments report is a count, an amount or a completion rate, so higher is
better throughout):

* ``met``: value >= target;
* ``behind``: value < target;
* ``no_target``: the row has no target.

Status of a measure in a quarter is the worst of its indicators' statuses that quarter, in
the order ``behind`` > ``no_target`` > ``met``: a measure counts as met only when every
indicator reported for it has reached its target. A quarter with no indicator row for the
measure is ``no_data``. Quarters run from the plan's first quarter (or the first reported
one, if earlier) to the last quarter that has ended on ``as_of``; rows for later quarters
are left out. Indicators are city-wide department reports: county, institution kind and
patent type do not narrow them.

Computed figures (``computed_figures``) respect ``as_of``, the county and, where a patent
has one, the patent type; counts of events run from the start of the plan period in force
(``plan_start``) to ``as_of``, like the departments' cumulative indicators.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .db import Database
from .kpis import RESEARCH_KINDS, filing_counts, industrialization, plan_start
from .models import KIND_OF_APP_NO

STATUSES = ("met", "behind", "no_target", "no_data")
# Worst first: a measure's status in a quarter is the first of these any indicator has.
# Used only when the targets table is empty: the plan began with 2023 (domain brief).
SOE_KINDS = ("city_soe",)

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
STATUS_SQL = "CASE WHEN target IS NULL THEN 'no_target' WHEN value >= target THEN 'met' ELSE 'behind' END"


# --- quarters --------------------------------------------------------------------------------


def quarter_of(day: dt.date) -> str:
    """The quarter label (``2025Q3``) a date falls in."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


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


# --- department-reported indicators ----------------------------------------------------------


def indicator_statuses(db: Database, *, as_of: dt.date) -> pd.DataFrame:
    """Every indicator row of a quarter ended by ``as_of``, with its status."""
    return db.query(
        f"""SELECT measure, indicator, quarter, unit, value, target, department, note,
                   {STATUS_SQL} AS status
            FROM indicators WHERE quarter <= $last
            ORDER BY measure, indicator, quarter""",
        {"last": last_ended_quarter(as_of)},
    )


def measure_statuses(db: Database, *, as_of: dt.date, quarters: list[str] | None = None) -> pd.DataFrame:
    """Status of each measure in each quarter (all twelve × ``quarters``), with indicator counts.

    ``reported`` counts the measure's indicator rows that quarter, ``known`` the indicators
    it has reported in any quarter shown; ``met``/``behind``/``no_target`` count by status.
    """
    quarters = quarters_shown(db, as_of) if quarters is None else quarters
    return db.query(
        f"""WITH q AS (SELECT unnest($quarters::VARCHAR[]) AS quarter),
           m AS (SELECT measure FROM measures),
           rows AS (SELECT measure, indicator, quarter, {STATUS_SQL} AS status FROM indicators
                    WHERE quarter IN (SELECT quarter FROM q)),
           per AS (SELECT measure, quarter, count(*) AS reported,
                          count(*) FILTER (WHERE status = 'met') AS met,
                          count(*) FILTER (WHERE status = 'behind') AS behind,
                          count(*) FILTER (WHERE status = 'no_target') AS no_target
                   FROM rows GROUP BY measure, quarter),
           known AS (SELECT measure, count(DISTINCT indicator) AS known FROM rows GROUP BY measure)
           SELECT m.measure, q.quarter,
                  CASE WHEN per.behind > 0 THEN 'behind' WHEN per.no_target > 0 THEN 'no_target'
                       WHEN per.met > 0 THEN 'met' ELSE 'no_data' END AS status,
                  coalesce(per.reported, 0) AS reported, coalesce(known.known, 0) AS known,
                  coalesce(per.met, 0) AS met, coalesce(per.behind, 0) AS behind,
                  coalesce(per.no_target, 0) AS no_target
           FROM m CROSS JOIN q
           LEFT JOIN per ON per.measure = m.measure AND per.quarter = q.quarter
           LEFT JOIN known ON known.measure = m.measure
           ORDER BY m.measure, q.quarter""",
        {"quarters": quarters},
    )


def indicator_latest(db: Database, *, as_of: dt.date) -> pd.DataFrame:
    """Per indicator: its latest quarter, value, target, status, department and latest note."""
    return db.query(
        f"""WITH rows AS (SELECT *, {STATUS_SQL} AS status FROM indicators WHERE quarter <= $last)
           SELECT measure, indicator, max(quarter) AS quarter,
                  arg_max(unit, quarter) AS unit, arg_max(value, quarter) AS value,
                  arg_max(target, quarter) AS target, arg_max(status, quarter) AS status,
                  arg_max(department, quarter) AS department,
                  arg_max(note, quarter) FILTER (WHERE trim(coalesce(note, '')) <> '') AS note,
                  max(quarter) FILTER (WHERE trim(coalesce(note, '')) <> '') AS note_quarter
           FROM rows GROUP BY measure, indicator ORDER BY measure, indicator""",
        {"last": last_ended_quarter(as_of)},
    )


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

    Local means the event's counterparty is in Zhanjiang (``counterparty_local``); when the
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


def computed_figures(
    db: Database, *, as_of: dt.date, county: str | None = None, patent_type: str | None = None
) -> pd.DataFrame:
    """The figures of ``FIGURES`` on ``as_of``: measure, figure, value, unit, since, filters applied.

    ``part``/``whole`` hold a rate's industrialized and valid patents; ``since`` is the first
    day counted for event counts (None for a stock on ``as_of``).
    """
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


def page_data(
    db: Database,
    *,
    as_of: dt.date,
    county: str | None = None,
    inst_kind: str | None = None,
    patent_type: str | None = None,
) -> dict[str, pd.DataFrame]:
    """Every frame the measures page's default view needs.

    ``inst_kind`` is accepted for the shared signature and ignored: the reported indicators
    are city-wide, and each computed figure names its own population (measure 1 universities
    and institutes, measure 2 city state enterprises, ...).
    """
    del inst_kind
    quarters = quarters_shown(db, as_of)
    return {
        "quarters": pd.DataFrame({"quarter": quarters}),
        "grid": measure_statuses(db, as_of=as_of, quarters=quarters),
        "indicators": indicator_statuses(db, as_of=as_of),
        "latest": indicator_latest(db, as_of=as_of),
        "departments": measure_departments(db, as_of=as_of),
        "computed": computed_figures(db, as_of=as_of, county=county, patent_type=patent_type),
    }
