"""Tables out to CSV and XLSX, safe to open in a spreadsheet.

A cell that starts with ``= + - @`` (or a tab or carriage return) would be run as a formula by
Excel or WPS ("CSV injection"); such text cells get a leading apostrophe, which spreadsheets
show as plain text. Numbers are left alone, so a negative amount stays a number.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """The value, with a leading apostrophe if it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and headers are all formula-safe."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(safe_cell)
    safe.columns = [safe_cell(str(c)) for c in safe.columns]
    return safe


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a BOM (Excel then reads the Chinese correctly)."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "数据") -> bytes:
    out = io.BytesIO()
    safe_frame(frame).to_excel(out, index=False, sheet_name=sheet, engine="openpyxl")
    return out.getvalue()
