"""Briefing mode in a real browser: one slide per screen at projector sizes, keys, and the exports."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from ui import slides

from .browser import (
    ARTIFACTS,
    browser_page,
    console_problems,
    tiny_app,
)

pytestmark = pytest.mark.browser
TOTAL = len(slides.default_deck())


@pytest.fixture(scope="module")
def app_url(tiny_file, tmp_path_factory):
    with tiny_app(tiny_file, tmp_path_factory.mktemp("briefing")) as url:
        yield url


def wait_for_chart(page) -> None:
    page.wait_for_function(
        "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1", timeout=60_000
    )


def idle(page) -> None:
    """Wait until the app is not running a script (Streamlit's status widget is gone)."""
    page.wait_for_function(
        "!document.querySelector('[data-testid=stStatusWidget]')", timeout=120_000, polling=250
    )


def slide_in_url(page) -> str | None:
    return page.evaluate("new URLSearchParams(location.search).get('slide')")


def press_for_slide(page, key: str, number: int) -> None:
    """Press ``key`` until the URL names slide ``number`` (the rerun writes it in place, with no
    page load to wait for). On a loaded machine a key pressed while the buttons are drawn anew
    can reach none: pressed again only when the app is idle and the URL unchanged, so a slow
    rerun is never taken for a lost key (which would step twice)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = slide_in_url(page)
    for _ in range(3):
        idle(page)
        if slide_in_url(page) != before:
            break
        page.keyboard.press(key)
        try:
            page.wait_for_function(
                f"new URLSearchParams(location.search).get('slide') === '{number}'", timeout=60_000
            )
            return
        except PlaywrightTimeout:
            continue
    assert slide_in_url(page) == str(number), (key, number, page.url)


def counter(page, number: int) -> None:
    page.get_by_text(f"{number} / {TOTAL}", exact=True).wait_for(timeout=120_000)


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_a_slide_fills_one_screen_in_large_type(app_url, width, height):
    with browser_page(width, height) as page:
        page.goto(f"{app_url}/briefing?present=1&slide=2")
        wait_for_chart(page)
        counter(page, 2)
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        assert not page.locator('header[data-testid="stHeader"]').is_visible()
        title = page.locator(".st-key-briefing-slide h1")
        assert title.inner_text() == slides.slide_name("kpi.K1", "zh")
        assert float(title.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px")) >= 28
        # Everything, buttons included, is on the one screen: nothing to scroll at a briefing.
        leave = page.get_by_role("button", name=re.compile("退出汇报")).bounding_box()
        assert leave["y"] + leave["height"] <= height
        chart = page.locator(".st-key-briefing-chart .js-plotly-plot").bounding_box()
        assert chart["height"] >= 0.45 * height and chart["width"] >= 0.85 * width
        page.screenshot(path=str(ARTIFACTS / f"briefing-{width}x{height}.png"))
        assert not console_problems(page)


def test_keys_step_through_the_deck_and_esc_leaves(app_url):
    with browser_page(1280, 720) as page:
        page.goto(f"{app_url}/briefing?present=1")
        wait_for_chart(page)
        counter(page, 1)
        for key, number in (
            ("ArrowRight", 2),
            ("PageDown", 3),
            ("ArrowRight", 4),
            ("ArrowLeft", 3),
            ("PageUp", 2),
        ):
            press_for_slide(page, key, number)
            counter(page, number)
        page.screenshot(path=str(ARTIFACTS / "briefing-keys.png"))
        page.keyboard.press("Escape")
        page.get_by_role("button", name=re.compile("开始汇报")).wait_for(timeout=120_000)
        assert "present=1" not in page.url
        assert not console_problems(page)


def test_the_deck_downloads_as_pptx_with_every_slide(app_url, tmp_path):
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/briefing")
        wait_for_chart(page)
        page.screenshot(path=str(ARTIFACTS / "briefing-setup.png"), full_page=True)
        with page.expect_download(timeout=120_000) as download:
            page.get_by_role("button", name=re.compile("导出 PPTX")).click()
        path = tmp_path / "deck.pptx"
        download.value.save_as(path)
        assert download.value.suggested_filename.endswith("_2026-06-30.pptx")
    prs = Presentation(io.BytesIO(path.read_bytes()))
    pages = list(prs.slides)
    assert len(pages) == 1 + TOTAL
    titles = [next(s.text_frame.text for s in p.shapes if s.has_text_frame) for p in pages[1:]]
    assert titles[:2] == [slides.slide_name("kpis", "zh"), slides.slide_name("kpi.K1", "zh")]
    for page_ in pages[1:]:
        assert sum(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in page_.shapes) == 1
        assert page_.notes_slide.notes_text_frame.text.strip()


def test_one_chart_downloads_as_png_and_svg(app_url, tmp_path):
    with browser_page(1920, 1080) as page:
        page.goto(f"{app_url}/briefing")
        wait_for_chart(page)
        with page.expect_download(timeout=60_000) as png:
            page.get_by_role("button", name=re.compile("下载 PNG")).click()
        with page.expect_download(timeout=60_000) as svg:
            page.get_by_role("button", name=re.compile("下载 SVG")).click()
        png_bytes = (
            (tmp_path / "c.png").read_bytes() if png.value.save_as(tmp_path / "c.png") is None else b""
        )
        svg.value.save_as(tmp_path / "c.svg")
        assert png_bytes.startswith(b"\x89PNG") and png.value.suggested_filename == "kpis.png"
        assert "五项目标进展" in (tmp_path / "c.svg").read_text()
