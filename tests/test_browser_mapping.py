"""Files of other systems in a real browser: map an unknown file's columns by hand and save the
mapping; the next file with the same headers loads without asking. Names that match no
institution are resolved in the page (pick an existing one, create a new one)."""

from __future__ import annotations

import pytest

from data_layer.db import Database
from data_layer.identifiers import make_app_no

from .browser import ARTIFACTS, browser_page, log_in, staff_app
from .conftest import ROOT, U1, write_csv

pytestmark = pytest.mark.browser

# A county office's own contract ledger: no header the dashboard knows for most fields.
LEDGER = ["编号", "项目", "类别", "卖方单位", "买方单位", "买方属地", "签订日期", "金额（万元）", "专利号"]


def ledger_rows(prefix: str, count: int) -> list[list[str]]:
    return [LEDGER] + [
        [
            f"{prefix}-{i:03d}",
            f"海洋监测技术服务{i}",
            "技术服务",
            "湛江测试大学",
            "湛江买方有限公司" if i % 2 else "广州买方有限公司",
            "湛江市霞山区" if i % 2 else "广州市天河区",
            "2025-06-01",
            "12.5",
            "",
        ]
        for i in range(1, count + 1)
    ]


def choose(page, label: str, option: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option", name=option, exact=True).click()


def choose_kind(page, kind: str) -> None:
    page.get_by_label("数据类别").click()
    page.get_by_role("option", name=kind, exact=True).click()


def test_map_columns_by_hand_save_and_reuse(tiny_file, tmp_path):
    path = tmp_path / "browser.duckdb"
    first = write_csv(tmp_path / "县合同台账-1.csv", ledger_rows("LJ", 4))
    second = write_csv(tmp_path / "县合同台账-2.csv", ledger_rows("LK", 3))
    with staff_app(tiny_file, tmp_path) as url, browser_page() as page:
        log_in(page, url)
        choose_kind(page, "技术合同")
        page.locator('input[type="file"]').set_input_files(str(first))
        # The mapping step is open because required columns are missing.
        page.get_by_role("button", name="应用映射并重新校验").wait_for(timeout=60_000)
        # Suggested from the values: 签订日期 parses as dates, 类别 as contract types.
        assert page.get_by_label("登记日期 *", exact=True).input_value() == "列：签订日期"
        assert page.get_by_label("合同类型 *", exact=True).input_value() == "列：类别"
        choose(page, "合同登记号 *", "列：编号")
        choose(page, "合同名称 *", "列：项目")
        choose(page, "卖方名称", "列：卖方单位")
        choose(page, "买方名称 *", "列：买方单位")
        choose(page, "买方所在地区", "列：买方属地")
        choose(page, "合同成交额（万元） *", "列：金额（万元）")
        page.get_by_label("保存为数据来源配置（选填名称）", exact=True).fill("某县合同台账")
        page.screenshot(path=str(ARTIFACTS / "upload-mapping.png"), full_page=True)
        page.get_by_role("button", name="应用映射并重新校验").click()
        page.get_by_text("已保存数据来源配置“某县合同台账”").wait_for(timeout=60_000)
        page.get_by_text("识别为：某县合同台账").wait_for(timeout=60_000)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=60_000)
        assert page.locator('[data-testid="stMetricValue"]').all_inner_texts()[:3] == ["4", "0", "0"]
        page.screenshot(path=str(ARTIFACTS / "upload-mapped.png"), full_page=True)
        page.get_by_role("button", name="确认导入").click()
        page.get_by_text("新增 4 条").wait_for(timeout=60_000)

        # A second file with the same headers: recognized, nothing to map, loads at once.
        log_in(page, url)  # a fresh page: a new session
        choose_kind(page, "技术合同")
        page.locator('input[type="file"]').set_input_files(str(second))
        page.get_by_text("识别为：某县合同台账").wait_for(timeout=60_000)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=60_000)
        assert page.locator('[data-testid="stMetricValue"]').all_inner_texts()[:3] == ["3", "0", "0"]
        assert not page.get_by_role("button", name="应用映射并重新校验").is_visible()  # folded away
        page.get_by_role("button", name="确认导入").click()
        page.get_by_text("新增 3 条").wait_for(timeout=60_000)
    db = Database(path, read_only=True)
    try:
        rows = db.rows(
            """SELECT contract_no, seller_code, buyer_local FROM contracts
               WHERE contract_no LIKE 'L%' ORDER BY 1"""
        )
    finally:
        db.close()
    assert [r[0] for r in rows] == [
        *(f"LJ-{i:03d}" for i in range(1, 5)),
        *(f"LK-{i:03d}" for i in range(1, 4)),
    ]
    assert {r[1] for r in rows} == {U1}  # 湛江测试大学 matched by name
    assert [r[2] for r in rows[:4]] == [True, False, True, False]  # from 买方属地


