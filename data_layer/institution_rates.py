"""Industrialization rate per institution (the K4 definition), and one institution's detail.

Definitions are K4's (``kpis.industrialization``, README): a patent is valid on a date when
granted by then and not lapsed; industrialized when by then it was implemented by a holder,
transferred, or licensed and put into production, and is still valid. A patent belongs to
each institution that holds it (``patent_holders``, which keeps the filing holders, so a
transferred patent stays with the institution that filed it): a jointly held patent counts
once for each holder, and once in any total over several institutions. A patent
industrialized by several routes counts once in ``industrialized`` and once in each route
column, so the route columns may add up to more than ``industrialized``.

An institution with no valid patents has no rate (NaN in the frames, None in the typed
results), never 0 %.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import holdings
from .db import Database
from .kpis import RESEARCH_KINDS, target_for
from .scope import Scope

ROUTES = ("implementation", "transfer", "license")
DEFAULT_KIND = "academic"
DEFAULT_BASELINE_YEAR = 2023
# The shared inst_kind filter's values and the institution kinds each stands for.
KIND_GROUPS: dict[str, tuple[str, ...]] = {
    "academic": RESEARCH_KINDS,
    "university": ("university",),
    "research_institute": ("research_institute",),
    "city_soe": ("city_soe",),
    "enterprise": ("enterprise",),
}
COUNT_COLUMNS = ("valid", "industrialized", *ROUTES)

# Patents narrowed by type: a fixed fragment, added only when a type is asked for.
_TYPE_CLAUSE = " AND patent_type = $patent_type"

# The held patents: rows of ``holdings`` (data_layer/holdings.py: each granted patent's holders
# with its first use by each route, remade by every write of its sources). Stored by kind and
# division, it lets universities and institutes, or one division, read only their part; every
# enterprise is most of the table. ``$code`` narrows to one holder.
_HELD = """
    held AS NOT MATERIALIZED (
        SELECT holder_code, app_no, shared, {columns}
        FROM holdings
        WHERE kind IN (SELECT unnest($kinds::VARCHAR[]))
          AND ($county IS NULL OR county = $county)
          AND ($code IS NULL OR holder_code = $code) {type_clause})"""

# Per holder, on the few dates the ranking reads: what a held patent is on date $d{j}: valid
# (granted by then, not lapsed), industrialized (also used by then by any route: a use before
# the grant counts from the grant, which valid already asks) and industrialized by each route,
# as filtered counts in one pass. Whether a row is valid on a date is worked out once per row
# (on_0, on_1, ...), not in each count that asks. ``used_on`` is the first use by any route.
_ON = "grant_date <= $d{j} AND (lapse_date IS NULL OR lapse_date > $d{j}) AS on_{j}"
_USED = {"industrialized": "used_on", **{route: f"{route}_on" for route in ROUTES}}
_SPANS = "grant_date, lapse_date, used_on, implementation_on, transfer_on, license_on"


def _aggregates(j: int) -> str:
    counts = [f"count(*) FILTER (WHERE on_{j}) AS valid_{j}"]
    for name, used in _USED.items():
        counts.append(f"count(*) FILTER (WHERE on_{j} AND {used} <= $d{j}) AS {name}_{j}")
    return ", ".join(counts)


# In total, on every date: by steps, as K4 counts (``holdings.steps_sql``), each patent once
# (``holdings.once_sql``). Every enterprise at 100x, 4 dates: date positions grouped 720 ms,
# filtered counts 250 ms, filtered counts per holder and steps in total about 200 ms.
def _total_on(j: int) -> str:
    return ", ".join(f"coalesce(sum({c}) FILTER (WHERE day <= $d{j}), 0) AS {c}_{j}" for c in COUNT_COLUMNS)


def _counts_sql(dates: int, holder_dates: tuple[int, ...], patent_type: bool) -> str:
    """The counting query for ``dates`` dates ($d0, $d1, ...), per holder on the dates at the
    positions ``holder_dates`` and in total on every date (counts, never user text)."""
    columns = ", ".join([_SPANS, *(_ON.format(j=j) for j in holder_dates)])
    held = _HELD.format(type_clause=_TYPE_CLAUSE if patent_type else "", columns=columns)
    per_date = [_one_date(j, "total") for j in range(dates)] + [_one_date(j, "holders") for j in holder_dates]
    return f"""WITH {held},
    holders AS (
        SELECT holder_code AS credit_code, {", ".join(_aggregates(j) for j in holder_dates) or "1"}
        FROM held GROUP BY holder_code),
    patents_once AS ({holdings.once_sql("held", _SPANS)}),
    steps AS ({holdings.steps_sql("patents_once", _USED)}),
    total AS (SELECT NULL AS credit_code, {", ".join(_total_on(j) for j in range(dates))} FROM steps)
    {" UNION ALL ".join(per_date)}
    ORDER BY credit_code NULLS FIRST, date"""


def _one_date(j: int, source: str) -> str:
    counts = ", ".join(f"{column}_{j} AS {column}" for column in COUNT_COLUMNS)
    return f"SELECT credit_code, $d{j} AS date, {counts} FROM {source}"


def kinds_of(inst_kind: str | None) -> tuple[str, ...]:
    """Institution kinds for the shared filter's value; None means universities and institutes."""
    return KIND_GROUPS[inst_kind or DEFAULT_KIND]


