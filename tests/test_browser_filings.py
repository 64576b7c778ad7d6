"""The filings and contracts page in a browser: charts drawn, phone width, a click, a shared link."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .browser import ARTIFACTS, browser_page, tiny_app

pytestmark = pytest.mark.browser

CHARTS = 8


@pytest.fixture(scope="module")
def app_url(tiny_file, tmp_path_factory):
    with tiny_app(tiny_file, tmp_path_factory.mktemp("browser-filings")) as url:
        yield url


def wait_for_charts(page, count: int = CHARTS) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {count}", timeout=60_000
    )


def chart_titled(page, title: str):
    return page.locator(".js-plotly-plot").filter(has_text=title)


def click_bar(page, bars) -> None:
    """Click the middle of the first drawn bar among ``bars`` (zero-height bars are skipped)."""
    for index in range(bars.count()):
        box = bars.nth(index).bounding_box()
        if box and box["height"] > 2 and box["width"] > 2:
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            return
    raise AssertionError("no bar drawn")


def shoot(page, name: str) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside the app, so grow the viewport first."""
    size = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height + 300)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / f"filings-{name}.png"), full_page=True)
    page.set_viewport_size(size)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (390, 844)])
def test_page_draws_every_chart_and_fits_the_screen(app_url, width, height):
    with browser_page(width, height) as page:
        page.goto(f"{app_url}/filings")
        wait_for_charts(page)
        page.get_by_text("备案产品数").first.wait_for()
        assert page.locator('[data-testid="stMetric"]').count() == 7
        assert page.locator(".js-plotly-plot .main-svg").count() >= CHARTS
        page.get_by_text("4 件").first.wait_for()
        overflow = page.evaluate("document.scrollingElement.scrollWidth")
        assert overflow <= width + 1, f"page is {overflow}px wide at {width}px"
        shoot(page, str(width))
        assert not [e for e in page.console_errors if "favicon" not in e and "404" not in e]


def test_clicking_an_industry_bar_opens_its_filings(app_url):
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/filings")
        wait_for_charts(page)
        chart = chart_titled(page, "各产业备案产品与产值")
        chart.scroll_into_view_if_needed()
        click_bar(page, chart.locator("g.trace.bars g.point path"))  # 家电, the top bar
        page.wait_for_url(re.compile("industry=" + re.escape(quote("家电"))), timeout=30_000)
        page.get_by_text("家电：备案产品 2 件").wait_for()
        # The table draws on a canvas; its cells are in the DOM for screen readers.
        page.get_by_text("智能电饭煲").first.wait_for(state="attached")
        shoot(page, "drill-industry")
        page.get_by_role("button", name="返回").click()
        page.get_by_text("家电：备案产品 2 件").wait_for(state="detached")
        assert "industry=" not in page.url


def test_clicking_a_contract_type_opens_its_contracts(app_url):
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/filings")
        wait_for_charts(page)
        chart = chart_titled(page, "技术合同成交额（按年、按类型）")
        chart.scroll_into_view_if_needed()
        transfer = chart.locator("g.trace.bars").nth(1)  # traces follow the types: 开发, 转让, ...
        click_bar(page, transfer.locator("g.point path"))
        page.wait_for_url(re.compile("contract_type=transfer"), timeout=30_000)
        page.get_by_text("技术转让合同 1 件").wait_for()
        page.get_by_text("专利转让合同").first.wait_for(state="attached")


def test_a_shared_link_restores_filters_and_drill_down(app_url):
    with browser_page(390, 844) as page:
        page.goto(f"{app_url}/filings?county=440881&period=2025&contract_type=development")
        wait_for_charts(page)
        page.get_by_text("范围：廉江市｜统计时点：2025年末").wait_for()
        page.get_by_text("技术开发合同 1 件").wait_for()
        assert page.get_by_text("2 件").count() >= 1  # 廉江市's two filings by the end of 2025
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 391
        shoot(page, "shared-link-390")
