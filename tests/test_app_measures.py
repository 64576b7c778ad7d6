"""The measures page under AppTest: both languages, every filter, an empty database, numbers equal
to the data layer's, and the drill-down into one measure through ``?measure=``."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from data_layer import measure_progress as mp
from data_layer.db import Database
from data_layer.i18n import t
from data_layer.scope import Scope
from ui.measures_view import figure_value
from ui.theme import status_text

from .apptest import open_app

AS_OF = "2026-06-30"
PAGE = "views/measures.py"


ALL_AREAS = {f"area{n}": "true" for n in range(1, 5)}  # each area's box opened, as a click does


def open_page(query: dict | None = None) -> AppTest:
    """The page with its four areas open (a closed area draws nothing)."""
    return open_app(PAGE, {**ALL_AREAS, **(query or {})})


def badges(at: AppTest) -> list[str]:
    found = []
    for element in at.markdown:
        found += re.findall(r":[a-z]+-badge\[(.*?)\]", element.value)
    return found


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def expected_metrics(db, as_of: dt.date, lang: str, **filters) -> dict[str, str]:
    frame = mp.computed_figures(db, Scope(as_of=as_of, **filters))
    return {
        t(f"ui.measures.fig.{row.figure}", lang): figure_value(row.value, row.unit, lang)
        for row in frame.itertuples()
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_shows_the_data_layer_numbers(app_env, tiny_db, lang):
    at = open_page({"lang": lang} if lang == "en" else None)
    assert at.title[0].value == t("ui.measures.title", lang)
    assert metrics(at) == expected_metrics(tiny_db, dt.date.fromisoformat(AS_OF), lang)
    # The grid, then one chart per reported indicator (measure 1 and measure 12 have one each).
    assert len(at.get("plotly_chart")) == 3
    assert len(at.expander) == 5  # four task areas, then how statuses are defined
    assert t("ui.measures.method", lang) in [m.value for m in at.markdown]
    text = captions(at)
    assert t("ui.filter.not_applied", lang, names=t("ui.measures.not_applied_names", lang), why="") in text
    # No indicator was reported for 2026Q2, the last quarter shown.
    missing = t("ui.measures.badge", lang, quarter="2026Q2", status=status_text("no_data", lang))
    assert badges(at).count(missing) == 12


def test_numbers_on_the_tiny_data(app_env):
    shown = metrics(open_page())
    assert shown["高校院所专利产业化率"] == "66.7%"
    assert shown["市属国企专利产业化率"] == "—"  # no valid patent: no rate
    assert shown["备案产品数"] == "4 件"
    assert shown["质押融资金额"] == "300.0 万元"
    assert shown["专利质押登记数"] == "1 件"


def test_county_filter_narrows_the_computed_figures(app_env, tiny_db):
    at = open_page({"county": "440803"})
    assert at.selectbox(key="county").value == "440803"
    assert metrics(at) == expected_metrics(tiny_db, dt.date.fromisoformat(AS_OF), "zh", division="440803")
    assert metrics(at)["高校院所转让、许可专利数"] == "1 件"
    assert "霞山区" in captions(at)


def test_period_filter_limits_quarters_and_figures(app_env, tiny_db):
    at = open_page({"period": "2025"})
    assert metrics(at) == expected_metrics(tiny_db, dt.date(2025, 12, 31), "zh")
    assert "季度：2023Q1 至 2025Q4" in at.caption[0].value
    # Measure 1's 4 of 5 in the deadline's quarter is missed; measure 12 has no target.
    missed = t("ui.measures.badge", "zh", quarter="2025Q4", status="× 未达标")
    no_target = t("ui.measures.badge", "zh", quarter="2025Q4", status="– 无目标")
    assert missed in badges(at) and no_target in badges(at)
    at = open_page({"period": "2025Q3"})
    assert "季度：2023Q1 至 2025Q3" in at.caption[0].value
    assert len(at.get("plotly_chart")) == 1  # 2025Q4's reports are after the date: no indicator chart


def test_patent_type_filter_and_its_note(app_env, tiny_db):
    at = open_page({"patent_type": "invention"})
    assert metrics(at) == expected_metrics(
        tiny_db, dt.date.fromisoformat(AS_OF), "zh", patent_type="invention"
    )
    assert metrics(at)["专利质押登记数"] == "0 件"
    assert "不按专利类型筛选" in captions(at)  # rates and filings
    assert "不按专利类型筛选" not in captions(open_page())


def test_institution_kind_is_said_not_to_apply(app_env, tiny_db):
    at = open_page({"inst_kind": "university"})
    assert metrics(at) == expected_metrics(tiny_db, dt.date.fromisoformat(AS_OF), "zh")
    assert t("ui.measures.kind_not_applied_why", "zh") in captions(at)
    assert t("ui.measures.kind_not_applied_why", "zh") not in captions(open_page())


def test_drill_down_by_query_param(app_env):
    at = open_page({"measure": "1"})
    assert at.selectbox(key="measures.pick").value == 1
    assert at.subheader[0].value == "措施1　实施高校和科研机构专利转化提升工程"
    table = at.dataframe[0].value
    assert list(table["指标名称"]) == ["高校院所专利转让许可数"]
    assert list(table["状态"]) == ["× 未达标"]
    assert list(table["当季计划进度"]) == [5]  # the deadline's quarter is judged against the target
    assert "高校院所专利转让许可数（2025Q4说明）：推进中" in captions(at)
    assert "责任单位：市科技局" in captions(at)
    at.button(key="measures.back").click().run()
    assert "measure" not in at.query_params
    assert not at.subheader
    assert at.selectbox(key="measures.pick").value == 0


def test_choosing_a_measure_puts_it_in_the_url(app_env):
    at = open_page()
    at.selectbox(key="measures.pick").set_value(12).run()
    assert at.query_params["measure"] == ["12"] or at.query_params["measure"] == "12"
    assert at.subheader[0].value == "措施12　加强知识产权金融支持力度"
    assert "专利质押登记数" in metrics(at)


def test_a_measure_without_reports_or_figures(app_env):
    at = open_page({"measure": "9", "lang": "en"})
    assert at.subheader[0].value == "Measure 9: IP protection"
    text = captions(at)
    assert t("ui.measures.no_indicators", "en") in text
    assert t("ui.measures.computed_none", "en") in text


def test_bad_measure_param_is_ignored(app_env):
    at = open_page({"measure": "13"})
    assert at.selectbox(key="measures.pick").value == 0
    assert not at.subheader


def test_empty_database_says_no_data(tmp_path, monkeypatch):
    path = tmp_path / "empty.duckdb"
    Database(path).close()
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    monkeypatch.setenv("DASHBOARD_AS_OF", AS_OF)
    at = open_page()
    assert any(t("ui.no_data_yet", "zh") in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 0


def test_a_closed_area_draws_nothing_and_an_open_one_only_its_measures(app_env, tiny_db):
    closed = open_app(PAGE)
    assert len(closed.get("plotly_chart")) == 1 and not closed.metric  # the grid alone
    assert len(closed.expander) == 5  # the four areas are there to open
    everything = metrics(open_page())
    first, last = open_app(PAGE, {"area1": "true"}), open_app(PAGE, {"area4": "true"})
    # Measure 1 (area 1) and measure 12 (area 4) each have one indicator chart.
    assert len(first.get("plotly_chart")) == len(last.get("plotly_chart")) == 2
    assert metrics(first) and metrics(last) and not metrics(first).keys() & metrics(last).keys()
    assert metrics(first).items() <= everything.items() and metrics(last).items() <= everything.items()
    assert "措施1　实施高校和科研机构专利转化提升工程" in [m.value.lstrip("# ") for m in first.markdown]
