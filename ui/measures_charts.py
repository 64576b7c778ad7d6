"""Charts of the measures page: the measure × quarter status grid and one indicator over
quarters. Pure functions, DataFrame in, Plotly figure out (no Streamlit here)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_layer.i18n import t
from data_layer.measure_progress import STATUSES

from .charts import titled
from .theme import PALETTE, TARGET_COLOR, unit_label, value_format

# Okabe–Ito green and vermillion stay apart for colour-blind readers; each cell also carries
# a symbol, so the grid still reads in greyscale or on a poor projector.
STATUS_COLOR = {"met": PALETTE[2], "behind": PALETTE[5], "no_target": "#B4B4B4", "no_data": "#F4F4F4"}
STATUS_SYMBOL = {"met": "✓", "behind": "✕", "no_target": "–", "no_data": "?"}
GRID_ROW_HEIGHT = 30
CHART_HEIGHT = 360


def subtitle(period: str, source: str, date: str, lang: str) -> str:
    """The period, 数据截至 ``date`` and the source on two lines, so they fit a phone's width."""
    first = t("ui.measures.chart.subtitle", lang, period=period, date=date)
    return f"{first}<br>{t('ui.measures.chart.source', lang, source=source)}"


def _colorscale() -> list:
    """A stepped scale: status index i of n is drawn in its colour alone."""
    n = len(STATUSES)
    scale = []
    for index, status in enumerate(STATUSES):
        scale += [[index / n, STATUS_COLOR[status]], [(index + 1) / n, STATUS_COLOR[status]]]
    return scale


def status_grid(
    grid: pd.DataFrame,
    *,
    rows: dict[int, str],
    names: dict[int, str],
    area_breaks: list[int],
    lang: str,
    title: str,
    subtitle_text: str,
) -> go.Figure:
    """Measures (rows, labelled ``rows``) × quarters, coloured by status, with a legend.

    ``grid`` is ``measure_progress.measure_statuses``; ``area_breaks`` are the measures that
    start a new task area (a line is drawn above them). An invisible marker sits on every
    cell so that a click selects it (customdata = measure number).
    """
    quarters = list(dict.fromkeys(grid["quarter"]))
    measures = list(dict.fromkeys(grid["measure"]))
    labels = [rows[m] for m in measures]
    table = grid.set_index(["measure", "quarter"])
    codes = [[STATUSES.index(table.loc[(m, q), "status"]) for q in quarters] for m in measures]
    symbols = [[STATUS_SYMBOL[STATUSES[c]] for c in row] for row in codes]
    fig = go.Figure(
        go.Heatmap(
            x=quarters,
            y=labels,
            z=codes,
            zmin=0,
            zmax=len(STATUSES),
            colorscale=_colorscale(),
            showscale=False,
            text=symbols,
            texttemplate="%{text}",
            textfont={"size": 12},
            xgap=2,
            ygap=2,
            hoverinfo="skip",
        )
    )
    cells = grid.assign(label=grid["measure"].map(rows))
    hover = [
        t(
            "ui.measures.heatmap.hover",
            lang,
            name=names[r.measure],
            quarter=r.quarter,
            status=t(f"ui.measures.status.{r.status}", lang),
            reported=r.reported,
            known=r.known,
            met=r.met,
            behind=r.behind,
            no_target=r.no_target,
        )
        for r in cells.itertuples()
    ]
    fig.add_trace(
        go.Scatter(
            x=cells["quarter"],
            y=cells["label"],
            mode="markers",
            marker={"size": 24, "opacity": 0, "color": "#000000"},
            selected={"marker": {"opacity": 0}},
            unselected={"marker": {"opacity": 0}},
            customdata=cells["measure"],
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    for status in STATUSES:  # legend entries only
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=f"{STATUS_SYMBOL[status]} {t(f'ui.measures.status.{status}', lang)}",
                marker={
                    "symbol": "square",
                    "size": 14,
                    "color": STATUS_COLOR[status],
                    "line": {"color": "#888888", "width": 1},
                },
                hoverinfo="skip",
            )
        )
    titled(fig, quarters, title, subtitle_text, "")
    right = len(quarters) - 0.5
    for measure in area_breaks:
        if measure in measures and measures.index(measure) > 0:
            y = measures.index(measure) - 0.5
            fig.add_shape(type="line", x0=-0.5, x1=right, y0=y, y1=y, line={"color": "#333333", "width": 2})
    # One tick per year (its first quarter) keeps the axis legible at any width. Fixed
    # ranges: the invisible click targets must not pad the axes.
    firsts = [q for q in quarters if q.endswith("Q1")] or quarters[:1]
    fig.update_xaxes(
        tickvals=firsts,
        ticktext=[q[:4] for q in firsts],
        showgrid=False,
        range=[-0.5, right],
        linecolor="white",
    )
    fig.update_yaxes(
        range=[len(measures) - 0.5, -0.5], tickformat="", showgrid=False, ticks="", automargin=True
    )
    fig.update_layout(
        height=len(measures) * GRID_ROW_HEIGHT + 210,
        margin={"l": 10, "r": 10},
        hovermode="closest",
        hoverdistance=-1,  # a click anywhere in a cell picks that cell's measure
        dragmode=False,
        legend={"itemclick": False, "itemdoubleclick": False, "y": -0.08, "yanchor": "top"},
        plot_bgcolor="white",
    )
    return fig


def indicator_chart(
    rows: pd.DataFrame,
    *,
    quarters: list[str],
    lang: str,
    title: str,
    subtitle_text: str,
) -> go.Figure:
    """One indicator's values over ``quarters`` (gaps where unreported) against its target.

    Markers take the status colour of their quarter; the target is a dashed step line.
    """
    frame = rows.set_index("quarter").reindex(quarters)
    unit = str(rows["unit"].iloc[-1]) if not rows.empty else ""
    status = frame["status"].fillna("no_data")
    hover = [
        f"{q}: {t(f'ui.measures.status.{s}', lang)}"
        if s != "no_data"
        else f"{q}: {t('ui.measures.chart.no_value', lang)}"
        for q, s in zip(quarters, status, strict=True)
    ]
    fig = go.Figure(
        go.Scatter(
            x=quarters,
            y=frame["value"],
            mode="lines+markers",
            name=t("ui.measures.chart.value", lang),
            line={"color": PALETTE[0], "width": 3},
            marker={
                "size": 9,
                "color": [STATUS_COLOR[s] for s in status],
                "line": {"color": "white", "width": 1},
            },
            text=hover,
            hovertemplate=f"%{{text}}<br>%{{y:{value_format(unit)}}}<extra></extra>",
            connectgaps=False,
        )
    )
    if frame["target"].notna().any():
        fig.add_trace(
            go.Scatter(
                x=quarters,
                y=frame["target"],
                mode="lines",
                name=t("ui.chart.target", lang),
                line={"color": TARGET_COLOR, "dash": "dash", "width": 2, "shape": "hv"},
                hovertemplate=f"%{{x}}: %{{y:{value_format(unit)}}}<extra></extra>",
            )
        )
    note = t("ui.chart.unit", lang, unit=unit_label(unit, lang)) if unit else ""
    titled(fig, quarters, title, subtitle_text, note)
    firsts = [q for q in quarters if q.endswith("Q1")] or quarters[:1]
    fig.update_xaxes(tickvals=firsts)
    fig.update_layout(
        height=CHART_HEIGHT,
        margin={"l": 50, "r": 10, "b": 40},
        legend={"y": -0.15},
    )
    return fig
