"""Cached access to the data layer for pages.

The process's one ``Database`` (thread-safe, see ``data_layer.db``) is held here, in a
module variable, not in ``st.cache_resource``: any websocket client can ask Streamlit to clear
its caches, and the database object and its write lock must survive that.

Every cached query goes one way: ``cached(fn, scope, *args)`` is ``fn(db, scope, *args)``
from one ``st.cache_data`` function, keyed on the database's path, the number of the published
generation the run reads (``app.py`` moves to the newest at the start of each run; the number
is the same in every process), the function's module and name, and the arguments, a frozen
``Scope`` first for page queries. No page shows data from before an import, wherever it ran;
a cleared cache only costs recomputing. ``db=`` chooses another database, e.g. a briefing's
frozen snapshot, which has its own path and never changes.

Built charts go one way too: ``figure(builder, *args)`` keeps a pure builder's figure for
every viewer of the same inputs (keyed on their values and the region pack, not the database).

    table = state.cached(county_metrics.county_metrics, chosen.scope)
    deck = state.cached(decks.saved_decks)
    fig = state.figure(kpi_view.figure, kpi, frame, lang, data_as_of)
"""

from __future__ import annotations

import datetime as dt
import importlib
import threading
import weakref
from collections.abc import Callable
from typing import NamedTuple, TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from data_layer import audit, export, mapping, profiles, regions
from data_layer.batches import undo_batch
from data_layer.db import Database
from data_layer.derive import Derived
from data_layer.ingest import ImportRejected, Resolution, import_bytes, preview_bytes, resolve_parties
from data_layer.parties import Unmatched
from data_layer.problems import ImportResult, Problem
from data_layer.profiles import Profile
from data_layer.settings import Settings
from data_layer.startup import open_database
from data_layer.users import User
from data_layer.validate import Progress

T = TypeVar("T")


def settings() -> Settings:
    """Settings as the environment says now (cheap; not cached so tests can change them)."""
    return Settings()


def today() -> dt.date:
    """Today, or the date ``DASHBOARD_AS_OF`` freezes it to (tests, rehearsed briefings)."""
    return settings().today()


_databases: dict[tuple[str, str], Database] = {}
_opening = threading.Lock()  # two sessions starting at once open the file once


def database() -> Database:
    """The process's one Database for the configured file, built from sample data if missing."""
    current = settings()
    key = (str(current.db_path), str(current.sample_dir))
    with _opening:
        if key not in _databases:
            _databases[key] = open_database(Settings(db_path=key[0], sample_dir=key[1]))
        return _databases[key]


# --- the one cached call path --------------------------------------------------------------------

# The databases ``cached`` was given, by path: the cached function receives only the path (the
# key), and finds the object here. Weak, so a snapshot nobody uses any more can close.
_by_path: weakref.WeakValueDictionary[str, Database] = weakref.WeakValueDictionary()

# One LRU for every query. The per-page caches it replaces allowed about 1,700 entries between
# them, each its own budget (512 for slides alone); shared, fewer go further. A page run asks
# for two to eight entries, a deck one per slide. On the sample a page's data pickles to 4-83 KB
# and a slide to 3-18 KB (bench_pages.py --scale 1): a full cache holds tens of MB. Results
# grow with the data (a ranking has a row per institution): measure at 100x before raising this.
CACHE_ENTRIES = 1024


def cached(fn: Callable[..., T], *args, db: Database | None = None) -> T:
    """``fn(db, *args)``, from the cache while ``db``'s data stay the same (default: the live data).

    ``fn`` is a module-level data-layer function; page queries take a ``Scope`` first. The
    arguments are the cache key, so they must hash by value (a frozen dataclass, dates,
    strings, numbers, None, tuples of those).
    """
    module, name = _name_of(fn, "cached")
    db = database() if db is None else db
    if db.path == ":memory:":
        raise ValueError("cached() needs a database file: every ':memory:' database has the same path")
    _by_path[db.path] = db
    return _cached(db.path, db.generation, module, name, args)


# No parameter starts with "_": Streamlit leaves those out of the key.
@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _cached(path: str, generation: int, module: str, name: str, args: tuple):
    del generation  # part of the key only: a new generation is a new entry
    return _named(module, name)(_by_path[path], *args)


def _name_of(fn: Callable, caller: str) -> tuple[str, str]:
    """``fn``'s module and name, by which the cache finds it again (refused for a lambda or a
    nested function: <lambda>, <locals>)."""
    if "<" in fn.__qualname__:
        raise ValueError(f"{caller}() needs a module-level function, not {fn.__qualname__}")
    return fn.__module__, fn.__qualname__


def _named(module: str, name: str) -> Callable:
    """The module-level function ``module.name`` (the cache keys on names, not objects)."""
    fn = importlib.import_module(module)
    for part in name.split("."):
        fn = getattr(fn, part)
    return fn


