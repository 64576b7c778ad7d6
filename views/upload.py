"""Upload (staff only): choose the kind, see what the file holds, then load it in one step."""

from __future__ import annotations

import hashlib

import streamlit as st

from data_layer.i18n import t
from data_layer.models import KINDS
from data_layer.templates import template_csv, template_xlsx
from ui import auth, filters, state, upload_view

settings = state.settings()
lang = filters.current(settings.language, state.today()).lang
user = auth.require_staff(settings.session_minutes, lang)

st.title(t("ui.upload.title", lang))
kind = st.selectbox(
    t("ui.upload.kind", lang), list(KINDS), key="upload.kind", format_func=lambda k: t(f"kind.{k}", lang)
)
left, right = st.columns(2)
left.download_button(
    t("ui.upload.template_xlsx", lang),
    template_xlsx(kind, lang),
    f"{kind}_template.xlsx",
    key="upload.template_xlsx",
)
right.download_button(
    t("ui.upload.template_csv", lang), template_csv(kind), f"{kind}_template.csv", key="upload.template_csv"
)

upload = st.file_uploader(t("ui.upload.file", lang), type=["csv", "xlsx", "xlsm", "xls"], key="upload.file")
if upload is None:
    st.stop()
data = upload.getvalue()
if len(data) > settings.upload_limit_mb * 1024 * 1024:
    st.error(t("ui.upload.too_large", lang, limit=settings.upload_limit_mb))
    st.stop()

digest = hashlib.sha256(data).hexdigest()
done_key = f"upload.done.{kind}.{digest}"
if done_key in st.session_state:
    upload_view.show_result(st.session_state[done_key], lang)
    st.stop()

checked = state.check_upload(data, upload.name, kind)
if isinstance(checked, list):
    upload_view.show_problems(checked, lang)
    st.stop()
upload_view.show_preview(checked, lang)
if checked.rows_new + checked.rows_replaced == 0:
    st.info(t("ui.upload.nothing_new", lang))
    st.stop()
if st.button(t("ui.upload.commit", lang), type="primary", key="upload.commit"):
    result = state.commit_upload(data, upload.name, kind, user.username)
    if isinstance(result, list):
        upload_view.show_problems(result, lang)
    else:
        st.session_state[done_key] = result
        st.rerun()
