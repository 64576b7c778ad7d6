"""Charts of the institutions page: pure builders, DataFrame in, Plotly figure out.

Every point or bar carries the institution's credit code in ``customdata[0]`` so that a
click on it can open that institution's detail.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from data_layer.i18n import t

from . import charts
from .theme import PALETTE, TARGET_COLOR, format_number, unit_label

TOP = 15
NAME_CHARS = 10  # longer names are cut on axes and labels (the hover shows them whole)
LABELLED_POINTS = 5  # the scatter names the institutions holding the most valid patents
LOG_SPREAD = 30  # a scatter whose largest x is this many times its smallest uses a log axis
KIND_COLORS = {"university": PALETTE[0], "research_institute": PALETTE[1], "city_soe": PALETTE[2]}
TYPE_COLORS = {"invention": PALETTE[0], "utility_model": PALETTE[1], "design": PALETTE[2]}


def short(name: str, chars: int = NAME_CHARS) -> str:
    """A name cut to ``chars`` characters with an ellipsis."""
    return name if len(name) <= chars else name[: chars - 1] + "…"


def pp(value: float | None, lang: str) -> str:
    """A change in percentage points, signed, one decimal; "—" for none."""
    return "—" if value is None or pd.isna(value) else t("ui.institutions.pp", lang, value=f"{value:+,.1f}")


def _hover(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        f"<b>{name}</b><br>"
        + t(
            "ui.institutions.chart.hover",
            lang,
            rate=format_number(rate, "%", lang),
            industrialized=format_number(used, "件", lang),
            valid=format_number(valid, "件", lang),
            change=pp(change, lang),
        )
        for name, rate, used, valid, change in zip(
            frame["name"],
            frame["rate"],
            frame["industrialized"],
            frame["valid"],
            frame["change_pp"],
            strict=True,
        )
    ]


def ranking_bars(
    frame: pd.DataFrame, lang: str, subtitle: str, top: int = TOP, target: float | None = None
) -> go.Figure:
    """Horizontal bars of the ``top`` highest rates (rows without a rate are left out), highest on
    top; K4's ``target`` rate a dashed line beneath the bars, named in the legend."""
    rows = frame[frame["rate"].notna()].head(top)
    fig = go.Figure(
        go.Bar(
            x=rows["rate"].astype(float),
            y=rows["credit_code"],
            orientation="h",
            marker_color=PALETTE[0],
            text=[format_number(r, "%", lang) for r in rows["rate"]],
            textposition="outside",
            textfont={"size": 12},
            cliponaxis=False,
            customdata=rows[["credit_code"]].to_numpy(),
            hovertext=_hover(rows, lang),
            hoverinfo="text",
            name=t("ui.institutions.metric.rate", lang),
        )
    )
    charts.titled(
        fig,
        [],
        t("ui.institutions.chart.ranking", lang, n=len(rows)),
        subtitle,
        t("ui.chart.unit", lang, unit="%"),
    )
    # Codes are unique where names cut short may not be; the axis shows the names.
    fig.update_yaxes(
        type="category",
        autorange="reversed",
        tickmode="array",
        tickvals=list(rows["credit_code"]),
        ticktext=[short(n) for n in rows["name"]],
        automargin=True,
    )
    fig.update_xaxes(ticksuffix="%", rangemode="tozero")
    # Room beyond the longest bar (or the target) for its label.
    longest = max(float(rows["rate"].max()) if not rows.empty else 0, target or 0, 1)
    fig.update_xaxes(range=[0, longest * 1.2])
    fig.update_layout(margin={"l": 10, "r": 30}, showlegend=False, height=max(320, 150 + 26 * len(rows)))
    if target is not None:
        line = {"color": TARGET_COLOR, "dash": "dash", "width": 2}
        fig.add_shape(type="line", x0=target, x1=target, y0=0, y1=1, yref="paper", line=line, layer="below")
        name = t("ui.institutions.chart.target", lang, rate=format_number(target, "%", lang))
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line=line, name=name, hoverinfo="skip"))
        fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.08, "yanchor": "top"})
    return fig


def _labelled(rows: pd.DataFrame, log: bool) -> set[str]:
    """Credit codes of the largest holders to name, skipping any too close to one already named."""
    if rows.empty:
        return set()
    x = rows["valid"].astype(float).map(math.log10) if log else rows["valid"].astype(float)
    y = rows["rate"].astype(float)
    # Distances in shares of each axis' span, so both axes weigh alike.
    x = (x - x.min()) / max(x.max() - x.min(), 1e-9)
    y = (y - y.min()) / max(y.max() - y.min(), 1e-9)
    chosen: list[int] = []
    for index in rows.sort_values("valid", ascending=False, kind="stable").index:
        if all(math.hypot(x[index] - x[o], y[index] - y[o]) > 0.15 for o in chosen):
            chosen.append(index)
        if len(chosen) == LABELLED_POINTS:
            break
    return set(rows.loc[chosen, "credit_code"])


