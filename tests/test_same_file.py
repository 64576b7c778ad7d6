"""A file identical to the one the last write loaded is known unchanged without being read."""

from __future__ import annotations

import pytest

from data_layer import ingest
from data_layer.batches import undo_batch
from data_layer.db import LAST_WRITE
from data_layer.ingest import import_file, preview_file

from .conftest import write_csv
from .test_ingest import rows_of, set_cell, snapshot


def filings_file(folder, output: str = "55"):
    """The tiny filings with F2's 2024 output changed: an import of it writes a batch."""
    folder.mkdir(exist_ok=True)
    return write_csv(folder / "filings.csv", set_cell(rows_of("filings"), 4, "年产值（万元）", output))


def unreadable(monkeypatch):
    """Make any read of a file fail: what passes then was decided without reading."""

    def refuse(*args, **kwargs):
        raise AssertionError("the file was read again")

    monkeypatch.setattr(ingest, "read_table", refuse)


def test_the_file_the_last_import_loaded_is_not_read_again(fresh_db, tmp_path, monkeypatch):
    path = filings_file(tmp_path)
    first = import_file(fresh_db, path)
    assert first.batch_id is not None and first.rows_replaced == 1
    generation, before = fresh_db.generation, snapshot(fresh_db)
    unreadable(monkeypatch)
    again = import_file(fresh_db, path, file_name="copy of filings.csv")
    assert again.same_as == first.batch_id
    assert (again.batch_id, again.rows_new, again.rows_replaced) == (None, 0, 0)
    assert again.rows_same == again.rows_in_file == first.rows_in_file
    assert again.file_name == "copy of filings.csv"
    assert fresh_db.generation == generation  # nothing published
    assert snapshot(fresh_db) == before
    preview = preview_file(fresh_db, path)  # the upload page's check says the same
    assert (preview.same_as, preview.rows_new, preview.rows_replaced) == (first.batch_id, 0, 0)


def test_any_write_since_means_reading_it_again(fresh_db, tmp_path):
    path = filings_file(tmp_path)
    first = import_file(fresh_db, path)
    undo_batch(fresh_db, first.batch_id, user="wang", role="admin")  # F2's output is 50 again
    again = import_file(fresh_db, path)
    assert again.same_as is None
    assert (again.rows_replaced, again.batch_id is not None) == (1, True)  # loaded again, not skipped
    output = "SELECT output_10k FROM filing_outputs WHERE filing_no = 'F2' AND year = 2024"
    assert fresh_db.scalar(output) == 55


def test_another_import_in_between_means_reading_it_again(fresh_db, tmp_path):
    path = filings_file(tmp_path)
    import_file(fresh_db, path)
    import_file(fresh_db, filings_file(tmp_path / "other", output="60"))  # another file of the kind
    again = import_file(fresh_db, path)
    assert again.same_as is None and again.rows_replaced == 1


def test_a_file_read_another_way_is_read_again(fresh_db, tmp_path, monkeypatch):
    path = filings_file(tmp_path)
    import_file(fresh_db, path)
    mark = fresh_db.meta(LAST_WRITE)
    assert mark.startswith("import filings ") and "profile=recognized" in mark
    unreadable(monkeypatch)
    with pytest.raises(AssertionError, match="read again"):
        import_file(fresh_db, path, sheet="Sheet1")  # another sheet asked for: a different reading
    renamed = tmp_path / "filings.xlsm"  # the same bytes under a name another reader takes
    renamed.write_bytes(path.read_bytes())
    with pytest.raises(AssertionError, match="read again"):
        import_file(fresh_db, renamed, "filings")


def test_every_other_write_changes_the_mark(fresh_db, tmp_path):
    import_file(fresh_db, filings_file(tmp_path))
    mark = fresh_db.meta(LAST_WRITE)
    with fresh_db.transaction() as cur:  # e.g. a saved deck, a resolved name, a reporting step
        cur.execute("INSERT OR REPLACE INTO meta VALUES ('note', 'x')")
    assert fresh_db.meta(LAST_WRITE) not in (None, mark)
