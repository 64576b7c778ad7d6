"""Upload (staff only): choose the kind, see what the file holds, fix small errors, then load."""

from __future__ import annotations

import streamlit as st

from data_layer.corrections import apply_edits
from data_layer.i18n import t
from data_layer.models import KINDS
from data_layer.templates import template_csv, template_xlsx
from ui import auth, filters, mapping_view, state, upload_view

settings = state.settings()
lang = filters.read().lang
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
data, name = upload.getvalue(), upload.name
if len(data) > settings.upload_limit_mb * 1024 * 1024:
    st.error(t("ui.upload.too_large", lang, limit=settings.upload_limit_mb))
    st.stop()
digest = upload_view.digest_of(upload.file_id, data)

done_key = f"upload.done.{kind}.{digest}"  # the upload as chosen, corrected in the page or not
if done_key in st.session_state:
    upload_view.show_result(st.session_state[done_key], lang)
    st.stop()
original = (digest, kind)
data, name, digest = upload_view.corrected_file(original, data, name, digest, lang)

sheet_key = f"upload.sheet.{digest[:16]}"
sheet = st.session_state.get(sheet_key)
profile = upload_view.mapping_in_use(original)
report, bar = upload_view.progress_bar(lang)
check = state.check_upload(data, digest, name, kind, sheet, report, profile)
bar.empty()
if check.result is not None and check.result.same_as:  # found without reading the file again
    st.info(t("ui.upload.same_file", lang, batch=check.result.same_as))
    st.stop()
if len(check.detected.get("sheets") or []) > 1:
    sheets = check.detected["sheets"]
    st.selectbox(
        t("ui.upload.sheet", lang),
        sheets,
        index=sheets.index(check.detected["sheet"]),
        help=t("ui.upload.sheet_help", lang),
        key=sheet_key,
    )
mapping_view.show_flash()
if check.result is None and (other := state.other_kind_of(check.detected.get("header") or [], kind)):
    st.warning(t("ui.upload.other_kind", lang, source=other.label(lang), kind=t(f"kind.{other.kind}", lang)))
upload_view.show_detected(check.detected, kind, lang)
upload_view.show_derived(check.derived, kind, lang)

with st.expander(t("ui.mapping.title", lang), expanded=mapping_view.needs_mapping(check)):
    applied = mapping_view.mapping_step(data, digest, name, kind, sheet, profile, user.username, lang)
if applied is not None:
    upload_view.keep_mapping(original, applied)
    st.rerun()
if check.unmatched and mapping_view.names_step(check.unmatched, user.username, lang):
    st.rerun()

if check.result is None:
    upload_view.show_problems(check.problems, lang)
    # Unmatched names are decided in the names step above, not typed over in the cells.
    fixable = [p for p in check.problems if p.reason != "party_unmatched"]
    edits = upload_view.fix_in_place(fixable, data, name, kind, sheet, lang)
    if edits:
        upload_view.keep_corrections(original, apply_edits(data, name, kind, edits, sheet), len(edits))
        st.rerun()
    st.stop()

upload_view.show_counts(check.result, lang)
if check.result.rows_new + check.result.rows_replaced == 0:
    st.info(t("ui.upload.nothing_new", lang))
    st.stop()
if st.button(t("ui.upload.commit", lang), type="primary", key="upload.commit"):
    report, bar = upload_view.progress_bar(lang)
    result = state.commit_upload(data, name, kind, sheet, user.username, report, profile)
    bar.empty()
    if isinstance(result, list):
        upload_view.show_problems(result, lang)
    else:
        st.session_state[done_key] = result
        st.session_state.pop("upload.fixed", None)
        st.rerun()
