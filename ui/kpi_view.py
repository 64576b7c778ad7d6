"""How a KPI is shown: the text of its card and its chart. Pure functions, no Streamlit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from data_layer import trends
from data_layer.figure_history import Revision
from data_layer.i18n import t
from data_layer.kpis import DivisionKpis, Kpi, definition
from data_layer.statuses import STATUSES

from . import charts
from .counties_charts import county_name, reference_line, rows_height
from .theme import PALETTE, format_number, separator, status_badge, status_text, unit_label, value_format

# K1 and K2 draw the monthly filing trend; K3–K5 carry their own history in ``detail``.
TREND_OF = {"K1": trends.filings_over_time, "K2": trends.filings_over_time}
SOURCE_OF = {"K1": "filings", "K2": "filings", "K3": "filings", "K4": "patents", "K5": "contracts"}


@dataclass(frozen=True)
class Card:
    title: str
    value: str
    value_note: str | None
    status: str
    status_label: str
    badge_color: str
    lines: list[str]
    formula: str


def card(kpi: Kpi, lang: str) -> Card:
    """Everything a KPI card says, in ``lang``: a passed deadline's result comes first."""
    lines = []
    if kpi.status_at_deadline:
        lines.append(
            t(
                "ui.kpi.at_deadline",
                lang,
                deadline=kpi.deadline.isoformat(),
                value=value_text(kpi, kpi.value_at_deadline, lang),
                status=t(f"status.{kpi.status_at_deadline}", lang),
            )
        )
    lines += [_target_line(kpi, lang), rising_line(kpi, lang), as_stood_line(kpi, lang)]
    if kpi.period and kpi.deadline:
        lines.append(t("ui.kpi.period", lang, period=kpi.period, deadline=kpi.deadline.isoformat()))
    if kpi.code == "K4" and "valid" in kpi.detail:
        lines.append(
            t("ui.kpi.rate_counts", lang, **{k: f"{kpi.detail[k]:,}" for k in ("valid", "industrialized")})
        )
    if kpi.code == "K5" and kpi.detail.get("turnover_10k") is not None:
        lines.append(
            t("ui.kpi.turnover", lang, value=format_number(kpi.detail["turnover_10k"], "万元", lang))
        )
    if kpi.projection is not None:
        lines.append(t("ui.kpi.projection", lang, value=value_text(kpi, kpi.projection, lang)))
    return Card(
        title=t(f"kpi.{kpi.code}", lang),
        value=value_text(kpi, kpi.value, lang),
        value_note=_value_note(kpi, lang),
        status=kpi.status,
        status_label=status_text(kpi.status, lang),
        badge_color=status_badge(kpi.status),
        lines=[line for line in lines if line],
        formula=formula(kpi, lang),
    )


def formula(kpi: Kpi, lang: str) -> str:
    """The card's ⓘ: the KPI's definition with every rule it applies, then its target in numbers."""
    return ("" if lang == "zh" else " ").join([definition(kpi.code, lang), _target_line(kpi, lang)])


def summary(kpis: list[Kpi], lang: str) -> str:
    """The overview's first line: how many targets, and how many in each status (worst last)."""
    counts = {status: sum(k.status == status for k in kpis) for status in STATUSES}
    parts = [
        t("ui.overview.summary.part", lang, n=n, status=t(f"status.{s}", lang))
        for s, n in counts.items()
        if n
    ]
    return t("ui.overview.summary", lang, n=len(kpis), parts=t("ui.slides.list_sep", lang).join(parts))


def value_text(kpi: Kpi, value: float | None, lang: str) -> str:
    """A KPI value as its card writes it (K5 is a growth rate, with its sign)."""
    if value is not None and kpi.code == "K5":
        return f"{value:+,.1f}%"
    return format_number(value, kpi.unit, lang)


def rising_line(kpi: Kpi, lang: str) -> str | None:
    """A rising target's own test: did the latest year beat the one before, and by how much."""
    if kpi.target_type != "rising" or kpi.detail.get("rise_pct") is None or kpi.value_label is None:
        return None
    key = "ui.kpi.rising.yes" if kpi.detail.get("rising") else "ui.kpi.rising.no"
    return t(key, lang, year=kpi.value_label, change=f"{kpi.detail['rise_pct']:+,.1f}%")


