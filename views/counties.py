"""Counties: the nine divisions on a schematic map, ranked and compared, year by year, one in detail."""

from __future__ import annotations

import streamlit as st

from data_layer import county_metrics as cm
from data_layer import trends
from data_layer.i18n import t
from ui import auth, filters, state
from ui import counties_charts as charts
from ui import counties_view as view
from ui.downloads import table_downloads

settings = state.settings()
chosen = filters.read()
lang, scope = chosen.lang, chosen.scope
data_as_of = state.cached(trends.data_as_of)

st.title(t("ui.counties.title", lang))
st.caption(
    t(
        "ui.counties.scope",
        lang,
        as_of=filters.period_label(chosen.period, lang),
        data_as_of=t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—"),
    )
)
if data_as_of is None:
    st.info(t("ui.no_data_yet", lang))
    st.stop()

as_of = scope.as_of
start = state.cached(cm.plan_start, as_of)  # the first day the flow figures count
detail = view.detail_county(chosen)
metric = view.metric_choice(lang)
metric_name = t(f"ui.counties.metric.{metric}", lang)
table = state.cached(cm.county_metrics, scope)
rules = state.cached(cm.rules_table, scope)
st.caption(t(f"ui.counties.formula.{metric}", lang))
st.caption(t("ui.counties.window_note", lang, start=start.isoformat(), end=as_of.isoformat()))
if note := view.not_applied_note(chosen, lang):
    st.caption(note)
if scope.division:
    st.caption(t("ui.counties.county_filter_note", lang, county=charts.county_name(scope.division, lang)))

subtitle = view.subtitle(metric, lang, view.period_text(metric, lang, start, as_of), data_as_of)
suffix = detail or "all"  # new keys after each drill-down: no stale selection on the charts
map_column, rank_column = st.columns(2)
with map_column:
    geo, map_error = view.configured_map()
    map_title = t("ui.counties.map_title", lang, metric=metric_name)
    if geo:
        fig = charts.geo_map(
            table, geo, metric=metric, lang=lang, title=map_title, subtitle=subtitle, highlight=detail
        )
    else:
        fig = state.figure(
            charts.tile_map,
            table,
            metric=metric,
            lang=lang,
            title=map_title,
            subtitle=subtitle,
            highlight=detail,
        )
    view.clickable_chart(fig, f"counties.map.{suffix}")
    # Which file and setting the map comes from is for staff; leaders read what the map is.
    staff = auth.current_staff(settings.session_minutes) is not None
    if map_error and staff:
        st.warning(t(f"ui.counties.map_error.{map_error.code}", lang, path=map_error.path))
    elif map_error:
        st.warning(t("ui.counties.map_unusable", lang))
    if geo:
        st.caption(t("ui.counties.map_geojson", lang))
        if staff:
            st.caption(t("ui.counties.map_geojson_file", lang, path=geo.path))
        if geo.missing:
            names = "、".join(charts.county_name(a, lang) for a in geo.missing)
            st.caption(t("ui.counties.map_missing", lang, names=names))
    else:
        st.caption(t("ui.counties.map_schematic", lang))
with rank_column:
    if metric == "rules":
        fig = state.figure(
            charts.rules_timeline,
            rules,
            lang=lang,
            title=t("ui.counties.rules_timeline_title", lang),
            subtitle=subtitle,
            as_of=as_of,
            highlight=detail,
        )
    else:
        reference_key = "ui.counties.city_rate" if metric == "patents_per_10k" else "ui.counties.city_average"
        fig = state.figure(
            charts.ranking_bar,
            table,
            metric=metric,
            lang=lang,
            title=t("ui.counties.ranking_title", lang, metric=metric_name),
            subtitle=subtitle,
            reference=cm.city_reference(table)[metric],
            reference_label=t(reference_key, lang),
            highlight=detail,
        )
    view.clickable_chart(fig, f"counties.ranking.{suffix}")
st.caption(t("ui.counties.click_hint", lang))

if detail:
    view.detail_section(detail, chosen, table, rules, metric=metric, start=start, data_as_of=data_as_of)

st.subheader(t("ui.counties.table_heading", lang))
comparison, config = view.comparison_frame(table, lang)
view.clickable_table(comparison, list(table["adcode"]), f"counties.table.{suffix}", config)
table_downloads(comparison, t("ui.counties.table_file", lang), "counties.table", lang)

st.subheader(t("ui.counties.trend_heading", lang))
if metric == "rules":
    st.info(t("ui.counties.trend_rules", lang))
else:
    yearly = state.cached(cm.metric_by_year, scope, metric)
    fig = state.figure(
        charts.small_multiples,
        yearly,
        order=cm.ranked_adcodes(table, metric),
        metric=metric,
        lang=lang,
        title=t("ui.counties.trend_title", lang, metric=metric_name),
        subtitle=view.subtitle(metric, lang, view.years_text(yearly, lang), data_as_of),
        highlight=detail,
    )
    view.clickable_chart(fig, f"counties.trend.{suffix}")
    st.caption(t(f"ui.counties.trend_note.{'stock' if metric == 'patents_per_10k' else 'flow'}", lang))

st.subheader(t("ui.counties.rules_heading", lang))
issued = cm.issued_rules(rules)
st.caption(t("ui.counties.rules_summary", lang, issued=issued, total=len(rules), date=as_of.isoformat()))
rules_table = view.rules_frame(rules, lang)
st.dataframe(
    rules_table,
    hide_index=True,
    key="counties.rules",
    placeholder="—",
    column_config={rules_table.columns[3]: st.column_config.TextColumn(width="large")},
)
table_downloads(rules_table, t("ui.counties.rules_file", lang), "counties.rules", lang)

with st.expander(t("ui.counties.formulas", lang)):
    colon = "：" if lang == "zh" else ": "
    for each in cm.METRICS:
        name, formula = t(f"ui.counties.metric.{each}", lang), t(f"ui.counties.formula.{each}", lang)
        st.markdown(f"**{name}**{colon}{formula}")
