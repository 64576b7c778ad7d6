"""Turn an uploaded file's bytes into a header and rows of text cells.

CSV is decoded in Python (strict UTF-8 with or without BOM, then GB18030, which also
covers GBK): DuckDB's reader knows neither GBK nor GB18030. XLSX is read with openpyxl in
read-only mode. Every cell comes back as text; parsing is the models' job.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from openpyxl import load_workbook

HEADER_SCAN_ROWS = 10


class UnreadableFile(ValueError):
    """The bytes are not a CSV or XLSX file this program can read; args[0] is a reason code."""


@dataclass
class RawTable:
    header: list[str]
    rows: list[list[str]]
    first_data_line: int  # 1-based line (Excel row) of rows[0]
    encoding: str | None = None
    sheet: str | None = None
    header_line: int = 1
    dropped_total_line: int | None = None  # a 合计 row at the bottom, left out


TOTAL_MARKERS = ("合计", "总计", "小计", "total")
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted XLSX and old .xls files


def read_table(
    data: bytes, file_name: str, header_score: Callable[[list[str]], int] | None = None
) -> RawTable:
    """Read CSV or XLSX bytes into a header and text rows.

    The header is the row among the first ten that ``header_score`` rates highest (how many
    of its cells name a known column); title rows and blank rows above it are skipped. A
    合计 (total) row at the bottom is left out and reported in ``dropped_total_line``.
    """
    if file_name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        (lines, sheet), encoding = _xlsx_lines(data, file_name), None
    else:
        (text, encoding), sheet = decode(data), None
        lines = list(csv.reader(io.StringIO(text)))
    index = _header_index(lines[:HEADER_SCAN_ROWS], header_score)
    table = RawTable(
        [c.strip() for c in lines[index]], lines[index + 1 :], index + 2, encoding, sheet, index + 1
    )
    _drop_total_row(table)
    return table


def _header_index(lines: list[list[str]], header_score: Callable[[list[str]], int] | None) -> int:
    filled = [i for i, cells in enumerate(lines) if sum(1 for c in cells if c.strip()) >= 2]
    if not filled:
        raise UnreadableFile("no_header")
    if header_score is None:
        return filled[0]
    return max(filled, key=lambda i: (header_score(lines[i]), -i))


def _drop_total_row(table: RawTable) -> None:
    for position in range(len(table.rows) - 1, -1, -1):
        cells = [unicodedata.normalize("NFKC", c).strip().lower() for c in table.rows[position] if c.strip()]
        if not cells:
            continue
        if cells[0].replace(" ", "").startswith(TOTAL_MARKERS):
            table.dropped_total_line = table.first_data_line + position
            del table.rows[position]
        return


def decode(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (BOM or not) first, then GB18030; never guess from a few lines."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("encoding_unknown")


def _xlsx_lines(data: bytes, file_name: str) -> tuple[list[list[str]], str]:
    """Rows of the first worksheet as text, and the sheet's name."""
    if data.startswith(OLE_SIGNATURE):
        raise UnreadableFile("xlsx_encrypted" if file_name.lower().endswith(".xlsx") else "xls_old")
    if file_name.lower().endswith(".xlsm") or b"vbaProject.bin" in data:
        raise UnreadableFile("xlsx_macro")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        raise UnreadableFile("xlsx_unreadable") from exc
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)], sheet.title
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
