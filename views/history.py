"""Import history (staff only): every batch, who loaded it, and undo."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_layer.batches import UndoRefused
from data_layer.export import to_csv_bytes
from data_layer.i18n import t
from ui import auth, filters, state

settings = state.settings()
lang = filters.current(settings.language, state.today()).lang
user = auth.require_staff(settings.session_minutes, lang)

st.title(t("ui.history.title", lang))
log = state.recent_imports_log()
if log.empty:
    st.info(t("ui.history.empty", lang))
    st.stop()
shown = log.rename(columns={c: t(f"ui.history.col.{c}", lang) for c in log.columns})
shown[t("ui.history.col.kind", lang)] = [t(f"kind.{k}", lang) for k in log["kind"]]
for column in ("undoes", "undone_by"):  # batch numbers, blank where there is none
    shown[t(f"ui.history.col.{column}", lang)] = ["" if pd.isna(v) else str(int(v)) for v in log[column]]
st.dataframe(shown, hide_index=True, key="history.table")
st.download_button(t("ui.history.download", lang), to_csv_bytes(shown), "imports.csv", key="history.download")

st.subheader(t("ui.history.undo", lang))
undoable = log[log["undoes"].isna() & log["undone_by"].isna()]
if undoable.empty:
    st.caption(t("ui.history.nothing_to_undo", lang))
    st.stop()
labels = {
    int(row.batch_id): t(
        "ui.history.batch_label",
        lang,
        batch=row.batch_id,
        kind=t(f"kind.{row.kind}", lang),
        file=row.file_name,
    )
    for row in undoable.itertuples()
}
batch = st.selectbox(t("ui.history.choose", lang), list(labels), format_func=labels.get, key="history.batch")
confirmed = st.checkbox(t("ui.history.confirm", lang), key="history.confirm")
if st.button(t("ui.history.undo_button", lang), disabled=not confirmed, key="history.undo"):
    try:
        undo_id = state.undo(batch, user)
    except UndoRefused as exc:
        st.error(t(f"undo.{exc.args[0]}", lang))
    else:
        st.success(t("ui.history.undone", lang, batch=batch, undo=undo_id))
