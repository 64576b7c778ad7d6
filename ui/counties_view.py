"""The counties page's Streamlit side: the chosen metric and county, the boundary map, its tables.

The county whose detail is open lives in the URL (``?county_detail=<adcode>``) so a drill-down
can be bookmarked; the chosen metric too (``?county_metric=turnover``). Clicks on the map,
the ranking and the table rows arrive as widget callbacks, which run before the page does,
so the page always draws the detail the last click asked for.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from data_layer import county_metrics as cm
from data_layer.counties import by_adcode
from data_layer.county_map import CountyGeoJson, CountyMapError, geojson_path, load_geojson
from data_layer.i18n import TEXT, t
from data_layer.kpis import CODES
from ui.text import plain

from . import chart_text, records_view, state
from .counties_charts import county_name, format_metric, unit_text, yearly_bars
from .downloads import table_downloads
from .filters import Filters, inst_kind_label, patent_type_label
from .theme import bracketed, format_number

DETAIL_PARAM = "county_detail"
METRIC_PARAM = "county_metric"
METRIC_KEY = "counties.metric"
SOURCE = {
    "filings": "ui.source.filings",
    "enterprises": "ui.source.filings",
    "turnover": "ui.source.contracts",
    "patents_per_10k": "ui.source.patents",
    "industrialization": "ui.source.patents",
    "events": "ui.counties.source.events",
    "rules": "ui.counties.source.rules",
}
STOCKS = ("patents_per_10k", "rules")  # figures on a date rather than summed over the window


# --- the boundary map ----------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=4)
def _geojson(path: str, modified: float) -> CountyGeoJson:
    return load_geojson(path)


def configured_map() -> tuple[CountyGeoJson | None, CountyMapError | None]:
    """The office's boundary map if ``DASHBOARD_COUNTY_GEOJSON`` names a usable one, else why not."""
    path = geojson_path()
    if not path:
        return None, None
    try:
        modified = Path(path).stat().st_mtime if Path(path).exists() else 0.0
        return _geojson(path, modified), None
    except CountyMapError as exc:
        return None, exc


# --- what is chosen ----------------------------------------------------------------------------


def metric_choice(lang: str) -> str:
    """The metric selector (seeded from and mirrored into the URL); returns the chosen metric."""
    if st.session_state.get(METRIC_KEY) not in cm.METRICS:
        wanted = st.query_params.get(METRIC_PARAM, cm.DEFAULT_METRIC)
        st.session_state[METRIC_KEY] = wanted if wanted in cm.METRICS else cm.DEFAULT_METRIC
    metric = st.selectbox(
        t("ui.counties.metric", lang),
        cm.METRICS,
        key=METRIC_KEY,
        width=360,
        format_func=lambda m: t(f"ui.counties.metric.{m}", lang),
    )
    if metric == cm.DEFAULT_METRIC:
        st.query_params.pop(METRIC_PARAM, None)
    else:
        st.query_params[METRIC_PARAM] = metric
    return metric


def detail_county(chosen: Filters) -> str | None:
    """The county whose detail is open: ``?county_detail=`` if valid, else the shared county filter.

    Choosing a county in the sidebar replaces a detail opened by a click: the newer choice wins.
    """
    seen, division = "counties.seen_county", chosen.scope.division
    if seen in st.session_state and st.session_state[seen] != division and division:
        st.query_params.pop(DETAIL_PARAM, None)
    st.session_state[seen] = division
    wanted = st.query_params.get(DETAIL_PARAM)
    if wanted in by_adcode():
        return wanted
    if wanted is not None:
        st.query_params.pop(DETAIL_PARAM, None)
    return division


def _adcode(value) -> str | None:
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return value if value in by_adcode() else None


def _open_from_chart(key: str) -> None:
    """Callback of a clickable chart: open the clicked county's detail."""
    event = st.session_state.get(key)
    points = event.selection.points if event else []
    for point in points:
        adcode = _adcode(point.get("customdata"))
        if adcode:
            st.query_params[DETAIL_PARAM] = adcode
            return


def _open_from_table(key: str, adcodes: list[str]) -> None:
    """Callback of the comparison table: open the selected row's county."""
    event = st.session_state.get(key)
    rows = event.selection.rows if event else []
    if rows and rows[0] < len(adcodes):
        st.query_params[DETAIL_PARAM] = adcodes[rows[0]]


