"""Undo: an import can be taken back, restoring what it replaced, in order."""

from __future__ import annotations

import pytest

from data_layer.batches import UndoRefused, recent_imports, undo_batch, undoable
from data_layer.ingest import import_file
from data_layer.schema import HISTORY_TABLES
from data_layer.tables import SPECS, assert_unique

from .conftest import E1, app_no, write_csv
from .test_ingest import rows_of, set_cell

DATA_TABLES = HISTORY_TABLES


def data_snapshot(db) -> dict[str, list]:
    return {table: db.rows(f"SELECT * FROM {table} ORDER BY ALL") for table in DATA_TABLES}


def test_undo_restores_replaced_rows_and_removes_new_ones(fresh_db, tmp_path):
    before = data_snapshot(fresh_db)
    rows = set_cell(rows_of("filings"), 4, "年产值（万元）", "55")
    rows.append(["F5", "新产品", E1, "2025-01-01", "家电", "是", app_no(8), "", ""])
    batch = import_file(fresh_db, write_csv(tmp_path / "filings.csv", rows)).batch_id
    assert data_snapshot(fresh_db) != before
    undo = undo_batch(fresh_db, batch, user="li", role="admin")
    assert data_snapshot(fresh_db) == before
    log = fresh_db.rows(
        "SELECT batch_id, undoes, undone_by, rows_new, rows_replaced FROM imports WHERE batch_id >= ?",
        [batch],
    )
    assert log == [(batch, None, undo, 1, 1), (undo, batch, None, 1, 2)]
    # Neither the batch nor its undo is offered for undoing any more; the earlier loads are.
    offered = set(undoable(recent_imports(fresh_db))["batch_id"])
    assert batch not in offered and undo not in offered and offered
    with pytest.raises(UndoRefused, match="batch_undone"):
        undo_batch(fresh_db, batch, user="li", role="admin")
    with pytest.raises(UndoRefused, match="batch_is_undo"):
        undo_batch(fresh_db, undo, user="li", role="admin")


def test_undo_goes_back_in_order(fresh_db, tmp_path):
    before = data_snapshot(fresh_db)
    first = import_file(
        fresh_db,
        write_csv(tmp_path / "a.csv", set_cell(rows_of("patents"), 1, "专利名称", "改名一")),
        "patents",
    ).batch_id
    middle = data_snapshot(fresh_db)
    second = import_file(
        fresh_db,
        write_csv(tmp_path / "b.csv", set_cell(rows_of("patents"), 1, "专利名称", "改名二")),
        "patents",
    ).batch_id
    with pytest.raises(UndoRefused, match="batch_superseded"):
        undo_batch(fresh_db, first, user="li", role="admin")
    undo_batch(fresh_db, second, user="li", role="admin")
    assert data_snapshot(fresh_db) == middle
    undo_batch(fresh_db, first, user="li", role="admin")
    assert data_snapshot(fresh_db) == before
    assert fresh_db.scalar("SELECT count(*) FROM history_patents") == 0


def test_undo_of_an_initial_load_empties_the_kind(fresh_db):
    first_contracts = fresh_db.scalar("SELECT batch_id FROM imports WHERE kind = 'contracts'")
    undo_batch(fresh_db, first_contracts, user="li", role="admin")
    assert fresh_db.scalar("SELECT count(*) FROM contracts") == 0
    assert fresh_db.scalar("SELECT count(*) FROM contract_patents") == 0
    with pytest.raises(UndoRefused, match="batch_unknown"):
        undo_batch(fresh_db, 999, user="li", role="admin")


def test_staff_undo_their_own_imports_and_an_admin_anyones(fresh_db, tmp_path):
    rows = set_cell(rows_of("filings"), 4, "年产值（万元）", "55")
    batch = import_file(fresh_db, write_csv(tmp_path / "filings.csv", rows), user="wang").batch_id
    with pytest.raises(UndoRefused, match="batch_of_another"):
        undo_batch(fresh_db, batch, user="li")
    assert undo_batch(fresh_db, batch, user="wang")  # their own
    again = import_file(fresh_db, write_csv(tmp_path / "filings.csv", rows), user="wang").batch_id
    assert undo_batch(fresh_db, again, user="zhao", role="admin")


def _duplicated_keys(db) -> list[str]:
    found = []
    for spec in SPECS.values():
        for table, key in ((spec.table, spec.key), *((c.table, c.key) for c in spec.children)):
            if db.scalar(f"SELECT count(*) - count(DISTINCT ({', '.join(key)})) FROM {table}"):
                found.append(table)
    return found


def test_keys_stay_unique_through_imports_and_undos(fresh_db, tmp_path):
    """The tables carry no key index (see ``schema``): the write path keeps their keys unique."""
    batches = []
    changed = {
        "patents": "专利名称",
        "filings": "年产值（万元）",
        "contracts": "合同名称",
        "patent_events": "金额（万元）",
    }
    for n, kind in enumerate(["patents", "filings", "contracts", "patents", "patent_events", "filings"]):
        rows = set_cell(rows_of(kind), 1, changed[kind], str(60 + n))  # a changed row: replaced
        batches.append(import_file(fresh_db, write_csv(tmp_path / f"{kind}.csv", rows)).batch_id)
        assert _duplicated_keys(fresh_db) == []
    for batch in reversed(batches):
        if batch is not None:
            undo_batch(fresh_db, batch, user="li", role="admin")
            assert _duplicated_keys(fresh_db) == []


def test_a_stage_with_a_duplicate_key_is_never_written(fresh_db):
    before = data_snapshot(fresh_db)
    with pytest.raises(RuntimeError, match="twice"), fresh_db.transaction() as cur:
        cur.execute("CREATE TEMP TABLE stage_patents AS SELECT * FROM patents")
        cur.execute("INSERT INTO stage_patents SELECT * FROM patents LIMIT 1")
        assert_unique(cur, "stage_patents", SPECS["patents"].key)
    assert data_snapshot(fresh_db) == before