def _value_note(kpi: Kpi, lang: str) -> str | None:
    if kpi.annualized and kpi.value_label:
        return t("ui.kpi.value_annualized", lang, year=kpi.value_label)
    if kpi.value_label:
        return t("ui.kpi.value_year", lang, year=kpi.value_label)
    return None


def _target_line(kpi: Kpi, lang: str) -> str:
    if kpi.target is None:
        return t("ui.kpi.no_target", lang)
    year = kpi.detail.get("baseline_year") or ""
    if kpi.target_type == "exceed":
        return t("ui.kpi.target.exceed", lang, target=format_number(kpi.target, kpi.unit, lang))
    if kpi.target_type == "rising":
        return t("ui.kpi.target.rising", lang)
    if kpi.target_type == "above_baseline":
        return t(
            "ui.kpi.target.above_baseline",
            lang,
            year=year,
            baseline=format_number(kpi.baseline, "%"),
            points=f"{kpi.target:g}",
            threshold=format_number(kpi.threshold, "%"),
        )
    # A growth target's baseline is the base year's amount (万元), not a percentage.
    return t(
        "ui.kpi.target.growth_pct",
        lang,
        year=year,
        baseline=format_number(kpi.baseline, "万元", lang),
        target=format_number(kpi.target, "%"),
    )


def figure(kpi: Kpi, frame: pd.DataFrame | None, lang: str, data_as_of: dt.date | None) -> go.Figure:
    """The chart of one KPI over time against its target or baseline line.

    ``frame`` is the trend ``TREND_OF`` names; None for a KPI that carries its history.
    """
    fig = _figure(kpi, frame, lang, data_as_of)
    unit = "万元" if kpi.code in ("K3", "K5") else kpi.unit
    # Hover values as the cards write them (63 家, 12.5%, 18,000.0 万元); rates tick in %.
    fig.update_yaxes(hoverformat=value_format(unit), ticksuffix="%" if unit == "%" else "")
    return fig


def _figure(kpi: Kpi, frame: pd.DataFrame | None, lang: str, data_as_of: dt.date | None) -> go.Figure:
    if frame is None:
        history = kpi.detail.get("history", [])  # K3's rows carry as_stood too
        named = bool(history) and isinstance(history[0], dict)
        frame = pd.DataFrame(history, columns=None if named else ["label", "value", "partial"])
    freshness = t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—")
    source = t(f"ui.source.{SOURCE_OF[kpi.code]}", lang)
    title = t(f"kpi.{kpi.code}", lang)
    unit = t("ui.chart.unit", lang, unit=unit_label("万元" if kpi.code in ("K3", "K5") else kpi.unit, lang))
    if frame.empty:
        return charts.line_chart(
            pd.DataFrame({"label": [], "value": []}),
            y="value",
            name=title,
            title=title,
            subtitle=f"{t('ui.no_data_yet', lang)}{separator(lang)}{freshness}",
            unit=unit,
        )
    first, last = frame["label"].iloc[0], frame["label"].iloc[-1]
    if kpi.code in ("K1", "K2"):
        period = t("ui.chart.monthly_cumulative", lang, start=first, end=last)
        column = "enterprises" if kpi.code == "K1" else "products"
        return charts.line_chart(
            frame,
            y=column,
            name=title,
            title=title,
            unit=unit,
            subtitle=t("ui.chart.subtitle", lang, period=period, source=source, data_as_of=freshness),
            target=kpi.target,
            target_label=t("ui.chart.target", lang),
        )
    if kpi.code == "K4":
        period = t("ui.chart.quarterly", lang, start=first, end=last)
        return charts.line_chart(
            frame,
            y="value",
            name=title,
            title=title,
            unit=unit,
            subtitle=t("ui.chart.subtitle", lang, period=period, source=source, data_as_of=freshness),
            target=kpi.threshold,
            target_label=t("ui.chart.target", lang),
            baseline=kpi.baseline,
            baseline_label=t("ui.chart.baseline", lang),
        )
    period = t("ui.chart.yearly", lang, start=first, end=last)
    baseline = kpi.baseline
    target = None
    if kpi.code == "K5" and kpi.baseline is not None and kpi.target is not None:
        target = round(kpi.baseline * (1 + kpi.target / 100), 2)
    if kpi.code == "K3":
        period = f"{period}{separator(lang)}{t('ui.chart.k3_revised', lang)}"
    fig = charts.bar_chart(
        frame,
        name=title,
        partial_name=t("ui.chart.partial_year", lang),
        title=title,
        unit=unit,
        subtitle=t("ui.chart.subtitle", lang, period=period, source=source, data_as_of=freshness),
        baseline=baseline,
        baseline_label=t("ui.chart.baseline", lang),
        target=target,
        target_label=t("ui.chart.target", lang),
    )
    if kpi.code == "K3" and "as_stood" in frame:
        _as_stood(fig, frame, lang)
    return fig


