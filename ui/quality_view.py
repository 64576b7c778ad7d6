"""The data quality page's words, figures and tables (``data_layer.quality``), the overview's
one-line summary of it, and the page's choice of check (``?check=`` in the URL). Builders are
pure: a Quality in, text or a figure out."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from data_layer.i18n import t
from data_layer.quality import BY_CODE, Finding, Quality, SourceUpdate

from . import charts
from .records_view import readable
from .theme import PALETTE, TARGET_COLOR, format_number, separator

SUMMARY_NAMES = 3  # gaps the overview's line names before "…"
STALE_DAYS = 100  # a source older than a quarter and a bit is drawn as stale


def check_name(code: str, lang: str) -> str:
    return t(f"ui.quality.check.{code}", lang)


def count_text(finding: Finding, lang: str) -> str:
    """A count with its unit, named for what is counted (项, 件, 家: indicators, patents, institutions)."""
    return t(f"ui.quality.count.{finding.check.code}", lang, count=f"{finding.count:,}")


def moves_text(code: str, lang: str) -> str:
    """The figures a check moves: KPI codes as they are, pages by their names."""
    names = [m if m.startswith("K") else t(f"ui.quality.moves.{m}", lang) for m in BY_CODE[code].moves]
    return ("、" if lang == "zh" else ", ").join(names)


def fix_text(code: str, lang: str) -> str:
    """How to mend the gap: which file to upload, and what to put in it."""
    kind = t(f"kind.{BY_CODE[code].source}", lang)
    return t("ui.quality.fix", lang, kind=kind, how=t(f"ui.quality.how.{code}", lang))


def choose_check(quality: Quality, asked: str | None) -> None:
    """Before the picker is drawn the first time: the check the URL names, else the first with a gap."""
    if st.session_state.get("quality.check") in BY_CODE:
        return
    first = quality.gaps[0].check.code if quality.gaps else quality.findings[0].check.code
    st.session_state["quality.check"] = asked if asked in BY_CODE else first


def pick_check() -> None:
    """The findings chart's click: its bar's check becomes the one whose records are shown."""
    event = st.session_state.get("quality.findings") or {}
    points = (event.get("selection") or {}).get("points") or []
    codes = [p.get("customdata") for p in points if p.get("customdata") in BY_CODE]
    if codes:
        st.session_state["quality.check"] = codes[0]


def summary(quality: Quality, lang: str) -> str:
    """The overview's line: how many checks found gaps, and the first few by name and count."""
    gaps = quality.gaps
    if not gaps:
        return t("ui.quality.summary.none", lang, checks=len(quality.findings))
    named = [f"{check_name(f.check.code, lang)} {count_text(f, lang)}" for f in gaps[:SUMMARY_NAMES]]
    more = "…" if len(gaps) > SUMMARY_NAMES else ""
    joined = ("、" if lang == "zh" else "; ").join(named) + more
    return t("ui.quality.summary.some", lang, gaps=len(gaps), checks=len(quality.findings), named=joined)


def findings_table(quality: Quality, lang: str) -> pd.DataFrame:
    """One row per check: what it looks for, how many records, what it moves, how to mend it."""
    return pd.DataFrame(
        {
            t("ui.quality.col.check", lang): [check_name(f.check.code, lang) for f in quality.findings],
            t("ui.quality.col.count", lang): [count_text(f, lang) for f in quality.findings],
            t("ui.quality.col.why", lang): [
                t(f"ui.quality.why.{f.check.code}", lang) for f in quality.findings
            ],
            t("ui.quality.col.moves", lang): [moves_text(f.check.code, lang) for f in quality.findings],
            t("ui.quality.col.fix", lang): [fix_text(f.check.code, lang) for f in quality.findings],
        }
    )


