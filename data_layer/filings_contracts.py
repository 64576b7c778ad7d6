"""Patent-product filings and technology contracts: the figures of the 备案与合同 page.

Every function takes a ``Scope`` and applies all of it:

* ``as_of``: records dated up to this day count (counts are cumulative, as K1/K2 are);
  per-year frames run from the first year with data to ``as_of``'s year, which is marked
  ``partial`` unless ``as_of`` is 31 December.
* ``division`` (adcode): a filing's county is its enterprise's, a contract's its seller's.
  The ``by_county`` frames always cover all nine counties, so a page can compare them.
* ``inst_kind``: filings by the enterprise's kind, contracts by the seller's kind
  (``academic`` is universities and research institutes together).
* ``patent_type``: only filings / contracts linked to at least one patent of that type.

A filed product's output value (万元) is reported per year; the figures use the latest
*complete* year with output data in scope (``output_year``), over all filed products, and
give the patent-intensive part (what K3 sums) beside it.

One query answers every figure of a section (``GROUPING SETS`` over the filtered rows,
which are read once: the patent-type filter joins three million patents at 100x the
sample); only aggregated rows come back, and pandas merely splits and zero-fills them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from .counties import divisions
from .db import Database
from .kpis import kinds_for
from .models import KIND_OF_APP_NO
from .scope import Scope

CONTRACT_TYPES = ("development", "transfer", "license", "consulting", "service")
SELLER_KINDS = ("university", "research_institute", "city_soe", "enterprise", "individual")


def _linked_to_type(table: str, key: str) -> str:
    """Keys in ``table`` (a link to patents) with at least one patent of type $patent_type.

    The application number's kind digit gives the type without touching the three million
    patents: an import refuses a patent whose type contradicts a known digit (the
    ``type_mismatch`` rule), so only links with an unknown digit look the type up.
    """
    return f"""SELECT {key} FROM {table} WHERE {KIND_OF_APP_NO} = $patent_type
          UNION ALL
          SELECT u.{key} FROM (SELECT {key}, app_no FROM {table} WHERE ({KIND_OF_APP_NO}) IS NULL) u
               JOIN patents p USING (app_no) WHERE p.patent_type = $patent_type"""


# The filtered filings / contracts. The county filter is a column (in_scope) rather than a
# WHERE clause, so the same pass also gives the all-county comparison.
_FILINGS = f"""filtered AS (
    SELECT f.filing_no, f.product_name, f.enterprise_code, f.filing_date, f.industry,
           f.patent_intensive, i.name AS enterprise_name, i.county,
           ($county IS NULL OR i.county = $county) AS in_scope
    FROM filings f JOIN institutions i ON i.credit_code = f.enterprise_code
    WHERE f.filing_date <= $as_of
      AND ($kinds IS NULL OR list_contains($kinds::VARCHAR[], i.kind))
      AND ($patent_type IS NULL OR f.filing_no IN ({_linked_to_type("filing_patents", "filing_no")}))),
latest AS (
    SELECT max(o.year) AS year FROM filing_outputs o JOIN filtered f USING (filing_no)
    WHERE f.in_scope AND make_date(o.year, 12, 31) <= $as_of),