def close_detail() -> None:
    """Back to all counties: drop the drill-down and the shared county filter that may have opened it."""
    st.query_params.pop(DETAIL_PARAM, None)
    st.session_state["county"] = ""  # the sidebar's county widget; it mirrors this into the URL


# A clickable chart: no Plotly logo, and the wheel scrolls the page instead of zooming.
CLICKABLE = {"displaylogo": False, "scrollZoom": False}


def clickable_chart(fig, key: str) -> None:
    """A chart whose click on a county (its ``customdata``) opens that county's detail."""
    select = partial(_open_from_chart, key)
    chart_text.show(st, fig, theme=None, key=key, on_select=select, selection_mode="points", config=CLICKABLE)


def opening_chart(container, fig, key: str) -> None:
    """A chart on another page whose click on a division opens its detail on the divisions page."""
    event = chart_text.show(
        container, fig, theme=None, key=key, on_select="rerun", selection_mode="points", config=CLICKABLE
    )
    points = event.selection.points if event else []
    adcode = next((a for a in (_adcode(p.get("customdata")) for p in points) if a), None)
    if adcode:
        st.switch_page("views/counties.py", query_params={**st.query_params.to_dict(), DETAIL_PARAM: adcode})


def clickable_table(frame: pd.DataFrame, adcodes: list[str], key: str, config: dict) -> None:
    """A table whose selected row opens that county's detail."""
    st.dataframe(
        frame,
        key=key,
        hide_index=True,
        column_config=config,
        on_select=partial(_open_from_table, key, adcodes),
        selection_mode="single-row",
        placeholder="—",
    )


# --- words and tables --------------------------------------------------------------------------


def period_text(metric: str, lang: str, start: dt.date, as_of: dt.date) -> str:
    """What a county figure covers: the window summed over, or the date a stock is taken on."""
    if metric in STOCKS:
        return t("ui.counties.on_date", lang, date=as_of.isoformat())
    return t("ui.counties.window", lang, start=start.isoformat(), end=as_of.isoformat())


def years_text(frame: pd.DataFrame, lang: str, county: str | None = None) -> str:
    """The years a per-year chart spans, after the county's name when it shows one county."""
    years = t("ui.chart.yearly", lang, start=int(frame["year"].min()), end=int(frame["year"].max()))
    if county is None:
        return years
    return ("｜" if lang == "zh" else " | ").join([county_name(county, lang), years])


def subtitle(metric: str, lang: str, period: str, data_as_of: dt.date) -> str:
    """A chart's subtitle, one item a line for a phone: its period, the source of ``metric``, 数据截至."""
    return t(
        "ui.counties.subtitle",
        lang,
        period=period,
        source=t(SOURCE[metric], lang),
        data_as_of=t("ui.data_as_of", lang, date=data_as_of.isoformat()),
    )


def not_applied_note(chosen: Filters, lang: str) -> str | None:
    """Which set filters do not narrow briefings, matching events and rules, and why."""
    names, scope = [], chosen.scope
    if scope.inst_kind:
        names.append(bracketed(t("ui.filter.inst_kind", lang), inst_kind_label(scope.inst_kind, lang), lang))
    if scope.patent_type:
        names.append(
            bracketed(t("ui.filter.patent_type", lang), patent_type_label(scope.patent_type, lang), lang)
        )
    if not names:
        return None
    separator = "、" if lang == "zh" else ", "
    return t(
        "ui.filter.not_applied", lang, names=separator.join(names), why=t("ui.counties.not_applied_why", lang)
    )


def _header(key: str, lang: str, unit: str = "") -> str:
    text = t(f"ui.counties.col.{key}", lang)
    return bracketed(text, unit, lang) if unit else text


