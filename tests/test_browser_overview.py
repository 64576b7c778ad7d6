"""What only a browser shows: charts drawn, filters kept in the URL, a shared link reopened."""

from __future__ import annotations

import json
import re

import pytest

from .browser import (
    ARTIFACTS,
    ROOT,
    browser_page,
    console_problems,
    tiny_app,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(tiny_file, tmp_path_factory):
    with tiny_app(tiny_file, tmp_path_factory.mktemp("browser")) as url:
        yield url


def wait_for_charts(page, count: int) -> None:
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {count}", timeout=60_000
    )


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (390, 844)])
def test_overview_draws_cards_and_charts(app_url, width, height):
    with browser_page(width, height) as page:
        page.goto(app_url)
        wait_for_charts(page, 5)
        page.get_by_text("备案产品数").first.wait_for()
        assert page.locator('[data-testid="stMetric"]').count() == 5
        assert page.get_by_text("示例数据").count() == 0
        page.screenshot(path=str(ARTIFACTS / f"overview-{width}.png"), full_page=True)
        assert not [e for e in page.console_errors if "favicon" not in e]


def no_page_not_found(page) -> bool:
    """Streamlit's "Page not found" is a modal section[role=dialog] (data-testid stDialog).

    It is sent before the page runs, so once the charts are drawn it would be showing.
    """
    return page.get_by_role("dialog").count() == 0 and page.get_by_text("Page not found").count() == 0


def test_a_page_url_opened_directly_keeps_the_router_and_filters(app_url):
    with browser_page() as page:
        page.goto(f"{app_url}/overview?county=440881&period=2025")
        wait_for_charts(page, 5)
        assert no_page_not_found(page)
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0  # no legacy page list
        page.get_by_text("范围：廉江市｜统计时点：2025年末").wait_for()
        assert page.get_by_label("区县").count() >= 1


def test_filters_go_into_the_url_and_a_shared_link_restores_them(app_url):
    with browser_page() as page:
        page.goto(app_url)
        wait_for_charts(page, 5)
        page.get_by_label("统计时点").first.click()
        page.get_by_role("option", name="2024年末").click()
        page.wait_for_url(re.compile(r"period=2024"), timeout=30_000)
        page.get_by_text("2 件").first.wait_for()
        shared = page.url
        # The sidebar filters must still be there after the rerun.
        assert page.get_by_label("区县").count() >= 1
    with browser_page() as page:
        page.goto(shared)
        wait_for_charts(page, 5)
        page.get_by_text("2024年末").first.wait_for()
        page.get_by_text("2 件").first.wait_for()
        page.screenshot(path=str(ARTIFACTS / "overview-shared-link.png"), full_page=True)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (390, 844)])
def test_method_page_reads_on_a_phone_and_a_wall(app_url, width, height):
    with browser_page(width, height) as page:
        page.goto(f"{app_url}/method")
        page.get_by_text("驻湛高校、科研院所专利产业化率").first.wait_for(timeout=60_000)
        page.get_by_text("不等同于国家知识产权局专利调查").first.wait_for()
        assert no_sideways_scroll(page)
        page.screenshot(path=str(ARTIFACTS / f"method-{width}.png"))
        assert not console_problems(page)


def test_the_overview_on_a_phone_does_not_scroll_sideways(app_url):
    with browser_page(390, 844) as page:
        page.goto(app_url)
        wait_for_charts(page, 5)
        assert no_sideways_scroll(page)


TABS = (
    ("", "总览 · 湛江专利转化监测"),
    ("/overview", "总览 · 湛江专利转化监测"),
    ("/measures", "四大任务 · 湛江专利转化监测"),
    ("/method?lang=en", "Method · Zhanjiang Patent Monitor"),
)

STREAMLIT_MENUS = ("stMainMenu", "stAppDeployButton")  # the "⋮" menu and the Deploy button


def test_each_tab_names_its_page_with_the_dashboards_icon_and_no_streamlit_menus(app_url):
    icon = (ROOT / "assets" / "favicon.png").read_bytes()
    with browser_page() as page:
        for path, title in TABS:
            page.goto(f"{app_url}{path}")
            page.wait_for_function(f"document.title === {json.dumps(title)}", timeout=60_000)
            assert no_page_not_found(page)
            hrefs = page.eval_on_selector_all('link[rel~="icon"]', "links => links.map(l => l.href)")
            assert hrefs, "no favicon link"
            for href in hrefs:
                response = page.request.get(href)
                assert response.ok and response.body() == icon, href
            # .streamlit/config.toml: toolbarMode = "minimal" (the "⋮" menu and Deploy are Streamlit's).
            page.locator('[data-testid="stToolbar"]').wait_for(state="attached")
            shown = [m for m in STREAMLIT_MENUS if page.locator(f'[data-testid="{m}"]').count()]
            assert not shown, path


def test_kpi_cards_show_whole_values_and_names_on_a_laptop(app_url):
    """Five cards in a row at 1280 px: values and names wrap rather than end in "…"."""
    with browser_page(1280, 800) as page:
        page.goto(app_url)
        wait_for_charts(page, 5)
        cut = page.evaluate(
            """() => [...document.querySelectorAll(
                  '[data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] *')]
                .filter(e => getComputedStyle(e).overflow === 'hidden' && e.scrollWidth > e.clientWidth + 1)
                .map(e => e.textContent)"""
        )
        assert cut == []
        page.screenshot(path=str(ARTIFACTS / "overview-1280.png"))


MODEBAR_DISPLAY = """() => [...document.querySelectorAll('.modebar-container')]
    .map(e => getComputedStyle(e).display)"""
MENU_LABEL = """() => getComputedStyle(
    document.querySelector('[data-testid="stExpandSidebarButton"]'), '::after').content"""


@pytest.mark.parametrize(("lang", "label"), [("zh", "页面与筛选"), ("en", "Pages & filters")])
def test_on_a_phone_the_menu_is_labelled_and_no_toolbar_covers_a_chart(app_url, lang, label):
    """At 390 px Streamlit folds the page links into the sidebar behind a "»" button: it says what
    it opens; Plotly's toolbar, which would sit over a chart's title, is not shown even on a tap."""
    with browser_page(390, 844) as page:
        page.goto(f"{app_url}/?lang={lang}")
        wait_for_charts(page, 5)
        button = page.locator('[data-testid="stExpandSidebarButton"]')
        assert button.is_visible()
        assert page.evaluate(MENU_LABEL) == json.dumps(label, ensure_ascii=False)
        chart = page.locator(".js-plotly-plot").first
        chart.scroll_into_view_if_needed()
        chart.hover()
        shown = page.evaluate(MODEBAR_DISPLAY)
        assert shown and set(shown) == {"none"}
        button.click()
        links = page.locator('[data-testid="stSidebarNavLink"]')
        links.first.wait_for(state="visible")
        assert links.count() >= 7  # overview and the six analysis pages


def test_on_a_laptop_the_pages_stay_on_top_and_the_toolbar_shows_on_hover(app_url):
    with browser_page(1280, 800) as page:
        page.goto(app_url)
        wait_for_charts(page, 5)
        assert page.locator('[data-testid="stTopNav"]').is_visible()
        chart = page.locator(".js-plotly-plot").first
        chart.hover()
        assert "block" in page.evaluate(MODEBAR_DISPLAY)
