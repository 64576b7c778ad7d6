"""The filings and contracts page's figures and tables in the reader's language, and the
drill-downs kept in the URL (``industry=…``, ``contract_type=…``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from data_layer import filings_contracts as fc
from data_layer.counties import by_adcode
from data_layer.i18n import TEXT, t

from . import chart_text, filings_charts
from .downloads import table_downloads
from .filters import county_label
from .theme import format_number, unit_label

NO_INDUSTRY = fc.NO_INDUSTRY  # the URL's name for filings without an industry


# --- words and numbers -----------------------------------------------------------------------


def industry_label(industry: str | None, lang: str) -> str:
    """An industry in ``lang`` (``industry.*`` in i18n); one the table does not know stays as written."""
    if industry is None:
        return t("ui.filings.industry_unknown", lang)
    key = f"industry.{industry}"
    return t(key, lang) if key in TEXT else industry


def county_name(adcode: str | None, lang: str) -> str:
    return county_label(adcode, lang) if adcode in by_adcode() else (adcode or "")


def type_label(code: str, lang: str) -> str:
    return t(f"ui.filings.type.{code}", lang)


def kind_label(kind: str, lang: str) -> str:
    return t(f"ui.filings.kind.{kind}", lang) if kind in fc.SELLER_KINDS else kind


def subtitle(period: list[str], source: str, data_as_of: dt.date | None, lang: str) -> str:
    """The period's lines, then source and 数据截至: short lines that a phone shows whole."""
    freshness = t("ui.data_as_of", lang, date=data_as_of.isoformat() if data_as_of else "—")
    where = t("ui.filings.chart.source", lang, source=t(f"ui.source.{source}", lang), data_as_of=freshness)
    return "<br>".join([*period, where])


def unit_note(unit: str, lang: str) -> str:
    return t("ui.chart.unit", lang, unit=unit_label(unit, lang))


def yearly_period(frame: pd.DataFrame, as_of: dt.date, lang: str, mark: str = "hatched") -> list[str]:
    """The years shown ("2023–2026年，按年"), then which one is not complete yet and how it is drawn."""
    lines = [t("ui.chart.yearly", lang, start=frame["year"].iloc[0], end=frame["year"].iloc[-1])]
    if frame["partial"].any():
        drawn = t(f"ui.filings.chart.mark.{mark}", lang)
        lines.append(
            t("ui.filings.chart.partial_note", lang, year=as_of.year, date=as_of.isoformat(), mark=drawn)
        )
    return lines


def cumulative(as_of: dt.date, lang: str) -> list[str]:
    return [t("ui.filings.cumulative", lang, date=as_of.isoformat())]


# --- figures ---------------------------------------------------------------------------------


def filings_per_year_figure(frame, as_of, data_as_of, lang) -> go.Figure:
    return filings_charts.yearly_bars(
        frame,
        value="filings",
        name=t("ui.filings.chart.new_filings", lang),
        partial_name=t("ui.chart.partial_year", lang),
        title=t("ui.filings.chart.per_year", lang),
        subtitle=subtitle(yearly_period(frame, as_of, lang), "filings", data_as_of, lang),
        unit=unit_note("件", lang),
        counts=True,
    )


def industry_figure(frame, output_year, as_of, data_as_of, lang) -> go.Figure:
    period = [
        t("ui.filings.cumulative", lang, date=as_of.isoformat()),
        t("ui.filings.output_year", lang, year=output_year)
        if output_year
        else t("ui.filings.no_output_year", lang),
    ]
    return filings_charts.paired_bars(
        [industry_label(None if pd.isna(v) else v, lang) for v in frame["industry"]],
        [NO_INDUSTRY if pd.isna(v) else v for v in frame["industry"]],
        list(frame["filings"]),
        list(frame["output_10k"]),
        count_title=t("ui.filings.chart.filings_axis", lang),
        amount_title=t("ui.filings.chart.output_axis", lang),
        title=t("ui.filings.chart.by_industry", lang),
        subtitle=subtitle(period, "filings", data_as_of, lang),
    )


def filings_county_figure(frame, highlight, as_of, data_as_of, lang) -> go.Figure:
    return filings_charts.county_bars(
        frame,
        labels=[county_name(c, lang) for c in frame["adcode"]],
        series=[("filings", t("ui.filings.metric.filings", lang))],
        highlight=highlight,
        counts=True,
        lang=lang,
        title=t("ui.filings.chart.by_county", lang),
        subtitle=subtitle(cumulative(as_of, lang), "filings", data_as_of, lang),
        unit=unit_note("件", lang),
    )


