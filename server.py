"""The server: Streamlit's, serving ``app.py``, with the browser key that binds staff logins.

Run with ``streamlit run server.py`` (``make run``; see README, Deploying). Started as
``streamlit run app.py`` the pages work but no staff member can log in (see ``ui.browser_key``).
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from ui.browser_key import BrowserKeyMiddleware

app = st.App("app.py", middleware=[Middleware(BrowserKeyMiddleware)])
