"""Department reporting (data_layer.reporting): who may read and write what, acceptance as the
only way into the figures, every version kept, and the board and reminder of a hand-made period."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data_layer import measure_progress, reporting
from data_layer.db import Database
from data_layer.ingest import import_file
from data_layer.reporting import Entry, ReportingError
from data_layer.users import User, list_users

from .conftest import TINY, write_csv
from .test_cli import cli

OFFICE = User("li", "李工", "staff")
TECH, FINANCE = "市科技局", "市金融工作局"  # the tiny dataset's departments (measures 1 and 12)
TRANSFERS, PLEDGES = (1, "高校院所专利转让许可数"), (12, "知识产权质押融资额")  # 2025Q4: 4 件, 300 万元
QUARTER, DUE = "2026Q1", dt.date(2026, 4, 15)
BEFORE, AFTER = dt.datetime(2026, 4, 10, 9, 0), dt.datetime(2026, 4, 20, 16, 30)


@pytest.fixture
def period(fresh_db):
    reporting.open_period(fresh_db, OFFICE, QUARTER, DUE)
    return fresh_db


def reporter(db, name: str, department: str) -> User:
    return reporting.add_reporter(db, OFFICE, name, "reporting-2026", [department], f"{department}填报员")


def counted(db, measure: int) -> list[tuple]:
    """The measure's indicator rows the figures count (the measures page's own data)."""
    rows = measure_progress.indicator_statuses(db, as_of=dt.date(2026, 6, 30))
    rows = rows[rows["measure"] == measure]
    return sorted(zip(rows["quarter"], rows["value"], strict=True))


def test_a_reporter_reads_and_writes_its_own_departments_only(period):
    tech = reporter(period, "kj", TECH)
    assert reporting.departments_of(period, tech) == [TECH]
    assert reporting.departments_of(period, OFFICE) == sorted([TECH, FINANCE])
    assert [(f.measure, f.indicator) for f in reporting.form(period, tech, QUARTER, TECH)] == [TRANSFERS]
    with pytest.raises(ReportingError) as refused:
        reporting.form(period, tech, QUARTER, FINANCE)
    assert refused.value.code == "not_yours"
    assert FINANCE in refused.value.message("zh") and FINANCE in refused.value.message("en")
    for department, entry in ((FINANCE, Entry(*PLEDGES, 1.0)), (TECH, Entry(*PLEDGES, 1.0))):
        with pytest.raises(ReportingError, match="not_yours"):
            reporting.save(period, tech, QUARTER, department, [entry])
    # the office's actions are the office's only
    for action in (
        lambda: reporting.open_period(period, tech, "2026Q2", DUE),
        lambda: reporting.board(period, tech, QUARTER, dt.date(2026, 4, 1)),
        lambda: reporting.review(period, tech, QUARTER, TECH, accept=True),
        lambda: reporting.bind(period, tech, "kj", [FINANCE]),
        lambda: reporting.reporters(period, tech),
    ):
        with pytest.raises(ReportingError, match="office_only"):
            action()
    assert period.accounts.scalar("SELECT count(*) FROM report_values") == 0


def test_only_acceptance_brings_a_value_into_the_figures(period):
    tech = reporter(period, "kj", TECH)
    before = counted(period, 1)
    reporting.save(period, tech, QUARTER, TECH, [Entry(*TRANSFERS, 6.0, "新增两项")], now=BEFORE)
    assert counted(period, 1) == before  # a draft
    reporting.save(period, tech, QUARTER, TECH, [], submit=True, now=BEFORE)
    assert counted(period, 1) == before  # submitted
    assert reporting.review(period, OFFICE, QUARTER, TECH, accept=False, comment="请附佐证") is None
    field = reporting.form(period, tech, QUARTER, TECH)[0]
    assert (field.status, field.comment, counted(period, 1)) == ("returned", "请附佐证", before)
    reporting.save(
        period, tech, QUARTER, TECH, [Entry(*TRANSFERS, 7.0, "附合同清单")], submit=True, now=BEFORE
    )
    assert counted(period, 1) == before
    batch = reporting.review(period, OFFICE, QUARTER, TECH, accept=True)
    assert counted(period, 1) == [*before, (QUARTER, 7.0)]
    assert period.rows("SELECT batch_id, note FROM indicators WHERE quarter = ?", [QUARTER]) == [
        (batch, "附合同清单")
    ]
    assert reporting.form(period, tech, QUARTER, TECH)[0].counted == 7.0


def test_values_are_checked_and_a_fall_or_a_correction_needs_a_reason(period):
    tech = reporter(period, "kj", TECH)

    def refused(entry: Entry, *, submit: bool = False) -> str:
        with pytest.raises(ReportingError) as caught:
            reporting.save(period, tech, QUARTER, TECH, [entry], submit=submit)
        return caught.value.code

    assert refused(Entry(*TRANSFERS, -1.0)) == "negative"
    assert refused(Entry(*TRANSFERS, float("nan"))) == "not_a_number"
    assert refused(Entry(*TRANSFERS, None), submit=True) == "value_missing"
    assert refused(Entry(*TRANSFERS, 3.0)) == "falls_needs_reason"  # below 2025Q4's 4 件
    reporting.save(period, tech, QUARTER, TECH, [Entry(*TRANSFERS, 3.0, reason="一项合同解除")], submit=True)
    assert refused(Entry(*TRANSFERS, 5.0, reason="x")) == "already_submitted"
    reporting.review(period, OFFICE, QUARTER, TECH, accept=True)
    assert refused(Entry(*TRANSFERS, 5.0)) == "correction_needs_reason"
    reporting.save(period, tech, QUARTER, TECH, [Entry(*TRANSFERS, 5.0, reason="补录一项转让")], submit=True)
    assert counted(period, 1)[-1] == (QUARTER, 3.0)  # the correction waits for the office
    reporting.review(period, OFFICE, QUARTER, TECH, accept=True)
    assert counted(period, 1)[-1] == (QUARTER, 5.0)


def test_every_version_is_kept_with_who_and_why(period, tmp_path):
    tech = reporter(period, "kj", TECH)
    reporting.save(period, tech, QUARTER, TECH, [Entry(*TRANSFERS, 6.0)], submit=True)
    first = reporting.review(period, OFFICE, QUARTER, TECH, accept=True)
    reporting.save(period, tech, QUARTER, TECH, [Entry(*TRANSFERS, 8.0, reason="漏报两项")], submit=True)
    second = reporting.review(period, OFFICE, QUARTER, TECH, accept=True)
    # The office uploads a file for the same quarter: the same versions.
    rows = [*TINY["indicators"], ["1", TRANSFERS[1], QUARTER, "件", "9", "5", TECH, "年度核对"]]
    upload = import_file(period, write_csv(tmp_path / "ind.csv", rows), "indicators", user="li")
    found = reporting.versions(period, 1)
    found = found[found["quarter"] == QUARTER]
    assert list(found["batch_id"]) == [first, second, upload.batch_id]
    assert list(found["value"]) == [6.0, 8.0, 9.0]
    assert list(found["current"]) == [False, False, True]
    assert list(found["reason"]) == ["", "漏报两项", ""]
    assert list(found["submitted_by"]) == ["kj", "kj", ""]
    assert list(found["user_name"]) == ["li", "li", "li"]
    actions = period.accounts.rows("SELECT action, username FROM report_log ORDER BY happened_at, rowid")
    assert actions == [
        ("save", "kj"),
        ("submit", "kj"),
        ("accept", "li"),
        ("save", "kj"),
        ("submit", "kj"),
        ("accept", "li"),
    ]


def test_the_board_and_the_reminder_of_a_period_with_a_late_department(period):
    tech = reporter(period, "kj", TECH)
    reporting.save(period, tech, QUARTER, TECH, [Entry(*TRANSFERS, 6.0)], submit=True, now=AFTER)
    board = reporting.board(period, OFFICE, QUARTER, dt.date(2026, 4, 30))
    expected = pd.DataFrame(
        {
            "department": [TECH, FINANCE],  # in code point order, as everywhere
            "state": ["submitted", "late"],
            "late": [True, True],  # in, but after the due date; nothing in after it
            "fields": [1, 1],
            "done": [1, 0],
            "date": [dt.date(2026, 4, 20), None],
            "indicators": [(TRANSFERS,), (PLEDGES,)],
        }
    )
    pd.testing.assert_frame_equal(board.departments.reset_index(drop=True), expected, check_dtype=False)
    assert list(board.measures[["measure", "state", "late"]].itertuples(index=False, name=None)) == [
        (1, "submitted", True),
        (12, "late", True),
    ]
    assert reporting.reminder_text(board, "zh") == (
        "【填报提醒】2026Q1 指标填报截止日期为 2026-04-15，以下 1 个部门尚未完成：\n"
        "1. 市金融工作局（逾期未报），待报指标：措施12 知识产权质押融资额\n"
        "请于 2026-04-15 前登录监测平台「部门填报」页面填报并提交。"
    )
    assert "1. 市金融工作局 (late), to report: measure 12: 知识产权质押融资额" in reporting.reminder_text(
        board, "en"
    )
    assert reporting.reminder_table(board, "zh").values.tolist() == [
        [FINANCE, "逾期未报", "措施12 知识产权质押融资额", "2026-04-15"]
    ]
    # Before the due date the same gap is "not yet"; once everyone is accepted, nothing to remind.
    early = reporting.board(period, OFFICE, QUARTER, dt.date(2026, 4, 1))
    assert list(early.departments["state"]) == ["submitted", "not_yet"]
    finance = reporter(period, "jr", FINANCE)
    reporting.save(period, finance, QUARTER, FINANCE, [Entry(*PLEDGES, 320.0)], submit=True, now=BEFORE)
    for department in (TECH, FINANCE):
        reporting.review(period, OFFICE, QUARTER, department, accept=True)
    done = reporting.board(period, OFFICE, QUARTER, dt.date(2026, 4, 30))
    assert list(zip(done.departments["state"], done.departments["late"], strict=True)) == [
        ("accepted", True),
        ("accepted", False),
    ]
    assert reporting.reminder_text(done, "zh") == "2026Q1 各部门均已完成填报。"
    summary = reporting.summary(period, dt.date(2026, 4, 30))
    assert (summary.period.quarter, summary.counts["accepted"], summary.total) == (QUARTER, 2, 2)


def test_accounts_are_bound_to_known_departments(period):
    with pytest.raises(ReportingError, match="department_unknown"):
        reporting.add_reporter(period, OFFICE, "x", "reporting-2026", ["市不存在局"])
    with pytest.raises(ReportingError, match="no_department"):
        reporting.add_reporter(period, OFFICE, "x", "reporting-2026", [])
    assert period.accounts.scalar("SELECT count(*) FROM users WHERE username = 'x'") == 0
    reporter(period, "kj", TECH)
    listed = reporting.reporters(period, OFFICE)
    assert listed.values.tolist() == [["kj", f"{TECH}填报员", True, TECH]]


def test_the_command_line_creates_a_reporter_bound_to_its_departments(fresh_db):
    path = str(fresh_db.path)
    fresh_db.close()
    args = ("--db", path, "users", "add", "kj", "--role", "reporter", "--password-stdin")
    unknown = cli(*args, "--department", "市不存在局", stdin="reporting-2026\n")
    assert unknown.returncode == 1 and "市不存在局" in unknown.stderr
    made = cli(*args, "--department", TECH, "--department", FINANCE, stdin="reporting-2026\n")
    assert made.returncode == 0, made.stderr
    db = Database(path)
    try:
        kj = User("kj", "kj", "reporter")
        assert reporting.departments_of(db, kj) == sorted([TECH, FINANCE])
        assert ("kj", "kj", "reporter") in [u[:3] for u in list_users(db)]
    finally:
        db.close()
