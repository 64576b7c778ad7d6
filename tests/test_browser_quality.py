"""The data quality page in a browser: both charts drawn, a bar opens its records and the URL names them."""

from __future__ import annotations

import pytest

from .browser import ARTIFACTS, app_env, browser_page, log_in, require_browser, running_app, staff_db
from .test_browser_filings import click_bar, shoot, wait_for_charts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(tiny_file, tmp_path_factory):
    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    env = {
        **app_env(staff_db(tiny_file, tmp_path_factory.mktemp("browser-quality"))),
        "DASHBOARD_AS_OF": "2026-12-31",
    }
    with running_app(env) as url:  # by 2026-12-31 two checks find gaps: indicators and filings
        yield url


def test_a_bar_opens_its_records_and_puts_them_in_the_url(app_url):
    with browser_page() as page:
        log_in(page, app_url)  # a login lasts for its session: the page is reached by its link
        page.get_by_role("link", name="数据质量").click()
        wait_for_charts(page, 2)
        page.get_by_text("各项检查发现的记录").first.wait_for(timeout=60_000)
        shoot(page, "quality")
        chart = page.locator(".js-plotly-plot").filter(has_text="各项检查发现的记录")
        bars = chart.locator("g.trace.bars g.point path")
        # The bars run down the checks in order; the last drawn one is 备案产品缺上年产值.
        assert bars.count() == 7
        click_bar(page, bars.nth(6))
        page.wait_for_url("**check=filings_no_output**", timeout=60_000)
        page.get_by_text("共 3 件").first.wait_for(timeout=60_000)
        shoot(page, "quality-filings")
