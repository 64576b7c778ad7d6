"""Each county's figures for the counties page: what it did during the plan, and year by year.

Flows (filings, filing enterprises, contract turnover, patent events, briefings and matching
events) are counted from the start of the plan period in force on ``as_of`` (the ``targets``
table; 2023-01-01 when it is empty) up to ``as_of``; valid patents per 10,000 people and the
implementation rules are the state on ``as_of``. Counties are attributed as the overview
does: filings by the filing enterprise's county, contracts by the seller's county, patents
and their events by the patent's county, institutions by their own county.

Every query takes a ``Scope``: its date, institution kind and patent type. ``inst_kind`` narrows
filings (the enterprise), contracts (the seller), patents (a holder) and patent events (the
holder); ``patent_type`` narrows filings and contracts (a linked patent of that type), patents
and patent events. Neither applies to briefings, matching events or rules. The scope's division
does not narrow the comparison (every county is in it): it names the county whose detail a
page opens (``top_institutions``, ``page_data``).
All aggregation runs in DuckDB; only a row per county (or county and year) comes back.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from . import kpis
from .db import Database
from .kpis import FIRST_YEAR
from .models import KIND_OF_APP_NO
from .scope import Scope

METRICS = ("filings", "enterprises", "turnover", "patents_per_10k", "industrialization", "events", "rules")
DEFAULT_METRIC = "filings"
UNITS = {
    "filings": "件",
    "enterprises": "家",
    "turnover": "万元",
    "patents_per_10k": "件/万人",
    "industrialization": "件",
    "events": "场",
    "rules": "",
}
# The column of ``county_metrics`` each metric reads.
COLUMN = {
    "filings": "filings",
    "enterprises": "enterprises",
    "turnover": "turnover_10k",
    "patents_per_10k": "patents_per_10k",
    "industrialization": "industrialization",
    "events": "events",
    "rules": "rule_issued",
}
# Metrics whose numbers ``inst_kind`` / ``patent_type`` narrow.
FILTERED = ("filings", "enterprises", "turnover", "patents_per_10k", "industrialization")
TOP_INSTITUTIONS = 10


def plan_start(db: Database, as_of: dt.date) -> dt.date:
    """Start of the plan period in force on ``as_of`` (else the latest ended one), capped at ``as_of``."""
    return min(kpis.plan_start(db, as_of), as_of)


# SQL conditions shared by the per-county and per-year queries. Parameters: $kinds (VARCHAR[]
# or NULL), $ptype (VARCHAR or NULL). Only constant text is spliced in, never user values.
# A linked patent's type is read from its application number's kind digit, which imports
# check against the stated type (rule type_mismatch): no join with three million patents.
_LINKED_TYPE = KIND_OF_APP_NO.replace("app_no", "linked.app_no")
# The linked-patent conditions are uncorrelated IN lists: as a correlated EXISTS beside
# "$ptype IS NULL OR", DuckDB ran the subquery row by row (the counties page with a county, a
# kind and a type took 1.4 s at 100x).
_FILING_FILTER = f"""($kinds IS NULL OR list_contains($kinds::VARCHAR[], i.kind))
    AND ($ptype IS NULL OR f.filing_no IN (SELECT linked.filing_no FROM filing_patents linked
                                            WHERE {_LINKED_TYPE} = $ptype))"""
# Contracts count, as K5 does, only when they involve patents; a patent type asks for a linked
# patent of that type.
_CONTRACT_FILTER = f"""($kinds IS NULL OR list_contains($kinds::VARCHAR[], i.kind))
    AND c.involves_patent
    AND ($ptype IS NULL OR c.contract_no IN (SELECT linked.contract_no FROM contract_patents linked
                                              WHERE {_LINKED_TYPE} = $ptype))"""
_PATENT_TYPE = "($ptype IS NULL OR p.patent_type = $ptype)"
_EVENT_FILTER = f"""{_PATENT_TYPE}
    AND ($kinds IS NULL OR e.holder_code IN (
        SELECT credit_code FROM institutions WHERE list_contains($kinds::VARCHAR[], kind)))"""


def _patents(kinds: list[str] | None) -> tuple[str, str]:
    """FROM clause and count of patents ``p``, narrowed to those held by institutions of ``kinds``.

    Narrowed, the query starts from the holders of those kinds, which is about twice as fast
    at three million patents as asking each patent whether such a holder exists; a patent
    two of them hold counts once.
    """
    if kinds is None:
        return "patents p", "count(*)"
    return (
        """patent_holders h JOIN patents p ON p.app_no = h.app_no AND h.holder_code IN (
               SELECT credit_code FROM institutions WHERE list_contains($kinds::VARCHAR[], kind))""",
        "count(DISTINCT p.app_no)",
    )


def _query(db: Database, sql: str, values: dict) -> pd.DataFrame:
    """Run ``sql`` with the values it names (DuckDB refuses parameters a query does not use)."""
    named = set(re.findall(r"\$(\w+)", sql))
    return db.query(sql, {k: v for k, v in values.items() if k in named})


def county_metrics(db: Database, scope: Scope) -> pd.DataFrame:
    """One row per county (all nine, in adcode order) with every figure of the page.

    Columns: adcode, name_zh, name_en, population_10k, filings, enterprises, turnover_10k,
    valid_patents, patents_per_10k (NULL when the population is 0), industrialization,
    briefings, matchings, events, participants, rule_issued, rule_date.
    """
    as_of, kinds = scope.as_of, kpis.kinds_for(scope.inst_kind)
    params = {"start": plan_start(db, as_of), "d": as_of, "kinds": kinds, "ptype": scope.patent_type}
    source, counted = _patents(kinds)
    return _query(
        db,
        f"""WITH
        fil AS (
            SELECT i.county, count(*) AS filings, count(DISTINCT f.enterprise_code) AS enterprises
            FROM filings f JOIN institutions i ON i.credit_code = f.enterprise_code
            WHERE f.filing_date BETWEEN $start AND $d AND {_FILING_FILTER}
            GROUP BY i.county),
        con AS (
            SELECT i.county, sum(c.turnover_10k) AS turnover_10k
            FROM contracts c JOIN institutions i ON i.credit_code = c.seller_code
            WHERE c.registered_date BETWEEN $start AND $d AND {_CONTRACT_FILTER}
            GROUP BY i.county),
        pat AS (
            SELECT p.county, {counted} AS valid_patents FROM {source}
            WHERE p.grant_date <= $d AND (p.lapse_date IS NULL OR p.lapse_date > $d) AND {_PATENT_TYPE}
            GROUP BY p.county),
        use AS (
            SELECT p.county, count(*) AS industrialization
            FROM patent_events e JOIN patents p ON p.app_no = e.app_no
            WHERE e.event_date BETWEEN $start AND $d AND {_EVENT_FILTER}
            GROUP BY p.county),
        ev AS (
            SELECT county, count(*) FILTER (WHERE event_type = 'briefing') AS briefings,
                   count(*) FILTER (WHERE event_type = 'matching') AS matchings,
                   count(*) AS events, sum(participants) AS participants
            FROM events WHERE event_date BETWEEN $start AND $d GROUP BY county)
        SELECT k.adcode, k.name_zh, k.name_en, k.population_10k,
               coalesce(fil.filings, 0) AS filings, coalesce(fil.enterprises, 0) AS enterprises,
               round(coalesce(con.turnover_10k, 0), 2) AS turnover_10k,
               coalesce(pat.valid_patents, 0) AS valid_patents,
               CASE WHEN k.population_10k > 0
                    THEN round(coalesce(pat.valid_patents, 0) / k.population_10k, 2) END AS patents_per_10k,
               coalesce(use.industrialization, 0) AS industrialization,
               coalesce(ev.briefings, 0) AS briefings, coalesce(ev.matchings, 0) AS matchings,
               coalesce(ev.events, 0) AS events, coalesce(ev.participants, 0) AS participants,
               -- a rule counts from its issue date on; issued with no date known counts as issued
               coalesce(r.issued AND (r.issued_date IS NULL OR r.issued_date <= $d), false) AS rule_issued,
               CASE WHEN r.issued AND r.issued_date <= $d THEN r.issued_date END AS rule_date
        FROM counties k
        LEFT JOIN fil ON fil.county = k.adcode LEFT JOIN con ON con.county = k.adcode
        LEFT JOIN pat ON pat.county = k.adcode LEFT JOIN use ON use.county = k.adcode
        LEFT JOIN ev ON ev.county = k.adcode LEFT JOIN county_rules r ON r.county = k.adcode
        ORDER BY k.adcode""",
        params,
    )


def city_reference(metrics: pd.DataFrame) -> dict[str, float | None]:
    """What a county is compared with: the mean over counties, or the city's rate for patents per 10,000.

    The city's patents per 10,000 people is all valid patents over all people (weighted by
    population), not the mean of the nine rates.
    """
    reference: dict[str, float | None] = {}
    for metric in METRICS:
        if metric == "rules":
            continue
        column = COLUMN[metric]
        if metric == "patents_per_10k":
            people = metrics["population_10k"].sum()
            reference[metric] = round(float(metrics["valid_patents"].sum() / people), 2) if people else None
        else:
            reference[metric] = round(float(metrics[column].mean()), 2) if len(metrics) else None
    return reference


def ranks(metrics: pd.DataFrame, metric: str) -> pd.Series:
    """Rank of each county on ``metric`` (1 = highest, ties share the better rank; missing last)."""
    values = metrics[COLUMN[metric]].astype(float)
    return values.rank(ascending=False, method="min", na_option="bottom").astype(int)


def ranked_adcodes(metrics: pd.DataFrame, metric: str) -> list[str]:
    """The counties' adcodes from the highest on ``metric`` down (ties in adcode order)."""
    ranked = metrics.assign(rank=ranks(metrics, metric)).sort_values(["rank", "adcode"])
    return list(ranked["adcode"])