def figure(build: Callable[..., go.Figure], *args, **kwargs) -> go.Figure:
    """``build(*args, **kwargs)``: a chart from a pure builder, built once for every viewer of the
    same data.

    The key is the builder's name and the values of its inputs (Streamlit hashes frames and
    dataclasses by content), so a chart is built again exactly when what it draws changed.
    The figure is kept as Plotly's JSON-ready dict and made a Figure again without Plotly's
    validation, which it passed when it was built: at 100x the overview's five charts took
    70 ms of every view to build, and take 3 ms this way.
    """
    module, name = _name_of(build, "figure")
    spec = _built(regions.current_name(), module, name, args, tuple(sorted(kwargs.items())))
    return go.Figure(spec, _validate=False)


# The region pack is part of the key: builders name places from it (tests run several packs in
# one process; a deployment serves one).
@st.cache_data(show_spinner=False, max_entries=CACHE_ENTRIES)
def _built(region: str, module: str, name: str, args: tuple, kwargs: tuple) -> dict:
    del region  # part of the key only
    return _named(module, name)(*args, **dict(kwargs)).to_plotly_json()


class UploadCheck(NamedTuple):
    """A checked upload: the preview if it can load, else its problems; what reading found."""

    result: ImportResult | None
    problems: list[Problem]
    detected: dict
    unmatched: list[Unmatched]  # party names staff must resolve before it can load
    derived: list[Derived]  # values derived or assumed


def check_upload(
    data: bytes,
    digest: str,
    file_name: str,
    kind: str,
    sheet: str | None,
    progress: Progress,
    profile: Profile | None = None,
) -> UploadCheck:
    """Preview an upload, remembered in this session until the file, sheet, mapping or data change.

    Kept in ``session_state`` rather than ``cache_data``: it is one person's upload in
    progress, and ``progress`` reports to their page while a large file is read. ``profile``
    is a mapping staff chose on the page (default: the one recognized from the header).
    """
    db = database()
    mapping = profile.model_dump_json() if profile else None
    key = (digest, file_name, kind, sheet, mapping, db.path, db.generation)
    memo = st.session_state.setdefault("upload.check", {})
    if key not in memo:
        memo.clear()  # one upload at a time: never hold two large previews
        try:
            result = preview_bytes(db, data, file_name, kind, sheet=sheet, progress=progress, profile=profile)
            memo[key] = UploadCheck(result, result.warnings, result.detected, [], result.derived)
        except ImportRejected as exc:
            memo[key] = UploadCheck(None, exc.problems, exc.detected, exc.unmatched, exc.derived)
    return memo[key]


def commit_upload(
    data: bytes,
    file_name: str,
    kind: str,
    sheet: str | None,
    user: str,
    progress: Progress,
    profile: Profile | None = None,
) -> ImportResult | list[Problem]:
    """Load the upload (one transaction). Every cached query keys on the new generation."""
    try:
        return import_bytes(
            database(), data, file_name, kind, user=user, sheet=sheet, progress=progress, profile=profile
        )
    except ImportRejected as exc:
        return exc.problems


def resolve_names(resolutions: list[Resolution], user: str) -> ImportResult | None:
    """Create or pick the institutions staff chose for unmatched names (raises DashboardError)."""
    return resolve_parties(database(), resolutions, user=user)


def save_profile(profile: Profile, user: str) -> Profile:
    """Save a column mapping by name (raises ProfileError)."""
    return profiles.save(database(), profile, user)


def other_kind_of(header: list[str], kind: str) -> Profile | None:
    """A profile of another kind that this header fits: the file was given the wrong kind."""
    return next((p for p in profiles.fitting(database(), header) if p.kind != kind), None)


def mapping_sample(
    data: bytes, digest: str, file_name: str, kind: str, sheet: str | None
) -> tuple[list[str], list[list[str]]]:
    """The upload's header and first rows, for the mapping step: read once per upload, not on
    every rerun of the page (the step is laid out even while folded)."""
    key = (digest, kind, sheet)
    memo = st.session_state.setdefault("upload.mapping.sample", {})
    if key not in memo:
        memo.clear()
        known = profiles.headers_of(profiles.all_profiles(database()), kind)
        memo[key] = mapping.sample_of(data, file_name, kind, sheet, known)
    return memo[key]


def audit_log(chosen: audit.Filter, limit: int) -> pd.DataFrame:
    """The audit log's entries (not cached: read fresh on each run, it is small and indexed)."""
    return audit.entries(database(), chosen, limit=limit)


def audit_users() -> list[str]:
    return audit.users_seen(database())


def undo(batch_id: int, user: User) -> int:
    """Undo an import batch (raises ``UndoRefused``); caches move on with the generation."""
    return undo_batch(database(), batch_id, user=user.username, role=user.role)


def table_file(table: str, fmt: str, by: audit.Actor) -> bytes:
    """The whole table as a formula-safe CSV or XLSX; built when the button is clicked, maybe
    outside the page run (so ``by``, the page's actor, is passed along for the audit log)."""
    frame = export.table_frame(database(), table)
    audit.record(database(), "export", f"{table}.{fmt}: {len(frame)} rows", user=by.user, client=by.client)
    return export.to_csv_bytes(frame) if fmt == "csv" else export.to_xlsx_bytes(frame)