def baseline_year(db: Database, as_of: dt.date) -> int:
    """The K4 target's baseline year in force on ``as_of`` (the plan's 2023 when none is set)."""
    target = target_for(db, "K4", as_of)
    year = target.get("baseline_year") if target else None
    return DEFAULT_BASELINE_YEAR if year is None or pd.isna(year) else int(year)


def target_rate(db: Database, as_of: dt.date, baseline_rate: float | None) -> float | None:
    """The rate K4's target asks of a group whose baseline rate is ``baseline_rate``: the
    baseline plus the target's points when K4 is judged "above the baseline", else none."""
    target = target_for(db, "K4", as_of)
    if not target or target["target_type"] != "above_baseline" or baseline_rate is None:
        return None
    return round(baseline_rate + float(target["target_value"]), 2)


def rate_dates(as_of: dt.date, first_year: int) -> list[dt.date]:
    """Each year end from ``first_year`` up to ``as_of``, then ``as_of`` itself."""
    days = [dt.date(y, 12, 31) for y in range(first_year, as_of.year + 1) if dt.date(y, 12, 31) <= as_of]
    return [*days, as_of] if as_of not in days else days


def counts_by_date(
    db: Database,
    *,
    dates: list[dt.date],
    kinds: tuple[str, ...],
    patent_type: str | None = None,
    county: str | None = None,
    code: str | None = None,
    holder_dates: list[dt.date] | None = None,
) -> pd.DataFrame:
    """Valid, industrialized and per-route patent counts per institution and date.

    One pass over the held patents answers every date. Rows with ``credit_code`` NULL are
    the total over all the institutions, where a jointly held patent counts once. Each
    institution has rows for the ``holder_dates`` (default: every date); institutions holding
    no granted patent have none.
    """
    dates = sorted(set(dates))
    wanted = set(dates if holder_dates is None else holder_dates)
    holder_positions = tuple(j for j, day in enumerate(dates) if day in wanted)
    sql = _counts_sql(len(dates), holder_positions, bool(patent_type))
    params = {"kinds": list(kinds), "county": county, "code": code} | {
        f"d{j}": d for j, d in enumerate(dates)
    }
    if patent_type:
        params["patent_type"] = patent_type
    frame = db.query(sql, params)
    frame["date"] = pd.to_datetime(frame["date"]).dt.date
    # A total over no patents at all still has a row per date (zero counts, no rate).
    if frame["credit_code"].notna().all():
        empty = pd.DataFrame({"credit_code": None, "date": dates, **{c: 0 for c in COUNT_COLUMNS}})
        frame = pd.concat([empty, frame], ignore_index=True) if not frame.empty else empty
    for column in COUNT_COLUMNS:
        frame[column] = frame[column].astype(int)
    return frame


def institutions_of(db: Database, kinds: tuple[str, ...], county: str | None = None) -> pd.DataFrame:
    """Institutions of ``kinds`` (in ``county``): credit code, name, kind, county; in name order
    (the ranking's order among equal rates and patents)."""
    return db.query(
        """SELECT credit_code, name, kind, county FROM institutions
           WHERE kind IN (SELECT unnest($kinds::VARCHAR[])) AND ($county IS NULL OR county = $county)
           ORDER BY name, credit_code""",
        {"kinds": list(kinds), "county": county},
    )