_YEARLY_SQL = {
    "filings": f"""SELECT i.county, year(f.filing_date) AS year, count(*) AS value
        FROM filings f JOIN institutions i ON i.credit_code = f.enterprise_code
        WHERE f.filing_date BETWEEN $first AND $d AND {_FILING_FILTER} GROUP BY ALL""",
    "enterprises": f"""SELECT i.county, year(f.filing_date) AS year,
            count(DISTINCT f.enterprise_code) AS value
        FROM filings f JOIN institutions i ON i.credit_code = f.enterprise_code
        WHERE f.filing_date BETWEEN $first AND $d AND {_FILING_FILTER} GROUP BY ALL""",
    "turnover": f"""SELECT i.county, year(c.registered_date) AS year, round(sum(c.turnover_10k), 2) AS value
        FROM contracts c JOIN institutions i ON i.credit_code = c.seller_code
        WHERE c.registered_date BETWEEN $first AND $d AND {_CONTRACT_FILTER} GROUP BY ALL""",
    "industrialization": f"""SELECT p.county, year(e.event_date) AS year, count(*) AS value
        FROM patent_events e JOIN patents p ON p.app_no = e.app_no
        WHERE e.event_date BETWEEN $first AND $d AND {_EVENT_FILTER} GROUP BY ALL""",
    "events": """SELECT county, year(event_date) AS year, count(*) AS value
        FROM events WHERE event_date BETWEEN $first AND $d GROUP BY ALL""",
}


