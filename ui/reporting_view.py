"""Department reporting's tables and form pieces, in the reader's language (views/report.py,
views/reporting.py, and the measures page's summary and versions)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_layer import reporting
from data_layer.i18n import t
from data_layer.reporting import Board, Field, Summary
from ui.measures_view import figure_value


def state_label(state: str, late: bool, lang: str) -> str:
    label = t(f"reporting.state.{state}", lang)
    return label + t("ui.reporting.late_mark", lang) if late and state != "late" else label


def status_label(status: str | None, lang: str) -> str:
    return t(f"reporting.status.{status or 'none'}", lang)


def _day(value) -> str:
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def departments_table(chosen: Board, lang: str) -> pd.DataFrame:
    """The board by department: state (with late), how many indicators are in, since when."""
    rows = chosen.departments
    return pd.DataFrame(
        {
            t("reporting.col.department", lang): rows["department"],
            t("reporting.col.state", lang): [
                state_label(s, bool(late), lang) for s, late in zip(rows["state"], rows["late"], strict=True)
            ],
            t("ui.reporting.col.done", lang): [
                t("ui.reporting.done_of", lang, done=int(d), fields=int(f))
                for d, f in zip(rows["done"], rows["fields"], strict=True)
            ],
            t("ui.reporting.col.date", lang): [_day(d) for d in rows["date"]],
            t("reporting.col.indicators", lang): [reporting.listed(i, lang) for i in rows["indicators"]],
        }
    )


def measures_table(chosen: Board, lang: str) -> pd.DataFrame:
    """The board by measure: its departments' state together (the least advanced)."""
    rows = chosen.measures
    names = rows["measure_name_zh" if lang == "zh" else "measure_name_en"]
    return pd.DataFrame(
        {
            t("ui.reporting.col.measure", lang): [
                t("ui.reporting.measure_name", lang, measure=int(m), name=n)
                for m, n in zip(rows["measure"], names, strict=True)
            ],
            t("reporting.col.department", lang): rows["departments"],
            t("reporting.col.state", lang): [
                state_label(s, bool(late), lang) for s, late in zip(rows["state"], rows["late"], strict=True)
            ],
            t("ui.reporting.col.date", lang): [_day(d) for d in rows["date"]],
        }
    )


def fields_table(fields: list[Field], chosen: reporting.Period, lang: str) -> pd.DataFrame:
    """A department's entries, for the office to review (and the reporter to see what was sent)."""
    return pd.DataFrame(
        {
            t("ui.reporting.col.indicator", lang): [f"{f.measure} · {f.indicator}" for f in fields],
            t("ui.reporting.col.last", lang): [_last(f, lang) for f in fields],
            t("ui.reporting.col.value", lang): [figure_value(f.value, f.unit, lang) for f in fields],
            t("ui.reporting.col.target", lang): [figure_value(f.target, f.unit, lang) for f in fields],
            t("ui.reporting.col.note", lang): [f.note for f in fields],
            t("ui.reporting.col.reason", lang): [f.reason for f in fields],
            t("ui.reporting.col.status", lang): [status_label(f.status, lang) for f in fields],
            t("ui.reporting.col.submitted", lang): [
                _day(f.submitted_at)
                + (
                    t("ui.reporting.late_mark", lang)
                    if f.submitted_at and chosen.late_at(f.submitted_at)
                    else ""
                )
                for f in fields
            ],
        }
    )


def _last(field: Field, lang: str) -> str:
    if field.last_quarter is None:
        return "—"
    return f"{field.last_quarter}: {figure_value(field.last_value, field.unit, lang)}"


def field_caption(field: Field, lang: str) -> str:
    """What the form shows beside a field: last quarter, the target, the unit, its status."""
    return t(
        "ui.reporting.field_caption",
        lang,
        last=_last(field, lang),
        target=figure_value(field.target, field.unit, lang),
        unit=field.unit,
        status=status_label(field.status, lang),
    )


def summary_line(found: Summary | None, lang: str) -> str | None:
    """The leaders' one line on the measures page: the newest period by state."""
    if found is None or not found.total:
        return None
    parts = t("reporting.list_sep", lang).join(
        t("ui.reporting.summary_part", lang, count=n, state=t(f"reporting.state.{s}", lang))
        for s, n in reversed(found.counts.items())
        if n
    )
    return t(
        "ui.reporting.summary",
        lang,
        quarter=found.period.quarter,
        due=found.period.due.isoformat(),
        total=found.total,
        parts=parts,
    )


def versions_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every value of a measure's indicators, batch by batch, with who and why."""
    return pd.DataFrame(
        {
            t("ui.reporting.col.indicator", lang): frame["indicator"],
            t("ui.reporting.col.quarter", lang): frame["quarter"],
            t("ui.reporting.col.value", lang): [
                figure_value(v, u, lang) for v, u in zip(frame["value"], frame["unit"], strict=True)
            ],
            t("ui.reporting.col.source", lang): frame["file_name"].fillna(""),
            t("ui.reporting.col.by", lang): frame["user_name"].fillna(""),
            t("ui.reporting.col.submitted_by", lang): frame["submitted_by"],
            t("ui.reporting.col.at", lang): [
                "" if pd.isna(x) else pd.Timestamp(x).strftime("%Y-%m-%d %H:%M") for x in frame["finished_at"]
            ],
            t("ui.reporting.col.reason", lang): frame["reason"],
            t("ui.reporting.col.current", lang): [
                t("ui.reporting.current" if c else "ui.reporting.replaced", lang) for c in frame["current"]
            ],
        }
    )


def show_error(exc: reporting.ReportingError, lang: str) -> None:
    st.error(exc.message(lang))


def reporters_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("ui.reporting.username", lang): frame["username"],
            t("ui.reporting.display_name", lang): frame["display_name"],
            t("ui.reporting.departments", lang): frame["departments"],
            t("ui.reporting.col.active", lang): [
                t("ui.reporting.active" if a else "ui.reporting.inactive", lang) for a in frame["active"]
            ],
        }
    )
