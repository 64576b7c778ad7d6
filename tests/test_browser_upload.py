"""Staff upload in a real browser: log in, preview a file, load it; a bad file shows its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_layer.identifiers import make_credit_code

from . import browser
from .browser import ARTIFACTS, browser_page, log_in
from .conftest import E1, TINY, write_csv

CORPUS = Path(__file__).parent / "corpus"

pytestmark = pytest.mark.browser
PASSWORD = browser.STAFF_PASSWORD


@pytest.fixture(scope="module")
def staff_app(tiny_file, tmp_path_factory):
    with browser.staff_app(tiny_file, tmp_path_factory.mktemp("upload")) as url:
        yield url


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


def test_fix_errors_in_the_page_then_load(staff_app, tmp_path):
    rows = [list(r) for r in TINY["institutions"]]
    rows[2][3] = "番禺区"  # row 3: not a county of Zhanjiang
    rows[3][0] = "123"  # row 4: not a credit code
    path = write_csv(tmp_path / "typos.csv", rows)
    code = make_credit_code("91440803MA0000007")
    with browser_page() as page:
        log_in(page, staff_app)
        page.locator('input[type="file"]').set_input_files(str(path))
        page.get_by_text("在页面中修正").wait_for(timeout=30_000)
        grid = page.locator('[data-testid="stDataFrameResizable"]').last
        grid.wait_for(timeout=30_000)
        grid.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        box = grid.bounding_box()
        # Keyboard editing of the grid: select a row's first cell, walk to the column, Enter
        # opens the cell's editor (a textarea over the canvas), Enter again keeps the text.
        # Columns shown: 行号, 统一社会信用代码, 所在区县 (only those with errors).
        for row, steps, text in ((0, 2, "赤坎区"), (1, 1, code)):
            page.mouse.click(box["x"] + 20, box["y"] + 35 * (row + 1) + 17)
            for _ in range(steps):
                page.wait_for_timeout(150)  # a loaded machine drops keys pressed too fast
                page.keyboard.press("ArrowRight")
            page.wait_for_timeout(150)
            page.keyboard.press("Enter")
            editor = page.locator("textarea.gdg-input")
            editor.wait_for(timeout=10_000)
            editor.fill(text)
            page.keyboard.press("Enter")
            editor.wait_for(state="detached", timeout=10_000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "upload-fix.png"))
        page.get_by_role("button", name="应用修改并重新校验").click()
        page.get_by_text("正在使用页面中修正后的文件").wait_for(timeout=30_000)
        page.locator('[data-testid="stMetricValue"]').nth(2).wait_for(timeout=30_000)
        # Row 3 now replaces its institution's county; row 4 is a new institution.
        assert page.locator('[data-testid="stMetricValue"]').all_inner_texts()[:3] == ["1", "1", "3"]
        page.get_by_role("button", name="确认导入").click()
        page.get_by_text("新增 1 条，替换 1 条").wait_for(timeout=30_000)
        page.get_by_role("link", name="导入记录").click()
        choice = page.get_by_label("选择要撤销的批次")
        choice.wait_for(timeout=30_000)
        assert choice.input_value().endswith("单位名录，typos_已修正.csv")


def test_a_workbook_offers_its_sheets(staff_app):
    with browser_page() as page:
        log_in(page, staff_app)
        page.get_by_label("数据类别").click()
        page.get_by_role("option", name="技术合同").click()
        page.locator('input[type="file"]').set_input_files(str(CORPUS / "multi_sheet_forced.xlsx"))
        sheet = page.get_by_role("combobox", name="工作表")
        sheet.wait_for(timeout=30_000)
        assert sheet.input_value() == "2024年"  # both fit: the first is chosen
        page.get_by_text("工作表：2024年").wait_for(timeout=30_000)
        sheet.click()
        page.get_by_role("option", name="2025年").click()
        page.get_by_text("工作表：2025年").wait_for(timeout=30_000)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=30_000)
        assert page.locator('[data-testid="stMetricValue"]').all_inner_texts()[:3] == ["1", "0", "0"]
        page.screenshot(path=str(ARTIFACTS / "upload-sheets.png"), full_page=True)


def contracts_file(path, prefix: str, count: int):
    header = TINY["contracts"][0]  # the office's own template
    rows = [header] + [
        [
            f"{prefix}{i:07d}",
            "技术服务合同",
            "技术服务",
            E1,
            "湛江买方有限公司",
            "是",
            "2025-03-01",
            "12.5",
            "",
            "",
        ]
        for i in range(count)
    ]
    return write_csv(path, rows)


def test_a_large_file_shows_each_stage_while_it_is_checked(staff_app, tmp_path):
    path = contracts_file(tmp_path / "contracts-300k.csv", "PB", 300_000)
    with browser_page() as page:
        log_in(page, staff_app)
        page.get_by_label("数据类别").click()
        page.get_by_role("option", name="技术合同").click()
        page.locator('input[type="file"]').set_input_files(str(path))
        stage = page.locator('[data-testid="stProgress"]')
        stage.get_by_text("正在").first.wait_for(timeout=30_000)
        seen = stage.inner_text()
        page.screenshot(path=str(ARTIFACTS / "upload-progress.png"))
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=120_000)
        assert page.locator('[data-testid="stMetricValue"]').all_inner_texts()[:3] == ["300,000", "0", "0"]
        assert page.locator('[data-testid="stProgress"]').count() == 0  # gone once checked
    assert any(word in seen for word in ("正在读取文件", "正在逐列校验", "正在比对并写入")), seen


def test_a_double_click_loads_the_file_once(staff_app, tmp_path):
    path = contracts_file(tmp_path / "twice.csv", "DC", 100_000)
    with browser_page() as page:
        log_in(page, staff_app)
        page.get_by_label("数据类别").click()
        page.get_by_role("option", name="技术合同").click()
        page.locator('input[type="file"]').set_input_files(str(path))
        commit = page.get_by_role("button", name="确认导入")
        commit.wait_for(timeout=60_000)
        commit.dblclick()
        page.get_by_text("新增 100000 条").wait_for(timeout=60_000)
        page.get_by_role("link", name="导入记录").click()
        page.get_by_label("选择要撤销的批次").wait_for(timeout=30_000)
        page.get_by_label("选择要撤销的批次").click()
        batches = page.get_by_role("option").all_inner_texts()
    assert sum(1 for b in batches if b.endswith("twice.csv")) == 1, batches


def test_the_file_just_loaded_is_known_without_being_read_again(staff_app, tmp_path):
    rows = [list(r) for r in TINY["institutions"]]
    code = make_credit_code("91440882MA0000025")
    rows.append([code, "雷州再传测试有限公司", "企业", "雷州市", "糖业", "否"])
    path = write_csv(tmp_path / "单位再传.csv", rows)
    with browser_page() as page:
        log_in(page, staff_app)
        page.locator('input[type="file"]').set_input_files(str(path))
        page.get_by_role("button", name="确认导入").click()
        page.get_by_text("已导入（批次").wait_for(timeout=60_000)
    with browser_page() as page:  # the same file again, as a colleague might upload it
        log_in(page, staff_app)
        page.locator('input[type="file"]').set_input_files(str(path))
        page.get_by_text("无需再导入").first.wait_for(timeout=60_000)
        assert "此文件与批次" in page.get_by_text("无需再导入").first.inner_text()
        assert page.get_by_role("button", name="确认导入").count() == 0
        page.screenshot(path=str(ARTIFACTS / "upload-same-file.png"), full_page=True)