# Stock at each year end (at as_of for the current year). A patent granted in year g and no
# longer valid from year l counts in the years g..l-1; grouping the patents by (g, l) first
# keeps this one pass over them, without an inequality join per year.
_STOCK_SQL = """WITH spans AS (
        SELECT p.county, year(p.grant_date) AS g,
               CASE WHEN p.lapse_date IS NULL OR p.lapse_date > $d THEN 9999 ELSE year(p.lapse_date) END AS l,
               {counted} AS n
        FROM {source} WHERE p.grant_date <= $d AND {patent_type} GROUP BY ALL),
    counted AS (SELECT spans.county, years.year, sum(spans.n) AS patents
                FROM spans JOIN years ON spans.g <= years.year AND years.year < spans.l
                GROUP BY ALL)
    SELECT counted.county, counted.year,
           CASE WHEN k.population_10k > 0 THEN round(counted.patents / k.population_10k, 2) END AS value
    FROM counted JOIN counties k ON k.adcode = counted.county"""


def _yearly_sql(metric: str, kinds: list[str] | None) -> str:
    if metric == "patents_per_10k":
        source, counted = _patents(kinds)
        return _STOCK_SQL.format(source=source, counted=counted, patent_type=_PATENT_TYPE)
    if metric not in _YEARLY_SQL:
        raise ValueError(f"no yearly figure for {metric!r}")
    return _YEARLY_SQL[metric]


