"""Hostile and oversized files are refused with a reason, a row and a column, in bounded memory.

What each costs to refuse (seconds, peak memory) is measured by bench/bench_hostile.py.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from data_layer import reader
from data_layer.ingest import ImportRejected, import_bytes

from .conftest import TINY
from .test_cli import cli

HEADER = TINY["institutions"][0]
ROW = TINY["institutions"][1]


def csv_bytes(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(r) for r in rows).encode()


def refused(db, data: bytes, name: str, kind: str = "institutions"):
    with pytest.raises(ImportRejected) as caught:
        import_bytes(db, data, name, kind, user="li")
    [problem] = caught.value.problems
    return problem


def workbook(rows: list[list[str]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_part(xlsx: bytes, name: str, content: bytes) -> bytes:
    """``xlsx`` with part ``name`` replaced by ``content`` (deflated, as Excel writes it)."""
    source, out = zipfile.ZipFile(io.BytesIO(xlsx)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            if part.filename != name:
                target.writestr(part, source.read(part.filename))
        target.writestr(name, content, compresslevel=9)
    return out.getvalue()


def test_a_decompression_bomb_is_refused_from_its_directory(empty_db):
    # 60 MB of one repeated row: a few hundred KB on the wire, hundreds of times that inflated.
    rows = b'<row><c t="inlineStr"><is><t>A</t></is></c></row>' * 1_200_000
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    bomb = with_part(
        workbook([HEADER]), "xl/worksheets/sheet1.xml", sheet + rows + b"</sheetData></worksheet>"
    )
    assert len(bomb) < 1 << 20
    problem = refused(empty_db, bomb, "单位.xlsx")
    assert problem.reason == "xlsx_bomb"
    assert problem.value == "xl/worksheets/sheet1.xml: 56 MB"
    assert "疑似损坏或恶意文件" in problem.message("zh")


def test_shared_strings_too_large_to_hold_are_refused(empty_db, monkeypatch):
    monkeypatch.setattr(reader, "XLSX_MAX_HELD", 1 << 20)  # openpyxl holds shared strings whole
    strings = b"<sst><si><t>" + b"x" * (2 << 20) + b"</t></si></sst>"
    bomb = with_part(workbook([HEADER, ROW]), "xl/sharedStrings.xml", strings)
    assert refused(empty_db, bomb, "单位.xlsx").reason == "xlsx_bomb"


def test_a_cell_over_excels_limit_in_the_first_lines_names_its_row(empty_db):
    long = "长" * 200_000  # over csv's own 128 KB limit: today a traceback
    problem = refused(empty_db, csv_bytes([HEADER, [ROW[0], long, *ROW[2:]]]), "单位.csv")
    assert (problem.reason, problem.row) == ("cell_too_large", 2)
    assert "32767" in problem.message("zh")


def test_a_cell_over_excels_limit_further_down_names_its_row(empty_db):
    rows = [HEADER, *[list(r) for r in TINY["institutions"][1:]], [ROW[0], "长" * 40_000, *ROW[2:]]]
    problem = refused(empty_db, csv_bytes(rows), "单位.csv")
    assert (problem.reason, problem.row) == ("cell_too_large", len(rows))


def test_an_xlsx_cell_over_excels_limit_names_row_and_column(empty_db):
    # Excel (and openpyxl) write at most 32,767 characters to a cell; a crafted sheet holds more.
    def cell(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    header = "".join(cell(f"{chr(65 + i)}1", h) for i, h in enumerate(HEADER))
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f'<row r="1">{header}</row><row r="2">{cell("A2", ROW[0])}{cell("B2", "长" * 40_000)}</row>'
        "</sheetData></worksheet>"
    )
    data = with_part(workbook([HEADER]), "xl/worksheets/sheet1.xml", sheet.encode())
    problem = refused(empty_db, data, "单位.xlsx")
    assert (problem.reason, problem.row, problem.column) == ("cell_too_large", 2, "B")


def test_too_many_rows_are_refused_at_the_limit(empty_db, monkeypatch):
    monkeypatch.setattr(reader, "MAX_LINES", 50)
    rows = [HEADER] + [[f"{ROW[0][:-2]}{i:02d}", f"单位{i}", *ROW[2:]] for i in range(60)]
    problem = refused(empty_db, csv_bytes(rows), "单位.csv")
    assert (problem.reason, problem.row) == ("too_many_rows", 51)


def test_too_many_filled_columns_are_refused_but_formatted_empty_ones_are_not(empty_db):
    wide = [HEADER, [*ROW, *(["x"] * (reader.MAX_COLUMNS + 1))]]
    problem = refused(empty_db, csv_bytes(wide), "单位.csv")
    assert (problem.reason, problem.row) == ("too_many_columns", 2)
    # Excel writes formatted empty cells out to the last column: those are not data.
    formatted = csv_bytes([HEADER, [*ROW, *([""] * 5_000)]])
    assert import_bytes(empty_db, formatted, "单位.csv", "institutions", user="li").rows_new == 1


def test_the_command_line_applies_the_upload_limit_with_a_flag_to_raise_it(tmp_path, tiny_dir):
    db = str(tmp_path / "cli.duckdb")
    assert cli("--db", db, "init", "--sample-dir", str(tiny_dir)).returncode == 0
    big = tmp_path / "institutions.csv"
    rows = [HEADER, *[list(r) for r in TINY["institutions"][1:]]]
    big.write_bytes(csv_bytes(rows) + b"\n" + b"," * (2 << 20))  # 2 MB of empty trailing rows
    refused_ = cli("--db", db, "import", str(big), "--max-mb", "1")
    assert refused_.returncode == 1
    assert "超过上传上限" in refused_.stderr
    raised = cli("--db", db, "import", str(big), "--max-mb", "5")
    assert raised.returncode == 0, raised.stdout + raised.stderr
    assert "0 new" in raised.stdout


def test_control_characters_are_refused_at_their_cell_and_word_breaks_become_spaces(empty_db):
    from data_layer.export import table_frame, to_xlsx_bytes

    row = lambda name: [ROW[0], name, *ROW[2:]]  # noqa: E731
    # A NUL past the first 4 KB (the encoding check's window) and an escape: refused, each named.
    padding = [[f"{ROW[0][:-2]}99", "填充" * 2_500, *ROW[2:]]]
    data = csv_bytes([HEADER, *padding, row("湛江\x00测试"), [ROW[0][:-1] + "1", "湛江\x1b", *ROW[2:]]])
    with pytest.raises(ImportRejected) as caught:
        import_bytes(empty_db, data, "单位.csv", "institutions", user="li")
    found = [
        (p.row, p.column, p.value, p.reason) for p in caught.value.problems if p.reason == "control_character"
    ]
    assert found == [
        (3, "单位名称", "U+0000", "control_character"),
        (4, "单位名称", "U+001B", "control_character"),
    ]
    # A line break pasted from Word becomes a space, said once per column, and the export works.
    loaded = import_bytes(
        empty_db, csv_bytes([HEADER, row("湛江\x0b测试\x0c中心")]), "单位.csv", "institutions", user="li"
    )
    [warning] = [w for w in loaded.warnings if w.reason == "line_break_cleaned"]
    assert (warning.row, warning.column, warning.value) == (2, "单位名称", "1")
    frame = table_frame(empty_db, "institutions")
    assert list(frame["单位名称"]) == ["湛江 测试 中心"]
    assert to_xlsx_bytes(frame)[:2] == b"PK"


def test_an_exported_formula_comes_back_as_the_text_it_was(empty_db):
    from data_layer.export import safe_cell, table_frame

    name = "=1+1 测试单位"
    data = csv_bytes([HEADER, [ROW[0], safe_cell(name), *ROW[2:]]])
    assert b"'=1+1" in data  # what our export writes
    import_bytes(empty_db, data, "单位.csv", "institutions", user="li")
    assert list(table_frame(empty_db, "institutions")["单位名称"]) == [name]


def test_a_full_disk_is_a_message_not_a_traceback(empty_db, monkeypatch):
    import duckdb

    from data_layer import ingest

    def full(*args, **kwargs):
        raise duckdb.IOException('Could not write file "dashboard.duckdb.wal": No space left on device')

    monkeypatch.setattr(ingest, "_write", full)
    problem = refused(empty_db, csv_bytes([HEADER, ROW]), "单位.csv")
    assert problem.reason == "disk_full" and "磁盘已满" in problem.message("zh")
    assert empty_db.scalar("SELECT count(*) FROM institutions") == 0
