"""Turn an uploaded file's bytes into a header and rows of text cells.

CSV is decoded in Python (strict UTF-8 with or without BOM, then GB18030, which also
covers GBK): DuckDB's reader knows neither GBK nor GB18030. XLSX is read with openpyxl in
read-only mode. Every cell comes back as text; parsing is the models' job.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
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


def read_table(data: bytes, file_name: str) -> RawTable:
    """Read CSV or XLSX bytes; the header is the first row with two or more filled cells."""
    if file_name.lower().endswith((".xlsx", ".xlsm")):
        lines, encoding, sheet = _xlsx_lines(data), None, None
    else:
        text, encoding = decode(data)
        lines, sheet = list(csv.reader(io.StringIO(text))), None
    for index, cells in enumerate(lines[:HEADER_SCAN_ROWS]):
        if sum(1 for c in cells if c.strip()) >= 2:
            header = [c.strip() for c in cells]
            return RawTable(header, lines[index + 1 :], index + 2, encoding, sheet)
    raise UnreadableFile("no_header")


def decode(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (BOM or not) first, then GB18030; never guess from a few lines."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("encoding_unknown")


def _xlsx_lines(data: bytes) -> list[list[str]]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        raise UnreadableFile("xlsx_unreadable") from exc
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
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
