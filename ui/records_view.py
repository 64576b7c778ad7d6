"""The records page's words and table (溯源, ``data_layer.records``): what a KPI's records add up
to, said as the card says it, and the records with their columns in the reader's language."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from data_layer.counties import by_adcode
from data_layer.figure_history import Revision, quarter_end
from data_layer.i18n import TEXT, t
from data_layer.institution_rates import DEFAULT_KIND
from data_layer.kpis import CODES, UNITS
from data_layer.records import RATE, Drill
from data_layer.scope import Scope

from .filters import county_label, inst_kind_label, patent_type_label, period_label
from .text import plain
from .theme import format_number

PARAM = "figure"  # the URL's name for the figure whose records are shown
STOOD = "stood"  # the URL's name for the day the figure is shown as it stood on
FIGURES = (*CODES, RATE)


def figure_from(value: str | None) -> str:
    """The figure the URL names, else K1."""
    return value if value in FIGURES else CODES[0]


def figure_name(code: str, lang: str) -> str:
    """The figure as the page's choice names it."""
    return t("ui.records.rate", lang) if code == RATE else f"{code} {t(f'kpi.{code}', lang)}"


def rate_scope(scope: Scope, period: str, data_as_of: str, lang: str) -> str:
    """The institutions page's scope line: kind, division, patent type, date, freshness."""
    return t(
        "ui.institutions.scope",
        lang,
        kind=inst_kind_label(scope.inst_kind or DEFAULT_KIND, lang),
        county=county_label(scope.division or "", lang),
        patent_type=patent_type_label(scope.patent_type or "", lang),
        as_of=period_label(period, lang),
        data_as_of=t("ui.data_as_of", lang, date=data_as_of),
    )


def total_line(drill: Drill, lang: str) -> str:
    """What the records add up to, and the card's figure made from it."""
    totals, code = drill.totals, drill.code
    unit = "%" if code == RATE else UNITS[code]  # the rate is K4's kind of figure
    value = "—" if drill.value is None else format_number(drill.value, unit, lang)
    count = f"{drill.count:,}"
    if code in ("K1", "K2"):
        return t(
            f"ui.records.total.{code}",
            lang,
            enterprises=f"{totals['enterprises']:,}",
            filings=count,
            value=value,
        )
    if code == "K3":
        output = format_number(totals["output_10k"], "万元", lang)
        return t("ui.records.total.K3", lang, year=totals["year"], output=output, products=count)
    if code in ("K4", RATE):
        industrialized = f"{totals['industrialized']:,}"
        return t("ui.records.total.K4", lang, industrialized=industrialized, valid=count, value=value)
    if drill.value is None:
        return t("ui.records.total.K5_none", lang)
    key = "ui.records.total.K5_annualized" if totals["annualized"] else "ui.records.total.K5"
    given = totals["baseline_given"]
    baseline = format_number(totals["baseline_10k"] if given is None else given, "万元", lang)
    if given is not None:
        baseline = t("ui.records.baseline_given", lang, baseline=baseline)
    return t(
        key,
        lang,
        year=totals["year"],
        turnover=format_number(totals["turnover_10k"], "万元", lang),
        base_year=totals["baseline_year"],
        baseline=baseline,
        value=value,
    )


def count_line(drill: Drill, lang: str) -> str:
    """How many records there are, and how many the page lists."""
    return count_line_of(len(drill.records), drill.count, lang)


def count_line_of(shown: int, count: int, lang: str) -> str:
    """How many records there are, and how many of them a page lists."""
    if count > shown:
        return t("ui.records.count_shown", lang, shown=f"{shown:,}", count=f"{count:,}")
    return t("ui.records.count", lang, count=f"{count:,}")


def _named(value: object, prefix: str, lang: str) -> object:
    key = f"{prefix}.{value}"
    return t(key, lang) if isinstance(value, str) and key in TEXT else value