def rate_scatter(frame: pd.DataFrame, lang: str, subtitle: str) -> go.Figure:
    """Valid patents held (x) against rate (y), one trace per kind; the largest holders named."""
    rows = frame[frame["rate"].notna() & (frame["valid"] > 0)]
    spread = rows["valid"].max() / max(rows["valid"].min(), 1) if not rows.empty else 1
    log = spread >= LOG_SPREAD
    named = _labelled(rows, log)
    middle = (rows["valid"].max() * rows["valid"].min()) ** 0.5 if log else rows["valid"].max() / 2
    fig = go.Figure()
    # Many points (enterprises at full scale) are drawn with WebGL so the page stays quick.
    trace = go.Scattergl if len(rows) > 1000 else go.Scatter
    for index, (kind, group) in enumerate(rows.groupby("kind", sort=True)):
        fig.add_trace(
            trace(
                x=group["valid"],
                y=group["rate"].astype(float),
                mode="markers+text" if trace is go.Scatter else "markers",
                text=[
                    short(n, 8) if c in named else ""
                    for n, c in zip(group["name"], group["credit_code"], strict=True)
                ],
                # Labels of points in the right half lean left, so none runs off the chart.
                textposition=["top left" if x > middle else "top right" for x in group["valid"]],
                textfont={"size": 11},
                marker={
                    "size": 10,
                    "color": KIND_COLORS.get(kind, PALETTE[index % len(PALETTE)]),
                    "opacity": 0.8,
                },
                customdata=group[["credit_code"]].to_numpy(),
                hovertext=_hover(group, lang),
                hoverinfo="text",
                name=t(f"ui.inst_kind.{kind}", lang),
            )
        )
    charts.titled(
        fig, [], t("ui.institutions.chart.scatter", lang), subtitle, t("ui.chart.unit", lang, unit="%")
    )
    x_title = "ui.institutions.chart.scatter_x_log" if log else "ui.institutions.chart.scatter_x"
    fig.update_xaxes(type="log" if log else "linear", title=t(x_title, lang), tickformat=",")
    if not rows.empty and not log:  # room for the labels of the points furthest right
        fig.update_xaxes(range=[0, float(rows["valid"].max()) * 1.1])
        if rows["valid"].max() <= 10:  # patents are whole: no 0.5 ticks
            fig.update_xaxes(dtick=1)
    top = float(rows["rate"].max()) if not rows.empty else 0
    fig.update_yaxes(ticksuffix="%", range=[-2, max(top, 5) * 1.2])  # room for labels above the top point
    fig.update_layout(height=440, legend={"orientation": "h", "y": -0.35, "x": 0})
    return fig


def trend_line(
    frame: pd.DataFrame,
    lang: str,
    *,
    title: str,
    subtitle: str,
    baseline: float | None,
    baseline_year: int,
    target: float | None = None,
) -> go.Figure:
    """A rate at each year end (``label``, ``value``) with the baseline dotted and K4's target
    rate dashed (when given)."""
    fig = charts.line_chart(
        frame,
        y="value",
        name=t("ui.institutions.metric.rate", lang),
        title=title,
        subtitle=subtitle,
        unit=t("ui.chart.unit", lang, unit="%"),
        baseline=None if baseline is None or pd.isna(baseline) else float(baseline),
        baseline_label=t("ui.institutions.chart.baseline", lang, year=baseline_year),
        target=target,
        target_label=t("ui.institutions.chart.target", lang, rate=format_number(target, "%", lang))
        if target is not None
        else "",
    )
    fig.update_yaxes(ticksuffix="%")
    fig.update_traces(
        hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
        selector={"name": t("ui.institutions.metric.rate", lang)},
    )
    return fig


def patents_stacked(frame: pd.DataFrame, lang: str, subtitle: str) -> go.Figure:
    """Patents per filing year, stacked by patent type."""
    years = [str(y) for y in sorted(frame["year"].unique())] if not frame.empty else []
    fig = go.Figure()
    for patent_type in ("invention", "utility_model", "design"):
        rows = frame[frame["patent_type"] == patent_type]
        if rows.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=rows["year"].astype(str),
                y=rows["patents"],
                name=t(f"ui.patent_type.{patent_type}", lang),
                marker_color=TYPE_COLORS[patent_type],
                hovertemplate="%{x}: %{y:,} " + unit_label("件", lang) + "<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(barmode="stack")
    charts.titled(
        fig,
        years,
        t("ui.institutions.chart.patents", lang),
        subtitle,
        t("ui.chart.unit", lang, unit=unit_label("件", lang)),
    )
    fig.update_xaxes(categoryorder="array", categoryarray=years)
    if not frame.empty and frame.groupby("year")["patents"].sum().max() <= 10:
        fig.update_yaxes(dtick=1)  # patents are whole: no 0.5 ticks
    return fig
