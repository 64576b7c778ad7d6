"""部门填报: a reporter enters the indicators of their departments for an open period, saves a
draft and submits; the office's comment on a returned submission is shown here. Every read and
write goes through data_layer.reporting, which checks the account's departments itself."""

from __future__ import annotations

import streamlit as st

from data_layer import reporting
from data_layer.i18n import t
from data_layer.reporting import Entry, ReportingError
from ui import auth, filters, reporting_view, state

settings = state.settings()
lang = filters.read().lang
user = auth.require_user(settings.session_minutes, lang)
db = state.database()

st.title(t("ui.nav.report", lang))
FLASH = "report.flash"
if FLASH in st.session_state:  # what the last save did, shown after the rerun that refreshed the form
    st.success(st.session_state.pop(FLASH))
opened = reporting.periods(db)
mine = reporting.departments_of(db, user)
if not opened:
    st.info(t("ui.report.no_period", lang))
    st.stop()
if not mine:
    st.info(t("ui.report.no_department", lang))
    st.stop()
left, right = st.columns(2)
chosen = left.selectbox(
    t("ui.report.period", lang),
    opened,
    format_func=lambda p: t("ui.report.period_label", lang, quarter=p.quarter, due=p.due.isoformat()),
    key="report.period",
)
department = right.selectbox(t("ui.report.department", lang), mine, key="report.department")
if state.today() > chosen.due:
    st.warning(t("ui.report.past_due", lang, due=chosen.due.isoformat()))
else:
    st.caption(t("ui.report.due", lang, due=chosen.due.isoformat()))

fields = reporting.form(db, user, chosen.quarter, department)
if not fields:
    st.info(t("ui.report.nothing", lang))
    st.stop()
returned = [f for f in fields if f.status == "returned" and f.comment]
if returned:
    st.warning(t("ui.report.returned", lang, comment=returned[0].comment))

entries = []
with st.form(key=f"report.form.{chosen.quarter}.{mine.index(department)}"):
    for n, field in enumerate(fields):
        key = f"report.{chosen.quarter}.{mine.index(department)}.{n}"
        with st.container(border=True, key=f"{key}.box"):
            st.markdown(
                f"**{t('ui.reporting.measure_name', lang, measure=field.measure, name=field.indicator)}**"
            )
            st.caption(reporting_view.field_caption(field, lang))
            locked = field.status == "submitted"
            value_col, note_col, reason_col = st.columns([1, 2, 2])
            value = value_col.number_input(
                t("ui.report.value", lang, unit=field.unit),
                value=field.value,
                min_value=0.0,
                max_value=100.0 if not field.cumulative else None,
                format="%.2f",
                disabled=locked,
                key=f"{key}.value",
            )
            note = note_col.text_input(
                t("ui.report.note", lang), field.note, disabled=locked, key=f"{key}.note"
            )
            reason = reason_col.text_input(
                t("ui.report.reason", lang), field.reason, disabled=locked, key=f"{key}.reason"
            )
            entries.append(Entry(field.measure, field.indicator, value, note, reason))
    save_col, submit_col = st.columns(2)
    saved = save_col.form_submit_button(t("ui.report.save", lang), key="report.save")
    submitted = submit_col.form_submit_button(
        t("ui.report.submit", lang), type="primary", key="report.submit"
    )

if saved or submitted:
    editable = [e for e, f in zip(entries, fields, strict=True) if f.status != "submitted"]
    try:
        reporting.save(db, user, chosen.quarter, department, editable, submit=submitted)
    except ReportingError as exc:
        reporting_view.show_error(exc, lang)
    else:
        st.session_state[FLASH] = t("ui.report.submitted" if submitted else "ui.report.saved", lang)
        st.rerun()
st.caption(t("ui.report.how", lang))
