"""Measure statuses and the figures computed for measures, against values worked out by hand
on the tiny dataset (tests/conftest.py) plus rows imported here."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data_layer import measure_progress as mp
from data_layer.i18n import TEXT
from data_layer.ingest import import_bytes
from data_layer.kpis import compute_kpis
from data_layer.measures import measures
from data_layer.scope import Scope
from data_layer.statuses import STATUSES

from .conftest import E1, S1, app_no, write_csv

AS_OF = dt.date(2026, 6, 30)
START = dt.date(2023, 1, 1)


def import_rows(db, kind: str, rows: list[list[str]], tmp_path) -> None:
    path = write_csv(tmp_path / f"{kind}.csv", rows)
    import_bytes(db, path.read_bytes(), path.name, kind, user="test")


def figures(db, as_of=AS_OF, **filters) -> dict[str, float | None]:
    frame = mp.computed_figures(db, Scope(as_of=as_of, **filters))
    return {f: (None if pd.isna(v) else v) for f, v in zip(frame["figure"], frame["value"], strict=True)}


# --- quarters --------------------------------------------------------------------------------


def test_quarters_end_with_the_last_quarter_ended_on_the_date():
    assert mp.last_ended_quarter(dt.date(2026, 6, 30)) == "2026Q2"
    assert mp.last_ended_quarter(dt.date(2026, 6, 29)) == "2026Q1"
    assert mp.last_ended_quarter(dt.date(2026, 1, 1)) == "2025Q4"
    assert mp.quarter_range("2025Q3", "2026Q1") == ["2025Q3", "2025Q4", "2026Q1"]
    assert mp.quarter_range("2026Q2", "2026Q1") == []
    assert mp.quarter_end("2025Q4") == dt.date(2025, 12, 31)


def test_quarters_shown_run_from_the_plan_start(tiny_db):
    quarters = mp.quarters_shown(tiny_db, AS_OF)
    assert quarters[0] == "2023Q1" and quarters[-1] == "2026Q2" and len(quarters) == 14
    assert mp.plan_start(tiny_db, AS_OF) == START


def test_plan_start_without_targets_falls_back_to_2023(empty_db):
    assert mp.plan_start(empty_db, AS_OF) == dt.date(2023, 1, 1)


# --- statuses --------------------------------------------------------------------------------


def test_tiny_statuses(tiny_db):
    grid = mp.measure_statuses(tiny_db, as_of=AS_OF)
    assert len(grid) == 12 * 14
    status = grid.set_index(["measure", "quarter"])["status"]
    assert status[(1, "2025Q4")] == "missed"  # 4 < 5 in the quarter of the 2025-12-31 deadline
    assert status[(12, "2025Q4")] == "no_target"
    assert status[(1, "2025Q3")] == "no_data"
    assert (grid[~grid["measure"].isin([1, 12])]["status"] == "no_data").all()
    rows = mp.indicator_statuses(tiny_db, as_of=AS_OF)
    assert list(rows["status"]) == ["missed", "no_target"]
    assert mp.deadline_quarters(tiny_db, mp.quarters_shown(tiny_db, AS_OF)) == ["2025Q4"]


def test_rows_after_the_date_are_left_out(tiny_db):
    as_of = dt.date(2025, 12, 30)  # 2025Q4 has not ended
    assert mp.indicator_statuses(tiny_db, as_of=as_of).empty
    grid = mp.measure_statuses(tiny_db, as_of=as_of)
    assert grid["quarter"].max() == "2025Q3"
    assert (grid["status"] == "no_data").all()


# --- judging a quarter against the plan's path ------------------------------------------------

PLAN = [(dt.date(2023, 1, 1), dt.date(2025, 12, 31))]
DAYS = (dt.date(2025, 12, 31) - dt.date(2023, 1, 1)).days  # 1095


def judged(*rows, periods=PLAN) -> dict[str, tuple[float, str]]:
    """Judge one indicator's (quarter, value, target, milestone, baseline, unit) rows by hand."""
    frame = pd.DataFrame(
        [(7, "A", q, unit, v, tg, ms, bl, "市科技局", None) for q, v, tg, ms, bl, unit in rows],
        columns=[
            "measure",
            "indicator",
            "quarter",
            "unit",
            "value",
            "target",
            "milestone",
            "baseline",
            "department",
            "note",
        ],
    )
    out = mp.judge(
        frame.astype({"value": float, "target": float, "milestone": float, "baseline": float}), periods
    )
    return {r.quarter: (r.expected, r.status) for r in out.itertuples()}


