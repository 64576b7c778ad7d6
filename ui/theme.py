"""One look for pages, slides and exports: a Plotly template and the number formats.

The palette is Okabe–Ito (readable for colour-blind viewers and on a projector). Charts are
drawn with ``theme=None`` in Streamlit so that what a page shows and what an export renders
are the same template.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from data_layer.i18n import TEXT, t

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
TARGET_COLOR = "#D55E00"
BASELINE_COLOR = "#555555"
FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
TEMPLATE_NAME = "zhanjiang"

# Each status word's colour, symbol and Streamlit badge colour. Colour is never the only
# cue: every badge and grid cell also carries the symbol, so a status reads in greyscale, on
# a poor projector and for colour-blind readers. Symbols are ones the CJK fonts carry.
STATUS_STYLE: dict[str, tuple[str, str, str]] = {
    "met": (PALETTE[2], "✓", "green"),
    "met_late": (PALETTE[3], "◐", "violet"),
    "on_track": (PALETTE[0], "↗", "blue"),
    "behind": (PALETTE[1], "↘", "orange"),
    "missed": (PALETTE[5], "×", "red"),
    "no_target": ("#B4B4B4", "–", "gray"),
    "no_data": ("#F4F4F4", "?", "gray"),
}


def status_color(status: str) -> str:
    return STATUS_STYLE[status][0]


def status_symbol(status: str) -> str:
    return STATUS_STYLE[status][1]


def status_badge(status: str) -> str:
    """The Streamlit badge colour of a status."""
    return STATUS_STYLE[status][2]


def status_text(status: str, lang: str) -> str:
    """A status as badges and cells write it: symbol and word (e.g. "✓ 已达标")."""
    return f"{status_symbol(status)} {t(f'status.{status}', lang)}"


pio.templates[TEMPLATE_NAME] = go.layout.Template(
    layout=go.Layout(
        colorway=PALETTE,
        font={"family": FONT_FAMILY, "size": 14, "color": "#222222"},
        title={"font": {"size": 17}, "x": 0, "xanchor": "left"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis={"showgrid": False, "linecolor": "#888888", "ticks": "outside"},
        yaxis={"gridcolor": "#E5E5E5", "zeroline": False, "separatethousands": True},
        legend={"orientation": "h", "y": -0.2, "x": 0},
        margin={"l": 60, "r": 20, "t": 60, "b": 60},
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
)


def format_number(value: float | None, unit: str, lang: str = "zh") -> str:
    """Thousands separators, one decimal for rates, 亿元 for large 万元 amounts, unit in ``lang``."""
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:,.1f}%"
    if unit == "万元" and lang == "en":  # English readers count in millions and billions
        if abs(value) >= 100_000:
            return f"{value / 100_000:,.2f} bn yuan"
        return f"{value / 100:,.1f} M yuan"
    if unit == "万元" and abs(value) >= 10_000:
        return f"{value / 10_000:,.2f} {unit_label('亿元', lang)}"
    if unit == "万元":
        return f"{value:,.1f} {unit_label(unit, lang)}"
    return f"{value:,.0f} {unit_label(unit, lang)}"


def value_format(unit: str) -> str:
    """The d3 format of a chart's hover value in ``unit``, matching ``format_number``.

    Rates and 万元 amounts with one decimal, counts whole, all with thousands separators.
    (Charts keep 万元 rather than switching to 亿元, so a value reads against its axis.)
    """
    return ",.1f" if unit in ("%", "万元", "亿元", "件/万人") else ",.0f"


def unit_label(unit: str, lang: str) -> str:
    """A unit as the reader's language writes it (units without a translation stay as they are)."""
    key = f"unit.{unit}"
    return t(key, lang) if key in TEXT else unit


# Page styles every page shares (app.py adds them once per run). KPI cards sit five in a row:
# at 1280 px Streamlit would cut "33.00 亿元" and long labels to "33.00…"; they wrap instead,
# and the value's type shrinks with the window.
PAGE_CSS = """
<style>
[data-testid="stMetricValue"] { font-size: clamp(1.5rem, 2.3vw, 2.25rem) !important; }
[data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
/* The overview's row of status badges: large enough to read from the back of a room. */
.st-key-overview-statuses .stMarkdownBadge {
  font-size: 1.3rem !important; padding: 0.3rem 0.8rem !important; min-width: 9.5rem; display: inline-block;
}
</style>
"""
