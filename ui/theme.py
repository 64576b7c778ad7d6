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
</style>
"""
