"""Task areas: the twelve measures' quarterly status, each measure's indicators and the figures
the data compute for it; ``?measure=N`` opens one measure."""

from __future__ import annotations

import streamlit as st

from data_layer import measure_progress, reporting, trends
from data_layer.i18n import t
from data_layer.measures import areas, measures
from ui import filters, measures_view, reporting_view, state
from ui.downloads import table_downloads

chosen = filters.read()
lang = chosen.lang
data_as_of = state.cached(trends.data_as_of)
data = state.cached(measure_progress.page_data, chosen.scope)
quarters = data.quarters
date = data_as_of.isoformat() if data_as_of else "—"

st.title(t("ui.measures.title", lang))
st.caption(
    t(
        "ui.measures.scope",
        lang,
        as_of=filters.period_label(chosen.period, lang),
        first=quarters[0] if quarters else "—",
        last=quarters[-1] if quarters else "—",
        data_as_of=t("ui.data_as_of", lang, date=date),
    )
)
if data_as_of is None and data.indicators.empty:
    st.info(t("ui.no_data_yet", lang))
    st.stop()
st.caption(
    t(
        "ui.filter.not_applied",
        lang,
        names=t("ui.measures.not_applied_names", lang),
        why=t("ui.measures.not_applied_why", lang),
    )
)
if chosen.scope.inst_kind:
    st.caption(
        t(
            "ui.filter.not_applied",
            lang,
            names=t("ui.measures.kind_not_applied_names", lang),
            why=t("ui.measures.kind_not_applied_why", lang),
        )
    )

# Where the departments' reporting of the newest period stands (counts only; accepted values
# alone reach the figures below).
progress = reporting_view.summary_line(reporting.summary(state.database(), state.today()), lang)
if progress:
    st.caption(progress)
if quarters:
    measures_view.status_grid(data, lang, date)
    st.caption(t("ui.measures.heatmap.hint", lang))
    table_downloads(
        measures_view.grid_table(data.grid, lang),
        "measures_status",
        "measures.grid_download",
        lang,
        label=t("ui.measures.download_grid", lang),
    )
measures_view.measure_picker(lang)

number = measures_view.chosen_measure()
if number:
    with st.container(border=True, key="measures.detail"):
        st.subheader(measures_view.measure_heading(number, lang))
        st.caption(measures_view.area_heading(next(m.area for m in measures() if m.number == number), lang))
        measures_view.measure_block(data, number, chosen, date, key="measures.detail")
        rows = data.measure(number).rows
        if not rows.empty:
            st.markdown(f"**{t('ui.measures.indicator_table', lang)}**")
            table = measures_view.indicator_table(rows, lang)
            st.dataframe(table, hide_index=True, key="measures.detail.table")
            table_downloads(
                table,
                f"measure_{number}_indicators",
                "measures.detail.download",
                lang,
                label=t("ui.measures.download_indicators", lang),
            )
        versions = state.cached(reporting.versions, number)
        if not versions.empty:
            with st.expander(t("ui.reporting.versions", lang, count=len(versions))):
                st.caption(t("ui.reporting.versions_caption", lang))
                st.dataframe(
                    reporting_view.versions_table(versions, lang),
                    hide_index=True,
                    key="measures.detail.versions",
                )
        measures_view.back_button(lang)

for area in areas():
    # A closed area draws nothing (every view used to build all twelve measures' charts for
    # closed boxes); opening one reruns the page and puts it in the URL (?area1=true).
    box = st.expander(
        measures_view.area_heading(area.number, lang), key=f"area{area.number}", bind="query-params"
    )
    with box:
        if not box.open:
            continue
        for index, measure in enumerate(m for m in measures() if m.area == area.number):
            if index:
                st.divider()
            st.markdown(f"#### {measures_view.measure_heading(measure.number, lang)}")
            measures_view.measure_block(data, measure.number, chosen, date, key="measures.area")

with st.expander(t("ui.measures.how", lang)):
    st.markdown(t("ui.measures.method", lang))
    st.markdown(t("ui.measures.method_computed", lang))
