"""The measures page in a real browser, on the bundled sample data: the grid drawn at desktop and
phone widths, a click on a grid cell opening that measure, and a shared link with filters."""

from __future__ import annotations

import re

import pytest

from data_layer.db import Database
from data_layer.ingest import load_folder

from .browser import ARTIFACTS, browser_page, require_browser, running_app
from .conftest import ROOT

pytestmark = pytest.mark.browser

AS_OF = "2026-09-30"  # the sample's reports run to 2026Q3


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path_factory.mktemp("browser-measures") / "sample.duckdb"
    db = Database(path)
    load_folder(db, ROOT / "sample_data")
    db.close()
    with running_app({"DASHBOARD_DB_PATH": str(path), "DASHBOARD_AS_OF": AS_OF}) as url:
        yield url


def wait_for_charts(page, count: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {count}", timeout=90_000
    )


def page_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (390, 844)])
def test_grid_is_drawn_and_fits(app_url, width, height):
    with browser_page(width, height) as page:
        page.goto(f"{app_url}/measures")
        wait_for_charts(page, 1)
        page.get_by_text("各措施季度进展").first.wait_for()
        assert page.locator(".js-plotly-plot .main-svg").count() >= 1
        # The grid's cells carry a status symbol each: 12 measures × 15 quarters. On a loaded
        # machine the phone layout may draw the chart a second time, so wait for the cells.
        cells = ".js-plotly-plot .heatmaplayer text"
        page.wait_for_function(f"document.querySelectorAll('{cells}').length >= {12 * 15}", timeout=90_000)
        assert page.locator(cells).count() == 12 * 15
        assert page_width(page) <= width + 1
        page.screenshot(path=str(ARTIFACTS / f"measures-{width}.png"), full_page=True)
        # Opened at /measures, Streamlit's client first probes /measures/_stcore/health and
        # host-config (404) before the root ones; nothing else may fail.
        assert not [e for e in page.console_errors if "favicon" not in e and "404" not in e]


def click_cell(page, row: int, column: int) -> None:
    """Click the grid's cell (1-based, of 12 rows and 15 columns) until the page follows it.

    On a loaded machine the grid may still be laid out again after it first draws: a click
    computed from the earlier frame then lands beside the cell, so the box is taken anew.
    """
    from playwright.sync_api import TimeoutError as NotYet

    for _ in range(4):
        area = page.locator(".js-plotly-plot").first.locator(".nsewdrag").first.bounding_box()
        x = area["x"] + area["width"] * ((column - 0.5) / 15)
        y = area["y"] + area["height"] * ((row - 0.5) / 12)
        page.mouse.move(x, y)
        page.mouse.click(x, y)
        try:
            page.wait_for_url(re.compile(rf"measure={row}\b"), timeout=15_000)
            return
        except NotYet:
            continue


def test_clicking_a_cell_opens_the_measure(app_url):
    with browser_page(1920, 1600) as page:
        page.goto(f"{app_url}/measures")
        wait_for_charts(page, 1)
        click_cell(page, row=7, column=15)
        page.wait_for_url(re.compile(r"measure=7"), timeout=60_000)
        page.get_by_text("措施7　开展重点企业专利转化突破行动").first.wait_for()
        wait_for_charts(page, 2)
        page.get_by_text("最新季度 2026Q3：? 暂无数据").first.wait_for()  # measure 7 did not report 2026Q3
        page.screenshot(path=str(ARTIFACTS / "measures-drill.png"), full_page=True)
        page.get_by_role("button", name="返回全部措施").click()
        page.wait_for_url(lambda url: "measure=" not in url, timeout=30_000)
        # The detail (an h3) goes; the measure stays in its area's expander (an h4).
        page.locator("h3", has_text="措施7").wait_for(state="detached", timeout=30_000)


def test_a_shared_link_opens_the_measure_with_its_filters(app_url):
    with browser_page(390, 844) as page:
        page.goto(f"{app_url}/measures?county=440881&period=2025&measure=12&lang=en")
        wait_for_charts(page, 2)
        page.get_by_text("Measure 12: IP finance").first.wait_for()
        page.get_by_text("As of End of 2025 | Quarters 2023Q1 to 2025Q4").first.wait_for()
        page.get_by_text("Lianjiang City").first.wait_for()
        assert page_width(page) <= 391
        page.screenshot(path=str(ARTIFACTS / "measures-shared-link.png"), full_page=True)


def test_an_area_draws_its_measures_when_opened_and_the_link_keeps_it_open(app_url):
    """A closed area costs the server nothing; opening it draws its measures and names it in
    the URL, so the link a leader sends opens the same area."""
    with browser_page(1920, 1600) as page:
        page.goto(f"{app_url}/measures")
        wait_for_charts(page, 1)
        area = page.get_by_text("任务一：优化供给结构，扩大专利转化运用高质量供给").first
        area.wait_for()
        assert page.locator("h4", has_text="措施1").count() == 0
        area.click()
        page.wait_for_url(re.compile(r"area1=true"), timeout=60_000)
        page.locator("h4", has_text="措施1").first.wait_for(timeout=90_000)
        wait_for_charts(page, 2)  # the grid and measure 1's indicators
        page.screenshot(path=str(ARTIFACTS / "measures-area-open.png"), full_page=True)
        url = page.url
    with browser_page(1920, 1600) as page:
        page.goto(url)
        page.locator("h4", has_text="措施1").first.wait_for(timeout=90_000)
        assert page.locator("h4", has_text="措施5").count() == 0  # area 2 stayed closed
