"""The counties page under AppTest: both languages, every filter, the drill-down, no data, a GeoJSON map."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from data_layer import county_metrics as cm
from data_layer.county_map import GEOJSON_ENV, tiles
from data_layer.db import Database
from data_layer.i18n import t
from data_layer.scope import Scope
from ui import counties_charts as charts

from .apptest import open_app, open_as_staff

AS_OF = "2026-06-30"
LIANJIANG, CHIKAN = "440881", "440802"


def run_page(query: dict | None = None) -> AppTest:
    return open_app("views/counties.py", query)


def table_with(at: AppTest, column: str):
    """The first dataframe shown that has ``column``."""
    frames = [element.value for element in at.dataframe if column in element.value.columns]
    assert frames, f"no table with {column!r}"
    return frames[0]


def charts_json(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_comparison_table_shows_the_data_layer_numbers(app_env, tiny_db, lang):
    at = run_page({"lang": lang} if lang == "en" else None)
    expected = cm.county_metrics(tiny_db, Scope(as_of=dt.date.fromisoformat(AS_OF)))
    shown = table_with(at, "区县" if lang == "zh" else "County")
    filings = "备案数（件）" if lang == "zh" else "Filings (items)"
    turnover = "涉专利合同成交额（万元）" if lang == "zh" else "Patent contract turnover (10k yuan)"
    assert list(shown[filings]) == list(expected["filings"])
    assert list(shown[turnover]) == list(expected["turnover_10k"])
    assert list(shown.iloc[:, 0]) == [charts.county_name(a, lang) for a in expected["adcode"]]
    assert at.title[0].value == ("区县对比" if lang == "zh" else "Counties")
    assert len(at.get("plotly_chart")) == 3  # map, ranking, small multiples
    assert t("ui.counties.map_schematic", lang) in captions(at)  # the map says it is schematic
    assert "DASHBOARD_" not in captions(at)  # how to configure a map is for the README
    assert "counties.back" not in [b.key for b in at.button]  # no detail open


def test_map_tiles_and_ranking_carry_the_values(app_env, tiny_db):
    at = run_page({"county_metric": "turnover"})
    assert at.selectbox(key="counties.metric").value == "turnover"
    tile_map, ranking, _ = charts_json(at)
    labels = next(trace["text"] for trace in tile_map["data"] if trace.get("mode") == "text")
    assert any("赤坎" in label and "190.0<br>万元" in label for label in labels)
    bars = ranking["data"][0]
    assert dict(zip(bars["customdata"], bars["x"], strict=True))[CHIKAN] == 190.0
    assert ranking["data"][1]["name"] == f"区县平均 {charts.chart_label(290 / 9, 'turnover', 'zh')}"


def test_period_filter(app_env, tiny_db):
    at = run_page({"period": "2024"})
    expected = cm.county_metrics(tiny_db, Scope(as_of=dt.date(2024, 12, 31)))
    shown = table_with(at, "区县")
    assert list(shown["备案数（件）"]) == list(expected["filings"])
    assert list(shown["有效专利（件）"]) == list(expected["valid_patents"])
    assert "2023-01-01 至 2024-12-31" in captions(at)


def test_institution_kind_and_patent_type_filters(app_env, tiny_db):
    at = run_page({"inst_kind": "academic", "patent_type": "invention"})
    expected = cm.county_metrics(
        tiny_db, Scope(as_of=dt.date.fromisoformat(AS_OF), inst_kind="academic", patent_type="invention")
    )
    shown = table_with(at, "区县")
    assert list(shown["有效专利（件）"]) == list(expected["valid_patents"])
    assert list(shown["涉专利合同成交额（万元）"]) == list(expected["turnover_10k"])
    # Briefings are not narrowed by either filter, and the page says so.
    assert list(shown["政策宣讲会（场）"]) == list(
        cm.county_metrics(tiny_db, Scope(as_of=dt.date(2026, 6, 30)))["briefings"]
    )
    assert "本页不按单位类型（高校和科研院所）、专利类型（发明）筛选" in captions(at)


def test_without_filters_no_filter_note(app_env):
    assert "本页不按" not in captions(run_page())


def test_county_filter_highlights_and_opens_the_detail(app_env):
    at = run_page({"county": LIANJIANG})
    assert at.subheader[0].value == "区县详情：廉江市"
    assert "侧栏已选廉江市" in captions(at)
    tile_map = charts_json(at)[0]
    outlined = [shape for shape in tile_map["layout"]["shapes"] if shape["line"]["width"] == 4]
    assert len(outlined) == 1


def test_drill_down_by_query_param_and_back(app_env, tiny_db):
    at = run_page({"county_detail": CHIKAN, "lang": "en"})
    assert at.subheader[0].value == "County detail: Chikan District"
    compared = table_with(at, "Measure")
    table = cm.county_metrics(tiny_db, Scope(as_of=dt.date.fromisoformat(AS_OF)))
    reference = cm.city_reference(table)
    row = compared.set_index("Measure").loc["Patent-related contract turnover"]
    assert row["This county"] == charts.format_metric(190.0, "turnover", "en")
    assert row["City reference"] == charts.format_metric(
        reference["turnover"], "turnover", "en", average=True
    )
    assert row["Rank"] == "1 of 9"
    top = table_with(at, "Institution")
    assert list(top["Institution"]) == ["湛江测试大学"]
    assert any("Implementation rules: nothing reported yet." in m.value for m in at.markdown)
    assert len(at.get("plotly_chart")) == 5  # plus filings and turnover by year
    at.button(key="counties.back").click().run()
    assert not at.exception
    assert "county_detail" not in at.query_params
    assert not any(s.value.startswith("County detail") for s in at.subheader)


def test_choosing_a_county_in_the_sidebar_replaces_a_clicked_detail(app_env):
    at = run_page({"county_detail": CHIKAN})
    assert at.subheader[0].value == "区县详情：赤坎区"
    at.selectbox(key="county").set_value(LIANJIANG).run()
    assert at.subheader[0].value == "区县详情：廉江市"
    assert "county_detail" not in at.query_params


def test_detail_names_the_rule(app_env):
    at = run_page({"county_detail": LIANJIANG})
    assert any(
        "实施细则：已于 2024-05-10 印发《廉江市专利转化运用专项行动实施细则》（廉府办〔2024〕12号）"
        in m.value
        for m in at.markdown
    )


def test_a_bad_detail_or_metric_in_the_url_is_ignored(app_env):
    at = run_page({"county_detail": "999999", "county_metric": "nonsense"})
    assert not any(s.value.startswith("区县详情") for s in at.subheader)
    assert at.selectbox(key="counties.metric").value == "filings"


def test_rules_metric_shows_the_timeline_and_the_rules_table(app_env):
    at = run_page({"county_metric": "rules"})
    assert len(at.get("plotly_chart")) == 2  # no yearly figure for rules
    assert any("实施细则没有逐年数据" in i.value for i in at.info)
    rules = table_with(at, "文号")
    assert rules.set_index("区县").loc["廉江市", "实施细则"] == "已印发"
    assert rules.set_index("区县").loc["徐闻县", "实施细则"] == "未印发"
    assert rules.set_index("区县").loc["赤坎区", "实施细则"] == "未报送"
    assert "截至 2026-06-30，9 个区县中 1 个已印发实施细则。" in captions(at)


@pytest.mark.parametrize("metric", ["enterprises", "patents_per_10k", "industrialization", "events"])
def test_every_metric_draws(app_env, metric):
    at = run_page({"county_metric": metric, "lang": "en"})
    assert len(at.get("plotly_chart")) == 3


def test_empty_database_says_no_data(tmp_path, monkeypatch):
    path = tmp_path / "empty.duckdb"
    Database(path).close()
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    at = run_page()
    assert any("尚无数据" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 0


def test_a_configured_geojson_replaces_the_schematic_map(app_env, tmp_path, monkeypatch):
    features = [
        {
            "type": "Feature",
            "properties": {"adcode": adcode},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[110 + c, 21 - r], [110.9 + c, 21 - r], [110.9 + c, 20.1 - r], [110 + c, 21 - r]]
                ],
            },
        }
        for adcode, (c, r) in tiles().items()
    ]
    path = tmp_path / "approved.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    monkeypatch.setenv(GEOJSON_ENV, str(path))
    at = run_page()
    assert charts_json(at)[0]["data"][0]["type"] == "choroplethmap"
    assert t("ui.counties.map_geojson", "zh") in captions(at)
    # Which file and which setting is for staff, not for the leaders who read the page.
    assert str(path) not in captions(at) and GEOJSON_ENV not in captions(at)
    assert str(path) in captions(open_as_staff("views/counties.py"))
    monkeypatch.setenv(GEOJSON_ENV, str(tmp_path / "missing.geojson"))
    at = run_page()
    assert [w.value for w in at.warning] == [t("ui.counties.map_unusable", "zh")]
    assert charts_json(at)[0]["data"][0]["type"] == "scatter"
    staff = open_as_staff("views/counties.py")
    assert any("找不到地图文件" in w.value and "missing.geojson" in w.value for w in staff.warning)
