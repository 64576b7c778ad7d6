"""Cells fixed in the page: the corrected file keeps every row number and loads."""

from __future__ import annotations

import csv
import io

import pytest

from data_layer.corrections import apply_edits, cells_at, corrected_name
from data_layer.ingest import ImportRejected, import_bytes

from .conftest import TINY, write_csv


def rejected_rows(db, data: bytes, name: str, kind: str) -> list[tuple]:
    with pytest.raises(ImportRejected) as caught:
        import_bytes(db, data, name, kind, user="test", dry_run=True)
    return [(p.row, p.column, p.reason) for p in caught.value.problems if p.severity == "error"]


def test_fixing_the_cells_named_in_the_problems_makes_the_file_load(fresh_db, tmp_path):
    rows = [list(r) for r in TINY["institutions"]]
    rows[2][3] = "番禺区"
    rows[4][2] = "公司"
    data = write_csv(tmp_path / "bad.csv", [["湛江市单位名录"], [], *rows]).read_bytes()  # title + blank
    assert rejected_rows(fresh_db, data, "bad.csv", "institutions") == [
        (5, "所在区县", "county_unknown"),
        (7, "单位类型", "enum_unknown"),
    ]
    header, cells = cells_at(data, "bad.csv", "institutions", {5, 7})
    assert header == TINY["institutions"][0] and cells[5][3] == "番禺区"
    fixed, name = apply_edits(
        data, "bad.csv", "institutions", {(5, "所在区县"): "赤坎区", (7, "单位类型"): "企业"}
    )
    assert name == "bad_已修正.csv"
    lines = list(csv.reader(io.StringIO(fixed.decode("utf-8"))))
    assert lines[0] == ["湛江市单位名录"] and lines[1] == []  # title and blank row kept: same row numbers
    result = import_bytes(fresh_db, fixed, name, "institutions", user="test")
    assert (result.rows_new, result.rows_replaced, result.rows_same) == (0, 1, 4)


def test_a_second_round_keeps_the_name_and_a_short_row_grows_to_the_column():
    data = "单位名称,统一社会信用代码,单位类型,所在区县\n甲公司\n".encode()
    fixed, name = apply_edits(data, "甲_已修正.csv", "institutions", {(2, "所在区县"): "霞山区"})
    assert name == "甲_已修正.csv" == corrected_name("甲.xlsx")
    assert fixed.decode().splitlines()[1] == "甲公司,,,霞山区"
