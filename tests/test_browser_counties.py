"""The counties page in Chromium: charts at desktop and phone width, a click drills down, a shared link."""

from __future__ import annotations

import json
import re

import pytest

from data_layer.county_map import GEOJSON_ENV, tiles

from .browser import (
    ARTIFACTS,
    browser_page,
    console_problems,
    copy_db,
    running_app,
    tiny_app,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(tiny_file, tmp_path_factory):
    with tiny_app(tiny_file, tmp_path_factory.mktemp("browser-counties")) as url:
        yield url


def wait_for_charts(page, count: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {count}", timeout=60_000
    )


def wait_for_tables(page) -> None:
    """Tables draw on a canvas after the page: wait until each one shown has one, so screenshots
    show them (a table in a closed expander, such as a county's records, draws when opened)."""
    page.wait_for_function(
        """[...document.querySelectorAll('[data-testid="stDataFrame"]')]
             .filter(frame => frame.checkVisibility())
             .every(frame => frame.querySelector('canvas'))""",
        timeout=60_000,
    )
    page.wait_for_timeout(1000)


def tile_label(page, name: str):
    """The label of a county's tile on the map (the first chart)."""
    return page.locator(".js-plotly-plot").first.locator("g.textpoint", has_text=name)


def screenshot(page, name: str, width: int) -> None:
    """The whole page in one picture: Streamlit scrolls inside the page, so make the window tall."""
    page.set_viewport_size({"width": width, "height": 4200})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def click_center(page, locator) -> None:
    """Click where ``locator`` is drawn: Plotly's drag layer on top takes the click, as for a reader."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (390, 844)])
def test_counties_page_draws_map_ranking_and_small_multiples(app_url, width, height):
    with browser_page(width, height) as page:
        page.goto(f"{app_url}/counties")
        wait_for_charts(page, 3)
        page.get_by_text("各区县指标对比").wait_for()
        tile_label(page, "廉江").first.wait_for(timeout=60_000)  # labels come after the chart's frame
        assert tile_label(page, "廉江").count() == 1
        assert page.get_by_text("无需审图号").count() >= 1
        wait_for_tables(page)
        overflow = page.evaluate("document.scrollingElement.scrollWidth")
        assert overflow <= width + 1, f"page is {overflow}px wide at {width}px"
        screenshot(page, f"counties-{width}", width)
        assert not console_problems(page)


def test_clicking_a_tile_opens_the_county_and_back_closes_it(app_url):
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/counties")
        wait_for_charts(page, 3)
        click_center(page, tile_label(page, "霞山"))
        page.wait_for_url(re.compile(r"county_detail=440803"), timeout=30_000)
        page.get_by_text("区县详情：霞山区").wait_for()
        wait_for_charts(page, 5)
        wait_for_tables(page)
        screenshot(page, "counties-detail", 1920)
        page.get_by_role("button", name="返回全部区县").click()
        page.get_by_text("区县详情：霞山区").wait_for(state="detached", timeout=30_000)
        assert "county_detail" not in page.url


def test_clicking_a_ranking_bar_opens_that_county(app_url):
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/counties?county_metric=turnover")
        wait_for_charts(page, 3)
        click_center(page, page.locator(".js-plotly-plot").nth(1).locator("g.point path").last)  # 赤坎区
        page.wait_for_url(re.compile(r"county_detail=440802"), timeout=30_000)
        page.get_by_text("区县详情：赤坎区").wait_for()


def test_selecting_a_table_row_opens_that_county(app_url):
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/counties")
        wait_for_charts(page, 3)
        wait_for_tables(page)
        table = page.locator('[data-testid="stDataFrame"]').first
        table.scroll_into_view_if_needed()
        box = table.bounding_box()
        # The grid is a canvas: click the selection box of the 7th row (廉江市), under a 35 px header.
        page.mouse.click(box["x"] + 12, box["y"] + 35 + 35 * 6 + 17)
        page.wait_for_url(re.compile(r"county_detail=440881"), timeout=30_000)
        page.get_by_text("区县详情：廉江市").wait_for()


def test_a_configured_geojson_map_draws_offline(tiny_file, tmp_path):
    """The office's own boundary map (here nine hand-made rectangles) draws with no tiles fetched."""
    features = [
        {
            "type": "Feature",
            "properties": {"adcode": adcode},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [
                        [110 + c / 5, 21.6 - r / 5],
                        [110.19 + c / 5, 21.6 - r / 5],
                        [110.19 + c / 5, 21.41 - r / 5],
                        [110 + c / 5, 21.41 - r / 5],
                        [110 + c / 5, 21.6 - r / 5],
                    ]
                ],
            },
        }
        for adcode, (c, r) in tiles().items()
    ]
    geojson = tmp_path / "approved.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    db = copy_db(tiny_file, tmp_path)
    env = {"DASHBOARD_DB_PATH": str(db), "DASHBOARD_AS_OF": "2026-06-30", GEOJSON_ENV: str(geojson)}
    with running_app(env) as url, browser_page(1920, 1080) as page:
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{url}/counties?county_detail=440802")
        wait_for_charts(page, 3)
        page.locator(".js-plotly-plot .maplibregl-canvas").first.wait_for(timeout=30_000)
        # A leader reads which kind of map this is; the file's path is for staff only.
        page.get_by_text("地图边界来自本单位配置的标准地图").first.wait_for(timeout=60_000)
        assert page.get_by_text(str(geojson)).count() == 0
        page.wait_for_timeout(2000)
        page.screenshot(path=str(ARTIFACTS / "counties-geojson.png"))
        # Nothing from the internet (blob: URLs are the map's own workers, made in the page).
        assert [r for r in requests if r.startswith("http") and not r.startswith(url)] == []
        assert not console_problems(page)


def test_a_shared_link_restores_filters_metric_and_detail(app_url):
    with browser_page(390, 844) as page:
        page.goto(f"{app_url}/counties?lang=en&period=2025&county_metric=rules&county_detail=440881")
        wait_for_charts(page, 4)
        page.get_by_text("County detail: Lianjiang City").wait_for()
        page.get_by_text("Implementation rules: issued on 2024-05-10").wait_for()
        assert page.get_by_text("Implementation rules issued").count() >= 1  # the chosen metric
        assert page.get_by_text("End of 2025").count() >= 1
        wait_for_tables(page)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 391
        screenshot(page, "counties-shared-link", 390)
