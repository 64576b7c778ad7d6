"""``holdings``, the K4 population derived at each write, stays the live join of its sources
after every kind of write, in the order its filters rely on (data_layer.holdings)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd

from data_layer import holdings, schema
from data_layer.batches import undo_batch
from data_layer.db import Database
from data_layer.ingest import import_file

from .conftest import R1, TINY, U1, app_no, write_csv

ORDER = ["kind", "county", "app_no", "holder_code"]


def stored(db) -> pd.DataFrame:
    return db.query("SELECT * FROM holdings ORDER BY rowid")


def assert_exact(db) -> None:
    """The table holds what the sources make now, row for row, sorted by kind, division, patent."""
    rows = stored(db)
    live = db.query(holdings.LIVE)
    assert len(rows) > 0
    assert_same_rows(rows, live)
    keys = rows[["kind", "county", "app_no"]].astype(str).values.tolist()
    assert keys == sorted(keys)


def assert_same_rows(a: pd.DataFrame, b: pd.DataFrame) -> None:
    def canon(frame):
        return frame[sorted(frame.columns)].sort_values(ORDER).astype(str).reset_index(drop=True)

    pd.testing.assert_frame_equal(canon(a), canon(b))


def test_the_sample_is_loaded_exact(sample_db):
    assert_exact(sample_db)
    granted = sample_db.scalar("SELECT count(*) FROM patent_holders WHERE grant_date IS NOT NULL")
    assert sample_db.scalar("SELECT count(*) FROM holdings") == granted


def test_each_kind_of_write_and_its_undo_leave_it_exact(fresh_db, tmp_path):
    assert_exact(fresh_db)
    # An event: patent 6 (only pledged) implemented, so it gains a first use.
    events = [*TINY["patent_events"], [app_no(6), "实施", "2024-01-10", R1, "", "", "", ""]]
    added = import_file(fresh_db, write_csv(tmp_path / "events.csv", events), "patent_events", user="a")
    assert fresh_db.scalar("SELECT used_on FROM holdings WHERE app_no = ?", [app_no(6)]) is not None
    assert_exact(fresh_db)

    # An institution moves division: its holdings move with it.
    moved = [list(r) for r in TINY["institutions"]]
    moved[2][3] = "麻章区"  # R1
    relocated = import_file(fresh_db, write_csv(tmp_path / "inst.csv", moved), "institutions", user="a")
    counties = fresh_db.rows("SELECT DISTINCT county FROM holdings WHERE holder_code = ?", [R1])
    assert counties == [("440811",)]
    assert_exact(fresh_db)

    # A patent gains a joint holder (a replaced row and its children).
    patents = [list(r) for r in TINY["patents"]]
    row = next(r for r in patents if r[0] == app_no(1))
    row[6] = f"{U1};{R1}"
    joint = import_file(fresh_db, write_csv(tmp_path / "patents.csv", patents), "patents", user="a")
    assert fresh_db.scalar("SELECT count(*) FROM holdings WHERE app_no = ?", [app_no(1)]) == 2
    assert_exact(fresh_db)

    for batch in (joint, relocated, added):  # undone, last first
        undo_batch(fresh_db, batch.batch_id, user="a")
        assert_exact(fresh_db)
    assert fresh_db.scalar("SELECT count(*) FROM holdings WHERE app_no = ?", [app_no(1)]) == 1
    assert fresh_db.scalar("SELECT used_on FROM holdings WHERE app_no = ?", [app_no(6)]) is None


def test_a_write_of_another_kind_leaves_it_alone(fresh_db, tmp_path):
    before = fresh_db.scalar("SELECT count(*) FROM holdings")
    assert "filings" not in holdings.SOURCES
    with fresh_db.transaction() as cur:
        cur.execute("DELETE FROM holdings")  # a stale table a rebuild would mend
        holdings.rebuild(cur, "filings")
    assert fresh_db.scalar("SELECT count(*) FROM holdings") == 0
    with fresh_db.transaction() as cur:
        holdings.rebuild(cur, "patents")
    assert fresh_db.scalar("SELECT count(*) FROM holdings") == before


@contextmanager
def upgraded_from(db, version: int, *statements: str) -> Iterator[Database]:
    """``db`` taken back to schema ``version`` by ``statements``, then opened again (upgraded):
    at the latest schema, with holdings exact."""
    with db.transaction() as cur:
        for statement in statements:
            cur.execute(statement)
        cur.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    db.close()
    upgraded = Database(db.path)
    try:
        assert schema.schema_version(upgraded._con) == schema.SCHEMA_VERSION
        yield upgraded
        assert_exact(upgraded)
    finally:
        upgraded.close()


def test_a_version_10_database_is_filled_by_its_upgrade(fresh_db):
    count = fresh_db.scalar("SELECT count(*) FROM holdings")
    with upgraded_from(fresh_db, 10, "DROP TABLE holdings") as upgraded:
        assert upgraded.scalar("SELECT count(*) FROM holdings") == count > 0


def test_a_version_11_database_gets_the_routes_by_its_upgrade(fresh_db):
    count = fresh_db.scalar("SELECT count(*) FROM holdings")
    drops = [
        f"ALTER TABLE holdings DROP COLUMN {c}" for c in ("implementation_on", "transfer_on", "license_on")
    ]
    with upgraded_from(fresh_db, 11, *drops) as upgraded:
        assert upgraded.scalar("SELECT count(*) FROM holdings WHERE implementation_on IS NOT NULL") > 0
        assert upgraded.scalar("SELECT count(*) FROM holdings") == count > 0


def test_a_version_12_database_learns_which_patents_are_shared(fresh_db):
    shared = fresh_db.scalar("SELECT count(*) FROM holdings WHERE shared")
    with upgraded_from(fresh_db, 12, "ALTER TABLE holdings DROP COLUMN shared") as upgraded:
        assert upgraded.scalar("SELECT count(*) FROM holdings WHERE shared") == shared > 0