def metric_by_year(db: Database, scope: Scope, metric: str) -> pd.DataFrame:
    """``metric`` per county per year from ``FIRST_YEAR`` to ``as_of``'s year (all nine × every year).

    Flows are the year's total (the current year up to ``as_of``, ``partial``); patents per
    10,000 people is the stock at each year end. Columns: adcode, year, value, partial.
    Rules have no yearly figure (raises ValueError).
    """
    as_of, kinds = scope.as_of, kpis.kinds_for(scope.inst_kind)
    found = _yearly_sql(metric, kinds)
    first_year = min(FIRST_YEAR, as_of.year)
    frame = _query(
        db,
        f"""WITH years AS (SELECT unnest(range($first_year, $last_year + 1)) AS year),
           found AS ({found})
           SELECT k.adcode, years.year::INTEGER AS year,
                  CASE WHEN $metric = 'patents_per_10k' AND NOT k.population_10k > 0 THEN NULL
                       ELSE coalesce(found.value, 0) END::DOUBLE AS value
           FROM counties k CROSS JOIN years
           LEFT JOIN found ON found.county = k.adcode AND found.year = years.year
           ORDER BY k.adcode, years.year""",
        {
            "first": dt.date(first_year, 1, 1),
            "d": as_of,
            "first_year": first_year,
            "last_year": as_of.year,
            "metric": metric,
            "kinds": kinds,
            "ptype": scope.patent_type,
        },
    )
    frame["partial"] = (frame["year"] == as_of.year) & (as_of != dt.date(as_of.year, 12, 31))
    return frame


def rules_table(db: Database, scope: Scope) -> pd.DataFrame:
    """Each county's implementation rules (实施细则) as they stood on the scope's date.

    ``status``: issued (on or before ``as_of``, or issued with no date), not_issued (reported as
    not issued, or issued only after ``as_of``) or no_record (nothing reported). A rule issued
    after ``as_of`` shows no date, title or number: on that date it did not exist yet.
    """
    return db.query(
        """SELECT k.adcode, k.name_zh, k.name_en,
                  CASE WHEN r.county IS NULL THEN 'no_record'
                       WHEN r.issued AND (r.issued_date IS NULL OR r.issued_date <= $d) THEN 'issued'
                       ELSE 'not_issued' END AS status,
                  CASE WHEN r.issued AND r.issued_date <= $d THEN r.issued_date END AS issued_date,
                  CASE WHEN r.issued AND (r.issued_date IS NULL OR r.issued_date <= $d) THEN r.title END
                      AS title,
                  CASE WHEN r.issued AND (r.issued_date IS NULL OR r.issued_date <= $d) THEN r.doc_no END
                      AS doc_no
           FROM counties k LEFT JOIN county_rules r ON r.county = k.adcode
           ORDER BY k.adcode""",
        {"d": scope.as_of},
    )


def issued_rules(rules: pd.DataFrame) -> int:
    """How many counties of ``rules_table`` had issued their rules."""
    return int((rules["status"] == "issued").sum())


