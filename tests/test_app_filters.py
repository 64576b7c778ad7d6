"""The shared filters: the URL reads into one Filters (and its Scope) and is written back from it."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from data_layer.scope import Scope
from ui import filters

from .apptest import open_app
from .conftest import APP_AS_OF

TODAY = dt.date.fromisoformat(APP_AS_OF)
KNOWN = {"default_lang": "zh", "today": TODAY, "region": "zhanjiang"}
# Every filter off its default.
WHOLE = {
    "lang": "en",
    "county": "440881",
    "period": "2025Q3",
    "inst_kind": "university",
    "patent_type": "design",
}


def url(at: AppTest) -> dict[str, str]:
    """The app's filter parameters (a drill-down's may sit beside them)."""
    found = {k: at.query_params[k] for k in filters.PARAMS if k in at.query_params}
    return {k: v[0] if isinstance(v, list) else v for k, v in found.items()}


def test_values_and_filters_round_trip():
    chosen = filters.from_values(WHOLE, **KNOWN)
    assert chosen == filters.Filters(
        lang="en",
        period="2025Q3",
        scope=Scope(
            as_of=dt.date(2025, 9, 30), division="440881", inst_kind="university", patent_type="design"
        ),
    )
    assert filters.values_of(chosen) == WHOLE
    assert filters.from_values(filters.values_of(chosen), **KNOWN) == chosen
    nothing = filters.from_values({}, **KNOWN)
    assert nothing == filters.Filters("zh", filters.LATEST, Scope(as_of=TODAY))
    assert filters.values_of(nothing) == filters.defaults("zh")


def test_invalid_values_give_way_to_the_defaults():
    chosen = filters.from_values(
        {"lang": "fr", "county": "110101", "period": "1999", "inst_kind": "x", "patent_type": "?"}, **KNOWN
    )
    assert chosen == filters.from_values({}, **KNOWN)


def test_the_url_reads_into_the_scope_and_is_written_back_unchanged(app_env):
    at = open_app(None, WHOLE)
    assert url(at) == WHOLE
    assert {k: at.session_state[k] for k in filters.PARAMS} == WHOLE  # the widgets hold them
    # The page drew that Scope: the overview's scope line names the county and the quarter end.
    assert "Lianjiang" in at.caption[0].value and "2025" in at.caption[0].value
    # A link sent from it opens the same view.
    again = open_app(None, url(at))
    assert url(again) == WHOLE


def test_a_widget_change_is_written_to_the_url_and_a_default_left_out(app_env):
    at = open_app(None, {"county": "440881", "period": "2025"})
    at.selectbox(key="county").set_value("").run()
    at.selectbox(key="patent_type").set_value("invention").run()
    assert url(at) == {"period": "2025", "patent_type": "invention"}
    at.selectbox(key="period").set_value(filters.LATEST).run()
    assert url(at) == {"patent_type": "invention"}


@pytest.mark.parametrize("page", ["views/measures.py", "views/filings.py", "views/counties.py"])
def test_every_page_keeps_the_filters_in_the_url(app_env, page):
    at = open_app(page, WHOLE)
    assert url(at) == WHOLE
