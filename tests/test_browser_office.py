"""The app in an office: data written by another process shows in open pages without a restart."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .browser import ARTIFACTS, ROOT, browser_page, copy_db, require_browser, running_app
from .conftest import E1, TINY, app_no, write_csv

pytestmark = pytest.mark.browser


def k2(page) -> str:
    """The 备案产品数 card's value (K2, the second card)."""
    return page.locator('[data-testid="stMetricValue"]').nth(1).inner_text()


def count(card_value: str) -> int:
    """``"5 件"`` -> 5."""
    return int(card_value.split()[0].replace(",", ""))


def test_a_command_line_import_shows_in_an_open_page_at_its_next_rerun(tiny_file, tmp_path):
    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = copy_db(tiny_file, tmp_path)
    with (
        running_app({"DASHBOARD_DB_PATH": str(path), "DASHBOARD_AS_OF": "2026-06-30"}) as url,
        browser_page() as page,
    ):
        page.goto(url)
        page.locator('[data-testid="stMetricValue"]').nth(4).wait_for(timeout=90_000)
        before = k2(page)
        rows = [list(r) for r in TINY["filings"]]
        rows.append(["F9", "新产品", E1, "2025-01-01", "家电", "是", app_no(8), "", ""])
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "data_layer",
                "--db",
                str(path),
                "import",
                str(write_csv(tmp_path / "filings.csv", rows)),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        # The same browser session, not a new one: a rerun (Streamlit's R key) reads the new data.
        page.keyboard.press("r")
        page.wait_for_function(
            f"""() => {{
                const v = document.querySelectorAll('[data-testid="stMetricValue"]')[1];
                return v && v.innerText !== {before!r};
            }}""",
            timeout=90_000,
        )
        assert count(k2(page)) == count(before) + 1
        page.screenshot(path=str(ARTIFACTS / "office-cli-import.png"), full_page=True)
