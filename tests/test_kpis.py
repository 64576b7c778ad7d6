"""K1–K5 on the tiny dataset against values worked out by hand (see conftest.TINY)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from data_layer import regions
from data_layer.db import Database
from data_layer.kpis import compute_kpis, division_kpis, industrialization
from data_layer.scope import Scope
from data_layer.trends import data_as_of, filings_over_time, rate_over_time, turnover_over_time

from .conftest import R1, TINY, app_no, write_csv

TARGET_HEADER = TINY["targets"][0]

END_2023 = dt.date(2023, 12, 31)
END_2025 = dt.date(2025, 12, 31)
MID_2026 = dt.date(2026, 6, 30)


def kpis(db, as_of, county=None):
    return {k.code: k for k in compute_kpis(db, Scope(as_of=as_of, division=county))}


def test_filing_counts_by_date_and_county(tiny_db):
    # By 2025-12-31: F1, F2 (E1) and F3 (E2): 2 enterprises, 3 products; F4 comes in 2026.
    found = kpis(tiny_db, END_2025)
    assert (found["K1"].value, found["K2"].value) == (2, 3)
    later = kpis(tiny_db, MID_2026)
    assert (later["K1"].value, later["K2"].value) == (2, 4)
    lianjiang = kpis(tiny_db, END_2025, "440881")
    assert (lianjiang["K1"].value, lianjiang["K2"].value) == (1, 2)
    assert kpis(tiny_db, END_2025, "440825")["K2"].value == 0


def test_count_targets_judged_at_deadline(tiny_db):
    found = kpis(tiny_db, MID_2026)
    # K1: 2 enterprises > 1 at the deadline: met. K2: 3 products, not more than 5: missed.
    assert found["K1"].value_at_deadline == 2 and found["K1"].status_at_deadline == "met"
    assert found["K2"].value_at_deadline == 3 and found["K2"].status_at_deadline == "missed"
    assert found["K2"].status == "missed"  # 4 now, still short of more than 5
    assert found["K2"].share_of_target == pytest.approx(4 / 5)


def test_a_target_missed_at_the_deadline_and_reached_since_is_met_late(fresh_db, tmp_path):
    from data_layer.ingest import import_file

    rows = [TARGET_HEADER, ["K2", "2023-2025", "2023-01-01", "2025-12-31", "", "", "3", "超过", "件", "测试"]]
    import_file(fresh_db, write_csv(tmp_path / "targets.csv", rows))
    # 3 products at the deadline (not more than 3), 4 now.
    k2 = kpis(fresh_db, MID_2026)["K2"]
    assert (k2.value_at_deadline, k2.status_at_deadline, k2.value) == (3, "missed", 4)
    assert k2.status == "met_late"
    # On the deadline itself it is missed, and a target reached in time is plainly met.
    assert kpis(fresh_db, END_2025)["K2"].status == "missed"
    assert kpis(fresh_db, MID_2026)["K1"].status == "met"


def test_a_rising_target_has_no_threshold_and_no_share(tiny_db):
    k3 = kpis(tiny_db, MID_2026)["K3"]
    assert k3.threshold is None and k3.share_of_target is None
    # 2025 240 against 2024 200: +20%.
    assert (k3.detail["previous_year"], k3.detail["previous"]) == ("2024", 200.0)
    assert k3.detail["rise_pct"] == pytest.approx(20.0)


def test_projection_from_last_twelve_months(tiny_db):
    # On 2025-05-31 K2 is 2 (F1, F2); a year before it was 1 (F1): pace 1 a year,
    # 214 days left: 2 + 214/365 = 2.6 -> not more than 5: behind.
    k2 = kpis(tiny_db, dt.date(2025, 5, 31))["K2"]
    assert k2.value == 2
    assert k2.projection == pytest.approx(2 + 214 / 365, abs=0.05)
    assert k2.status == "behind"


def test_output_rises_every_year(tiny_db):
    # Patent-intensive products only: 2023 100; 2024 150+50; 2025 200+40 (F3 is not intensive).
    k3 = kpis(tiny_db, MID_2026)["K3"]
    assert k3.detail["by_year"] == {"2023": 100.0, "2024": 200.0, "2025": 240.0}
    assert k3.value == 240.0 and k3.value_label == "2025"
    assert k3.status == "met" and k3.status_at_deadline == "met"
    assert k3.baseline == 100.0


def test_output_counts_only_complete_years(tiny_db):
    k3 = kpis(tiny_db, dt.date(2025, 6, 30))["K3"]
    assert k3.value == 200.0 and k3.value_label == "2024"


def test_industrialization_rate_by_hand(tiny_db):
    # End of 2023: valid U1/R1 patents 1,2,3,5,6,11 (4 not yet granted, 7 never); used: 1, 2, 5.
    # End of 2025: 2 has lapsed, 4 granted: valid 1,3,4,5,6,11; used: 1, 4, 5, 11.
    table = industrialization(tiny_db, [END_2023, END_2025])
    assert table[["valid", "industrialized"]].values.tolist() == [[6, 3], [6, 4]]
    k4 = kpis(tiny_db, END_2025)["K4"]
    assert k4.baseline == 50.0
    assert k4.value == pytest.approx(66.67)
    assert k4.threshold == 52.0  # baseline + 2 points
    assert k4.status == "met"


def test_licence_counts_only_when_in_production(tiny_db):
    # Patent 3 was licensed without production: it never counts as industrialized.
    chikan = industrialization(tiny_db, [END_2025], "440802")
    # U1 holds 1, 3, 4, 11 (2 lapsed): used 1, 4, 11.
    assert chikan[["valid", "industrialized"]].values.tolist() == [[4, 3]]


def test_industrialization_with_no_patents_is_no_data(tiny_db):
    k4 = kpis(tiny_db, END_2025, "440825")["K4"]
    assert k4.value is None and k4.status == "no_data"


def test_contract_growth_against_baseline(tiny_db):
    # Contracts with patents: 2023 C1 100 (C2 has none); 2025 C3 90 + C4 40 = 130 -> +30%.
    k5 = kpis(tiny_db, MID_2026)["K5"]
    assert k5.baseline == 100.0
    assert k5.value == pytest.approx(30.0) and k5.value_label == "2025"
    assert not k5.annualized
    assert k5.value_at_deadline == pytest.approx(30.0)
    assert k5.status == "met"
    # 2026 to June 30: C5 60 over 181 days -> annualized 60 * 365 / 181.
    assert k5.detail["ytd_annualized_10k"] == pytest.approx(60 * 365 / 181, abs=0.01)


def test_contract_growth_annualizes_when_no_full_year_after_baseline(tiny_db):
    # On 2024-06-30 the latest full year is the baseline itself and 2024 has no contract.
    k5 = kpis(tiny_db, dt.date(2024, 6, 30))["K5"]
    assert k5.value is None and k5.status == "no_data"


def test_follow_up_period_gets_projection(fresh_db, tmp_path):
    from data_layer.ingest import import_file

    rows = [
        TARGET_HEADER,
        ["K2", "2026-2027", "2026-01-01", "2027-12-31", "", "", "10", "超过", "件", "后续方案"],
    ]
    import_file(fresh_db, write_csv(tmp_path / "targets.csv", rows))
    k2 = kpis(fresh_db, MID_2026)["K2"]
    # 4 products now, 2 a year ago (F1, F2): pace 2 a year, 549 days left.
    assert (k2.period, k2.target, k2.value) == ("2026-2027", 10.0, 4)
    assert k2.projection == pytest.approx(4 + 2 * 549 / 365, abs=0.05)
    assert k2.status == "behind" and k2.status_at_deadline is None


def test_kpis_without_targets(empty_db):
    found = kpis(empty_db, END_2025)
    assert all(k.target is None for k in found.values())
    assert {k.status for k in found.values()} <= {"no_data", "no_target"}


def test_trends(tiny_db):
    assert data_as_of(tiny_db) == dt.date(2026, 3, 1)
    months = filings_over_time(tiny_db, Scope(as_of=END_2025))
    assert months.iloc[-1][["enterprises", "products"]].tolist() == [2, 3]
    rates = rate_over_time(tiny_db, Scope(as_of=END_2025))
    assert rates.set_index("label").loc["2023Q4", "value"] == 50.0
    years = turnover_over_time(tiny_db, Scope(as_of=MID_2026))
    assert years["value"].tolist() == [100.0, 130.0, 60.0]
    assert years["partial"].tolist() == [False, False, True]


def test_on_track_when_pace_reaches_target(tiny_db):
    # 2025-06-30: valid 1,3,4,5,6,11 (2 lapsed on 2024-06-30), used 1,4,5 -> 50%.
    # A year before: valid 1,3,5,6,11, used 1,5 -> 40%. +10 points a year, 184 days left:
    # 50 + 10 * 184 / 365 = 55.0 >= 52 (baseline 50 + 2): on track.
    k4 = kpis(tiny_db, dt.date(2025, 6, 30))["K4"]
    assert k4.value == 50.0
    assert k4.projection == pytest.approx(50 + 10 * 184 / 365, abs=0.01)
    assert k4.status == "on_track"


def test_kpis_carry_the_history_their_charts_draw(tiny_db):
    found = kpis(tiny_db, MID_2026)
    rates = rate_over_time(tiny_db, Scope(as_of=MID_2026))
    drawn = [None if pd.isna(v) else v for v in rates["value"]]
    assert [(h["label"], h["value"]) for h in found["K4"].detail["history"]] == list(
        zip(rates["label"], drawn, strict=True)
    )
    assert found["K4"].detail["history"][-1]["label"] == "2026Q2"  # June 30 is a quarter end
    assert [(h["label"], h["value"], h["partial"]) for h in found["K5"].detail["history"]] == [
        ("2023", 100.0, False),
        ("2025", 130.0, False),
        ("2026", 60.0, True),
    ]
    assert [h["label"] for h in found["K3"].detail["history"]] == ["2023", "2024", "2025"]
    inside = kpis(tiny_db, dt.date(2026, 5, 15))["K4"].detail["history"][-1]
    assert inside["label"] == "2026-05-15" and inside["partial"]


@pytest.mark.parametrize("as_of", [dt.date(2023, 6, 30), END_2025, dt.date(2026, 6, 30)])
def test_every_divisions_kpis_at_once_equal_each_divisions_own(tiny_db, as_of):
    """The ranking's grouped figures give each division exactly its own cards' KPIs, including
    divisions with no records at all (the tiny data leaves most of the nine empty)."""
    scope = Scope(as_of=as_of)
    rows = division_kpis(tiny_db, scope)
    assert [r.adcode for r in rows] == [d.code for d in regions.pack().divisions]
    for row in rows:
        assert same_but_k4_history(row.kpis, compute_kpis(tiny_db, scope.with_division(row.adcode))), (
            row.adcode
        )
    assert any(k.value for r in rows for k in r.kpis)


def same_but_k4_history(ranked, own) -> bool:
    """The ranking's KPIs are a division's own, but K4's history: only the date asked about."""

    def comparable(kpi):
        if kpi.code != "K4":
            return kpi
        return dataclasses.replace(kpi, detail={k: v for k, v in kpi.detail.items() if k != "history"})

    assert (
        next(k for k in ranked if k.code == "K4").detail["history"][-1:]
        == next(k for k in own if k.code == "K4").detail["history"][-1:]
    )
    return [comparable(k) for k in ranked] == [comparable(k) for k in own]