def turnover_by_type_figure(frame, as_of, data_as_of, lang) -> go.Figure:
    years = frame.drop_duplicates("year")
    return filings_charts.stacked_type_bars(
        frame,
        types={code: type_label(code, lang) for code in fc.CONTRACT_TYPES},
        lang=lang,
        title=t("ui.filings.chart.turnover_by_type", lang),
        subtitle=subtitle(yearly_period(years, as_of, lang), "contracts", data_as_of, lang),
        unit=unit_note("万元", lang),
    )


def patent_share_figure(frame, as_of, data_as_of, lang) -> go.Figure:
    period = yearly_period(frame, as_of, lang, mark="hollow")
    empty = [str(y) for y, share in zip(frame["year"], frame["share_pct"], strict=True) if pd.isna(share)]
    if empty:  # a year without turnover has no share: a gap in the line, said in words
        years = t("ui.slides.list_sep", lang).join(empty)
        period.append(t("ui.filings.chart.no_share_years", lang, years=years))
    return filings_charts.share_line(
        frame,
        name=t("ui.filings.chart.share", lang),
        partial_name=t("ui.chart.partial_year", lang),
        title=t("ui.filings.chart.patent_share", lang),
        subtitle=subtitle(period, "contracts", data_as_of, lang),
        unit=unit_note("%", lang),
    )


def seller_kind_figure(frame, as_of, data_as_of, lang) -> go.Figure:
    return filings_charts.paired_bars(
        [kind_label(k, lang) for k in frame["seller_kind"]],
        list(frame["seller_kind"]),
        list(frame["contracts"]),
        list(frame["turnover_10k"]),
        count_title=t("ui.filings.chart.contracts_axis", lang),
        amount_title=t("ui.filings.chart.turnover_axis", lang),
        title=t("ui.filings.chart.by_seller_kind", lang),
        subtitle=subtitle(cumulative(as_of, lang), "contracts", data_as_of, lang),
    )


def buyer_figure(frame, as_of, data_as_of, lang) -> go.Figure:
    def with_share(values, shares, fmt):
        return [
            f"{fmt(v)}<br>{format_number(None if pd.isna(s) else s, '%')}"
            for v, s in zip(values, shares, strict=True)
        ]

    return filings_charts.paired_bars(
        [t(f"ui.filings.buyer.{'local' if local else 'outside'}", lang) for local in frame["buyer_local"]],
        ["local" if local else "outside" for local in frame["buyer_local"]],
        list(frame["contracts"]),
        list(frame["turnover_10k"]),
        count_title=t("ui.filings.chart.contracts_axis", lang),
        amount_title=t("ui.filings.chart.turnover_axis", lang),
        title=t("ui.filings.chart.by_buyer", lang),
        subtitle=subtitle(cumulative(as_of, lang), "contracts", data_as_of, lang),
        count_text=with_share(frame["contracts"], frame["contract_share_pct"], lambda v: f"{v:,}"),
        amount_text=with_share(
            frame["turnover_10k"], frame["turnover_share_pct"], filings_charts.amount_label
        ),
    )


def contracts_county_figure(frame, highlight, as_of, data_as_of, lang) -> go.Figure:
    frame = frame.assign(other_10k=(frame["turnover_10k"] - frame["patent_turnover_10k"]).round(2))
    return filings_charts.county_bars(
        frame,
        labels=[county_name(c, lang) for c in frame["adcode"]],
        series=[
            ("patent_turnover_10k", t("ui.filings.chart.patent_turnover", lang)),
            ("other_10k", t("ui.filings.chart.other_turnover", lang)),
        ],
        highlight=highlight,
        lang=lang,
        title=t("ui.filings.chart.contract_by_county", lang),
        subtitle=subtitle(cumulative(as_of, lang), "contracts", data_as_of, lang),
        unit=unit_note("万元", lang),
    )


# --- tables ----------------------------------------------------------------------------------


def _yes_no(value, lang: str) -> str:
    if value is None or pd.isna(value):
        return ""
    return t("ui.filings.yes" if value else "ui.filings.no", lang)


def enterprise_table(frame: pd.DataFrame, output_year: int | None, lang: str) -> pd.DataFrame:
    """The ranked filing enterprises, headed in ``lang``."""
    return pd.DataFrame(
        {
            t("ui.filings.col.enterprise", lang): frame["name"],
            t("ui.filings.col.credit_code", lang): frame["credit_code"],
            t("ui.filings.col.county", lang): [county_name(c, lang) for c in frame["county"]],
            t("ui.filings.col.filings", lang): frame["filings"],
            t("ui.filings.col.output", lang, year=output_year or "—"): frame["output_10k"],
        }
    )


