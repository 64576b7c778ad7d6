"""Cached access to the data layer for pages.

The process's one ``Database`` (thread-safe, see ``data_layer.db``) is held here, in a
module variable, not in ``st.cache_resource``: any websocket client can ask Streamlit to clear
its caches, and the database object and its write lock must survive that. Query results go
through ``st.cache_data`` keyed on the number of the published generation the run reads
(``app.py`` moves to the newest at the start of each run), the same in every process: no page
shows data from before an import, wherever it ran; a cleared cache only costs recomputing.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import NamedTuple

import pandas as pd
import streamlit as st

from data_layer import audit, export, mapping, profiles, trends
from data_layer.batches import recent_imports, undo_batch
from data_layer.db import Database
from data_layer.derive import Derived
from data_layer.ingest import ImportRejected, Resolution, import_bytes, preview_bytes, resolve_parties
from data_layer.kpis import Kpi, compute_kpis
from data_layer.parties import Unmatched
from data_layer.problems import ImportResult, Problem
from data_layer.profiles import Profile
from data_layer.settings import Settings
from data_layer.startup import is_sample, open_database
from data_layer.users import User
from data_layer.validate import Progress


def settings() -> Settings:
    """Settings as the environment says now (cheap; not cached so tests can change them)."""
    return Settings()


def today() -> dt.date:
    """Today, or the date ``DASHBOARD_AS_OF`` freezes it to (tests, rehearsed briefings)."""
    frozen = settings().as_of
    return dt.date.fromisoformat(frozen) if frozen else dt.date.today()


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


def _key(db: Database) -> tuple[str, int]:
    return db.path, db.generation


@st.cache_data(show_spinner=False, max_entries=256)
def _kpis(key: tuple[str, int], as_of: dt.date, county: str | None) -> list[Kpi]:
    return compute_kpis(database(), as_of, county)


def kpis(as_of: dt.date, county: str | None) -> list[Kpi]:
    """K1–K5 for the filters."""
    return _kpis(_key(database()), as_of, county)


@st.cache_data(show_spinner=False, max_entries=256)
def _trend(key: tuple[str, int], name: str, as_of: dt.date, county: str | None) -> pd.DataFrame:
    return getattr(trends, name)(database(), as_of, county)


def trend(name: str, as_of: dt.date, county: str | None) -> pd.DataFrame:
    """One of ``data_layer.trends``' series (``filings_over_time``, ``rate_over_time`` ...)."""
    return _trend(_key(database()), name, as_of, county)


@st.cache_data(show_spinner=False, max_entries=16)
def _data_as_of(key: tuple[str, int]) -> dt.date | None:
    return trends.data_as_of(database())


def data_as_of() -> dt.date | None:
    """数据截至: the latest date any record carries."""
    return _data_as_of(_key(database()))


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


@st.cache_data(show_spinner=False, max_entries=8)
def _recent_imports(key: tuple[str, int]) -> pd.DataFrame:
    return recent_imports(database())


def recent_imports_log() -> pd.DataFrame:
    """The latest import batches, newest first."""
    return _recent_imports(_key(database()))


def audit_log(chosen: audit.Filter, limit: int) -> pd.DataFrame:
    """The audit log's entries (not cached: read fresh on each run, it is small and indexed)."""
    return audit.entries(database(), chosen, limit=limit)


def audit_users() -> list[str]:
    return audit.users_seen(database())


def undo(batch_id: int, user: User) -> int:
    """Undo an import batch (raises ``UndoRefused``); caches move on with the generation."""
    return undo_batch(database(), batch_id, user=user.username, role=user.role)


@st.cache_data(show_spinner=False, max_entries=16)
def _sample_in_use(key: tuple[str, int]) -> bool:
    return is_sample(database())


def sample_in_use() -> bool:
    """Whether the 示例数据 marker shows; asked on every run, so cached until the next write."""
    return _sample_in_use(_key(database()))


@st.cache_data(show_spinner=False, max_entries=32)
def _table_rows(key: tuple[str, int], table: str) -> int:
    return export.table_rows(database(), table)


def table_rows(table: str) -> int:
    return _table_rows(_key(database()), table)


@st.cache_data(show_spinner=False, max_entries=32)
def _table_preview(key: tuple[str, int], table: str, limit: int) -> pd.DataFrame:
    return export.table_frame(database(), table, limit)


def table_preview(table: str, limit: int) -> pd.DataFrame:
    """The first rows of a table, as the export writes them."""
    return _table_preview(_key(database()), table, limit)


def table_file(table: str, fmt: str, by: audit.Actor) -> bytes:
    """The whole table as a formula-safe CSV or XLSX; built when the button is clicked, maybe
    outside the page run (so ``by``, the page's actor, is passed along for the audit log)."""
    frame = export.table_frame(database(), table)
    audit.record(database(), "export", f"{table}.{fmt}: {len(frame)} rows", user=by.user, client=by.client)
    return export.to_csv_bytes(frame) if fmt == "csv" else export.to_xlsx_bytes(frame)