def sources_table(sources: tuple[SourceUpdate, ...], today: dt.date, lang: str) -> pd.DataFrame:
    never = t("ui.quality.never", lang)
    return pd.DataFrame(
        {
            t("ui.quality.col.source", lang): [t(f"kind.{s.kind}", lang) for s in sources],
            t("ui.quality.col.updated", lang): [
                s.finished_at.strftime("%Y-%m-%d %H:%M") if s.finished_at else never for s in sources
            ],
            t("ui.quality.col.age", lang): [
                format_number(s.age_days(today), "天", lang) if s.finished_at else never for s in sources
            ],
            t("ui.quality.col.batch", lang): [s.batch_id for s in sources],
            t("ui.quality.col.file", lang): [s.file_name or "" for s in sources],
            t("ui.quality.col.user", lang): [s.user_name or "" for s in sources],
        }
    )


def records_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A check's records, readable (``records_view.readable``), with the columns named in
    ``lang`` (``ui.quality.field.*``)."""
    shown = readable(frame, lang)
    return shown.rename(columns={c: t(f"ui.quality.field.{c}", lang) for c in shown.columns})


# --- figures ---------------------------------------------------------------------------------


def _subtitle(as_of: dt.date, data_as_of: dt.date | None, lang: str) -> str:
    freshness = t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—")
    return t("ui.quality.chart.subtitle", lang, date=as_of.isoformat(), data_as_of=freshness)


def findings_figure(quality: Quality, as_of: dt.date, data_as_of: dt.date | None, lang: str) -> go.Figure:
    """Each check's records as a bar, its count and unit at its end (units differ between checks)."""
    labels = [check_name(f.check.code, lang) for f in quality.findings]
    counts = [f.count for f in quality.findings]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=counts,
            orientation="h",
            marker_color=[PALETTE[0] if c else PALETTE[4] for c in counts],
            text=[count_text(f, lang) for f in quality.findings],
            textposition="outside",
            cliponaxis=False,
            customdata=[f.check.code for f in quality.findings],
            hovertemplate=f"%{{y}}{separator(lang)}%{{text}}<extra></extra>",
            showlegend=False,
        )
    )
    charts.titled(
        fig,
        [],
        t("ui.quality.chart.findings", lang),
        _subtitle(as_of, data_as_of, lang),
        t("ui.quality.chart.findings_unit", lang),
    )
    fig.update_layout(height=charts.top_margin(2) + 44 * len(labels) + 60)
    fig.update_yaxes(autorange="reversed", type="category", automargin=True, tickformat="")
    fig.update_xaxes(rangemode="tozero", tickformat=",", range=[0, max([*counts, 1]) * 1.25])
    return fig


def freshness_figure(sources: tuple[SourceUpdate, ...], today: dt.date, lang: str) -> go.Figure:
    """Days since each source was last loaded; a source never loaded is named so, a stale one marked."""
    labels = [t(f"kind.{s.kind}", lang) for s in sources]
    ages = [s.age_days(today) for s in sources]
    never = t("ui.quality.never", lang)
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=[0 if a is None else a for a in ages],
            orientation="h",
            marker_color=[PALETTE[4] if a is None or a > STALE_DAYS else PALETTE[0] for a in ages],
            text=[never if a is None else format_number(a, "天", lang) for a in ages],
            textposition="outside",
            cliponaxis=False,
            hovertemplate=f"%{{y}}{separator(lang)}%{{text}}<extra></extra>",
            showlegend=False,
        )
    )
    subtitle = t("ui.quality.chart.freshness_subtitle", lang, date=today.isoformat(), days=STALE_DAYS)
    charts.titled(fig, [], t("ui.quality.chart.freshness", lang), subtitle, t("ui.quality.chart.days", lang))
    fig.add_vline(x=STALE_DAYS, line={"color": TARGET_COLOR, "dash": "dash", "width": 1})
    known = [a for a in ages if a is not None]
    fig.update_layout(height=charts.top_margin(2) + 44 * len(labels) + 60)
    fig.update_yaxes(autorange="reversed", type="category", automargin=True, tickformat="")
    fig.update_xaxes(rangemode="tozero", tickformat=",", range=[0, max([*known, STALE_DAYS]) * 1.25])
    return fig
