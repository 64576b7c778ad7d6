"""Staff accounts: argon2 password hashes, slowed-down and logged failed logins.

Leaders browse without an account; uploading, import history and undo need one. There is
no default account or password: an office creates the first with
``python -m data_layer users add NAME``. Every login attempt is logged with the client's
address; after ``FREE_FAILURES`` failures in ``WINDOW`` further attempts wait for a delay that
doubles with each further failure (capped at ``MAX_DELAY``), whether the password is right or
not, so guessing is slow. Failures count per name and client, per client and (with a higher
allowance) per name: see ``retry_after``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from . import audit
from .accounts import parse, stamp
from .db import Database

# What each role may do (enforced where it is done):
# - reporter: enter and submit the indicators of the departments bound to the account, and
#   nothing else (data_layer.reporting);
# - staff: upload, preview, export, save briefing decks, freeze data, undo their own imports,
#   open reporting periods, review submissions and create reporter accounts;
# - admin: all of that, and undo anyone's import (data_layer.batches.undo_batch).
# Staff and admin accounts are managed on the server's command line only (python -m
# data_layer users ...); reporters there too, or by staff on the reporting page.
ROLES = ("reporter", "staff", "admin")
OFFICE_ROLES = ("staff", "admin")  # the IP office: every page behind the login
MIN_PASSWORD_LENGTH = 10
FREE_FAILURES = 5  # per name and client, and per client
NAME_FREE_FAILURES = 50  # per name, from every client together
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
    hashed, now = _hasher.hash(password), stamp(dt.datetime.now())
    with db.accounts.write() as con:
        if con.execute("SELECT count(*) FROM users WHERE username = ?", [username]).fetchone()[0]:
            raise AccountError("username_taken")
        con.execute(
            "INSERT INTO users VALUES (?, ?, ?, ?, 1, ?, ?)",
            [username, display_name or username, role, hashed, now, now],
        )
    audit.record(db, "account_add", f"{username} ({role})")
    return User(username, display_name or username, role)


def set_password(db: Database, username: str, password: str) -> None:
    _check_strength(password)
    _require(db, username)
    with db.accounts.write() as con:
        con.execute(
            "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE username = ?",
            [_hasher.hash(password), stamp(dt.datetime.now()), username],
        )
    audit.record(db, "account_password", username)


def set_active(db: Database, username: str, active: bool) -> None:
    """Disable (or re-enable) an account; its history stays."""
    _require(db, username)
    with db.accounts.write() as con:
        con.execute("UPDATE users SET active = ? WHERE username = ?", [int(active), username])
    audit.record(db, "account_enable" if active else "account_disable", username)


def list_users(db: Database) -> list[tuple]:
    rows = db.accounts.rows(
        "SELECT username, display_name, role, active, created_at FROM users ORDER BY username"
    )
    return [(u, d, r, bool(a), parse(c)) for u, d, r, a, c in rows]


def login(
    db: Database, username: str, password: str, *, client: str = "", now: dt.datetime | None = None
) -> User:
    """The user if the password is right; raise AccountError otherwise. Every attempt is logged.

    ``client`` is the address the attempt came from (see ``retry_after``). Reasons:
    ``login_wait`` (too many recent failures), ``login_failed`` (unknown name, wrong password
    or disabled account: the message does not say which).
    """
    now = now or dt.datetime.now()
    if retry_after(db, username, now, client) > now:
        _log(db, username, now, client, succeeded=False)
        audit.record(db, "login_failed", "waiting: too many failures", user=username, client=client)
        raise AccountError("login_wait")
    row = db.accounts.rows(
        "SELECT display_name, role, password_hash, active FROM users WHERE username = ?", [username]
    )
    ok = False
    if row:
        display_name, role, stored, active = row[0]
        try:
            ok = _hasher.verify(stored, password) and bool(active)
        except (VerificationError, InvalidHashError):
            ok = False
    else:
        _hasher.hash(password)  # spend the same time as a real check: names are not revealed
    _log(db, username, now, client, succeeded=ok)
    audit.record(db, "login" if ok else "login_failed", user=username, client=client)
    if not ok:
        raise AccountError("login_failed")
    return User(username, display_name, role)


def retry_after(db: Database, username: str, now: dt.datetime, client: str = "") -> dt.datetime:
    """When ``client`` may try ``username`` again: now, unless failures within ``WINDOW`` say wait.

    Three counts, each since its own last success, each slowed down as it grows:
    - this name from this client (``FREE_FAILURES``): guessing one account's password;
    - this client under any name (``FREE_FAILURES``): trying names, each costing a hash;
    - this name from every client (``NAME_FREE_FAILURES``): guessing spread over addresses.
    A stranger's failures thus lock the stranger out, not the staff member at another address,
    until there are so many that the account itself is under attack.
    """
    since = now - WINDOW
    pair = _failures(db, "username = ? AND client IS ?", [username, client], since)
    address = _failures(db, "client IS ?", [client], since)
    name = _failures(db, "username = ?", [username], since)
    return max(
        _wait(pair, FREE_FAILURES, now),
        _wait(address, FREE_FAILURES, now),
        _wait(name, NAME_FREE_FAILURES, now),
    )


def _failures(db: Database, where: str, params: list, since: dt.datetime) -> list[dt.datetime]:
    """Failed attempts matching ``where`` after ``since`` and after the last such success."""
    # ``where`` is one of the fixed conditions above, never user text; values are parameters.
    rows = db.accounts.rows(
        f"""SELECT attempted_at FROM login_attempts
            WHERE {where} AND NOT succeeded AND attempted_at > ?
              AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempts
                                           WHERE {where} AND succeeded), '')
            ORDER BY attempted_at""",
        [*params, stamp(since), *params],
    )
    return [parse(r[0]) for r in rows]


def _wait(failures: list[dt.datetime], free: int, now: dt.datetime) -> dt.datetime:
    extra = len(failures) - free
    if extra < 0:
        return now
    return failures[-1] + min(FIRST_DELAY * (2**extra), MAX_DELAY)


def _log(db: Database, username: str, at: dt.datetime, client: str, *, succeeded: bool) -> None:
    # Kept with the accounts, not in the data: cached pages stay valid (see data_layer.accounts).
    with db.accounts.write() as con:
        con.execute(
            "INSERT INTO login_attempts (username, attempted_at, succeeded, client) VALUES (?, ?, ?, ?)",
            [username, stamp(at), int(succeeded), client],
        )


def _check_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("password_short")
    if password.isdigit() or password.isalpha():
        raise AccountError("password_simple")


def _require(db: Database, username: str) -> None:
    if not db.accounts.scalar("SELECT count(*) FROM users WHERE username = ?", [username]):
        raise AccountError("user_unknown")
