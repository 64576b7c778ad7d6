"""Data quality (数据质量): what is missing or doubtful in the data that moves a KPI.

Each ``Check`` is one kind of gap: the records that have it (one SQL query), the figures it
moves, and the file that mends it. ``quality(db, scope)`` counts every check's records on
the scope's date and division and says when each source was last loaded, by which import;
``check_records(db, scope, code)`` lists one check's records, the count's rows exactly.

The scope's institution kind and patent type do not apply: a gap is a gap for every filter.
Indicators are reported for the whole region, so their check ignores the division too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from . import regions
from .db import Database
from .measure_progress import last_ended_quarter
from .models import INSTITUTION_KINDS
from .scope import Scope

# A patent application this long after filing with neither a grant date nor a status is more
# likely a grant date the file left out than an application still under examination (an
# invention's examination takes about two years); K4 counts it as not granted.
UNDECIDED_YEARS = 3
# Statutory terms from the filing date (专利法 第四十二条): a design filed from 2021-06-01 has 15.
TERMS = {"invention": 20, "utility_model": 10, "design": 10}
DESIGN_15_FROM = dt.date(2021, 6, 1)


@dataclass(frozen=True)
class Check:
    """One kind of gap: ``unit`` counts its records, ``moves`` names the figures it moves and
    ``source`` the kind of file that mends it (an upload kind of ``data_layer.tables``)."""

    code: str
    unit: str
    moves: tuple[str, ...]
    source: str
    by_division: bool = True  # whether the division filter applies


@dataclass(frozen=True)
class Finding:
    """A check's count on a scope (0: no gap)."""

    check: Check
    count: int


@dataclass(frozen=True)
class SourceUpdate:
    """The latest import in force of one kind of file (none: never loaded)."""

    kind: str
    batch_id: int | None
    file_name: str | None
    user_name: str | None
    finished_at: dt.datetime | None

    def age_days(self, today: dt.date) -> int | None:
        return None if self.finished_at is None else (today - self.finished_at.date()).days


@dataclass(frozen=True)
class Quality:
    findings: tuple[Finding, ...]
    sources: tuple[SourceUpdate, ...]

    @property
    def gaps(self) -> tuple[Finding, ...]:
        """The checks that found something, in the checks' order."""
        return tuple(f for f in self.findings if f.count)


CHECKS = (
    Check("indicators_unreported", "项", ("measures",), "indicators", by_division=False),
    Check("patents_no_grant", "件", ("K4",), "patents"),
    Check("patents_past_term", "件", ("K4",), "patents"),
    Check("institutions_unplaced", "家", ("K1", "K4", "K5"), "institutions"),
    Check("credit_code_warning", "家", ("K1", "K4", "K5"), "institutions"),
    Check("contracts_buyer_assumed", "件", ("contracts",), "contracts"),
    Check("filings_no_output", "件", ("K3",), "filings"),
)
BY_CODE = {check.code: check for check in CHECKS}
SOURCES = ("institutions", "patents", "patent_events", "filings", "contracts", "indicators", "targets")


# --- the checks' records -----------------------------------------------------------------------

_INDICATORS_UNREPORTED = """
    WITH known AS (
        SELECT measure, indicator, arg_max(department, quarter) AS department,
               max(quarter) AS last_quarter
        FROM indicators WHERE quarter < $quarter GROUP BY ALL),
    reported AS (SELECT DISTINCT measure, indicator FROM indicators WHERE quarter = $quarter)
    SELECT m.measure, m.name_zh AS measure_name, k.indicator, k.department, k.last_quarter
    FROM measures m
    LEFT JOIN known k ON k.measure = m.measure
    WHERE NOT EXISTS (SELECT 1 FROM reported r WHERE r.measure = m.measure
                      AND (k.indicator IS NULL OR r.indicator = k.indicator))
    ORDER BY m.measure, k.indicator"""

