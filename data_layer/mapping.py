"""The column-mapping step: what each field of a kind could be read from, for a file nobody knows.

``propose`` starts from what the import found by headers (and any profile), then suggests a
column for each field still unmapped from the *values* under it: a column whose sampled cells
mostly parse as application numbers supplies ``app_no`` whatever its header says. Staff
confirm or change each choice on the upload page; ``to_profile`` turns their choices into a
``Profile`` that can be saved and is applied again to files with the same headers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .columns import columns_of, parse_cells
from .models import KINDS, column_format
from .profiles import Profile, norm_header
from .reader import RawTable, read_table
from .validate import header_score, map_columns

SAMPLE_ROWS = 200
FIT = 0.8  # share of a column's sampled cells that must parse for a value-based suggestion
# Formats whose cells say what they are; text and names fit anything, so they never suggest.
TELLING = {"app_no", "app_nos", "date", "credit_code", "credit_codes", "county", "quarter", "enum", "bool"}

# Fields the import derives when the file has no column for them (see ``derive``).
DERIVED: dict[str, dict[str, str]] = {
    "patents": {
        "patent_type": "type_from_app_no",
        "county": "county_from_holder",
        "grant_date": "grant_from_status",
        "lapse_date": "lapse_from_status",
    },
    "contracts": {"buyer_local": "local_from_region", "seller_code": "from_name"},
    "filings": {"enterprise_code": "from_name"},
    "patent_events": {"holder_code": "from_name", "counterparty_local": "local_from_institution"},
}


@dataclass(frozen=True)
class Choice:
    """Where one field comes from: a column (by header), one value for every row, or nowhere."""

    field: str
    title: str
    required: bool
    column: str | None = None
    constant: str | None = None
    suggested_by: str | None = None  # "header", "profile", "values"
    derived: str | None = None  # the rule that fills it when no column is chosen


def sample_rows(raw: RawTable, limit: int = SAMPLE_ROWS) -> list[list[str]]:
    """The first data rows below the header (never the whole file)."""
    rows = []
    for number, cells in enumerate(raw.lines(), start=1):
        if number <= raw.header_line or not "".join(cells).strip():
            continue
        rows.append(cells)
        if len(rows) >= limit:
            break
    return rows


def propose(
    kind: str, header: list[str], sample: list[list[str]], profile: Profile | None = None
) -> list[Choice]:
    """A choice for every field of ``kind``: the import's own mapping, else a fitting column."""
    plan = map_columns(kind, header, "", profile)
    taken = set(plan.found.values())
    choices = []
    for column in columns_of(kind):
        by = "profile" if profile and column.name in profile.columns else "header"
        index = plan.found.get(column.name)
        if index is None and column.fmt.kind in TELLING and column.name not in plan.constants:
            index = _fitting_column(kind, column, header, sample, taken)
            by = "values"
            if index is not None:
                taken.add(index)
        choices.append(
            Choice(
                column.name,
                column.title,
                column.required,
                header[index] if index is not None else None,
                plan.constants.get(column.name),
                by if index is not None else ("profile" if column.name in plan.constants else None),
                DERIVED.get(kind, {}).get(column.name),
            )
        )
    return choices


def _fitting_column(kind, column, header, sample, taken) -> int | None:
    """The first unused column most of whose sampled cells parse as ``column``'s values."""
    best, best_share = None, FIT
    for index, _ in enumerate(header):
        if index in taken:
            continue
        filled = [row[index].strip() for row in sample if index < len(row) and row[index].strip()]
        if len(filled) < 2:  # one cell says too little
            continue
        cells = sorted(set(filled))
        parsed = parse_cells(kind, column, cells)
        share = sum(1 for reason in parsed.column("reason").to_pylist() if reason is None) / len(cells)
        if share > best_share:
            best, best_share = index, share
    return best


def constant_options(kind: str, field: str) -> list[str]:
    """The values a field may take for a whole file (an enumeration's labels, yes/no, a year)."""
    fmt = column_format(KINDS[kind], field)
    if fmt.kind == "enum":
        return list(fmt.allowed)
    if fmt.kind == "bool":
        return ["是", "否"]
    if fmt.kind == "count" and field.endswith("year"):
        return [str(y) for y in range(dt.date.today().year, 1999, -1)]
    return []


def to_profile(
    kind: str, name: str, header: list[str], chosen: dict[str, tuple[str, str]], label: str = ""
) -> Profile:
    """A profile from staff's choices: ``{field: ("column", header) | ("constant", value)}``.

    Columns chosen for no field are kept as ``ignore`` (listed as unused, without a warning),
    and the file's header set identifies the files the profile is for.
    """
    columns = {f: v for f, (how, v) in chosen.items() if how == "column"}
    constants = {f: v for f, (how, v) in chosen.items() if how == "constant"}
    used = {norm_header(h) for h in columns.values()}
    ignore = tuple(h for h in header if str(h).strip() and norm_header(h) not in used)
    return Profile(
        name=name,
        kind=kind,
        label_zh=label or name,
        label_en=label or name,
        columns=columns,
        constants=constants,
        headers=tuple(h for h in header if str(h).strip()),
        ignore=ignore,
    )


def sample_of(
    data: bytes, file_name: str, kind: str, sheet: str | None, known: frozenset[str]
) -> tuple[list[str], list[list[str]]]:
    """The header and the first rows of an upload, for proposing a mapping."""
    raw = read_table(data, file_name, header_score(kind, known), sheet)
    return raw.header, sample_rows(raw)
