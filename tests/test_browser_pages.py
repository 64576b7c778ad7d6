"""Every page a viewer can open, in Chromium, for every region pack: it draws its charts and the
console stays clean.

Zhanjiang runs on the tiny hand-made data, the other packs on their generated samples
(``pack_files``). Screenshots are kept in tests/artifacts/pages-<pack>-<page>.png for the developer.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from data_layer import regions
from data_layer.db import Database
from data_layer.i18n import t
from data_layer.kpis import division_kpis
from data_layer.scope import Scope

from .browser import (
    ARTIFACTS,
    browser_page,
    console_problems,
    copy_db,
    require_browser,
    running_app,
)
from .conftest import APP_AS_OF, PACK_AS_OF, region_names

pytestmark = pytest.mark.browser

# url path -> (charts the default view draws at least, the key of a heading it shows)
PAGES = {
    "": (5, "ui.overview.title"),
    "overview": (5, "ui.overview.title"),
    "measures": (1, "ui.measures.title"),
    "institutions": (2, "ui.institutions.title"),
    "counties": (2, "ui.counties.title"),
    "filings": (4, "ui.filings.title"),
    "method": (0, "ui.method.title"),
    "briefing": (1, "ui.briefing.title"),
    "briefing?present=1&slide=7": (1, "ui.slides.area_title"),
}


@pytest.fixture(scope="module", params=region_names())
def pack_app(request, tiny_file, pack_files, tmp_path_factory):
    """(pack, URL) of the app running that pack: Zhanjiang on the tiny data, others on their samples."""
    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pack = request.param
    source = tiny_file if pack == regions.DEFAULT_PACK else pack_files(pack)
    db = copy_db(source, tmp_path_factory.mktemp(f"pages-{pack}"))
    as_of = APP_AS_OF if pack == regions.DEFAULT_PACK else PACK_AS_OF
    env = {"DASHBOARD_DB_PATH": str(db), "DASHBOARD_AS_OF": as_of, regions.ENV: pack}
    with running_app(env) as url:
        yield pack, url


def heading(key: str, pack: str, monkeypatch) -> str:
    """The heading in the pack's words (the first task area's for the area slide)."""
    monkeypatch.setenv(regions.ENV, pack)
    if key == "ui.slides.area_title":
        return regions.pack(pack).plan.areas[0].name_zh
    return t(key, "zh")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_draws_its_charts_without_console_errors(pack_app, path, monkeypatch):
    pack, app_url = pack_app
    charts, key = PAGES[path]
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/{path}")
        page.get_by_text(heading(key, pack, monkeypatch)).first.wait_for(timeout=90_000)
        if charts:
            page.wait_for_function(
                f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}", timeout=60_000
            )
        page.wait_for_load_state("networkidle")
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
        name = path.split("?")[0] or "home"
        name += "-present" if "present" in path else ""
        page.screenshot(path=str(ARTIFACTS / f"pages-{pack}-{name}.png"))
        assert not console_problems(page)


def test_a_province_overview_ranking_bar_opens_that_citys_detail(pack_app, pack_files, monkeypatch):
    pack, app_url = pack_app
    region = regions.pack(pack)
    monkeypatch.setenv(regions.ENV, pack)
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/overview")
        page.wait_for_function(
            "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 5", timeout=90_000
        )
        if region.level == "city":  # a city ranks its counties on the counties page only
            assert page.get_by_text(t("ui.overview.ranking.heading", "zh")).count() == 0
            return
        page.get_by_text(t("ui.overview.ranking.heading", "zh")).wait_for(timeout=90_000)
        page.wait_for_function(
            "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 10", timeout=90_000
        )
        # The first ranking is K1's; its top bar is the city with the most enterprises.
        db = Database(pack_files(pack), read_only=True)
        try:
            rows = division_kpis(db, Scope(as_of=dt.date.fromisoformat(PACK_AS_OF), region=pack))
        finally:
            db.close()
        top = max(rows, key=lambda r: (r.kpis[0].value or 0, r.adcode)).adcode
        page.screenshot(path=str(ARTIFACTS / f"pages-{pack}-overview-ranking.png"), full_page=True)
        bars = page.locator(".js-plotly-plot").nth(0).locator("g.point path")
        bars.last.scroll_into_view_if_needed()
        box = bars.last.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url(re.compile(rf"/counties\?.*county_detail={top}"), timeout=60_000)
        name = next(d.name_zh for d in region.divisions if d.code == top)
        page.get_by_text(t("ui.counties.detail_heading", "zh", county=name)).first.wait_for(timeout=90_000)
        assert not console_problems(page)