def top_institutions(db: Database, scope: Scope, limit: int = TOP_INSTITUTIONS) -> pd.DataFrame:
    """The scope's division's institutions holding the most valid patents on its date.

    A jointly held patent counts for each holder. Also their filings and patent contract
    turnover since the plan's start. Columns: credit_code, name, kind, valid_patents,
    filings, turnover_10k. Raises ValueError for a scope of the whole region.
    """
    if scope.division is None:
        raise ValueError("top_institutions needs a scope with a division")
    params = {
        "county": scope.division,
        "start": plan_start(db, scope.as_of),
        "d": scope.as_of,
        "kinds": kpis.kinds_for(scope.inst_kind),
        "ptype": scope.patent_type,
        "limit": limit,
    }
    return _query(
        db,
        f"""WITH inst AS (
               SELECT credit_code, name, kind FROM institutions i
               WHERE county = $county AND ($kinds IS NULL OR list_contains($kinds::VARCHAR[], kind))),
           -- holdings (data_layer/holdings.py) is stored by kind and division: one division's
           -- holders are a few of its row groups, not every holder row of the region.
           held AS (
               SELECT holder_code, count(*) AS valid_patents
               FROM holdings
               WHERE county = $county AND ($kinds IS NULL OR list_contains($kinds::VARCHAR[], kind))
                 AND grant_date <= $d AND (lapse_date IS NULL OR lapse_date > $d)
                 AND ($ptype IS NULL OR patent_type = $ptype)
               GROUP BY holder_code),
           fil AS (
               SELECT f.enterprise_code AS code, count(*) AS filings
               FROM filings f JOIN institutions i ON i.credit_code = f.enterprise_code
               WHERE i.county = $county AND f.filing_date BETWEEN $start AND $d AND {_FILING_FILTER}
               GROUP BY ALL),
           con AS (
               SELECT c.seller_code AS code, round(sum(c.turnover_10k), 2) AS turnover_10k
               FROM contracts c JOIN institutions i ON i.credit_code = c.seller_code
               WHERE i.county = $county AND c.registered_date BETWEEN $start AND $d AND {_CONTRACT_FILTER}
               GROUP BY ALL)
           SELECT inst.credit_code, inst.name, inst.kind, held.valid_patents,
                  coalesce(fil.filings, 0) AS filings, coalesce(con.turnover_10k, 0) AS turnover_10k
           FROM held JOIN inst ON inst.credit_code = held.holder_code
           LEFT JOIN fil ON fil.code = inst.credit_code LEFT JOIN con ON con.code = inst.credit_code
           ORDER BY held.valid_patents DESC, inst.name
           LIMIT $limit""",
        params,
    )


@dataclass(frozen=True)
class CountyDetail:
    """One county's frames: its top institutions, its filings and turnover per year (all counties)."""

    top_institutions: pd.DataFrame
    filings_by_year: pd.DataFrame
    turnover_by_year: pd.DataFrame


@dataclass(frozen=True)
class CountiesPage:
    """Every frame the counties page draws for one metric."""

    metrics: pd.DataFrame  # county_metrics
    rules: pd.DataFrame  # rules_table
    by_year: pd.DataFrame | None  # metric_by_year of the metric; None for rules, which have none
    detail: CountyDetail | None  # the scope's division's; None for the whole region


def page_data(db: Database, scope: Scope, metric: str = DEFAULT_METRIC) -> CountiesPage:
    """Every frame the page's default view needs; with the scope's division, its detail's too."""
    detail = None
    if scope.division:
        detail = CountyDetail(
            top_institutions=top_institutions(db, scope),
            filings_by_year=metric_by_year(db, scope, "filings"),
            turnover_by_year=metric_by_year(db, scope, "turnover"),
        )
    return CountiesPage(
        metrics=county_metrics(db, scope),
        rules=rules_table(db, scope),
        by_year=None if metric == "rules" else metric_by_year(db, scope, metric),
        detail=detail,
    )


# --- the rows behind a county's figure (溯源) ---------------------------------------------------

