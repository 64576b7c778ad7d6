"""A per-browser secret that staff logins are bound to, so a session id alone is no login.

Streamlit names a session by an id that also appears in upload URLs (and so in proxy logs),
and a websocket that reconnects with that id gets the session and its ``st.session_state``.
So the server gives every browser a random key in a cookie it sets itself (HttpOnly: page
scripts cannot read it; SameSite=Strict: other sites cannot send it; Secure over HTTPS). The
browser sends it with the websocket handshake, where ``st.context.cookies`` reads it. A login
keeps a digest of the key and holds only while the session's connection presents the same key
(see ``ui.auth``): a stranger who reconnects with the id but without the cookie is a visitor,
and the staff member, coming back with the cookie, is still logged in.

The cookie is set by ``BrowserKeyMiddleware``, which ``server.py`` adds to Streamlit's server;
started as ``streamlit run app.py`` the app sets no key, and logins are refused.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "ipdash_browser"
_VALID = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)
MAX_AGE = 400 * 24 * 3600  # the longest a browser keeps a cookie (RFC 6265bis)


def is_valid(value: str | None) -> bool:
    return bool(value) and bool(_VALID.fullmatch(value))


def digest(value: str) -> str:
    """What a login keeps: the key itself never sits in session state."""
    return hashlib.sha256(value.encode()).hexdigest()


def cookie_header(value: str, secure: bool) -> bytes:
    parts = [f"{COOKIE}={value}", "Path=/", f"Max-Age={MAX_AGE}", "HttpOnly", "SameSite=Strict"]
    return "; ".join(parts + (["Secure"] if secure else [])).encode()


class BrowserKeyMiddleware:
    """Give a page response a new key when the browser asking for it has none (or a malformed one).

    Only HTML responses carry it: the page is what a browser loads before it opens the
    websocket, and scripts, images and API calls need not set cookies.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or is_valid(HTTPConnection(scope).cookies.get(COOKIE)):
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        secure = scope.get("scheme") == "https" or connection.headers.get("x-forwarded-proto") == "https"
        header = cookie_header(secrets.token_urlsafe(32), secure)

        async def send_with_key(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if content_type.startswith(b"text/html"):
                    message = {**message, "headers": [*headers, (b"set-cookie", header)]}
            await send(message)

        await self.app(scope, receive, send_with_key)