def path(day: dt.date, start_value: float, end_value: float) -> float:
    return start_value + (end_value - start_value) * (day - dt.date(2023, 1, 1)).days / DAYS


N = float("nan")


def test_a_count_without_milestones_follows_the_straight_line_from_zero():
    got = judged(("2023Q4", 30, 120, N, N, "件"), ("2024Q4", 90, 120, N, N, "件"))
    # 2023-12-31: 364 of 1095 days, so 120 * 364/1095 = 39.9 is due: 30 is behind.
    assert got["2023Q4"] == (pytest.approx(path(dt.date(2023, 12, 31), 0, 120)), "behind")
    # 2024-12-31: 730 days, 80 due: 90 is on track, though far from the end target of 120.
    assert got["2024Q4"] == (pytest.approx(80.0, abs=0.01), "on_track")


def test_a_quarter_with_a_milestone_is_judged_against_it():
    got = judged(
        ("2023Q4", 25, 120, 20, N, "件"),  # below the straight line (39.9) but above its milestone
        ("2024Q2", 50, 120, N, N, "件"),  # between the milestones 20 (2023-12-31) and 100 (2024-12-31)
        ("2024Q4", 95, 120, 100, N, "件"),  # above the straight line (80) but short of its milestone
    )
    assert got["2023Q4"] == (20, "on_track")
    between = 20 + (100 - 20) * (dt.date(2024, 6, 30) - dt.date(2023, 12, 31)).days / 366
    assert got["2024Q2"] == (pytest.approx(between), "behind")  # 59.8 due on 2024-06-30
    assert got["2024Q4"] == (100, "behind")


def test_a_given_baseline_starts_the_path():
    got = judged(("2023Q1", 86, 95, N, 85, "%"), ("2024Q4", 90, 95, N, N, "%"))
    assert got["2024Q4"] == (pytest.approx(path(dt.date(2024, 12, 31), 85, 95)), "behind")  # 91.7 due
    assert got["2023Q1"][1] == "on_track"  # 86 >= 85.7


def test_a_percentage_without_baseline_starts_from_its_first_report():
    got = judged(("2023Q2", 8.0, 10.0, N, N, "%"), ("2024Q2", 8.5, 10.0, N, N, "%"))
    assert got["2023Q2"] == (8.0, "on_track")
    first, end = dt.date(2023, 6, 30), dt.date(2025, 12, 31)
    due = 8.0 + 2.0 * (dt.date(2024, 6, 30) - first).days / (end - first).days
    assert got["2024Q2"] == (pytest.approx(due), "behind")  # 8.8 due


def test_the_target_reached_early_is_met():
    assert judged(("2024Q1", 130, 120, N, N, "件"))["2024Q1"] == (120, "met")


def test_at_and_after_the_deadline_met_met_late_or_missed():
    short = judged(
        ("2025Q4", 110, 120, N, N, "件"), ("2026Q1", 125, 120, N, N, "件"), ("2026Q2", 118, 120, N, N, "件")
    )
    assert short == {"2025Q4": (120, "missed"), "2026Q1": (120, "met_late"), "2026Q2": (120, "missed")}
    in_time = judged(("2025Q4", 120, 120, N, N, "件"), ("2026Q1", 125, 120, N, N, "件"))
    assert [s for _, s in in_time.values()] == ["met", "met"]


def test_a_row_without_target_or_milestone_has_no_target():
    got = judged(("2024Q1", 5, N, N, N, "件"), ("2024Q2", 5, N, 4, N, "件"))
    assert got["2024Q1"][1] == "no_target"
    assert got["2024Q2"] == (4, "on_track")  # a milestone alone is still a test


def test_each_quarter_takes_its_own_plan_period():
    periods = [*PLAN, (dt.date(2026, 1, 1), dt.date(2027, 12, 31))]
    got = judged(("2025Q4", 100, 120, N, N, "件"), ("2026Q2", 20, 80, N, N, "件"), periods=periods)
    assert got["2025Q4"] == (120, "missed")
    # The 2026-2027 plan: 80 by 2027-12-31 from 0 on 2026-01-01; 2026-06-30 is 180 of 729 days.
    assert got["2026Q2"] == (pytest.approx(80 * 180 / 729), "on_track")
    assert mp.period_for(dt.date(2028, 3, 31), periods) == periods[1]
    assert mp.period_for(dt.date(2022, 3, 31), periods) == periods[0]


