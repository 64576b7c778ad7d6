"""What each KPI showed after each import (as it stood): the record behind "on 3 March this read
61; the late filings of 5 April made it 63".

Every import and every undo, in its own transaction, computes the KPIs its kind of file feeds
(``FEEDS``) for the region and each of its divisions on the dates a reader looks at
(``recorded_dates``: that day, as the cards showed it then; each year end of the plan period so
far; the last complete quarter end) and writes the figures that changed to ``figure_history``,
beside the import's log entry (``batch_id``).
Nothing else in the database keeps the past: an undo deletes rows, a replacing import
overwrites them, so figures cannot be made again afterwards from the rows; they are kept as
published. A folder loaded at once (the first start's sample, ``init``) records once, at its end:
no one saw the figures between its files.

``revisions(db, scope, code)`` lists one figure's recorded values; ``as_stood(…, on=day)`` the
one in force on a day. A period whose date is not recorded (an older quarter end) has none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from . import kpis, regions
from .db import Database
from .scope import Scope
from .settings import Settings

REGION = ""  # figure_history.division of the whole region's figures


class _CursorReader:
    """The read methods of ``Database`` on a writing cursor: the KPIs of a transaction's own data."""

    def __init__(self, cur: duckdb.DuckDBPyConnection) -> None:
        self.cur = cur

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        return self.cur.execute(sql, params or []).df()

    def rows(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple]:
        return self.cur.execute(sql, params or []).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        found = self.rows(sql, params)
        return found[0][0] if found else None


def recorded_dates(today: dt.date) -> list[dt.date]:
    """The dates recorded: the year ends of the plan period before ``today``, the last complete
    quarter end, and ``today`` (the "latest" period as the cards showed it that day)."""
    start = regions.current().plan.start
    quarter = pd.Period(today, freq="Q") - 1
    dates = {dt.date(year, 12, 31) for year in range(start.year, today.year)}
    dates |= {quarter.end_time.date(), today}
    return sorted(d for d in dates if d >= start)


# The KPIs each kind of file feeds (an institution's county or kind moves every one, a target
# K5's given baseline); indicators, county rules and events feed none, and record nothing.
FEEDS: dict[str, tuple[str, ...]] = {
    "institutions": kpis.CODES,
    "patents": ("K4",),
    "patent_events": ("K4",),
    "filings": ("K1", "K2", "K3"),
    "contracts": ("K5",),
    "targets": kpis.CODES,
}


def record(
    cur: duckdb.DuckDBPyConnection,
    batch_id: int,
    codes: tuple[str, ...] = kpis.CODES,
    today: dt.date | None = None,
) -> int:
    """Write the figures ``codes`` that ``batch_id`` changed (inside its transaction); how many."""
    if not codes:
        return 0
    today = today or Settings().today()
    reader = _CursorReader(cur)
    region = regions.name_of(regions.current())
    found = []
    for day in recorded_dates(today):
        for division, figures in kpis.every_division(reader, Scope(as_of=day, region=region), codes).items():
            found += [
                (division or REGION, day, k.code, k.value, k.value_label, day == today) for k in figures
            ]
    frame = pd.DataFrame(found, columns=["division", "as_of", "code", "value", "label", "latest"])
    cur.register("_figures", frame)
    try:
        # A figure is written when it is new or differs from its last recorded value.
        written = cur.execute(
            """INSERT INTO figure_history
               SELECT $batch, now()::TIMESTAMP, f.division, f.as_of::DATE, f.code, f.value, f.label, f.latest
               FROM _figures f
               LEFT JOIN (SELECT division, as_of, code, arg_max(value, recorded_at) AS value,
                                 arg_max(label, recorded_at) AS label, true AS seen
                          FROM figure_history GROUP BY ALL) h
                 ON h.division = f.division AND h.as_of = f.as_of::DATE AND h.code = f.code
               WHERE h.seen IS NULL
                  OR h.value IS DISTINCT FROM f.value OR h.label IS DISTINCT FROM f.label""",
            {"batch": batch_id},
        ).fetchone()[0]
    finally:
        with contextlib.suppress(
            duckdb.Error
        ):  # an aborted transaction refuses it: the error raised says why
            cur.unregister("_figures")
    return written


@dataclass(frozen=True)
class Revision:
    """One recorded value of a figure: when, by which import, and what it read."""

    recorded_at: dt.datetime
    batch_id: int
    file_name: str
    user_name: str
    undo: bool  # the import was an undo of another
    value: float | None
    label: str | None  # K3's and K5's year


def revisions(db: Database, scope: Scope, code: str) -> list[Revision]:
    """The recorded values of ``code`` on the scope's date and division, oldest first; for the
    latest period (a date that ends no quarter) each import day's value as the cards showed it."""
    rows = db.rows(
        """SELECT h.recorded_at, h.batch_id, coalesce(i.file_name, ''), coalesce(i.user_name, ''),
                  i.undoes IS NOT NULL, h.value, h.label
           FROM figure_history h LEFT JOIN imports i ON i.batch_id = h.batch_id
           WHERE h.code = $code AND h.division = $division
             AND (h.as_of = $d OR ($latest AND h.latest AND h.as_of <= $d))
           ORDER BY h.recorded_at, h.as_of""",
        {
            "code": code,
            "division": scope.division or REGION,
            "d": scope.as_of,
            "latest": not quarter_end(scope.as_of),
        },
    )
    return [Revision(*row) for row in rows]


def first_recorded(db: Database, scope: Scope) -> dict[str, Revision]:
    """Each KPI's first recorded value on the scope's date and division (a quarter or year end;
    the latest period's date moves daily, so a change there is no revision): the overview says
    when a card's figure has been revised since."""
    if not quarter_end(scope.as_of):
        return {}
    rows = db.rows(
        """SELECT h.code, h.recorded_at, h.batch_id, coalesce(i.file_name, ''), coalesce(i.user_name, ''),
                  i.undoes IS NOT NULL, h.value, h.label
           FROM figure_history h LEFT JOIN imports i ON i.batch_id = h.batch_id
           WHERE h.division = $division AND h.as_of = $d
           QUALIFY row_number() OVER (PARTITION BY h.code ORDER BY h.recorded_at, h.batch_id) = 1""",
        {"division": scope.division or REGION, "d": scope.as_of},
    )
    return {row[0]: Revision(*row[1:]) for row in rows}


def quarter_end(day: dt.date) -> bool:
    """Whether ``day`` ends a quarter (a period a reader picks); any other is the latest period's."""
    return day.month % 3 == 0 and (day + dt.timedelta(days=1)).day == 1


def as_stood(db: Database, scope: Scope, code: str, on: dt.date) -> Revision | None:
    """The value in force at the end of day ``on``: the last recorded by then (None: none yet)."""
    return in_force(revisions(db, scope, code), on)


def in_force(revisions: list[Revision], on: dt.date) -> Revision | None:
    """Of ``revisions`` (oldest first), the last recorded by the end of day ``on``."""
    before = [r for r in revisions if r.recorded_at.date() <= on]
    return before[-1] if before else None
