"""The 高校院所 page in a browser: charts drawn, no overflow on a phone, a click drills down."""

from __future__ import annotations

import re

import pytest

from .browser import (
    ARTIFACTS,
    browser_page,
    console_problems,
    tiny_app,
)
from .conftest import R1, U1

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(tiny_file, tmp_path_factory):
    with tiny_app(tiny_file, tmp_path_factory.mktemp("browser-institutions")) as url:
        yield url


def wait_for_charts(page, count: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {count}", timeout=60_000
    )


def settled(page) -> None:
    """Wait until Streamlit has finished the run (its running indicator is gone)."""
    page.wait_for_function(
        "!document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000, polling=250
    )
    page.wait_for_timeout(300)


def screenshot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its own container, so grow the viewport first."""
    settled(page)
    width = page.viewport_size["width"]
    tallest = "[...document.querySelectorAll('section, [data-testid=stMain]')].map(e => e.scrollHeight)"
    height = page.evaluate(f"Math.max(...{tallest})")
    page.set_viewport_size({"width": width, "height": min(max(height, 800), 6000)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / f"institutions-{name}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (390, 844)])
def test_the_page_draws_its_charts(app_url, width, height):
    with browser_page(width, height) as page:
        page.goto(f"{app_url}/institutions")
        wait_for_charts(page, 3)
        page.get_by_text("产业化率前2名").first.wait_for()
        page.get_by_text("66.7%").first.wait_for()
        page.get_by_text("计算口径").first.wait_for()
        overflow = page.evaluate("document.scrollingElement.scrollWidth")
        assert overflow <= width + 1, f"page is {overflow}px wide at {width}px"
        screenshot(page, str(width))
        assert not console_problems(page)


def test_clicking_a_bar_opens_the_detail_and_back(app_url):
    with browser_page() as page:
        page.goto(f"{app_url}/institutions")
        wait_for_charts(page, 3)
        # The first chart is the ranking; its first (top) bar is U1 at 75 %.
        bar = page.locator(".js-plotly-plot").first.locator(".barlayer .point path").first
        bar.scroll_into_view_if_needed()
        box = bar.bounding_box()
        # Plotly's drag layer lies over the bars: click where the bar is, as a reader does.
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url(re.compile(rf"inst={U1}"), timeout=30_000)
        page.get_by_role("heading", name="湛江测试大学").wait_for()
        wait_for_charts(page, 2)
        page.get_by_text("转让与许可").first.wait_for()
        page.get_by_text("湛江市外：2 笔").first.wait_for()
        screenshot(page, "detail")
        page.get_by_role("button", name="返回排名").click()
        page.wait_for_function("!location.search.includes('inst=')", timeout=30_000)
        page.get_by_text("产业化率前2名").first.wait_for()
        settled(page)
        assert "inst=" not in page.url  # the earlier click does not open the detail again
        assert not console_problems(page)


def test_a_shared_link_with_filters(app_url):
    with browser_page(390, 844) as page:
        page.goto(f"{app_url}/institutions?inst_kind=city_soe&county=440811")
        page.get_by_text("范围：市属国有企业｜麻章区").first.wait_for(timeout=60_000)
        page.get_by_text("没有可比较的产业化率").first.wait_for()
        page.get_by_text("—").first.wait_for()  # no valid patents: no rate, not 0 %
        screenshot(page, "shared-soe")
    with browser_page() as page:
        page.goto(f"{app_url}/institutions?inst={U1}&period=2025&patent_type=invention")
        wait_for_charts(page, 2)
        page.get_by_role("heading", name="湛江测试大学").wait_for()
        page.get_by_text("统计时点：2025年末").first.wait_for()
        page.get_by_text("本页不按专利类型筛选").first.wait_for()
        screenshot(page, "shared-detail")


def test_selecting_a_table_row_opens_the_detail(app_url):
    with browser_page() as page:
        page.goto(f"{app_url}/institutions")
        wait_for_charts(page, 3)
        settled(page)
        table = page.locator('[data-testid="stDataFrame"]').first
        table.scroll_into_view_if_needed()
        box = table.bounding_box()
        # The grid is drawn on a canvas: click the selection box of its second row (R1).
        page.mouse.click(box["x"] + 16, box["y"] + 35 * 2 + 17)
        page.wait_for_url(re.compile(rf"inst={R1}"), timeout=30_000)
        page.get_by_role("heading", name="湛江测试研究院").wait_for()
