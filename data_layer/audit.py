"""The audit log: every staff action, who did it, when and from which address.

Each action is recorded where it is done, in the data layer, so the app and the command line
log alike. Who and from where come from the caller when it knows (a login names the account
tried) and otherwise from the **actor** of the moment: the app sets it at the start of each
page run (``acting``), and without one it is the command line's operating-system user. The
log is kept with the accounts (``data_layer.accounts``): writing it makes no data generation.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import getpass
from dataclasses import dataclass

import pandas as pd

from .accounts import parse, stamp
from .db import Database

# What can be logged; each has an i18n label ``audit.<action>``.
ACTIONS = (
    "login",
    "login_failed",
    "account_add",
    "account_password",
    "account_disable",
    "account_enable",
    "import",
    "names_resolved",
    "undo",
    "export",
    "deck_save",
    "deck_delete",
    "freeze",
    "profile_save",
    "profile_delete",
    "alias_save",
    "alias_delete",
    "backup",
    "restore",
    "reporter_departments",
    "reporting_open",
    "reporting_save",
    "reporting_submit",
    "reporting_accept",
    "reporting_return",
)


@dataclass(frozen=True)
class Actor:
    user: str
    client: str


_actor: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("audit_actor", default=None)


def acting(user: str, client: str) -> None:
    """Who acts in this thread from now on (the app: at the start of each page run)."""
    _actor.set(Actor(user, client))


def actor() -> Actor:
    """The actor of the moment; on the command line, the operating-system user."""
    found = _actor.get()
    if found is not None:
        return found
    try:
        name = getpass.getuser()
    except OSError:  # no user name in this environment
        name = "?"
    return Actor(f"{name} (cli)", "cli")


def record(
    db: Database, action: str, detail: str = "", *, user: str | None = None, client: str | None = None
) -> None:
    """Log ``action``; ``user``/``client`` override the actor's (a login attempt names its account)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    who = actor()
    with db.accounts.write() as con:
        con.execute(
            "INSERT INTO audit VALUES (?, ?, ?, ?, ?)",
            [
                stamp(dt.datetime.now()),
                user or who.user,
                action,
                detail,
                client if client is not None else who.client,
            ],
        )


@dataclass(frozen=True)
class Filter:
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive
    user: str | None = None
    actions: tuple[str, ...] = ()


def entries(db: Database, chosen: Filter = Filter(), *, limit: int = 5000) -> pd.DataFrame:
    """The newest ``limit`` entries that ``chosen`` lets through, newest first."""
    where, params = ["1 = 1"], []
    if chosen.since:
        where.append("happened_at >= ?")
        params.append(stamp(dt.datetime.combine(chosen.since, dt.time())))
    if chosen.until:
        where.append("happened_at < ?")
        params.append(stamp(dt.datetime.combine(chosen.until + dt.timedelta(days=1), dt.time())))
    if chosen.user:
        where.append("username = ?")
        params.append(chosen.user)
    if chosen.actions:
        where.append(f"action IN ({', '.join('?' * len(chosen.actions))})")
        params.extend(chosen.actions)
    # ``where`` holds fixed conditions only; every value is a parameter.
    rows = db.accounts.rows(
        f"""SELECT happened_at, username, action, detail, client FROM audit WHERE {" AND ".join(where)}
            ORDER BY happened_at DESC LIMIT ?""",
        [*params, limit],
    )
    frame = pd.DataFrame(rows, columns=["happened_at", "username", "action", "detail", "client"])
    frame["happened_at"] = [parse(v) for v in frame["happened_at"]]
    return frame


def users_seen(db: Database) -> list[str]:
    """Every name the log holds, for the page's filter."""
    return [r[0] for r in db.accounts.rows("SELECT DISTINCT username FROM audit ORDER BY 1")]
