"""Department reporting under AppTest: a reporter's form in zh and en, draft -> submit ->
returned with a comment -> resubmitted -> accepted, and the measures page changing only then."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from data_layer import reporting
from data_layer.db import Database
from data_layer.i18n import t
from data_layer.users import User
from ui import browser_key

from .apptest import open_app, open_as_staff
from .conftest import APPTEST_BROWSER_KEY, ROOT

OFFICE = User("li", "李工", "staff")
REPORTER = User("kj", "科技局填报员", "reporter")
# Submissions are stamped by the clock, not the app's frozen day: due after both, so none is late.
QUARTER, DUE = "2026Q1", dt.date.today() + dt.timedelta(days=30)
VALUE = "report.2026Q1.0.0"  # the first field's widgets (quarter, department index, field index)


@pytest.fixture
def reporting_env(app_env):
    db = Database(app_env)
    reporting.open_period(db, OFFICE, QUARTER, DUE)
    reporting.add_reporter(
        db, OFFICE, REPORTER.username, "reporting-2026", ["市科技局"], REPORTER.display_name
    )
    db.close()
    return app_env


def as_reporter(lang: str = "zh"):
    return open_as_staff("views/report.py", {"lang": lang}, user=REPORTER)


def as_office(lang: str = "zh"):
    return open_as_staff("views/reporting.py", {"lang": lang}, user=OFFICE)


def frame_with(at, column: str):
    """The page's table that has ``column`` (AppTest does not keep a dataframe's key)."""
    return next(d.value for d in [*at.dataframe, *at.table] if column in d.value.columns)


def measure_quarters() -> list[str]:
    """The quarters the measures page's indicator table lists for measure 1."""
    at = open_app("views/measures.py", {"measure": "1"})
    table = frame_with(at, t("ui.measures.col.status", "zh"))
    return list(table[t("ui.measures.col.quarter", "zh")])


def success(at) -> str:
    return " ".join(s.value for s in at.success)


def submit_value(at, value: float, note: str = "", submit: bool = True):
    at.number_input(key=f"{VALUE}.value").set_value(value)
    if note:
        at.text_input(key=f"{VALUE}.note").input(note)
    at.button(key="report.submit" if submit else "report.save").click().run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_reporter_sees_only_its_form_in_its_language(reporting_env, lang):
    at = as_reporter(lang)
    assert at.title[0].value == t("ui.nav.report", lang)
    assert at.selectbox(key="report.department").options == ["市科技局"]
    caption = " ".join(c.value for c in at.caption)
    assert "2025Q4" in caption and t("reporting.status.none", lang) in caption  # last quarter, status
    assert at.number_input(key=f"{VALUE}.value").label == t("ui.report.value", lang, unit="件")
    assert at.button(key="report.submit").label == t("ui.report.submit", lang)
    # behind the login a reporter is offered nothing else, and the office's pages refuse it
    for page in ("views/upload.py", "views/reporting.py", "views/history.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)
    for page in ("upload.py", "reporting.py", "history.py"):
        direct = AppTest.from_file(str(ROOT / "views" / page), default_timeout=60)
        direct.session_state["auth.user"] = REPORTER
        direct.session_state["auth.seen"] = dt.datetime.now()
        direct.session_state["auth.browser"] = browser_key.digest(APPTEST_BROWSER_KEY)
        direct.run()
        assert t("ui.auth.staff_only", "zh") in [w.value for w in direct.warning], page


def test_draft_submit_return_resubmit_accept_and_the_measures_page(reporting_env):
    before = measure_quarters()
    assert QUARTER not in before
    at = submit_value(as_reporter(), 6, "新增两项", submit=False)
    assert success(at) == t("ui.report.saved", "zh")
    submit_value(at, 6)
    assert success(at) == t("ui.report.submitted", "zh")
    assert at.number_input(key=f"{VALUE}.value").disabled  # waiting for the office
    assert measure_quarters() == before

    office = as_office()
    states = list(frame_with(office, t("ui.reporting.col.done", "zh"))[t("reporting.col.state", "zh")])
    assert states == [t("reporting.state.submitted", "zh"), t("reporting.state.not_yet", "zh")]
    office.button(key="reporting.return").click().run()
    assert t("reporting.comment_needed", "zh") in [e.value for e in office.error]
    office.text_area(key="reporting.comment").input("请附合同清单")
    office.button(key="reporting.return").click().run()
    assert success(office) == t("ui.reporting.returned", "zh", department="市科技局")
    assert measure_quarters() == before

    at = as_reporter()
    assert t("ui.report.returned", "zh", comment="请附合同清单") in [w.value for w in at.warning]
    submit_value(at, 7, "附合同清单")
    assert success(at) == t("ui.report.submitted", "zh")
    assert measure_quarters() == before

    office = as_office()
    office.button(key="reporting.accept").click().run()
    assert not office.exception, office.exception
    assert t("ui.reporting.accepted", "zh", department="市科技局", batch="")[:6] in success(office)
    assert measure_quarters() == [*before, QUARTER]
    page = open_app("views/measures.py", {"measure": "1"})
    versions = frame_with(page, t("ui.reporting.col.submitted_by", "zh"))
    row = versions[versions[t("ui.reporting.col.quarter", "zh")] == QUARTER]
    assert list(row[t("ui.reporting.col.submitted_by", "zh")]) == ["kj"]
    progress = " ".join(c.value for c in page.caption)
    assert t("reporting.state.accepted", "zh") in progress and QUARTER in progress


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_office_board_reminder_and_a_new_reporter_account(reporting_env, lang):
    office = as_office(lang)
    office.button(key="reporting.remind_button").click().run()
    reminder = office.code[0].value
    assert "市科技局" in reminder and "市金融工作局" in reminder and DUE.isoformat() in reminder
    office.text_input(key="reporting.username").input("jr")
    office.text_input(key="reporting.password").input("reporting-2026")
    office.multiselect(key="reporting.account_departments").select("市金融工作局")
    office.button(key="reporting.add_account").click().run()
    assert success(office) == t("ui.reporting.account_added", lang, username="jr")
    listed = frame_with(office, t("ui.reporting.display_name", lang))
    assert list(listed[t("ui.reporting.username", lang)]) == ["jr", "kj"]
