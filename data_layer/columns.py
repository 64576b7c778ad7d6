"""Column-wise checks derived from the row models: every cell of a column parsed at once.

A file's text cells sit in a DuckDB table ``raw`` (``line`` plus one VARCHAR column per
mapped field). Each field is parsed in two steps:

1. A *fast path* in SQL takes the plain, common spellings (``2024-03-05``, ``1234.5``,
   ``202310123456.6`` with a correct check character) straight to a typed value. It only
   ever accepts cells that the model's own parser would turn into the same value; tests
   compare the two on awkward cells.
2. Every other distinct cell goes through the field's pydantic type (its ``BeforeValidator``
   from ``models``), once per distinct value, which either parses it (``2024年3月5日``,
   full-width digits, ``ZL`` prefixes) or names the reason it is wrong.

So the models stay the one definition of what a valid cell is, and a million-row file costs
a few SQL scans plus Python work proportional to its *distinct awkward* values.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Annotated, Any

import pyarrow as pa
from pydantic import TypeAdapter, ValidationError

from .identifiers import _WEIGHTS
from .models import KINDS, Format, column_format

# DuckDB and Arrow types of each column format.
_TYPES: dict[str, tuple[str, pa.DataType]] = {
    "text": ("VARCHAR", pa.string()),
    "ident": ("VARCHAR", pa.string()),
    "name": ("VARCHAR", pa.string()),
    "names": ("VARCHAR[]", pa.list_(pa.string())),
    "enum": ("VARCHAR", pa.string()),
    "county": ("VARCHAR", pa.string()),
    "region": ("VARCHAR", pa.string()),
    "quarter": ("VARCHAR", pa.string()),
    "app_no": ("VARCHAR", pa.string()),
    "credit_code": ("VARCHAR", pa.string()),
    "date": ("DATE", pa.date32()),
    "amount": ("DOUBLE", pa.float64()),
    "number": ("DOUBLE", pa.float64()),
    "count": ("BIGINT", pa.int64()),
    "measure": ("BIGINT", pa.int64()),
    "bool": ("BOOLEAN", pa.bool_()),
    "app_nos": ("VARCHAR[]", pa.list_(pa.string())),
    "credit_codes": ("VARCHAR[]", pa.list_(pa.string())),
}

# Characters Python's str.strip() removes: a text cell free of them at both ends is kept as is.
_SPACE = r"[\s\x{0b}\x{1c}-\x{1f}\x{85}\p{Z}]"
# The check digit's weighted sum as one dot product, so the 12 digits are extracted once per
# row: a sum of 12 substr terms repeated the regex 12 times (3.1 s -> 0.8 s for 1M numbers).
_CHECK_CHARACTERS = "['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']"
_CREDIT = "[0-9A-HJ-NP-RT-UW-Y]{18}"
_APP_NO_CHECK = (
    "CAST(list_dot_product(CAST(string_split({c}, '') AS DOUBLE[]), ["
    + ", ".join(f"{w}.0" for w in _WEIGHTS)
    + "]) AS INTEGER) % 11"
)


@dataclass(frozen=True)
class Column:
    """One field of a kind, as the column checks see it."""

    name: str
    title: str
    fmt: Format
    required: bool
    default: Any

    @property
    def sql_type(self) -> str:
        return _TYPES[self.fmt.kind][0]

    @property
    def arrow_type(self) -> pa.DataType:
        return _TYPES[self.fmt.kind][1]


@functools.cache
def columns_of(kind: str) -> tuple[Column, ...]:
    model = KINDS[kind]
    return tuple(
        Column(
            name,
            info.title or name,
            column_format(model, name),
            info.is_required(),
            None if info.is_required() else info.get_default(call_default_factory=True),
        )
        for name, info in model.model_fields.items()
    )


@functools.cache
def _adapter(kind: str, name: str) -> TypeAdapter:
    info = KINDS[kind].model_fields[name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata])


def fast_sql(column: Column, cell: str, *, today: dt.date, yuan: bool = False) -> str | None:
    """SQL giving the typed value of the plain spellings of ``cell`` (NULL for any other)."""
    kind = column.fmt.kind
    if kind in ("text", "name"):
        return f"CASE WHEN NOT regexp_matches({cell}, '^{_SPACE}|{_SPACE}$') THEN {cell} END"
    if kind == "names":  # one name alone in its cell; several (a;b) go to the model's parser
        # (splitting in SQL was measured slower: it runs on every row, the parser on distinct cells)
        return f"CASE WHEN NOT regexp_matches({cell}, '[;；|、\\n]|^{_SPACE}|{_SPACE}$') THEN [{cell}] END"
    if kind == "ident":  # and not a number Excel wrote as 2.02544E+15 (the model says why)
        return (
            f"CASE WHEN NOT regexp_matches({cell}, '^{_SPACE}|{_SPACE}$') "
            f"AND NOT regexp_full_match({cell}, '\\d(\\.\\d+)?[eE]\\+?\\d+') THEN {cell} END"
        )
    if kind == "app_no":
        # 202310123456.6, and as exports write it: CN202310123456.6, ZL…, CN2023101234566.
        pattern = "'^(?:ZL|CN)?(\\d{12})\\.?([0-9X])$'"
        digits, given = (f"regexp_extract({cell}, {pattern}, {group})" for group in (1, 2))
        right = f"{_CHECK_CHARACTERS}[{_APP_NO_CHECK.format(c=digits)} + 1]"
        canonical = f"{digits} || '.' || {given}"
        return f"CASE WHEN regexp_full_match({cell}, {pattern}) AND {given} = {right} THEN {canonical} END"
    if kind == "credit_code":
        return f"CASE WHEN regexp_full_match({cell}, '{_CREDIT}') THEN {cell} END"
    if kind == "credit_codes":  # "a;b" as the template writes a patent's holders (many distinct cells)
        plain = f"regexp_full_match({cell}, '{_CREDIT}(;{_CREDIT})*')"
        return f"CASE WHEN {plain} THEN string_split({cell}, ';') END"
    if kind == "date":
        value = f"TRY_CAST({cell} AS DATE)"
        past = f" AND {value} <= DATE '{today.isoformat()}'" if column.fmt.past else ""
        return (
            f"CASE WHEN regexp_full_match({cell}, '(19|20)\\d{{2}}-\\d{{2}}-\\d{{2}}'){past} THEN {value} END"
        )
    if kind in ("amount", "number", "count"):
        sign = "-?" if kind == "number" else ""
        decimals = "" if kind == "count" else "(\\.\\d{1,15})?"
        target = "BIGINT" if kind == "count" else "DOUBLE"
        scale = " / 10000" if yuan else ""
        return (
            f"CASE WHEN regexp_full_match({cell}, '{sign}\\d{{1,15}}{decimals}') "
            f"THEN CAST({cell} AS {target}){scale} END"
        )
    return None  # enumerations, counties, lists: few distinct values, parsed in Python


def parse_cells(kind: str, column: Column, cells: list[str], *, yuan: bool = False) -> pa.Table:
    """Parse distinct cells with the field's own pydantic type: (raw, val, reason) per cell.

    A cell that is only spaces counts as empty: the field's default, or ``required``. In a
    column headed in 元 a cell without its own unit is read as 元 (and stored in 万元).
    """
    adapter = _adapter(kind, column.name)
    values, reasons = [], []
    for cell in cells:
        text = cell + "元" if yuan and not cell.strip().endswith("元") else cell
        value, reason = column.default, None
        if not cell.strip():
            reason = "required" if column.required else None
        else:
            try:
                value = adapter.validate_python(text)
            except ValidationError as exc:
                value, reason = None, _reason(exc)
        values.append(value)
        reasons.append(reason)
    return pa.table(
        {
            "raw": pa.array(cells, pa.string()),
            "val": pa.array(values, column.arrow_type),
            "reason": pa.array(reasons, pa.string()),
        }
    )


def _reason(exc: ValidationError) -> str:
    reason = exc.errors()[0]["type"]
    return "required" if reason == "missing" else reason


def default_sql(column: Column) -> str:
    """SQL literal of an empty cell's value: the field's default (or NULL when required)."""
    default = column.default
    if default is None:
        return f"CAST(NULL AS {column.sql_type})"
    if isinstance(default, bool):
        return "true" if default else "false"
    if default == []:
        return "CAST([] AS VARCHAR[])"
    raise TypeError(f"no SQL literal for the default of {column.name}: {default!r}")
