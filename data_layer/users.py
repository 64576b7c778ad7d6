"""Staff accounts: argon2 password hashes, slowed-down and logged failed logins.

Leaders browse without an account; uploading, import history and undo need one. There is
no default account or password: an office creates the first with
``python -m data_layer users add NAME``. Every login attempt is logged; after
``FREE_FAILURES`` failures in ``WINDOW`` an account refuses further attempts for a delay that
doubles with each further failure (capped at ``MAX_DELAY``), whether the password is right
or not, so guessing is slow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .db import Database

ROLES = ("staff", "admin")
MIN_PASSWORD_LENGTH = 10
FREE_FAILURES = 5
WINDOW = dt.timedelta(minutes=15)
FIRST_DELAY = dt.timedelta(seconds=30)
MAX_DELAY = dt.timedelta(minutes=15)

_hasher = PasswordHasher()


class AccountError(ValueError):
    """An account operation was refused; ``args[0]`` is a reason code (see ``i18n``)."""


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str


def add_user(
    db: Database, username: str, password: str, *, role: str = "staff", display_name: str = ""
) -> User:
    """Create an account; raise AccountError for a taken name, unknown role or weak password."""
    username = username.strip()
    if not username:
        raise AccountError("username_empty")
    if role not in ROLES:
        raise AccountError("role_unknown")
    _check_strength(password)
    if db.scalar("SELECT count(*) FROM users WHERE username = ?", [username]):
        raise AccountError("username_taken")
    now = dt.datetime.now()
    with db.transaction() as cur:
        cur.execute(
            "INSERT INTO users VALUES (?, ?, ?, ?, true, ?, ?)",
            [username, display_name or username, role, _hasher.hash(password), now, now],
        )
    return User(username, display_name or username, role)


def set_password(db: Database, username: str, password: str) -> None:
    _check_strength(password)
    _require(db, username)
    with db.transaction() as cur:
        cur.execute(
            "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE username = ?",
            [_hasher.hash(password), dt.datetime.now(), username],
        )


def set_active(db: Database, username: str, active: bool) -> None:
    """Disable (or re-enable) an account; its history stays."""
    _require(db, username)
    with db.transaction() as cur:
        cur.execute("UPDATE users SET active = ? WHERE username = ?", [active, username])


def list_users(db: Database) -> list[tuple]:
    return db.rows("SELECT username, display_name, role, active, created_at FROM users ORDER BY username")


def login(db: Database, username: str, password: str, *, now: dt.datetime | None = None) -> User:
    """The user if the password is right; raise AccountError otherwise. Every attempt is logged.

    Reasons: ``login_wait`` (too many recent failures), ``login_failed`` (unknown name, wrong
    password or disabled account: the message does not say which).
    """
    now = now or dt.datetime.now()
    if retry_after(db, username, now) > now:
        _log(db, username, now, succeeded=False)
        raise AccountError("login_wait")
    row = db.rows(
        "SELECT display_name, role, password_hash, active FROM users WHERE username = ?", [username]
    )
    ok = False
    if row:
        display_name, role, stored, active = row[0]
        try:
            ok = _hasher.verify(stored, password) and active
        except (VerificationError, InvalidHashError):
            ok = False
    else:
        _hasher.hash(password)  # spend the same time as a real check: names are not revealed
    _log(db, username, now, succeeded=ok)
    if not ok:
        raise AccountError("login_failed")
    return User(username, display_name, role)


def retry_after(db: Database, username: str, now: dt.datetime) -> dt.datetime:
    """When the account may try again: now, unless it failed too often within ``WINDOW``."""
    failures = db.rows(
        """SELECT attempted_at FROM login_attempts
           WHERE username = ? AND NOT succeeded AND attempted_at > ?
             AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempts
                                          WHERE username = ? AND succeeded), TIMESTAMP '1970-01-01')
           ORDER BY attempted_at""",
        [username, now - WINDOW, username],
    )
    extra = len(failures) - FREE_FAILURES
    if extra < 0:
        return now
    delay = min(FIRST_DELAY * (2**extra), MAX_DELAY)
    return failures[-1][0] + delay


def _log(db: Database, username: str, at: dt.datetime, *, succeeded: bool) -> None:
    with db.transaction() as cur:
        cur.execute("INSERT INTO login_attempts VALUES (?, ?, ?)", [username, at, succeeded])


def _check_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("password_short")
    if password.isdigit() or password.isalpha():
        raise AccountError("password_simple")


def _require(db: Database, username: str) -> None:
    if not db.scalar("SELECT count(*) FROM users WHERE username = ?", [username]):
        raise AccountError("user_unknown")
