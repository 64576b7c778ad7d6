"""Every chart's text alternative: what it shows, for a reader who cannot see it.

``show`` draws a Plotly chart and, right after it, a paragraph that screen readers read and
the page never shows (``theme.PAGE_CSS`` takes ``.chart-text`` out of sight and out of the
layout). The paragraph is made from the figure itself, so it says what the chart says: its
title and subtitle (period, source, 数据截至), its unit, then each series by name with its
values (a long series by its first and last point, lowest and highest), and the caller's
key message when there is one (e.g. a KPI's sentence, ``ui.slides.kpi_message``).
"""

from __future__ import annotations

import html
import math
import numbers
import re
from collections import Counter

import plotly.graph_objects as go
import streamlit as st

from data_layer.i18n import t

from . import state
from .theme import STATUS_STYLE, status_symbol, status_text

MAX_POINTS = 24  # a series with more points is described by its ends and extremes
MAX_ITEMS = 40  # map areas or hover texts listed at most

_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MARKUP = re.compile(r"<[^>]+>")


def _plain(text: object, lang: str = "en") -> str:
    """Plotly's text without its markup: line breaks become separators, tags go."""
    if text is None:
        return ""
    joiner = "；" if lang == "zh" else "; "
    return " ".join(_MARKUP.sub("", _TAG.sub(joiner, str(text))).split()).strip("；; ")


