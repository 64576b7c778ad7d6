"""Every page a leader reads, on a phone held upright (390×844) and a wall screen (1920×1080),
in both languages: no text is cut by its box or lies over other text, measured in the browser
from the DOM's line boxes and the charts' SVG text (``layout_check.js``), not only by looking.

Runs on the bundled sample data, whose names and numbers are as long as real ones. Screenshots
are kept in tests/artifacts/layout/ for the developer.
"""

from __future__ import annotations

import pytest

from data_layer.startup import create_database

from .browser import ARTIFACTS, ROOT, browser_page, require_browser, running_app

pytestmark = pytest.mark.browser

CHECK = (ROOT / "tests" / "layout_check.js").read_text(encoding="utf-8")
SHOTS = ARTIFACTS / "layout"
AS_OF = "2026-10-31"
# url path -> charts the page draws at least (on the sample data)
PAGES = {
    "": 5,
    "measures": 1,
    "institutions": 3,
    "counties": 3,
    "filings": 4,
    "method": 0,
    "briefing": 1,
    "briefing?present=1&slide=1": 1,
    "briefing?present=1&slide=7": 1,
}
SCREENS = {"phone": (390, 844), "wall": (1920, 1080)}


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory):
    require_browser()
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path_factory.mktemp("layout") / "sample.duckdb"
    create_database(path, ROOT / "sample_data").close()
    with running_app({"DASHBOARD_DB_PATH": str(path), "DASHBOARD_AS_OF": AS_OF}) as url:
        yield url


def open_settled(page, url: str, charts: int) -> None:
    """Open ``url`` and wait until its charts are drawn and the script has stopped running."""
    page.goto(url)
    page.locator('[data-testid="stMain"]').wait_for(timeout=120_000)
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}", timeout=120_000
        )
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=120_000,
    )
    page.wait_for_timeout(1500)  # Plotly's responsive relayout after the last element arrives


def shot_name(path: str, lang: str, screen: str) -> str:
    name = path.replace("?", "-").replace("&", "-").replace("=", "") or "overview"
    return f"{name}-{lang}-{screen}.png"


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_text_is_cut_or_overlapped(sample_url, path, lang, screen):
    width, height = SCREENS[screen]
    joiner = "&" if "?" in path else "?"
    with browser_page(width, height) as page:
        open_settled(page, f"{sample_url}/{path}{joiner}lang={lang}", PAGES[path])
        page.screenshot(path=str(SHOTS / shot_name(path, lang, screen)))
        assert page.locator('[data-testid="stException"]').count() == 0
        problems = page.evaluate(CHECK)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_first_phone_screen_of_the_overview_shows_all_five_statuses(sample_url, lang):
    with browser_page(*SCREENS["phone"]) as page:
        open_settled(page, f"{sample_url}/?lang={lang}", PAGES[""])
        badges = page.locator(".st-key-overview-statuses [data-testid='stMarkdownContainer']")
        texts = badges.all_inner_texts()
        assert [text.split()[0] for text in texts] == ["K1", "K2", "K3", "K4", "K5"]
        for index in range(badges.count()):
            box = badges.nth(index).bounding_box()
            assert box and box["y"] + box["height"] <= SCREENS["phone"][1], texts[index]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_presented_slide_fits_a_phone(sample_url, lang):
    width, height = SCREENS["phone"]
    with browser_page(width, height) as page:
        open_settled(page, f"{sample_url}/briefing?present=1&slide=1&lang={lang}", 1)
        drawn = [box for box in (c.bounding_box() for c in page.locator(".js-plotly-plot").all()) if box]
        visible = [box for box in drawn if box["width"] > 0]
        # The phone's drawing alone is shown, within the screen's width.
        assert len(visible) == 1 and visible[0]["x"] >= 0 and visible[0]["x"] + visible[0]["width"] <= width
