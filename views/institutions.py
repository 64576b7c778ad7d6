"""Institutions: industrialization rate per institution (K4's definition), and one institution's detail."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_layer import institution_rates, trends
from data_layer.i18n import t
from data_layer.institution_rates import ROUTES, Baseline, Rate
from ui import chart_text, filters, state
from ui import institutions_charts as charts
from ui import institutions_view as view
from ui.downloads import table_downloads
from ui.text import plain
from ui.theme import format_number

chosen = filters.read()
lang, scope = chosen.lang, chosen.scope
data_as_of = state.cached(trends.data_as_of)
freshness = t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—")
as_of_label = filters.period_label(chosen.period, lang)


def subtitle(period: str) -> str:
    """A chart's subtitle on two lines (a phone is narrow): its period; source and 数据截至."""
    where = t("ui.institutions.source_line", lang, source=t("ui.source.patents", lang), data_as_of=freshness)
    return f"{period}<br>{where}"


def names_note() -> None:
    """Said once in English: institutions' names are the Chinese names they are registered under."""
    if lang == "en":
        st.caption(t("ui.institutions.names_in_chinese", lang))


def rate_metrics(now: Rate, baseline: Baseline, columns) -> None:
    """Rate (with its change on the baseline), valid and industrialized patents."""
    change = baseline.change_pp
    since = t("ui.institutions.vs_baseline", lang, year=baseline.year)
    columns[0].metric(
        t("ui.institutions.metric.rate", lang),
        format_number(now.rate, "%", lang),
        delta=None if change is None else charts.pp(change, lang),
        delta_description=None if change is None else since,
        help=t("ui.institutions.formula", lang, year=baseline.year),
    )
    columns[1].metric(t("ui.institutions.metric.valid", lang), format_number(now.valid, "件", lang))
    columns[2].metric(
        t("ui.institutions.metric.industrialized", lang), format_number(now.industrialized, "件", lang)
    )
    st.caption(
        t(
            "ui.institutions.routes_line",
            lang,
            **{r: format_number(getattr(now, r), "件", lang) for r in ROUTES},
        )
    )
    view.records_link(lang)


def open_if_clicked(event) -> None:
    code = view.clicked_code(event)
    if code:
        view.open_detail(code)


def ranking_page() -> None:
    st.title(t("ui.institutions.title", lang))
    kind = scope.inst_kind or institution_rates.DEFAULT_KIND
    st.caption(
        t(
            "ui.institutions.scope",
            lang,
            kind=filters.inst_kind_label(kind, lang),
            county=filters.county_label(scope.division or "", lang),
            patent_type=filters.patent_type_label(scope.patent_type or "", lang),
            as_of=as_of_label,
            data_as_of=freshness,
        )
    )
    view.kind_switch(chosen)
    if scope.inst_kind is None:
        st.caption(t("ui.institutions.default_kind", lang))
    data = state.cached(institution_rates.page_data, scope)
    ranking, year = data.ranking, data.baseline.year
    if ranking.empty:
        st.info(t("ui.institutions.no_institutions", lang))
        return
    columns = st.columns(4)
    rate_metrics(data.now, data.baseline, columns)
    count = format_number(len(ranking), "家", lang) if lang == "zh" else f"{len(ranking):,}"
    columns[3].metric(t("ui.institutions.metric.institutions", lang), count)

    st.subheader(t("ui.institutions.ranking_heading", lang))
    rated = data.rated
    on_date = t("ui.institutions.period_on", lang, date=scope.as_of.isoformat())
    left, right = st.columns([3, 2])
    with left:
        if rated:
            bars = state.figure(
                charts.ranking_bars, ranking, lang, subtitle(on_date), target=data.target_rate
            )
            open_if_clicked(chart(bars, "ranking"))
        else:
            st.info(t("ui.institutions.no_rates", lang))
    with right.container(border=True):
        st.markdown(f"**{t('ui.institutions.formula_heading', lang)}**")
        st.markdown(t("ui.institutions.formula", lang, year=year))
    if rated:
        st.caption(t("ui.institutions.click_hint", lang))
        left, right = st.columns(2)
        with left:
            open_if_clicked(
                chart(state.figure(charts.rate_scatter, ranking, lang, subtitle(on_date)), "scatter")
            )
        with right:
            trend_chart(data.trend, data.baseline, kind, data.target_rate)
    ranking_table(ranking, year, kind)


def chart(fig, name: str):
    """A chart whose bars or points open an institution's detail when clicked."""
    key = f"institutions.{name}"
    return chart_text.show(st, fig, lang, theme=None, key=key, on_select="rerun", selection_mode="points")


def trend_chart(trend: pd.DataFrame, baseline: Baseline, kind: str, target: float | None) -> None:
    period = view.years_text(trend, baseline.year, lang)
    title = t("ui.institutions.chart.trend", lang, kind=filters.inst_kind_label(kind, lang))
    fig = state.figure(
        charts.trend_line,
        trend,
        lang,
        title=title,
        subtitle=subtitle(period),
        baseline=baseline.rate,
        baseline_year=baseline.year,
        target=target,
    )
    chart_text.show(st, fig, lang, theme=None, key="institutions.trend")


