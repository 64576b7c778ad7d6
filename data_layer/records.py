"""The records behind a KPI (溯源): the rows a card's figure is made of, and the figure made again
from them.

``kpi_records(db, scope, code)`` lists, for the scope's date and division, the enterprises'
filings (K1, K2), the filed patent-intensive products' output of the card's year (K3), every
valid patent of the universities and institutes with the event that made it industrialized, or
none (K4), and the patent contracts of the card's year and the baseline year (K5).

One query per drill returns the first ``SHOWN`` records in order and, as window aggregates over
all of them, the totals the figure is made from (``Drill.totals``; ``Drill.value`` makes the
figure from them, and tests check it is the card's). A province's K4 has hundreds of thousands of
valid patents: the page shows the first rows and downloads all of them (``all_records``), built
on click.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from .db import Database
from .institution_rates import kinds_of
from .kpis import RESEARCH_KINDS, compute_kpi
from .scope import Scope

RATE = "RATE"  # the institutions page's rate, beside the KPI codes
SHOWN = (
    200  # records a page lists (more only slow the K4 lookup of titles, see _describe); downloads hold all
)

_FILINGS = """
    SELECT f.enterprise_code, i.name AS enterprise, i.kind, i.county, f.filing_no, f.product_name,
           f.filing_date, f.patent_intensive, f.batch_id
    FROM filings f JOIN institutions i ON i.credit_code = f.enterprise_code
    WHERE f.filing_date <= $d AND ($county IS NULL OR i.county = $county)"""

_OUTPUT = """
    SELECT f.filing_no, f.product_name, i.name AS enterprise, i.county, f.filing_date, o.year, o.output_10k,
           f.batch_id
    FROM filing_outputs o
    JOIN filings f ON f.filing_no = o.filing_no
    JOIN institutions i ON i.credit_code = f.enterprise_code
    WHERE f.patent_intensive AND f.filing_date <= $d AND o.year = $year
      AND ($county IS NULL OR i.county = $county)"""


# The K4 population as kpis._INDUSTRIALIZATION counts it: a patent held by a university or
# institute (once, however many hold it), valid on the date, industrialized from its first
# industrializing event (or its grant, if later); read from ``holdings`` (data_layer/holdings.py),
# whose order lets the kind and division filters skip most of it. Titles and holders' names are
# added for the rows shown only (``_describe``): joined to every patent, they cost seconds at
# 100x; for a few rows DuckDB's join filter skips the row groups outside their application
# numbers' range.
def _patents_sql(*, patent_type: bool = False, holder: bool = False) -> str:
    """The population's query; the type and holder clauses only when asked for (fixed fragments,
    never user text)."""
    clauses = " AND patent_type = $patent_type" * patent_type + " AND holder_code = $holder" * holder
    return (
        """WITH held AS (
        SELECT DISTINCT app_no, grant_date, lapse_date, used_on, event_type, counterparty,
               -- greatest() skips NULLs, so a never-used patent must stay NULL here (as in kpis)
               CASE WHEN used_on IS NOT NULL THEN greatest(grant_date, used_on) END AS used_from
        FROM holdings
        WHERE kind IN (SELECT unnest($kinds::VARCHAR[])) AND ($county IS NULL OR county = $county)
          AND grant_date <= $d AND (lapse_date IS NULL OR lapse_date > $d)"""
        + clauses
        + """)
    SELECT app_no, grant_date, lapse_date,
           CASE WHEN used_from <= $d THEN event_type END AS event_type,
           CASE WHEN used_from <= $d THEN used_on END AS event_date,
           CASE WHEN used_from <= $d THEN counterparty END AS counterparty,
           coalesce(used_from <= $d, false) AS industrialized
    FROM held"""
    )


_DESCRIBE = """
    SELECT p.app_no, p.title, p.patent_type, string_agg(i.name, '；' ORDER BY h.seq) AS holders,
           any_value(i.county ORDER BY h.seq) AS county
    FROM patents p JOIN patent_holders h ON h.app_no = p.app_no
    JOIN institutions i ON i.credit_code = h.holder_code
    WHERE p.app_no IN (SELECT unnest($apps::VARCHAR[])) AND i.kind IN (SELECT unnest($kinds::VARCHAR[]))
    GROUP BY p.app_no, p.title, p.patent_type"""

_CONTRACTS = """
    SELECT c.contract_no, c.title, c.contract_type, i.name AS seller, i.county, c.buyer_name,
           c.registered_date, year(c.registered_date) AS year, c.turnover_10k,
           (SELECT string_agg(p.app_no, '；' ORDER BY p.app_no) FROM contract_patents p
            WHERE p.contract_no = c.contract_no) AS patents,
           c.batch_id
    FROM contracts c JOIN institutions i ON i.credit_code = c.seller_code
    WHERE c.involves_patent AND c.registered_date <= $d AND year(c.registered_date) IN (SELECT unnest($years))
      AND ($county IS NULL OR i.county = $county)"""


@dataclass(frozen=True)
class _Spec:
    sql: str
    order: str
    # total's name -> its aggregate (a window over every record; no FILTER: as a window, DuckDB
    # 1.x/2.0 takes 100 times as long with it, 24 s for a city's K4 at 100x)
    totals: dict[str, str]


_SPECS = {
    "K1": _Spec(
        _FILINGS, "enterprise, filing_date, filing_no", {"enterprises": "count(DISTINCT enterprise_code)"}
    ),
    "K2": _Spec(
        _FILINGS, "enterprise, filing_date, filing_no", {"enterprises": "count(DISTINCT enterprise_code)"}
    ),
    "K3": _Spec(_OUTPUT, "output_10k DESC, filing_no", {"output_10k": "sum(output_10k)"}),
    "K4": _Spec(
        _patents_sql(), "industrialized DESC, app_no", {"industrialized": "sum(industrialized::INTEGER)"}
    ),
    "K5": _Spec(
        _CONTRACTS,
        "registered_date, contract_no",
        {
            "turnover_10k": "sum(CASE WHEN year = $year THEN turnover_10k END)",
            "baseline_10k": "sum(CASE WHEN year = $base THEN turnover_10k END)",
        },
    ),
}


@dataclass(frozen=True)
class Drill:
    """The first records behind KPI ``code``, how many there are, and the totals over all of them."""

    code: str
    as_of: dt.date
    records: pd.DataFrame  # the first ``SHOWN``, in the page's order
    count: int
    totals: dict

    @property
    def value(self) -> float | None:
        """The card's figure made again from ``totals`` alone (the test of the drill)."""
        return _VALUE_OF[self.code](self)


