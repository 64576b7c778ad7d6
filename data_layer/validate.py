"""Reading a file's rows into models: header mapping, row validation, every problem at once.

Each row is validated by its kind's pydantic model; problems carry the row number as Excel
shows it, the header as written in the file, the cell's value and a reason code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import ValidationError

from .identifiers import normalize_credit_code
from .models import KINDS, Row, headers
from .problems import Problem
from .reader import RawTable
from .tables import SPECS

CREDIT_FIELDS = {
    "credit_code",
    "holder_codes",
    "holder_code",
    "counterparty_code",
    "enterprise_code",
    "seller_code",
}


@dataclass
class Parsed:
    """Validated rows of one file, with the Excel row number of each."""

    kind: str
    file_name: str
    rows: list[Row]
    row_numbers: list[int]
    columns: dict[str, str]  # field name -> header as written in the file
    problems: list[Problem]
    detected: dict = field(default_factory=dict)  # what reading found, shown before loading


def _norm_header(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text)).lower().split())


def _lookup(kind: str) -> dict[str, str]:
    """Normalized header -> field name, for every header a field of ``kind`` answers to."""
    return {_norm_header(alias): name for name, aliases in headers(KINDS[kind]).items() for alias in aliases}


def header_score(kind: str) -> Callable[[list[str]], int]:
    """How many cells of a row name a column of ``kind``: picks the header below title rows."""
    lookup = _lookup(kind)
    return lambda cells: sum(1 for cell in cells if _norm_header(cell) in lookup)


def map_columns(kind: str, header: list[str], file_name: str) -> tuple[dict[str, int], list[Problem]]:
    """Map each model field to the index of the file column that carries it."""
    lookup = {
        _norm_header(alias): name for name, aliases in headers(KINDS[kind]).items() for alias in aliases
    }
    found: dict[str, int] = {}
    problems = []
    for index, title in enumerate(header):
        name = lookup.get(_norm_header(title))
        if name is None:
            if str(title).strip():
                problems.append(Problem(file_name, None, title, None, "column_ignored", "warning"))
        elif name in found:
            problems.append(Problem(file_name, None, title, None, "column_twice"))
        else:
            found[name] = index
    for name, info in KINDS[kind].model_fields.items():
        if info.is_required() and name not in found:
            problems.append(Problem(file_name, None, info.title, None, "column_missing"))
    return found, problems


def parse(kind: str, raw: RawTable, file_name: str) -> Parsed:
    """Validate every row; collect all problems instead of stopping at the first."""
    model = KINDS[kind]
    columns, problems = map_columns(kind, raw.header, file_name)
    titles = {name: raw.header[index] for name, index in columns.items()}
    rows: list[Row] = []
    numbers: list[int] = []
    if any(p.severity == "error" for p in problems):
        return Parsed(kind, file_name, rows, numbers, titles, problems, _detected(raw, titles))
    if raw.dropped_total_line:
        problems.append(
            Problem(file_name, raw.dropped_total_line, None, None, "total_row_dropped", "warning")
        )
    seen: dict[tuple, int] = {}
    required = {name for name, info in model.model_fields.items() if info.is_required()}
    for offset, cells in enumerate(raw.rows):
        line = raw.first_data_line + offset
        if not any(c.strip() for c in cells):
            continue
        values = {name: cells[index] if index < len(cells) else "" for name, index in columns.items()}
        try:
            # An empty optional cell takes the field's default, as if the column were absent.
            row = model.model_validate({k: v for k, v in values.items() if v.strip() or k in required})
        except ValidationError as exc:
            problems.extend(_row_problems(exc, values, titles, file_name, line))
            continue
        key = tuple(getattr(row, f) for f in SPECS[kind].row_key)
        if key in seen:
            column = titles.get(SPECS[kind].row_key[0])
            problems.append(Problem(file_name, line, column, str(seen[key]), "duplicate_in_file"))
            continue
        seen[key] = line
        problems.extend(_credit_warnings(values, titles, file_name, line))
        rows.append(row)
        numbers.append(line)
    if not rows and not problems:
        problems.append(Problem(file_name, None, None, None, "file_empty"))
    return Parsed(kind, file_name, rows, numbers, titles, problems, _detected(raw, titles))


def _detected(raw: RawTable, titles: dict[str, str]) -> dict:
    """Encoding, sheet, header row, column mapping and any dropped total row, for the preview."""
    return {
        "encoding": raw.encoding,
        "sheet": raw.sheet,
        "header_line": raw.header_line,
        "columns": titles,
        "dropped_total_line": raw.dropped_total_line,
    }


# Errors raised by a model validator (not tied to one field) are reported on this column.
_REASON_FIELD = {
    "grant_before_filing": "grant_date",
    "lapse_before_grant": "lapse_date",
    "type_mismatch": "patent_type",
    "filing_needs_patent": "app_nos",
    "output_needs_year": "output_year",
    "year_needs_output": "output_10k",
    "year_range": "output_year",
    "tech_above_turnover": "tech_amount_10k",
    "issued_needs_date": "issued_date",
    "deadline_before_start": "deadline",
}


def _row_problems(
    exc: ValidationError, values: dict[str, str], titles: dict[str, str], file_name: str, line: int
) -> list[Problem]:
    found = []
    for error in exc.errors():
        reason = error["type"]
        name = error["loc"][0] if error["loc"] else _REASON_FIELD.get(reason)
        if reason == "missing":
            reason = "required"
        found.append(
            Problem(
                file_name,
                line,
                titles.get(name, KINDS_TITLE.get(name, name)),
                values.get(name),
                reason,
            )
        )
    return found


KINDS_TITLE = {name: info.title for model in KINDS.values() for name, info in model.model_fields.items()}


def _credit_warnings(
    values: dict[str, str], titles: dict[str, str], file_name: str, line: int
) -> list[Problem]:
    """A credit code whose check character fails is loaded, with a warning."""
    found = []
    for name in CREDIT_FIELDS & values.keys():
        for code in filter(None, (c.strip() for c in values[name].replace("；", ";").split(";"))):
            normalized = unicodedata.normalize("NFKC", code)
            if not normalize_credit_code(normalized)[1]:
                found.append(Problem(file_name, line, titles[name], code, "credit_code_check", "warning"))
    return found