def filings_table(frame: pd.DataFrame, output_year: int | None, lang: str) -> pd.DataFrame:
    """One industry's filings, headed in ``lang``."""
    return pd.DataFrame(
        {
            t("ui.filings.col.filing_no", lang): frame["filing_no"],
            t("ui.filings.col.product", lang): frame["product_name"],
            t("ui.filings.col.enterprise", lang): frame["enterprise_name"],
            t("ui.filings.col.county", lang): [county_name(c, lang) for c in frame["county"]],
            t("ui.filings.col.filing_date", lang): pd.to_datetime(frame["filing_date"]).dt.strftime(
                "%Y-%m-%d"
            ),
            t("ui.filings.col.intensive", lang): [_yes_no(v, lang) for v in frame["patent_intensive"]],
            t("ui.filings.col.patents", lang): frame["patents"],
            t("ui.filings.col.output", lang, year=output_year or "—"): frame["output_10k"],
        }
    )


def contracts_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One contract type's contracts, headed in ``lang``."""
    return pd.DataFrame(
        {
            t("ui.filings.col.contract_no", lang): frame["contract_no"],
            t("ui.filings.col.title", lang): frame["title"],
            t("ui.filings.col.seller", lang): frame["seller_name"],
            t("ui.filings.col.seller_kind", lang): [kind_label(k, lang) for k in frame["seller_kind"]],
            t("ui.filings.col.seller_county", lang): [county_name(c, lang) for c in frame["county"]],
            t("ui.filings.col.buyer", lang): frame["buyer_name"],
            t("ui.filings.col.buyer_local", lang): [_yes_no(v, lang) for v in frame["buyer_local"]],
            t("ui.filings.col.registered_date", lang): pd.to_datetime(frame["registered_date"]).dt.strftime(
                "%Y-%m-%d"
            ),
            t("ui.filings.col.turnover", lang): frame["turnover_10k"],
            t("ui.filings.col.tech_amount", lang): frame["tech_amount_10k"],
            t("ui.filings.col.patents", lang): frame["patents"],
        }
    )


def table_with_downloads(frame: pd.DataFrame, name: str, key: str, lang: str) -> None:
    """A scrolling table and its formula-safe CSV and Excel downloads (built on click)."""
    formats = {
        column: st.column_config.NumberColumn(
            format="%,d" if pd.api.types.is_integer_dtype(dtype) else "%,.1f"
        )
        for column, dtype in frame.dtypes.items()
        if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
    }
    st.dataframe(
        frame,
        hide_index=True,
        column_config=formats,
        key=f"{key}.table",
        height=min(420, 38 + 35 * max(len(frame), 1)),
    )
    table_downloads(frame, name, key, lang)


# --- drill-downs kept in the URL -------------------------------------------------------------


def drill_value(param: str, allowed: list[str]) -> str | None:
    """The drill-down item named in the URL, if it is one of ``allowed`` (else dropped from the URL)."""
    value = st.query_params.get(param)
    if value is None:
        return None
    if value in allowed:
        return value
    st.query_params.pop(param, None)
    return None


def chart_key(base: str) -> str:
    """A clickable chart's widget key; a new one after "back", so its old selection is gone."""
    return f"{base}.{st.session_state.get(f'{base}.round', 0)}"


def on_pick(base: str, param: str) -> Callable[[], None]:
    """Callback for a clickable chart: put the clicked bar's item into the URL (a click off it clears)."""

    def pick() -> None:
        event = st.session_state.get(chart_key(base)) or {}
        points = (event.get("selection") or {}).get("points") or []
        value = None
        for point in points:
            data = point.get("customdata")
            value = data[0] if isinstance(data, list) and data else data
            if value:
                break
        if value:
            st.query_params[param] = str(value)
        else:
            st.query_params.pop(param, None)

    return pick


def clickable_chart(fig: go.Figure, base: str, param: str, hint: str) -> None:
    """A chart whose clicked bar opens a drill-down named ``param`` in the URL; ``hint`` says so."""
    chart_text.show(
        st, fig, theme=None, key=chart_key(base), on_select=on_pick(base, param), selection_mode="points"
    )
    st.caption(hint)


def drill_detail(heading: str, table: pd.DataFrame, file_name: str, base: str, param: str, lang: str) -> None:
    """A drill-down: a back button, what it lists, the table and its downloads."""
    with st.container(border=True, key=f"{base}.detail"):
        st.button(
            t("ui.filings.back", lang),
            key=f"{base}.back",
            icon=":material/arrow_back:",
            on_click=back(base, param),
        )
        st.subheader(heading)
        table_with_downloads(table, file_name, f"{base}.detail", lang)


def back(base: str, param: str) -> Callable[[], None]:
    """Callback of a drill-down's back button: leave the URL's item and the chart's selection."""

    def go_back() -> None:
        st.query_params.pop(param, None)
        st.session_state[f"{base}.round"] = st.session_state.get(f"{base}.round", 0) + 1

    return go_back
