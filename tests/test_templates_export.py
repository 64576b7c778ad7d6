"""Templates agree with what an import accepts; exports never carry a live formula."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from data_layer.export import safe_cell, table_frame, to_csv_bytes, to_xlsx_bytes
from data_layer.ingest import import_bytes, preview_bytes
from data_layer.models import KINDS
from data_layer.reader import read_table
from data_layer.templates import column_notes, template_csv, template_xlsx
from data_layer.validate import check_bytes, header_score

from .conftest import TINY


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_template_example_passes_validation(kind):
    raw = read_table(template_csv(kind), f"{kind}.csv", header_score(kind))
    checked = check_bytes(template_csv(kind), f"{kind}.csv", kind)
    assert checked.errors == []
    assert checked.rows == 1
    assert raw.header == [info.title for info in KINDS[kind].model_fields.values()]


@pytest.mark.parametrize("kind", list(KINDS))
def test_xlsx_template_has_data_and_notes(kind):
    book = load_workbook(io.BytesIO(template_xlsx(kind)))
    assert book.sheetnames == ["数据", "填写说明"]
    notes = list(book["填写说明"].values)
    assert len(notes) == 1 + len(KINDS[kind].model_fields)
    assert check_bytes(template_xlsx(kind), "t.xlsx", kind).errors == []


def test_notes_name_allowed_values_and_requirement():
    notes = {row[1]: row for row in column_notes("patents")}
    assert notes["app_no"][2] == "必填"
    # Optional since exports leave it out (derived from the application number); the notes
    # name the labels and the other words the vocabulary accepts.
    assert notes["patent_type"][2] == "选填" and "发明、实用新型、外观设计" in notes["patent_type"][3]
    assert "发明授权" in notes["patent_type"][3]
    assert notes["grant_date"][2] == "选填" and "2024-03-05" in notes["grant_date"][3]
    assert "赤坎区" in notes["county"][3]
    english = {row[1]: row for row in column_notes("patents", "en")}
    assert english["app_no"][2] == "required"


@pytest.mark.parametrize("text", ["=1+1", "+86", "-2", "@SUM(A1)", "\tx", '=HYPERLINK("http://x")'])
def test_formula_cells_are_neutralized(text):
    assert safe_cell(text) == "'" + text


def test_exports_keep_numbers_and_escape_text():
    frame = pd.DataFrame({"名称": ["=cmd|' /C calc'!A0", "正常"], "金额": [-5.0, 3.0]})
    csv_text = to_csv_bytes(frame).decode("utf-8-sig")
    assert "'=cmd" in csv_text and "-5.0" in csv_text
    sheet = load_workbook(io.BytesIO(to_xlsx_bytes(frame))).active
    assert sheet["A2"].value == "'=cmd|' /C calc'!A0" and sheet["B2"].value == -5
    assert sheet["A2"].data_type == "s"


@pytest.mark.parametrize("kind", ["institutions", "indicators", "events", "county_rules", "targets"])
def test_an_exported_table_reimports_unchanged(fresh_db, kind):
    frame = table_frame(fresh_db, kind)
    for data, name in ((to_csv_bytes(frame), f"{kind}.csv"), (to_xlsx_bytes(frame), f"{kind}.xlsx")):
        result = preview_bytes(fresh_db, data, name, kind)
        assert (result.rows_new, result.rows_replaced, result.rows_same) == (0, 0, len(frame))


def test_a_formula_typed_into_a_name_is_exported_as_text(fresh_db):
    rows = [list(r) for r in TINY["institutions"]]
    rows[1][1] = '=HYPERLINK("http://evil.example","点我")'
    import_bytes(
        fresh_db, to_csv_bytes(pd.DataFrame(rows[1:], columns=rows[0])), "i.csv", "institutions", user="t"
    )
    sheet = load_workbook(io.BytesIO(to_xlsx_bytes(table_frame(fresh_db, "institutions")))).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "'" + rows[1][1] in names


def test_users_and_login_attempts_cannot_be_exported(fresh_db):
    for table in ("users", "login_attempts", "meta"):
        with pytest.raises(ValueError, match="not an exportable table"):
            table_frame(fresh_db, table)
