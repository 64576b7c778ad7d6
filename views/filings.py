"""备案与合同: patent-product filings and technology contracts, with drill-downs by industry and type."""

from __future__ import annotations

import streamlit as st

from data_layer import filings_contracts as fc
from data_layer import trends
from data_layer.i18n import t
from ui import chart_text, filters, state
from ui import filings_view as view
from ui.text import plain
from ui.theme import format_number

chosen = filters.read()
scope = chosen.scope
lang, as_of = chosen.lang, scope.as_of
data_as_of = state.cached(trends.data_as_of)

st.title(t("ui.filings.title", lang))
st.caption(
    t(
        "ui.filings.scope",
        lang,
        county=filters.county_label(scope.division or "", lang),
        as_of=filters.period_label(chosen.period, lang),
        inst_kind=filters.inst_kind_label(scope.inst_kind or "", lang),
        patent_type=filters.patent_type_label(scope.patent_type or "", lang),
        data_as_of=t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—"),
    )
)
if data_as_of is None:
    st.info(t("ui.no_data_yet", lang))
    st.stop()
if scope.division:
    st.caption(t("ui.filings.note.county", lang, county=filters.county_label(scope.division, lang)))
if scope.inst_kind:
    st.caption(t("ui.filings.note.inst_kind", lang))
if scope.patent_type:
    type_name = filters.patent_type_label(scope.patent_type, lang)
    st.caption(t("ui.filings.note.patent_type", lang, patent_type=type_name))

data = state.cached(fc.page_data, scope)
filings = data.filings

# --- filings ---------------------------------------------------------------------------------
st.header(t("ui.filings.section.filings", lang), anchor="filings")
summary = filings.summary
output_year = summary.output_year
counts_help = t("ui.filings.metric.counts_help", lang)
columns = st.columns(3)
columns[0].metric(
    t("ui.filings.metric.filings", lang), format_number(summary.filings, "件", lang), help=counts_help
)
columns[1].metric(
    t("ui.filings.metric.enterprises", lang),
    format_number(summary.enterprises, "家", lang),
    help=counts_help,
)
columns[2].metric(
    t("ui.filings.metric.output", lang, year=output_year)
    if output_year
    else t("ui.filings.metric.output_none", lang),
    format_number(summary.output_10k, "万元", lang),
    help=t("ui.filings.metric.output_help", lang),
)
if output_year:
    intensive = format_number(summary.intensive_output_10k, "万元", lang)
    columns[2].caption(t("ui.filings.metric.intensive", lang, value=intensive))

if not summary.filings:
    st.info(t("ui.filings.no_filings", lang))
else:
    industries = filings.by_industry
    left, right = st.columns(2)
    chart_text.show(
        left,
        state.figure(view.filings_per_year_figure, filings.by_year, as_of, data_as_of, lang),
        lang,
        theme=None,
        key="filings.per_year",
    )
    with right:
        view.clickable_chart(
            state.figure(view.industry_figure, industries, output_year, as_of, data_as_of, lang),
            "filings.industry",
            "industry",
            t("ui.filings.chart.click_industry", lang),
        )
    picked = view.drill_value("industry", filings.industry_params())
    if picked is not None:
        industry = None if picked == view.NO_INDUSTRY else picked
        detail = state.cached(fc.filings_of_industry, scope, industry)
        heading = t(
            "ui.filings.detail.industry",
            lang,
            industry=plain(view.industry_label(industry, lang)),
            count=format_number(len(detail), "件", lang),
        )
        table = view.filings_table(detail, output_year, lang)
        view.drill_detail(heading, table, f"filings-{picked}", "filings.industry", "industry", lang)

    left, right = st.columns(2)
    chart_text.show(
        left,
        state.figure(view.filings_county_figure, filings.by_county, scope.division, as_of, data_as_of, lang),
        lang,
        theme=None,
        key="filings.by_county",
    )
    with right:
        st.subheader(t("ui.filings.table.enterprises", lang))
        table = view.enterprise_table(filings.enterprises, output_year, lang)
        view.table_with_downloads(table, "filing-enterprises", "filings.enterprises", lang)

# --- contracts -------------------------------------------------------------------------------
st.header(t("ui.filings.section.contracts", lang), anchor="contracts")
contracts = data.contracts.summary
columns = st.columns(4)
for column, (label, field, unit) in zip(
    columns,
    (
        ("ui.filings.metric.contracts", "contracts", "件"),
        ("ui.filings.metric.turnover", "turnover_10k", "万元"),
        ("ui.filings.metric.tech_amount", "tech_amount_10k", "万元"),
        ("ui.filings.metric.patent_share", "patent_share_pct", "%"),
    ),
    strict=True,
):
    helps = t("ui.filings.metric.patent_share_help", lang) if unit == "%" else None
    column.metric(t(label, lang), format_number(getattr(contracts, field), unit, lang), help=helps)
if contracts.first_date is not None:
    start = contracts.first_date.isoformat()
    st.caption(t("ui.filings.metric.contract_period", lang, start=start, end=as_of.isoformat()))

if not contracts.contracts:
    st.info(t("ui.filings.no_contracts", lang))
else:
    left, right = st.columns(2)
    with left:
        view.clickable_chart(
            state.figure(view.turnover_by_type_figure, data.contracts.by_year_type, as_of, data_as_of, lang),
            "filings.contracts_type",
            "contract_type",
            t("ui.filings.chart.click_type", lang),
        )
    chart_text.show(
        right,
        state.figure(view.patent_share_figure, data.contracts.patent_share, as_of, data_as_of, lang),
        lang,
        theme=None,
        key="filings.contracts_patent_share",
    )
    picked_type = view.drill_value("contract_type", list(fc.CONTRACT_TYPES))
    if picked_type is not None:
        detail = state.cached(fc.contracts_of_type, scope, picked_type)
        heading = t(
            "ui.filings.detail.type",
            lang,
            type=view.type_label(picked_type, lang),
            count=format_number(len(detail), "件", lang),
        )
        table = view.contracts_table(detail, lang)
        view.drill_detail(
            heading, table, f"contracts-{picked_type}", "filings.contracts_type", "contract_type", lang
        )

    left, right = st.columns(2)
    chart_text.show(
        left,
        state.figure(view.seller_kind_figure, data.contracts.by_seller_kind, as_of, data_as_of, lang),
        lang,
        theme=None,
        key="filings.contracts_seller_kind",
    )
    chart_text.show(
        right,
        state.figure(view.buyer_figure, data.contracts.by_buyer, as_of, data_as_of, lang),
        lang,
        theme=None,
        key="filings.contracts_buyer",
    )
    chart_text.show(
        st,
        state.figure(
            view.contracts_county_figure, data.contracts.by_county, scope.division, as_of, data_as_of, lang
        ),
        lang,
        theme=None,
        key="filings.contracts_by_county",
    )