def comparison_frame(metrics: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict]:
    """The comparison table (every figure, units in the headers) and its column formats."""
    unit = partial(unit_text, lang=lang)
    columns = {
        _header("county", lang): [county_name(a, lang) for a in metrics["adcode"]],
        _header("population", lang, t("ui.counties.unit.population", lang)): metrics["population_10k"],
        _header("filings", lang, unit("filings")): metrics["filings"],
        _header("enterprises", lang, unit("enterprises")): metrics["enterprises"],
        _header("turnover", lang, unit("turnover")): metrics["turnover_10k"],
        _header("valid_patents", lang, unit("filings")): metrics["valid_patents"],
        _header("patents_per_10k", lang, unit("patents_per_10k")): metrics["patents_per_10k"],
        _header("industrialization", lang, unit("industrialization")): metrics["industrialization"],
        _header("briefings", lang, unit("events")): metrics["briefings"],
        _header("matchings", lang, unit("events")): metrics["matchings"],
        _header("participants", lang, t("ui.counties.unit.people", lang)): metrics["participants"],
        _header("rule", lang): [
            t("ui.counties.rule.issued" if i else "ui.counties.rule.not_issued", lang)
            for i in metrics["rule_issued"]
        ],
        _header("rule_date", lang): [
            None if pd.isna(d) else pd.Timestamp(d).date() for d in metrics["rule_date"]
        ],
    }
    frame = pd.DataFrame(columns)
    one_decimal = {list(columns)[i] for i in (1, 4, 6)}
    config = {
        name: st.column_config.NumberColumn(format="%,.1f" if name in one_decimal else "%,d")
        for name in list(columns)[1:11]
    }
    return frame, config


def rules_frame(rules: pd.DataFrame, lang: str) -> pd.DataFrame:
    """County, whether issued, date, title and 文号, as the page and the download show them."""
    return pd.DataFrame(
        {
            _header("county", lang): [county_name(a, lang) for a in rules["adcode"]],
            _header("rule", lang): [t(f"ui.counties.rules.status.{s}", lang) for s in rules["status"]],
            _header("rule_date", lang): [
                None if pd.isna(d) else pd.Timestamp(d).date() for d in rules["issued_date"]
            ],
            _header("rule_title", lang): rules["title"].fillna(""),
            _header("doc_no", lang): rules["doc_no"].fillna(""),
        }
    )


def detail_frame(metrics: pd.DataFrame, adcode: str, lang: str) -> pd.DataFrame:
    """One county against the city: value, city reference and rank for every figure."""
    row = metrics[metrics["adcode"] == adcode].iloc[0]
    reference = cm.city_reference(metrics)
    records = []
    for metric in cm.METRICS:
        if metric == "rules":
            continue
        position = int(cm.ranks(metrics, metric)[row.name])
        records.append(
            {
                _header("measure", lang): t(f"ui.counties.metric.{metric}", lang),
                _header("this_county", lang): format_metric(row[cm.COLUMN[metric]], metric, lang),
                _header("reference", lang): format_metric(reference[metric], metric, lang, average=True),
                _header("rank", lang): t("ui.counties.rank", lang, rank=position, total=len(metrics)),
            }
        )
    return pd.DataFrame(records)


def top_frame(top: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict]:
    """The county's institutions by valid patents held, with their filings and contract turnover."""
    patents = _header("valid_patents", lang, unit_text("filings", lang))
    filings = _header("filings", lang, unit_text("filings", lang))
    turnover = _header("turnover", lang, unit_text("turnover", lang))
    frame = pd.DataFrame(
        {
            _header("institution", lang): top["name"],
            _header("kind", lang): [_kind_label(k, lang) for k in top["kind"]],
            patents: top["valid_patents"],
            filings: top["filings"],
            turnover: top["turnover_10k"],
        }
    )
    config = {
        patents: st.column_config.NumberColumn(format="%,d"),
        filings: st.column_config.NumberColumn(format="%,d"),
        turnover: st.column_config.NumberColumn(format="%,.1f"),
    }
    return frame, config


def _kind_label(kind: str, lang: str) -> str:
    key = f"ui.inst_kind.{kind}"
    return t(key, lang) if key in TEXT else t(f"ui.counties.kind.{kind}", lang)


def rule_sentence(rules: pd.DataFrame, adcode: str, lang: str) -> str:
    """The county's 实施细则 in a sentence: issued when, under which title and number, or not yet."""
    row = rules[rules["adcode"] == adcode].iloc[0]
    if row["status"] != "issued":
        return t(f"ui.counties.rule_sentence.{row['status']}", lang)
    date = "—" if pd.isna(row["issued_date"]) else pd.Timestamp(row["issued_date"]).date().isoformat()
    return t(
        "ui.counties.rule_sentence.issued",
        lang,
        date=date,
        title=plain(row["title"]) if isinstance(row["title"], str) else "",
        doc_no=plain(row["doc_no"]) if isinstance(row["doc_no"], str) else "—",
    )