def ranking(
    institutions: pd.DataFrame, counts: pd.DataFrame, as_of: dt.date, baseline_day: dt.date | None
) -> pd.DataFrame:
    """Each institution's counts and rate on ``as_of``, its baseline rate and the change (points).

    Sorted by rate (highest first), then valid patents, then name; institutions without a rate
    come last. Rows are placed by position (``get_indexer``) rather than merged, and the name
    order comes from ``institutions_of``: for every enterprise (35,000) that took 45 ms, not 90.
    """
    if not institutions["name"].is_monotonic_increasing:
        institutions = institutions.sort_values(["name", "credit_code"], kind="stable")
    per_institution = counts[counts["credit_code"].notna()]
    table = institutions.assign(**_counts_on(per_institution, institutions, as_of))
    table["rate"] = _rates(table)
    table["baseline_rate"] = float("nan")
    if baseline_day is not None:
        table["baseline_rate"] = _rates(pd.DataFrame(_counts_on(per_institution, institutions, baseline_day)))
    table["change_pp"] = (table["rate"] - table["baseline_rate"]).round(2)
    table = table.sort_values(["rate", "valid"], ascending=[False, False], na_position="last", kind="stable")
    return table.reset_index(drop=True)


def _counts_on(counts: pd.DataFrame, institutions: pd.DataFrame, day: dt.date) -> dict[str, np.ndarray]:
    """Each count column on ``day``, in the order of ``institutions`` (0 for one without a row)."""
    rows = counts[counts["date"] == day]
    where = pd.Index(rows["credit_code"]).get_indexer(institutions["credit_code"])
    found = where >= 0
    placed = {}
    for column in COUNT_COLUMNS:
        values = np.zeros(len(where), dtype=np.int64)
        values[found] = rows[column].to_numpy()[where[found]]
        placed[column] = values
    return placed


def rates_by_institution(
    db: Database,
    *,
    as_of: dt.date,
    kinds: tuple[str, ...],
    patent_type: str | None = None,
    county: str | None = None,
) -> pd.DataFrame:
    """The ranking (see ``ranking``) of the institutions of ``kinds`` on ``as_of``, against the baseline."""
    baseline_day = dt.date(baseline_year(db, as_of), 12, 31)
    dates = [as_of, baseline_day] if baseline_day <= as_of else [as_of]
    counts = counts_by_date(db, dates=dates, kinds=kinds, patent_type=patent_type, county=county)
    institutions = institutions_of(db, kinds, county)
    return ranking(institutions, counts, as_of, baseline_day if baseline_day <= as_of else None)


def yearly_rates(counts: pd.DataFrame, as_of: dt.date, code: str | None = None) -> pd.DataFrame:
    """Counts and rate per date for the total (``code`` None) or one institution, with labels."""
    rows = counts[counts["credit_code"].isna()] if code is None else counts[counts["credit_code"] == code]
    dates = sorted(counts["date"].unique())
    frame = pd.DataFrame({"date": dates}).merge(rows.drop(columns="credit_code"), on="date", how="left")
    for column in COUNT_COLUMNS:
        frame[column] = frame[column].fillna(0).astype(int)
    frame["value"] = _rates(frame)
    frame["partial"] = [d == as_of and (d.month, d.day) != (12, 31) for d in frame["date"]]
    frame["label"] = [
        d.isoformat() if p else str(d.year) for d, p in zip(frame["date"], frame["partial"], strict=True)
    ]
    return frame


def _rates(frame: pd.DataFrame) -> pd.Series:
    """Rate (%) per row, 2 decimals; NaN where there are no valid patents (never 0 %)."""
    valid = frame["valid"].astype(float)
    return (100.0 * frame["industrialized"] / valid.where(valid > 0)).round(2)


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


@dataclass(frozen=True)
class Rate:
    """Patent counts on one date and the industrialization rate they give."""

    valid: int
    industrialized: int
    implementation: int
    transfer: int
    license: int
    rate: float | None  # %, None without valid patents

    @classmethod
    def on(cls, trend: pd.DataFrame, day: dt.date) -> Rate:
        """The row of ``trend`` (``yearly_rates``) for ``day``."""
        row = trend[trend["date"] == day].iloc[0]
        return cls(**{c: int(row[c]) for c in COUNT_COLUMNS}, rate=_number(row["value"]))


