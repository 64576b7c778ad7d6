"""Staff upload in a real browser: log in, preview a file, load it; a bad file shows its errors."""

from __future__ import annotations

import pytest

from data_layer.db import Database
from data_layer.identifiers import make_credit_code
from data_layer.users import add_user

from .browser import ARTIFACTS, browser_page, copy_db, require_browser, running_app
from .conftest import TINY, write_csv

pytestmark = pytest.mark.browser
PASSWORD = "gangcheng-2025"


@pytest.fixture(scope="module")
def staff_app(tiny_file, tmp_path_factory):
    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = copy_db(tiny_file, tmp_path_factory.mktemp("upload"))
    db = Database(path)
    add_user(db, "li", PASSWORD, display_name="李工")
    db.close()
    with running_app({"DASHBOARD_DB_PATH": str(path), "DASHBOARD_AS_OF": "2026-06-30"}) as url:
        yield url


def log_in(page, url):
    page.goto(f"{url}/login")
    page.get_by_label("用户名").fill("li")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_text("上传数据").first.wait_for(timeout=30_000)


def test_upload_preview_and_load(staff_app, tmp_path):
    rows = [list(r) for r in TINY["institutions"]]
    rows.append([make_credit_code("91440882MA0000009"), "雷州新单位有限公司", "企业", "雷州市", "糖业", "否"])
    path = write_csv(tmp_path / "单位.csv", rows, encoding="gbk")
    with browser_page() as page:
        log_in(page, staff_app)
        page.locator('input[type="file"]').set_input_files(str(path))
        page.get_by_text("gb18030").first.wait_for(timeout=30_000)  # what was detected
        page.locator('[data-testid="stMetricValue"]').nth(2).wait_for(timeout=30_000)
        assert page.locator('[data-testid="stMetricValue"]').all_inner_texts()[:3] == ["1", "0", "5"]
        page.screenshot(path=str(ARTIFACTS / "upload-preview.png"), full_page=True)
        page.get_by_role("button", name="确认导入").click()
        page.get_by_text("已导入（批次").wait_for(timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "upload-done.png"), full_page=True)
        page.get_by_role("link", name="导入记录").click()
        page.get_by_role("heading", name="导入记录").wait_for(timeout=30_000)
        # The newest batch is the one offered for undo.
        choice = page.get_by_label("选择要撤销的批次")
        choice.wait_for(timeout=30_000)
        assert choice.input_value() == "批次 10：单位名录，单位.csv"
        page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=30_000)
        page.wait_for_timeout(1000)  # the grid paints its cells after the canvas appears
        page.screenshot(path=str(ARTIFACTS / "history.png"), full_page=True)


def test_bad_file_lists_every_error(staff_app, tmp_path):
    rows = [list(r) for r in TINY["institutions"]]
    rows[2][3] = "番禺区"
    rows[3][0] = "123"
    path = write_csv(tmp_path / "bad.csv", rows)
    with browser_page() as page:
        log_in(page, staff_app)
        page.locator('input[type="file"]').set_input_files(str(path))
        page.get_by_text("文件有 2 处错误").wait_for(timeout=30_000)
        assert page.get_by_role("button", name="确认导入").count() == 0
        page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=30_000)
        page.wait_for_timeout(1000)  # the grid paints its cells after the canvas appears
        page.screenshot(path=str(ARTIFACTS / "upload-errors.png"), full_page=True)
