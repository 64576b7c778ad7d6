"""The institutions page's drill-down, kind switch and tables.

The detail of one institution is opened by the ``inst`` query parameter (its credit code),
so a drill-down is a bookmarkable URL; the kind switch writes the shared ``inst_kind`` filter.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_layer import institution_rates
from data_layer.i18n import t
from data_layer.records import RATE

from . import filters
from .filters import Filters
from .theme import format_number

DETAIL_PARAM = "inst"
SWITCH_KINDS = ("academic", "city_soe", "enterprise")
FIGURE_SPACE = "\u2007"  # as wide as a digit: padded numbers line up and sort as text


# --- drill-down ---------------------------------------------------------------------------------


def records_link(lang: str) -> None:
    """A link to the patents behind the rate shown (溯源): the page's filters, and on an
    institution's detail its ``inst``, carried in the URL."""
    st.page_link(
        "views/records.py",
        label=t("ui.records.open", lang),
        icon=":material/list:",
        query_params={**st.query_params.to_dict(), "figure": RATE},
    )


def chosen_institution() -> str | None:
    """The credit code in the URL's ``inst`` parameter, if any."""
    return st.query_params.get(DETAIL_PARAM) or None


def open_detail(code: str) -> None:
    st.query_params[DETAIL_PARAM] = code
    st.rerun()


def close_detail() -> None:
    """Back button callback: drop the detail parameter (the filters stay)."""
    st.query_params.pop(DETAIL_PARAM, None)


def clicked_code(event) -> str | None:
    """The credit code of a clicked bar or point (``customdata[0]``) in a chart's selection event."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    for point in points:
        data = point.get("customdata")
        if data:
            return data[0] if isinstance(data, list | tuple) else data
    return None


def selected_row_code(event, codes: pd.Series) -> str | None:
    """The credit code of the table row a reader selected."""
    rows = (event or {}).get("selection", {}).get("rows", []) if event else []
    return str(codes.iloc[rows[0]]) if rows else None


# --- kind switch --------------------------------------------------------------------------------


def _switched() -> None:
    """Write the on-page switch into the shared sidebar filter (and so into the URL)."""
    kind = st.session_state.get("institutions.kind")
    if kind:
        st.session_state["inst_kind"] = kind
        st.query_params["inst_kind"] = kind


def kind_switch(chosen: Filters) -> None:
    """Academic / city state enterprise / enterprise, kept in step with the sidebar filter.

    A sidebar choice of universities only (or institutes only) selects no button: the
    caption above says which kind is shown.
    """
    current = chosen.scope.inst_kind or institution_rates.DEFAULT_KIND
    st.session_state["institutions.kind"] = current if current in SWITCH_KINDS else None
    st.segmented_control(
        t("ui.institutions.kind_switch", chosen.lang),
        SWITCH_KINDS,
        key="institutions.kind",
        format_func=lambda kind: filters.inst_kind_label(kind, chosen.lang),
        on_change=_switched,
    )


# --- words and tables -------------------------------------------------------------------------------


def years_text(trend: pd.DataFrame, baseline_year: int, lang: str) -> str:
    """The span of a rate trend: from the baseline year to its last point (a year or a date)."""
    return t("ui.institutions.period_years", lang, start=baseline_year, end=trend["label"].iloc[-1])


def padded(values: pd.Series, text) -> list[str]:
    """Numbers as text of one width ("—" for none), so the column sorts as the numbers do."""
    shown = ["—" if v is None or pd.isna(v) else text(v) for v in values]
    width = max((len(s) for s in shown), default=0)
    return [s.rjust(width, FIGURE_SPACE) for s in shown]


def ranking_table(frame: pd.DataFrame, lang: str, baseline_year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, download): the ranking with headers in ``lang``; rates as text with "—" when shown.

    Shown rates are text because a table cell cannot show a missing number as "—"; the
    download keeps them as numbers (empty when there is none).
    """
    col = {c: t(f"ui.institutions.col.{c}", lang) for c in _RANKING_COLUMNS}
    col["baseline_rate"] = t("ui.institutions.col.baseline_rate", lang, year=baseline_year)
    col["change_pp"] = t("ui.institutions.col.change_pp", lang, year=baseline_year)
    out = pd.DataFrame(
        {
            col["name"]: frame["name"],
            col["kind"]: [t(f"ui.inst_kind.{k}", lang) for k in frame["kind"]],
            col["county"]: [filters.county_label(c, lang) for c in frame["county"]],
            **{col[c]: frame[c] for c in institution_rates.COUNT_COLUMNS},
            col["rate"]: frame["rate"],
            col["baseline_rate"]: frame["baseline_rate"],
            col["change_pp"]: frame["change_pp"],
            col["credit_code"]: frame["credit_code"],
        }
    )
    download = out.copy()
    shown = out.copy()
    for key in ("rate", "baseline_rate"):
        shown[col[key]] = padded(frame[key], lambda v: f"{v:,.1f}")
    shown[col["change_pp"]] = padded(frame["change_pp"], lambda v: f"{v:+,.1f}")
    return shown, download


