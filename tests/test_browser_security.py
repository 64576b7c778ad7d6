"""What the audit tried against the running app, tried again: a session id alone carries no login."""

from __future__ import annotations

import re

import pytest

from data_layer.db import Database
from data_layer.ingest import import_file

from . import browser
from .bare_client import rerun_as
from .browser import ARTIFACTS, browser_page, copy_db, running_app
from .conftest import TINY, U1, write_csv

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


# Markdown that would make a link, bold text and red text if the page read it as markup.
MARKUP = "**粗体** [链接](http://evil.example) :red[红字]"


def test_markdown_in_names_and_rules_is_shown_as_text(tiny_file, tmp_path):
    path = copy_db(tiny_file, tmp_path)
    institutions = [list(r) for r in TINY["institutions"]]
    institutions[1][1] = f"湛江测试大学{MARKUP}"
    rules = [list(r) for r in TINY["county_rules"]]
    rules[1][3] = f"《实施细则》{MARKUP}"
    db = Database(path)
    import_file(db, write_csv(tmp_path / "institutions.csv", institutions), user="li")
    import_file(db, write_csv(tmp_path / "county_rules.csv", rules), user="li")
    db.close()
    env = {"DASHBOARD_DB_PATH": str(path), "DASHBOARD_AS_OF": "2026-06-30"}
    with running_app(env) as url, browser_page() as page:
        for address in (f"{url}/institutions?inst={U1}", f"{url}/counties?county_detail=440881"):
            page.goto(address)
            page.get_by_text(MARKUP).first.wait_for(timeout=60_000)  # the characters, as typed
            # No link behind other words ([链接](…)). A bare URL in the text is still shown as a link
            # to itself by Streamlit's markdown (GFM autolinks), which hides nothing.
            links = page.locator("a[href*='evil.example']").evaluate_all(
                "links => links.map(a => [a.textContent, a.getAttribute('href')])"
            )
            assert all(text == href for text, href in links), links
            assert page.locator("strong", has_text="粗体").count() == 0
            assert page.get_by_text("红字", exact=True).count() == 0  # not a coloured span of its own
            page.get_by_text(MARKUP).first.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / f"markup-as-text-{address.split('/')[3][:8]}.png"))
