"""KPI values over time, for the overview's charts: one small frame per KPI.

Every frame has ``label`` (the period as shown, e.g. ``2025-06`` or ``2025``), ``date`` (the
period's last day), ``value`` and ``partial`` (True for a period not yet complete). The series
apply the scope's date and division, as the KPIs do; institution kind and patent type do not.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .db import Database
from .kpis import patent_contract_turnover, rate_history
from .scope import Scope


def data_as_of(db: Database) -> dt.date | None:
    """The latest date any record carries: the dashboard's 数据截至."""
    value = db.scalar(
        """SELECT max(d) FROM (
               SELECT max(filing_date) AS d FROM patents UNION ALL
               SELECT max(event_date) FROM patent_events UNION ALL
               SELECT max(filing_date) FROM filings UNION ALL
               SELECT max(registered_date) FROM contracts UNION ALL
               SELECT max(event_date) FROM events UNION ALL
               SELECT max(issued_date) FROM county_rules)"""
    )
    return pd.Timestamp(value).date() if value is not None else None


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """Last day of each month from ``start``'s month through ``end`` (``end`` itself last)."""
    days = [d.date() for d in pd.date_range(start, end, freq="ME")]
    return [*days, end] if not days or days[-1] != end else days


def filings_over_time(db: Database, scope: Scope) -> pd.DataFrame:
    """Cumulative filing enterprises (K1) and products (K2) at each month end."""
    as_of = scope.as_of
    first = db.scalar("SELECT min(filing_date) FROM filings")
    if first is None:
        return pd.DataFrame(columns=["label", "date", "enterprises", "products", "partial"])
    start = min(pd.Timestamp(first).date(), dt.date(as_of.year - 1, 1, 1))
    frame = db.query(
        """WITH days AS (SELECT unnest($days::DATE[]) AS d),
           f AS (SELECT f.filing_date, f.enterprise_code FROM filings f
                 JOIN institutions i ON i.credit_code = f.enterprise_code
                 WHERE $county IS NULL OR i.county = $county)
           SELECT days.d AS date, count(DISTINCT f.enterprise_code) AS enterprises,
                  count(f.filing_date) AS products
           FROM days LEFT JOIN f ON f.filing_date <= days.d
           GROUP BY days.d ORDER BY days.d""",
        {"days": month_ends(start, as_of), "county": scope.division},
    )
    frame["label"] = frame["date"].dt.strftime("%Y-%m")
    frame["partial"] = False
    return frame


def yearly(frame: pd.DataFrame, year_column: str, value_column: str, as_of: dt.date) -> pd.DataFrame:
    """Normalize a per-year frame to label/date/value/partial."""
    years = frame[year_column].astype(int)
    return pd.DataFrame(
        {
            "label": years.astype(str),
            "date": pd.to_datetime(years.astype(str) + "-12-31"),
            "value": frame[value_column].astype(float),
            "partial": [dt.date(y, 12, 31) > as_of for y in years],
        }
    )


def rate_over_time(db: Database, scope: Scope) -> pd.DataFrame:
    """K4: industrialization rate (%) of universities and institutes at each quarter end."""
    table = rate_history(db, scope.as_of, scope.division)
    table["date"] = pd.to_datetime(table["date"])
    return table.drop(columns="chart")


def turnover_over_time(db: Database, scope: Scope) -> pd.DataFrame:
    """K5: turnover (万元) of contracts involving patents per year; the current year is partial."""
    turnover = patent_contract_turnover(db, scope.as_of, scope.division)
    return yearly(turnover, "year", "turnover_10k", scope.as_of)
