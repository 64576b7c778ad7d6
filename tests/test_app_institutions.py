"""The 高校院所 page under AppTest: both languages, every filter, the switch, a drill-down and back."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_layer import institution_rates as ir
from data_layer.db import Database
from data_layer.i18n import t
from data_layer.scope import Scope
from ui import institutions_view as view
from ui.theme import format_number

from .apptest import open_app
from .conftest import R1, S1, U1

AS_OF = "2026-06-30"
PAGE = "views/institutions.py"


def open_page(query: dict | None = None) -> AppTest:
    return open_app(PAGE, query)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def ranking_table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def expected(tiny_db, lang: str, as_of: str = AS_OF, **filters) -> dict:
    """The metrics the data layer gives for the same data (the app runs on a copy of tiny_db)."""
    data = ir.page_data(tiny_db, Scope(as_of=dt.date.fromisoformat(as_of), **filters))
    count = len(data.ranking)
    return {
        t("ui.institutions.metric.rate", lang): format_number(data.now.rate, "%", lang),
        t("ui.institutions.metric.valid", lang): format_number(data.now.valid, "件", lang),
        t("ui.institutions.metric.industrialized", lang): format_number(data.now.industrialized, "件", lang),
        t("ui.institutions.metric.institutions", lang): format_number(count, "家", lang)
        if lang == "zh"
        else f"{count:,}",
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_shows_the_data_layer_numbers(app_env, tiny_db, lang):
    at = open_page({"lang": lang} if lang == "en" else None)
    assert at.title[0].value == t("ui.institutions.title", lang)
    assert metrics(at) == expected(tiny_db, lang)
    assert len(at.get("plotly_chart")) == 3  # ranking, scatter, trend
    table = ranking_table(at)
    rate = t("ui.institutions.col.rate", lang)
    change = t("ui.institutions.col.change_pp", lang, year=2023)
    assert list(table[t("ui.institutions.col.credit_code", lang)]) == [U1, R1]
    assert [s.strip("\u2007") for s in table[rate]] == ["75.0", "66.7"]
    assert [s.strip("\u2007") for s in table[change]] == ["+25.0", "+33.3"]
    assert list(table[t("ui.institutions.col.valid", lang)]) == [4, 3]
    # The formula is beside the ranking, and the default kind is said.
    text = "\n".join(m.value for m in at.markdown)
    assert t("ui.institutions.formula", lang, year=2023) in text
    assert t("ui.institutions.default_kind", lang) in [c.value for c in at.caption]


def test_the_rate_metric_shows_the_change_on_the_baseline(app_env):
    at = open_page()
    rate = next(m for m in at.metric if m.label == "产业化率")
    assert rate.value == "66.7%"
    assert rate.delta == "+16.7 个百分点"  # 66.67 % against 50 % at the end of 2023


@pytest.mark.parametrize(
    ("query", "filters", "as_of"),
    [
        ({"county": "440802"}, {"division": "440802"}, AS_OF),
        ({"period": "2024"}, {}, "2024-12-31"),
        ({"inst_kind": "enterprise"}, {"inst_kind": "enterprise"}, AS_OF),
        ({"inst_kind": "university"}, {"inst_kind": "university"}, AS_OF),
        ({"patent_type": "invention"}, {"patent_type": "invention"}, AS_OF),
    ],
)
def test_each_filter(app_env, tiny_db, query, filters, as_of):
    at = open_page(query)
    assert metrics(at) == expected(tiny_db, "zh", as_of, **filters)


def test_filter_values_by_hand(app_env):
    assert metrics(open_page({"county": "440802"}))["产业化率"] == "75.0%"
    assert metrics(open_page({"period": "2024"}))["产业化率"] == "40.0%"
    assert metrics(open_page({"patent_type": "invention"}))["产业化率"] == "100.0%"
    assert metrics(open_page({"inst_kind": "enterprise"}))["产业化率"] == "0.0%"  # 3 valid, none used


def test_no_valid_patents_shows_a_dash(app_env):
    at = open_page({"inst_kind": "city_soe"})
    assert metrics(at)["产业化率"] == "—"
    table = ranking_table(at)
    assert list(table["统一社会信用代码"]) == [S1]
    assert table["产业化率（%）"].iloc[0] == "—"
    assert table["有效专利（件）"].iloc[0] == 0
    # No rate to rank: the page says so instead of drawing empty charts.
    assert [i.value for i in at.info] == [t("ui.institutions.no_rates", "zh")]
    assert len(at.get("plotly_chart")) == 0


def test_the_kind_switch_writes_the_shared_filter(app_env):
    at = open_page()
    assert at.segmented_control(key="institutions.kind").value == "academic"
    at.segmented_control(key="institutions.kind").set_value("city_soe").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="inst_kind").value == "city_soe"
    assert at.query_params["inst_kind"] == "city_soe"
    assert metrics(at)["产业化率"] == "—"
    # The sidebar's university-only choice selects no button of the switch.
    at = open_page({"inst_kind": "university"})
    assert at.segmented_control(key="institutions.kind").value is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_drill_down_by_url_and_back(app_env, tiny_db, lang):
    at = open_page({"inst": U1, "patent_type": "invention", "lang": lang})
    assert at.title[0].value == "湛江测试大学"
    detail = ir.detail_data(tiny_db, Scope(as_of=dt.date.fromisoformat(AS_OF), patent_type="invention"), U1)
    assert metrics(at)[t("ui.institutions.metric.rate", lang)] == format_number(detail.now.rate, "%", lang)
    assert metrics(at)[t("ui.institutions.metric.contracts", lang)] == "2"
    assert metrics(at)[t("ui.institutions.metric.turnover", lang)] == format_number(190.0, "万元", lang)
    assert len(at.get("plotly_chart")) == 2  # its rate per year, its patents by type and year
    deals, contracts = at.dataframe[0].value, at.dataframe[1].value
    assert list(deals[t("ui.institutions.col.route", lang)]) == [t("ui.institutions.route.transfer", lang)]
    assert list(contracts[t("ui.institutions.col.contract_no", lang)]) == ["C3", "C1"]
    captions = [c.value for c in at.caption]
    # Contracts are not divided by patent type: the page says so.
    why = t("ui.institutions.detail.contracts_why", lang)
    assert t("ui.filter.not_applied", lang, names=t("ui.filter.patent_type", lang), why=why) in captions
    at.button(key="institutions.back").click().run()
    assert "inst" not in at.query_params
    assert at.title[0].value == t("ui.institutions.title", lang)


def test_detail_summary_of_deals(app_env):
    at = open_page({"inst": U1})
    lines = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert lines == [
        "- 湛江市内：1 笔（转让 1，许可 0），金额 50.0 万元",
        "- 湛江市外：2 笔（转让 1，许可 1），金额 30.0 万元",
    ]


def test_an_unknown_institution_is_said(app_env):
    at = open_page({"inst": "NOSUCHCODE"})
    assert at.warning[0].value == t("ui.institutions.detail.unknown", "zh", code="NOSUCHCODE")


def test_empty_database_says_no_data(tmp_path, monkeypatch):
    path = tmp_path / "empty.duckdb"
    Database(path).close()
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    at = open_page()
    assert any("尚无数据" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 0


def test_clicks_give_the_credit_code():
    assert view.clicked_code({"selection": {"points": [{"customdata": [U1], "x": 75}]}}) == U1
    assert view.clicked_code({"selection": {"points": []}}) is None
    assert view.clicked_code(None) is None
    codes = pd.Series([U1, R1])
    assert view.selected_row_code({"selection": {"rows": [1]}}, codes) == R1
    assert view.selected_row_code({"selection": {"rows": []}}, codes) is None


def test_padded_numbers_have_one_width():
    # A browser's collation puts the figure space before digits, so equal widths sort as numbers.
    shown = view.padded(pd.Series([75.0, 9.5, None, 100.0]), lambda v: f"{v:,.1f}")
    assert shown == ["\u200775.0", "\u2007\u20079.5", "\u2007" * 4 + "—", "100.0"]
