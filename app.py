"""Entry point and router: shared filters in the sidebar, then the chosen page.

Run with ``streamlit run app.py`` (see README). On first start the database is built from
``sample_data/`` (see ``data_layer.startup``).
"""

from __future__ import annotations

import streamlit as st

from data_layer.db import DatabaseBusy
from data_layer.i18n import t
from ui import filters, state

settings = state.settings()
st.set_page_config(page_title=t("ui.app_title", settings.language), page_icon="📈", layout="wide")
today = state.today()
chosen = filters.sidebar_filters(settings.language, today)
lang = chosen.lang

try:
    state.database()
except DatabaseBusy as exc:
    st.error(t("ui.db_busy", lang, detail=str(exc)))
    st.stop()

if state.sample_in_use():
    st.sidebar.badge(
        t("ui.sample_marker", lang), icon=":material/science:", color="orange", help=t("ui.sample_help", lang)
    )
    st.badge(
        t("ui.sample_marker", lang), icon=":material/science:", color="orange", help=t("ui.sample_help", lang)
    )

pages = [
    st.Page(
        "pages/overview.py",
        title=t("ui.nav.overview", lang),
        icon=":material/dashboard:",
        url_path="overview",
        default=True,
    ),
]
st.navigation(pages, position="top").run()