# Per metric: the rows a county's figure counts, their order, and the aggregate over all of them
# that makes it (a window: the first rows and the total come from one query). The WHERE clauses are
# ``county_metrics``' own, narrowed to one county.
_METRIC_ROWS: dict[str, tuple[str, str, str]] = {
    "filings": (
        f"""SELECT f.filing_no, f.product_name, i.name AS enterprise, f.enterprise_code, i.kind,
                   f.filing_date, f.batch_id
            FROM filings f JOIN institutions i ON i.credit_code = f.enterprise_code
            WHERE i.county = $county AND f.filing_date BETWEEN $start AND $d AND {_FILING_FILTER}""",
        "filing_date, filing_no",
        "count(*) OVER ()",
    ),
    "turnover": (
        f"""SELECT c.contract_no, c.title, c.contract_type, i.name AS seller, c.buyer_name, c.registered_date,
                   c.turnover_10k, c.batch_id
            FROM contracts c JOIN institutions i ON i.credit_code = c.seller_code
            WHERE i.county = $county AND c.registered_date BETWEEN $start AND $d AND {_CONTRACT_FILTER}""",
        "registered_date, contract_no",
        "round(sum(turnover_10k) OVER (), 2)",
    ),
    "patents_per_10k": (
        """SELECT DISTINCT p.app_no, p.title, p.patent_type, p.grant_date, p.lapse_date, p.batch_id
           FROM {source}
           WHERE p.county = $county AND p.grant_date <= $d AND (p.lapse_date IS NULL OR p.lapse_date > $d)
             AND """
        + _PATENT_TYPE,
        "app_no",
        "count(*) OVER ()",
    ),
    "industrialization": (
        f"""SELECT e.app_no, p.title, p.patent_type, e.event_type, e.event_date, e.counterparty, e.batch_id
            FROM patent_events e JOIN patents p ON p.app_no = e.app_no
            WHERE p.county = $county AND e.event_date BETWEEN $start AND $d AND {_EVENT_FILTER}""",
        "event_date, app_no",
        "count(*) OVER ()",
    ),
    "events": (
        """SELECT title, event_type AS activity_type, event_date, participants, deals, deal_amount_10k,
                  batch_id
           FROM events WHERE county = $county AND event_date BETWEEN $start AND $d""",
        "event_date, title",
        "count(*) OVER ()",
    ),
}
_METRIC_ROWS["enterprises"] = (*_METRIC_ROWS["filings"][:2], "count(DISTINCT enterprise_code) OVER ()")


RECORDED = tuple(_METRIC_ROWS)  # the metrics with records (a rule is one sentence already)


@dataclass(frozen=True)
class MetricRecords:
    """The rows behind one county's figure on the counties page, and the figure made from them."""

    metric: str
    county: str
    records: pd.DataFrame  # the first ``limit`` rows, in the page's order
    count: int  # all the rows
    value: float | None  # the county's figure, made from all the rows


def metric_records(db: Database, scope: Scope, metric: str, limit: int | None = 200) -> MetricRecords:
    """The rows ``metric`` counts for the scope's county (``scope.division``), with its filters."""
    county = scope.division
    if metric not in _METRIC_ROWS or county is None:
        raise ValueError(f"no records for {metric!r} of {county!r}")
    sql, order, total = _METRIC_ROWS[metric]
    kinds = kpis.kinds_for(scope.inst_kind)
    if metric == "patents_per_10k":
        sql = sql.format(source=_patents(kinds)[0])
    as_of = scope.as_of
    values = {
        "county": county,
        "start": plan_start(db, as_of),
        "d": as_of,
        "kinds": kinds,
        "ptype": scope.patent_type,
    }
    rows = _query(
        db,
        f"SELECT *, count(*) OVER () AS _count, {total} AS _total FROM ({sql}) ORDER BY {order}"
        + ("" if limit is None else f" LIMIT {int(limit)}"),
        values,
    )
    count = int(rows["_count"].iloc[0]) if len(rows) else 0
    found = float(rows["_total"].iloc[0]) if len(rows) else 0.0
    if metric == "patents_per_10k":
        people = db.scalar("SELECT population_10k FROM counties WHERE adcode = ?", [county])
        found = round(found / people, 2) if people else None
    return MetricRecords(metric, county, rows.drop(columns=["_count", "_total"]), count, found)
