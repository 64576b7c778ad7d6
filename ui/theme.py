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
    "met_late": (PALETTE[3], "◎", "violet"),
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
    """Thousands separators, one decimal for rates and amounts, the unit in ``lang``.

    Money is always in 万元 (in English "10k yuan"), however large: a card, the chart beside it
    and a table write one amount in one unit, and the separators keep big numbers readable.
    """
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:,.1f}%"
    if unit in ("万元", "亿元"):
        return f"{value:,.1f} {unit_label(unit, lang)}"
    return f"{value:,.0f} {unit_label(unit, lang)}"


def value_format(unit: str) -> str:
    """The d3 format of a chart's hover value in ``unit``, matching ``format_number``.

    Rates and amounts with one decimal, counts whole, all with thousands separators.
    """
    return ",.1f" if unit in ("%", "万元", "亿元", "件/万人") else ",.0f"


def unit_label(unit: str, lang: str) -> str:
    """A unit as the reader's language writes it (units without a translation stay as they are)."""
    key = f"unit.{unit}"
    return t(key, lang) if key in TEXT else unit


def bracketed(text: str, inside: str, lang: str) -> str:
    """``text`` with ``inside`` in brackets as each language writes them: 件数（件）, Count (items)."""
    return f"{text}（{inside}）" if lang == "zh" else f"{text} ({inside})"


def with_unit(label: str, unit: str, lang: str) -> str:
    """A name with its unit in the reader's language: 成交额（万元）, Turnover (10k yuan)."""
    return bracketed(label, unit_label(unit, lang), lang)


def separator(lang: str) -> str:
    """The bar between the parts of a line: full width in Chinese, an ASCII bar in English."""
    return "｜" if lang == "zh" else " | "


# Page styles every page shares (app.py adds them once per run). KPI cards sit five in a row:
# at 1280 px Streamlit would cut "330,000.0 万元" and long labels to "330,0…"; they wrap instead,
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
/* On a phone Plotly's toolbar would sit over a chart's title: it goes (tap and pinch still work). */
@media (max-width: 640px) {
  .js-plotly-plot .modebar-container, .js-plotly-plot .modebar { display: none !important; }
}
/* WCAG 2.1 AA contrast (4.5:1, checked by tests/test_browser_accessibility.py with axe-core).
   Streamlit greys captions, a metric's delta description and a button's shortcut key by
   drawing them at 60 % opacity (3.9:1 on white): they are drawn opaque in #595959 instead
   (7:1 on white, 6.6:1 on the sidebar). A disabled button's key stays grey, as the button.
   The selected segment of a segmented control writes the primary blue on a blue tint
   (4.3:1): it gets a darker blue of the same hue (7:1 on that tint). */
[data-testid="stCaptionContainer"], button:not(:disabled) kbd {
  opacity: 1 !important; color: #595959 !important;
}
[data-testid="stCaptionContainer"] p { color: #595959 !important; }
[data-testid="stButtonGroup"] button[data-selected="true"] p { color: #00507D !important; }
/* Keyboard focus: Streamlit marks a focused page link only by the faint grey of hovering; it
   gets a ring (WCAG 2.4.7), shown for the keyboard only (:focus-visible), not on a click. */
[data-testid="stTopNavLink"]:focus-visible, [data-testid="stSidebarNavLink"]:focus-visible {
  outline: 2px solid #00507D !important; outline-offset: 2px !important;
}
/* Text alternatives of charts (ui/chart_text.py): read by screen readers, never shown, and
   out of the layout's flow so they add no gap below a chart; so is page_language's script. */
.stElementContainer:has(.chart-text), .stElementContainer:has(> [data-testid="stHtml"] > script:only-child) {
  position: absolute !important; width: 1px !important; height: 1px !important; overflow: hidden !important;
  clip-path: inset(50%) !important; white-space: nowrap !important; margin: -1px !important;
}
</style>
"""

# Below Streamlit's md breakpoint (768 px) the page links leave the top bar for the sidebar,
# which folds away behind a bare "»" button. The button gets a visible label: "pages and
# filters" on a phone, "filters" on a wider screen (where the pages stay in the top bar).
MENU_CSS = """
<style>
[data-testid="stExpandSidebarButton"] {
  border: 1px solid #888888 !important; border-radius: 0.5rem !important; padding: 0.2rem 0.6rem !important;
}
[data-testid="stExpandSidebarButton"]::after {
  content: "{filters}"; margin-left: 0.3rem; font-size: 1rem; font-weight: 600; color: #222222;
}
@media (max-width: 767.98px) {
  [data-testid="stExpandSidebarButton"]::after { content: "{pages}"; }
}
</style>
"""


def page_language(lang: str) -> str:
    """A script that sets ``<html lang>`` to the reader's language (WCAG 2.1 3.1.1), so that a
    screen reader reads a Chinese page in a Chinese voice; Streamlit's page says "en".

    The script leaves nothing to see, and ``PAGE_CSS`` takes its element out of the layout."""
    code = "zh-CN" if lang == "zh" else "en"
    return f'<script>document.documentElement.lang = "{code}";</script>'


def menu_css(lang: str) -> str:
    """``MENU_CSS`` with the folded sidebar's button labelled in ``lang``."""

    def quoted(key: str) -> str:  # as a CSS string's content
        return t(key, lang).replace("\\", "\\\\").replace('"', '\\"')

    filters, pages = quoted("ui.nav.menu_filters"), quoted("ui.nav.menu_pages")
    return MENU_CSS.replace("{filters}", filters).replace("{pages}", pages)