def kpi_records(db: Database, scope: Scope, code: str, limit: int | None = SHOWN) -> Drill:
    """The records behind KPI ``code`` on the scope (kind and type do not apply, as for the cards)."""
    values, context = _values(db, scope, code)
    drill = _drill(db, code, _SPECS[code], values, context, scope.as_of, limit)
    if code == "K4":
        return replace(drill, records=_describe(db, drill.records, RESEARCH_KINDS))
    return drill


def rate_records(
    db: Database, scope: Scope, institution: str | None = None, limit: int | None = SHOWN
) -> Drill:
    """The patents behind the institutions page's rate (code ``RATE``): the valid patents of the
    scope's institution kind, division and patent type, or of one ``institution``, each with the
    event that made it industrialized. A jointly held patent counts once, as in the page's total."""
    kinds = kinds_of(scope.inst_kind)
    spec = replace(
        _SPECS["K4"],
        sql=_patents_sql(patent_type=scope.patent_type is not None, holder=institution is not None),
    )
    values = {
        "d": scope.as_of,
        "county": scope.division,
        "kinds": list(kinds),
        "patent_type": scope.patent_type,
        "holder": institution,
    }
    used = {k: v for k, v in values.items() if f"${k}" in spec.sql}  # DuckDB refuses unused names
    drill = _drill(db, RATE, spec, used, {}, scope.as_of, limit)
    return replace(drill, records=_describe(db, drill.records, kinds))