def records_links(adcode: str, lang: str) -> None:
    """Links to the records behind the division's K1–K5 (溯源), with the page's other filters."""
    params = {k: v for k, v in st.query_params.to_dict().items() if k != DETAIL_PARAM}
    with st.container(horizontal=True, key="counties.detail.records"):
        st.caption(t("ui.counties.records", lang), width="content")
        for code in CODES:
            st.page_link(
                "views/records.py",
                label=code,
                icon=":material/list:",
                query_params={**params, "county": adcode, "figure": code},
            )


def metric_records(detail: str, metric: str, chosen: Filters, *, start: dt.date) -> None:
    """The rows behind the county's figure of the chosen metric (溯源 from its tile or bar), with
    the figure made again from them, downloadable."""
    if metric not in cm.RECORDED:
        return
    lang, scope = chosen.lang, chosen.scope.with_division(detail)
    found = state.cached(cm.metric_records, scope, metric)
    name = t(f"ui.counties.metric.{metric}", lang)
    with st.expander(t("ui.counties.metric_records", lang, metric=name, count=f"{found.count:,}")):
        value = "—" if found.value is None else format_number(found.value, cm.UNITS[metric], lang)
        st.markdown(
            t(
                "ui.counties.metric_total",
                lang,
                county=plain(county_name(detail, lang)),
                metric=name,
                value=value,
                count=f"{found.count:,}",
                period=period_text(metric, lang, start, scope.as_of),
            )
        )
        shown = records_view.records_table(found.records, metric, lang)

        def every_row():
            every = cm.metric_records(state.database(), scope, metric, limit=None).records
            return records_view.records_table(every, metric, lang)

        label = records_view.count_line_of(len(found.records), found.count, lang)
        table_downloads(
            every_row,
            f"{detail}_{metric}_{scope.as_of.isoformat()}",
            "counties.detail.records",
            lang,
            label=label,
        )
        st.dataframe(shown, hide_index=True, key="counties.detail.records")


def detail_section(
    detail: str,
    chosen: Filters,
    table: pd.DataFrame,
    rules: pd.DataFrame,
    *,
    metric: str,
    start: dt.date,
    data_as_of: dt.date,
) -> None:
    """One county in a box: its rule, its figures against the city (the chosen ``metric``'s
    records), its years, its top institutions."""
    lang, scope = chosen.lang, chosen.scope
    name = county_name(detail, lang)
    with st.container(border=True, key="counties.detail"):
        st.subheader(t("ui.counties.detail_heading", lang, county=plain(name)))
        st.button(t("ui.counties.back", lang), key="counties.back", on_click=close_detail, icon="↩")
        st.markdown(rule_sentence(rules, detail, lang))
        compared = detail_frame(table, detail, lang)
        st.dataframe(compared, hide_index=True, key="counties.detail.table")
        st.caption(t("ui.counties.reference_note", lang))
        records_links(detail, lang)
        metric_records(detail, metric, chosen, start=start)
        years_left, years_right = st.columns(2)
        for column, yearly_metric in ((years_left, "filings"), (years_right, "turnover")):
            frame = state.cached(cm.metric_by_year, scope, yearly_metric)
            frame = frame[frame["adcode"] == detail]
            # The county goes in the subtitle: a phone has no room for it in the title too.
            fig = yearly_bars(
                frame,
                metric=yearly_metric,
                lang=lang,
                title=t(
                    "ui.counties.detail_yearly", lang, metric=t(f"ui.counties.col.{yearly_metric}", lang)
                ),
                subtitle=subtitle(yearly_metric, lang, years_text(frame, lang, detail), data_as_of),
            )
            chart_text.show(column, fig, lang, theme=None, key=f"counties.detail.{yearly_metric}")
        st.markdown(f"**{t('ui.counties.top_heading', lang)}**")
        top, top_config = top_frame(state.cached(cm.top_institutions, scope.with_division(detail)), lang)
        if top.empty:
            st.caption(t("ui.counties.top_none", lang))
        else:
            st.dataframe(top, hide_index=True, key="counties.detail.top", column_config=top_config)
            st.caption(t("ui.counties.top_note", lang, date=scope.as_of.isoformat(), start=start.isoformat()))
            table_downloads(top, f"{name}_{t('ui.counties.top_file', lang)}", "counties.detail.top", lang)
