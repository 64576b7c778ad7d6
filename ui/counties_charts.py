"""Charts of the counties page: pure functions from the data layer's frames to Plotly figures.

The default map is a schematic tile grid drawn with plain shapes and scatter points: nothing
is fetched from the internet and no geographic boundary is shown (see
``data_layer.county_map``). Every clickable trace carries the county's adcode in
``customdata``, which is what the page reads from a selection.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale
from plotly.subplots import make_subplots

from data_layer.counties import by_adcode
from data_layer.county_map import CountyGeoJson, grid_size, short_name, tiles
from data_layer.county_metrics import COLUMN, UNITS
from data_layer.i18n import t

from .charts import bar_chart, titled
from .theme import PALETTE, format_number, unit_label, value_format

# Sequential single-hue blues: lightness alone carries the value, so it reads the same for
# colour-blind viewers and in greyscale print. Starts off-white so a zero tile is still a tile.
SCALE = [[0.0, "#E8F1FA"], [0.5, "#6AAED6"], [1.0, "#08306B"]]
MISSING_COLOR = "#D9D9D9"
ISSUED_COLOR = PALETTE[0]
NOT_ISSUED_COLOR = "#D9D9D9"
HIGHLIGHT_COLOR = PALETTE[1]
GAP = 0.06  # space between tiles, in tile widths
SUBPLOT_TITLE_ROOM = 22  # the county names above the top row of small multiples
ROW_HEIGHT = 26  # px per division in a ranking or timeline: room for its name at 13 px


def rows_height(divisions: int) -> int:
    """A ranking's height: 470 px holds a city's nine names; a province's 21 need more to print each."""
    return max(470, 200 + ROW_HEIGHT * divisions)


def unit_text(metric: str, lang: str) -> str:
    """The unit of ``metric`` as the reader's language writes it."""
    unit = UNITS[metric]
    if unit == "件/万人":
        return t("ui.counties.unit.per_10k", lang)
    if unit == "场":
        return t("ui.counties.unit.sessions", lang)
    return unit_label(unit, lang) if unit else ""


def unit_note(metric: str, lang: str) -> str:
    """The line above a chart's value axis (单位：万元), as every page writes it."""
    unit = unit_text(metric, lang)
    return t("ui.chart.unit", lang, unit=unit) if unit else ""


def _numbers(values) -> list[float | None]:
    return [None if v is None or pd.isna(v) else float(v) for v in values]


def format_metric(value: float | None, metric: str, lang: str, *, average: bool = False) -> str:
    """A metric's value with its unit: thousands separators, one decimal for rates and amounts.

    ``average``: a mean of counts (1.4 件), which keeps its decimal instead of rounding to a whole.
    """
    if value is None or pd.isna(value):
        return "—"
    unit = UNITS[metric]
    if unit == "件/万人" or (average and unit in ("件", "家", "场")):
        return f"{value:,.1f} {unit_text(metric, lang)}"
    if unit == "场":
        return f"{value:,.0f} {unit_text(metric, lang)}"
    return format_number(float(value), unit, lang)


def chart_label(value: float | None, metric: str, lang: str, *, average: bool = False) -> str:
    """A value as a chart prints it: as tables write it, in the unit of the chart's axis (万元
    amounts stay in 万元, however large), so labels compare at a glance."""
    return format_metric(value, metric, lang, average=average)


def rule_text(issued: bool, date, lang: str, *, tile: bool = False) -> str:
    """实施细则 status as a tile or dot shows it: issued with its month, or not issued.

    ``tile``: status and month on two lines, to fit a tile about 80 px wide.
    """
    if not issued:
        return t("ui.counties.rule.not_issued", lang)
    if date is None or pd.isna(date):
        return t("ui.counties.rule.issued", lang)
    month = pd.Timestamp(date).strftime("%Y-%m")
    if tile:
        return f"{t('ui.counties.rule.issued', lang)}<br>{month}"
    return t("ui.counties.rule.issued_on", lang, date=month)


def county_name(adcode: str, lang: str) -> str:
    county = by_adcode()[adcode]
    return county.name_en if lang == "en" else county.name_zh


