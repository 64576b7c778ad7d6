"""Overview: K1–K5 against the plan's targets, and each one over time."""

from __future__ import annotations

import streamlit as st

from data_layer import figure_history, quality, regions, trends
from data_layer.i18n import t
from data_layer.kpis import compute_kpis, division_kpis
from ui import chart_text, counties_view, filters, kpi_view, quality_view, slides, state

chosen = filters.read()
lang, scope = chosen.lang, chosen.scope
data_as_of = state.cached(trends.data_as_of)

st.title(t("ui.overview.title", lang))
st.caption(
    t(
        "ui.overview.scope",
        lang,
        county=filters.county_label(scope.division or "", lang),
        as_of=filters.period_label(chosen.period, lang),
        data_as_of=t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—"),
    )
)
if data_as_of is None:
    st.info(t("ui.no_data_yet", lang))
    st.stop()
ignored = filters.ignored_filters(chosen, ("inst_kind", "patent_type"))
if ignored:
    st.caption(t("ui.filter.not_applied", lang, names=ignored, why=t("ui.overview.filters_why", lang)))

kpis = state.cached(compute_kpis, scope)
first_recorded = state.cached(figure_history.first_recorded, scope)  # to say a figure was revised

# The ten-second read: one line and one row of badges, before any card or chart.
st.markdown(f"**{kpi_view.summary(kpis, lang)}**")  # our own words and numbers only
with st.container(horizontal=True, key="overview.statuses", gap="small"):
    for kpi in kpis:
        st.badge(
            f"{kpi.code} {kpi_view.card(kpi, lang).status_label}", color=kpi_view.status_badge(kpi.status)
        )

# What is missing or doubtful in the data behind these figures (the records: 数据质量, staff).
st.caption(quality_view.summary(state.cached(quality.quality, scope), lang))

st.subheader(t("ui.overview.targets_heading", lang))
for column, kpi in zip(st.columns(len(kpis)), kpis, strict=True):
    view = kpi_view.card(kpi, lang)
    with column.container(border=True, height="stretch", key=f"overview.card.{kpi.code}"):
        st.metric(view.title, view.value, help=view.formula)
        if view.value_note:
            st.caption(view.value_note)
        st.badge(view.status_label, color=view.badge_color)
        for line in view.lines:
            st.caption(line)
        revised = kpi_view.revised_line(kpi, first_recorded.get(kpi.code), lang)
        if revised:
            st.caption(revised)
        st.page_link(
            "views/records.py",
            label=t("ui.records.open", lang),
            icon=":material/list:",
            query_params={**st.query_params.to_dict(), "figure": kpi.code},
        )

if regions.pack(scope.region).level == "province":  # the province ranks its cities on each KPI
    st.subheader(t("ui.overview.ranking.heading", lang))
    st.caption(t("ui.overview.ranking.note", lang))
    ranking = state.cached(division_kpis, scope.with_division(None))
    whole = kpis if scope.division is None else state.cached(compute_kpis, scope.with_division(None))
    for pair in (whole[i : i + 2] for i in range(0, len(whole), 2)):
        for column, kpi in zip(st.columns(2), pair, strict=False):
            fig = kpi_view.ranking_figure(kpi.code, ranking, kpi, lang, data_as_of, highlight=scope.division)
            counties_view.opening_chart(column, fig, f"overview.ranking.{kpi.code}")

st.subheader(t("ui.overview.trends_heading", lang))
# A row of two per pair, so that a phone, which stacks columns, reads K1…K5 in order.
for pair in (kpis[i : i + 2] for i in range(0, len(kpis), 2)):
    for column, kpi in zip(st.columns(2), pair, strict=False):
        trend = kpi_view.TREND_OF.get(kpi.code)
        frame = state.cached(trend, scope) if trend else None
        fig = state.figure(kpi_view.figure, kpi, frame, lang, data_as_of)
        message = slides.kpi_message(kpi, lang)
        chart_text.show(column, fig, lang, message=message, theme=None, key=f"overview.chart.{kpi.code}")

with st.expander(t("ui.overview.formulas", lang)):
    for kpi in kpis:
        st.markdown(f"**{kpi.code} {t(f'kpi.{kpi.code}', lang)}**: {kpi_view.formula(kpi, lang)}")
