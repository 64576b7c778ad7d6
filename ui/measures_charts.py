"""Charts of the measures page: the measure × quarter status grid and one indicator over
quarters. Pure functions, DataFrame in, Plotly figure out (no Streamlit here)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from data_layer.i18n import t
from data_layer.measure_progress import COUNTED
from data_layer.statuses import STATUSES

from .charts import titled
from .theme import PALETTE, TARGET_COLOR, status_color, status_symbol, unit_label, value_format

# Colours and symbols are the theme's, one per status word: each cell carries its symbol, so
# the grid still reads for colour-blind readers, in greyscale or on a poor projector.
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
        scale += [[index / n, status_color(status)], [(index + 1) / n, status_color(status)]]
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
    deadlines: list[str] = (),
) -> go.Figure:
    """Measures (rows, labelled ``rows``) × quarters, coloured by status, with a legend.

    ``grid`` is ``measure_progress.measure_statuses``; ``area_breaks`` are the measures that
    start a new task area (a line is drawn above them); a plan deadline falling in one of
    ``deadlines`` (quarters) is a labelled vertical line after that quarter. An invisible
    marker sits on every cell so that a click selects it (customdata = measure number).
    """
    quarters = list(dict.fromkeys(grid["quarter"]))
    measures = list(dict.fromkeys(grid["measure"]))
    labels = [rows[m] for m in measures]
    table = grid.set_index(["measure", "quarter"])
    codes = [[STATUSES.index(table.loc[(m, q), "status"]) for q in quarters] for m in measures]
    symbols = [[status_symbol(STATUSES[c]) for c in row] for row in codes]
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
    hover = [_cell_hover(r, names, lang) for r in cells.itertuples()]
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
    shown = set(grid["status"])
    for status in STATUSES:  # legend entries only, for the statuses the grid shows
        if status not in shown:
            continue
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=f"{status_symbol(status)} {t(f'status.{status}', lang)}",
                marker={
                    "symbol": "square",
                    "size": 14,
                    "color": status_color(status),
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
    for quarter in deadlines:
        if quarter in quarters:
            _deadline_line(fig, quarters.index(quarter) + 0.5, lang)
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


def _cell_hover(cell, names: dict[int, str], lang: str) -> str:
    """A cell's name, quarter, status and the count of its indicators by status."""
    counts = t("ui.slides.list_sep", lang).join(
        f"{t(f'status.{s}', lang)} {getattr(cell, s)}" for s in COUNTED if getattr(cell, s)
    )
    return t(
        "ui.measures.heatmap.hover",
        lang,
        name=names[cell.measure],
        quarter=cell.quarter,
        status=t(f"status.{cell.status}", lang),
        reported=cell.reported,
        known=cell.known,
        counts=counts or "–",
    )


def _deadline_line(fig: go.Figure, x: float, lang: str) -> None:
    """A vertical line at the end of the quarter holding the plan's deadline, named above the grid."""
    fig.add_shape(
        type="line",
        x0=x,
        x1=x,
        yref="paper",
        y0=0,
        y1=1,
        line={"color": "#222222", "width": 2, "dash": "dot"},
    )
    fig.add_annotation(
        x=x,
        yref="paper",
        y=1,
        text=t("ui.measures.deadline", lang),
        showarrow=False,
        xanchor="right",
        yanchor="bottom",
        font={"size": 12},
    )


def indicator_chart(
    rows: pd.DataFrame,
    *,
    quarters: list[str],
    lang: str,
    title: str,
    subtitle_text: str,
    deadlines: list[str] = (),
) -> go.Figure:
    """One indicator's values over ``quarters`` (gaps where unreported) against the plan's path.

    Markers take the status colour and symbol's word of their quarter; the dotted line is the
    path each quarter is judged against (milestones, or the straight line to the target), the
    dashed step line the end target, and a plan deadline in ``deadlines`` a vertical line.
    """
    frame = rows.set_index("quarter").reindex(quarters)
    unit = str(rows["unit"].iloc[-1]) if not rows.empty else ""
    status = frame["status"].fillna("no_data")
    hover = [
        f"{q}: {status_symbol(s)} {t(f'status.{s}', lang)}"
        if s != "no_data"
        else f"{q}: {t('ui.measures.chart.no_value', lang)}"
        for q, s in zip(quarters, status, strict=True)
    ]
    number = f"%{{y:{value_format(unit)}}} {unit_label(unit, lang)}"
    fig = go.Figure(
        go.Scatter(
            x=quarters,
            y=frame["value"],
            mode="lines+markers",
            name=t("ui.measures.chart.value", lang),
            line={"color": PALETTE[0], "width": 3},
            marker={
                "size": 10,
                "color": [status_color(s) for s in status],
                "line": {"color": "#222222", "width": 1},
            },
            text=hover,
            hovertemplate=f"%{{text}}<br>{number}<extra></extra>",
            connectgaps=False,
        )
    )
    # The path each quarter is judged against (dotted), and the end target (a dashed step).
    for column, name, line in (
        ("expected", t("ui.measures.chart.path", lang), {"dash": "dot"}),
        ("target", t("ui.chart.target", lang), {"dash": "dash", "shape": "hv"}),
    ):
        if frame[column].notna().any():
            fig.add_trace(
                go.Scatter(
                    x=quarters,
                    y=frame[column],
                    mode="lines",
                    name=name,
                    line={"color": TARGET_COLOR, "width": 2, **line},
                    hovertemplate=f"%{{x}}: {number}<extra>{name}</extra>",
                    connectgaps=column == "expected",
                )
            )
    for quarter in deadlines:
        if quarter in quarters:
            _deadline_line(fig, quarters.index(quarter) + 0.5, lang)
    note = t("ui.chart.unit", lang, unit=unit_label(unit, lang)) if unit else ""
    titled(fig, quarters, title, subtitle_text, note)
    firsts = [q for q in quarters if q.endswith("Q1")] or quarters[:1]
    fig.update_xaxes(tickvals=firsts, ticktext=[q[:4] for q in firsts], range=[-0.5, len(quarters) - 0.5])
    fig.update_layout(
        height=CHART_HEIGHT,
        margin={"l": 50, "r": 10, "b": 40},
        legend={"y": -0.15},
    )
    return fig
