"""Staff accounts: strong hashes, no default account, throttled and logged logins."""

from __future__ import annotations

import datetime as dt

import pytest

from data_layer import users
from data_layer.users import AccountError, add_user, login, retry_after, set_active, set_password

from .test_cli import cli

PASSWORD = "gangcheng-2025"
T0 = dt.datetime(2026, 3, 1, 9, 0)


def test_no_account_exists_until_one_is_added(empty_db):
    assert users.list_users(empty_db) == []
    with pytest.raises(AccountError, match="login_failed"):
        login(empty_db, "admin", "admin", now=T0)


def test_password_is_stored_only_as_argon2_hash(empty_db):
    add_user(empty_db, "li", PASSWORD, display_name="李工")
    stored = empty_db.accounts.scalar("SELECT password_hash FROM users WHERE username = 'li'")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert login(empty_db, "li", PASSWORD, now=T0) == users.User("li", "李工", "staff")


@pytest.mark.parametrize(
    ("password", "reason"),
    [("short1", "password_short"), ("abcdefghijk", "password_simple"), ("12345678901", "password_simple")],
)
def test_weak_passwords_refused(empty_db, password, reason):
    with pytest.raises(AccountError, match=reason):
        add_user(empty_db, "li", password)


def test_wrong_password_disabled_account_and_password_change(empty_db):
    add_user(empty_db, "li", PASSWORD)
    with pytest.raises(AccountError, match="login_failed"):
        login(empty_db, "li", "wrong-password-1", now=T0)
    set_active(empty_db, "li", False)
    with pytest.raises(AccountError, match="login_failed"):
        login(empty_db, "li", PASSWORD, now=T0)
    set_active(empty_db, "li", True)
    set_password(empty_db, "li", "new-password-2026")
    assert login(empty_db, "li", "new-password-2026", now=T0).username == "li"
    with pytest.raises(AccountError, match="user_unknown"):
        set_password(empty_db, "nobody", "whatever-123")


def test_repeated_failures_slow_down_and_are_logged(empty_db):
    add_user(empty_db, "li", PASSWORD)
    for minute in range(users.FREE_FAILURES):
        with pytest.raises(AccountError, match="login_failed"):
            login(empty_db, "li", f"guess-{minute:05d}", now=T0 + dt.timedelta(minutes=minute))
    last = T0 + dt.timedelta(minutes=users.FREE_FAILURES - 1)
    assert retry_after(empty_db, "li", last) == last + users.FIRST_DELAY
    # Even the right password is refused while the account waits.
    with pytest.raises(AccountError, match="login_wait"):
        login(empty_db, "li", PASSWORD, now=last + dt.timedelta(seconds=5))
    later = last + users.MAX_DELAY + dt.timedelta(seconds=1)
    assert login(empty_db, "li", PASSWORD, now=later).username == "li"
    logged = empty_db.accounts.rows("SELECT succeeded, count(*) FROM login_attempts GROUP BY 1 ORDER BY 1")
    assert logged == [(False, users.FREE_FAILURES + 1), (True, 1)]
    assert retry_after(empty_db, "li", later) == later  # a success clears the count


def test_users_command_line(tmp_path):
    db = str(tmp_path / "u.duckdb")
    added = cli(
        "--db", db, "users", "add", "wang", "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert added.returncode == 0, added.stderr
    weak = cli("--db", db, "users", "add", "zhao", "--password-stdin", stdin="short\n")
    assert weak.returncode == 1 and "至少需要10个字符" in weak.stderr
    assert cli("--db", db, "users", "disable", "wang").returncode == 0
    listed = cli("--db", db, "users", "list").stdout
    assert "wang\twang\tadmin\tdisabled" in listed


def test_a_stranger_cannot_lock_staff_out_from_another_address(empty_db):
    add_user(empty_db, "li", PASSWORD)
    for second in range(10):
        with pytest.raises(AccountError):
            login(
                empty_db,
                "li",
                f"guess-{second:05d}",
                client="203.0.113.9",
                now=T0 + dt.timedelta(seconds=second),
            )
    later = T0 + dt.timedelta(seconds=12)
    with pytest.raises(AccountError, match="login_wait"):  # the stranger waits
        login(empty_db, "li", PASSWORD, client="203.0.113.9", now=later)
    assert login(empty_db, "li", PASSWORD, client="10.0.0.5", now=later).username == "li"


def test_unknown_names_are_throttled_per_client(empty_db, monkeypatch):
    hashed = []

    class Counting:  # the real hasher, counting its hashes
        def __getattr__(self, name):
            return getattr(real, name)

        def hash(self, password):
            hashed.append(password)
            return real.hash(password)

    real = users._hasher
    monkeypatch.setattr(users, "_hasher", Counting())
    for number in range(users.FREE_FAILURES + 3):
        with pytest.raises(AccountError):
            login(empty_db, f"nobody{number}", "guess-12345", client="203.0.113.9", now=T0)
    # Each name is new, but the client is not: past the free failures no hash is spent.
    assert len(hashed) == users.FREE_FAILURES


def test_guessing_spread_over_many_addresses_still_slows_down(empty_db):
    add_user(empty_db, "li", PASSWORD)
    for number in range(users.NAME_FREE_FAILURES):
        with pytest.raises(AccountError, match="login_failed"):
            login(empty_db, "li", "guess-12345", client=f"198.51.100.{number}", now=T0)
    with pytest.raises(AccountError, match="login_wait"):
        login(empty_db, "li", PASSWORD, client="10.0.0.5", now=T0 + dt.timedelta(seconds=1))


def test_login_attempts_leave_cached_pages_valid(empty_db):
    add_user(empty_db, "li", PASSWORD)
    generation = empty_db.generation
    with pytest.raises(AccountError):
        login(empty_db, "li", "wrong-password-1", now=T0)
    login(empty_db, "li", PASSWORD, now=T0)
    assert empty_db.generation == generation
