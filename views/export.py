"""Data export (staff only): any table as a formula-safe CSV or Excel file."""

from __future__ import annotations

import functools

import streamlit as st

from data_layer import audit, export
from data_layer.export import EXPORTABLE, XLSX_MAX_ROWS
from data_layer.i18n import t
from ui import auth, filters, state

PREVIEW_ROWS = 100

settings = state.settings()
lang = filters.read().lang
auth.require_staff(settings.session_minutes, lang)

st.title(t("ui.export.title", lang))
table = st.selectbox(
    t("ui.export.table", lang), EXPORTABLE, format_func=lambda n: t(f"table.{n}", lang), key="export.table"
)
rows = state.cached(export.table_rows, table)
st.caption(t("ui.export.rows", lang, rows=f"{rows:,}", shown=min(rows, PREVIEW_ROWS)))
left, right = st.columns(2)
# The files are built only when a button is clicked (a callable), not on every rerun.
left.download_button(
    t("ui.export.csv", lang),
    functools.partial(state.table_file, table, "csv", audit.actor()),
    f"{table}.csv",
    mime="text/csv",
    key="export.csv",
)
right.download_button(
    t("ui.export.xlsx", lang),
    functools.partial(state.table_file, table, "xlsx", audit.actor()),
    f"{table}.xlsx",
    disabled=rows > XLSX_MAX_ROWS,
    help=t("ui.export.too_big_for_xlsx", lang) if rows > XLSX_MAX_ROWS else None,
    key="export.xlsx",
)
st.caption(t("ui.export.safe", lang))
st.dataframe(state.cached(export.table_frame, table, PREVIEW_ROWS), hide_index=True, key="export.preview")