def test_a_provinces_cities_kpis_at_once_equal_each_citys_own(pack_files, monkeypatch):
    monkeypatch.setenv(regions.ENV, "guangdong")
    db = Database(pack_files("guangdong"), read_only=True)
    try:
        scope = Scope(as_of=dt.date(2026, 10, 31), region="guangdong")
        rows = division_kpis(db, scope)
        assert len(rows) == 21
        for row in rows:
            assert same_but_k4_history(row.kpis, compute_kpis(db, scope.with_division(row.adcode))), (
                row.adcode
            )
    finally:
        db.close()


def test_k5_counts_a_year_without_a_divisions_contracts_as_zero_not_no_data(fresh_db, tmp_path):
    """霞山 (R1) sold a patent contract in 2023 and none in 2025, while the 2025 register holds
    others' contracts: its 2025 turnover is 0, growth −100%, not 暂无数据. 廉江 sold none in the
    baseline year: growth from nothing has no value, and says so."""
    from data_layer.ingest import import_file

    rows = [
        TINY["contracts"][0],
        ["C6", "专利转让合同", "技术转让", R1, "本地某公司", "是", "2023-09-01", "50", "50", app_no(5)],
    ]
    import_file(fresh_db, write_csv(tmp_path / "contracts.csv", rows))
    # Patent contracts (成交额): 2023 C1 赤坎 100 + C6 霞山 50; 2025 C3 赤坎 90 + C4 廉江 40; 2026 C5 霞山 60.
    expected = {None: 100 * (130 / 150 - 1), "440802": 100 * (90 / 100 - 1), "440803": -100.0}
    for county, growth in expected.items():
        k5 = kpis(fresh_db, END_2025, county)["K5"]
        assert (k5.value, k5.value_label) == (pytest.approx(growth, abs=0.01), "2025"), county
        assert k5.status == "missed", county
    xiashan = kpis(fresh_db, dt.date(2026, 6, 30), "440803")["K5"]
    assert xiashan.detail["turnover_by_year"] == {"2023": 50.0, "2025": 0.0, "2026": 60.0}
    assert xiashan.value == -100.0  # 2025, the latest complete year, still counts as 0
    lianjiang = kpis(fresh_db, END_2025, "440881")["K5"]
    assert lianjiang.detail["turnover_by_year"]["2023"] == 0.0
    assert lianjiang.value is None and lianjiang.status == "no_data"
    # The ranking's grouped figures agree.
    rows_by_division = {r.adcode: r.kpis for r in division_kpis(fresh_db, Scope(as_of=END_2025))}
    assert rows_by_division["440803"][4].value == -100.0
