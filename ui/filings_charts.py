"""Charts of the filings and contracts page: pure builders, DataFrame in, Plotly figure out.

Every chart goes through ``charts.titled`` (title, subtitle with period, source and 数据截至,
unit). Bars a reader can click for a drill-down carry the item's code in ``customdata``.
Category charts are horizontal so that names stay level and legible on a phone.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import charts
from .theme import PALETTE, bracketed, separator, value_format

MUTED = 0.35  # opacity of the counties not chosen, when one is
# An open year's segments keep their type's colour under white hatching.
HATCH = {"fillmode": "overlay", "fgcolor": "white", "solidity": 0.35}
SUBPLOT_TITLE_ROOM = 22  # the two panel titles of paired bars
PANEL_TITLE_EMS = 6  # what a 13 px panel title holds over half a phone's chart
PANEL_TITLE_LINE = 17


def amount_label(value: float) -> str:
    """An amount (万元) written on its bar: one decimal while small, whole once in thousands."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.1f}"


def _height(rows: int) -> int:
    """Tall enough for ``rows`` horizontal bars, never below the standard 380."""
    return max(380, 150 + 34 * rows)


def _hover_format(counts: bool) -> str:
    """Counts whole, amounts (万元) with one decimal, as ``format_number`` writes them."""
    return value_format("件" if counts else "万元")


def _whole_counts(fig: go.Figure, values, axis: str, **where) -> None:
    """Counts are whole: with small numbers Plotly would otherwise tick 0.5 件."""
    top = max([float(v) for v in values] or [0])
    if top < 6:
        getattr(fig, f"update_{axis}axes")(dtick=1, tickformat="d", **where)


def _level_values(fig: go.Figure, **axes) -> None:
    """Value axes of horizontal bars: thousands separators, from zero."""
    fig.update_xaxes(tickformat=",", rangemode="tozero", showgrid=True, gridcolor="#E5E5E5", **axes)


def yearly_bars(
    frame: pd.DataFrame,
    *,
    value: str,
    name: str,
    partial_name: str,
    title: str,
    subtitle: str,
    unit: str,
    counts: bool = False,
) -> go.Figure:
    """A value per year (``year``, ``partial``); an open year drawn lighter and named so."""
    data = pd.DataFrame(
        {"label": frame["year"].astype(str), "value": frame[value], "partial": frame["partial"]}
    )
    fig = charts.bar_chart(
        data, name=name, partial_name=partial_name, title=title, subtitle=subtitle, unit=unit
    )
    fig.update_traces(hovertemplate=f"%{{x}}: %{{y:{_hover_format(counts)}}}<extra></extra>")
    if counts:
        _whole_counts(fig, data["value"], "y")
    return fig


def paired_bars(
    labels: list[str],
    keys: list[str],
    counts: list[float],
    amounts: list[float],
    *,
    count_title: str,
    amount_title: str,
    title: str,
    subtitle: str,
    count_text: list[str] | None = None,
    amount_text: list[str] | None = None,
) -> go.Figure:
    """Two measures per category side by side (a count and an amount), sharing the category axis.

    The panel titles break into lines a phone's half-width panel holds."""
    count_title, amount_title = (
        charts.wrap(title_, PANEL_TITLE_EMS) for title_ in (count_title, amount_title)
    )
    panel_lines = max(count_title.count("<br>"), amount_title.count("<br>")) + 1
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.1,
        subplot_titles=(count_title, amount_title),
    )
    panels = (
        (counts, count_text or [f"{v:,.0f}" for v in counts], PALETTE[0]),
        (amounts, amount_text or [amount_label(v) for v in amounts], PALETTE[1]),
    )
    for col, (values, text, color) in enumerate(panels, start=1):
        top = max([float(v) for v in values] or [0]) or 1
        fig.add_trace(
            go.Bar(
                y=labels,
                x=values,
                orientation="h",
                marker_color=color,
                text=text,
                # Inside a long bar, past the end of a short one: legible on a phone too.
                textposition=["inside" if float(v) >= 0.6 * top else "outside" for v in values],
                insidetextanchor="end",
                textangle=0,
                cliponaxis=False,
                customdata=keys,
                hovertemplate="%{y}: %{text}<extra></extra>",
                showlegend=False,
            ),
            row=1,
            col=col,
        )
        # Room on the right for a value written past the bar's end.
        fig.update_xaxes(range=[0, top * 1.5], row=1, col=col)
    headroom = SUBPLOT_TITLE_ROOM + PANEL_TITLE_LINE * (panel_lines - 1)
    charts.titled(fig, [], title, subtitle, "", headroom=headroom)
    fig.update_yaxes(autorange="reversed", tickformat="", type="category", automargin=True)
    # Every bar carries its value, so the value axes need no tick labels (which would crowd
    # two narrow panels on a phone).
    fig.update_xaxes(showticklabels=False, showgrid=False, ticks="", rangemode="tozero")
    fig.update_layout(height=_height(len(labels)), showlegend=False)
    fig.update_annotations(font={"size": 13}, selector={"text": count_title})
    fig.update_annotations(font={"size": 13}, selector={"text": amount_title})
    return fig