_PATENTS_NO_GRANT = """
    SELECT p.app_no, p.title, p.patent_type, p.filing_date, p.county, p.batch_id
    FROM patents p
    WHERE p.grant_date IS NULL AND p.legal_status IS NULL
      AND p.filing_date <= $d - INTERVAL (CAST($undecided AS INTEGER)) YEAR
      AND ($county IS NULL OR p.county = $county)
    ORDER BY p.filing_date, p.app_no"""

_PATENTS_PAST_TERM = """
    SELECT * FROM (
        SELECT p.app_no, p.title, p.patent_type, p.filing_date, p.grant_date, p.county,
               CAST(p.filing_date + INTERVAL (CASE
                   WHEN p.patent_type = 'invention' THEN $invention
                   WHEN p.patent_type = 'design' AND p.filing_date >= $design_15_from THEN 15
                   WHEN p.patent_type = 'design' THEN $design
                   ELSE $utility_model END) YEAR AS DATE) AS term_end,
               p.batch_id
        FROM patents p
        WHERE p.grant_date IS NOT NULL AND p.lapse_date IS NULL
          AND coalesce(p.legal_status, '') <> 'lapsed'
          AND ($county IS NULL OR p.county = $county))
    WHERE term_end <= $d
    ORDER BY term_end, app_no"""

_INSTITUTIONS_UNPLACED = """
    SELECT i.credit_code, i.name, i.kind, i.county, i.batch_id
    FROM institutions i
    WHERE (i.county NOT IN (SELECT adcode FROM counties)
           OR i.kind NOT IN (SELECT unnest($kinds::VARCHAR[])))
      AND ($county IS NULL OR i.county = $county)
    ORDER BY i.name"""

# The check character of GB 32100-2015 (as ``identifiers.credit_check_ok``, which the test
# compares it with): 31 minus the weighted sum of the first 17 characters, modulo 31. A local id
# (NC-…, for an institution without a code) has none. The sum is written out term by term (a
# list lambda over 17 positions took twice as long: 46 -> 26 ms for 70,000 institutions).
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_CREDIT_SUM = " + ".join(
    f"(instr($alphabet, substr(i.credit_code, {k + 1}, 1)) - 1) * {weight}"
    for k, weight in enumerate(CREDIT_WEIGHTS)
)
_CREDIT_CODE_WARNING = f"""
    SELECT i.credit_code, i.name, i.kind, i.county, i.batch_id
    FROM institutions i
    WHERE NOT regexp_full_match(i.credit_code, 'NC-[0-9A-F]{{15}}')
      AND substr(i.credit_code, 18, 1)
          <> substr($alphabet, CAST((31 - ({_CREDIT_SUM}) % 31) % 31 + 1 AS BIGINT), 1)
      AND ($county IS NULL OR i.county = $county)
    ORDER BY i.name"""

_CONTRACTS_BUYER_ASSUMED = """
    SELECT c.contract_no, c.title, c.buyer_name, c.registered_date, c.turnover_10k, i.county, c.batch_id
    FROM contracts c JOIN institutions i ON i.credit_code = c.seller_code
    WHERE c.buyer_local_assumed AND c.registered_date <= $d
      AND ($county IS NULL OR i.county = $county)
    ORDER BY c.registered_date, c.contract_no"""

_FILINGS_NO_OUTPUT = """
    SELECT f.filing_no, f.product_name, i.name AS enterprise, f.filing_date, i.county,
           $year AS output_year, f.batch_id
    FROM filings f JOIN institutions i ON i.credit_code = f.enterprise_code
    WHERE f.patent_intensive AND f.filing_date <= make_date($year, 12, 31)
      AND NOT EXISTS (SELECT 1 FROM filing_outputs o WHERE o.filing_no = f.filing_no AND o.year = $year)
      AND ($county IS NULL OR i.county = $county)
    ORDER BY f.filing_date, f.filing_no"""


def _values(scope: Scope) -> dict:
    return {"d": scope.as_of, "county": scope.division}


