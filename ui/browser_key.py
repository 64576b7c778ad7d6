"""The per-browser secret that staff logins are bound to, so a session id alone is no login.

Streamlit names a session by an id that also appears in upload URLs (and so in proxy logs),
and a websocket that reconnects with that id gets the session and its ``st.session_state``.
A login is therefore bound to something only the browser holds: the token of Streamlit's own
XSRF cookie (``_streamlit_xsrf``). Streamlit's server sets it, random per browser, before the
page opens its websocket; the browser sends it with the websocket handshake, where
``st.context.cookies`` reads it; it never appears in a URL. The cookie's text changes from
page load to page load (its token is masked anew), so the key is the unmasked token.

A login keeps a digest of the key and holds only while the session's connection presents the
same key (see ``ui.auth``): a stranger who reconnects with the id but without the cookie is a
visitor, and the staff member, coming back with the cookie, is still logged in. With
``server.enableXsrfProtection`` off there is no cookie, and every login is refused.

(The cookie is not HttpOnly: Streamlit's page reads it to sign uploads. A script injected into
the page could read it, which is why data is never rendered as markup: see ``ui.text``.)
"""

from __future__ import annotations

import hashlib

from streamlit.web.server.starlette.starlette_app_utils import decode_xsrf_token_string

COOKIE = "_streamlit_xsrf"


def key_of(cookie: str | None) -> str | None:
    """The browser's key from the cookie's text, or None (no cookie, or not one Streamlit set)."""
    if not isinstance(cookie, str) or not cookie:
        return None
    token, _ = decode_xsrf_token_string(cookie)
    return token.hex() if token else None


def digest(value: str) -> str:
    """What a login keeps: the key itself never sits in session state."""
    return hashlib.sha256(value.encode()).hexdigest()
