"""Templates agree with what an import accepts; exports never carry a live formula."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from data_layer.export import safe_cell, to_csv_bytes, to_xlsx_bytes
from data_layer.models import KINDS
from data_layer.reader import read_table
from data_layer.templates import column_notes, template_csv, template_xlsx
from data_layer.validate import check_bytes, header_score


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
    assert notes["patent_type"][2] == "必填" and "发明、实用新型、外观设计" in notes["patent_type"][3]
    assert notes["grant_date"][2] == "选填" and "2024-03-05" in notes["grant_date"][3]
    assert "赤坎区" in notes["county"][3]
    english = {row[1]: row for row in column_notes("patents", "en")}
    assert english["patent_type"][2] == "required"


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