def _drill(db: Database, code: str, spec: _Spec, values: dict, context: dict, as_of, limit) -> Drill:
    """Run ``spec``: its first ``limit`` records, their count and its totals over all of them."""
    aggregates = ", ".join(f"{sql} OVER () AS _total_{name}" for name, sql in spec.totals.items())
    rows = db.query(
        f"SELECT *, count(*) OVER () AS _count, {aggregates} FROM ({spec.sql}) ORDER BY {spec.order}"
        + ("" if limit is None else f" LIMIT {int(limit)}"),
        values,
    )
    count = int(rows["_count"].iloc[0]) if len(rows) else 0
    # Counts as ints, sums of 万元 rounded as the KPI's own SQL rounds them; over no row, 0.
    found = {n: rows[f"_total_{n}"].iloc[0] if len(rows) else None for n in spec.totals}
    totals = {**context, **{n: _number(n, v) for n, v in found.items()}}
    records = rows.drop(columns=[c for c in rows.columns if c.startswith("_")])
    return Drill(code, as_of, records, count, totals)


def _number(name: str, value) -> float | int:
    if value is None or pd.isna(value):
        return 0
    return round(float(value), 2) if name.endswith("_10k") else int(value)


def all_records(db: Database, scope: Scope, code: str, institution: str | None = None) -> pd.DataFrame:
    """Every record behind figure ``code`` (for the downloads)."""
    if code == RATE:
        return rate_records(db, scope, institution, limit=None).records
    return kpi_records(db, scope, code, limit=None).records


def _values(db: Database, scope: Scope, code: str) -> tuple[dict, dict]:
    """The query's parameters, and what the figure needs besides the records (K3's and K5's year)."""
    values = {"d": scope.as_of, "county": scope.division}
    if code == "K4":
        return {**values, "kinds": list(RESEARCH_KINDS)}, {}
    if code == "K3":
        kpi = compute_kpi(db, scope, code)  # its year: the latest complete year with output
        year = int(kpi.value_label) if kpi.value_label else _last_year(scope.as_of)
        return {**values, "year": year}, {"year": year, "has_value": kpi.value is not None}
    if code == "K5":
        kpi = compute_kpi(db, scope, code)  # its years: the card's and the baseline's
        year = int(kpi.value_label) if kpi.value_label else None
        base = kpi.detail.get("baseline_year")
        given = kpi.baseline if kpi.detail.get("baseline_from_targets") else None
        years = [y for y in {year, None if given is not None else base} if y is not None]
        context = {"year": year, "baseline_year": base, "baseline_given": given, "annualized": kpi.annualized}
        return {**values, "years": years, "year": year, "base": base}, context
    return values, {}


def _describe(db: Database, records: pd.DataFrame, kinds: tuple[str, ...]) -> pd.DataFrame:
    """Patent rows with each one's title, type, holders (of ``kinds``) and county, in the rows' order."""
    names = db.query(_DESCRIBE, {"apps": list(records["app_no"]), "kinds": list(kinds)})
    described = records.merge(names, on="app_no", how="left")
    first = ["app_no", "title", "patent_type", "holders", "county"]
    return described[first + [c for c in described.columns if c not in first]]


def _last_year(as_of: dt.date) -> int:
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


def _k5_value(drill: Drill) -> float | None:
    totals = drill.totals
    base = totals["baseline_given"] if totals["baseline_given"] is not None else totals["baseline_10k"]
    if totals["year"] is None or not base:
        return None
    amount = totals["turnover_10k"]
    if totals["annualized"]:  # the year so far, scaled to a whole year as the card does
        start = dt.date(drill.as_of.year, 1, 1)
        days = (dt.date(drill.as_of.year + 1, 1, 1) - start).days
        amount = round(amount * days / ((drill.as_of - start).days + 1), 2)
    return round(100.0 * (amount / base - 1), 2)


_VALUE_OF = {
    "K1": lambda drill: drill.totals["enterprises"],
    "K2": lambda drill: drill.count,
    "K3": lambda drill: drill.totals["output_10k"] if drill.totals["has_value"] else None,
    "K4": lambda drill: (
        round(100.0 * drill.totals["industrialized"] / drill.count, 2) if drill.count else None
    ),
    "K5": _k5_value,
    RATE: lambda drill: _VALUE_OF["K4"](drill),
}
