"""溯源 in a browser: a card's link opens its records, and the page's URL opens them again."""

from __future__ import annotations

import datetime as dt

import pytest

from .browser import browser_page, tiny_app
from .test_browser_filings import shoot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(tiny_file, tmp_path_factory):
    with tiny_app(tiny_file, tmp_path_factory.mktemp("browser-records")) as url:
        yield url


def test_a_cards_link_opens_its_records_and_the_url_opens_them_again(app_url):
    with browser_page() as page:
        page.goto(f"{app_url}/overview?county=440802")
        card = page.locator(".st-key-overview-card-K4")
        card.get_by_role("link", name="查看记录").click(timeout=60_000)
        page.wait_for_url("**/records?**figure=K4**", timeout=60_000)
        assert "county=440802" in page.url
        total = page.get_by_text("件已产业化 ÷")
        total.first.wait_for(timeout=60_000)
        said = total.first.inner_text()
        shoot(page, "records-K4")
        link = page.url
        page.goto(link)
        page.get_by_text("件已产业化 ÷").first.wait_for(timeout=60_000)
        assert page.get_by_text("件已产业化 ÷").first.inner_text() == said
        # 赤坎区 on 2026-06-30: U1's patents 1, 3, 4, 11 valid, 1, 4, 11 industrialized.
        assert said.startswith("3 件已产业化 ÷ 4 件有效专利 = 75.0%"), said


def test_the_institutions_rate_opens_its_patents_and_a_day_as_it_stood_is_in_the_url(app_url):
    """From the institutions page to the universities' patents; then the same link with a day."""
    with browser_page() as page:
        page.goto(f"{app_url}/institutions?inst_kind=university")
        page.get_by_role("link", name="查看记录").first.click(timeout=60_000)
        page.wait_for_url("**/records?**figure=RATE**", timeout=60_000)
        assert "inst_kind=university" in page.url
        total = page.get_by_text("件已产业化 ÷").first
        total.wait_for(timeout=60_000)
        # 2026-06-30: the one university U1 holds patents 1, 3, 4, 11 valid, 1, 4, 11 industrialized
        # (the tiny dataset's only university).
        assert total.inner_text().startswith("3 件已产业化 ÷ 4 件有效专利 = 75.0%"), total.inner_text()
        shoot(page, "records-RATE")
        # recorded when the tiny data loaded (the real day: the app's "today" is frozen before it)
        day = dt.date.today().isoformat()
        page.goto(f"{app_url}/records?figure=K1&period=2025&stood={day}")
        line = page.get_by_text("与现在相同").first  # unchanged since
        line.wait_for(timeout=60_000)
        assert "时为 2 家" in line.inner_text()  # the day may be the one before, if run over midnight