def readable(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Records as a reader reads them: dates as dates, divisions, kinds, types and events by name,
    yes and no, and an empty cell empty (not "None"). Used by the data quality page too."""
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):  # a date, or empty (an all-empty
            # column's .dt.date stays datetime and shows NaT)
            shown[column] = pd.Series(
                [v.date() if pd.notna(v) else None for v in shown[column]], index=shown.index, dtype=object
            )
    words = {
        "county": lambda v: county_label(v, lang) if v in by_adcode() else v,
        "patent_type": lambda v: patent_type_label(v, lang) if isinstance(v, str) else v,
        "kind": lambda v: _named(v, "ui.inst_kind", lang),
        "event_type": lambda v: (
            _named(v, "kpi.event", lang) if isinstance(v, str) else t("ui.records.none", lang)
        ),
        "contract_type": lambda v: _named(v, "ui.filings.type", lang),
        "activity_type": lambda v: _named(v, "ui.records.activity", lang),
        "patent_intensive": lambda v: t("ui.records.yes" if v else "ui.records.no", lang),
        "industrialized": lambda v: t("ui.records.yes" if v else "ui.records.no", lang),
    }
    for column, word in words.items():
        if column in shown.columns:
            shown[column] = [word(v) for v in shown[column]]
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = shown[column].astype(object).where(shown[column].notna(), "")
    return shown


def records_table(frame: pd.DataFrame, code: str, lang: str) -> pd.DataFrame:
    """A KPI's records, readable, with the columns named in ``lang`` (``ui.records.field.*``)."""
    shown = readable(frame, lang)
    shown = shown.drop(columns=[c for c in ("enterprise_code",) if c in shown.columns and code != "K1"])
    return shown.rename(columns={c: t(f"ui.records.field.{c}", lang) for c in shown.columns})


def stood_from(value: str | None, first: dt.date, today: dt.date) -> dt.date:
    """The day the URL names (within the record), else the first recorded day."""
    try:
        day = dt.date.fromisoformat(value or "")
    except ValueError:
        return first
    return min(max(day, first), max(today, first))


def _figure(value: float | None, code: str, lang: str) -> str:
    return t("status.no_data", lang) if value is None else format_number(value, UNITS[code], lang)


def stood_line(stood: Revision | None, on: dt.date, drill: Drill, lang: str) -> str:
    """The figure on day ``on`` as the record has it, beside today's; said as changed or not (for
    the latest period, the card as shown that day: its date moved since, not only its data)."""
    now = _figure(drill.value, drill.code, lang)
    if stood is None:
        return t("ui.records.stood.before_record", lang, on=on.isoformat(), now=now)
    then = _figure(stood.value, drill.code, lang)
    latest = not quarter_end(drill.as_of)
    key = "same" if then == now else "changed_latest" if latest else "changed"
    key = f"ui.records.stood.{key}"
    return t(
        key,
        lang,
        on=on.isoformat(),
        then=then,
        now=now,
        recorded=f"{stood.recorded_at:%Y-%m-%d %H:%M}",
        file=plain(stood.file_name) or "—",
    )


def revisions_table(revisions: list[Revision], code: str, lang: str) -> pd.DataFrame:
    """Each recorded value: when, after which import (an undo said so), by whom, what it read."""
    rows = [
        {
            "recorded_at": f"{r.recorded_at:%Y-%m-%d %H:%M}",
            "file": r.file_name + (t("ui.records.stood.undo", lang) if r.undo else ""),
            "user": r.user_name,
            "value": _figure(r.value, code, lang),
            "label": r.label or "",
        }
        for r in revisions
    ]
    frame = pd.DataFrame(rows, columns=["recorded_at", "file", "user", "value", "label"])
    if code not in ("K3", "K5"):
        frame = frame.drop(columns="label")
    return frame.rename(columns={c: t(f"ui.records.stood.field.{c}", lang) for c in frame.columns})