INDICATOR_HEADER = ["措施编号", "指标名称", "季度", "单位", "数值", "目标值", "责任单位", "进展说明"]


@pytest.fixture
def measure7(fresh_db, tmp_path):
    """Measure 7 with two indicators A and B over four quarters (the last after AS_OF)."""
    import_rows(
        fresh_db,
        "indicators",
        [
            INDICATOR_HEADER,
            ["7", "A", "2025Q3", "项", "10", "10", "市工业和信息化局", "按计划推进"],
            ["7", "B", "2025Q3", "项", "5", "8", "市科技局", ""],
            ["7", "A", "2025Q4", "项", "12", "10", "市工业和信息化局", ""],
            ["7", "B", "2025Q4", "项", "9", "", "市科技局", "目标待定"],
            ["7", "A", "2026Q1", "项", "12", "10", "市工业和信息化局", "已完成"],
            ["7", "A", "2026Q3", "项", "1", "10", "市工业和信息化局", "以后的季度"],
        ],
        tmp_path,
    )
    return fresh_db


def test_measure_status_is_the_worst_judged_indicator(measure7):
    grid = mp.measure_statuses(measure7, as_of=AS_OF).set_index(["measure", "quarter"])
    q3, q4, q1, q2 = (grid.loc[(7, q)] for q in ("2025Q3", "2025Q4", "2026Q1", "2026Q2"))
    # 2025Q3: A met (10 of 10); B 5 where the straight line to 8 asks 7.3: behind.
    assert (q3["status"], q3["met"], q3["behind"], q3["reported"], q3["known"]) == ("behind", 1, 1, 2, 2)
    # 2025Q4: B has no target, so the judged A decides.
    assert (q4["status"], q4["met"], q4["no_target"]) == ("met", 1, 1)
    assert (q1["status"], q1["reported"], q1["known"]) == ("met", 1, 2)
    assert (q2["status"], q2["reported"]) == ("no_data", 0)
    assert "2026Q3" not in grid.loc[7].index


def test_worst_status_order():
    from collections import namedtuple

    counts = namedtuple("Counts", mp.COUNTED)
    assert mp._worst(counts(met=2, met_late=1, on_track=1, behind=0, missed=0, no_target=3)) == "on_track"
    assert mp._worst(counts(met=1, met_late=0, on_track=1, behind=1, missed=1, no_target=0)) == "missed"
    assert mp._worst(counts(met=1, met_late=1, on_track=0, behind=0, missed=0, no_target=0)) == "met_late"
    assert mp._worst(counts(0, 0, 0, 0, 0, 2)) == "no_target"
    assert mp._worst(counts(0, 0, 0, 0, 0, 0)) == "no_data"


def test_value_equal_to_target_is_met(measure7):
    rows = mp.indicator_statuses(measure7, as_of=AS_OF)
    first = rows[(rows["indicator"] == "A") & (rows["quarter"] == "2025Q3")].iloc[0]
    assert (first["value"], first["target"], first["status"]) == (10, 10, "met")


def test_an_assumed_baseline_is_reported_and_milestones_are_stored(fresh_db, tmp_path):
    path = write_csv(
        tmp_path / "indicators.csv",
        [
            [*INDICATOR_HEADER, "阶段目标", "基线值"],
            ["7", "A", "2024Q4", "项", "6", "10", "市科技局", "", "5", ""],
            ["7", "A", "2025Q1", "项", "7", "10", "市科技局", "", "", ""],
            ["7", "B", "2024Q4", "%", "50", "60", "市科技局", "", "", "40"],
            ["7", "C", "2024Q4", "项", "1", "", "市科技局", "", "", ""],
        ],
    )
    result = import_bytes(fresh_db, path.read_bytes(), path.name, "indicators", user="test")
    assumed = [p for p in result.warnings if p.reason == "derived_baseline_assumed"]
    assert [(p.column, p.value) for p in assumed] == [("基线值", "1")]  # A 2025Q1 only
    rows = mp.indicator_statuses(fresh_db, as_of=AS_OF).set_index(["indicator", "quarter"])
    assert rows.loc[("A", "2024Q4"), ["milestone", "expected", "status"]].tolist() == [5, 5, "on_track"]
    assert rows.loc[("B", "2024Q4"), "baseline"] == 40