def county_bars(
    frame: pd.DataFrame,
    *,
    labels: list[str],
    series: list[tuple[str, str]],
    highlight: str | None,
    title: str,
    subtitle: str,
    unit: str,
    counts: bool = False,
    lang: str = "zh",
) -> go.Figure:
    """Every county as a horizontal bar, stacked over ``series`` (column, name); ``highlight`` stands out."""
    opacity = [1.0 if highlight in (None, code) else MUTED for code in frame["adcode"]]
    fig = go.Figure()
    for index, (column, name) in enumerate(series):
        fig.add_trace(
            go.Bar(
                y=labels,
                x=frame[column],
                name=name,
                orientation="h",
                marker={"color": PALETTE[[0, 4][index % 2]], "opacity": opacity},
                customdata=list(frame["adcode"]),
                hovertemplate=f"%{{y}}{separator(lang)}{name}: %{{x:{_hover_format(counts)}}}<extra></extra>",
            )
        )
    charts.titled(fig, [], title, subtitle, unit)
    fig.update_layout(
        barmode="stack", height=_height(len(labels)), showlegend=len(series) > 1, legend_traceorder="normal"
    )
    fig.update_yaxes(autorange="reversed", tickformat="", type="category", automargin=True)
    _level_values(fig)
    if counts:
        _whole_counts(fig, frame[[c for c, _ in series]].sum(axis=1), "x")
    return fig


def stacked_type_bars(
    frame: pd.DataFrame,
    *,
    types: dict[str, str],
    title: str,
    subtitle: str,
    unit: str,
    lang: str = "zh",
) -> go.Figure:
    """Turnover per year stacked by contract type (code -> label in ``types``); an open year hatched.

    The hover names the type, the year, the turnover and, in brackets, the number of contracts.
    """
    years = [str(y) for y in dict.fromkeys(frame["year"])]
    fig = go.Figure()
    for index, (code, label) in enumerate(types.items()):
        rows = frame[frame["contract_type"] == code]
        fig.add_trace(
            go.Bar(
                x=rows["year"].astype(str),
                y=rows["turnover_10k"],
                name=label,
                marker={
                    "color": PALETTE[index % len(PALETTE)],
                    "pattern": {**HATCH, "shape": ["/" if p else "" for p in rows["partial"]]},
                    "line": {"width": 0},
                },
                customdata=[code] * len(rows),
                text=[f"{n:,}" for n in rows["contracts"]],
                hovertemplate=bracketed(f"{label}{separator(lang)}%{{x}}: %{{y:,.1f}}", "%{text}", lang)
                + "<extra></extra>",
                textposition="none",
            )
        )
    fig.update_layout(barmode="stack", legend_traceorder="normal")
    fig.update_xaxes(categoryorder="array", categoryarray=years)
    charts.titled(fig, years, title, subtitle, unit)
    return fig


def share_line(
    frame: pd.DataFrame, *, name: str, partial_name: str, title: str, subtitle: str, unit: str
) -> go.Figure:
    """A share (%) per year; years without any turnover are gaps, an open year a hollow marker."""
    years = frame["year"].astype(str)
    share = frame["share_pct"].astype(float)
    complete = ~frame["partial"].astype(bool)
    fig = go.Figure(
        go.Scatter(
            x=years,
            y=share,
            mode="lines+markers",
            name=name,
            line={"color": PALETTE[0], "width": 3},
            marker={"size": 9},
            hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
            connectgaps=False,
        )
    )
    if not complete.all():
        fig.add_trace(
            go.Scatter(
                x=years[~complete],
                y=share[~complete],
                mode="markers",
                name=partial_name,
                marker={"size": 13, "color": "white", "line": {"color": PALETTE[4], "width": 3}},
                hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
            )
        )
    charts.titled(fig, list(years), title, subtitle, unit)
    fig.update_yaxes(range=[0, 105], ticksuffix="%")
    return fig
