"""Industrialization rate per institution on the TINY dataset, every figure computed by hand.

TINY (conftest): U1 university (赤坎区) holds patents 1, 2, 3, 4 and 11 (jointly with R1);
R1 institute (霞山区) holds 5, 6, 7 and 11. Events: 1 transferred 2023-05-01, 2 implemented
2022-01-01 (lapsed 2024-06-30), 3 licensed 2024-03-01 without production, 4 implemented
2025-06-01 (granted 2025-03-01), 5 licensed into production 2023-11-01, 11 transferred
2025-09-01; 6 pledged (not a use); 7 never granted. K4's baseline year is 2023.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import pandas as pd
import pytest

from data_layer import institution_rates as ir
from data_layer.identifiers import make_credit_code
from data_layer.ingest import import_bytes
from data_layer.kpis import RESEARCH_KINDS, industrialization
from data_layer.scope import Scope

from .conftest import E1, E2, R1, S1, U1, app_no

END_2023 = dt.date(2023, 12, 31)
END_2024 = dt.date(2024, 12, 31)
END_2025 = dt.date(2025, 12, 31)
AS_OF = dt.date(2026, 6, 30)
U2 = make_credit_code("12440800MB0000010")  # a university added in some tests, holding no patents


def rows_of(frame: pd.DataFrame, columns: list[str]) -> list[list]:
    return frame[columns].values.tolist()


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def by_code(frame: pd.DataFrame) -> dict[str, dict]:
    return {row["credit_code"]: row for row in frame.to_dict("records")}


def test_counts_per_institution_and_total_by_hand(tiny_db):
    counts = ir.counts_by_date(tiny_db, dates=[END_2023, END_2024, END_2025, AS_OF], kinds=RESEARCH_KINDS)
    columns = ["date", "valid", "industrialized", "implementation", "transfer", "license"]
    total = counts[counts["credit_code"].isna()]
    assert rows_of(total, columns) == [
        [END_2023, 6, 3, 1, 1, 1],  # valid 1,2,3,5,6,11; used 1 (transfer), 2 (implemented), 5 (licence)
        [END_2024, 5, 2, 0, 1, 1],  # 2 lapsed
        [END_2025, 6, 4, 1, 2, 1],  # 4 granted and implemented, 11 transferred
        [AS_OF, 6, 4, 1, 2, 1],
    ]
    u1 = counts[counts["credit_code"] == U1]
    assert rows_of(u1, columns) == [
        [END_2023, 4, 2, 1, 1, 0],
        [END_2024, 3, 1, 0, 1, 0],
        [END_2025, 4, 3, 1, 2, 0],
        [AS_OF, 4, 3, 1, 2, 0],
    ]
    # R1 co-holds 11: its transfer (by U1) counts for R1 too, once in the total above.
    r1 = counts[counts["credit_code"] == R1]
    assert rows_of(r1, columns) == [
        [END_2023, 3, 1, 0, 0, 1],
        [END_2024, 3, 1, 0, 0, 1],
        [END_2025, 3, 2, 0, 1, 1],
        [AS_OF, 3, 2, 0, 1, 1],
    ]


def test_the_total_is_k4(tiny_db):
    dates = [END_2023, END_2024, END_2025, AS_OF]
    ours = ir.counts_by_date(tiny_db, dates=dates, kinds=RESEARCH_KINDS)
    k4 = industrialization(tiny_db, dates)
    assert rows_of(ours[ours["credit_code"].isna()], ["valid", "industrialized"]) == rows_of(
        k4, ["valid", "industrialized"]
    )
    for county in ("440802", "440803"):
        ours = ir.counts_by_date(tiny_db, dates=dates, kinds=RESEARCH_KINDS, county=county)
        k4 = industrialization(tiny_db, dates, county)
        assert rows_of(ours[ours["credit_code"].isna()], ["valid", "industrialized"]) == rows_of(
            k4, ["valid", "industrialized"]
        )
    # Where K4 finds no patents at all, the total still has a (zero) row per date.
    nothing = ir.counts_by_date(tiny_db, dates=dates, kinds=RESEARCH_KINDS, county="440825")
    assert rows_of(nothing, ["valid", "industrialized"]) == [[0, 0]] * 4


def test_page_data_ranking_baseline_and_change(tiny_db):
    data = ir.page_data(tiny_db, Scope(as_of=AS_OF))
    ranking = data.ranking
    assert list(ranking["credit_code"]) == [U1, R1]  # 75 % before 66.67 %
    u1, r1 = by_code(ranking)[U1], by_code(ranking)[R1]
    assert (u1["valid"], u1["industrialized"], u1["rate"], u1["baseline_rate"], u1["change_pp"]) == (
        4,
        3,
        75.0,
        50.0,
        25.0,
    )
    assert (r1["rate"], r1["baseline_rate"]) == (66.67, 33.33)
    assert r1["change_pp"] == pytest.approx(33.34)
    assert (u1["name"], u1["kind"], u1["county"]) == ("湛江测试大学", "university", "440802")
    assert data.now == ir.Rate(valid=6, industrialized=4, implementation=1, transfer=2, license=1, rate=66.67)
    assert (data.baseline.year, data.baseline.rate, data.institutions) == (2023, 50.0, 2)
    assert data.baseline.change_pp == pytest.approx(16.67)
    assert data.target_rate == 52.0  # K4: 2 points above the 2023 baseline of 50 %
    trend = data.trend
    assert list(trend["label"]) == ["2023", "2024", "2025", "2026-06-30"]
    assert list(trend["value"]) == [50.0, 40.0, 66.67, 66.67]
    assert list(trend["partial"]) == [False, False, False, True]


def test_rates_by_institution_is_the_page_ranking(tiny_db):
    for kinds, inst_kind in ((RESEARCH_KINDS, None), (("enterprise",), "enterprise")):
        alone = ir.rates_by_institution(tiny_db, as_of=AS_OF, kinds=kinds)
        page = ir.page_data(tiny_db, Scope(as_of=AS_OF, inst_kind=inst_kind))
        pd.testing.assert_frame_equal(alone, page.ranking)


def test_no_valid_patents_means_no_rate_and_last_place(fresh_db):
    institution = [
        ["统一社会信用代码", "单位名称", "单位类型", "所在区县"],
        [U2, "徐闻测试学院", "高校", "徐闻县"],
    ]
    import_bytes(fresh_db, csv_bytes(institution), "institutions.csv", "institutions", user="test")
    ranking = ir.page_data(fresh_db, Scope(as_of=AS_OF)).ranking
    assert list(ranking["credit_code"]) == [U1, R1, U2]
    last = ranking.iloc[-1]
    assert last["valid"] == 0 and math.isnan(last["rate"]) and math.isnan(last["change_pp"])
    # A county with nothing but that institution: every rate is missing, none is 0 %.
    data = ir.page_data(fresh_db, Scope(as_of=AS_OF, division="440825"))
    assert data.trend["value"].isna().all()
    assert data.now.rate is None
    assert data.institutions == 1


def test_zero_is_a_rate_and_none_is_not(tiny_db):
    enterprises = by_code(ir.page_data(tiny_db, Scope(as_of=AS_OF, inst_kind="enterprise")).ranking)
    assert (enterprises[E1]["valid"], enterprises[E1]["rate"]) == (2, 0.0)
    assert (enterprises[E2]["valid"], enterprises[E2]["rate"]) == (1, 0.0)
    soe = ir.page_data(tiny_db, Scope(as_of=AS_OF, inst_kind="city_soe"))
    assert list(soe.ranking["credit_code"]) == [S1]
    assert math.isnan(soe.ranking.iloc[0]["rate"])
    assert soe.now.valid == 0


def test_kind_filter(tiny_db):
    assert ir.kinds_of(None) == ("university", "research_institute")
    assert list(ir.page_data(tiny_db, Scope(as_of=AS_OF, inst_kind="university")).ranking["credit_code"]) == [
        U1
    ]
    institutes = ir.page_data(tiny_db, Scope(as_of=AS_OF, inst_kind="research_institute"))
    assert institutes.now.rate == 66.67  # R1 alone: 2 of 3


def test_patent_type_narrows_the_patents_counted(tiny_db):
    invention = ir.page_data(tiny_db, Scope(as_of=AS_OF, patent_type="invention"))
    found = by_code(invention.ranking)
    assert (found[U1]["valid"], found[U1]["industrialized"], found[U1]["rate"]) == (2, 2, 100.0)  # 1 and 4
    assert found[R1]["valid"] == 0 and math.isnan(found[R1]["rate"])  # 7 was never granted
    utility = ir.page_data(tiny_db, Scope(as_of=AS_OF, patent_type="utility_model"))
    found = by_code(utility.ranking)
    assert (found[U1]["valid"], found[U1]["rate"]) == (2, 50.0)  # 3 and 11 (2 lapsed); 11 used
    assert (found[R1]["valid"], found[R1]["rate"]) == (2, 100.0)  # 5 and 11, both used
    assert [utility.now.valid, utility.now.industrialized] == [3, 2]


def test_county_is_the_institutions_county(tiny_db):
    data = ir.page_data(tiny_db, Scope(as_of=AS_OF, division="440802"))
    assert list(data.ranking["credit_code"]) == [U1]
    assert [data.now.valid, data.now.industrialized, data.now.rate] == [4, 3, 75.0]


def test_a_date_before_the_baseline_has_no_change(tiny_db):
    data = ir.page_data(tiny_db, Scope(as_of=dt.date(2023, 6, 30)))
    assert list(data.trend["label"]) == ["2023-06-30"]
    assert data.ranking["baseline_rate"].isna().all() and data.ranking["change_pp"].isna().all()
    # On 2023-06-30: U1 holds 1, 2, 3, 11 valid, 1 and 2 used.
    assert by_code(data.ranking)[U1]["rate"] == 50.0


def test_several_routes_count_once_in_the_total_and_once_in_each_route(fresh_db):
    events = [
        ["申请号", "事件类型", "日期", "专利权人统一社会信用代码", "是否投产"],
        [app_no(5), "实施", "2024-01-10", R1, ""],  # 5 was also licensed into production
    ]
    import_bytes(fresh_db, csv_bytes(events), "events.csv", "patent_events", user="test")
    data = ir.page_data(fresh_db, Scope(as_of=AS_OF))
    r1 = by_code(data.ranking)[R1]
    assert (r1["industrialized"], r1["implementation"], r1["transfer"], r1["license"]) == (2, 1, 1, 1)
    now = data.now
    assert (now.industrialized, now.implementation, now.transfer, now.license) == (4, 2, 2, 1)


def test_rate_dates():
    assert ir.rate_dates(AS_OF, 2023) == [END_2023, END_2024, END_2025, AS_OF]
    assert ir.rate_dates(END_2025, 2023) == [END_2023, END_2024, END_2025]


def test_baseline_year_comes_from_the_targets_table(tiny_db, empty_db):
    assert ir.baseline_year(tiny_db, AS_OF) == 2023
    assert ir.baseline_year(empty_db, AS_OF) == ir.DEFAULT_BASELINE_YEAR


def test_empty_database(empty_db):
    data = ir.page_data(empty_db, Scope(as_of=AS_OF))
    assert data.ranking.empty
    assert data.trend["value"].isna().all()
    assert data.now.valid == 0


# --- one institution -----------------------------------------------------------------------------


def test_detail_of_one_university(tiny_db):
    detail = ir.detail_data(tiny_db, Scope(as_of=AS_OF), U1)
    assert detail.institution.name == "湛江测试大学"
    trend = detail.trend
    assert rows_of(trend, ["label", "valid", "industrialized", "value"]) == [
        ["2023", 4, 2, 50.0],
        ["2024", 3, 1, 33.33],
        ["2025", 4, 3, 75.0],
        ["2026-06-30", 4, 3, 75.0],
    ]
    assert (detail.now.valid, detail.now.industrialized, detail.now.rate) == (4, 3, 75.0)
    assert detail.baseline == ir.Baseline(year=2023, rate=50.0, change_pp=25.0)
    assert rows_of(detail.patents, ["year", "patent_type", "patents"]) == [
        [2020, "invention", 1],
        [2021, "utility_model", 1],
        [2022, "utility_model", 2],  # 3 and 11
        [2023, "invention", 1],
    ]
    deals = detail.deals
    assert rows_of(deals, ["app_no", "route", "place", "amount_10k"]) == [
        [app_no(11), "transfer", "outside", 20.0],
        [app_no(3), "license", "outside", 10.0],
        [app_no(1), "transfer", "local", 50.0],
    ]
    assert list(deals["in_production"]) == [False, False, False]
    assert rows_of(detail.deals_by_place, ["place", "transfers", "licenses", "deals", "amount_10k"]) == [
        ["local", 1, 0, 1, 50.0],
        ["outside", 1, 1, 2, 30.0],
    ]
    assert list(detail.contracts["contract_no"]) == ["C3", "C1"]
    assert list(detail.contracts["place"]) == ["outside", "local"]
    assert list(detail.contracts["patents"]) == [1, 1]
    assert detail.contract_totals == ir.ContractTotals(2, 190.0)


def test_detail_of_a_co_holder_and_by_date(tiny_db):
    detail = ir.detail_data(tiny_db, Scope(as_of=AS_OF), R1)
    # The licence of 5 (R1's own) and the transfer of 11 (jointly held, made by U1).
    assert rows_of(detail.deals, ["app_no", "route", "in_production", "place"]) == [
        [app_no(11), "transfer", False, "outside"],
        [app_no(5), "license", True, "local"],
    ]
    assert detail.contract_totals == ir.ContractTotals(2, 110.0)  # C2 and C5
    earlier = ir.detail_data(tiny_db, Scope(as_of=END_2025), R1)
    assert earlier.contract_totals == ir.ContractTotals(1, 50.0)
    invention = ir.detail_data(tiny_db, Scope(as_of=AS_OF, patent_type="invention"), R1)
    assert invention.deals.empty and invention.deals_by_place.empty
    assert rows_of(invention.patents, ["year", "patent_type", "patents"]) == [[2024, "invention", 1]]
    assert invention.trend["value"].isna().all()  # 7 was never granted: no rate


def test_detail_of_an_unknown_code(tiny_db):
    assert ir.detail_data(tiny_db, Scope(as_of=AS_OF), "NOSUCHCODE") is None