@dataclass(frozen=True)
class Baseline:
    """The baseline year's rate and the change since, in percentage points (None when either is missing)."""

    year: int
    rate: float | None
    change_pp: float | None

    @classmethod
    def of(cls, trend: pd.DataFrame, year: int, now: Rate) -> Baseline:
        found = trend.loc[trend["date"] == dt.date(year, 12, 31), "value"]
        rate = _number(found.iloc[0]) if not found.empty else None
        change = None if rate is None or now.rate is None else round(now.rate - rate, 2)
        return cls(year, rate, change)


@dataclass(frozen=True)
class RankingPage:
    """What the institutions page shows for one kind: each institution, and their total."""

    ranking: pd.DataFrame  # one row per institution of the kind (see ``ranking``)
    trend: pd.DataFrame  # the total rate at each year end from the baseline year, and on as_of
    now: Rate  # the total on as_of (a jointly held patent counts once)
    baseline: Baseline
    target_rate: float | None  # the rate K4's target asks of the kind; None without such a target
    institutions: int  # how many institutions of the kind

    @property
    def rated(self) -> bool:
        """Whether any institution of the ranking has a rate (holds a valid patent)."""
        return bool(self.ranking["rate"].notna().any())


def page_data(db: Database, scope: Scope) -> RankingPage:
    """The institutions page's default view, from one pass over the held patents.

    Applies the scope's date, division, patent type and institution kind (none: universities
    and institutes, ``DEFAULT_KIND``).
    """
    as_of, kinds = scope.as_of, kinds_of(scope.inst_kind)
    first = baseline_year(db, as_of)
    baseline_day = dt.date(first, 12, 31)
    counts = counts_by_date(
        db,
        dates=rate_dates(as_of, first),
        kinds=kinds,
        patent_type=scope.patent_type,
        county=scope.division,
        holder_dates=[as_of, baseline_day],  # what the ranking reads; the trend is the total's
    )
    institutions = institutions_of(db, kinds, scope.division)
    trend = yearly_rates(counts, as_of)
    now = Rate.on(trend, as_of)
    baseline = Baseline.of(trend, first, now)
    return RankingPage(
        ranking=ranking(institutions, counts, as_of, baseline_day if baseline_day <= as_of else None),
        trend=trend,
        now=now,
        baseline=baseline,
        target_rate=target_rate(db, as_of, baseline.rate),
        institutions=len(institutions),
    )


# --- one institution --------------------------------------------------------------------------


@dataclass(frozen=True)
class Institution:
    credit_code: str
    name: str
    kind: str
    county: str


def institution(db: Database, code: str) -> Institution | None:
    """Name, kind and county of one institution, or None when the code is unknown."""
    found = db.rows("SELECT credit_code, name, kind, county FROM institutions WHERE credit_code = ?", [code])
    return Institution(*found[0]) if found else None


def patents_by_type_and_year(
    db: Database, code: str, *, as_of: dt.date, patent_type: str | None = None
) -> pd.DataFrame:
    """Patents the institution holds (filed by ``as_of``, granted or not) per filing year and type."""
    return db.query(
        """SELECT year(p.filing_date) AS year, p.patent_type, count(*) AS patents
           FROM patent_holders h JOIN patents p ON p.app_no = h.app_no
           WHERE h.holder_code = $code AND p.filing_date <= $d
             AND ($patent_type IS NULL OR p.patent_type = $patent_type)
           GROUP BY ALL ORDER BY year, p.patent_type""",
        {"code": code, "d": as_of, "patent_type": patent_type},
    )


_DEALS = """
    FROM patent_events e
    JOIN patent_holders h ON h.app_no = e.app_no AND h.holder_code = $code
    JOIN patents p ON p.app_no = e.app_no
    WHERE e.event_type IN ('transfer', 'license') AND e.event_date <= $d
      AND ($patent_type IS NULL OR p.patent_type = $patent_type)"""


def transfers_and_licenses(
    db: Database, code: str, *, as_of: dt.date, patent_type: str | None = None
) -> pd.DataFrame:
    """Transfers and licences of patents the institution holds, up to ``as_of``, newest first.

    ``place`` is ``local`` (the counterparty is in the region), ``outside`` or ``unknown``.
    Licences not put into production are listed too (``in_production`` False) although
    they do not count towards the rate.
    """
    return db.query(
        """SELECT e.event_date, e.app_no, p.title, e.event_type AS route, e.in_production,
                  e.counterparty,
                  CASE e.counterparty_local WHEN true THEN 'local' WHEN false THEN 'outside'
                       ELSE 'unknown' END AS place,
                  e.amount_10k"""
        + _DEALS
        + " ORDER BY e.event_date DESC, e.app_no",
        {"code": code, "d": as_of, "patent_type": patent_type},
    )


