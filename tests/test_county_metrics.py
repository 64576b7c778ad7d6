"""The counties page's figures against values worked out by hand from TINY (see conftest).

As of 2026-06-30 the plan period in force is the ended 2023–2025 one, so flows count from
2023-01-01. By hand, from conftest's tables:

* filings: F1, F2 by E1 (廉江); F3, F4 by E2 (霞山) → 廉江 2 filings / 1 enterprise, 霞山 2 / 1.
* patent contracts (C2 has no patent): C1 100 + C3 90 by U1 (赤坎), C4 40 by E1 (廉江),
  C5 60 by R1 (霞山).
* valid patents on 2026-06-30 by patent county: 赤坎 1, 3, 4, 11; 霞山 5, 6, 10; 廉江 8, 9
  (2 lapsed, 7 not granted).
* patent events since 2023: 赤坎 1, 3, 4, 11 (the 2022 implementation of 2 is earlier); 霞山 5, 6.
* events: a briefing in 赤坎 (120 people), a matching event in 廉江 (80).
* rules: 廉江 issued 2024-05-10, 徐闻 reported not issued, the others nothing reported.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from data_layer import county_metrics as cm
from data_layer.county_map import CountyMapError, load_geojson, short_name, tiles
from data_layer.ingest import import_bytes
from data_layer.scope import Scope
from ui import counties_charts as charts

AS_OF = dt.date(2026, 6, 30)
CHIKAN, XIASHAN, LIANJIANG, XUWEN = "440802", "440803", "440881", "440825"
POPULATION = {CHIKAN: 33.6, XIASHAN: 55.6, LIANJIANG: 149.0}
CITY_POPULATION = 33.6 + 55.6 + 35.6 + 49.1 + 88.6 + 70.4 + 149.0 + 142.7 + 93.1


def by_county(frame: pd.DataFrame, column: str) -> dict[str, float]:
    """The non-zero values of ``column`` per adcode."""
    return {a: v for a, v in zip(frame["adcode"], frame[column], strict=True) if v and not pd.isna(v)}


def test_every_county_gets_a_row_in_adcode_order(tiny_db):
    table = cm.county_metrics(tiny_db, Scope(as_of=AS_OF))
    assert list(table["adcode"]) == sorted(tiles())
    assert table.loc[table["adcode"] == LIANJIANG, "name_zh"].item() == "廉江市"


def test_flows_since_the_plan_began(tiny_db):
    table = cm.county_metrics(tiny_db, Scope(as_of=AS_OF))
    assert by_county(table, "filings") == {LIANJIANG: 2, XIASHAN: 2}
    assert by_county(table, "enterprises") == {LIANJIANG: 1, XIASHAN: 1}
    assert by_county(table, "turnover_10k") == {CHIKAN: 190.0, LIANJIANG: 40.0, XIASHAN: 60.0}
    assert by_county(table, "industrialization") == {CHIKAN: 4, XIASHAN: 2}
    assert by_county(table, "briefings") == {CHIKAN: 1}
    assert by_county(table, "matchings") == {LIANJIANG: 1}
    assert by_county(table, "events") == {CHIKAN: 1, LIANJIANG: 1}
    assert by_county(table, "participants") == {CHIKAN: 120, LIANJIANG: 80}


def test_valid_patents_per_10000_people(tiny_db):
    table = cm.county_metrics(tiny_db, Scope(as_of=AS_OF))
    assert by_county(table, "valid_patents") == {CHIKAN: 4, XIASHAN: 3, LIANJIANG: 2}
    assert by_county(table, "patents_per_10k") == {
        CHIKAN: round(4 / 33.6, 2),
        XIASHAN: round(3 / 55.6, 2),
        LIANJIANG: round(2 / 149.0, 2),
    }
    # A county without patents has a rate of 0, not a missing one.
    assert table.loc[table["adcode"] == XUWEN, "patents_per_10k"].item() == 0


def test_an_earlier_date_counts_less(tiny_db):
    table = cm.county_metrics(tiny_db, Scope(as_of=dt.date(2024, 12, 31)))
    assert by_county(table, "filings") == {LIANJIANG: 2}
    assert by_county(table, "turnover_10k") == {CHIKAN: 100.0}
    # Patent 2 lapsed on 2024-06-30, patent 4 is granted only in 2025.
    assert by_county(table, "valid_patents") == {CHIKAN: 3, XIASHAN: 3, LIANJIANG: 2}
    assert by_county(table, "industrialization") == {CHIKAN: 2, XIASHAN: 2}


def test_institution_kind_narrows_filings_contracts_patents_and_events(tiny_db):
    academic = cm.county_metrics(tiny_db, Scope(as_of=AS_OF, inst_kind="academic"))
    assert by_county(academic, "filings") == {}
    assert by_county(academic, "turnover_10k") == {CHIKAN: 190.0, XIASHAN: 60.0}
    # Held by the university or the institute: 赤坎 1, 3, 4, 11; 霞山 5, 6 (10 is E2's).
    assert by_county(academic, "valid_patents") == {CHIKAN: 4, XIASHAN: 2}
    assert by_county(academic, "industrialization") == {CHIKAN: 4, XIASHAN: 2}
    enterprise = cm.county_metrics(tiny_db, Scope(as_of=AS_OF, inst_kind="enterprise"))
    assert by_county(enterprise, "filings") == {LIANJIANG: 2, XIASHAN: 2}
    assert by_county(enterprise, "turnover_10k") == {LIANJIANG: 40.0}
    assert by_county(enterprise, "industrialization") == {}
    # Briefings and matching events do not depend on the filter.
    assert by_county(enterprise, "events") == {CHIKAN: 1, LIANJIANG: 1}


def test_patent_type_narrows_through_linked_patents(tiny_db):
    invention = cm.county_metrics(tiny_db, Scope(as_of=AS_OF, patent_type="invention"))
    assert by_county(invention, "filings") == {LIANJIANG: 1}  # F2 links invention 9
    assert by_county(invention, "turnover_10k") == {CHIKAN: 100.0}  # C1 links invention 1
    assert by_county(invention, "valid_patents") == {CHIKAN: 2, LIANJIANG: 1}  # 1, 4; 9
    assert by_county(invention, "industrialization") == {CHIKAN: 2}  # events of 1 and 4
    utility = cm.county_metrics(tiny_db, Scope(as_of=AS_OF, patent_type="utility_model"))
    assert by_county(utility, "filings") == {LIANJIANG: 1, XIASHAN: 2}
    assert by_county(utility, "turnover_10k") == {CHIKAN: 90.0, LIANJIANG: 40.0, XIASHAN: 60.0}


def test_rules_as_they_stood_on_the_date(tiny_db):
    table = cm.county_metrics(tiny_db, Scope(as_of=AS_OF))
    assert by_county(table, "rule_issued") == {LIANJIANG: True}
    assert table.loc[table["adcode"] == LIANJIANG, "rule_date"].item() == pd.Timestamp("2024-05-10")
    rules = cm.rules_table(tiny_db, Scope(as_of=AS_OF)).set_index("adcode")
    assert rules.loc[LIANJIANG, "status"] == "issued"
    assert rules.loc[LIANJIANG, "doc_no"] == "廉府办〔2024〕12号"
    assert rules.loc[XUWEN, "status"] == "not_issued"
    assert (rules.drop([LIANJIANG, XUWEN])["status"] == "no_record").all()
    # Before 2024-05-10 廉江's rules did not exist yet: not issued, and no title shown.
    before = cm.rules_table(tiny_db, Scope(as_of=dt.date(2024, 3, 31))).set_index("adcode")
    assert before.loc[LIANJIANG, "status"] == "not_issued"
    assert pd.isna(before.loc[LIANJIANG, "title"])
    early = cm.county_metrics(tiny_db, Scope(as_of=dt.date(2024, 3, 31)))
    assert not early["rule_issued"].any()


def test_city_reference_and_ranks(tiny_db):
    table = cm.county_metrics(tiny_db, Scope(as_of=AS_OF))
    reference = cm.city_reference(table)
    assert reference["filings"] == round(4 / 9, 2)
    assert reference["turnover"] == round(290 / 9, 2)
    assert reference["industrialization"] == round(6 / 9, 2)
    # Patents per 10,000: all valid patents over all people, not the mean of nine rates.
    assert reference["patents_per_10k"] == round(9 / CITY_POPULATION, 2)
    ranks = dict(zip(table["adcode"], cm.ranks(table, "filings"), strict=True))
    assert ranks[LIANJIANG] == ranks[XIASHAN] == 1
    assert ranks[CHIKAN] == 3


def test_zero_population_gives_no_rate(fresh_db):
    with fresh_db.transaction() as con:
        con.execute("UPDATE counties SET population_10k = 0 WHERE adcode = ?", [CHIKAN])
    table = cm.county_metrics(fresh_db, Scope(as_of=AS_OF))
    assert pd.isna(table.loc[table["adcode"] == CHIKAN, "patents_per_10k"].item())
    assert table.loc[table["adcode"] == CHIKAN, "valid_patents"].item() == 4
    yearly = cm.metric_by_year(fresh_db, Scope(as_of=AS_OF), "patents_per_10k")
    assert yearly.loc[yearly["adcode"] == CHIKAN, "value"].isna().all()
    assert charts.format_metric(None, "patents_per_10k", "zh") == "—"
    with fresh_db.transaction() as con:
        con.execute("UPDATE counties SET population_10k = 0")
    assert cm.city_reference(cm.county_metrics(fresh_db, Scope(as_of=AS_OF)))["patents_per_10k"] is None


def test_the_window_follows_the_plan_period_in_force(fresh_db, empty_db):
    assert cm.plan_start(fresh_db, AS_OF) == dt.date(2023, 1, 1)
    assert cm.plan_start(empty_db, AS_OF) == dt.date(2023, 1, 1)
    assert cm.plan_start(empty_db, dt.date(2022, 6, 30)) == dt.date(2022, 6, 30)
    follow_up = (
        "指标代码,规划期,起始日期,截止日期,基线年份,基线值,目标值,目标类型,单位,依据\n"
        "K1,2026-2028,2026-01-01,2028-12-31,,,80,超过,家,后续方案\n"
    ).encode()
    import_bytes(fresh_db, follow_up, "targets.csv", "targets", user="test")
    assert cm.plan_start(fresh_db, AS_OF) == dt.date(2026, 1, 1)
    table = cm.county_metrics(fresh_db, Scope(as_of=AS_OF))
    assert by_county(table, "filings") == {XIASHAN: 1}  # only F4 (2026-01-15)
    assert by_county(table, "turnover_10k") == {XIASHAN: 60.0}  # only C5 (2026-03-01)


def test_yearly_values(tiny_db):
    filings = cm.metric_by_year(tiny_db, Scope(as_of=AS_OF), "filings")
    assert len(filings) == 9 * 6 and sorted(set(filings["year"])) == list(range(2021, 2027))
    nonzero = filings[filings["value"] > 0]
    assert {
        (a, y): v for a, y, v in zip(nonzero["adcode"], nonzero["year"], nonzero["value"], strict=True)
    } == {
        (LIANJIANG, 2023): 1,
        (LIANJIANG, 2024): 1,
        (XIASHAN, 2025): 1,
        (XIASHAN, 2026): 1,
    }
    assert filings.loc[filings["year"] == 2026, "partial"].all()
    assert not filings.loc[filings["year"] < 2026, "partial"].any()
    turnover = cm.metric_by_year(tiny_db, Scope(as_of=AS_OF), "turnover")
    chikan = turnover[turnover["adcode"] == CHIKAN].set_index("year")["value"]
    assert chikan.to_dict() == {2021: 0, 2022: 0, 2023: 100.0, 2024: 0, 2025: 90.0, 2026: 0}
    uses = cm.metric_by_year(tiny_db, Scope(as_of=AS_OF), "industrialization")
    chikan = uses[uses["adcode"] == CHIKAN].set_index("year")["value"]
    assert chikan.to_dict() == {2021: 0, 2022: 1, 2023: 1, 2024: 1, 2025: 2, 2026: 0}
    events = cm.metric_by_year(tiny_db, Scope(as_of=AS_OF), "events")
    assert events["value"].sum() == 2


def test_yearly_patents_per_10000_is_the_stock_at_each_year_end(tiny_db):
    yearly = cm.metric_by_year(tiny_db, Scope(as_of=AS_OF), "patents_per_10k")
    chikan = yearly[yearly["adcode"] == CHIKAN].set_index("year")["value"].to_dict()
    # 2021: 1, 2; 2022–2023: 1, 2, 3, 11; 2024: 2 lapsed; 2025 on: 4 granted.
    counts = {2021: 2, 2022: 4, 2023: 4, 2024: 3, 2025: 4, 2026: 4}
    assert chikan == {year: round(n / POPULATION[CHIKAN], 2) for year, n in counts.items()}


def test_yearly_patents_per_10000_narrowed_to_universities_and_institutes(tiny_db):
    yearly = cm.metric_by_year(tiny_db, Scope(as_of=AS_OF, inst_kind="academic"), "patents_per_10k")
    values = yearly.set_index(["adcode", "year"])["value"]
    # 霞山: the institute's 5 (2021) and 6 (2022); E2's 10 (2023) is left out.
    assert [values[(XIASHAN, y)] for y in (2021, 2022, 2023)] == [
        round(n / POPULATION[XIASHAN], 2) for n in (1, 2, 2)
    ]
    # 赤坎: 11, held by the university and the institute together, counts once.
    assert values[(CHIKAN, 2026)] == round(4 / POPULATION[CHIKAN], 2)
    assert values[(LIANJIANG, 2026)] == 0


def test_a_year_end_date_has_no_partial_year_and_rules_have_no_years(tiny_db):
    yearly = cm.metric_by_year(tiny_db, Scope(as_of=dt.date(2025, 12, 31)), "filings")
    assert not yearly["partial"].any()
    with pytest.raises(ValueError):
        cm.metric_by_year(tiny_db, Scope(as_of=AS_OF), "rules")


def test_top_institutions(tiny_db):
    xiashan = cm.top_institutions(tiny_db, Scope(division=XIASHAN, as_of=AS_OF))
    # R1 holds 5, 6 and (jointly) 11; E2 holds 10 and filed F3, F4.
    assert list(xiashan["name"]) == ["湛江测试研究院", "霞山测试科技有限公司"]
    assert list(xiashan["valid_patents"]) == [3, 1]
    assert list(xiashan["filings"]) == [0, 2]
    assert list(xiashan["turnover_10k"]) == [60.0, 0.0]
    chikan = cm.top_institutions(tiny_db, Scope(division=CHIKAN, as_of=AS_OF, patent_type="invention"))
    assert chikan[["name", "valid_patents", "turnover_10k"]].values.tolist() == [["湛江测试大学", 2, 100.0]]
    assert cm.top_institutions(tiny_db, Scope(division=XUWEN, as_of=AS_OF)).empty


def test_page_data_holds_every_frame(tiny_db):
    data = cm.page_data(tiny_db, Scope(as_of=AS_OF))
    pd.testing.assert_frame_equal(data.by_year, cm.metric_by_year(tiny_db, Scope(as_of=AS_OF), "filings"))
    assert data.detail is None
    lianjiang = Scope(as_of=AS_OF, division=LIANJIANG)
    detail = cm.page_data(tiny_db, lianjiang, metric="rules")
    assert detail.by_year is None  # rules have no yearly figure
    pd.testing.assert_frame_equal(detail.metrics, cm.county_metrics(tiny_db, Scope(as_of=AS_OF)))
    pd.testing.assert_frame_equal(detail.detail.top_institutions, cm.top_institutions(tiny_db, lianjiang))
    assert list(detail.detail.turnover_by_year.columns) == ["adcode", "year", "value", "partial"]


def test_top_institutions_need_a_division(tiny_db):
    with pytest.raises(ValueError, match="division"):
        cm.top_institutions(tiny_db, Scope(as_of=AS_OF))


def test_an_empty_database_gives_zeros(empty_db):
    table = cm.county_metrics(empty_db, Scope(as_of=AS_OF))
    assert len(table) == 9
    assert (table[["filings", "turnover_10k", "valid_patents", "events"]] == 0).all().all()
    assert (cm.rules_table(empty_db, Scope(as_of=AS_OF))["status"] == "no_record").all()
    assert cm.metric_by_year(empty_db, Scope(as_of=AS_OF), "patents_per_10k")["value"].sum() == 0


# --- map and charts --------------------------------------------------------------------------


def test_tiles_keep_the_counties_relative_positions():
    column, row = {a: tiles()[a][0] for a in tiles()}, {a: tiles()[a][1] for a in tiles()}
    assert row["440881"] == 0 and column["440881"] == 0  # 廉江 north-west
    assert row["440883"] == 0 and column["440883"] == max(column.values())  # 吴川 north-east
    assert row["440825"] == max(row.values())  # 徐闻 far south
    assert row["440882"] > row["440823"]  # 雷州 south of 遂溪
    assert column["440804"] > column["440802"]  # 坡头 east of the core
    assert len(set(tiles().values())) == 9
    assert short_name("440881", "zh") == "廉江" and short_name("440881", "en") == "Lianjiang"


def test_values_are_formatted_with_units():
    assert charts.format_metric(1234, "filings", "zh") == "1,234 件"
    assert charts.format_metric(3.0, "enterprises", "en") == "3 enterprises"
    assert charts.format_metric(12.345, "patents_per_10k", "zh") == "12.3 件/万人"
    assert charts.format_metric(0.44, "filings", "zh", average=True) == "0.4 件"
    assert charts.format_metric(7, "events", "en") == "7 events"
    assert charts.format_metric(190.0, "turnover", "zh") == "190.0 万元"
    # One unit for an amount, however large, in tables, labels and the axis: 万元, or 10k yuan.
    assert charts.format_metric(17_776.7, "turnover", "zh") == "17,776.7 万元"
    assert charts.format_metric(1_234_567.8, "turnover", "en") == "1,234,567.8 10k yuan"
    assert charts.chart_label(17_776.7, "turnover", "zh") == "17,776.7 万元"
    assert charts.chart_label(17_776.7, "turnover", "en") == "17,776.7 10k yuan"
    assert charts.unit_note("turnover", "zh") == "单位：万元"
    assert charts.unit_note("turnover", "en") == "Unit: 10k yuan"
    assert charts.chart_label(3, "filings", "zh") == "3 件"


def test_tile_map_draws_nine_clickable_tiles(tiny_db):
    table = cm.county_metrics(tiny_db, Scope(as_of=AS_OF))
    fig = charts.tile_map(table, metric="filings", lang="zh", title="T", subtitle="S", highlight=LIANJIANG)
    assert len(fig.layout.shapes) == 9
    widths = [shape.line.width for shape in fig.layout.shapes]
    assert widths.count(4) == 1  # only the highlighted county is outlined
    clickable = [trace for trace in fig.data if trace.customdata is not None]
    assert len(clickable) == 1 and sorted(clickable[0].customdata) == sorted(tiles())
    labels = next(trace.text for trace in fig.data if trace.mode == "text")
    assert any("廉江" in label and "2<br>件" in label for label in labels)
    assert not any(trace.type.startswith("choropleth") for trace in fig.data)  # nothing fetched
    rules = charts.tile_map(table, metric="rules", lang="en", title="T", subtitle="S")
    assert any(
        "Issued<br>2024-05" in label for label in next(tr.text for tr in rules.data if tr.mode == "text")
    )


def rectangles(tmp_path, skip: tuple[str, ...] = (), numeric: bool = True):
    """A hand-made FeatureCollection: one rectangle per county on the tile grid (not real borders)."""
    features = []
    for adcode, (column, row) in tiles().items():
        if adcode in skip:
            continue
        x, y = 110.0 + column * 0.2, 21.6 - row * 0.2
        ring = [[x, y], [x + 0.2, y], [x + 0.2, y - 0.2], [x, y - 0.2], [x, y]]
        features.append(
            {
                "type": "Feature",
                "properties": {"adcode": int(adcode) if numeric else adcode, "name": "x"},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    features.append(
        {"type": "Feature", "properties": {"adcode": 440100}, "geometry": features[0]["geometry"]}
    )
    path = tmp_path / "counties.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_configured_geojson_is_loaded_and_drawn_offline(tiny_db, tmp_path):
    geo = load_geojson(rectangles(tmp_path, skip=(XUWEN,)))
    assert len(geo.geojson["features"]) == 8  # 广州's feature dropped
    assert {f["properties"]["adcode"] for f in geo.geojson["features"]} == set(tiles()) - {XUWEN}
    assert geo.missing == (XUWEN,)
    assert 110.0 < geo.center[0] < 110.8 and 20.8 < geo.center[1] < 21.6
    assert 6 < geo.zoom < 12
    table = cm.county_metrics(tiny_db, Scope(as_of=AS_OF))
    fig = charts.geo_map(table, geo, metric="turnover", lang="zh", title="T", subtitle="S", highlight=CHIKAN)
    assert fig.data[0].type == "choroplethmap"
    assert fig.data[0].featureidkey == "properties.adcode"
    assert list(fig.data[0].customdata) == list(table["adcode"])
    assert fig.layout.map.style == "white-bg"  # no tiles from the internet
    assert list(fig.data[1].locations) == [CHIKAN] and fig.data[1].marker.line.width == 4


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (None, "not_found"),
        ("{not json", "unreadable"),
        ('{"type": "Feature"}', "not_feature_collection"),
        ('{"type": "FeatureCollection", "features": [{"properties": {"adcode": 110000}}]}', "no_counties"),
    ],
)
def test_an_unusable_geojson_says_why(tmp_path, content, code):
    path = tmp_path / "map.geojson"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CountyMapError) as caught:
        load_geojson(path)
    assert caught.value.code == code


def test_ranking_small_multiples_and_rules_charts(tiny_db):
    table = cm.county_metrics(tiny_db, Scope(as_of=AS_OF))
    fig = charts.ranking_bar(
        table,
        metric="turnover",
        lang="zh",
        title="T",
        subtitle="S",
        reference=cm.city_reference(table)["turnover"],
        reference_label="区县平均",
        highlight=XIASHAN,
    )
    bars = fig.data[0]
    assert list(bars.y)[-1] == "赤坎区" and list(bars.x)[-1] == 190.0  # largest on top
    assert list(bars.customdata)[-1] == CHIKAN
    assert fig.data[1].name == "区县平均 32.2 万元"
    english = charts.ranking_bar(
        table,
        metric="turnover",
        lang="en",
        title="T",
        subtitle="S",
        reference=cm.city_reference(table)["turnover"],
        reference_label="County average",
    )
    # The English axis counts in 10k yuan as its labels do (no rescaling to millions).
    assert list(english.data[0].x)[-1] == 190.0 and list(english.data[0].text)[-1] == "190.0 10k yuan"
    # The average is a line beneath the bars (their value labels stay legible), named in the legend.
    (line,) = english.layout.shapes
    assert (line.x0, line.x1, line.layer) == (32.22, 32.22, "below")
    assert english.data[1].name == "County average 32.2 10k yuan"
    yearly = cm.metric_by_year(tiny_db, Scope(as_of=AS_OF), "filings")
    multiples = charts.small_multiples(
        yearly, order=list(table["adcode"]), metric="filings", lang="en", title="T", subtitle="S"
    )
    lines = [trace for trace in multiples.data if trace.mode == "lines+markers"]
    assert len(lines) == 9 and {trace.customdata[0] for trace in lines} == set(tiles())
    timeline = charts.rules_timeline(
        cm.rules_table(tiny_db, Scope(as_of=AS_OF)), lang="zh", title="T", subtitle="S", as_of=AS_OF
    )
    assert list(timeline.data[0].customdata) == [LIANJIANG]
    assert len(timeline.data[1].customdata) == 8
