"""The briefing deck's slides: for each slide id, its chart, title and one-sentence key message.

A slide is built from a ``Database`` (the live one, or a frozen snapshot) and the Scope
chosen before the briefing, with the same chart builders the pages use, so a slide, the
page it comes from and the exported deck show the same picture. No Streamlit calls here:
slides are built and tested as plain functions, and cached by ``ui.briefing_view``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from data_layer import county_metrics, filings_contracts, institution_rates, measure_progress
from data_layer.db import Database
from data_layer.i18n import t
from data_layer.kpis import CODES, Kpi, compute_kpis
from data_layer.measures import areas, measures
from data_layer.scope import Scope
from data_layer.statuses import REACHED, STATUSES

from . import charts, counties_charts, filings_view, institutions_charts, kpi_view, measures_charts
from .filters import county_label, inst_kind_label
from .kpi_view import value_text
from .measures_view import area_heading, measure_name, row_label
from .theme import TARGET_COLOR, format_number, status_color, status_text, with_unit

KPI_SLIDES = tuple(f"kpi.{code}" for code in CODES)


# The slides of task areas come from the plan of the pack that runs (``regions.current()``),
# so these are asked for each time, never fixed when the module loads.
def _area_slides() -> tuple[str, ...]:
    return tuple(f"area.{area.number}" for area in areas())


def catalogue() -> tuple[str, ...]:
    """Every slide a deck may hold, in the order the catalogue lists them."""
    return ("kpis", *KPI_SLIDES, *_area_slides(), "institutions", "counties", "filings", "contracts")


def default_deck() -> tuple[str, ...]:
    """The deck a briefing starts from: overview KPIs, each task area, institutions, counties."""
    return ("kpis", *KPI_SLIDES, *_area_slides(), "institutions", "counties")


@dataclass(frozen=True)
class Slide:
    """One slide: what it shows, the sentence to say, and the numbers behind the chart."""

    id: str
    title: str
    message: str
    period: str
    source: str
    figure: go.Figure
    numbers: pd.DataFrame  # labelled columns, for the speaker notes and a table


@dataclass(frozen=True)
class Context:
    """What a deck is built for: the Scope chosen before the briefing, the language, the data's date."""

    scope: Scope
    lang: str
    data_as_of: dt.date | None

    @property
    def freshness(self) -> str:
        date = self.data_as_of.isoformat() if self.data_as_of else "—"
        return t("ui.data_as_of", self.lang, date=date)


def slide_name(slide_id: str, lang: str) -> str:
    """A slide's name in the deck editor and the catalogue."""
    if slide_id.startswith("kpi."):
        return t(f"kpi.{slide_id[4:]}", lang)
    if slide_id.startswith("area."):
        return area_heading(int(slide_id[5:]), lang)
    return t(f"ui.slides.{slide_id}.name", lang)


def build(db: Database, scope: Scope, slide_id: str, lang: str, data_as_of: dt.date | None) -> Slide:
    """The slide ``slide_id`` (one of ``catalogue()``) from ``db`` for ``scope``, in ``lang``;
    ``data_as_of`` is ``db``'s 数据截至 (``trends.data_as_of``), said under every chart."""
    ctx = Context(scope, lang, data_as_of)
    if slide_id.startswith("kpi."):
        return _kpi_slide(db, slide_id[4:], ctx)
    if slide_id.startswith("area."):
        return _area_slide(db, int(slide_id[5:]), ctx)
    return BUILDERS[slide_id](db, ctx)


# --- overview KPIs -----------------------------------------------------------------------------


# Six slides read the KPIs and four the measures grid: computed once per data version and
# filters, not once per slide (at 100x the sample that halves a deck's build time).
@functools.lru_cache(maxsize=32)
def _kpis_at(db: Database, generation: int, scope: Scope) -> list[Kpi]:
    return compute_kpis(db, scope)


@functools.lru_cache(maxsize=32)
def _grid_at(db: Database, generation: int, as_of: dt.date) -> tuple[list[str], pd.DataFrame, list[str]]:
    """The quarters shown, the measures' status grid and the quarters holding a plan deadline."""
    quarters = measure_progress.quarters_shown(db, as_of)
    grid = measure_progress.measure_statuses(db, as_of=as_of, quarters=quarters)
    return quarters, grid, measure_progress.deadline_quarters(db, quarters)