def test_latest_values_notes_and_departments(measure7):
    latest = mp.indicator_latest(mp.indicator_statuses(measure7, as_of=AS_OF)).set_index(
        ["measure", "indicator"]
    )
    a, b = latest.loc[(7, "A")], latest.loc[(7, "B")]
    assert (a["quarter"], a["value"], a["status"], a["note"], a["note_quarter"]) == (
        "2026Q1",
        12,
        "met",
        "已完成",
        "2026Q1",
    )
    assert (b["quarter"], b["status"], b["note"], b["note_quarter"]) == (
        "2025Q4",
        "no_target",
        "目标待定",
        "2025Q4",
    )
    departments = mp.measure_departments(measure7, as_of=AS_OF).set_index("measure")["departments"]
    assert departments[7] == "市工业和信息化局、市科技局"
    assert departments[1] == "市科技局"


def test_all_sample_indicators_are_higher_is_better():
    """The status rule assumes higher is better; the bundled indicators are counts, amounts or rates."""
    from pathlib import Path

    frame = pd.read_csv(Path(__file__).parent.parent / "sample_data" / "indicators.csv")
    assert set(frame["单位"]) <= {"件", "项", "家", "万元", "%", "场"}
    # Rates are completion or industrialization rates, where more is better.
    assert all(("率" in name) for name in frame.loc[frame["单位"] == "%", "指标名称"].unique())


# --- computed figures ------------------------------------------------------------------------


def test_figures_on_the_tiny_data(tiny_db):
    got = figures(tiny_db)
    # Valid U1/R1 patents on 2026-06-30: 1, 3, 4, 5, 6, 11 (2 lapsed, 7 not granted);
    # industrialized: 1 (transfer), 4 (implemented), 5 (licensed, in production), 11 (transfer).
    assert got["academic_rate"] == pytest.approx(66.67)
    assert got["academic_deals"] == 4  # 1, 3, 5, 11 transferred or licensed since 2023
    assert got["soe_rate"] is None  # S1 holds no patent: zero denominator
    assert got["soe_industrialized"] == 0
    assert (got["filed_products"], got["filing_enterprises"]) == (4, 2)
    # Local counterparties without a registered code count city-wide: 5 licensed, 1 transferred.
    assert (got["local_licensed"], got["local_transferred"]) == (1, 1)
    assert (got["pledges"], got["pledge_amount"], got["pledge_enterprises"]) == (1, 300, 1)


def test_rate_matches_the_overview_k4(tiny_db):
    k4 = next(k for k in compute_kpis(tiny_db, Scope(as_of=AS_OF)) if k.code == "K4")
    frame = mp.computed_figures(tiny_db, Scope(as_of=AS_OF)).set_index("figure")
    assert frame.loc["academic_rate", "value"] == pytest.approx(k4.value)
    assert (frame.loc["academic_rate", "part"], frame.loc["academic_rate", "whole"]) == (4, 6)


def test_figures_by_county(tiny_db):
    chikan = figures(tiny_db, division="440802")  # U1
    assert chikan["academic_deals"] == 3  # 1, 3, 11
    assert chikan["pledges"] == 0 and chikan["pledge_amount"] == 0
    xiashan = figures(tiny_db, division="440803")  # R1, E2
    assert xiashan["academic_deals"] == 1  # 5
    assert (xiashan["pledges"], xiashan["pledge_amount"]) == (1, 300)
    assert (xiashan["filed_products"], xiashan["filing_enterprises"]) == (2, 1)  # F3, F4 by E2
    # A receiver named as an institution of the city is matched to it by name, so its county
    # counts: the transfer of 1 to 霞山测试科技有限公司 (E2, 霞山区).
    assert (xiashan["local_licensed"], xiashan["local_transferred"]) == (0, 1)


def test_figures_by_patent_type(tiny_db):
    invention = figures(tiny_db, patent_type="invention")
    assert invention["academic_deals"] == 1  # 1
    assert (invention["local_licensed"], invention["local_transferred"]) == (0, 1)
    assert (invention["pledges"], invention["pledge_amount"], invention["pledge_enterprises"]) == (0, 0, 0)
    design = figures(tiny_db, patent_type="design")
    assert (design["pledges"], design["pledge_amount"]) == (1, 300)
    # Rates and filings are not narrowed by patent type.
    assert invention["academic_rate"] == figures(tiny_db)["academic_rate"]
    assert invention["filed_products"] == 4
    frame = mp.computed_figures(tiny_db, Scope(as_of=AS_OF, patent_type="invention")).set_index("figure")
    assert not frame.loc["academic_rate", "patent_type_applied"]
    assert frame.loc["pledges", "patent_type_applied"]


