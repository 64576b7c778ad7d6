"""Undo: an import can be taken back, restoring what it replaced, in order."""

from __future__ import annotations

import pytest

from data_layer.batches import UndoRefused, undo_batch
from data_layer.ingest import import_file
from data_layer.schema import HISTORY_TABLES

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
