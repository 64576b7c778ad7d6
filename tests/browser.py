"""Running the real app and driving Debian's Chromium with Playwright (headless).

Never run ``playwright install``: it downloads a browser. The tests use
``/usr/bin/chromium`` (Debian package ``chromium``; CJK text needs ``fonts-noto-cjk``).
Without it a test is skipped with what to install, and fails under ``CI=true``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"


def require_browser() -> None:
    """Skip (or fail under CI) when Chromium or Playwright is missing, saying what to install."""
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append("apt-get install chromium fonts-noto-cjk")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("pip install -r requirements-dev.txt (playwright)")
    if missing:
        message = "browser tests need: " + "; ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(env: dict[str, str], timeout: float = 90, processes: list | None = None):
    """Start ``streamlit run app.py`` on a free loopback port; stop it when done.

    ``processes``: a list the server's process is added to (a test that kills it)."""
    port = free_port()
    log = (ARTIFACTS / f"streamlit-{port}.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.address=127.0.0.1",
            f"--server.port={port}",
            "--server.headless=true",
            "--browser.gatherUsageStats=false",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    if processes is not None:
        processes.append(process)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start; see {log.name}") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@contextmanager
def browser_page(width: int = 1920, height: int = 1080, *, ignore_https_errors: bool = False):
    """A Chromium page; ``ignore_https_errors`` for a test's self-signed certificate."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": width, "height": height},
                locale="zh-CN",
                ignore_https_errors=ignore_https_errors,
            )
            page = context.new_page()
            errors: list[str] = []
            failed: list[str] = []
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
            page.console_errors = errors
            page.failed_urls = failed
            yield page
        finally:
            browser.close()


@contextmanager
def tiny_app(tiny_file: Path, folder: Path):
    """The app on a copy of the tiny database in ``folder``, "today" frozen at 2026-06-30; its URL."""
    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    db = copy_db(tiny_file, folder)
    with running_app({"DASHBOARD_DB_PATH": str(db), "DASHBOARD_AS_OF": "2026-06-30"}) as url:
        yield url


STAFF_PASSWORD = "gangcheng-2025"


def staff_db(tiny_file: Path, folder: Path) -> Path:
    """A copy of the tiny database in ``folder`` with staff account ``li`` (李工)."""
    from data_layer.db import Database
    from data_layer.users import add_user

    path = copy_db(tiny_file, folder)
    db = Database(path)
    add_user(db, "li", STAFF_PASSWORD, display_name="李工")
    db.close()
    return path


def app_env(path: Path) -> dict[str, str]:
    """The environment of an app under test on the database at ``path``, "today" frozen."""
    return {"DASHBOARD_DB_PATH": str(path), "DASHBOARD_AS_OF": "2026-06-30"}


@contextmanager
def staff_app(tiny_file: Path, folder: Path):
    """The app on a copy of the tiny database with staff account ``li`` (李工); its URL."""
    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with running_app(app_env(staff_db(tiny_file, folder))) as url:
        yield url


def log_in(page, url: str) -> None:
    """Log in as ``li`` on the app at ``url`` (directly or through a proxy); wait for the upload page."""
    page.goto(f"{url}/login")
    page.get_by_label("用户名").fill("li")
    page.get_by_label("密码").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_text("上传数据").first.wait_for(timeout=60_000)


def copy_db(source: Path, folder: Path) -> Path:
    target = folder / "browser.duckdb"
    shutil.copy(source, target)
    return target


# Opened at a page's own URL (/method), Streamlit's frontend first probes
# /method/_stcore/host-config and /method/_stcore/health, gets 404, and falls back to the root.
_PROBES = ("/_stcore/host-config", "/_stcore/health")


def console_problems(page) -> list[str]:
    """Console errors of a page, without the favicon and Streamlit's own base-path probes."""
    probes_only = all(url.endswith(_PROBES) for url in page.failed_urls)
    return [
        e
        for e in page.console_errors
        if "favicon" not in e and not (probes_only and e.startswith("Failed to load resource"))
    ]
