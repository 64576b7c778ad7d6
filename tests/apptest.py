"""Running the app under AppTest: the entry script, URL query parameters, then one page."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from data_layer.users import User
from ui import browser_key

from .conftest import APPTEST_BROWSER_KEY, ROOT


def open_app(page: str | None = None, query: dict | None = None) -> AppTest:
    """Run app.py with ``query`` in the URL, switch to ``page`` (a views/ script) if given."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def open_as_staff(
    page: str, query: dict | None = None, role: str = "staff", user: User | None = None
) -> AppTest:
    """Run app.py as the logged-in staff member 李工 (user ``li``, ``role``), or as ``user``,
    then switch to ``page``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.session_state["auth.user"] = user or User("li", "李工", role)
    at.session_state["auth.seen"] = dt.datetime.now()
    at.session_state["auth.browser"] = browser_key.digest(APPTEST_BROWSER_KEY)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at