def _kpis(db: Database, ctx: Context) -> list[Kpi]:
    return _kpis_at(db, db.generation, ctx.scope)


def kpi_message(kpi: Kpi, lang: str) -> str:
    """One sentence: the value, and where it stands against the target, in the status's words.

    A deadline missed and the target reached since says both (逾期达标); a rising target says
    the latest year against the one before, never a share of a number it does not have.
    """
    name = t(f"kpi.{kpi.code}", lang)
    if kpi.value is None:
        return t("ui.slides.kpi.no_data", lang, name=name)
    value = value_text(kpi, kpi.value, lang)
    if kpi.target_type == "rising":
        previous = kpi.detail.get("previous")
        if previous is None:
            return t("ui.slides.kpi.no_target", lang, name=name, value=value)
        key = "ui.slides.kpi.rising_up" if kpi.status in REACHED else "ui.slides.kpi.rising_down"
        return t(
            key,
            lang,
            name=name,
            value=value,
            year=kpi.detail["previous_year"],
            previous=value_text(kpi, previous, lang),
            change=f"{kpi.detail['rise_pct']:+,.1f}%",
        )
    if kpi.threshold is None:
        return t("ui.slides.kpi.no_target", lang, name=name, value=value)
    target = value_text(kpi, kpi.threshold, lang)
    growth = kpi.target_type == "growth_pct"  # K5: growth on the base year, in percent
    if growth:
        value, target = f"{kpi.value:,.1f}%", f"{kpi.threshold:,.1f}%"
    if kpi.status == "met_late":
        return t(
            "ui.slides.kpi.met_late",
            lang,
            name=name,
            value=value,
            target=target,
            deadline=kpi.deadline.isoformat(),
            at_deadline=value_text(kpi, kpi.value_at_deadline, lang),
        )
    if kpi.status == "met":
        key = "ui.slides.kpi.growth_reached" if growth else "ui.slides.kpi.reached"
        if kpi.target_type == "exceed":
            key = "ui.slides.kpi.exceeded"
        return t(key, lang, name=name, value=value, target=target)
    gap = kpi.threshold - kpi.value
    if kpi.target_type == "exceed" and kpi.unit in ("家", "件"):  # "more than 50" is 51 or more
        gap = math.floor(kpi.threshold) + 1 - kpi.value
    gap_text = (
        t("ui.slides.points", lang, value=f"{gap:,.1f}")
        if kpi.unit == "%"
        else format_number(gap, kpi.unit, lang)
    )
    key = {"on_track": "ui.slides.kpi.on_track", "missed": "ui.slides.kpi.missed"}.get(
        kpi.status, "ui.slides.kpi.short"
    )
    if growth:
        key = "ui.slides.kpi.growth_missed" if kpi.status == "missed" else "ui.slides.kpi.growth_short"
    deadline = kpi.deadline.isoformat() if kpi.deadline else ""
    if kpi.target_type == "exceed":
        target = t("ui.slides.more_than", lang, target=target)
    return t(key, lang, name=name, value=value, target=target, gap=gap_text, deadline=deadline)


def _kpi_slide(db: Database, code: str, ctx: Context) -> Slide:
    kpi = next(k for k in _kpis(db, ctx) if k.code == code)
    trend = kpi_view.TREND_OF.get(code)
    frame = trend(db, ctx.scope) if trend else None
    figure = kpi_view.figure(kpi, frame, ctx.lang, ctx.data_as_of)
    if frame is None:
        numbers = pd.DataFrame(kpi.detail.get("history", []), columns=["label", "value", "partial"])
        numbers = numbers[["label", "value"]]
    else:
        numbers = frame[["label", "enterprises" if code == "K1" else "products"]]
    unit = "万元" if code in ("K3", "K5") else kpi.unit
    numbers = numbers.set_axis(
        [t("ui.slides.col.period", ctx.lang), _with_unit("ui.slides.col.value", unit, ctx)], axis=1
    )
    return Slide(
        id=f"kpi.{code}",
        title=t(f"kpi.{code}", ctx.lang),
        message=kpi_message(kpi, ctx.lang),
        period=_period(numbers.iloc[:, 0], ctx),
        source=t(f"ui.source.{kpi_view.SOURCE_OF[code]}", ctx.lang),
        figure=figure,
        numbers=numbers,
    )


