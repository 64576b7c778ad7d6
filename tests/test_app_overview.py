"""The overview page under AppTest: both languages, filters, numbers match the data layer."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from data_layer.db import Database
from data_layer.kpis import compute_kpis
from data_layer.scope import Scope
from ui.kpi_view import card

from .apptest import open_app

AS_OF = "2026-06-30"


def run_app(query: dict | None = None) -> AppTest:
    return open_app(None, query)


def badges(at: AppTest) -> list[str]:
    """Labels of st.badge elements (they render as ``:color-badge[:icon: label]`` markdown)."""
    found = []
    for element in at.markdown:
        for label in re.findall(r":[a-z]+-badge\[(.*?)\]", element.value):
            found.append(re.sub(r"^:material/[a-z_]+:\s*", "", label))
    return found


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def expected_cards(db, as_of, county, lang):
    """The cards the data layer gives for the same data (the app runs on a copy of tiny_db)."""
    return [card(k, lang) for k in compute_kpis(db, Scope(as_of=as_of, division=county))]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_shows_the_data_layer_numbers(app_env, tiny_db, lang):
    at = run_app({"lang": lang} if lang == "en" else None)
    cards = expected_cards(tiny_db, dt.date.fromisoformat(AS_OF), None, lang)
    assert metric_values(at) == {c.title: c.value for c in cards}
    assert len(at.get("plotly_chart")) == 5
    assert {c.status_label for c in cards} <= set(badges(at))
    title = "专项行动总览" if lang == "zh" else "Special action overview"
    assert at.title[0].value == title


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_opens_with_one_line_and_a_badge_per_target(app_env, tiny_db, lang):
    at = run_app({"lang": lang} if lang == "en" else None)
    kpis = compute_kpis(tiny_db, Scope(as_of=dt.date.fromisoformat(AS_OF)))
    met = sum(k.status == "met" for k in kpis)
    line = next(m.value for m in at.markdown if m.value.startswith("**"))
    expected = f"{len(kpis)} 项目标：" if lang == "zh" else f"{len(kpis)} targets: "
    assert line.startswith(f"**{expected}")
    assert (f"{met} 项已达标" if lang == "zh" else f"{met} Met") in line
    # The row of badges comes before the cards: one per KPI, code and status.
    row = badges(at)[: len(kpis)]
    assert row == [f"{k.code} {card(k, lang).status_label}" for k in kpis]


def test_county_and_period_filters(app_env, tiny_db):
    at = run_app({"county": "440881", "period": "2025"})
    assert at.selectbox(key="county").value == "440881"
    assert at.selectbox(key="period").value == "2025"
    cards = expected_cards(tiny_db, dt.date(2025, 12, 31), "440881", "zh")
    assert metric_values(at) == {c.title: c.value for c in cards}
    assert metric_values(at)["备案产品数"] == "2 件"


def test_changing_a_filter_updates_numbers(app_env):
    at = run_app()
    assert metric_values(at)["备案产品数"] == "4 件"
    at.selectbox(key="period").set_value("2024").run()
    assert metric_values(at)["备案产品数"] == "2 件"
    assert at.caption[0].value.startswith("范围：全市｜统计时点：2024年末")


def test_language_switch(app_env):
    at = run_app()
    assert "备案产品数" in metric_values(at)
    at.segmented_control(key="lang").set_value("en").run()
    assert "Filed products" in metric_values(at)


def test_bad_url_values_are_ignored(app_env):
    at = run_app({"county": "999999", "period": "1999Q9", "lang": "xx"})
    assert at.selectbox(key="county").value == ""
    assert at.selectbox(key="period").value == "latest"


def test_sample_marker_only_on_sample_database(app_env, tmp_path, monkeypatch, tiny_dir):
    at = run_app()
    assert "示例数据" not in badges(at)
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(tmp_path / "new" / "sample.duckdb"))
    monkeypatch.setenv("DASHBOARD_SAMPLE_DIR", str(tiny_dir))
    at = run_app()
    assert "示例数据" in badges(at)
    assert (tmp_path / "new" / "sample.duckdb").exists()


def test_empty_database_says_no_data(tmp_path, monkeypatch):
    path = tmp_path / "empty.duckdb"
    Database(path).close()
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    at = run_app()
    assert any("尚无数据" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 0


def test_filters_the_targets_do_not_take_are_named(app_env):
    at = run_app({"inst_kind": "city_soe", "patent_type": "design"})
    assert any("本页不按单位类型、专利类型筛选" in c.value for c in at.caption)
    plain = run_app()
    assert not any("本页不按" in c.value for c in plain.caption)