def _values(metrics: pd.DataFrame, metric: str) -> list[float | None]:
    return [None if pd.isna(v) else float(v) for v in metrics[COLUMN[metric]]]


def _colors(values: list[float | None]) -> list[str]:
    """Fill colour per value on ``SCALE`` from 0 to the largest value; grey for no value."""
    top = max((v for v in values if v is not None), default=0) or 1
    return [MISSING_COLOR if v is None else sample_colorscale(SCALE, [max(v, 0) / top])[0] for v in values]


def _ink(fill: str) -> str:
    """Dark or white text, whichever reads better on ``fill`` (relative luminance)."""
    if fill.startswith("rgb"):
        red, green, blue = (float(x) for x in fill[fill.index("(") + 1 : -1].split(",")[:3])
    else:
        red, green, blue = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    luminance = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255
    return "#1A1A1A" if luminance > 0.55 else "#FFFFFF"


def _fills_and_labels(metrics: pd.DataFrame, metric: str, lang: str) -> tuple[list[str], list[str]]:
    """Tile colours and the value line(s) under each county name."""
    if metric == "rules":
        fills = [ISSUED_COLOR if issued else NOT_ISSUED_COLOR for issued in metrics["rule_issued"]]
        labels = [
            rule_text(bool(i), d, lang, tile=True)
            for i, d in zip(metrics["rule_issued"], metrics["rule_date"], strict=True)
        ]
        return fills, labels
    values = _values(metrics, metric)
    # Number and unit on two lines: a phone shows a tile about 80 px wide.
    labels = [chart_label(v, metric, lang).replace(" ", "<br>", 1) for v in values]
    return _colors(values), labels


def tile_map(
    metrics: pd.DataFrame,
    *,
    metric: str,
    lang: str,
    title: str,
    subtitle: str,
    highlight: str | None = None,
) -> go.Figure:
    """The schematic map: one equal tile per county on a grid, coloured by ``metric``."""
    fills, labels = _fills_and_labels(metrics, metric, lang)
    fig = go.Figure()
    centers_x, centers_y, texts, inks = [], [], [], []
    placed = tiles()
    for adcode, fill, label in zip(metrics["adcode"], fills, labels, strict=True):
        column, row = placed[adcode]
        x, y = column, -row
        chosen = adcode == highlight
        fig.add_shape(
            type="rect",
            x0=x - 0.5 + GAP,
            x1=x + 0.5 - GAP,
            y0=y - 0.5 + GAP,
            y1=y + 0.5 - GAP,
            fillcolor=fill,
            line={"color": "#000000" if chosen else "#FFFFFF", "width": 4 if chosen else 1},
            layer="below",
        )
        centers_x.append(x)
        centers_y.append(y)
        texts.append(f"<b>{short_name(adcode, lang)}</b><br>{label}")
        inks.append(_ink(fill))
    # Labels: not hoverable, so a click always lands on the (invisible) point below.
    fig.add_trace(
        go.Scatter(
            x=centers_x,
            y=centers_y,
            mode="text",
            text=texts,
            textfont={"color": inks, "size": 12},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    hover = [
        f"{county_name(a, lang)}<br>{label.replace('<br>', ' ')}"
        for a, label in zip(metrics["adcode"], labels, strict=True)
    ]
    point = {"size": 1, "opacity": 0}
    if metric != "rules":
        values = _values(metrics, metric)
        point.update(
            color=[v if v is not None else 0 for v in values],
            colorscale=SCALE,
            cmin=0,
            cmax=max((v for v in values if v is not None), default=0) or 1,
            showscale=True,
            colorbar={
                "orientation": "h",
                "thickness": 10,
                "len": 0.9,
                "x": 0.5,
                "y": -0.02,
                "yanchor": "top",
                "tickformat": ",",
            },
        )
    fig.add_trace(
        go.Scatter(
            x=centers_x,
            y=centers_y,
            mode="markers",
            marker=point,
            customdata=list(metrics["adcode"]),
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
            unselected={"marker": {"opacity": 0}},
            selected={"marker": {"opacity": 0}},
        )
    )
    if metric == "rules":
        for name, color in (
            (t("ui.counties.rule.issued", lang), ISSUED_COLOR),
            (t("ui.counties.rule.not_issued", lang), NOT_ISSUED_COLOR),
        ):
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=name,
                    marker={"symbol": "square", "size": 14, "color": color},
                )
            )
    titled(fig, [], title, subtitle, unit_note(metric, lang))
    columns, rows = grid_size()
    fig.update_xaxes(visible=False, range=[-0.5, columns - 0.5], fixedrange=True)
    fig.update_yaxes(
        visible=False, range=[-(rows - 0.5), 0.5], fixedrange=True, scaleanchor="x", scaleratio=1
    )
    # A click anywhere counts for the nearest county: each tile is its own target.
    fig.update_layout(height=520, hovermode="closest", hoverdistance=-1, dragmode=False, margin={"b": 40})
    return fig


