"""How the upload page shows a check: what was detected, the counts, and every problem."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_layer.export import to_xlsx_bytes
from data_layer.i18n import t
from data_layer.problems import ImportResult, Problem


def problems_frame(problems: list[Problem], lang: str) -> pd.DataFrame:
    """File, row (as Excel shows it), column, value and reason of each problem, in ``lang``."""
    columns = [t(f"ui.problem.{c}", lang) for c in ("severity", "file", "row", "column", "value", "reason")]
    rows = [
        [t(f"ui.problem.{p.severity}", lang), p.file, p.row, p.column, p.value, p.message(lang)]
        for p in problems
    ]
    return pd.DataFrame(rows, columns=columns)


def show_problems(problems: list[Problem], lang: str) -> None:
    errors = sum(1 for p in problems if p.severity == "error")
    st.error(t("ui.upload.rejected", lang, errors=errors))
    frame = problems_frame(problems, lang)
    st.dataframe(frame, hide_index=True, key="upload.problems")
    st.download_button(
        t("ui.upload.error_report", lang), to_xlsx_bytes(frame), "errors.xlsx", key="upload.error_report"
    )


def show_preview(result: ImportResult, lang: str) -> None:
    detected = result.detected
    st.subheader(t("ui.upload.detected", lang))
    st.caption(
        t(
            "ui.upload.detected_line",
            lang,
            encoding=detected.get("encoding") or "—",
            sheet=detected.get("sheet") or "—",
            header_line=detected.get("header_line"),
        )
    )
    mapping = pd.DataFrame(
        [(header, field) for field, header in detected.get("columns", {}).items()],
        columns=[t("ui.upload.header_in_file", lang), t("ui.upload.field", lang)],
    )
    st.dataframe(mapping, hide_index=True, key="upload.mapping")
    new, replaced, same = st.columns(3)
    new.metric(t("ui.upload.rows_new", lang), f"{result.rows_new:,}")
    replaced.metric(t("ui.upload.rows_replaced", lang), f"{result.rows_replaced:,}")
    same.metric(t("ui.upload.rows_same", lang), f"{result.rows_same:,}")
    if result.warnings:
        st.warning(t("ui.upload.warnings", lang, count=len(result.warnings)))
        st.dataframe(problems_frame(result.warnings, lang), hide_index=True, key="upload.warnings")


def show_result(result: ImportResult, lang: str) -> None:
    st.success(
        t(
            "ui.upload.done",
            lang,
            batch=result.batch_id,
            new=result.rows_new,
            replaced=result.rows_replaced,
            same=result.rows_same,
        )
    )
