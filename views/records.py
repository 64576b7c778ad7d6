"""溯源: the records behind a KPI card (``?figure=K4`` with the filters in the URL, so a link to
"the 410 industrialized patents of 2026-10-31" can be sent), or behind the institutions page's
rate (``?figure=RATE``, of one institution with ``&inst=``), their total, and downloads."""

from __future__ import annotations

import streamlit as st

from data_layer import figure_history, institution_rates, records, trends
from data_layer.i18n import t
from data_layer.kpis import definition
from ui import filters, state
from ui import records_view as view
from ui.downloads import table_downloads
from ui.institutions_view import DETAIL_PARAM
from ui.text import plain

chosen = filters.read()
lang, scope = chosen.lang, chosen.scope
today = state.today()
data_as_of = state.cached(trends.data_as_of)
if "records.figure" not in st.session_state:  # the URL's figure, the first time the page is drawn
    st.session_state["records.figure"] = view.figure_from(st.query_params.get(view.PARAM))

st.title(t("ui.records.title", lang))
code = st.segmented_control(
    t("ui.records.choose", lang),
    view.FIGURES,
    format_func=lambda c: view.figure_name(c, lang),
    key="records.figure",
    required=True,
)
st.query_params[view.PARAM] = code  # the records shown are in the URL, to be sent on
institution = st.query_params.get(DETAIL_PARAM) if code == records.RATE else None
data_as_of = data_as_of.isoformat() if data_as_of else "—"
if code == records.RATE:  # the institutions page's figure: its kind and patent type apply
    st.caption(view.rate_scope(scope, chosen.period, data_as_of, lang))
else:
    st.caption(
        t(
            "ui.records.scope",
            lang,
            county=filters.county_label(scope.division or "", lang),
            as_of=filters.period_label(chosen.period, lang),
            data_as_of=t("ui.data_as_of", lang, date=data_as_of),
        )
    )
if data_as_of == "—":
    st.info(t("ui.no_data_yet", lang))
    st.stop()
if institution:
    found = state.cached(institution_rates.institution, institution)
    if found is None:
        st.warning(t("ui.institutions.detail.unknown", lang, code=institution))
        st.stop()
    st.markdown(f"**{t('ui.records.institution', lang, name=plain(found.name), code=found.credit_code)}**")


def as_it_stood(drill: records.Drill) -> None:
    """The figure as it stood on a day the reader picks (``?stood=`` in the URL), beside today's,
    and every value imports gave it."""
    revisions = state.cached(figure_history.revisions, scope, drill.code)
    with st.container(border=True, key="records.stood"):
        st.markdown(f"**{t('ui.records.stood.heading', lang)}**")
        if not revisions:
            st.caption(t("ui.records.stood.none", lang))
            return
        first = revisions[0].recorded_at.date()
        picked = st.date_input(
            t("ui.records.stood.on", lang),
            value=view.stood_from(st.query_params.get(view.STOOD), first, today),
            min_value=first,
            max_value=max(today, first),
            key="records.stood_on",
        )
        st.query_params[view.STOOD] = picked.isoformat()
        stood = figure_history.in_force(revisions, picked)
        st.markdown(view.stood_line(stood, picked, drill, lang))
        with st.expander(t("ui.records.stood.list", lang, n=len(revisions))):
            st.dataframe(view.revisions_table(revisions, drill.code, lang), hide_index=True)


if code == records.RATE:
    drill = state.cached(records.rate_records, scope, institution)
    st.markdown(f"**{view.total_line(drill, lang)}**")  # our own words and numbers only
    year = state.cached(institution_rates.baseline_year, scope.as_of)
    with st.expander(t("ui.institutions.formula_heading", lang)):
        st.markdown(t("ui.institutions.formula", lang, year=year))
else:
    ignored = filters.ignored_filters(chosen, ("inst_kind", "patent_type"))
    if ignored:
        st.caption(t("ui.filter.not_applied", lang, names=ignored, why=t("ui.overview.filters_why", lang)))
    drill = state.cached(records.kpi_records, scope, code)
    st.markdown(f"**{view.total_line(drill, lang)}**")  # our own words and numbers only
    st.caption(definition(code, lang))
    as_it_stood(drill)


def every_record():
    """The whole list, fetched when a download is clicked."""
    return view.records_table(records.all_records(state.database(), scope, code, institution), code, lang)


name = f"records-{code}-{institution + '-' if institution else ''}{scope.as_of.isoformat()}"
table_downloads(every_record, name, "records", lang, label=view.count_line(drill, lang))
st.dataframe(view.records_table(drill.records, code, lang), hide_index=True)