def geo_map(
    metrics: pd.DataFrame,
    geo: CountyGeoJson,
    *,
    metric: str,
    lang: str,
    title: str,
    subtitle: str,
    highlight: str | None = None,
) -> go.Figure:
    """The office's own approved boundary map, drawn offline (no base tiles: style white-bg)."""
    adcodes = list(metrics["adcode"])
    _, labels = _fills_and_labels(metrics, metric, lang)
    if metric == "rules":
        z = [1.0 if issued else 0.0 for issued in metrics["rule_issued"]]
        scale = [[0.0, NOT_ISSUED_COLOR], [0.5, NOT_ISSUED_COLOR], [0.5, ISSUED_COLOR], [1.0, ISSUED_COLOR]]
        zmax, show_scale = 1.0, False
    else:
        values = _values(metrics, metric)
        z = [v if v is not None else 0 for v in values]
        scale, zmax, show_scale = SCALE, max([v for v in values if v is not None] or [0]) or 1, True
    hover = [
        f"{county_name(a, lang)}<br>{label.replace('<br>', ' ')}"
        for a, label in zip(adcodes, labels, strict=True)
    ]
    fig = go.Figure(
        go.Choroplethmap(
            geojson=geo.geojson,
            featureidkey="properties.adcode",
            locations=adcodes,
            z=z,
            zmin=0,
            zmax=zmax,
            colorscale=scale,
            showscale=show_scale,
            colorbar={"orientation": "h", "thickness": 10, "y": -0.02, "yanchor": "top", "tickformat": ","},
            marker={"line": {"color": "#FFFFFF", "width": 1}},
            customdata=adcodes,
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    if highlight in adcodes:
        fig.add_trace(
            go.Choroplethmap(
                geojson=geo.geojson,
                featureidkey="properties.adcode",
                locations=[highlight],
                z=[1],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                marker={"line": {"color": "#000000", "width": 4}},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    titled(fig, [], title, subtitle, unit_note(metric, lang))
    fig.update_layout(
        height=460,
        map={"style": "white-bg", "center": {"lon": geo.center[0], "lat": geo.center[1]}, "zoom": geo.zoom},
        margin={"b": 40},
    )
    return fig


def reference_line(fig: go.Figure, x: float, bars: int, label: str) -> None:
    """A dashed vertical line at ``x`` across a ranking of ``bars``, named ``label`` in the legend.

    Drawn beneath the bars and their value labels, which it would otherwise strike; a line-only
    trace without points names it in the legend."""
    line = {"color": "#555555", "dash": "dash", "width": 2}
    fig.add_shape(type="line", x0=x, x1=x, y0=-0.5, y1=bars - 0.5, line=line, layer="below")
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=label, line=line, hoverinfo="skip"))


def ranking_bar(
    metrics: pd.DataFrame,
    *,
    metric: str,
    lang: str,
    title: str,
    subtitle: str,
    reference: float | None,
    reference_label: str,
    highlight: str | None = None,
) -> go.Figure:
    """Counties ranked on ``metric``, largest on top; the chosen one in orange, the city reference dashed."""
    frame = metrics.assign(value=_values(metrics, metric)).sort_values("value", na_position="first")
    names = [_axis_name(a, lang) for a in frame["adcode"]]
    colors = [HIGHLIGHT_COLOR if a == highlight else PALETTE[0] for a in frame["adcode"]]
    fig = go.Figure(
        go.Bar(
            x=_numbers(frame["value"]),
            y=names,
            orientation="h",
            marker_color=colors,
            customdata=list(frame["adcode"]),
            text=[chart_label(v, metric, lang) for v in frame["value"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
            showlegend=False,
        )
    )
    if reference is not None:
        label = f"{reference_label} {chart_label(reference, metric, lang, average=True)}"
        reference_line(fig, reference, len(names), label)
    titled(fig, [], title, subtitle, unit_note(metric, lang))
    top = max([v for v in _numbers(frame["value"]) if v is not None] or [0]) or 1
    # Room on the right for the value printed past the longest bar.
    fig.update_xaxes(range=[0, top * 1.35], showgrid=True, gridcolor="#E5E5E5", tickformat=",")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=names, automargin=True)
    fig.update_layout(height=rows_height(len(names)), dragmode=False)
    return fig


def rules_timeline(
    rules: pd.DataFrame, *, lang: str, title: str, subtitle: str, as_of, highlight: str | None = None
) -> go.Figure:
    """When each county issued its 实施细则: a dot on the date; counties without one listed at the bottom."""
    frame = rules.assign(date=pd.to_datetime(rules["issued_date"]))
    issued = frame[frame["status"] == "issued"].sort_values("date", ascending=False, na_position="last")
    waiting = frame[frame["status"] != "issued"]
    names_issued = [_axis_name(a, lang) for a in issued["adcode"]]
    names_waiting = [_axis_name(a, lang) for a in waiting["adcode"]]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=issued["date"].fillna(pd.Timestamp(as_of)),
            y=names_issued,
            mode="markers+text",
            marker={
                "size": 14,
                "color": [HIGHLIGHT_COLOR if a == highlight else ISSUED_COLOR for a in issued["adcode"]],
            },
            text=[rule_text(True, d, lang) for d in issued["date"]],
            textposition="middle right",
            customdata=list(issued["adcode"]),
            hovertemplate="%{y}: %{text}<extra></extra>",
            name=t("ui.counties.rule.issued", lang),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[pd.Timestamp(as_of)] * len(waiting),
            y=names_waiting,
            mode="markers+text",
            marker={"size": 14, "symbol": "circle-open", "color": "#777777", "line": {"width": 2}},
            text=[t(f"ui.counties.rules.status.{s}", lang) for s in waiting["status"]],
            textposition="middle left",
            customdata=list(waiting["adcode"]),
            hovertemplate="%{y}: %{text}<extra></extra>",
            name=t("ui.counties.rule.not_issued", lang),
        )
    )
    titled(fig, [], title, subtitle, "")
    order = list(reversed(names_issued + names_waiting))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order, automargin=True)
    # Room left and right of the dots for their labels.
    first = issued["date"].min() if issued["date"].notna().any() else pd.Timestamp(as_of)
    span = max((pd.Timestamp(as_of) - first).days, 180)
    fig.update_xaxes(
        type="date",
        tickformat="%Y-%m",
        nticks=5,
        range=[first - pd.Timedelta(days=span * 0.1), pd.Timestamp(as_of) + pd.Timedelta(days=span * 0.1)],
    )
    fig.update_layout(height=rows_height(len(order)), dragmode=False)
    return fig


