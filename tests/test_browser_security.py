"""What the audit tried against the running app, tried again: a session id alone carries no login."""

from __future__ import annotations

import re

import pytest

from . import browser
from .bare_client import rerun_as
from .browser import browser_page
from .conftest import TINY, write_csv

pytestmark = pytest.mark.browser
PASSWORD = browser.STAFF_PASSWORD
STAFF_PAGE = "导入记录"  # a page title the navigation lists to staff only
SIGNED_IN = "已登录：李工"  # the sidebar's caption for a logged-in user
UPLOAD = re.compile(r"/_stcore/upload_file/([0-9a-f-]{36})/")


@pytest.fixture(scope="module")
def staff_app(tiny_file, tmp_path_factory):
    with browser.staff_app(tiny_file, tmp_path_factory.mktemp("security")) as url:
        yield url


def test_a_session_id_from_an_upload_url_does_not_carry_the_login(staff_app, tmp_path):
    """The id in an upload URL (what proxy logs keep) reconnects, but without the login."""
    path = write_csv(tmp_path / "单位.csv", [list(r) for r in TINY["institutions"]])
    with browser_page() as page:
        page.goto(f"{staff_app}/login")
        page.get_by_label("用户名").fill("li")
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        page.get_by_text("上传数据").first.wait_for(timeout=60_000)
        with page.expect_request(lambda r: bool(UPLOAD.search(r.url)), timeout=60_000) as upload:
            page.locator('input[type="file"]').set_input_files(str(path))
        session_id = UPLOAD.search(upload.value.url).group(1)
        page.get_by_text("utf-8").first.wait_for(timeout=60_000)  # the check has run
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    # The staff member's tab is gone; the session waits for a reconnect.
    stranger = rerun_as(staff_app, session_id)
    assert offered(stranger) and STAFF_PAGE not in offered(stranger)
    assert not any(SIGNED_IN in text for kind, text in stranger if kind == "delta")
    # The same reconnect with the browser's cookies is the staff member coming back: still logged
    # in, so the stranger's try neither got in nor logged them out.
    returning = rerun_as(staff_app, session_id, cookie=cookies)
    assert STAFF_PAGE in offered(returning)
    assert any(SIGNED_IN in text for kind, text in returning if kind == "delta")


def offered(replies: list[tuple[str, str]]) -> str:
    """The pages a run's navigation offers (its ``navigation`` messages, as text)."""
    return "\n".join(text for kind, text in replies if kind == "navigation")