def _kpis_slide(db: Database, ctx: Context) -> Slide:
    """Each KPI's share of its target as a bar, its target marked: the briefing's opening picture.

    Each KPI's name, value and status sit on their own line above its bar, so the target
    marks (short ticks at 100% across each bar, not one line down the chart) never strike
    a label. A rising target (K3) has no share: its line says its own test and it draws no bar.
    """
    lang = ctx.lang
    kpis = _kpis(db, ctx)
    names = [t(f"kpi.{k.code}", lang) for k in kpis]
    shares = [None if k.share_of_target is None else round(k.share_of_target * 100, 1) for k in kpis]
    rows = list(range(len(kpis)))
    fig = go.Figure(
        go.Bar(
            x=shares,
            y=[r + BAR_OFFSET for r in rows],
            width=BAR_WIDTH,
            orientation="h",
            marker_color=[status_color(k.status) for k in kpis],
            hovertext=[_opening_label(k, name, lang) for k, name in zip(kpis, names, strict=True)],
            hoverinfo="text",
            showlegend=False,
        )
    )
    for row, kpi, name in zip(rows, kpis, names, strict=True):
        fig.add_annotation(  # bottom-anchored just above the bar, so wrapped lines grow upwards
            x=0,
            y=row + BAR_OFFSET - BAR_WIDTH / 2 - LABEL_GAP,
            xref="x",
            yref="y",
            text=_opening_label(kpi, name, lang),
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            font={"size": 15},
        )
        if kpi.share_of_target is not None:
            centre = row + BAR_OFFSET
            fig.add_shape(
                type="line",
                x0=100,
                x1=100,
                y0=centre - BAR_WIDTH * 0.65,
                y1=centre + BAR_WIDTH * 0.65,
                line={"color": TARGET_COLOR, "dash": "dot", "width": 3},
            )
    title = t("ui.slides.kpis.name", lang)
    period = t("ui.slides.on_date", lang, date=ctx.scope.as_of.isoformat())
    source = t("ui.slides.kpis.source", lang)
    charts.titled(fig, [], title, _subtitle(period, source, ctx), t("ui.slides.kpis.unit", lang))
    top = max([s for s in shares if s is not None] or [100])
    fig.update_xaxes(range=[0, max(top, 100) * 1.1], ticksuffix="%")
    # Room above the first bar for its label, wrapped to three lines on a phone.
    fig.update_yaxes(range=[len(kpis) - 0.45, -0.9], showticklabels=False, showgrid=False, zeroline=False)
    counts = pd.Series([k.status for k in kpis]).value_counts()
    parts = [
        t("ui.slides.kpis.count", lang, n=int(counts[s]), status=t(f"status.{s}", lang))
        for s in STATUSES
        if s in counts
    ]
    numbers = pd.DataFrame(
        {
            t("ui.slides.col.kpi", lang): names,
            t("ui.slides.col.value", lang): [value_text(k, k.value, lang) for k in kpis],
            t("ui.slides.col.target", lang): [
                t("ui.slides.rising", lang) if k.target_type == "rising" else value_text(k, k.threshold, lang)
                for k in kpis
            ],
            t("ui.slides.col.share", lang): [format_number(s, "%", lang) for s in shares],
            t("ui.slides.col.status", lang): [t(f"status.{k.status}", lang) for k in kpis],
        }
    )
    message = t("ui.slides.kpis.message", lang, n=len(kpis), parts=t("ui.slides.list_sep", lang).join(parts))
    return Slide("kpis", title, message, period, source, fig, numbers)


# The opening slide's rows: a label above a bar, in y units of one row per KPI.
BAR_OFFSET, BAR_WIDTH, LABEL_GAP = 0.2, 0.34, 0.04


def _opening_label(kpi: Kpi, name: str, lang: str) -> str:
    """ "K2 name: value | test | ✓ status" for the opening slide's row of one KPI."""
    parts = [
        f"{name}：{value_text(kpi, kpi.value, lang)}"
        if lang == "zh"
        else f"{name}: {value_text(kpi, kpi.value, lang)}"
    ]
    if kpi.target_type == "rising" and kpi.detail.get("rise_pct") is not None:
        parts.append(t("ui.slides.rising_test", lang, change=f"{kpi.detail['rise_pct']:+,.1f}%"))
    elif kpi.share_of_target is not None:
        parts.append(t("ui.slides.share", lang, share=format_number(kpi.share_of_target * 100, "%", lang)))
    parts.append(status_text(kpi.status, lang))
    return "｜".join(parts) if lang == "zh" else " | ".join(parts)


