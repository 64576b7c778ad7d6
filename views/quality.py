"""数据质量 (staff only): what is missing or doubtful in the data that moves a figure, the
records of each gap (``?check=`` in the URL), how to mend it, and when each source was loaded."""

from __future__ import annotations

import streamlit as st

from data_layer import quality, records, trends
from data_layer.i18n import t
from ui import auth, chart_text, filters, state
from ui import quality_view as view
from ui.downloads import table_downloads

settings = state.settings()
chosen = filters.read()
lang, scope = chosen.lang, chosen.scope
auth.require_staff(settings.session_minutes, lang)
data_as_of = state.cached(trends.data_as_of)

st.title(t("ui.quality.title", lang))
st.caption(
    t(
        "ui.quality.scope",
        lang,
        county=filters.county_label(scope.division or "", lang),
        as_of=filters.period_label(chosen.period, lang),
        data_as_of=t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—"),
    )
)
st.caption(t("ui.quality.intro", lang))
found = state.cached(quality.quality, scope)

st.subheader(t("ui.quality.checks_heading", lang))
st.dataframe(view.findings_table(found, lang), hide_index=True, key="quality.table")
left, right = st.columns(2)
chart_text.show(
    left,
    view.findings_figure(found, scope.as_of, data_as_of, lang),
    lang,
    theme=None,
    key="quality.findings",
    on_select=view.pick_check,  # a bar opens its records below
    selection_mode="points",
)
chart_text.show(right, view.freshness_figure(found.sources, state.today(), lang), lang, theme=None)

st.subheader(t("ui.quality.records_heading", lang))
codes = [f.check.code for f in found.findings]
view.choose_check(found, st.query_params.get("check"))
code = st.selectbox(
    t("ui.quality.choose", lang), codes, format_func=lambda c: view.check_name(c, lang), key="quality.check"
)
st.query_params["check"] = code  # the records shown are in the URL, to be sent on
finding = found.findings[codes.index(code)]
st.caption(view.fix_text(code, lang))
if scope.division and not finding.check.by_division:
    st.caption(t("ui.quality.division_ignored", lang))
if not finding.count:
    st.info(t("ui.quality.records_none", lang))
else:
    shown = view.records_table(state.cached(quality.check_records, scope, code, records.SHOWN), lang)
    if finding.count > len(shown):
        label = t(
            "ui.quality.records_shown", lang, count=view.count_text(finding, lang), shown=f"{len(shown):,}"
        )
    else:
        label = t("ui.quality.records_count", lang, count=view.count_text(finding, lang))

    def every_record():
        """The whole list, fetched when a download is clicked."""
        return view.records_table(quality.check_records(state.database(), scope, code), lang)

    table_downloads(every_record, f"quality-{code}", "quality.records", lang, label=label)
    st.dataframe(shown, hide_index=True, key="quality.records.table")

st.subheader(t("ui.quality.sources_heading", lang))
st.dataframe(view.sources_table(found.sources, state.today(), lang), hide_index=True, key="quality.sources")
