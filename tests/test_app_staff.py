"""Login and upload pages under AppTest: offered only to staff, each checking the role itself."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from data_layer.db import Database
from data_layer.users import User, add_user
from ui import browser_key

from .apptest import open_as_staff
from .conftest import APPTEST_BROWSER_KEY, ROOT, TINY

PASSWORD = "gangcheng-2025"


@pytest.fixture
def staff_env(tiny_file, tmp_path, monkeypatch):
    path = tmp_path / "staff.duckdb"
    shutil.copy(tiny_file, path)
    db = Database(path)
    add_user(db, "li", PASSWORD, display_name="李工")
    db.close()
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    monkeypatch.setenv("DASHBOARD_AS_OF", "2026-06-30")
    return path


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def log_in(at: AppTest, password: str) -> AppTest:
    at.text_input(key="login.username").input("li")
    at.text_input(key="login.password").input(password)
    return at.button[0].click().run()


def test_upload_page_is_not_offered_to_viewers(staff_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/upload.py")


def test_upload_page_checks_the_role_itself(staff_env):
    at = AppTest.from_file(str(ROOT / "views" / "upload.py"), default_timeout=60).run()
    assert any("请先登录" in w.value for w in at.warning)
    assert [s for s in at.selectbox if s.key == "upload.kind"] == []


def test_wrong_password_is_refused_in_chinese(staff_env):
    at = log_in(open_page("views/login.py"), "not-the-password")
    assert [e.value for e in at.error] == ["用户名或密码不正确，或账号已停用"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_staff_reach_the_upload_page(staff_env, lang, monkeypatch):
    # The language comes from settings here: AppTest loses the entry script's sidebar widgets
    # after a page switch (a real browser keeps them; see test_browser_overview.py).
    monkeypatch.setenv("DASHBOARD_LANGUAGE", lang)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("views/login.py").run()
    at = log_in(at, PASSWORD)
    assert not at.exception, at.exception
    assert at.session_state["auth.user"].username == "li"
    at.switch_page("views/upload.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == ("上传数据" if lang == "zh" else "Upload data")
    kinds = at.selectbox(key="upload.kind")
    assert kinds.options[:2] == (["单位名录", "专利"] if lang == "zh" else ["Institutions", "Patents"])


def test_a_login_holds_only_with_the_browser_key_it_was_made_with(staff_env, apptest_browser):
    at = log_in(open_page("views/login.py"), PASSWORD)
    assert at.session_state["auth.user"].username == "li"
    at.switch_page("views/upload.py").run()
    assert at.title[0].value == "上传数据"
    # The same session reconnected by a client with another key, or none: a visitor.
    for other in ("x" * 43, None):
        apptest_browser["key"] = other
        at.run()
        assert at.title[0].value != "上传数据"
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page("views/upload.py")
    # The staff member's own browser again: still logged in.
    apptest_browser["key"] = APPTEST_BROWSER_KEY
    at.run()
    at.switch_page("views/upload.py").run()
    assert at.title[0].value == "上传数据"


def test_no_login_without_a_browser_key(staff_env, apptest_browser):
    apptest_browser["key"] = None
    at = log_in(open_page("views/login.py"), PASSWORD)
    assert "auth.user" not in at.session_state
    assert at.error[0].value.startswith("无法登录：此浏览器没有本站的登录凭据 Cookie")
    attempts = Database(staff_env)
    assert attempts.accounts.scalar("SELECT count(*) FROM login_attempts") == 0  # no attempt spent
    attempts.close()


@pytest.mark.parametrize(("idle_minutes", "offered"), [(5, True), (61, False)])
def test_login_ends_after_the_session_length_without_use(staff_env, idle_minutes, offered):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.session_state["auth.user"] = User("li", "李工", "staff")
    at.session_state["auth.seen"] = dt.datetime.now() - dt.timedelta(minutes=idle_minutes)
    at.session_state["auth.browser"] = browser_key.digest(APPTEST_BROWSER_KEY)
    at.run()
    if offered:
        at.switch_page("views/upload.py").run()
        assert at.title[0].value == "上传数据"
    else:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page("views/upload.py")


def staff_at(page: str) -> AppTest:
    return open_as_staff(page)


def test_staff_cannot_undo_another_persons_import(staff_env):
    at = staff_at("views/history.py")
    at.checkbox(key="history.confirm").check().run()
    at.button(key="history.undo").click().run()  # batch 9 was loaded by "init", not li
    assert [e.value for e in at.error] == ["这一批是其他人导入的，只能由导入人或管理员撤销"]


def test_history_lists_batches_and_an_admin_undoes_one(staff_env):
    at = open_as_staff("views/history.py", role="admin")
    assert at.title[0].value == "导入记录"
    assert len(at.dataframe[0].value) == 9  # the nine files of the tiny dataset
    choice = at.selectbox(key="history.batch")
    assert choice.value == 9 and "目标" in choice.format_func(9)
    assert at.button(key="history.undo").disabled  # nothing happens before the confirmation
    at.checkbox(key="history.confirm").check().run()
    at.button(key="history.undo").click().run()
    assert [s.value for s in at.success] == ["已撤销批次 9（撤销记录为批次 10）。"]
    at.run()
    assert len(at.dataframe[0].value) == 10
    assert not any(o.startswith("批次 9：") for o in at.selectbox(key="history.batch").options)
    check = Database(staff_env)  # the same process as the app, so the same DuckDB instance
    assert check.scalar("SELECT count(*) FROM targets") == 0
    check.close()


def test_history_is_not_offered_to_viewers(staff_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/history.py")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_page_previews_any_table(staff_env, lang, monkeypatch):
    monkeypatch.setenv("DASHBOARD_LANGUAGE", lang)
    at = staff_at("views/export.py")
    assert at.title[0].value == ("数据导出" if lang == "zh" else "Data export")
    at.selectbox(key="export.table").select("patents").run()
    assert not at.exception, at.exception
    preview = at.dataframe[0].value
    assert len(preview) == len(TINY["patents"]) - 1
    assert "申请号" in preview.columns and set(preview["专利类型"]) <= {"发明", "实用新型", "外观设计"}
    assert ("共 " if lang == "zh" else "") in at.caption[0].value


def test_export_page_is_not_offered_to_viewers(staff_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/export.py")


def test_a_cache_clear_from_a_client_keeps_the_one_database_and_its_lock(app_env):
    """Any websocket client may send Streamlit's clear-cache command: it clears both caches."""
    from ui import state

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    db = state.database()
    with db.transaction() as cur:  # a committed change: the counter moves on
        cur.execute("DELETE FROM targets WHERE false")
    generation = db.generation
    st.cache_data.clear()
    st.cache_resource.clear()
    at.run()
    assert not at.exception
    assert state.database() is db and db.generation == generation
