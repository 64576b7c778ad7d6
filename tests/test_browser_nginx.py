"""Two app processes behind nginx (deploy/nginx/dashboard.conf, HTTPS with a self-signed
certificate): pages load, staff log in and upload, and the import shows in both processes."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from .browser import (
    ARTIFACTS,
    ROOT,
    app_env,
    browser_page,
    free_port,
    log_in,
    require_browser,
    running_app,
    staff_db,
)
from .conftest import E1, TINY, app_no, write_csv

pytestmark = pytest.mark.browser
NGINX = "/usr/sbin/nginx"
SITE = ROOT / "deploy" / "nginx" / "dashboard.conf"


def require_nginx() -> None:
    if not Path(NGINX).exists():
        message = "the reverse-proxy test needs nginx: apt-get install nginx-light"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def site_for_test(app_ports: list[int], https: int, http: int, folder: Path) -> str:
    """The repository's site file, on loopback ports, with the test's certificate and logs."""
    site = SITE.read_text(encoding="utf-8")
    servers = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n" for p in app_ports)
    site, count = re.subn(r"(    server 127\.0\.0\.1:\d+ [^\n]*\n)+", servers, site)
    assert count == 1
    site = re.sub(r"\n\s*listen \[::\]:\d+[^\n]*", "", site)
    site = site.replace("listen 443 ssl;", f"listen 127.0.0.1:{https} ssl;").replace(
        "listen 80;", f"listen 127.0.0.1:{http};"
    )
    site = site.replace("/etc/ssl/dashboard/fullchain.pem", str(folder / "cert.pem"))
    site = site.replace("/etc/ssl/dashboard/privkey.pem", str(folder / "key.pem"))
    return site.replace("/var/log/nginx/dashboard.access.log", str(folder / "access.log"))


@contextmanager
def running_nginx(app_ports: list[int], folder: Path):
    """nginx in the foreground with the site above; its HTTPS URL; stopped when done."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    https, http = free_port(), free_port()
    (folder / "site.conf").write_text(site_for_test(app_ports, https, http, folder), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach the test's folders
    temp = "".join(
        f"    {name}_temp_path {folder / name};\n"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"{user}worker_processes 1;\ndaemon off;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'};\nevents {{}}\n"
        f"http {{\n{temp}    include {folder / 'site.conf'};\n}}\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")])
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", https), timeout=2).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, (
                    folder / "error.log"
                ).read_text()
                time.sleep(0.2)
        yield f"https://127.0.0.1:{https}"
    finally:
        process.terminate()
        process.wait(30)


def k2(page) -> str:
    page.locator('[data-testid="stMetricValue"]').nth(4).wait_for(timeout=90_000)
    return page.locator('[data-testid="stMetricValue"]').nth(1).inner_text()


def test_two_processes_behind_nginx_serve_log_in_upload_and_share_the_data(tiny_file, tmp_path):
    require_browser()
    require_nginx()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    env = app_env(staff_db(tiny_file, tmp_path))
    rows = [list(r) for r in TINY["filings"]]
    rows.append(["F9", "新产品", E1, "2025-01-01", "家电", "是", app_no(8), "", ""])
    upload = write_csv(tmp_path / "备案.csv", rows)
    proxy_folder = tmp_path / "nginx"
    proxy_folder.mkdir()
    with ExitStack() as stack:
        apps = [stack.enter_context(running_app(env)) for _ in range(2)]
        proxy = stack.enter_context(running_nginx([int(u.rsplit(":", 1)[1]) for u in apps], proxy_folder))
        page = stack.enter_context(browser_page(ignore_https_errors=True))
        page.goto(proxy)
        assert k2(page) == "4 件"
        page.screenshot(path=str(ARTIFACTS / "nginx-overview.png"), full_page=True)
        log_in(page, proxy)
        page.get_by_label("数据类别").click()
        page.get_by_role("option", name="专利产品备案").click()
        page.locator('input[type="file"]').set_input_files(str(upload))
        page.get_by_role("button", name="确认导入").click()
        page.get_by_text("已导入（批次").wait_for(timeout=90_000)
        page.screenshot(path=str(ARTIFACTS / "nginx-upload.png"), full_page=True)
        for url in apps:  # each process, asked directly: both show the import
            page.goto(url)
            assert k2(page) == "5 件", url
    log = (proxy_folder / "access.log").read_text()
    assert "/_stcore/stream" in log and " 101 " in log  # the websocket went through nginx
    assert "upload_file/-" in log and not re.search(r"upload_file/[0-9a-f]{8}-", log)  # no session id logged
