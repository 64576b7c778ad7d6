"""What each importable kind writes: its tables, natural key and references.

``to_frames`` turns validated rows into one DataFrame per table (a patent's holders, a
filing's patents and yearly output, a contract's patents go to child tables) plus a long
table of the values that must exist elsewhere, which ``ingest`` checks in SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from .models import KINDS

if TYPE_CHECKING:  # validate imports SPECS from here
    from .validate import Parsed


@dataclass(frozen=True)
class Ref:
    field: str
    table: str
    column: str


@dataclass(frozen=True)
class Child:
    table: str
    columns: tuple[str, ...]  # the parent key first, then the child's own columns


@dataclass(frozen=True)
class KindSpec:
    table: str
    key: tuple[str, ...]
    row_key: tuple[str, ...]  # what makes a file row unique (duplicates check)
    children: tuple[Child, ...] = ()
    refs: tuple[Ref, ...] = ()


SPECS: dict[str, KindSpec] = {
    "institutions": KindSpec("institutions", ("credit_code",), ("credit_code",)),
    "patents": KindSpec(
        "patents",
        ("app_no",),
        ("app_no",),
        (Child("patent_holders", ("app_no", "holder_code", "seq", "grant_date", "lapse_date")),),
        (Ref("holder_codes", "institutions", "credit_code"),),
    ),
    "patent_events": KindSpec(
        "patent_events",
        ("app_no", "event_type", "event_date", "counterparty"),
        ("app_no", "event_type", "event_date", "counterparty"),
        refs=(Ref("app_no", "patents", "app_no"), Ref("holder_code", "institutions", "credit_code")),
    ),
    "filings": KindSpec(
        "filings",
        ("filing_no",),
        ("filing_no", "output_year"),
        (
            Child("filing_patents", ("filing_no", "app_no")),
            Child("filing_outputs", ("filing_no", "year", "output_10k")),
        ),
        (Ref("enterprise_code", "institutions", "credit_code"), Ref("app_nos", "patents", "app_no")),
    ),
    "contracts": KindSpec(
        "contracts",
        ("contract_no",),
        ("contract_no",),
        (Child("contract_patents", ("contract_no", "app_no")),),
        (Ref("seller_code", "institutions", "credit_code"),),
    ),
    "indicators": KindSpec(
        "indicators", ("measure", "indicator", "quarter"), ("measure", "indicator", "quarter")
    ),
    "county_rules": KindSpec("county_rules", ("county",), ("county",)),
    "events": KindSpec("events", ("title", "event_date"), ("title", "event_date")),
    "targets": KindSpec("targets", ("code", "period"), ("code", "period")),
}


def to_frames(kind: str, parsed: Parsed) -> dict[str, pd.DataFrame]:
    """Turn validated rows into one DataFrame per table, plus ``_refs`` for reference checks."""
    spec = SPECS[kind]
    records = [row.model_dump() for row in parsed.rows]
    frame = pd.DataFrame.from_records(records, columns=list(KINDS[kind].model_fields))
    frame["_row"] = parsed.row_numbers
    shape = _SHAPERS.get(kind, _plain)
    frames = shape(frame)
    frames["_refs"] = _reference_frame(spec, frame, parsed.columns)
    return frames


def _plain(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {"main": frame}


def _explode(frame: pd.DataFrame, key: str, list_field: str, column: str) -> pd.DataFrame:
    pairs = frame[[key, list_field]].explode(list_field).dropna().drop_duplicates([key, list_field])
    return pairs.rename(columns={list_field: column})


def _shape_patents(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    holders = _explode(frame, "app_no", "holder_codes", "holder_code")
    holders["seq"] = holders.groupby("app_no").cumcount() + 1
    dates = frame.set_index("app_no")[["grant_date", "lapse_date"]]
    holders = holders.join(dates, on="app_no")
    return {"main": frame.drop(columns="holder_codes"), "patent_holders": holders}


def _shape_events(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    frame = frame.copy()
    frame["counterparty"] = frame["counterparty"].fillna("")
    return {"main": frame}


def _shape_filings(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    attributes = [
        "filing_no",
        "product_name",
        "enterprise_code",
        "filing_date",
        "industry",
        "patent_intensive",
    ]
    main = frame.drop_duplicates("filing_no")
    outputs = frame.dropna(subset=["output_year"])[["filing_no", "output_year", "output_10k"]]
    return {
        "main": main.drop(columns=["app_nos", "output_year", "output_10k"]),
        "filing_patents": _explode(main, "filing_no", "app_nos", "app_no"),
        "filing_outputs": outputs.rename(columns={"output_year": "year"}),
        "_conflicts": frame[[*attributes, "_row"]],
    }


def _shape_contracts(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {
        "main": frame.drop(columns="app_nos"),
        "contract_patents": _explode(frame, "contract_no", "app_nos", "app_no"),
    }


_SHAPERS: dict[str, Callable[[pd.DataFrame], dict[str, pd.DataFrame]]] = {
    "patents": _shape_patents,
    "patent_events": _shape_events,
    "filings": _shape_filings,
    "contracts": _shape_contracts,
}


def _reference_frame(spec: KindSpec, frame: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Long table (row, column, value, ref) of every value that must exist in another table."""
    parts = []
    for index, ref in enumerate(spec.refs):
        if ref.field not in frame:
            continue
        values = frame[["_row", ref.field]].explode(ref.field).dropna()
        parts.append(
            pd.DataFrame(
                {
                    "row": values["_row"].astype("int64"),
                    "column": titles.get(ref.field, ref.field),
                    "value": values[ref.field].astype(str),
                    "ref": index,
                }
            )
        )
    if not parts:
        return pd.DataFrame({"row": [], "column": [], "value": [], "ref": []})
    return pd.concat(parts, ignore_index=True)