def ranking_columns(shown: pd.DataFrame) -> dict:
    """column_config of the shown ranking: name kept in view, counts, rates as padded text."""
    columns = list(shown.columns)  # name, kind, county, 5 counts, 3 rates, credit code
    return number_columns(shown, counts=tuple(columns[3:8]), padded=tuple(columns[8:11]), pinned=columns[0])


_RANKING_COLUMNS = ("name", "kind", "county", *institution_rates.COUNT_COLUMNS, "rate", "credit_code")


def number_columns(
    frame: pd.DataFrame,
    counts: tuple[str, ...] = (),
    amounts: tuple[str, ...] = (),
    padded: tuple[str, ...] = (),
    pinned: str | None = None,
) -> dict:
    """column_config: counts with thousands separators, amounts (万元) with one decimal,
    numbers shown as padded text aligned right, and a column kept in view when scrolling."""
    config = {c: st.column_config.NumberColumn(format="%,d") for c in counts if c in frame}
    config |= {c: st.column_config.NumberColumn(format="%,.1f") for c in amounts if c in frame}
    config |= {c: st.column_config.TextColumn(alignment="right") for c in padded if c in frame}
    if pinned in frame:
        config[pinned] = st.column_config.TextColumn(pinned=True)
    return config


def deals_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One institution's transfers and licences, headed and labelled in ``lang``."""
    col = {c: t(f"ui.institutions.col.{c}", lang) for c in _DEAL_COLUMNS}
    yes, no = t("ui.institutions.yes", lang), t("ui.institutions.no", lang)
    return pd.DataFrame(
        {
            col["date"]: pd.to_datetime(frame["event_date"]).dt.date,
            col["app_no"]: frame["app_no"],
            col["patent"]: frame["title"],
            col["route"]: [t(f"ui.institutions.route.{r}", lang) for r in frame["route"]],
            col["in_production"]: [
                (yes if p else no) if r == "license" else "—"
                for r, p in zip(frame["route"], frame["in_production"], strict=True)
            ],
            col["counterparty"]: frame["counterparty"].fillna("—"),
            col["place"]: [t(f"ui.institutions.place.{p}", lang) for p in frame["place"]],
            col["amount"]: frame["amount_10k"],
        }
    )


_DEAL_COLUMNS = ("date", "app_no", "patent", "route", "in_production", "counterparty", "place", "amount")


def contracts_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One institution's contracts as seller, headed and labelled in ``lang``."""
    col = {c: t(f"ui.institutions.col.{c}", lang) for c in _CONTRACT_COLUMNS}
    return pd.DataFrame(
        {
            col["registered"]: pd.to_datetime(frame["registered_date"]).dt.date,
            col["contract_no"]: frame["contract_no"],
            col["title"]: frame["title"],
            col["contract_type"]: [
                t(f"ui.institutions.contract_type.{c}", lang) for c in frame["contract_type"]
            ],
            col["buyer"]: frame["buyer_name"],
            col["place"]: [t(f"ui.institutions.place.{p}", lang) for p in frame["place"]],
            col["turnover"]: frame["turnover_10k"],
            col["tech_amount"]: frame["tech_amount_10k"],
            col["patents"]: frame["patents"],
        }
    )


_CONTRACT_COLUMNS = (
    "registered",
    "contract_no",
    "title",
    "contract_type",
    "buyer",
    "place",
    "turnover",
    "tech_amount",
    "patents",
)


def deal_lines(by_place: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per place of the counterparty: deals, transfers, licences, amount."""
    return [
        t(
            "ui.institutions.detail.deal_summary",
            lang,
            place=t(f"ui.institutions.place.{row.place}", lang),
            deals=f"{row.deals:,}",
            transfers=f"{row.transfers:,}",
            licenses=f"{row.licenses:,}",
            amount=format_number(row.amount_10k, "万元", lang),
        )
        for row in by_place.itertuples()
    ]
