"""Chart builders: pure functions from a DataFrame to a Plotly figure (no Streamlit here).

Each chart carries its own title and a subtitle naming the period, the data source and the
date the data runs to, so a screenshot or an export still says what it shows.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go

from .theme import BASELINE_COLOR, PALETTE, TARGET_COLOR, TEMPLATE_NAME

MAX_TICKS = 5  # 2025-06 is about 60 px: five fit a phone and a half-width column
# A subtitle line holds about this many CJK characters (12 px) across a phone's chart (390 px
# screen); a longer line is broken at its "｜" / " | " separators.
SUBTITLE_WIDTH = 28
TITLE_ROOM = 40  # top pad and the 17 px title line
SUBTITLE_LINE = 17  # one 12 px subtitle line
TITLE_WIDTH = 20  # ems of 17 px title type a phone's chart holds
TITLE_LINE = 22  # one 17 px title line
UNIT_ROOM = 24  # the unit line above the plot, with a gap on each side
SEPARATORS = ("｜", " | ")


def text_width(text: str, latin: float = 0.55) -> float:
    """Width in CJK characters (ems): Latin letters, digits and spaces are ``latin`` of one."""
    return sum(1.0 if ord(char) > 0x2E7F else latin for char in text)


# Where a label may break, by preference: after a separator, a colon, a space.
BREAKS = (re.compile(r"(｜| \| )"), re.compile(r"(：|: )"), re.compile(r"( )"))
TRAILING = re.compile(r"(｜| \| | )$")


def _tokens(text: str, breaks: re.Pattern) -> list[str]:
    """``text`` cut after each match of ``breaks`` (which stays at the end of its token)."""
    pieces = breaks.split(text)
    return [pieces[i] + (pieces[i + 1] if i + 1 < len(pieces) else "") for i in range(0, len(pieces), 2)]


def _greedy(tokens: list[str], width: float) -> list[str]:
    lines, current = [], ""
    for token in tokens:
        if current and text_width(current + token.rstrip()) > width:
            lines.append(TRAILING.sub("", current))
            current = token
        else:
            current += token
    return [*lines, TRAILING.sub("", current)]


def wrap(text: str, width: float, level: int = 0) -> str:
    """``text`` in lines of at most ``width`` ems (``<br>`` between): broken at separators, a
    part still too long at its colons, then its spaces. A word longer than the width stays whole."""
    lines = []
    for line in _greedy(_tokens(text, BREAKS[level]), width):
        fits = text_width(line) <= width or level + 1 == len(BREAKS)
        lines.append(line if fits else wrap(line, width, level + 1))
    return "<br>".join(line for line in lines if line)


def subtitle_lines(subtitle: str) -> list[str]:
    """The subtitle's lines: its own ``<br>`` breaks, and long lines broken at their separators."""
    lines: list[str] = []
    for line in re.split(r"<br\s*/?>", subtitle or ""):
        separator = next((s for s in SEPARATORS if s in line), None)
        if separator is None or text_width(line) <= SUBTITLE_WIDTH:
            lines.append(line)
            continue
        current = ""
        for part in line.split(separator):
            joined = f"{current}{separator}{part}" if current else part
            if current and text_width(joined) > SUBTITLE_WIDTH:
                lines.append(current)
                current = part
            else:
                current = joined
        lines.append(current)
    return [line for line in lines if line.strip()]


def titled(
    fig: go.Figure, labels: list, title: str, subtitle: str, unit: str, *, headroom: int = 0
) -> go.Figure:
    """Apply the template, the title with its subtitle (period, source, 数据截至) and the unit.

    ``labels`` are the category-axis labels (pass [] for charts without a category x-axis).
    ``headroom``: extra pixels between the unit and the plot, for subplot titles.

    The title and Plotly's own subtitle hang from the top edge; the top margin is computed
    from the number of title and subtitle lines, so neither runs into the unit or the plot.
    Builders set their height after calling this, never the top margin.
    """
    lines = subtitle_lines(subtitle)
    # A long title breaks into lines a phone's chart holds (17 px type, about 350 px wide).
    title_text = wrap(title, TITLE_WIDTH) if title and text_width(title) > TITLE_WIDTH else title
    extra_title_lines = title_text.count("<br>") if title_text else 0
    fig.update_layout(
        template=TEMPLATE_NAME,
        title={
            "text": title_text,
            "subtitle": {"text": "<br>".join(lines), "font": {"size": 12, "color": "#444444"}},
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            # Plotly hangs a title's first line from the top and lets further lines rise
            # above it: each extra line moves the title down by one.
            "pad": {"t": 10 + TITLE_LINE * extra_title_lines, "l": 4},
        },
        height=380,
        margin={"t": top_margin(len(lines), bool(unit), headroom) + TITLE_LINE * extra_title_lines},
        showlegend=True,
    )
    # The unit reads level above the value axis (a rotated 万元 or 家 is hard to read).
    fig.add_annotation(
        name="unit",
        text=unit,
        xref="paper",
        yref="paper",
        x=0,
        y=1,
        yshift=6 + headroom,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        font={"size": 12, "color": "#555555"},
    )
    # Labels are ours (2025-06, 2025Q4, 2025): a category axis keeps them as written,
    # instead of Plotly re-reading them as dates with English month names. Long series
    # show every few labels, level, so they stay legible on a phone and a projector.
    if labels:
        step = max(1, math.ceil(len(labels) / MAX_TICKS))
        fig.update_xaxes(type="category", tickangle=0, tickmode="array", tickvals=labels[::step])
    # "," keeps thousands separators and avoids SI suffixes (300k) that mean nothing in 万元.
    fig.update_yaxes(rangemode="tozero", tickformat=",")
    return fig