def last_complete_year(as_of: dt.date) -> int:
    """The latest calendar year that has ended by ``as_of``."""
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


# Each check's records query and its parameters on a scope.
_QUERIES: dict[str, Callable[[Scope], tuple[str, dict]]] = {
    "indicators_unreported": lambda s: (_INDICATORS_UNREPORTED, {"quarter": last_ended_quarter(s.as_of)}),
    "patents_no_grant": lambda s: (_PATENTS_NO_GRANT, {**_values(s), "undecided": UNDECIDED_YEARS}),
    "patents_past_term": lambda s: (
        _PATENTS_PAST_TERM,
        {**_values(s), **TERMS, "design_15_from": DESIGN_15_FROM},
    ),
    "institutions_unplaced": lambda s: (
        _INSTITUTIONS_UNPLACED,
        {"county": s.division, "kinds": sorted(set(INSTITUTION_KINDS.values()))},
    ),
    "credit_code_warning": lambda s: (
        _CREDIT_CODE_WARNING,
        {"county": s.division, "alphabet": CREDIT_ALPHABET},
    ),
    "contracts_buyer_assumed": lambda s: (_CONTRACTS_BUYER_ASSUMED, _values(s)),
    "filings_no_output": lambda s: (
        _FILINGS_NO_OUTPUT,
        {"county": s.division, "year": last_complete_year(s.as_of)},
    ),
}


def check_records(db: Database, scope: Scope, code: str, limit: int | None = None) -> pd.DataFrame:
    """The records check ``code`` finds on the scope, in order (its count is their number);
    the first ``limit`` only if given (a page lists a few; the downloads hold them all)."""
    sql, values = _QUERIES[BY_CODE[code].code](scope)
    return db.query(sql if limit is None else f"{sql} LIMIT {int(limit)}", values)


def check_count(db: Database, scope: Scope, code: str) -> int:
    """How many records check ``code`` finds, without fetching them."""
    sql, values = _QUERIES[BY_CODE[code].code](scope)
    return int(db.scalar(f"SELECT count(*) FROM ({_unordered(sql)})", values))


def _unordered(sql: str) -> str:
    """A records query without its closing ORDER BY (each ends with one): a count needs no
    order, and DuckDB sorted the 108,694 patents past their term at 100x only to count them
    (the overview's seven counts: about 260 -> 110 ms)."""
    return sql[: sql.rindex("ORDER BY")]


# --- the summary -----------------------------------------------------------------------------


def source_updates(db: Database) -> tuple[SourceUpdate, ...]:
    """Each source's latest import still in force (an undone import, or an undo, does not count)."""
    rows = db.query(
        """SELECT kind, max(batch_id) AS batch_id, arg_max(file_name, batch_id) AS file_name,
                  arg_max(user_name, batch_id) AS user_name, max(finished_at) AS finished_at
           FROM imports WHERE undoes IS NULL AND undone_by IS NULL GROUP BY kind"""
    )
    latest = {row.kind: row for row in rows.itertuples(index=False)}
    return tuple(_update(kind, latest.get(kind)) for kind in SOURCES)


def _update(kind: str, row) -> SourceUpdate:
    if row is None:
        return SourceUpdate(kind, None, None, None, None)
    return SourceUpdate(
        kind, int(row.batch_id), row.file_name, row.user_name, pd.Timestamp(row.finished_at).to_pydatetime()
    )


def quality(db: Database, scope: Scope) -> Quality:
    """Every check's count on the scope, and when each source was last loaded."""
    regions.pack(scope.region)  # an unknown region is refused here, not halfway through
    # One query counts every check (parameters of the same name hold the same value in each).
    queries = [_QUERIES[check.code](scope) for check in CHECKS]
    sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM ({_unordered(q)}))" for q, _ in queries)
    counts = db.rows(sql, {k: v for _, values in queries for k, v in values.items()})[0]
    findings = tuple(Finding(check, int(n)) for check, n in zip(CHECKS, counts, strict=True))
    return Quality(findings, source_updates(db))
