"""Turn an uploaded file's bytes into a header and a stream of text rows.

CSV is decoded as strict UTF-8 (with or without BOM), else GB18030, which also covers GBK:
DuckDB's reader knows neither GBK nor GB18030. XLSX is read with openpyxl in read-only mode.
Rows are streamed in chunks, never held all at once, so a million-row file costs the memory of
one chunk here. Every cell comes back as text; parsing is the checks' job.

A CSV's rows come two ways. ``chunks`` reads them with Python's ``csv`` module: that is the
contract (row numbers, blank rows, a 合计 row, every limit below and its message).
``arrow_chunks`` reads the same rows with Arrow's CSV reader, some 15 times faster, and gives
up (``ArrowFallback``) at the first thing it might read differently: a row of another width,
a NUL byte, a cell at the length limit, more lines than allowed, a header it cannot locate.
The caller then reads the file again with ``chunks``, so a file that is odd anywhere gets the
csv module's reading and its exact messages. ``tests/test_reader_paths.py`` checks that both
ways give the same rows for the corpus and for crafted files.

Hostile files are refused in bounded memory and time, before or while they are read: an
XLSX's zip directory is checked first (uncompressed sizes and compression ratios: a
"decompression bomb" is refused before a byte is inflated; Python's zipfile never inflates
more than the size the directory declares), and while rows stream, a file with more than
``MAX_LINES`` lines, a row with more than ``MAX_COLUMNS`` filled columns or a cell longer than
``MAX_CELL_CHARS`` is refused at that row.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from openpyxl import load_workbook

HEADER_SCAN_ROWS = 10
CHUNK_ROWS = 50_000

MAX_LINES = 10_000_000  # a province's patents (some 5 million) fit; the time to read them stays bounded
MAX_COLUMNS = 1_000  # filled columns in a row (real exports have well under 100)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
XLSX_MAX_RATIO = 100  # uncompressed / compressed for a part over XLSX_RATIO_FROM (sheets: 5-30)
XLSX_RATIO_FROM = 10 << 20
XLSX_MAX_PART = 1 << 30  # one part uncompressed (a million-row sheet is ~0.5 GiB)
XLSX_MAX_TOTAL = 2 << 30  # all parts
XLSX_MAX_HELD = 256 << 20  # shared strings, styles: openpyxl holds these whole in memory
_STREAMED_PART = re.compile(r"xl/worksheets/sheet\d+\.xml")
csv.field_size_limit(MAX_CELL_CHARS)  # a longer CSV field raises csv.Error at its line
_TOTAL = re.compile(r"^(合计|总计|小计|total)($|[\W\d_])")
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted XLSX and old .xls files

Score = Callable[[list[str]], int]


class ArrowFallback(Exception):
    """Arrow's reader met something it may read differently from ``csv``: read with ``chunks``.

    Never leaves the staging of a file (``validate``); it is not a problem with the file.
    """


class UnreadableFile(ValueError):
    """The bytes are not a CSV or XLSX file this program can read; args[0] is a reason code.

    ``row`` (1-based line or Excel row), ``column`` (1-based) and ``value`` say where, if known.
    """

    def __init__(
        self, reason: str, row: int | None = None, column: int | None = None, value: str | None = None
    ):
        super().__init__(reason)
        self.row, self.column, self.value = row, column, value


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
    _batches: Callable[[], Iterator[pa.RecordBatch]] | None = None  # a CSV's data rows, via Arrow

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
        for number, cells in enumerate(self._lines(), start=1):
            if number <= self.header_line or not "".join(cells).strip():
                continue
            numbers.append(number)
            rows.append(cells)
            if len(rows) > size:
                yield numbers[:-1], rows[:-1]
                numbers, rows = numbers[-1:], rows[-1:]
        if rows and is_total_row(rows[-1]):
            self.dropped_total_line = numbers.pop()
            rows.pop()
        if rows:
            yield numbers, rows

    @property
    def arrow_ready(self) -> bool:
        """Whether ``arrow_chunks`` may be tried (a CSV whose header row was located in bytes)."""
        return self._batches is not None

    def arrow_chunks(self) -> Iterator[tuple[pa.Array, pa.RecordBatch]]:
        """What ``chunks`` yields, as Arrow: row numbers and a batch of every column as text.

        Raises ``ArrowFallback`` (possibly after some chunks) where the csv reading might differ.
        """
        number = self.header_line  # the line before the next batch's first row
        pending = None
        try:
            for batch in self._batches():
                _check_batch(batch, number)
                numbers = pa.array(np.arange(number + 1, number + 1 + batch.num_rows, dtype=np.int32))
                number += batch.num_rows
                filled = filled_rows(batch.columns)
                if filled.true_count == 0:
                    continue
                if pending is not None:
                    yield pending
                pending = (numbers.filter(filled), batch.filter(filled))
        except pa.ArrowException as exc:  # a row of another width, an encoding error, ...
            raise ArrowFallback(str(exc)) from exc
        if pending is not None:
            numbers, batch = pending
            last = batch.num_rows - 1
            if is_total_row([column[last].as_py() for column in batch.columns]):
                self.dropped_total_line = numbers[last].as_py()
                numbers, batch = numbers.slice(0, last), batch.slice(0, last)
            if batch.num_rows:
                yield numbers, batch


def filled_rows(columns: list[pa.Array]) -> pa.Array:
    """Which rows have a cell that is not blank (Arrow's whitespace is ``str.strip``'s)."""
    filled = None
    for column in columns:
        this = pc.invert(pc.or_(pc.equal(column, ""), pc.utf8_is_space(column)))
        filled = this if filled is None else pc.or_(filled, this)
    return filled


def _check_batch(batch: pa.RecordBatch, number: int) -> None:
    """Give up where the csv reading would refuse the file: it then says exactly where and why."""
    if number + batch.num_rows > MAX_LINES or batch.num_columns > MAX_COLUMNS:
        raise ArrowFallback("limit")
    for column in batch.columns:
        if column.type != pa.string():
            raise ArrowFallback("type")
        if len(column) and pc.max(pc.utf8_length(column)).as_py() >= MAX_CELL_CHARS:
            raise ArrowFallback("cell length")


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
        return _bounded(csv.reader(text))

    head = _first(lines(), HEADER_SCAN_ROWS)
    index = _header_index(head, score)
    header = [c.strip() for c in head[index]]
    offset = _data_offset(data, encoding, head[: index + 1])
    batches = None if offset is None else functools.partial(_arrow_batches, data, encoding, offset)
    return RawTable(header, index + 1, encoding, None, [], data.count(b"\n") + 1, lines, batches)


def _data_offset(data: bytes, encoding: str, head: list[list[str]]) -> int | None:
    """The byte offset just past the header row, if ``csv`` reads the same rows line by line.

    No offset (and no Arrow reading) for a NUL byte anywhere or rows that need the text
    reader's line splitting (a bare carriage return ending a row).
    """
    if b"\x00" in data:
        return None
    offset = 0

    def pieces() -> Iterator[str]:
        nonlocal offset
        # Split at \n only: neither UTF-8 nor GB18030 has a 0x0a byte inside a character.
        for line in io.BytesIO(data):
            offset += len(line)
            yield line.decode(encoding)

    try:
        read = _first(csv.reader(pieces()), len(head))
    except (csv.Error, UnicodeDecodeError):
        return None
    return offset if read == head else None


_ALL_TEXT = {f"f{i}": pa.string() for i in range(MAX_COLUMNS + 1)}


def _arrow_batches(data: bytes, encoding: str, offset: int) -> Iterator[pa.RecordBatch]:
    """The rows below the header, every cell as text ("" for an empty one), in order."""
    if offset >= len(data):
        return
    reader = pacsv.open_csv(
        pa.BufferReader(pa.py_buffer(data)[offset:]),
        read_options=pacsv.ReadOptions(
            autogenerate_column_names=True,
            encoding="utf8" if encoding == "utf-8-sig" else encoding,
            block_size=8 << 20,
        ),
        parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
        convert_options=pacsv.ConvertOptions(
            column_types=_ALL_TEXT,
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            null_values=[],
        ),
    )
    yield from reader


def _bounded(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    """``rows``, refused at the first that breaks a limit (or that the CSV reader cannot read).

    A row's cells are counted up to its last filled one: Excel writes formatted but empty cells
    out to the last column, and those are not data.
    """
    number = 0
    try:
        for number, cells in enumerate(rows, start=1):
            if number > MAX_LINES:
                raise UnreadableFile("too_many_rows", number, value=str(MAX_LINES))
            if len(cells) > MAX_COLUMNS:
                while cells and not cells[-1]:
                    cells.pop()
                if len(cells) > MAX_COLUMNS:
                    raise UnreadableFile("too_many_columns", number, len(cells), str(MAX_COLUMNS))
            yield cells
    except csv.Error as exc:  # a field longer than MAX_CELL_CHARS, a NUL byte, ...
        reason = "cell_too_large" if "field limit" in str(exc) else "csv_malformed"
        raise UnreadableFile(reason, number + 1, value=str(MAX_CELL_CHARS)) from exc


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
    check_zip(data)
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


def check_zip(data: bytes) -> None:
    """Refuse an XLSX whose parts would inflate beyond what reading it may take, from its directory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise UnreadableFile("xlsx_unreadable") from exc
    total = 0
    for part in parts:
        total += part.file_size
        ratio = part.file_size / max(part.compress_size, 1)
        held = not _STREAMED_PART.fullmatch(part.filename)
        if (
            part.file_size > XLSX_MAX_PART
            or (held and part.file_size > XLSX_MAX_HELD)
            or (part.file_size > XLSX_RATIO_FROM and ratio > XLSX_MAX_RATIO)
            or total > XLSX_MAX_TOTAL
        ):
            raise UnreadableFile("xlsx_bomb", value=f"{part.filename}: {part.file_size >> 20} MB")


def _has_header(head: list[list[str]]) -> bool:
    return any(sum(1 for c in cells if c.strip()) >= 2 for cells in head)


def _best_score(head: list[list[str]], score: Score | None) -> int:
    return max((score(cells) for cells in head), default=0) if score else 0


def _sheet_lines(worksheet) -> Iterator[list[str]]:
    # Some exporters write a wrong <dimension> (just A1); read-only mode would trust it.
    worksheet.reset_dimensions()
    cells_of = (_cells(number, row) for number, row in enumerate(worksheet.iter_rows(values_only=True), 1))
    yield from _bounded(cells_of)


def _cells(number: int, row: tuple) -> list[str]:
    cells = [_cell_text(v) for v in row]
    for column, cell in enumerate(cells, start=1):
        if len(cell) > MAX_CELL_CHARS:
            raise UnreadableFile("cell_too_large", number, column, str(MAX_CELL_CHARS))
    return cells


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
