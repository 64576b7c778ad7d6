"""The app in an office: data written by another process shows in open pages without a restart."""

from __future__ import annotations

import signal
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


def test_an_upload_killed_with_its_app_process_leaves_the_data_as_it_was(tiny_file, tmp_path):
    """SIGKILL of the app process while it checks an upload and while it writes it."""
    from data_layer.batches import undo_batch
    from data_layer.db import Database

    from .browser import app_env, log_in, staff_db
    from .test_browser_upload import contracts_file
    from .test_generations import table_hashes

    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = staff_db(tiny_file, tmp_path)
    upload = contracts_file(tmp_path / "contracts.csv", "KL", 200_000)
    interrupted = 0
    for moment in ("checking", "writing"):
        db = Database(path)
        before = table_hashes(db)
        db.close()
        processes: list = []
        with running_app(app_env(path), processes=processes) as url, browser_page() as page:
            log_in(page, url)
            page.get_by_label("数据类别").click()
            page.get_by_role("option", name="技术合同").click()
            page.locator('input[type="file"]').set_input_files(str(upload))
            if moment == "checking":  # the check under way (or just done: not confirmed either way)
                page.wait_for_function(
                    """() => document.querySelector('[data-testid="stProgress"]')
                        || [...document.querySelectorAll('button')]
                            .some(b => b.innerText.includes('确认导入'))""",
                    timeout=120_000,
                )
            else:  # confirmed: the write under way (a progress bar may come and go too fast to see)
                page.get_by_role("button", name="确认导入").click(timeout=120_000)
                page.wait_for_timeout(300)
            processes[0].send_signal(signal.SIGKILL)
            processes[0].wait(30)
        db = Database(path)
        try:
            if table_hashes(db) == before:
                interrupted += 1
            else:  # killed after it published: then it landed whole
                assert moment == "writing", "changed before the upload was confirmed"
                batch, new = db.rows("SELECT batch_id, rows_new FROM imports ORDER BY batch_id DESC LIMIT 1")[
                    0
                ]
                assert new == 200_000
                undo_batch(db, batch, user="li", role="admin")
        finally:
            db.close()
    assert interrupted >= 1  # the check, at least; the write too, unless it published first
    done = subprocess.run(
        [sys.executable, "-m", "data_layer", "--db", str(path), "import", str(upload), "--kind", "contracts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr  # the next import succeeds
    db = Database(path)
    assert not list(db.generations.glob("*.work*"))  # the killed writer's file is gone
    db.close()
