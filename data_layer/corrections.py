"""Fixing a few cells of a rejected file in the page, without going back to Excel.

Staff see the rows with problems, edit the cells, and check again. The corrected file is a
UTF-8 CSV with every line of the original (title rows and blank rows too), so row numbers
in any remaining problems are the ones staff know from their own file.
"""

from __future__ import annotations

import csv
import io
from pathlib import PurePath

from .reader import read_table
from .validate import header_score

# Editing in the page is for a handful of typos; a file with more bad rows goes back to Excel.
MAX_EDIT_ROWS = 200


def cells_at(
    data: bytes, file_name: str, kind: str, lines: set[int], sheet: str | None = None
) -> tuple[list[str], dict[int, list[str]]]:
    """The header and, for each of ``lines`` (Excel row numbers), its cells as written."""
    raw = read_table(data, file_name, header_score(kind), sheet)
    width = len(raw.header)
    found = {}
    last = max(lines, default=0)
    for number, cells in enumerate(raw.lines(), start=1):
        if number in lines:
            found[number] = (cells + [""] * width)[:width]
        if number >= last:
            break
    return raw.header, found


def apply_edits(
    data: bytes, file_name: str, kind: str, edits: dict[tuple[int, str], str], sheet: str | None = None
) -> tuple[bytes, str]:
    """The file as a UTF-8 CSV with ``edits`` ((row, header) -> new text) applied, and its name."""
    raw = read_table(data, file_name, header_score(kind), sheet)
    column = {title: index for index, title in reversed(list(enumerate(raw.header)))}
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (row, title), text in edits.items():
        by_row.setdefault(row, []).append((column[title], text))
    out = io.StringIO()
    writer = csv.writer(out)
    for number, cells in enumerate(raw.lines(), start=1):
        for index, text in by_row.get(number, ()):
            cells = cells + [""] * max(0, index + 1 - len(cells))
            cells[index] = text
        writer.writerow(cells)
    return out.getvalue().encode("utf-8"), corrected_name(file_name)


def corrected_name(file_name: str) -> str:
    """``contracts.xlsx`` -> ``contracts_已修正.csv`` (a name that says what it is)."""
    stem = PurePath(file_name).stem.removesuffix("_已修正")
    return f"{stem}_已修正.csv"
