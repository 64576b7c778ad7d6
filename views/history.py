"""Import history (staff only): every batch, who loaded it, and undo."""

from __future__ import annotations

import streamlit as st

from data_layer.batches import UndoRefused, recent_imports, undoable
from data_layer.export import to_csv_bytes
from data_layer.i18n import t
from ui import auth, filters, logs_view, state

settings = state.settings()
lang = filters.read().lang
user = auth.require_staff(settings.session_minutes, lang)

st.title(t("ui.history.title", lang))
log = state.cached(recent_imports)
if log.empty:
    st.info(t("ui.history.empty", lang))
    st.stop()
shown = logs_view.imports_table(log, lang)
st.dataframe(shown, hide_index=True, key="history.table")
st.download_button(t("ui.history.download", lang), to_csv_bytes(shown), "imports.csv", key="history.download")

st.subheader(t("ui.history.undo", lang))
candidates = undoable(log)
if candidates.empty:
    st.caption(t("ui.history.nothing_to_undo", lang))
    st.stop()
labels = logs_view.batch_labels(candidates, lang)
batch = st.selectbox(t("ui.history.choose", lang), list(labels), format_func=labels.get, key="history.batch")
confirmed = st.checkbox(t("ui.history.confirm", lang), key="history.confirm")
if st.button(t("ui.history.undo_button", lang), disabled=not confirmed, key="history.undo"):
    try:
        undo_id = state.undo(batch, user)
    except UndoRefused as exc:
        st.error(t(f"undo.{exc.args[0]}", lang))
    else:
        st.success(t("ui.history.undone", lang, batch=batch, undo=undo_id))
