"""Tables out to CSV and XLSX, safe to open in a spreadsheet.

A cell that starts with ``= + - @`` (or a tab or carriage return) would be run as a formula by
Excel or WPS ("CSV injection"); such text cells get a leading apostrophe, which spreadsheets
show as plain text. Numbers are left alone, so a negative amount stays a number.
"""

from __future__ import annotations

import io

import pandas as pd
from pydantic import TypeAdapter

from .models import KINDS, column_format
from .schema import HISTORY_TABLES
from .tables import SPECS

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


# What staff may download: the imported data, the reference tables and the import log; never
# users or login attempts (password hashes, addresses).
EXPORTABLE = (*HISTORY_TABLES, "counties", "areas", "measures", "imports")

# Excel's sheet holds 1,048,576 rows; one is the header.
XLSX_MAX_ROWS = 1_048_575


def table_rows(db, table: str) -> int:
    """How many rows an exportable table holds."""
    return db.scalar(f"SELECT count(*) FROM {_checked(table)}")


def table_frame(db, table: str, limit: int | None = None) -> pd.DataFrame:
    """A data table for download, written as staff write it: Chinese headers and labels
    (发明, 是/否), dates without a time. A table with no child rows re-imports unchanged."""
    limit_sql = "" if limit is None else f" LIMIT {int(limit)}"
    frame = db.query(f"SELECT * FROM {_checked(table)} ORDER BY ALL{limit_sql}")
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.date
        elif pd.api.types.is_bool_dtype(frame[column]):
            frame[column] = frame[column].map({True: "是", False: "否"})
    for name, labels in _labels(table).items():
        frame[name] = frame[name].map(lambda code, labels=labels: labels.get(code, code))
    return frame.rename(columns=_titles(table))


def _checked(table: str) -> str:
    """The table's name if it may be exported (table names cannot be SQL parameters)."""
    if table not in EXPORTABLE:
        raise ValueError(f"not an exportable table: {table}")
    return table


def _fields(table: str) -> dict[str, tuple[str, object]]:
    """Field name -> (kind, field info) for the model fields stored in ``table``."""
    return {
        name: (kind, info)
        for kind, spec in SPECS.items()
        if spec.table == table
        for name, info in KINDS[kind].model_fields.items()
    }


def _titles(table: str) -> dict[str, str]:
    return {"batch_id": "导入批次"} | {name: info.title for name, (_, info) in _fields(table).items()}


def _labels(table: str) -> dict[str, dict[str, str]]:
    """For each enumeration column, code -> Chinese label (parsing each label gives its code)."""
    found = {}
    for name, (kind, _) in _fields(table).items():
        fmt = column_format(KINDS[kind], name)
        if fmt.kind == "enum":
            parse = TypeAdapter(KINDS[kind].model_fields[name].rebuild_annotation()).validate_python
            found[name] = {parse(label): label for label in fmt.allowed}
    return found