def deals_by_place(
    db: Database, code: str, *, as_of: dt.date, patent_type: str | None = None
) -> pd.DataFrame:
    """Transfers and licences per place of the counterparty (local, outside, unknown)."""
    return db.query(
        """SELECT CASE e.counterparty_local WHEN true THEN 'local' WHEN false THEN 'outside'
                       ELSE 'unknown' END AS place,
                  count(*) FILTER (WHERE e.event_type = 'transfer') AS transfers,
                  count(*) FILTER (WHERE e.event_type = 'license') AS licenses,
                  count(*) AS deals, round(coalesce(sum(e.amount_10k), 0), 2) AS amount_10k"""
        + _DEALS
        + " GROUP BY place ORDER BY list_position(['local', 'outside', 'unknown'], place)",
        {"code": code, "d": as_of, "patent_type": patent_type},
    )


def contracts_as_seller(db: Database, code: str, *, as_of: dt.date) -> pd.DataFrame:
    """Technology contracts the institution sold, registered up to ``as_of``, newest first."""
    return db.query(
        """SELECT c.registered_date, c.contract_no, c.title, c.contract_type, c.buyer_name,
                  CASE WHEN c.buyer_local THEN 'local' ELSE 'outside' END AS place,
                  c.turnover_10k, c.tech_amount_10k,
                  (SELECT count(*) FROM contract_patents cp WHERE cp.contract_no = c.contract_no) AS patents
           FROM contracts c
           WHERE c.seller_code = $code AND c.registered_date <= $d
           ORDER BY c.registered_date DESC, c.contract_no""",
        {"code": code, "d": as_of},
    )


@dataclass(frozen=True)
class ContractTotals:
    contracts: int
    turnover_10k: float


def contract_totals(db: Database, code: str, *, as_of: dt.date) -> ContractTotals:
    """Count and turnover (万元) of the institution's contracts as seller up to ``as_of``."""
    count, turnover = db.rows(
        """SELECT count(*), round(coalesce(sum(turnover_10k), 0), 2) FROM contracts
           WHERE seller_code = $code AND registered_date <= $d""",
        {"code": code, "d": as_of},
    )[0]
    return ContractTotals(int(count), float(turnover))


@dataclass(frozen=True)
class InstitutionDetail:
    """Everything the detail view of one institution shows."""

    institution: Institution
    trend: pd.DataFrame  # its rate at each year end from the baseline year, and on as_of
    now: Rate  # on as_of
    baseline: Baseline
    patents: pd.DataFrame  # patents_by_type_and_year
    deals: pd.DataFrame  # transfers_and_licenses
    deals_by_place: pd.DataFrame
    contracts: pd.DataFrame  # contracts_as_seller
    contract_totals: ContractTotals


def detail_data(db: Database, scope: Scope, code: str) -> InstitutionDetail | None:
    """One institution's detail on the scope's date; None for an unknown code.

    The patent type narrows its patents and deals (not its contracts, which name no type);
    division and institution kind do not apply: the institution is its own.
    """
    info = institution(db, code)
    if info is None:
        return None
    as_of, patent_type = scope.as_of, scope.patent_type
    first = baseline_year(db, as_of)
    counts = counts_by_date(
        db, dates=rate_dates(as_of, first), kinds=(info.kind,), patent_type=patent_type, code=code
    )
    trend = yearly_rates(counts, as_of, code)
    now = Rate.on(trend, as_of)
    return InstitutionDetail(
        institution=info,
        trend=trend,
        now=now,
        baseline=Baseline.of(trend, first, now),
        patents=patents_by_type_and_year(db, code, as_of=as_of, patent_type=patent_type),
        deals=transfers_and_licenses(db, code, as_of=as_of, patent_type=patent_type),
        deals_by_place=deals_by_place(db, code, as_of=as_of, patent_type=patent_type),
        contracts=contracts_as_seller(db, code, as_of=as_of),
        contract_totals=contract_totals(db, code, as_of=as_of),
    )
