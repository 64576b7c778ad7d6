"""Turn an uploaded file's bytes into a header and a stream of text rows.

CSV is decoded in Python (strict UTF-8 with or without BOM, then GB18030, which also
covers GBK): DuckDB's reader knows neither GBK nor GB18030. XLSX is read with openpyxl in
read-only mode. Rows are streamed in chunks, never held all at once, so a million-row file
costs the memory of one chunk here. Every cell comes back as text; parsing is the checks' job.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from openpyxl import load_workbook

HEADER_SCAN_ROWS = 10
CHUNK_ROWS = 50_000
_TOTAL = re.compile(r"^(合计|总计|小计|total)($|[\W\d_])")
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted XLSX and old .xls files

Score = Callable[[list[str]], int]


class UnreadableFile(ValueError):
    """The bytes are not a CSV or XLSX file this program can read; args[0] is a reason code."""


@dataclass
class RawTable:
    """A file's header and how to stream its data rows; ``chunks`` may be called once."""

    header: list[str]
    header_line: int  # 1-based line (Excel row) of the header
    encoding: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    estimated_lines: int = 0  # for progress: lines in a CSV, rows in a worksheet
    _lines: Callable[[], Iterator[list[str]]] | None = None

    dropped_total_line: int | None = None  # a 合计 row at the bottom, left out (known after chunks)

    def lines(self) -> Iterator[list[str]]:
        """Every line of the file or sheet from the top, title rows and blank rows included."""
        return self._lines()

    def chunks(self, size: int = CHUNK_ROWS) -> Iterator[tuple[list[int], list[list[str]]]]:
        """Non-blank data rows in chunks, each with its Excel row numbers.

        The last row is held back until the end: if it is a 合计 row it is left out and its
        line is kept in ``dropped_total_line``.
        """
        numbers: list[int] = []
        rows: list[list[str]] = []
        try:
            for number, cells in enumerate(self._lines(), start=1):
                if number <= self.header_line or not "".join(cells).strip():
                    continue
                numbers.append(number)
                rows.append(cells)
                if len(rows) > size:
                    yield numbers[:-1], rows[:-1]
                    numbers, rows = numbers[-1:], rows[-1:]
        except csv.Error as exc:  # a NUL byte, a field larger than the limit, ...
            raise UnreadableFile("csv_malformed") from exc
        if rows and is_total_row(rows[-1]):
            self.dropped_total_line = numbers.pop()
            rows.pop()
        if rows:
            yield numbers, rows


def is_total_row(cells: list[str]) -> bool:
    """Whether a row is a 合计 (total) row: its first filled cell is a total marker.

    "合计", "合计：" and "总计（万元）" are; a product named "小计量泵" is not.
    """
    filled = [unicodedata.normalize("NFKC", c).strip().lower() for c in cells if c.strip()]
    return bool(filled) and bool(_TOTAL.match(filled[0].replace(" ", "")))


def read_table(data: bytes, file_name: str, score: Score | None = None, sheet: str | None = None) -> RawTable:
    """Find the header of CSV or XLSX bytes and prepare to stream the rows below it.

    The header is the row among the first ten that ``score`` rates highest (how many of its
    cells name a known column); title rows and blank rows above it are skipped. For XLSX,
    ``sheet`` picks the worksheet; without it the sheet whose header scores best is used.
    """
    if file_name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        return _xlsx_table(data, file_name, score, sheet)
    encoding = detect_encoding(data)

    def lines() -> Iterator[list[str]]:
        text = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
        return csv.reader(text)

    head = _first(lines(), HEADER_SCAN_ROWS)
    index = _header_index(head, score)
    header = [c.strip() for c in head[index]]
    return RawTable(header, index + 1, encoding, None, [], data.count(b"\n") + 1, lines)


def detect_encoding(data: bytes) -> str:
    """UTF-8 (BOM or not) if every byte decodes as UTF-8, else GB18030; never a guess from a few lines."""
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            for start in range(0, len(data), 1 << 20):
                decoder.decode(data[start : start + (1 << 20)])
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        if "\x00" in data[:4096].decode(encoding, errors="ignore"):
            break  # NUL characters: a binary file, not text in any encoding
        return encoding
    raise UnreadableFile("encoding_unknown")


def _first(lines: Iterator[list[str]], n: int) -> list[list[str]]:
    head = []
    for cells in lines:
        head.append(cells)
        if len(head) == n:
            break
    return head


def _header_index(lines: list[list[str]], score: Score | None) -> int:
    filled = [i for i, cells in enumerate(lines) if sum(1 for c in cells if str(c).strip()) >= 2]
    if not filled:
        raise UnreadableFile("no_header")
    if score is None:
        return filled[0]
    return max(filled, key=lambda i: (score(lines[i]), -i))


def _xlsx_table(data: bytes, file_name: str, score: Score | None, sheet: str | None) -> RawTable:
    if data.startswith(OLE_SIGNATURE):
        raise UnreadableFile("xlsx_encrypted" if file_name.lower().endswith(".xlsx") else "xls_old")
    if file_name.lower().endswith(".xlsm") or b"vbaProject.bin" in data:
        raise UnreadableFile("xlsx_macro")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        raise UnreadableFile("xlsx_unreadable") from exc
    try:
        names = [ws.title for ws in book.worksheets]
        sizes = {name: book[name].max_row or 0 for name in names}
        heads = {name: _first(_sheet_lines(book[name]), HEADER_SCAN_ROWS) for name in names}
    finally:
        book.close()
    if sheet is not None and sheet not in heads:
        raise UnreadableFile("sheet_missing")
    candidates = [sheet] if sheet else [n for n in names if _has_header(heads[n])]
    if not candidates:
        raise UnreadableFile("no_header")
    best = max(candidates, key=lambda n: _best_score(heads[n], score))
    index = _header_index(heads[best], score)

    def lines() -> Iterator[list[str]]:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            yield from _sheet_lines(book[best])
        finally:
            book.close()

    header = [c.strip() for c in heads[best][index]]
    return RawTable(header, index + 1, None, best, names, sizes[best], lines)


def _has_header(head: list[list[str]]) -> bool:
    return any(sum(1 for c in cells if c.strip()) >= 2 for cells in head)


def _best_score(head: list[list[str]], score: Score | None) -> int:
    return max((score(cells) for cells in head), default=0) if score else 0


def _sheet_lines(worksheet) -> Iterator[list[str]]:
    # Some exporters write a wrong <dimension> (just A1); read-only mode would trust it.
    worksheet.reset_dimensions()
    for row in worksheet.iter_rows(values_only=True):
        yield [_cell_text(v) for v in row]


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
