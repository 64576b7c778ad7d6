"""A table's CSV and Excel downloads, the same on every page.

Both files are formula-safe (``data_layer.export``) and built only when a button is clicked
(a callable, not bytes made on every rerun).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

from data_layer.export import to_csv_bytes, to_xlsx_bytes
from data_layer.i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_downloads(
    frame: pd.DataFrame | Callable[[], pd.DataFrame],
    name: str,
    key: str,
    lang: str,
    *,
    label: str | None = None,
) -> None:
    """``name``.csv and ``name``.xlsx of ``frame`` side by side, after ``label`` if given.

    ``frame`` may be a function that makes the table (called on click: a long list is fetched
    only when it is downloaded). Widget keys are ``key``.csv and ``key``.xlsx.
    """
    with st.container(horizontal=True, vertical_alignment="center", key=f"{key}.downloads"):
        if label:
            st.caption(label, width="content")
        st.download_button(
            t("ui.export.csv", lang),
            partial(_bytes, to_csv_bytes, frame),
            f"{name}.csv",
            mime="text/csv",
            key=f"{key}.csv",
            on_click="ignore",
            icon=":material/download:",
        )
        st.download_button(
            t("ui.export.xlsx", lang),
            partial(_bytes, to_xlsx_bytes, frame),
            f"{name}.xlsx",
            mime=XLSX_MIME,
            key=f"{key}.xlsx",
            on_click="ignore",
            icon=":material/download:",
        )


def _bytes(write: Callable[[pd.DataFrame], bytes], frame: pd.DataFrame | Callable[[], pd.DataFrame]) -> bytes:
    return write(frame() if callable(frame) else frame)
