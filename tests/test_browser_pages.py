"""Every page a viewer can open, in Chromium: it draws its charts and the console stays clean.

Screenshots of each page are kept in tests/artifacts/pages-<page>.png for the developer.
"""

from __future__ import annotations

import pytest

from .browser import (
    ARTIFACTS,
    browser_page,
    console_problems,
    tiny_app,
)

pytestmark = pytest.mark.browser

# url path -> (charts the default view draws at least, a heading it shows)
PAGES = {
    "": (5, "专项行动总览"),
    "overview": (5, "专项行动总览"),
    "measures": (1, "四大任务与十二条措施"),
    "institutions": (2, "高校院所专利产业化"),
    "counties": (2, "区县对比"),
    "filings": (4, "专利产品备案与技术合同"),
    "method": (0, "指标说明"),
    "briefing": (1, "汇报模式"),
    "briefing?present=1&slide=7": (1, "任务一"),
}


@pytest.fixture(scope="module")
def app_url(tiny_file, tmp_path_factory):
    with tiny_app(tiny_file, tmp_path_factory.mktemp("pages")) as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_every_page_draws_its_charts_without_console_errors(app_url, path):
    charts, heading = PAGES[path]
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/{path}")
        page.get_by_text(heading).first.wait_for(timeout=60_000)
        if charts:
            page.wait_for_function(
                f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}", timeout=60_000
            )
        page.wait_for_load_state("networkidle")
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
        name = path.split("?")[0] or "home"
        page.screenshot(path=str(ARTIFACTS / f"pages-{name}{'-present' if 'present' in path else ''}.png"))
        assert not console_problems(page)
