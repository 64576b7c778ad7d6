"""The pages' one cached call path (``ui.state.cached``): keyed on the database, its generation,
the function and its arguments, a Scope first."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest

from data_layer.db import Database
from data_layer.decks import save_deck
from data_layer.kpis import compute_kpis
from data_layer.scope import Scope
from ui import state

# Outside a Streamlit server, st.cache_data keeps its entries in memory (and says so once).
logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)

AS_OF = dt.date(2026, 6, 30)
CALLS: list[tuple[str, Scope, tuple]] = []  # what ``counted`` was asked, cache misses only


def counted(db: Database, scope: Scope, *args) -> tuple:
    """A page query that notes each time it really runs."""
    CALLS.append((db.path, scope, args))
    return db.path, scope.division, args


@pytest.fixture(autouse=True)
def cleared():
    state._cached.clear()
    CALLS.clear()
    yield
    state._cached.clear()


def test_equal_scopes_share_one_entry_and_different_ones_get_their_own(tiny_db):
    first = state.cached(counted, Scope(as_of=AS_OF), db=tiny_db)
    again = state.cached(counted, Scope(as_of=dt.date(2026, 6, 30)), db=tiny_db)  # another, equal object
    assert first == again and len(CALLS) == 1
    state.cached(counted, Scope(as_of=AS_OF, division="440881"), db=tiny_db)
    state.cached(counted, Scope(as_of=dt.date(2026, 6, 29)), db=tiny_db)
    state.cached(counted, Scope(as_of=AS_OF, patent_type="design"), db=tiny_db)
    assert len(CALLS) == 4
    assert [scope for _, scope, _ in CALLS[1:]] == [
        Scope(as_of=AS_OF, division="440881"),
        Scope(as_of=dt.date(2026, 6, 29)),
        Scope(as_of=AS_OF, patent_type="design"),
    ]
    # The arguments after the Scope are part of the key too.
    assert state.cached(counted, Scope(as_of=AS_OF), "turnover", db=tiny_db)[2] == ("turnover",)
    state.cached(counted, Scope(as_of=AS_OF), "turnover", db=tiny_db)
    assert len(CALLS) == 5


def test_a_new_generation_is_a_new_entry(fresh_db):
    scope = Scope(as_of=AS_OF)
    state.cached(counted, scope, db=fresh_db)
    state.cached(counted, scope, db=fresh_db)
    assert len(CALLS) == 1
    before = fresh_db.generation
    save_deck(fresh_db, "总览", ["kpis"], user="li", known={"kpis"})  # any write publishes
    assert fresh_db.generation == before + 1
    state.cached(counted, scope, db=fresh_db)
    assert len(CALLS) == 2


def test_a_snapshot_is_its_own_database(fresh_db, tmp_path):
    """The briefing's frozen data: the key's path selects the database the query runs on."""
    path = tmp_path / "snapshot.duckdb"
    fresh_db.copy_to(path)
    snapshot = Database(path, read_only=True)
    scope = Scope(as_of=AS_OF)
    live = state.cached(counted, scope, db=fresh_db)
    frozen = state.cached(counted, scope, db=snapshot)
    assert (live[0], frozen[0]) == (fresh_db.path, str(path))
    assert [p for p, _, _ in CALLS] == [fresh_db.path, str(path)]
    snapshot.close()


def test_a_real_query_gives_what_it_gives_uncached(tiny_db):
    scope = Scope(as_of=AS_OF, division="440881")
    assert state.cached(compute_kpis, scope, db=tiny_db) == compute_kpis(tiny_db, scope)


def test_what_the_cache_cannot_find_again_is_refused(tiny_db, empty_db):
    with pytest.raises(ValueError, match="module-level function"):
        state.cached(lambda db, scope: None, Scope(as_of=AS_OF), db=tiny_db)
    with pytest.raises(ValueError, match=":memory:"):
        state.cached(counted, Scope(as_of=AS_OF), db=empty_db)


# --- built charts (``ui.state.figure``) -----------------------------------------------------------

BUILT: list[tuple] = []  # what ``drawn`` was asked to build, cache misses only


def drawn(frame, title: str, *, color: str = "#0072B2"):
    """A pure chart builder that notes each time it really builds."""
    import plotly.graph_objects as go

    BUILT.append((len(frame), title, color))
    return go.Figure(go.Bar(x=list(frame["x"]), y=list(frame["y"]), marker_color=color), {"title": title})


def test_a_chart_is_built_once_for_the_same_inputs_and_again_when_they_change(monkeypatch):
    import pandas as pd

    state._built.clear()
    BUILT.clear()
    frame = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})
    first = state.figure(drawn, frame, "K1")
    again = state.figure(drawn, frame.copy(), "K1")  # equal data, another object
    assert len(BUILT) == 1
    # What the browser receives is what the builder drew (the same JSON, keys in any order).
    assert (
        json.loads(again.to_json()) == json.loads(first.to_json()) == json.loads(drawn(frame, "K1").to_json())
    )
    BUILT.clear()
    state.figure(drawn, pd.DataFrame({"x": ["a", "b"], "y": [1, 3]}), "K1")  # the data changed
    state.figure(drawn, frame, "K2")  # another argument
    state.figure(drawn, frame, "K1", color="#D55E00")  # another keyword
    monkeypatch.setenv("DASHBOARD_REGION", "maoming")  # builders name the pack's places
    state.figure(drawn, frame, "K1")
    assert len(BUILT) == 4
    with pytest.raises(ValueError, match="module-level"):
        state.figure(lambda: None)