def _as_stood(fig: go.Figure, frame: pd.DataFrame, lang: str) -> None:
    """Beside each year's revised bar, the figure as it stood at that year's end (products filed by
    then), a marker: where it is below the bar, late filings have revised the year since."""
    fig.add_trace(
        go.Scatter(
            x=frame["label"],
            y=frame["as_stood"],
            mode="markers",
            name=t("ui.chart.k3_as_stood", lang),
            marker={
                "symbol": "diamond",
                "size": 11,
                "color": PALETTE[1],
                "line": {"width": 1, "color": "#FFFFFF"},
            },
        )
    )


def as_stood_line(kpi: Kpi, lang: str) -> str | None:
    """The K3 card's note when late filings have revised the card's year since its end."""
    if kpi.code != "K3" or not kpi.value_label:
        return None
    stood = kpi.detail.get("as_stood", {}).get(kpi.value_label)
    if stood is None or kpi.value is None or round(stood, 2) == round(kpi.value, 2):
        return None
    return t("ui.kpi.as_stood", lang, year=kpi.value_label, value=format_number(stood, "万元", lang))


def revised_line(kpi: Kpi, first: Revision | None, lang: str) -> str | None:
    """The card's note when imports since the figure was first recorded have revised it."""
    if first is None:
        return None
    then, now = (value_text(kpi, v, lang) for v in (first.value, kpi.value))
    if then == now:
        return None
    return t("ui.kpi.revised", lang, date=f"{first.recorded_at:%Y-%m-%d}", value=then)


# --- the province's ranking of its cities ----------------------------------------------------


def ranking_figure(
    code: str,
    rows: list[DivisionKpis],
    whole: Kpi,
    lang: str,
    data_as_of: dt.date | None,
    highlight: str | None = None,
) -> go.Figure:
    """The divisions ranked on KPI ``code``, largest on top, with the whole region's value dashed
    and the ``highlight`` division (the sidebar's) in orange.

    ``rows`` is ``kpis.division_kpis``; ``whole`` the region's own KPI (its card). A division
    without a value (暂无数据) keeps its row, at the bottom, labelled so.
    """
    values = [(row.adcode, next(k for k in row.kpis if k.code == code)) for row in rows]
    values.sort(key=lambda pair: (pair[1].value is not None, pair[1].value or 0))
    names = [county_name(adcode, lang) for adcode, _ in values]
    numbers = [kpi.value for _, kpi in values]
    texts = [value_text(kpi, kpi.value, lang) for _, kpi in values]
    fig = go.Figure(
        go.Bar(
            x=numbers,
            y=names,
            orientation="h",
            marker_color=[PALETTE[1] if a == highlight else PALETTE[0] for a, _ in values],
            customdata=[adcode for adcode, _ in values],
            text=texts,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
            showlegend=False,
        )
    )
    if whole.value is not None:
        label = f"{t('ui.overview.ranking.whole', lang)} {value_text(whole, whole.value, lang)}"
        reference_line(fig, whole.value, len(names), label)
    freshness = t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—")
    period = t("ui.overview.ranking.period", lang, period=whole.value_label or whole.as_of.isoformat())
    source = t(f"ui.source.{SOURCE_OF[code]}", lang)
    subtitle = t("ui.chart.subtitle", lang, period=period, source=source, data_as_of=freshness)
    unit = t("ui.chart.unit", lang, unit=unit_label(whole.unit, lang))
    charts.titled(fig, [], t("ui.overview.ranking.title", lang, kpi=t(f"kpi.{code}", lang)), subtitle, unit)
    known = [v for v in numbers if v is not None] or [0.0]
    low, high = min(0.0, min(known)), max(0.0, max(known))
    # Room past the longest bar, either side of zero, for the value printed there.
    pad = (high - low or 1.0) * 0.35
    fig.update_xaxes(
        range=[low - (pad if low < 0 else 0), high + pad], showgrid=True, gridcolor="#E5E5E5", tickformat=","
    )
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=names, automargin=True)
    fig.update_layout(height=rows_height(len(names)), dragmode=False)
    return fig
