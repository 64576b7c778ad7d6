"""Who is logged in, for this browser session only (``st.session_state``).

A login lasts ``Settings.session_minutes`` from the last page the user opened, and holds only
while the session's connection presents the browser key it was made with (``ui.browser_key``):
a session id reconnected from another client is a visitor. Pages that need staff call
``require_staff``, which checks again itself even though the navigation already hides such
pages from viewers.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from data_layer.i18n import t
from data_layer.users import OFFICE_ROLES, User
from ui import browser_key as keys

USER_KEY = "auth.user"
SEEN_KEY = "auth.seen"
ARRIVED_KEY = "auth.arrived"
BOUND_KEY = "auth.browser"  # the digest of the browser key the login was made with


def browser_key() -> str | None:
    """The key this session's connection presented, or None (no cookie, or not one we set)."""
    return keys.key_of(st.context.cookies.get(keys.COOKIE))


def client_address(trusted_proxies: str) -> str:
    """Where this session's connection comes from, for throttling logins per client.

    Behind a reverse proxy every connection comes from the proxy, so when the peer is one of
    ``trusted_proxies`` the last address of ``X-Forwarded-For`` (the one the proxy added) is
    the client's. "" when unknown (AppTest).
    """
    peer, forwarded = st.context.ip_address, st.context.headers.get("X-Forwarded-For")
    peer = peer if isinstance(peer, str) else ""  # AppTest has no connection
    forwarded = forwarded if isinstance(forwarded, str) else ""
    trusted = {p.strip() for p in trusted_proxies.split(",") if p.strip()}
    if forwarded and (peer in trusted or not peer):
        return forwarded.split(",")[-1].strip()
    return peer


def current_user(session_minutes: int, now: dt.datetime | None = None) -> User | None:
    """The logged-in user, or None once the session has been idle too long.

    A connection without the login's browser key sees no user, but the login stays: the
    staff member's own browser, reconnecting with its cookie, is still logged in.
    """
    now = now or dt.datetime.now()
    user = st.session_state.get(USER_KEY)
    seen = st.session_state.get(SEEN_KEY)
    if user is None or seen is None or now - seen > dt.timedelta(minutes=session_minutes):
        log_out()
        return None
    key = browser_key()
    if key is None or st.session_state.get(BOUND_KEY) != keys.digest(key):
        return None
    st.session_state[SEEN_KEY] = now
    return user


def log_in(user: User, key: str) -> None:
    """Log ``user`` in for this session, bound to the browser ``key`` it presented."""
    st.session_state[USER_KEY] = user
    st.session_state[SEEN_KEY] = dt.datetime.now()
    st.session_state[BOUND_KEY] = keys.digest(key)
    st.session_state[ARRIVED_KEY] = True


def just_logged_in() -> bool:
    """True once, on the first run after a login (the app then opens the upload page)."""
    return bool(st.session_state.pop(ARRIVED_KEY, False))


def log_out() -> None:
    for key in (USER_KEY, SEEN_KEY, BOUND_KEY):
        st.session_state.pop(key, None)


def current_staff(session_minutes: int) -> User | None:
    """The logged-in user if the account is the office's (a reporter is not staff)."""
    user = current_user(session_minutes)
    return user if user is not None and user.role in OFFICE_ROLES else None


def require_staff(session_minutes: int, lang: str) -> User:
    """The office's user, or stop the page with a note that staff must log in."""
    user = current_staff(session_minutes)
    if user is None:
        st.warning(t("ui.auth.staff_only", lang))
        st.stop()
    return user


def require_user(session_minutes: int, lang: str) -> User:
    """Any logged-in user (a reporter or the office), or stop the page with a note to log in."""
    user = current_user(session_minutes)
    if user is None:
        st.warning(t("ui.auth.login_needed", lang))
        st.stop()
    return user