# --- task areas --------------------------------------------------------------------------------


def _area_slide(db: Database, number: int, ctx: Context) -> Slide:
    """The area's measures × quarters status grid; the message counts the last quarter's statuses."""
    lang = ctx.lang
    as_of = ctx.scope.as_of
    quarters, grid, deadlines = _grid_at(db, db.generation, as_of)
    members = [m.number for m in measures() if m.area == number]
    grid = grid[grid["measure"].isin(members)]
    title = area_heading(number, lang)
    period = t("ui.measures.chart.period", lang, start=quarters[0], end=quarters[-1])
    source = t("ui.measures.source.reported", lang)
    names = {n: f"{n} {measure_name(n, lang)}" for n in members}
    fig = measures_charts.status_grid(
        grid,
        rows={n: row_label(n, lang) for n in members},
        names=names,
        area_breaks=[],
        lang=lang,
        title=title,
        subtitle_text=_subtitle(period, source, ctx),
        deadlines=deadlines,
    )
    last = grid[grid["quarter"] == quarters[-1]]
    counts = last["status"].value_counts()
    parts = [
        t("ui.slides.kpis.count", lang, n=int(counts[s]), status=t(f"status.{s}", lang))
        for s in STATUSES
        if s in counts
    ]
    message = t(
        "ui.slides.area.message",
        lang,
        n=len(members),
        quarter=quarters[-1],
        parts=t("ui.slides.list_sep", lang).join(parts),
    )
    table = grid.assign(status=grid["status"].map(lambda s: status_text(s, lang)))
    numbers = table.pivot(index="measure", columns="quarter", values="status").reset_index()
    numbers["measure"] = numbers["measure"].map(names)
    numbers = numbers.rename(columns={"measure": t("ui.slides.col.measure", lang)})
    numbers.columns.name = None
    return Slide(f"area.{number}", title, message, period, source, fig, numbers)


# --- institutions and counties ---------------------------------------------------------------------


def _institutions_slide(db: Database, ctx: Context) -> Slide:
    lang, scope = ctx.lang, ctx.scope
    kind = scope.inst_kind or institution_rates.DEFAULT_KIND
    data = institution_rates.page_data(db, scope)  # no kind: universities and institutes
    ranking = data.ranking
    period = t("ui.institutions.period_on", lang, date=scope.as_of.isoformat())
    source = t("ui.source.patents", lang)
    fig = institutions_charts.ranking_bars(ranking, lang, _subtitle(period, source, ctx))
    kind_name = inst_kind_label(kind, lang)
    rated = ranking[ranking["rate"].notna()]
    if rated.empty:
        message = t("ui.slides.institutions.no_rates", lang, kind=kind_name)
    else:
        best = rated.iloc[0]
        change = data.baseline.change_pp
        message = t(
            "ui.slides.institutions.message"
            if change is not None
            else "ui.slides.institutions.message_no_change",
            lang,
            kind=kind_name,
            rate=format_number(data.now.rate, "%", lang),
            year=data.baseline.year,
            change=f"{change:+,.1f}" if change is not None else "",
            best=best["name"],
            best_rate=format_number(float(best["rate"]), "%", lang),
        )
    numbers = pd.DataFrame(
        {
            t("ui.slides.col.institution", lang): rated["name"],
            t("ui.institutions.metric.valid", lang): rated["valid"].map(lambda v: f"{int(v):,}"),
            t("ui.institutions.metric.industrialized", lang): rated["industrialized"].map(
                lambda v: f"{int(v):,}"
            ),
            t("ui.institutions.metric.rate", lang): rated["rate"].map(
                lambda v: format_number(float(v), "%", lang)
            ),
        }
    ).head(institutions_charts.TOP)
    return Slide(
        "institutions", t("ui.slides.institutions.name", lang), message, period, source, fig, numbers
    )


