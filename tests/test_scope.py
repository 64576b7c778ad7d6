"""The Scope every page query takes: a value, and a cache key Streamlit hashes by value."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pytest
from streamlit.runtime.caching.cache_type import CacheType
from streamlit.runtime.caching.hashing import update_hash

from data_layer.regions import DEFAULT_PACK
from data_layer.scope import Scope

AS_OF = dt.date(2025, 12, 31)


def streamlit_hash(value) -> str:
    """The digest ``st.cache_data`` computes for an argument (its key is made of these)."""
    hasher = hashlib.new("md5", usedforsecurity=False)
    update_hash(value, hasher, CacheType.DATA)
    return hasher.hexdigest()


def test_a_scope_is_a_frozen_value_with_defaults():
    scope = Scope(as_of=AS_OF)
    assert scope.region == DEFAULT_PACK
    assert (scope.division, scope.inst_kind, scope.patent_type) == (None, None, None)
    assert scope == Scope(as_of=AS_OF) and hash(scope) == hash(Scope(as_of=AS_OF))
    with pytest.raises(dataclasses.FrozenInstanceError):
        scope.division = "440881"
    with pytest.raises(TypeError):
        Scope(AS_OF)  # keywords only: four fields are strings or None, easily swapped


def test_with_division_changes_only_the_division():
    scope = Scope(as_of=AS_OF, inst_kind="academic", patent_type="invention")
    lianjiang = scope.with_division("440881")
    assert lianjiang == dataclasses.replace(scope, division="440881")
    assert lianjiang.with_division(None) == scope


def test_a_datetime_is_refused():
    # It would be another cache key for the same day, and compare otherwise in SQL.
    with pytest.raises(TypeError, match=r"datetime\.date"):
        Scope(as_of=dt.datetime(2025, 12, 31))


def test_streamlit_hashes_a_scope_by_value():
    """``st.cache_data`` hashes a dataclass as ``dataclasses.asdict`` of it (hashing.py), and a
    date through its ``__reduce__``, i.e. its value: equal Scopes share a key, and a change in
    any field, a day in the date included, gives another."""
    base = Scope(as_of=AS_OF)
    assert streamlit_hash(base) == streamlit_hash(Scope(as_of=dt.date(2025, 12, 31)))
    others = [
        Scope(as_of=dt.date(2025, 12, 30)),
        Scope(as_of=AS_OF, region="elsewhere"),
        Scope(as_of=AS_OF, division="440881"),
        Scope(as_of=AS_OF, inst_kind="academic"),
        Scope(as_of=AS_OF, patent_type="design"),
    ]
    digests = {streamlit_hash(s) for s in [base, *others]}
    assert len(digests) == 1 + len(others)
    # Inside the argument tuple of a cached call, as ``ui.state.cached`` passes it.
    assert streamlit_hash((base, "filings")) == streamlit_hash((Scope(as_of=AS_OF), "filings"))
    assert streamlit_hash((base, "filings")) != streamlit_hash((base, "turnover"))
