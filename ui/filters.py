"""The filters every page shares (language, county, period, institution kind, patent type),
kept in the URL.

Widgets live in the entry script's sidebar so they survive page changes; each value is
mirrored into ``st.query_params`` so a view can be bookmarked and sent. A value in the URL
that is not a valid option is ignored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from data_layer.counties import BY_ADCODE, COUNTIES
from data_layer.i18n import t
from data_layer.models import PATENT_TYPES as MODEL_PATENT_TYPES

LATEST = "latest"
FIRST_PERIOD_YEAR = 2023


# Institution kinds a page can be narrowed to; "academic" is universities and research
# institutes together, the population of the industrialization-rate target (K4).
INSTITUTION_KINDS = ("academic", "university", "research_institute", "city_soe", "enterprise")
PATENT_TYPES = tuple(MODEL_PATENT_TYPES.values())  # invention, utility_model, design


@dataclass(frozen=True)
class Filters:
    lang: str
    county: str | None  # adcode, None for the whole city
    period: str  # "latest", "2025" (year end) or "2025Q3" (quarter end)
    as_of: dt.date
    inst_kind: str | None = None  # one of INSTITUTION_KINDS, None for all
    patent_type: str | None = None  # one of PATENT_TYPES, None for all


def inst_kind_label(kind: str, lang: str) -> str:
    return t(f"ui.inst_kind.{kind or 'all'}", lang)


def patent_type_label(patent_type: str, lang: str) -> str:
    return t(f"ui.patent_type.{patent_type or 'all'}", lang)


def period_options(today: dt.date) -> list[str]:
    """Latest, then each completed year end and quarter end back to the plan's start, newest first."""
    quarters = pd.period_range(f"{FIRST_PERIOD_YEAR}Q1", pd.Period(today, freq="Q") - 1, freq="Q")
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
    county = BY_ADCODE[adcode]
    return county.name_en if lang == "en" else county.name_zh


def _bound(key: str, options: list[str], default: str) -> None:
    """Seed a widget's state from the URL once, before the widget is drawn."""
    if key not in st.session_state or st.session_state[key] not in options:
        wanted = st.query_params.get(key, default)
        st.session_state[key] = wanted if wanted in options else default


def _mirror(key: str, default: str) -> None:
    value = st.session_state[key]
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def sidebar_filters(default_lang: str, today: dt.date) -> Filters:
    """Draw the shared filters in the sidebar and return what they say."""
    languages = ["zh", "en"]
    _bound("lang", languages, default_lang)
    lang = st.session_state["lang"]
    st.sidebar.segmented_control(
        t("ui.filter.language", lang),
        languages,
        key="lang",
        format_func=lambda code: "中文" if code == "zh" else "English",
        required=True,
    )
    lang = st.session_state["lang"]
    counties = ["", *(c.adcode for c in COUNTIES)]
    _bound("county", counties, "")
    st.sidebar.selectbox(
        t("ui.filter.county", lang), counties, key="county", format_func=lambda c: county_label(c, lang)
    )
    periods = period_options(today)
    _bound("period", periods, LATEST)
    st.sidebar.selectbox(
        t("ui.filter.period", lang), periods, key="period", format_func=lambda p: period_label(p, lang)
    )
    kinds = ["", *INSTITUTION_KINDS]
    _bound("inst_kind", kinds, "")
    st.sidebar.selectbox(
        t("ui.filter.inst_kind", lang), kinds, key="inst_kind", format_func=lambda k: inst_kind_label(k, lang)
    )
    types = ["", *PATENT_TYPES]
    _bound("patent_type", types, "")
    st.sidebar.selectbox(
        t("ui.filter.patent_type", lang),
        types,
        key="patent_type",
        format_func=lambda k: patent_type_label(k, lang),
    )
    defaults = (
        ("lang", default_lang),
        ("county", ""),
        ("period", LATEST),
        ("inst_kind", ""),
        ("patent_type", ""),
    )
    for key, default in defaults:
        _mirror(key, default)
    return current(default_lang, today)


def current(default_lang: str, today: dt.date) -> Filters:
    """The filters as the sidebar last set them (pages call this; the entry script draws them)."""
    period = st.session_state.get("period", LATEST)
    return Filters(
        st.session_state.get("lang", default_lang),
        st.session_state.get("county") or None,
        period,
        period_end(period, today),
        st.session_state.get("inst_kind") or None,
        st.session_state.get("patent_type") or None,
    )


def ignored_filters(chosen: Filters, names: tuple[str, ...]) -> str:
    """The names (in the reader's language) of those of ``names`` that are set, for a caption
    saying a page does not apply them; empty when none is set."""
    labels = {
        "inst_kind": "ui.filter.inst_kind",
        "patent_type": "ui.filter.patent_type",
        "county": "ui.filter.county",
    }
    set_ = [t(labels[n], chosen.lang) for n in names if getattr(chosen, n)]
    return "、".join(set_) if chosen.lang == "zh" else ", ".join(set_)