def _axis_name(adcode: str, lang: str) -> str:
    """Full Chinese names (three characters); English ones without the suffix, to save width."""
    return short_name(adcode, lang) if lang == "en" else county_name(adcode, lang)


SMALL_ROW_HEIGHT = 160  # px per row of small panels: 640 px for a city's three rows


def small_columns(panels: int) -> int:
    """Panels per row: three for up to nine (a city's counties), five beyond (a province's cities)."""
    return 3 if panels <= 9 else 5


def small_multiples(
    by_year: pd.DataFrame,
    *,
    order: list[str],
    metric: str,
    lang: str,
    title: str,
    subtitle: str,
    highlight: str | None = None,
) -> go.Figure:
    """One small line per division (a grid of up to three per row for a city's nine, up to five for
    a province's 21; shared y axis): ``metric`` year by year."""
    cols = small_columns(len(order))
    n_rows = max(1, -(-len(order) // cols))
    fig = make_subplots(
        rows=n_rows,
        cols=cols,
        shared_yaxes="all",
        shared_xaxes=True,
        subplot_titles=[_axis_name(a, lang) for a in order],
        vertical_spacing=0.3 / n_rows,
        horizontal_spacing=0.07,
    )
    labels = sorted({str(y) for y in by_year["year"]})
    complete_name = t("ui.counties.trend.complete", lang)
    partial_name = t("ui.chart.partial_year", lang)
    for index, adcode in enumerate(order):
        row, col = divmod(index, cols)
        rows = by_year[by_year["adcode"] == adcode].sort_values("year")
        color = HIGHLIGHT_COLOR if adcode == highlight else PALETTE[0]
        texts = [chart_label(v, metric, lang) for v in rows["value"]]
        fig.add_trace(
            go.Scatter(
                x=rows["year"].astype(str),
                y=_numbers(rows["value"]),
                mode="lines+markers",
                line={"color": color, "width": 3 if adcode == highlight else 2},
                marker={"size": 6},
                name=complete_name,
                legendgroup="complete",
                showlegend=index == 0,
                customdata=[adcode] * len(rows),
                text=texts,
                hovertemplate=f"{_axis_name(adcode, lang)} %{{x}}: %{{text}}<extra></extra>",
            ),
            row=row + 1,
            col=col + 1,
        )
        partial = rows[rows["partial"].astype(bool)]
        if not partial.empty:
            fig.add_trace(
                go.Scatter(
                    x=partial["year"].astype(str),
                    y=_numbers(partial["value"]),
                    mode="markers",
                    marker={"size": 9, "symbol": "circle-open", "color": color, "line": {"width": 2}},
                    name=partial_name,
                    legendgroup="partial",
                    showlegend=index == 0,
                    hoverinfo="skip",
                ),
                row=row + 1,
                col=col + 1,
            )
    titled(fig, labels, title, subtitle, unit_note(metric, lang), headroom=SUBPLOT_TITLE_ROOM)
    # Small panels have room for the first and last year only (hover names every year); half a
    # year of padding each side keeps neighbouring panels' labels apart on a phone.
    ends = [labels[0], labels[-1]] if labels else []
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=labels,
        tickvals=ends,
        tickangle=0,
        range=[-0.7, len(labels) - 0.3],
    )
    # Matched axes with all-zero panels otherwise come out as 0–4 (Plotly): ask for autorange.
    fig.update_yaxes(rangemode="tozero", tickformat=",", nticks=4, autorange=True)
    for annotation in fig.layout.annotations:
        if annotation.text in [_axis_name(a, lang) for a in order]:
            annotation.font = {
                "size": 13,
                "color": HIGHLIGHT_COLOR if _is(annotation.text, highlight, lang) else "#222222",
            }
    fig.update_layout(height=SMALL_ROW_HEIGHT * n_rows + 160)
    return fig


def _is(name: str, adcode: str | None, lang: str) -> bool:
    return adcode is not None and name == _axis_name(adcode, lang)


def yearly_bars(frame: pd.DataFrame, *, metric: str, lang: str, title: str, subtitle: str) -> go.Figure:
    """One county's ``metric`` per year as bars (the current year lighter and named so)."""
    data = pd.DataFrame(
        {
            "label": frame["year"].astype(str),
            "value": _numbers(frame["value"]),
            "partial": frame["partial"].astype(bool),
        }
    )
    fig = bar_chart(
        data,
        name=t(f"ui.counties.metric.{metric}", lang),
        partial_name=t("ui.chart.partial_year", lang),
        title=title,
        subtitle=subtitle,
        unit=unit_note(metric, lang),
    )
    fig.update_yaxes(hoverformat=value_format(UNITS[metric]))
    fig.update_layout(height=360)
    return fig
