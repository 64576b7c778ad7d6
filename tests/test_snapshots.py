"""Frozen snapshots: a briefing's numbers do not move when someone uploads during the meeting."""

from __future__ import annotations

import datetime as dt

import pytest

from data_layer import snapshots
from data_layer.kpis import compute_kpis
from data_layer.scope import Scope

from .conftest import write_csv

AS_OF = dt.date(2026, 6, 30)


def kpi_values(db) -> dict[str, float | None]:
    return {k.code: k.value for k in compute_kpis(db, Scope(as_of=AS_OF))}


def test_a_snapshot_keeps_the_numbers_an_import_changes(fresh_db, tmp_path):
    before = kpi_values(fresh_db)
    taken = snapshots.freeze(fresh_db, tmp_path / "snaps", now=dt.datetime(2026, 6, 30, 9, 0))
    with fresh_db.transaction() as cur:
        cur.execute("DELETE FROM filings")
    frozen = snapshots.open_snapshot(snapshots.find(tmp_path / "snaps", taken.id))
    try:
        assert kpi_values(fresh_db)["K2"] != before["K2"]  # live data moved...
        assert kpi_values(frozen) == before  # ...the snapshot did not
        with pytest.raises(Exception, match="read-only"):
            frozen.rows("DELETE FROM filings")
    finally:
        frozen.close()


def test_snapshots_are_listed_newest_first_and_pruned(fresh_db, tmp_path):
    folder = tmp_path / "snaps"
    for day in (27, 28, 30):
        snapshots.freeze(fresh_db, folder, now=dt.datetime(2026, 6, day, 9), keep=2)
    assert [s.id for s in snapshots.list_snapshots(folder)] == ["20260630-090000", "20260628-090000"]
    assert not list(folder.glob("*.part"))


def test_a_snapshot_of_today_is_never_pruned_however_many_follow(fresh_db, tmp_path):
    folder = tmp_path / "snaps"
    for minute in range(5):  # a presenter froze at 9:00; four more presses follow
        snapshots.freeze(fresh_db, folder, now=dt.datetime(2026, 6, 30, 9, minute), keep=2)
    assert len(snapshots.list_snapshots(folder)) == 5
    snapshots.freeze(fresh_db, folder, now=dt.datetime(2026, 7, 1, 9, 30), keep=2)
    assert [s.id for s in snapshots.list_snapshots(folder)] == ["20260701-093000", "20260630-090400"]


def test_freezing_twice_in_one_second_reuses_the_snapshot(fresh_db, tmp_path):
    moment = dt.datetime(2026, 6, 30, 9, 0, 0, 500)
    first = snapshots.freeze(fresh_db, tmp_path, now=moment)
    second = snapshots.freeze(fresh_db, tmp_path, now=moment)
    assert first == second
    assert len(snapshots.list_snapshots(tmp_path)) == 1


@pytest.mark.parametrize(
    "wanted", ["", "../app", "20260630-0900", "20260630-090000/../../x", "20990101-000000"]
)
def test_only_an_existing_well_formed_id_names_a_snapshot(fresh_db, tmp_path, wanted):
    snapshots.freeze(fresh_db, tmp_path, now=dt.datetime(2026, 6, 30, 9))
    write_csv(tmp_path / "x.duckdb", [["not a snapshot"]])
    with pytest.raises(snapshots.SnapshotNotFound):
        snapshots.find(tmp_path, wanted)
    assert snapshots.find(tmp_path, "20260630-090000").taken_at == dt.datetime(2026, 6, 30, 9)
