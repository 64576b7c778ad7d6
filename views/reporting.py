"""填报进度 (office only): open a quarter for reporting, see each department and measure as it
stands, copy the reminder for those still to report, review submissions and manage reporter
accounts."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from data_layer import reporting
from data_layer.i18n import t
from data_layer.measure_progress import last_ended_quarter
from data_layer.reporting import ReportingError
from data_layer.users import AccountError
from ui import auth, filters, reporting_view, state
from ui.downloads import table_downloads

settings = state.settings()
lang = filters.read().lang
user = auth.require_staff(settings.session_minutes, lang)
db = state.database()
today = state.today()

st.title(t("ui.nav.reporting", lang))
FLASH = "reporting.flash"
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))


def done(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


with (
    st.expander(t("ui.reporting.open", lang), expanded=not reporting.periods(db)),
    st.form(key="reporting.open_form"),
):
    left, right = st.columns(2)
    quarter = left.text_input(
        t("ui.reporting.quarter", lang), last_ended_quarter(today), key="reporting.quarter"
    )
    due = right.date_input(t("ui.reporting.due", lang), today + dt.timedelta(days=15), key="reporting.due")
    if st.form_submit_button(t("ui.reporting.open_button", lang), key="reporting.open_button"):
        try:
            opened = reporting.open_period(db, user, quarter.strip(), due)
        except ReportingError as exc:
            reporting_view.show_error(exc, lang)
        else:
            done(t("ui.reporting.opened", lang, quarter=opened.quarter, due=opened.due.isoformat()))

# The office may enter a department's values itself (one that cannot log in, say).
st.page_link("views/report.py", label=t("ui.reporting.enter_for", lang), icon=":material/edit_note:")
opened = reporting.periods(db)
if not opened:
    st.info(t("ui.report.no_period", lang))
    st.stop()
chosen = st.selectbox(
    t("ui.report.period", lang),
    opened,
    format_func=lambda p: t("ui.report.period_label", lang, quarter=p.quarter, due=p.due.isoformat()),
    key="reporting.period",
)
BOARD_REFRESH = dt.timedelta(seconds=10)


# The board redraws itself while the office watches: reporters submit from their own sessions.
SHOWN = "reporting.waiting_shown"  # the departments the review below offers


def waiting_of(board: reporting.Board) -> list[str]:
    return list(board.departments.loc[board.departments["state"] == "submitted", "department"])


@st.fragment(run_every=BOARD_REFRESH)
def show_board(quarter: str) -> None:
    board = reporting.board(db, user, quarter, today)
    if waiting_of(board) != st.session_state.get(SHOWN):
        st.rerun()  # a submission came in or went: the review below must offer it too
    st.subheader(t("ui.reporting.by_department", lang))
    st.caption(
        t(
            "ui.reporting.board_caption",
            lang,
            quarter=quarter,
            due=board.period.due.isoformat(),
            today=today,
            seconds=int(BOARD_REFRESH.total_seconds()),
        )
    )
    # Static tables: a dozen rows at most, read at a glance (and by a screen reader) without scrolling.
    st.table(reporting_view.departments_table(board, lang), hide_index=True)
    st.subheader(t("ui.reporting.by_measure", lang))
    st.table(reporting_view.measures_table(board, lang), hide_index=True)


board = reporting.board(db, user, chosen.quarter, today)
st.session_state[SHOWN] = waiting = waiting_of(board)
show_board(chosen.quarter)

st.subheader(t("ui.reporting.remind", lang))
if st.button(t("ui.reporting.remind_button", lang), key="reporting.remind_button"):
    st.session_state["reporting.reminding"] = chosen.quarter
if st.session_state.get("reporting.reminding") == chosen.quarter:
    st.code(reporting.reminder_text(board, lang), language=None, wrap_lines=True)
    table_downloads(
        reporting.reminder_table(board, lang),
        f"reminder_{chosen.quarter}",
        "reporting.reminder",
        lang,
        label=t("ui.reporting.remind_download", lang),
    )

st.subheader(t("ui.reporting.review", lang))
if not waiting:
    st.caption(t("ui.reporting.nothing_to_review", lang))
else:
    department = st.selectbox(t("ui.report.department", lang), waiting, key="reporting.review_department")
    fields = reporting.form(db, user, chosen.quarter, department)
    st.dataframe(
        reporting_view.fields_table(fields, chosen, lang), hide_index=True, key="reporting.review_table"
    )
    comment = st.text_area(t("ui.reporting.comment", lang), key="reporting.comment")
    accept_col, return_col = st.columns(2)
    accepted = accept_col.button(t("ui.reporting.accept", lang), type="primary", key="reporting.accept")
    returned = return_col.button(t("ui.reporting.return", lang), key="reporting.return")
    if accepted or returned:
        try:
            batch = reporting.review(db, user, chosen.quarter, department, accept=accepted, comment=comment)
        except ReportingError as exc:
            reporting_view.show_error(exc, lang)
        else:
            key = "ui.reporting.accepted" if accepted else "ui.reporting.returned"
            done(t(key, lang, department=department, batch=batch or ""))

with st.expander(t("ui.reporting.accounts", lang)):
    st.dataframe(
        reporting_view.reporters_table(reporting.reporters(db, user), lang),
        hide_index=True,
        key="reporting.reporters",
    )
    with st.form(key="reporting.account_form", clear_on_submit=True):
        name_col, display_col = st.columns(2)
        username = name_col.text_input(t("ui.reporting.username", lang), key="reporting.username")
        display = display_col.text_input(t("ui.reporting.display_name", lang), key="reporting.display")
        password = st.text_input(t("ui.reporting.password", lang), type="password", key="reporting.password")
        chosen_departments = st.multiselect(
            t("ui.reporting.departments", lang),
            reporting.departments(db),
            key="reporting.account_departments",
        )
        if st.form_submit_button(t("ui.reporting.add_account", lang), key="reporting.add_account"):
            try:
                made = reporting.add_reporter(db, user, username, password, chosen_departments, display)
            except ReportingError as exc:
                reporting_view.show_error(exc, lang)
            except AccountError as exc:
                st.error(t(f"account.{exc.args[0]}", lang))
            else:
                done(t("ui.reporting.account_added", lang, username=made.username))