def test_figures_on_an_earlier_date(tiny_db):
    got = figures(tiny_db, as_of=dt.date(2023, 12, 31))
    assert got["academic_deals"] == 2  # 1 (2023-05), 5 (2023-11)
    assert got["pledges"] == 0  # the pledge is in 2024
    assert (got["filed_products"], got["filing_enterprises"]) == (1, 1)


def test_receivers_must_be_local_enterprises(fresh_db, tmp_path):
    """A registered local receiver counts in its county, a city state enterprise does not count."""
    import_rows(
        fresh_db,
        "patent_events",
        [
            [
                "申请号",
                "事件类型",
                "日期",
                "专利权人统一社会信用代码",
                "对方名称",
                "对方统一社会信用代码",
                "对方是否在湛江",
                "金额（万元）",
                "是否投产",
            ],
            [app_no(4), "许可", "2025-01-10", "", "廉江测试电器有限公司", E1, "是", "5", "是"],
            [app_no(6), "许可", "2025-02-10", "", "湛江测试港务集团有限公司", S1, "是", "5", "是"],
            [app_no(6), "质押", "2025-03-10", "", "湛江测试银行", "", "是", "", ""],
        ],
        tmp_path,
    )
    got = figures(fresh_db)
    assert got["local_licensed"] == 2  # 5 (E1 by name) and 4 (E1 by code); not 6 (to S1)
    lianjiang = figures(fresh_db, division="440881")
    assert (lianjiang["local_licensed"], lianjiang["local_transferred"]) == (2, 0)
    # Licences without a holder are credited to the patent's holders: 4 to U1, 6 to R1.
    assert figures(fresh_db, division="440802")["academic_deals"] == 4  # 1, 3, 4, 11
    assert figures(fresh_db, division="440803")["academic_deals"] == 2  # 5, 6
    # A pledge without a holder counts for the whole city only (no amount given: 0 added).
    assert (got["pledges"], got["pledge_amount"], got["pledge_enterprises"]) == (2, 300, 1)
    assert figures(fresh_db, division="440803")["pledges"] == 1


def test_empty_database(empty_db):
    data = mp.page_data(empty_db, Scope(as_of=AS_OF))
    assert data.indicators.empty and data.latest.empty
    assert len(data.grid) == 12 * 14 and (data.grid["status"] == "no_data").all()
    got = dict(zip(data.computed["figure"], data.computed["value"], strict=True))
    assert pd.isna(got["academic_rate"]) and pd.isna(got["soe_rate"])
    assert got["academic_deals"] == 0 and got["pledge_amount"] == 0


def test_page_data_frames(tiny_db):
    data = mp.page_data(
        tiny_db, Scope(as_of=AS_OF, division="440803", inst_kind="university", patent_type="design")
    )
    assert list(data.quarters) == mp.quarters_shown(tiny_db, AS_OF)
    # Institution kind changes nothing; the indicators are the same whatever the county.
    same = mp.page_data(tiny_db, Scope(as_of=AS_OF, division="440803", patent_type="design"))
    pd.testing.assert_frame_equal(data.computed, same.computed)
    pd.testing.assert_frame_equal(data.grid, mp.page_data(tiny_db, Scope(as_of=AS_OF)).grid)


def test_one_measures_part_of_the_page(tiny_db):
    data = mp.page_data(tiny_db, Scope(as_of=AS_OF))
    first = data.measure(1)
    assert (first.quarter, first.departments) == (data.quarters[-1], "市科技局")
    assert first.status == data.grid.set_index(["measure", "quarter"]).loc[(1, data.quarters[-1]), "status"]
    assert [i.name for i in first.indicators] == ["高校院所专利转让许可数"]
    assert first.indicators[0].department == "市科技局" and len(first.indicators[0].rows) == 1
    assert list(first.computed["figure"]) == ["academic_rate", "academic_deals"]
    none = data.measure(3)  # no indicator reported
    assert none.departments is None and none.latest.empty and not none.indicators


def test_every_figure_and_measure_has_its_text():
    for figures_ in mp.FIGURES.values():
        for figure, _unit in figures_:
            assert f"ui.measures.fig.{figure}" in TEXT and f"ui.measures.fig.{figure}.help" in TEXT
    for status in STATUSES:
        assert f"status.{status}" in TEXT
    assert "ui.measures.method" in TEXT
    for measure in measures():
        # The grid's short label is a keyword taken from the measure's exact name.
        assert measure.short_zh in measure.name_zh