output AS (
    SELECT o.filing_no, o.output_10k FROM filing_outputs o JOIN latest ON o.year = latest.year)"""

_CONTRACTS = f"""filtered AS (
    SELECT c.contract_no, c.title, c.contract_type, c.seller_code, c.buyer_name, c.buyer_local,
           c.registered_date, c.turnover_10k, c.tech_amount_10k, i.name AS seller_name,
           i.kind AS seller_kind, i.county,
           ($county IS NULL OR i.county = $county) AS in_scope,
           c.involves_patent AS with_patent
    FROM contracts c JOIN institutions i ON i.credit_code = c.seller_code
    WHERE c.registered_date <= $as_of
      AND ($kinds IS NULL OR list_contains($kinds::VARCHAR[], i.kind))
      AND ($patent_type IS NULL
           OR c.contract_no IN ({_linked_to_type("contract_patents", "contract_no")})))"""


def _run(db: Database, cte: str, sql: str, scope: Scope, **values) -> pd.DataFrame:
    """Run ``WITH cte sql`` for ``scope`` with the named values it uses (DuckDB refuses unused ones)."""
    text = f"WITH {cte}\n{sql}"
    values |= {
        "as_of": scope.as_of,
        "county": scope.division,
        "kinds": kinds_for(scope.inst_kind),
        "patent_type": scope.patent_type,
    }
    used = set(re.findall(r"\$(\w+)", text))
    return db.query(text, {k: v for k, v in values.items() if k in used})


def _pct(part: float, whole: float) -> float | None:
    """``part`` as a percentage of ``whole``; None when ``whole`` is zero or missing."""
    if whole is None or pd.isna(whole) or not whole:
        return None
    return round(100.0 * float(part or 0) / float(whole), 2)


def _years(first: float | None, as_of: dt.date) -> list[int]:
    """Years from ``first`` (the first with data) through ``as_of``'s year; none without data."""
    return [] if first is None or pd.isna(first) else list(range(int(first), as_of.year + 1))


def _partial(years, as_of: dt.date) -> list[bool]:
    return [dt.date(int(y), 12, 31) > as_of for y in years]