def _counties_slide(db: Database, ctx: Context) -> Slide:
    """Counties ranked on new patent-product filings over the plan period."""
    lang, scope = ctx.lang, ctx.scope
    metric = county_metrics.DEFAULT_METRIC
    table = county_metrics.county_metrics(db, scope)
    start = county_metrics.plan_start(db, scope.as_of)
    period = t("ui.counties.window", lang, start=start.isoformat(), end=scope.as_of.isoformat())
    source = t("ui.source.filings", lang)
    metric_name = t(f"ui.counties.metric.{metric}", lang)
    fig = counties_charts.ranking_bar(
        table,
        metric=metric,
        lang=lang,
        title=t("ui.counties.ranking_title", lang, metric=metric_name),
        subtitle=_subtitle(period, source, ctx),
        reference=county_metrics.city_reference(table)[metric],
        reference_label=t("ui.counties.city_average", lang),
        highlight=scope.division,
    )
    ranked = table.sort_values(metric, ascending=False)
    best = ranked.iloc[0]
    message = t(
        "ui.slides.counties.message",
        lang,
        metric=metric_name,
        best=counties_charts.county_name(best["adcode"], lang),
        value=counties_charts.format_metric(best[metric], metric, lang),
        total=counties_charts.format_metric(table[metric].sum(), metric, lang),
    )
    numbers = pd.DataFrame(
        {
            t("ui.slides.col.county", lang): [counties_charts.county_name(a, lang) for a in ranked["adcode"]],
            metric_name: [counties_charts.format_metric(v, metric, lang) for v in ranked[metric]],
        }
    )
    return Slide("counties", t("ui.slides.counties.name", lang), message, period, source, fig, numbers)


# --- filings and contracts -------------------------------------------------------------------------


def _filings_slide(db: Database, ctx: Context) -> Slide:
    lang, scope = ctx.lang, ctx.scope
    filings = filings_contracts.filing_figures(db, scope)
    frame, summary = filings.by_year, filings.summary
    fig = filings_view.filings_per_year_figure(frame, scope.as_of, ctx.data_as_of, lang)
    period = t("ui.slides.until", lang, date=scope.as_of.isoformat())
    message = t(
        "ui.slides.filings.message",
        lang,
        filings=format_number(float(summary.filings), "件", lang),
        enterprises=format_number(float(summary.enterprises), "家", lang),
        scope=county_label(scope.division or "", lang),
    )
    numbers = pd.DataFrame(
        {
            t("ui.slides.col.year", lang): frame["year"].astype(int),
            _with_unit("ui.slides.col.filings", "件", ctx): frame["filings"].astype(int),
        }
    )
    title = t("ui.filings.chart.per_year", lang)
    return Slide("filings", title, message, period, t("ui.source.filings", lang), fig, numbers)


def _contracts_slide(db: Database, ctx: Context) -> Slide:
    lang, scope = ctx.lang, ctx.scope
    contracts = filings_contracts.contract_figures(db, scope)
    frame, summary = contracts.patent_share, contracts.summary
    fig = filings_view.patent_share_figure(frame, scope.as_of, ctx.data_as_of, lang)
    period = t("ui.slides.until", lang, date=scope.as_of.isoformat())
    message = t(
        "ui.slides.contracts.message",
        lang,
        turnover=format_number(summary.turnover_10k, "万元", lang),
        patent=format_number(summary.patent_turnover_10k, "万元", lang),
        share=format_number(summary.patent_share_pct, "%", lang),  # "—" without turnover
    )
    numbers = pd.DataFrame(
        {
            t("ui.slides.col.year", lang): frame["year"].astype(int),
            _with_unit("ui.slides.col.turnover", "万元", ctx): frame["turnover_10k"].map(
                lambda v: f"{v:,.1f}"
            ),
            _with_unit("ui.slides.col.patent_turnover", "万元", ctx): frame["patent_turnover_10k"].map(
                lambda v: f"{v:,.1f}"
            ),
            t("ui.slides.col.share", lang): frame["share_pct"].map(
                lambda v: format_number(float(v), "%", lang) if pd.notna(v) else "—"
            ),
        }
    )
    title = t("ui.slides.contracts.name", lang)
    return Slide("contracts", title, message, period, t("ui.source.contracts", lang), fig, numbers)


