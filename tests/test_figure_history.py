"""As it stood: each import and undo records the K1–K5 it left, so a figure read on an earlier day
is shown beside today's revised one (data_layer.figure_history)."""

from __future__ import annotations

import datetime as dt

import pytest

from data_layer import figure_history
from data_layer.batches import undo_batch
from data_layer.ingest import import_file
from data_layer.kpis import compute_kpi
from data_layer.scope import Scope

from .conftest import E2, S1, TINY, app_no, write_csv

YEAR_END = Scope(as_of=dt.date(2025, 12, 31))


def late_filings(tmp_path, *rows):
    """A filings file holding the tiny dataset's filings and ``rows`` (filed late)."""
    return write_csv(tmp_path / "late.csv", [*TINY["filings"], *rows])


LATE = ["F5", "港口起重机", S1, "2025-10-01", "港口", "否", app_no(10), "", ""]  # a city SOE: an enterprise


def k1(revisions):
    return [r.value for r in revisions]


def backdate(db, batch_id: int, day: dt.date) -> None:
    """Move a batch's record to an earlier day (as if imported then)."""
    with db.transaction() as cur:
        cur.execute("UPDATE figure_history SET recorded_at = ? WHERE batch_id = ?", [day, batch_id])


def test_a_late_filing_revises_the_year_end_and_the_record_keeps_both(fresh_db, tmp_path):
    before = figure_history.revisions(fresh_db, YEAR_END, "K1")
    assert k1(before) == [2.0]  # the tiny dataset's load, recorded once at its end
    first = before[0].batch_id
    result = import_file(fresh_db, late_filings(tmp_path, LATE), "filings", user="alice")
    after = figure_history.revisions(fresh_db, YEAR_END, "K1")
    assert k1(after) == [2.0, 3.0] == [2.0, compute_kpi(fresh_db, YEAR_END, "K1").value]
    assert (after[1].batch_id, after[1].file_name, after[1].user_name) == (
        result.batch_id,
        "late.csv",
        "alice",
    )
    # K2 counts filings: revised too; the county of the new filer has its own record
    assert k1(figure_history.revisions(fresh_db, YEAR_END, "K2"))[-1] == 4.0
    county = figure_history.revisions(fresh_db, YEAR_END.with_division("440811"), "K1")
    assert k1(county) == [0.0, 1.0]

    backdate(fresh_db, first, dt.date(2026, 3, 1))
    stood = figure_history.as_stood(fresh_db, YEAR_END, "K1", dt.date(2026, 3, 15))
    assert stood.value == 2.0 and stood.batch_id == first
    assert figure_history.as_stood(fresh_db, YEAR_END, "K1", dt.date.today()).value == 3.0
    assert figure_history.as_stood(fresh_db, YEAR_END, "K1", dt.date(2026, 2, 1)) is None


def test_an_undo_is_recorded_as_a_revision_back(fresh_db, tmp_path):
    result = import_file(fresh_db, late_filings(tmp_path, LATE), "filings", user="alice")
    undo = undo_batch(fresh_db, result.batch_id, user="alice")
    revisions = figure_history.revisions(fresh_db, YEAR_END, "K1")
    assert k1(revisions) == [2.0, 3.0, 2.0]
    assert (revisions[-1].batch_id, revisions[-1].undo, revisions[1].undo) == (undo, True, False)


def test_only_figures_that_changed_are_written(fresh_db, tmp_path):
    count = "SELECT count(*) FROM figure_history"
    rows = fresh_db.scalar(count)
    renamed = [list(r) for r in TINY["filings"]]
    renamed[-1][1] = "传感器二代（改名）"  # a product's name: no figure moves
    import_file(fresh_db, write_csv(tmp_path / "renamed.csv", renamed), "filings", user="alice")
    assert fresh_db.scalar(count) == rows
    extra = ["F6", "智能传感器", E2, "2026-02-01", "电子信息", "否", app_no(10), "", ""]
    import_file(fresh_db, late_filings(tmp_path, extra), "filings", user="alice")
    changed = fresh_db.rows(
        "SELECT DISTINCT code FROM figure_history WHERE batch_id = (SELECT max(batch_id) FROM imports)"
    )
    assert {c for (c,) in changed} == {"K2"}  # E2 already counts for K1; no year end before 2026 moves


def test_the_latest_period_lists_the_cards_as_shown_on_each_import_day(fresh_db, tmp_path, monkeypatch):
    """The latest period's date moves every day: each import records the cards of its own day."""
    monkeypatch.setenv("DASHBOARD_AS_OF", "2026-02-10")
    import_file(fresh_db, late_filings(tmp_path, LATE), "filings", user="alice")
    monkeypatch.setenv("DASHBOARD_AS_OF", "2026-05-20")
    extra = ["F6", "智能传感器", E2, "2026-04-01", "电子信息", "否", app_no(10), "", ""]
    import_file(fresh_db, late_filings(tmp_path, LATE, extra), "filings", user="alice")
    latest = figure_history.revisions(fresh_db, Scope(as_of=dt.date(2026, 5, 20)), "K2")
    # F1-F5 filed by 10 February; F6 (April) too by 20 May
    assert (
        k1(latest)
        == [5.0, 6.0]
        == [
            compute_kpi(fresh_db, Scope(as_of=dt.date(2026, 2, 10)), "K2").value,
            compute_kpi(fresh_db, Scope(as_of=dt.date(2026, 5, 20)), "K2").value,
        ]
    )
    # a date before the second import's day shows only what was recorded up to it
    assert len(figure_history.revisions(fresh_db, Scope(as_of=dt.date(2026, 3, 1)), "K2")) == 1


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 12, 3), ["2023-12-31", "2024-12-31", "2025-12-31", "2026-09-30", "2026-12-03"]),
        (dt.date(2026, 1, 5), ["2023-12-31", "2024-12-31", "2025-12-31", "2026-01-05"]),
        (dt.date(2025, 12, 31), ["2023-12-31", "2024-12-31", "2025-09-30", "2025-12-31"]),
    ],
)
def test_the_dates_recorded(today, expected):
    assert [d.isoformat() for d in figure_history.recorded_dates(today)] == expected


def test_quarter_ends():
    assert figure_history.quarter_end(dt.date(2025, 12, 31)) and figure_history.quarter_end(
        dt.date(2026, 6, 30)
    )
    assert not figure_history.quarter_end(dt.date(2026, 5, 31)) and not figure_history.quarter_end(
        dt.date(2026, 6, 29)
    )


def test_the_first_recorded_figures_of_a_period_end(fresh_db, tmp_path):
    import_file(fresh_db, late_filings(tmp_path, LATE), "filings", user="alice")
    first = figure_history.first_recorded(fresh_db, YEAR_END)
    assert set(first) == {"K1", "K2", "K3", "K4", "K5"}
    assert (first["K1"].value, first["K2"].value) == (2.0, 3.0)
    assert figure_history.first_recorded(fresh_db, Scope(as_of=dt.date(2026, 5, 20))) == {}  # latest: none
