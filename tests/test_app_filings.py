"""The filings and contracts page under AppTest: both languages, every filter, drill-downs, no data."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from data_layer import filings_contracts as fc
from data_layer.db import Database
from data_layer.i18n import t
from data_layer.scope import Scope
from ui.theme import format_number

from .apptest import open_app

AS_OF = "2026-06-30"
PAGE = "views/filings.py"
CHARTS = 8  # per year, industry, county | type × year, patent share, seller kind, buyer, county


def open_page(query: dict | None = None) -> AppTest:
    return open_app(PAGE, query)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def expected_metrics(db, lang: str, as_of: dt.date, **filters) -> dict[str, str]:
    """The metrics the data layer gives for the same data, formatted as the page formats them."""
    scope = Scope(as_of=as_of, **filters)
    filings, contracts = fc.filing_summary(db, scope), fc.contract_summary(db, scope)
    year = filings.output_year
    output_label = (
        t("ui.filings.metric.output", lang, year=year) if year else t("ui.filings.metric.output_none", lang)
    )
    return {
        t("ui.filings.metric.filings", lang): format_number(filings.filings, "件", lang),
        t("ui.filings.metric.enterprises", lang): format_number(filings.enterprises, "家", lang),
        output_label: format_number(filings.output_10k, "万元", lang),
        t("ui.filings.metric.contracts", lang): format_number(contracts.contracts, "件", lang),
        t("ui.filings.metric.turnover", lang): format_number(contracts.turnover_10k, "万元", lang),
        t("ui.filings.metric.tech_amount", lang): format_number(contracts.tech_amount_10k, "万元", lang),
        t("ui.filings.metric.patent_share", lang): format_number(contracts.patent_share_pct, "%", lang),
    }


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_shows_the_data_layer_numbers(app_env, tiny_db, lang):
    at = open_page({"lang": lang} if lang == "en" else None)
    assert metrics(at) == expected_metrics(tiny_db, lang, dt.date.fromisoformat(AS_OF))
    assert at.title[0].value == t("ui.filings.title", lang)
    assert [h.value for h in at.header] == [
        t("ui.filings.section.filings", lang),
        t("ui.filings.section.contracts", lang),
    ]
    assert len(at.get("plotly_chart")) == CHARTS
    ranked = at.dataframe[0].value  # the enterprise ranking
    assert ranked.iloc[:, 0].tolist() == ["廉江测试电器有限公司", "霞山测试科技有限公司"]
    assert ranked.iloc[:, -1].tolist() == [240.0, 30.0]


def test_hand_values_in_chinese(app_env):
    found = metrics(open_page())
    assert found["备案产品数"] == "4 件"
    assert found["备案企业数"] == "2 家"
    assert found["2025年备案产品产值"] == "270.0 万元"
    assert found["合同成交额"] == "340.0 万元"
    assert found["涉专利合同成交额占比"] == "85.3%"


@pytest.mark.parametrize(
    ("query", "filters", "note"),
    [
        ({"county": "440881"}, {"division": "440881"}, "区县对比图仍显示全部区县，廉江市以深色突出"),
        ({"period": "2024"}, {}, None),
        ({"inst_kind": "academic"}, {"inst_kind": "academic"}, "卖方的类型筛选"),
        ({"patent_type": "utility_model"}, {"patent_type": "utility_model"}, "关联至少一件实用新型专利"),
    ],
)
def test_each_filter_narrows_the_numbers(app_env, tiny_db, query, filters, note):
    at = open_page(query)
    as_of = dt.date(2024, 12, 31) if "period" in query else dt.date.fromisoformat(AS_OF)
    assert metrics(at) == expected_metrics(tiny_db, "zh", as_of, **filters)
    assert metrics(at) != expected_metrics(tiny_db, "zh", dt.date.fromisoformat(AS_OF))
    if note:
        assert note in captions(at)


def test_period_filter_hand_values(app_env):
    found = metrics(open_page({"period": "2024"}))
    assert found["备案产品数"] == "2 件"
    assert found["2024年备案产品产值"] == "200.0 万元"
    assert found["技术合同数"] == "2 件"
    assert found["涉专利合同成交额占比"] == "66.7%"


def test_a_scope_without_contracts_shows_a_dash_not_a_share(app_env):
    at = open_page({"inst_kind": "city_soe"})
    found = metrics(at)
    assert found["技术合同数"] == "0 件"
    assert found["涉专利合同成交额占比"] == "—"
    assert found["备案产品产值"] == "—"
    assert {i.value for i in at.info} == {"所选范围内没有专利产品备案。", "所选范围内没有技术合同。"}
    assert len(at.get("plotly_chart")) == 0


def test_drill_down_to_an_industry_and_back(app_env, tiny_db):
    at = open_page({"industry": "家电"})
    assert "家电：备案产品 2 件" in [s.value for s in at.subheader]
    detail = at.dataframe[0].value
    assert detail["备案编号"].tolist() == ["F2", "F1"]
    assert detail["2025年产值（万元）"].tolist() == [40.0, 200.0]
    at.button(key="filings.industry.back").click().run()
    assert "industry" not in at.query_params
    assert not [s for s in at.subheader if s.value.startswith("家电")]


def test_drill_down_to_a_contract_type(app_env):
    at = open_page({"contract_type": "license", "lang": "en"})
    assert "Licensing contracts: 2 items" in [s.value for s in at.subheader]
    detail = at.dataframe[-1].value
    assert detail["Contract no."].tolist() == ["C5", "C3"]
    assert detail["Seller kind"].tolist() == ["Institute", "University"]


def test_drill_down_follows_the_filters(app_env):
    at = open_page({"contract_type": "license", "county": "440802"})
    assert "技术许可合同 1 件" in [s.value for s in at.subheader]


def test_unknown_drill_down_values_are_dropped(app_env):
    at = open_page({"industry": "不存在的产业", "contract_type": "bogus"})
    assert "industry" not in at.query_params and "contract_type" not in at.query_params
    assert [s.value for s in at.subheader] == ["备案企业排行"]


def test_empty_database_says_no_data(tmp_path, monkeypatch):
    path = tmp_path / "empty.duckdb"
    Database(path).close()
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    at = open_page()
    assert any("尚无数据" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 0
    assert len(at.metric) == 0