BUILDERS: dict[str, Callable[[Database, Context], Slide]] = {
    "kpis": _kpis_slide,
    "institutions": _institutions_slide,
    "counties": _counties_slide,
    "filings": _filings_slide,
    "contracts": _contracts_slide,
}


# --- shared pieces -------------------------------------------------------------------------------


def _subtitle(period: str, source: str, ctx: Context) -> str:
    """Period on one line; source and 数据截至 on the next (short lines fit a phone)."""
    return f"{period}<br>{t('ui.slides.source_line', ctx.lang, source=source, data_as_of=ctx.freshness)}"


def _with_unit(key: str, unit: str, ctx: Context) -> str:
    """A column's name with its unit: 成交额（万元）, Turnover (10k yuan)."""
    return with_unit(t(key, ctx.lang), unit, ctx.lang)


def _period(labels: pd.Series, ctx: Context) -> str:
    if labels.empty:
        return t("ui.no_data_yet", ctx.lang)
    return t("ui.slides.span", ctx.lang, start=labels.iloc[0], end=labels.iloc[-1])


# --- the slide look ---------------------------------------------------------------------------------

SLIDE_FONT = 22  # px at 1920×1080: readable from the back of a room; the template's is 14


PHONE_FONT = 12  # px on a 390 px phone held upright
PHONE_HEIGHT = 520
PHONE_LABEL_EMS = 26  # what a 12 px line holds across a phone's chart
PHONE_LINE = 16  # px of one 12 px line


def on_phone(fig: go.Figure, *, keep_title: bool = False) -> go.Figure:
    """A copy of ``fig`` for a phone held upright: small type, every note wrapped to the width.

    The present view draws this beside the projector's figure and shows one by screen width
    (``briefing_view.PRESENT_CSS``): a slide link opened on a phone must read there too."""
    small = presented(fig, font_size=PHONE_FONT, keep_title=keep_title)
    top_lines = 1
    for note in small.layout.annotations:
        if not note.text:
            continue
        note.text = charts.wrap(note.text, PHONE_LABEL_EMS)
        note.align = note.xanchor if note.xanchor in ("left", "right") else "center"
        if note.yref == "paper" and (note.y or 0) >= 1:  # the unit line above the plot
            top_lines = max(top_lines, note.text.count("<br>") + 1)
    margin = {"l": 6, "r": 6, "t": (small.layout.margin.t or 0) + PHONE_LINE * (top_lines - 1)}
    small.update_layout(height=PHONE_HEIGHT, autosize=True, margin=margin)
    small.update_xaxes(automargin=True)
    small.update_yaxes(automargin=True)
    return small


def presented(fig: go.Figure, *, font_size: int = SLIDE_FONT, keep_title: bool = False) -> go.Figure:
    """A copy of ``fig`` in large type for a projector or a slide image.

    Every font the builders set (ticks, bar labels, the unit, legend) grows by the same
    factor, so the chart keeps its proportions. The slide writes the title and the period
    itself, so the figure's own title goes unless ``keep_title`` (a chart downloaded alone).
    """
    factor = font_size / 14
    big = go.Figure(fig)
    big.update_layout(
        font={"size": font_size}, legend={"font": {"size": font_size}}, height=None, autosize=True
    )
    for trace in big.data:
        size = getattr(getattr(trace, "textfont", None), "size", None)
        if size:
            trace.textfont.size = round(size * factor)
    for note in big.layout.annotations:
        note.font.size = round((note.font.size or 14) * factor)
    if big.layout.showlegend is not False:
        # At the bottom edge of the figure, below the enlarged tick labels (a legend placed in
        # plot fractions would cover them once the type grows).
        big.update_layout(
            legend={"yref": "container", "y": 0, "yanchor": "bottom"}, margin={"b": round(font_size * 4.2)}
        )
    if keep_title:  # the room above the plot grows with the title and subtitle type
        big.update_layout(
            title={"font": {"size": round(17 * factor)}},
            margin={"t": round((fig.layout.margin.t or 60) * factor)},
        )
        if big.layout.title.subtitle and big.layout.title.subtitle.text:
            big.layout.title.subtitle.font.size = round(12 * factor)
    else:
        big.update_layout(title={"text": "", "subtitle": {"text": ""}}, margin={"t": round(40 * factor)})
    return big
