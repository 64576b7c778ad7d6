"""Entry point and router: shared filters in the sidebar, then the chosen page.

Run with ``streamlit run app.py`` (see README). On first start the database is built from
``sample_data/`` (see ``data_layer.startup``).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from data_layer import audit
from data_layer.i18n import t
from data_layer.regions import RegionMismatch
from data_layer.startup import is_sample
from data_layer.users import OFFICE_ROLES
from ui import auth, filters, state, theme

ICON = Path(__file__).parent / "assets" / "favicon.png"

settings = state.settings()
st.set_page_config(page_title=t("ui.app_title", settings.language), page_icon=ICON, layout="wide")
st.html(theme.PAGE_CSS)
chosen = filters.sidebar_filters()
lang = chosen.lang
st.html(theme.menu_css(lang))  # the folded sidebar's button, labelled in the reader's language
# <html lang> names the reader's language (Streamlit's page says "en"), for screen readers.
st.html(theme.page_language(lang), unsafe_allow_javascript=True)

try:
    state.database().refresh()  # this run reads the newest published data
except RegionMismatch as exc:  # DASHBOARD_REGION and the database file disagree: say so, show nothing
    st.error(exc.message(lang))
    st.stop()

if state.cached(is_sample):  # asked on every run: cached until the next write
    st.sidebar.badge(
        t("ui.sample_marker", lang), icon=":material/science:", color="orange", help=t("ui.sample_help", lang)
    )
    st.badge(
        t("ui.sample_marker", lang), icon=":material/science:", color="orange", help=t("ui.sample_help", lang)
    )

# Staff pages are offered only to a logged-in user (and each checks again itself).
user = auth.current_user(settings.session_minutes)
# Whatever this run does is logged as this user's, from this address (data_layer.audit).
audit.acting(user.username if user else "", auth.client_address(settings.trusted_proxies))
# The default page is served at `/` only (its own url_path is reserved, not served), so the
# overview is also a hidden page at /overview, the address the README and bookmarks use.
overview = st.Page(
    "views/overview.py",
    title=t("ui.nav.overview", lang),
    icon=":material/dashboard:",
    url_path="home",
    default=True,
)
overview_link = st.Page(
    "views/overview.py",
    title=t("ui.nav.overview", lang),
    icon=":material/dashboard:",
    url_path="overview",
    visibility="hidden",
)
# Analysis pages, open to everyone: (script, icon, url path; the title is ui.nav.<path>).
ANALYSIS = (
    ("views/measures.py", ":material/checklist:", "measures"),
    ("views/institutions.py", ":material/school:", "institutions"),
    ("views/counties.py", ":material/map:", "counties"),
    ("views/filings.py", ":material/inventory_2:", "filings"),
    ("views/method.py", ":material/menu_book:", "method"),
    ("views/briefing.py", ":material/co_present:", "briefing"),
)
# Staff pages, offered once logged in (the upload page first: a login lands there).
STAFF = (
    ("views/upload.py", ":material/upload:", "upload"),
    ("views/history.py", ":material/history:", "history"),
    ("views/export.py", ":material/download:", "export"),
    ("views/quality.py", ":material/fact_check:", "quality"),
    ("views/audit.py", ":material/policy:", "audit"),
    ("views/reporting.py", ":material/assignment_turned_in:", "reporting"),  # department reporting
)
analysis = [
    st.Page(script, title=t(f"ui.nav.{path}", lang), icon=icon, url_path=path)
    for script, icon, path in ANALYSIS
]
# The records behind a figure (溯源), opened from the figure itself rather than the menu.
records = st.Page(
    "views/records.py",
    title=t("ui.nav.records", lang),
    icon=":material/list:",
    url_path="records",
    visibility="hidden",
)
# Department reporting: the office has the board in its menu and reaches a department's form
# from it (hidden from the menu, which is full); a reporter's account sees its own departments'
# form and nothing else behind the login.
REPORT = ("views/report.py", ":material/edit_note:", "report")
if user:
    office = user.role in OFFICE_ROLES
    staff_pages = [
        st.Page(script, title=t(f"ui.nav.{path}", lang), icon=icon, url_path=path)
        for script, icon, path in (STAFF if office else ())
    ]
    script, icon, path = REPORT
    staff_pages.append(
        st.Page(
            script,
            title=t(f"ui.nav.{path}", lang),
            icon=icon,
            url_path=path,
            visibility="hidden" if office else "visible",
        )
    )
    staff_page = staff_pages[0]  # where a login lands: the upload page, or a reporter's form
    st.sidebar.caption(t("ui.auth.signed_in", lang, name=user.display_name))
    if st.sidebar.button(t("ui.auth.log_out", lang), key="auth.log_out"):
        auth.log_out()
        st.rerun()
else:
    staff_pages = [
        st.Page("views/login.py", title=t("ui.nav.login", lang), icon=":material/login:", url_path="login")
    ]
navigation = st.navigation([overview, overview_link, *analysis, records, *staff_pages], position="top")
# The browser tab names the page and the dashboard (the icon was set above).
st.set_page_config(page_title=t("ui.tab_title", lang, page=navigation.title))
if user and auth.just_logged_in():
    st.switch_page(staff_page, query_params=st.query_params.to_dict())  # keeps ?lang= and the filters
navigation.run()