def top_margin(subtitle_lines: int, unit: bool = True, headroom: int = 0) -> int:
    """Pixels above the plot for the title, ``subtitle_lines`` lines, the unit and ``headroom``."""
    return TITLE_ROOM + SUBTITLE_LINE * subtitle_lines + (UNIT_ROOM if unit else 8) + headroom


def _reference_line(fig: go.Figure, xs: list, value: float | None, label: str, color: str, dash: str) -> None:
    """A horizontal target or baseline line, drawn as a trace so the legend names it."""
    if value is None or len(xs) == 0:
        return
    fig.add_trace(
        go.Scatter(
            x=[xs[0], xs[-1]],
            y=[value, value],
            mode="lines",
            name=label,
            line={"color": color, "dash": dash, "width": 2},
            hoverinfo="name+y",
        )
    )


def line_chart(
    frame: pd.DataFrame,
    *,
    y: str,
    name: str,
    title: str,
    subtitle: str,
    unit: str,
    target: float | None = None,
    target_label: str = "",
    baseline: float | None = None,
    baseline_label: str = "",
) -> go.Figure:
    """A value over time (``label`` on x) with optional target and baseline lines.

    A point of a period not yet complete (``partial``, e.g. the rate on 数据截至 after the last
    quarter end) is hollow, so it reads as "so far"; the axis ticks once per year."""
    partial = frame["partial"].astype(bool) if "partial" in frame else pd.Series(False, index=frame.index)
    fig = go.Figure(
        go.Scatter(
            x=frame["label"],
            y=frame[y],
            mode="lines+markers" if len(frame) <= 40 or partial.any() else "lines",
            name=name,
            line={"color": PALETTE[0], "width": 3},
            marker={
                "symbol": ["circle-open" if p else "circle" for p in partial],
                "size": [10 if p else (7 if len(frame) <= 40 else 0) for p in partial],
                "line": {"width": 2},
            },
        )
    )
    xs = list(frame["label"])
    _reference_line(fig, xs, target, target_label, TARGET_COLOR, "dash")
    _reference_line(fig, xs, baseline, baseline_label, BASELINE_COLOR, "dot")
    titled(fig, xs, title, subtitle, unit)
    ticks = year_ticks(xs)
    if ticks:
        fig.update_xaxes(tickvals=[x for x, _ in ticks], ticktext=[text for _, text in ticks], tickangle=0)
    return fig


def year_ticks(labels: list[str]) -> list[tuple[str, str]]:
    """One tick per year on a monthly (``2025-01``) or quarterly (``2025Q1``) axis: at each year's
    first period, named by the year; a first year that starts later keeps its own label.

    Empty for other labels (years, dates), whose own ticks are already whole periods."""
    periodic = [x for x in labels if re.fullmatch(r"\d{4}(-\d{2}|Q\d)", x)]
    if len(periodic) < 2:
        return []
    ticks, seen = [], set()
    for label in periodic:
        year = label[:4]
        if year in seen:
            continue
        seen.add(year)
        first_period = label.endswith(("-01", "Q1"))
        ticks.append((label, year if first_period else label))
    return ticks


def bar_chart(
    frame: pd.DataFrame,
    *,
    name: str,
    partial_name: str,
    title: str,
    subtitle: str,
    unit: str,
    baseline: float | None = None,
    baseline_label: str = "",
    target: float | None = None,
    target_label: str = "",
) -> go.Figure:
    """Yearly values as bars; a year not yet complete is drawn lighter and named so."""
    complete = frame[~frame["partial"].astype(bool)]
    partial = frame[frame["partial"].astype(bool)]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=complete["label"], y=complete["value"], name=name, marker_color=PALETTE[0]))
    if not partial.empty:
        fig.add_trace(
            go.Bar(
                x=partial["label"],
                y=partial["value"],
                name=partial_name,
                marker={"color": PALETTE[4], "pattern": {"shape": "/"}},
            )
        )
    fig.update_xaxes(categoryorder="array", categoryarray=list(frame["label"]))
    xs = list(frame["label"])
    _reference_line(fig, xs, baseline, baseline_label, BASELINE_COLOR, "dot")
    _reference_line(fig, xs, target, target_label, TARGET_COLOR, "dash")
    return titled(fig, xs, title, subtitle, unit)