def _is_number(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and not math.isnan(value)


def _number(value: object, fmt: str | None) -> str:
    if value is None or (isinstance(value, numbers.Real) and math.isnan(value)):
        return "—"
    if not _is_number(value):
        return _plain(value)
    if fmt:
        try:
            return format(value, fmt)
        except ValueError:
            pass
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _values(values: object) -> list:
    if values is None or isinstance(values, str):
        return []
    return list(values)


def _comma(lang: str) -> str:
    return "，" if lang == "zh" else ", "


def _axis(fig: go.Figure, trace, letter: str):
    """The layout's axis a trace is drawn on: ``letter`` "x" or "y" (xaxis, xaxis2, ...)."""
    ref = getattr(trace, f"{letter}axis", None) or letter
    try:
        return fig.layout[f"{letter}axis{ref[1:]}"]
    except (KeyError, ValueError):
        return None


def _panel_title(trace, fig: go.Figure) -> str:
    """An unnamed series of a figure with panels: the title of its panel (make_subplots)."""
    axis = _axis(fig, trace, "x")
    if axis is None or axis.domain is None:
        return ""
    low, high = axis.domain
    for note in fig.layout.annotations:
        beside = note.xref == "paper" and note.x is not None and low <= note.x <= high
        if beside and note.name != "unit" and note.yanchor == "bottom" and note.text:
            return _plain(note.text)
    return ""


_FIELD = re.compile(r"%\{([^:}]+)(?::([^}]*))?\}")
_EXTRA = re.compile(r"<extra>.*?</extra>", re.DOTALL)


def _at(values: object, index: int) -> object:
    """The ``index``-th of a per-point array, or the one value every point shares."""
    if values is None or isinstance(values, str | numbers.Number):
        return values
    values = list(values)
    return values[index] if index < len(values) else None


def _hover(trace, index: int, lang: str) -> str | None:
    """What hovering point ``index`` shows: its hover text, or its hover template filled in
    (``%{x}``, ``%{y:,.1f}``, ``%{text}``, ``%{customdata[0]}``, ``%{fullData.name}``)."""
    template = _at(trace.hovertemplate, index)
    hovertext = _at(trace.hovertext, index)
    if not template:
        return _plain(hovertext, lang) or None
    fields = {"x": trace.x, "y": trace.y, "z": getattr(trace, "z", None), "text": trace.text}
    fields |= {"hovertext": trace.hovertext, "customdata": trace.customdata}

    def fill(match: re.Match) -> str:
        key, fmt = match.group(1), match.group(2)
        if key == "fullData.name":
            return str(trace.name or "")
        name, _, rest = key.partition("[")
        if name not in fields:
            raise KeyError(key)
        value = _at(fields[name], index)
        if rest:
            value = _at(value, int(rest.rstrip("]")))
        return _number(value, fmt) if fmt or _is_number(value) else _plain(value)

    try:
        return _plain(_FIELD.sub(fill, _EXTRA.sub("", str(template))), lang) or None
    except (KeyError, ValueError, IndexError, TypeError):
        return None  # a template this reading does not know: the point is read from its data


def _series(trace, fig: go.Figure, lang: str) -> str | None:
    """One bar or line series: its name and its points.

    A point reads as its hover shows it (the chart's own words for it, with its name and
    unit), else as its category, as the axis labels it, and its value. A flat line (a target)
    reads as its one value."""
    horizontal = getattr(trace, "orientation", None) == "h"
    categories = _values(trace.y if horizontal else trace.x)
    values = _values(trace.x if horizontal else trace.y)
    if not any(_is_number(v) for v in values):
        return None
    value_axis = _axis(fig, trace, "x" if horizontal else "y")
    fmt = (value_axis.hoverformat if value_axis is not None else None) or None
    categories = categories if len(categories) == len(values) else [""] * len(values)
    ticks = axis_labels(_axis(fig, trace, "y" if horizontal else "x"), categories)
    hover = [_hover(trace, i, lang) for i in range(len(values))]
    numeric = [v for v in values if _is_number(v)]
    if all(hover) and len(set(hover)) == len(hover):
        points = hover
    elif len(numeric) > 1 and len(set(numeric)) == 1:
        points = [t("ui.chart_text.constant", lang, value=_number(numeric[0], fmt))]
    else:
        points = [f"{c} {_number(v, fmt)}".strip() for c, v in zip(ticks, values, strict=False)]
    if len(points) <= MAX_POINTS:
        text = _comma(lang).join(points)
    else:
        ranked = [(p, v) for p, v in zip(points, values, strict=False) if _is_number(v)]
        text = t(
            "ui.chart_text.long",
            lang,
            count=len(points),
            first=points[0],
            last=points[-1],
            low=min(ranked, key=lambda p: p[1])[0],
            high=max(ranked, key=lambda p: p[1])[0],
        )
    name = _plain(trace.name) or _panel_title(trace, fig)
    return f"{name}{'：' if lang == 'zh' else ': '}{text}" if name else text


def axis_labels(axis, categories: list) -> list[str]:
    """The categories as the axis writes them (its tick texts, when it names every category)."""
    plain = [_plain(c) for c in categories]
    if axis is None or axis.tickvals is None or axis.ticktext is None:
        return plain
    named = {_plain(v): _plain(text) for v, text in zip(axis.tickvals, axis.ticktext, strict=False)}
    return [named[c] for c in plain] if all(c in named for c in plain) else plain


def _grid(trace, lang: str) -> str:
    """A heatmap: its size, its rows and columns, and how often each cell text occurs."""
    rows, columns = _values(trace.y), _values(trace.x)
    cells = Counter(_plain(c) for row in _values(trace.text) for c in _values(row) if _plain(c))
    words = {status_symbol(s): status_text(s, lang) for s in STATUS_STYLE}  # ✓ → ✓ 已达标
    text = t(
        "ui.chart_text.grid",
        lang,
        rows=len(rows),
        columns=len(columns),
        first_row=_plain(rows[0]) if rows else "—",
        last_row=_plain(rows[-1]) if rows else "—",
        first_column=_plain(columns[0]) if columns else "—",
        last_column=_plain(columns[-1]) if columns else "—",
    )
    if cells:
        counts = _comma(lang).join(
            t("ui.chart_text.cell_count", lang, cell=words.get(cell, cell), count=count)
            for cell, count in cells.most_common()
        )
        text += t("ui.chart_text.cells", lang, counts=counts)
    return text


def _hover_items(trace, lang: str) -> str | None:
    """A map layer: the hover text of each area (it names the area and its value)."""
    items = [_plain(h, lang) for h in _values(trace.hovertext) if _plain(h)]
    if not items:
        return None
    more = len(items) - MAX_ITEMS
    return ("；" if lang == "zh" else "; ").join(items[:MAX_ITEMS]) + (f" (+{more})" if more > 0 else "")


def describe(fig: go.Figure, lang: str, message: str | None = None) -> str:
    """The text alternative of ``fig``: title, subtitle, unit, each series, ``message``."""
    title = fig.layout.title
    name = _plain(title.text)  # a slide drawn full screen leaves its title to the page's heading
    parts = [t("ui.chart_text.chart", lang, title=name) if name else t("ui.chart_text.untitled", lang)]
    if title.subtitle and title.subtitle.text:
        parts.append(_plain(title.subtitle.text, lang))
    parts += [_plain(a.text) for a in fig.layout.annotations if a.name == "unit" and a.text]
    described = []
    grid = any(trace.type == "heatmap" for trace in fig.data)
    for trace in fig.data:
        if trace.visible in (False, "legendonly") or (trace.hoverinfo == "skip" and trace.type != "heatmap"):
            continue  # hidden, or drawn only as decoration (a highlight's outline)
        marker = getattr(trace, "marker", None)
        if grid and trace.type == "scatter" and marker is not None and marker.opacity == 0:
            continue  # invisible points over a grid's cells that only catch clicks
        if trace.type == "heatmap":
            described.append(_grid(trace, lang))
        elif trace.type in ("bar", "scatter"):
            described.append(_series(trace, fig, lang))
        else:
            described.append(_hover_items(trace, lang))
    described = [d for d in described if d]
    parts += described or [t("ui.chart_text.no_data", lang)]
    if message:
        parts.append(_plain(message, lang))
    stop = "。" if lang == "zh" else ". "
    return stop.join(p.rstrip("。.；; ") for p in parts if p).strip() + stop.strip()


def show(container, fig: go.Figure, lang: str | None = None, *, message: str | None = None, **kwargs):
    """``container.plotly_chart(fig, **kwargs)`` followed by the chart's text alternative.

    ``lang``: the text's language, by default the reader's (the sidebar's choice). Returns
    what ``plotly_chart`` returns (the selection of a chart drawn with ``on_select``)."""
    if lang is None:
        lang = st.session_state.get("lang") or state.settings().language
    event = container.plotly_chart(fig, **kwargs)
    container.html(f'<p class="chart-text">{html.escape(describe(fig, lang, message))}</p>')
    return event
