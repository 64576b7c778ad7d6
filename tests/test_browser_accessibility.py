"""Every page, in Chinese and in English, at 1920×1080, passes axe-core's WCAG 2.1 A/AA rules
with no serious or critical violation.

The app runs on the bundled sample data (so the 示例数据 marker shows too) with a staff
account, so the staff pages are checked after logging in. Each page's axe report is kept in
``tests/artifacts/axe/<page>-<lang>.json`` beside a screenshot ``<page>-<lang>.png``.
"""

from __future__ import annotations

import json

import pytest

from data_layer.db import Database
from data_layer.i18n import t
from data_layer.ingest import load_folder
from data_layer.users import add_user

from . import axe
from .browser import ARTIFACTS, STAFF_PASSWORD, browser_page, require_browser, running_app
from .conftest import ROOT

pytestmark = pytest.mark.browser

AS_OF = "2026-09-30"  # the sample's reports run to 2026Q3
TIMEOUT = 120_000  # ms; generous, the machine may be busy
REPORTS = ARTIFACTS / "axe"

# Pages anyone can open: name -> (url path, the i18n key of the heading it shows, charts it draws).
PUBLIC = {
    "overview": ("overview", "ui.overview.title", 5),
    "measures": ("measures", "ui.measures.title", 1),
    "institutions": ("institutions", "ui.institutions.title", 2),
    "counties": ("counties", "ui.counties.title", 2),
    "filings": ("filings", "ui.filings.title", 4),
    "briefing": ("briefing", "ui.briefing.title", 1),
    "briefing-present": ("briefing?present=1&slide=1", None, 1),
    "method": ("method", "ui.method.title", 0),
    "login": ("login", "ui.login.title", 0),
}
# Staff pages, reached after logging in: name -> (i18n key of its navigation link, of its heading).
STAFF = {
    "upload": ("ui.nav.upload", "ui.upload.title"),
    "history": ("ui.nav.history", "ui.history.title"),
    "export": ("ui.nav.export", "ui.export.title"),
    "audit": ("ui.nav.audit", "ui.audit.title"),
    "reporting": ("ui.nav.reporting", "ui.nav.reporting"),
}
LANGS = ("zh", "en")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    require_browser()
    axe.axe_script()  # skip (or fail under CI) at once when axe-core cannot be had
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path_factory.mktemp("browser-accessibility") / "sample.duckdb"
    db = Database(path)
    load_folder(db, ROOT / "sample_data")
    add_user(db, "li", STAFF_PASSWORD, display_name="李工")
    db.close()
    with running_app({"DASHBOARD_DB_PATH": str(path), "DASHBOARD_AS_OF": AS_OF}, timeout=120) as url:
        yield url


def settle(page, charts: int = 0) -> None:
    """Wait until the script has finished: charts drawn, nothing running, nothing stale."""
    if charts:
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}", timeout=TIMEOUT
        )
    page.wait_for_load_state("networkidle", timeout=TIMEOUT)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 && !document.querySelector('[data-stale="true"]')
                 && !document.querySelector('[data-testid="stSkeleton"]')""",
        timeout=TIMEOUT,
    )
    page.wait_for_timeout(500)  # Plotly's last redraw after the layout settles


def check(page, name: str, lang: str) -> None:
    """Run axe on the page as it stands, keep its report and a screenshot, fail on serious ones.

    Also what axe cannot know: the page declares the reader's language (Streamlit's says
    "en"), and every chart is followed by its text alternative (ui/chart_text.py)."""
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.evaluate("document.documentElement.lang") == ("zh-CN" if lang == "zh" else "en")
    charts = page.locator(".js-plotly-plot").count()
    assert page.locator(".chart-text").count() == charts, "a chart without its text alternative"
    results = axe.run_axe(page)
    report = {"axe": axe.VERSION, "url": results["url"], "violations": results["violations"]}
    (REPORTS / f"{name}-{lang}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    page.screenshot(path=str(REPORTS / f"{name}-{lang}.png"), full_page=True)
    problems = axe.blocking(results)
    assert not problems, f"{name} ({lang}): axe {axe.VERSION} found\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PUBLIC)
def test_public_page_has_no_serious_violation(app_url, name, lang):
    path, heading, charts = PUBLIC[name]
    with browser_page(1920, 1080) as page:
        page.set_default_timeout(TIMEOUT)
        page.goto(f"{app_url}/{path}{'&' if '?' in path else '?'}lang={lang}")
        if heading:
            page.get_by_role("heading", name=t(heading, lang)).first.wait_for(timeout=TIMEOUT)
        settle(page, charts)
        check(page, name, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_staff_pages_have_no_serious_violation(app_url, lang):
    failures = []
    with browser_page(1920, 1080) as page:
        page.set_default_timeout(TIMEOUT)
        page.goto(f"{app_url}/login?lang={lang}")
        page.get_by_label(t("ui.login.username", lang), exact=True).fill("li")
        page.get_by_label(t("ui.login.password", lang), exact=True).fill(STAFF_PASSWORD)
        page.get_by_role("button", name=t("ui.login.submit", lang)).click()
        for name, (link, heading) in STAFF.items():
            # A new page load would start a new session (logged out): follow the navigation.
            page.get_by_role("link", name=t(link, lang)).first.click()
            page.get_by_role("heading", name=t(heading, lang)).first.wait_for(timeout=TIMEOUT)
            settle(page)
            try:
                check(page, name, lang)
            except AssertionError as exc:
                failures.append(str(exc))
    assert not failures, "\n\n".join(failures)


def test_pages_are_reached_with_the_keyboard_and_show_focus(app_url):
    """Tab reaches the language switch, the filters and every page link, each drawn with a
    visible focus indicator; Enter on a link opens its page."""
    with browser_page(1920, 1080) as page:
        page.set_default_timeout(TIMEOUT)
        page.goto(f"{app_url}/overview")
        page.get_by_role("heading", name=t("ui.overview.title", "zh")).first.wait_for(timeout=TIMEOUT)
        settle(page, 5)
        focused = []
        for _ in range(20):
            page.keyboard.press("Tab")
            focused.append(
                page.evaluate(
                    """() => { const e = document.activeElement, s = getComputedStyle(e);
                    return {testid: e.getAttribute("data-testid") || "", text: e.innerText || "",
                            ring: s.outlineStyle !== "none" || s.boxShadow !== "none"}; }"""
                )
            )
        links = [f for f in focused if f["testid"] == "stTopNavLink"]
        assert {t(f"ui.nav.{p}", "zh") for p in PUBLIC if p not in ("briefing-present",)} <= {
            link["text"].split("\n")[-1] for link in links
        }
        assert all(link["ring"] for link in links), links
        measures = t("ui.nav.measures", "zh")
        for _ in range(20):  # back to the measures link
            page.keyboard.press("Shift+Tab")
            if page.evaluate("document.activeElement.innerText").split("\n")[-1] == measures:
                break
        page.keyboard.press("Enter")
        page.get_by_role("heading", name=t("ui.measures.title", "zh")).first.wait_for(timeout=TIMEOUT)
