"""The filters every page shares (language, county, period, institution kind, patent type),
kept in the URL.

Widgets live in the entry script's sidebar so they survive page changes. ``read`` gives what
they hold as one ``Filters`` (the reader's language, the period as named, and the ``Scope``
every query takes), seeding each widget from the URL the first time; ``write`` mirrors a
``Filters`` back into ``st.query_params``, so a view can be bookmarked and sent. A URL
parameter and its widget share a name (``county``, ``period`` ...); a value that is not a
valid option gives way to the default, and a default is left out of the URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from data_layer.counties import by_adcode, divisions
from data_layer.i18n import t
from data_layer.measures import plan
from data_layer.models import PATENT_TYPES as MODEL_PATENT_TYPES
from data_layer.scope import Scope

from . import state

LATEST = "latest"


# Institution kinds a page can be narrowed to; "academic" is universities and research
# institutes together, the population of the industrialization-rate target (K4).
INSTITUTION_KINDS = ("academic", "university", "research_institute", "city_soe", "enterprise")
PATENT_TYPES = tuple(MODEL_PATENT_TYPES.values())  # invention, utility_model, design


LANGUAGES = ("zh", "en")
PARAMS = ("lang", "county", "period", "inst_kind", "patent_type")  # URL parameters = widget keys


@dataclass(frozen=True)
class Filters:
    """What the sidebar says: the reader's language, and the question every page answers."""

    lang: str
    period: str  # "latest", "2025" (year end) or "2025Q3" (quarter end); scope.as_of is its date
    scope: Scope


def inst_kind_label(kind: str, lang: str) -> str:
    return t(f"ui.inst_kind.{kind or 'all'}", lang)


def patent_type_label(patent_type: str, lang: str) -> str:
    return t(f"ui.patent_type.{patent_type or 'all'}", lang)


def period_options(today: dt.date) -> list[str]:
    """Latest, then each completed year end and quarter end back to the plan's start, newest first."""
    quarters = pd.period_range(pd.Period(plan().start, freq="Q"), pd.Period(today, freq="Q") - 1, freq="Q")
    options = [LATEST]
    for quarter in reversed(quarters):
        options.append(str(quarter.year) if quarter.quarter == 4 else f"{quarter.year}Q{quarter.quarter}")
    return options


def period_end(period: str, today: dt.date) -> dt.date:
    """The date a period option stands for."""
    if period == LATEST:
        return today
    if "Q" in period:
        return pd.Period(period, freq="Q").end_time.date()
    return dt.date(int(period), 12, 31)


def period_label(period: str, lang: str) -> str:
    if period == LATEST:
        return t("ui.period.latest", lang)
    if "Q" in period:
        year, quarter = period.split("Q")
        return t("ui.period.quarter_end", lang, year=year, quarter=quarter)
    return t("ui.period.year_end", lang, year=period)


def county_label(adcode: str, lang: str) -> str:
    if adcode == "":
        return t("ui.county.all", lang)
    county = by_adcode()[adcode]
    return county.name_en if lang == "en" else county.name_zh


# --- URL and widgets ------------------------------------------------------------------------------


def options(today: dt.date) -> dict[str, list[str]]:
    """Each parameter's valid values ("" is all counties, kinds or types)."""
    return {
        "lang": list(LANGUAGES),
        "county": ["", *(c.adcode for c in divisions())],
        "period": period_options(today),
        "inst_kind": ["", *INSTITUTION_KINDS],
        "patent_type": ["", *PATENT_TYPES],
    }


def defaults(default_lang: str) -> dict[str, str]:
    return {"lang": default_lang, "county": "", "period": LATEST, "inst_kind": "", "patent_type": ""}


def from_values(values: Mapping, *, default_lang: str, today: dt.date, region: str) -> Filters:
    """The Filters that URL parameters or widget values say (an invalid value gives way to the default)."""
    allowed, fallback = options(today), defaults(default_lang)
    value = {key: values.get(key) if values.get(key) in allowed[key] else fallback[key] for key in PARAMS}
    scope = Scope(
        region=region,
        as_of=period_end(value["period"], today),
        division=value["county"] or None,
        inst_kind=value["inst_kind"] or None,
        patent_type=value["patent_type"] or None,
    )
    return Filters(lang=value["lang"], period=value["period"], scope=scope)


def values_of(chosen: Filters) -> dict[str, str]:
    """The URL parameters (and widget values) that say ``chosen``."""
    scope = chosen.scope
    return {
        "lang": chosen.lang,
        "county": scope.division or "",
        "period": chosen.period,
        "inst_kind": scope.inst_kind or "",
        "patent_type": scope.patent_type or "",
    }


def read() -> Filters:
    """The filters this session's widgets hold; a widget not seen yet (or holding a value no
    longer valid) first takes the URL's value. The entry script and every page call this."""
    settings, today = state.settings(), state.today()
    known = {"default_lang": settings.language, "today": today, "region": settings.region}
    allowed = options(today)
    wanted = values_of(from_values(st.query_params, **known))
    for key in PARAMS:
        if st.session_state.get(key) not in allowed[key]:
            st.session_state[key] = wanted[key]  # before the widget is drawn, or it refuses
    return from_values(st.session_state, **known)


def write(chosen: Filters) -> None:
    """Mirror ``chosen`` into the URL: each filter off its default, the others left out."""
    fallback = defaults(state.settings().language)
    for key, value in values_of(chosen).items():
        if value == fallback[key]:
            st.query_params.pop(key, None)
        else:
            st.query_params[key] = value


def sidebar_filters() -> Filters:
    """Draw the shared filters in the sidebar, mirror them into the URL and return what they say."""
    chosen = read()
    lang, allowed = chosen.lang, options(state.today())
    st.sidebar.segmented_control(
        t("ui.filter.language", lang),
        allowed["lang"],
        key="lang",
        format_func=lambda code: "中文" if code == "zh" else "English",
        required=True,
    )
    st.sidebar.selectbox(
        t("ui.filter.county", lang),
        allowed["county"],
        key="county",
        format_func=lambda c: county_label(c, lang),
    )
    st.sidebar.selectbox(
        t("ui.filter.period", lang),
        allowed["period"],
        key="period",
        format_func=lambda p: period_label(p, lang),
    )
    st.sidebar.selectbox(
        t("ui.filter.inst_kind", lang),
        allowed["inst_kind"],
        key="inst_kind",
        format_func=lambda k: inst_kind_label(k, lang),
    )
    st.sidebar.selectbox(
        t("ui.filter.patent_type", lang),
        allowed["patent_type"],
        key="patent_type",
        format_func=lambda k: patent_type_label(k, lang),
    )
    write(chosen)
    return chosen


def ignored_filters(chosen: Filters, names: tuple[str, ...]) -> str:
    """The names (in the reader's language) of those of ``names`` (Scope fields) that are set,
    for a caption saying a page does not apply them; empty when none is set."""
    labels = {
        "inst_kind": "ui.filter.inst_kind",
        "patent_type": "ui.filter.patent_type",
        "division": "ui.filter.county",
    }
    set_ = [t(labels[n], chosen.lang) for n in names if getattr(chosen.scope, n)]
    return "、".join(set_) if chosen.lang == "zh" else ", ".join(set_)