def ranking_table(ranking: pd.DataFrame, year: int, kind: str) -> None:
    """Every institution of the kind, downloadable; a selected row opens its detail."""
    st.subheader(t("ui.institutions.table_heading", lang))
    st.caption(t("ui.institutions.show_all", lang, n=f"{len(ranking):,}"))
    names_note()
    shown, download = view.ranking_table(ranking, lang, year)
    event = st.dataframe(
        shown,
        hide_index=True,
        height=min(420, 38 + 35 * len(shown)),
        column_config=view.ranking_columns(shown),
        on_select="rerun",
        selection_mode="single-row",
        key="institutions.table",
    )
    name = f"industrialization_{kind}_{scope.as_of.isoformat()}"
    table_downloads(download, name, "institutions.table", lang)
    code = view.selected_row_code(event, ranking["credit_code"])
    if code:
        view.open_detail(code)


def detail_page(code: str) -> None:
    st.button(
        t("ui.institutions.detail.back", lang),
        on_click=view.close_detail,
        key="institutions.back",
        icon=":material/arrow_back:",
    )
    detail = state.cached(institution_rates.detail_data, scope, code)
    if detail is None:
        st.warning(t("ui.institutions.detail.unknown", lang, code=code))
        return
    info, trend, year = detail.institution, detail.trend, detail.baseline.year
    st.title(plain(info.name))
    st.caption(
        t(
            "ui.institutions.detail.caption",
            lang,
            kind=filters.inst_kind_label(info.kind, lang),
            county=filters.county_label(info.county, lang),
            code=info.credit_code,
            as_of=as_of_label,
            data_as_of=freshness,
        )
    )
    names_note()
    ignored = filters.ignored_filters(chosen, ("division", "inst_kind"))
    if ignored:
        st.caption(t("ui.filter.not_applied", lang, names=ignored, why=t("ui.institutions.detail.why", lang)))
    rate_metrics(detail.now, detail.baseline, st.columns(3))

    left, right = st.columns(2)
    with left:
        period = view.years_text(trend, year, lang)
        fig = state.figure(
            charts.trend_line,
            trend,
            lang,
            title=t("ui.institutions.chart.inst_trend", lang),
            subtitle=subtitle(period),
            baseline=detail.baseline.rate,
            baseline_year=year,
        )
        chart_text.show(st, fig, lang, theme=None, key="institutions.detail.trend")
    with right:
        patents = detail.patents
        on_date = t("ui.institutions.period_on", lang, date=scope.as_of.isoformat())
        chart_text.show(
            st,
            charts.patents_stacked(patents, lang, subtitle(on_date)),
            lang,
            theme=None,
            key="institutions.detail.patents",
        )
        st.caption(t("ui.institutions.detail.patents_note", lang))
    deals_section(detail, code)
    contracts_section(detail, code)


def deals_section(detail: institution_rates.InstitutionDetail, code: str) -> None:
    """Its transfers and licences: local against outside the city, then each one."""
    st.subheader(t("ui.institutions.detail.deals_heading", lang))
    deals = detail.deals
    if deals.empty:
        st.info(t("ui.institutions.detail.no_deals", lang))
    else:
        for line in view.deal_lines(detail.deals_by_place, lang):
            st.markdown(f"- {line}")
        table = view.deals_table(deals, lang)
        st.dataframe(
            table,
            hide_index=True,
            height=min(420, 38 + 35 * len(table)),
            column_config=view.number_columns(table, amounts=(table.columns[-1],)),
            key="institutions.detail.deals",
        )
        st.caption(t("ui.institutions.detail.deals_note", lang))
        table_downloads(table, f"deals_{code}", "institutions.detail.deals", lang)


def contracts_section(detail: institution_rates.InstitutionDetail, code: str) -> None:
    """Its technology contracts as seller: count, turnover, each one."""
    st.subheader(t("ui.institutions.detail.contracts_heading", lang))
    if scope.patent_type:
        names = t("ui.filter.patent_type", lang)
        why = t("ui.institutions.detail.contracts_why", lang)
        st.caption(t("ui.filter.not_applied", lang, names=names, why=why))
    totals = detail.contract_totals
    columns = st.columns(2)
    columns[0].metric(t("ui.institutions.metric.contracts", lang), f"{totals.contracts:,}")
    columns[1].metric(
        t("ui.institutions.metric.turnover", lang), format_number(totals.turnover_10k, "万元", lang)
    )
    contracts = detail.contracts
    if contracts.empty:
        st.info(t("ui.institutions.detail.no_contracts", lang))
        return
    table = view.contracts_table(contracts, lang)
    st.dataframe(
        table,
        hide_index=True,
        height=min(420, 38 + 35 * len(table)),
        column_config=view.number_columns(
            table, counts=(table.columns[-1],), amounts=tuple(table.columns[6:8])
        ),
        key="institutions.detail.contracts",
    )
    table_downloads(table, f"contracts_{code}", "institutions.detail.contracts", lang)


if data_as_of is None:
    st.title(t("ui.institutions.title", lang))
    st.info(t("ui.no_data_yet", lang))
elif code := view.chosen_institution():
    detail_page(code)
else:
    ranking_page()
