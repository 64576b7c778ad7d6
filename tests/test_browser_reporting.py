"""Department reporting in Chromium: two reporters of different departments and the office, each
in a browser context of its own (own cookies, own login), complete a period at once, and the
office's board shows each state as it happens."""

from __future__ import annotations

import datetime as dt
import re

from .browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    STAFF_PASSWORD,
    app_env,
    require_browser,
    running_app,
    staff_db,
)

WAIT = 90_000  # a loaded 2-core machine runs three sessions and the server at once
REPORTER_PASSWORD = "reporting-2026"
TECH, FINANCE = "市科技局", "市金融工作局"


def prepare(tiny_file, folder):
    from data_layer import reporting
    from data_layer.db import Database
    from data_layer.users import User

    path = staff_db(tiny_file, folder)
    db = Database(path)
    office = User("li", "李工", "staff")
    # Stamps come from the clock: due after today, so no submission here is late.
    reporting.open_period(db, office, "2026Q1", dt.date.today() + dt.timedelta(days=30))
    reporting.add_reporter(db, office, "kj", REPORTER_PASSWORD, [TECH], "科技局填报员")
    reporting.add_reporter(db, office, "jr", REPORTER_PASSWORD, [FINANCE], "金融局填报员")
    db.close()
    return path


def log_in(page, url: str, username: str, password: str, lands_on: str) -> None:
    page.goto(f"{url}/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("heading", name=lands_on).first.wait_for(timeout=WAIT)


def board_row(page, department: str) -> str:
    """The text of the board's row for ``department`` (the first static table)."""
    row = page.locator("[data-testid=stTable]").first.locator("tr", has_text=department)
    row.wait_for(timeout=WAIT)
    return row.inner_text()


def wait_state(page, department: str, state: str) -> None:
    """Wait for the board (which redraws itself every few seconds) to show ``state`` for
    ``department``: another context just acted. No reload: that would start a new session."""
    page.locator("[data-testid=stTable]").first.locator("tr", has_text=department).filter(
        has_text=state
    ).wait_for(timeout=WAIT)


def go_to(page, name: str) -> None:
    """Open the page ``name`` from the top navigation, in the same session (a reload would
    start a new one, logged out). With the office's many pages the last ones sit under the
    bar's overflow menu ("3 more")."""
    more = page.get_by_text(re.compile(r"^\d+ more$"))
    if not more.count():
        page.locator("[data-testid=stTopNavLink]", has_text=name).first.click()
    else:
        page.get_by_text(re.compile(r"^\d+ more$")).first.click()
        page.locator("[data-testid=stTopNavDropdownLink]", has_text=name).first.click()
    page.get_by_role("heading", name=name).first.wait_for(timeout=WAIT)


def report(page, value: str) -> None:
    field = page.get_by_label("本季度数值", exact=False).first
    field.fill(value)
    page.get_by_role("button", name="提交审核").click()
    page.get_by_text("已提交，等待知识产权办公室审核").first.wait_for(timeout=WAIT)


def test_two_reporters_and_the_office_complete_a_period(tiny_file, tmp_path):
    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with running_app(app_env(prepare(tiny_file, tmp_path))) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            pages = {}
            for who in ("office", "kj", "jr"):
                context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
                pages[who] = context.new_page()
            office, tech, finance = pages["office"], pages["kj"], pages["jr"]
            log_in(office, url, "li", STAFF_PASSWORD, "上传数据")
            log_in(tech, url, "kj", REPORTER_PASSWORD, "部门填报")
            log_in(finance, url, "jr", REPORTER_PASSWORD, "部门填报")
            go_to(office, "填报进度")
            wait_state(office, TECH, "未报")
            assert "未报" in board_row(office, FINANCE)
            # each reporter sees its own department only
            assert tech.get_by_text(FINANCE).count() == 0 and finance.get_by_text(TECH).count() == 0

            report(tech, "6")
            wait_state(office, TECH, "已提交")
            assert "未报" in board_row(office, FINANCE)

            report(finance, "320")
            wait_state(office, FINANCE, "已提交")
            office.screenshot(path=str(ARTIFACTS / "reporting-board-submitted.png"), full_page=True)

            for department in (TECH, FINANCE):  # the review list offers the first waiting one
                office.get_by_text(f"{department}", exact=True).last.wait_for(timeout=WAIT)
                office.get_by_role("button", name="审核通过").click()
                office.get_by_text(f"已通过 {department} 的填报", exact=False).first.wait_for(timeout=WAIT)
                wait_state(office, department, "已通过")
            assert "已通过" in board_row(office, TECH) and "已通过" in board_row(office, FINANCE)
            office.screenshot(path=str(ARTIFACTS / "reporting-board-accepted.png"), full_page=True)

            go_to(tech, "部门填报")  # a rerun in the same session
            tech.get_by_text("已通过", exact=False).first.wait_for(timeout=WAIT)
            tech.screenshot(path=str(ARTIFACTS / "reporting-form-accepted.png"), full_page=True)
        finally:
            browser.close()
