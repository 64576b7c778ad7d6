"""The audit log: every staff action, with who, when and from where; the staff page that lists it."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from data_layer import audit
from data_layer.backups import backup
from data_layer.batches import undo_batch
from data_layer.db import Database
from data_layer.decks import save_deck
from data_layer.ingest import import_file
from data_layer.users import AccountError, add_user, login, set_active

from .apptest import open_as_staff
from .conftest import TINY, write_csv

PASSWORD = "gangcheng-2025"


@pytest.fixture
def logged(tiny_file, tmp_path):
    """A dataset where staff did one of most things, from the command line and the app."""
    path = tmp_path / "audit.duckdb"
    shutil.copy(tiny_file, path)
    db = Database(path)
    add_user(db, "li", PASSWORD)  # no actor set: the command line's
    with pytest.raises(AccountError):
        login(db, "li", "wrong-password-1", client="10.0.0.9")
    login(db, "li", PASSWORD, client="10.0.0.7")
    audit.acting("li", "10.0.0.7")  # what app.py does at the start of each page run
    rows = [list(r) for r in TINY["contracts"]] + [
        ["C9", "新合同", "技术服务", TINY["contracts"][1][3], "某公司", "否", "2025-01-02", "1", "", ""]
    ]
    batch = import_file(db, write_csv(tmp_path / "contracts.csv", rows), user="li").batch_id
    undo_batch(db, batch, user="li")
    save_deck(db, "周例会", ["k1"], user="li", known={"k1"})
    backup(db, tmp_path / "backups")
    set_active(db, "li", False)
    yield db
    audit._actor.set(None)
    db.close()


def test_each_action_is_logged_with_who_and_where(logged):
    log = audit.entries(logged)
    assert list(log["action"])[::-1] == [
        "account_add", "login_failed", "login", "import", "undo", "deck_save", "backup", "account_disable",
    ]  # fmt: skip
    first = log.iloc[-1]
    assert (
        first["username"].endswith("(cli)") and first["client"] == "cli" and first["detail"] == "li (staff)"
    )
    failed = log[log["action"] == "login_failed"].iloc[0]
    assert (failed["username"], failed["client"]) == ("li", "10.0.0.9")
    imported = log[log["action"] == "import"].iloc[0]
    assert (imported["username"], imported["client"]) == ("li", "10.0.0.7")
    assert "contracts.csv" in imported["detail"] and "1 new" in imported["detail"]
    assert log["happened_at"].is_monotonic_decreasing


def test_entries_filter_by_user_action_and_date(logged):
    assert set(audit.entries(logged, audit.Filter(user="li"))["action"]) >= {"login", "import", "undo"}
    assert list(audit.entries(logged, audit.Filter(actions=("undo", "backup")))["action"]) == [
        "backup",
        "undo",
    ]
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert audit.entries(logged, audit.Filter(since=tomorrow)).empty
    assert len(audit.entries(logged, audit.Filter(until=dt.date.today()))) == 8
    assert len(audit.entries(logged, limit=3)) == 3


def test_an_unknown_action_is_refused(empty_db):
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.record(empty_db, "coffee")


def test_logins_and_the_log_make_no_data_generation(logged):
    generation = logged.generation
    with pytest.raises(AccountError):
        login(logged, "nobody", "wrong-password-1", client="x")
    assert logged.generation == generation


def test_the_audit_page_lists_and_filters_the_log(staff_env_with_log):
    at = open_as_staff("views/audit.py")
    assert at.title[0].value == "操作日志"
    table = at.dataframe[0].value
    assert {"登录", "新建账户"} <= set(table["操作"])
    at.multiselect(key="audit.actions").select("account_add").run()
    table = at.dataframe[0].value
    assert set(table["操作"]) == {"新建账户"} and table["详情"].iloc[0] == "li (staff)"


@pytest.fixture
def staff_env_with_log(tiny_file, tmp_path, monkeypatch):
    path = tmp_path / "staff.duckdb"
    shutil.copy(tiny_file, path)
    db = Database(path)
    add_user(db, "li", PASSWORD, display_name="李工")
    login(db, "li", PASSWORD, client="10.0.0.7")
    db.close()
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    monkeypatch.setenv("DASHBOARD_AS_OF", "2026-06-30")
    return path
