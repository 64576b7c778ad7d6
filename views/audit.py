"""Audit log (staff only): every staff action, filtered by date, user and action."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from data_layer.audit import ACTIONS, Filter
from data_layer.export import to_csv_bytes
from data_layer.i18n import t
from ui import auth, filters, logs_view, state

LIMIT = 5000

settings = state.settings()
lang = filters.read().lang
auth.require_staff(settings.session_minutes, lang)

st.title(t("ui.audit.title", lang))
st.caption(t("ui.audit.intro", lang))
today = dt.date.today()
since_col, until_col, user_col = st.columns(3)
since = since_col.date_input(t("ui.audit.since", lang), today - dt.timedelta(days=30), key="audit.since")
until = until_col.date_input(t("ui.audit.until", lang), today, key="audit.until")
everyone = t("ui.audit.all_users", lang)
user = user_col.selectbox(t("ui.audit.user", lang), [everyone, *state.audit_users()], key="audit.user")
actions = st.multiselect(
    t("ui.audit.actions", lang),
    ACTIONS,
    format_func=lambda a: t(f"audit.{a}", lang),
    placeholder=t("ui.audit.all_actions", lang),
    key="audit.actions",
)
log = state.audit_log(Filter(since, until, None if user == everyone else user, tuple(actions)), LIMIT)
if log.empty:
    st.info(t("ui.audit.empty", lang))
    st.stop()
st.caption(t("ui.audit.count", lang, rows=f"{len(log):,}", limit=f"{LIMIT:,}"))
shown = logs_view.audit_table(log, lang)
st.dataframe(shown, hide_index=True, key="audit.table")
st.download_button(t("ui.audit.download", lang), to_csv_bytes(shown), "audit.csv", key="audit.download")