def test_unmatched_names_are_resolved_in_the_page(tiny_file, tmp_path):
    path = tmp_path / "browser.duckdb"
    numbers = [make_app_no(2025, "2", n) for n in (901, 902, 903)]
    rows = [
        ["申请号", "专利名称", "专利类型", "申请日", "授权日", "失效日", "专利权人", "申请人地址"],
        [
            numbers[0],
            "一种海水取样器",
            "实用新型",
            "2025-01-02",
            "2025-05-06",
            "",
            "湛江测试大学",
            "湛江市赤坎区",
        ],
        [
            numbers[1],
            "一种潮位计",
            "实用新型",
            "2025-01-03",
            "2025-05-07",
            "",
            "湛江测试学院",
            "湛江市赤坎区",
        ],
        [
            numbers[2],
            "一种网箱",
            "实用新型",
            "2025-01-04",
            "2025-05-08",
            "",
            "湛江新创海洋科技有限公司",
            "广东省湛江市麻章区湖光路1号",
        ],
    ]
    file = write_csv(tmp_path / "专利清单.csv", rows)
    with staff_app(tiny_file, tmp_path) as url, browser_page() as page:
        log_in(page, url)
        choose_kind(page, "专利")
        page.locator('input[type="file"]').set_input_files(str(file))
        page.get_by_text("名称匹配：2 个名称未对应到单位").wait_for(timeout=60_000)
        grid = page.locator('.st-key-upload-names-editor [data-testid="stDataFrameResizable"]')
        grid.wait_for(timeout=30_000)
        grid.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        box = grid.bounding_box()
        # Row 1 is 湛江测试学院 (the university's former name): type the existing institution.
        page.mouse.click(box["x"] + 20, box["y"] + 35 + 17)
        for _ in range(3):
            page.wait_for_timeout(150)
            page.keyboard.press("ArrowRight")
        page.wait_for_timeout(150)
        page.keyboard.press("Enter")
        cell = page.locator("textarea.gdg-input")
        cell.wait_for(timeout=10_000)
        cell.fill("湛江测试大学")
        page.keyboard.press("Enter")
        cell.wait_for(state="detached", timeout=10_000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "upload-names.png"), full_page=True)
        # Row 2 keeps its suggestion: a new enterprise in 麻章区 (from the address).
        page.get_by_role("button", name="保存名称匹配并重新校验").click()
        page.get_by_text("已记住 2 个名称的处理，新建单位 1 家").wait_for(timeout=60_000)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=60_000)
        assert page.locator('[data-testid="stMetricValue"]').all_inner_texts()[:3] == ["3", "0", "0"]
        page.get_by_role("button", name="确认导入").click()
        page.get_by_text("新增 3 条").wait_for(timeout=60_000)
    db = Database(path, read_only=True)
    try:
        holders = dict(
            db.rows("SELECT app_no, holder_code FROM patent_holders WHERE app_no IN (?, ?, ?)", numbers)
        )
        created = db.rows("SELECT kind, county FROM institutions WHERE name = '湛江新创海洋科技有限公司'")
        alias = db.scalar("SELECT credit_code FROM party_aliases WHERE alias = '湛江测试学院'")
    finally:
        db.close()
    assert holders[numbers[0]] == U1 and holders[numbers[1]] == U1
    assert created == [("enterprise", "440811")]
    assert alias == U1


def test_an_export_given_the_wrong_kind_says_which_kind_it_is(tiny_file, tmp_path):
    export = tmp_path / "incopat.csv"
    export.write_bytes((ROOT / "tests" / "exports" / "incopat.csv").read_bytes())
    with staff_app(tiny_file, tmp_path) as url, browser_page() as page:
        log_in(page, url)
        choose_kind(page, "技术合同")
        page.locator('input[type="file"]').set_input_files(str(export))
        page.get_by_text("此文件像是“incoPat 导出”，属于“专利”").wait_for(timeout=60_000)
        choose_kind(page, "专利")
        page.get_by_text("识别为：incoPat 导出").wait_for(timeout=60_000)
        page.get_by_text("名称匹配：2 个名称未对应到单位").wait_for(timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "upload-incopat.png"), full_page=True)