def _counties(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """All nine counties in adcode order, with ``frame``'s ``columns`` (0 where it has no row)."""
    base = pd.DataFrame(
        [(c.adcode, c.name_zh, c.name_en) for c in divisions()], columns=["adcode", "name_zh", "name_en"]
    )
    merged = base.merge(frame[["county", *columns]], how="left", left_on="adcode", right_on="county")
    merged[columns] = merged[columns].fillna(0)
    return merged.drop(columns="county")


def _rounded(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = frame[column].fillna(0).astype(float).round(2)
    return frame


# --- filings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FilingSummary:
    filings: int  # 件
    enterprises: int  # 家
    output_year: int | None  # the latest complete year with output data; None when there is none
    output_10k: float | None  # 万元 in output_year, all filed products; None without output_year
    intensive_output_10k: float | None  # the patent-intensive part (what K3 sums)


@dataclass(frozen=True)
class Filings:
    """Every figure of the filings section."""

    summary: FilingSummary
    by_year: pd.DataFrame  # year, filings (件), partial; years without filings are 0
    by_industry: pd.DataFrame  # industry (None when not given), filings, enterprises, output_10k
    by_county: pd.DataFrame  # all counties: adcode, name_zh, name_en, filings, enterprises
    enterprises: pd.DataFrame  # credit_code, name, county, filings, output_10k, leaders first

    def industry_params(self) -> list[str]:
        """The URL's name of each industry of ``by_industry`` (``NO_INDUSTRY`` for none given)."""
        return [NO_INDUSTRY if pd.isna(v) else v for v in self.by_industry["industry"]]


NO_INDUSTRY = "-"  # the URL's name for filings without an industry


def _filing_summary(total: pd.DataFrame, year: int | None) -> FilingSummary:
    """The summary from the grand-total row (none when nothing is in scope)."""
    row = total.iloc[0] if not total.empty else None

    def amount(column: str) -> float | None:
        if year is None:
            return None
        value = None if row is None else row[column]
        return round(0.0 if value is None or pd.isna(value) else float(value), 2)

    return FilingSummary(
        filings=0 if row is None else int(row["filings"]),
        enterprises=0 if row is None else int(row["enterprises"]),
        output_year=year,
        output_10k=amount("output_10k"),
        intensive_output_10k=amount("intensive_output_10k"),
    )


def filing_figures(db: Database, scope: Scope) -> Filings:
    """Every figure of the filings section, from one query."""
    as_of = scope.as_of
    raw = _run(
        db,
        _FILINGS,
        """SELECT grouping(f.county) = 0 AS all_counties, grouping(f.industry) = 0 AS per_industry,
                  grouping(f.enterprise_code) = 0 AS per_enterprise,
                  grouping(year(f.filing_date)) = 0 AS per_year,
                  f.in_scope, f.county, f.industry, f.enterprise_code, year(f.filing_date) AS year,
                  count(*) AS filings, count(DISTINCT f.enterprise_code) AS enterprises,
                  sum(o.output_10k) AS output_10k,
                  sum(o.output_10k) FILTER (WHERE f.patent_intensive) AS intensive_output_10k,
                  any_value(f.enterprise_name) AS name, any_value(f.county) AS enterprise_county,
                  (SELECT year FROM latest) AS output_year
           FROM filtered f LEFT JOIN output o USING (filing_no)
           GROUP BY GROUPING SETS ((f.in_scope), (f.in_scope, f.industry),
                                   (f.in_scope, f.enterprise_code), (f.in_scope, year(f.filing_date)),
                                   (f.county))""",
        scope,
    )
    scoped = raw[~raw["all_counties"] & raw["in_scope"].fillna(False).astype(bool)]
    total = scoped[~scoped["per_industry"] & ~scoped["per_enterprise"] & ~scoped["per_year"]]
    known = raw["output_year"].dropna()
    summary = _filing_summary(total, int(known.iloc[0]) if not known.empty else None)

    per_year = scoped[scoped["per_year"]].set_index("year")["filings"]
    years = _years(per_year.index.min() if not per_year.empty else None, as_of)
    by_year = pd.DataFrame({"year": years, "filings": [int(per_year.get(y, 0)) for y in years]})
    by_year["partial"] = _partial(years, as_of)

    industry = scoped[scoped["per_industry"]][["industry", "filings", "enterprises", "output_10k"]].copy()
    industry["industry"] = industry["industry"].astype(object).where(industry["industry"].notna(), None)
    by_industry = _rounded(industry, "output_10k").sort_values(
        ["filings", "output_10k", "industry"], ascending=[False, False, True], na_position="last"
    )

    ents = scoped[scoped["per_enterprise"]]
    enterprises = pd.DataFrame(
        {
            "credit_code": ents["enterprise_code"],
            "name": ents["name"],
            "county": ents["enterprise_county"],
            "filings": ents["filings"],
            "output_10k": ents["output_10k"],
        }
    )
    enterprises = _rounded(enterprises, "output_10k").sort_values(
        ["filings", "output_10k", "name"], ascending=[False, False, True]
    )
    by_county = _counties(raw[raw["all_counties"]], ["filings", "enterprises"])
    return Filings(
        summary=summary,
        by_year=by_year,
        by_industry=by_industry.reset_index(drop=True),
        by_county=by_county.astype({"filings": int, "enterprises": int}),
        enterprises=enterprises.reset_index(drop=True).astype({"filings": int}),
    )


def filing_summary(db: Database, scope: Scope) -> FilingSummary:
    """Filings (件), filing enterprises (家), latest complete year's output (万元); see filing_figures."""
    return filing_figures(db, scope).summary


def filings_by_year(db: Database, scope: Scope) -> pd.DataFrame:
    """Filings (件) per year of filing date, with ``partial``; see filing_figures."""
    return filing_figures(db, scope).by_year


def filings_by_industry(db: Database, scope: Scope) -> pd.DataFrame:
    """Filings, enterprises and output value per industry; see filing_figures."""
    return filing_figures(db, scope).by_industry


def filings_of_industry(db: Database, scope: Scope, industry: str | None) -> pd.DataFrame:
    """The filtered filings of one industry (None: filings without one), newest first.

    Columns: filing_no, product_name, enterprise_name, county, filing_date, patent_intensive,
    patents (linked, 件), output_10k (latest complete year; NULL when not reported).
    """
    return _run(
        db,
        _FILINGS,
        """SELECT f.filing_no, f.product_name, f.enterprise_name, f.county, f.filing_date,
                  f.patent_intensive,
                  (SELECT count(*) FROM filing_patents fp WHERE fp.filing_no = f.filing_no) AS patents,
                  o.output_10k
           FROM filtered f LEFT JOIN output o USING (filing_no)
           WHERE f.in_scope AND f.industry IS NOT DISTINCT FROM $industry
           ORDER BY f.filing_date DESC, f.filing_no""",
        scope,
        industry=industry,
    )


# --- contracts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContractSummary:
    contracts: int = 0  # 件
    turnover_10k: float = 0.0  # 万元
    tech_amount_10k: float = 0.0
    patent_turnover_10k: float = 0.0
    patent_share_pct: float | None = None  # %, None without turnover
    first_date: dt.date | None = None  # of the earliest contract, None without contracts


@dataclass(frozen=True)
class Contracts:
    """Every figure of the contracts section."""

    summary: ContractSummary
    by_year_type: pd.DataFrame  # every year × contract type: contracts, turnover_10k, partial
    by_seller_kind: pd.DataFrame  # seller_kind, contracts, turnover_10k, patent_turnover_10k
    # buyer_local (True first, both rows always), contracts, turnover_10k, contract_share_pct,
    # turnover_share_pct (None without contracts)
    by_buyer: pd.DataFrame
    patent_share: pd.DataFrame  # year, contracts, turnover_10k, patent_turnover_10k, share_pct, partial
    by_county: pd.DataFrame  # all counties: adcode, name_zh, name_en, contracts, turnover_10k, ...


def contract_figures(db: Database, scope: Scope) -> Contracts:
    """Every figure of the contracts section, from one query."""
    as_of = scope.as_of
    raw = _run(
        db,
        _CONTRACTS,
        """SELECT grouping(c.county) = 0 AS all_counties, grouping(c.contract_type) = 0 AS per_type,
                  grouping(year(c.registered_date)) = 0 AS per_year,
                  grouping(c.seller_kind) = 0 AS per_kind, grouping(c.buyer_local) = 0 AS per_buyer,
                  c.in_scope, c.county, c.contract_type, year(c.registered_date) AS year,
                  c.seller_kind, c.buyer_local,
                  count(*) AS contracts, sum(c.turnover_10k) AS turnover_10k,
                  sum(c.tech_amount_10k) AS tech_amount_10k,
                  sum(c.turnover_10k) FILTER (WHERE c.with_patent) AS patent_turnover_10k,
                  min(c.registered_date) AS first_date
           FROM filtered c
           GROUP BY GROUPING SETS ((c.in_scope), (c.in_scope, year(c.registered_date), c.contract_type),
                                   (c.in_scope, year(c.registered_date)), (c.in_scope, c.seller_kind),
                                   (c.in_scope, c.buyer_local), (c.county))""",
        scope,
    )
    raw = _rounded(raw, "turnover_10k", "tech_amount_10k", "patent_turnover_10k")
    scoped = raw[~raw["all_counties"] & raw["in_scope"].fillna(False).astype(bool)]
    total = scoped[~scoped[["per_type", "per_year", "per_kind", "per_buyer"]].any(axis=1)]
    summary = ContractSummary()
    if not total.empty:
        row = total.iloc[0]
        summary = ContractSummary(
            contracts=int(row["contracts"]),
            turnover_10k=float(row["turnover_10k"]),
            tech_amount_10k=float(row["tech_amount_10k"]),
            patent_turnover_10k=float(row["patent_turnover_10k"]),
            patent_share_pct=_pct(row["patent_turnover_10k"], row["turnover_10k"]),
            first_date=pd.Timestamp(row["first_date"]).date(),
        )

    per_year = scoped[scoped["per_year"] & ~scoped["per_type"]].set_index("year")
    years = _years(per_year.index.min() if not per_year.empty else None, as_of)
    patent_share = per_year.reindex(years)[["contracts", "turnover_10k", "patent_turnover_10k"]].fillna(0)
    patent_share = patent_share.rename_axis("year").reset_index().astype({"year": int, "contracts": int})
    patent_share["share_pct"] = [
        _pct(p, w)
        for p, w in zip(patent_share["patent_turnover_10k"], patent_share["turnover_10k"], strict=True)
    ]
    patent_share["partial"] = _partial(years, as_of)

    per_type = scoped[scoped["per_type"]].set_index(["year", "contract_type"])
    grid = pd.MultiIndex.from_product([years, CONTRACT_TYPES], names=["year", "contract_type"])
    by_year_type = per_type.reindex(grid)[["contracts", "turnover_10k"]].fillna(0).reset_index()
    by_year_type = by_year_type.astype({"year": int, "contracts": int})
    by_year_type["partial"] = _partial(by_year_type["year"], as_of)

    kinds = scoped[scoped["per_kind"]][["seller_kind", "contracts", "turnover_10k", "patent_turnover_10k"]]
    order = {kind: n for n, kind in enumerate(SELLER_KINDS)}
    by_seller_kind = kinds.sort_values("seller_kind", key=lambda s: s.map(order).fillna(len(order)))

    buyers = scoped[scoped["per_buyer"]].set_index("buyer_local")[["contracts", "turnover_10k"]]
    by_buyer = buyers.reindex([True, False]).fillna(0).rename_axis("buyer_local").reset_index()
    by_buyer = by_buyer.astype({"contracts": int})
    by_buyer["contract_share_pct"] = [_pct(v, by_buyer["contracts"].sum()) for v in by_buyer["contracts"]]
    by_buyer["turnover_share_pct"] = [
        _pct(v, by_buyer["turnover_10k"].sum()) for v in by_buyer["turnover_10k"]
    ]

    by_county = _counties(raw[raw["all_counties"]], ["contracts", "turnover_10k", "patent_turnover_10k"])
    return Contracts(
        summary=summary,
        by_year_type=by_year_type,
        by_seller_kind=by_seller_kind.reset_index(drop=True).astype({"contracts": int}),
        by_buyer=by_buyer,
        patent_share=patent_share,
        by_county=by_county.astype({"contracts": int}),
    )


def contract_summary(db: Database, scope: Scope) -> ContractSummary:
    """Contracts (件), turnover, tech amount (万元), share involving patents (%); see contract_figures."""
    return contract_figures(db, scope).summary


def patent_share_by_year(db: Database, scope: Scope) -> pd.DataFrame:
    """Per year: turnover, turnover involving patents (万元) and its share (%); see contract_figures."""
    return contract_figures(db, scope).patent_share


def contracts_of_type(db: Database, scope: Scope, contract_type: str) -> pd.DataFrame:
    """The filtered contracts of one type, newest first, with the number of linked patents (件)."""
    return _run(
        db,
        _CONTRACTS,
        """SELECT c.contract_no, c.title, c.seller_name, c.seller_kind, c.county, c.buyer_name,
                  c.buyer_local, c.registered_date, c.turnover_10k, c.tech_amount_10k,
                  (SELECT count(*) FROM contract_patents cp WHERE cp.contract_no = c.contract_no)
                      AS patents
           FROM filtered c WHERE c.in_scope AND c.contract_type = $contract_type
           ORDER BY c.registered_date DESC, c.contract_no""",
        scope,
        contract_type=contract_type,
    )


# --- the page --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FilingsPage:
    """Every figure the page's default view draws (no drill-down)."""

    filings: Filings
    contracts: Contracts


def page_data(db: Database, scope: Scope) -> FilingsPage:
    """Both sections of the 备案与合同 page for ``scope``."""
    return FilingsPage(filing_figures(db, scope), contract_figures(db, scope))
