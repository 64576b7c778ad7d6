"""The filings and contracts page's figures on the tiny dataset, against values worked out by hand.

TINY (conftest): filings F1 (E1 廉江, 2023-04-01, 家电, utility model 8, output 2023–2025: 100/150/200),
F2 (E1, 2024-06-01, 家电, invention 9, 2024–2025: 50/40), F3 (E2 霞山, 2025-11-01, 电子信息, not
patent-intensive, utility model 10, 2025: 30), F4 (E2, 2026-01-15, 电子信息, utility model 10).
Contracts C1 (U1 赤坎 university, transfer, 2023-03-01, local buyer, 100/100, invention 1),
C2 (R1 霞山 institute, service, 2023-07-01, outside, 50/40, no patent), C3 (U1, license, 2025-05-01,
outside, 90/90, utility model 3), C4 (E1 廉江 enterprise, development, 2025-08-01, local, 40/30,
utility model 8), C5 (R1, license, 2026-03-01, local, 60/60, utility model 5).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from data_layer import filings_contracts as fc
from data_layer import kpis
from data_layer.identifiers import make_app_no, make_credit_code
from data_layer.ingest import import_bytes
from data_layer.scope import Scope

from .conftest import TINY

MID_2026 = dt.date(2026, 6, 30)
END_2024 = dt.date(2024, 12, 31)


def figures(db, as_of=MID_2026, **filters):
    """Both sections' fields by name, the contracts' prefixed ``c.``."""
    scope = Scope(as_of=as_of, **filters)
    return {
        **vars(fc.filing_figures(db, scope)),
        **{f"c.{k}": v for k, v in vars(fc.contract_figures(db, scope)).items()},
    }


def summary(found) -> dict:
    return dataclasses.asdict(found)


# --- filings ---------------------------------------------------------------------------------


def test_filing_metrics_count_up_to_the_date(tiny_db):
    assert summary(fc.filing_summary(tiny_db, Scope(as_of=MID_2026))) == {
        "filings": 4,
        "enterprises": 2,
        "output_year": 2025,  # 2026 is not complete: 2025 is the latest complete year
        "output_10k": 270.0,  # F1 200 + F2 40 + F3 30
        "intensive_output_10k": 240.0,  # F3 is not patent-intensive
    }
    at_2024 = fc.filing_summary(tiny_db, Scope(as_of=END_2024))
    assert (at_2024.filings, at_2024.enterprises) == (2, 1)
    assert (at_2024.output_year, at_2024.output_10k) == (2024, 200.0)  # F1 150 + F2 50


def test_filings_per_year_fill_gaps_and_mark_the_open_year(tiny_db):
    by_year = fc.filings_by_year(tiny_db, Scope(as_of=MID_2026))
    assert by_year.to_dict("list") == {
        "year": [2023, 2024, 2025, 2026],
        "filings": [1, 1, 1, 1],
        "partial": [False, False, False, True],
    }
    # On 31 December the year is complete.
    assert not fc.filings_by_year(tiny_db, Scope(as_of=END_2024))["partial"].any()
    # Lianjiang's filings are 2023 and 2024; the years after run on with zeros.
    lianjiang = fc.filings_by_year(tiny_db, Scope(as_of=MID_2026, division="440881"))
    assert lianjiang.filings.tolist() == [1, 1, 0, 0]


def test_filings_by_industry_count_and_output(tiny_db):
    by_industry = fc.filings_by_industry(tiny_db, Scope(as_of=MID_2026))
    assert by_industry.to_dict("records") == [
        {"industry": "家电", "filings": 2, "enterprises": 1, "output_10k": 240.0},
        {"industry": "电子信息", "filings": 2, "enterprises": 1, "output_10k": 30.0},
    ]


def test_filings_by_county_cover_every_county_whatever_the_filter(tiny_db):
    for county in (None, "440881"):
        by_county = figures(tiny_db, division=county)["by_county"].set_index("adcode")
        assert len(by_county) == 9
        assert by_county.loc["440881", ["filings", "enterprises"]].tolist() == [2, 1]
        assert by_county.loc["440803", ["filings", "enterprises"]].tolist() == [2, 1]
        assert by_county["filings"].sum() == 4


def test_filing_enterprises_ranked(tiny_db):
    ranked = figures(tiny_db)["enterprises"]
    assert ranked[["name", "county", "filings", "output_10k"]].values.tolist() == [
        ["廉江测试电器有限公司", "440881", 2, 240.0],  # same count as E2: the larger output leads
        ["霞山测试科技有限公司", "440803", 2, 30.0],
    ]


def test_filing_filters(tiny_db):
    lianjiang = fc.filing_summary(tiny_db, Scope(as_of=MID_2026, division="440881"))
    assert (lianjiang.filings, lianjiang.output_10k) == (2, 240.0)
    # Utility models: F1 (8), F3 and F4 (10); output 2025: F1 200 + F3 30.
    utility = fc.filing_summary(tiny_db, Scope(as_of=MID_2026, patent_type="utility_model"))
    assert (utility.filings, utility.enterprises, utility.output_10k) == (3, 2, 230.0)
    invention = fc.filing_summary(tiny_db, Scope(as_of=MID_2026, patent_type="invention"))
    assert (invention.filings, invention.output_10k) == (1, 40.0)
    assert fc.filing_summary(tiny_db, Scope(as_of=MID_2026, inst_kind="enterprise")).filings == 4


def test_no_filings_in_scope(tiny_db):
    found = figures(tiny_db, inst_kind="academic")  # universities and institutes file no products
    assert summary(found["summary"]) == {
        "filings": 0,
        "enterprises": 0,
        "output_year": None,
        "output_10k": None,
        "intensive_output_10k": None,
    }
    assert found["by_year"].empty and found["by_industry"].empty and found["enterprises"].empty
    assert found["by_county"]["filings"].sum() == 0
    assert fc.filing_summary(tiny_db, Scope(as_of=dt.date(2020, 1, 1))).filings == 0


def test_filings_of_an_industry(tiny_db):
    detail = fc.filings_of_industry(tiny_db, Scope(as_of=MID_2026), "家电")
    assert detail["filing_no"].tolist() == ["F2", "F1"]  # newest first
    assert detail["output_10k"].tolist() == [40.0, 200.0]
    assert detail["patents"].tolist() == [1, 1]
    assert fc.filings_of_industry(tiny_db, Scope(as_of=MID_2026, division="440803"), "家电").empty
    assert fc.filings_of_industry(tiny_db, Scope(as_of=dt.date(2023, 12, 31)), "家电")[
        "filing_no"
    ].tolist() == ["F1"]


# --- contracts -------------------------------------------------------------------------------


def test_contract_metrics(tiny_db):
    found = fc.contract_summary(tiny_db, Scope(as_of=MID_2026))
    assert summary(found) == {
        "contracts": 5,
        "turnover_10k": 340.0,
        "tech_amount_10k": 320.0,
        "patent_turnover_10k": 290.0,  # all but C2
        "patent_share_pct": 85.29,  # 290 / 340
        "first_date": dt.date(2023, 3, 1),
    }
    at_2024 = fc.contract_summary(tiny_db, Scope(as_of=END_2024))
    assert (at_2024.contracts, at_2024.turnover_10k, at_2024.patent_share_pct) == (2, 150.0, 66.67)


def test_turnover_by_year_and_type(tiny_db):
    grid = figures(tiny_db)["c.by_year_type"]
    assert len(grid) == 4 * 5  # every year × every type
    nonzero = grid[grid["contracts"] > 0]
    assert nonzero[["year", "contract_type", "contracts", "turnover_10k", "partial"]].values.tolist() == [
        [2023, "transfer", 1, 100.0, False],
        [2023, "service", 1, 50.0, False],
        [2025, "development", 1, 40.0, False],
        [2025, "license", 1, 90.0, False],
        [2026, "license", 1, 60.0, True],
    ]


def test_contracts_by_seller_kind_and_buyer(tiny_db):
    found = figures(tiny_db)
    assert found["c.by_seller_kind"].values.tolist() == [
        ["university", 2, 190.0, 190.0],
        ["research_institute", 2, 110.0, 60.0],
        ["enterprise", 1, 40.0, 40.0],
    ]
    assert found["c.by_buyer"].values.tolist() == [
        [True, 3, 200.0, 60.0, 58.82],  # C1, C4, C5
        [False, 2, 140.0, 40.0, 41.18],  # C2, C3
    ]


def test_patent_share_per_year_with_an_empty_year(tiny_db):
    share = fc.patent_share_by_year(tiny_db, Scope(as_of=MID_2026))
    assert share["year"].tolist() == [2023, 2024, 2025, 2026]
    assert share["turnover_10k"].tolist() == [150.0, 0.0, 130.0, 60.0]
    assert share["patent_turnover_10k"].tolist() == [100.0, 0.0, 130.0, 60.0]
    assert share["share_pct"].iloc[0] == 66.67
    assert pd.isna(share["share_pct"].iloc[1])  # no contracts in 2024: no share, not 0 %
    assert share["share_pct"].iloc[2:].tolist() == [100.0, 100.0]
    assert share["partial"].tolist() == [False, False, False, True]


def test_contracts_by_county(tiny_db):
    by_county = figures(tiny_db, division="440803")["c.by_county"].set_index("adcode")
    assert len(by_county) == 9
    assert by_county.loc["440802"].tolist()[2:] == [2, 190.0, 190.0]  # 赤坎: C1, C3
    assert by_county.loc["440803"].tolist()[2:] == [2, 110.0, 60.0]  # 霞山: C2, C5
    assert by_county.loc["440881"].tolist()[2:] == [1, 40.0, 40.0]


def test_contract_filters(tiny_db):
    lianjiang = fc.contract_summary(tiny_db, Scope(as_of=MID_2026, division="440881"))
    assert (lianjiang.contracts, lianjiang.turnover_10k, lianjiang.patent_share_pct) == (
        1,
        40.0,
        100.0,
    )
    academic = fc.contract_summary(tiny_db, Scope(as_of=MID_2026, inst_kind="academic"))
    assert (academic.contracts, academic.turnover_10k, academic.patent_share_pct) == (
        4,
        300.0,
        83.33,
    )
    utility = fc.contract_summary(tiny_db, Scope(as_of=MID_2026, patent_type="utility_model"))
    assert (utility.contracts, utility.turnover_10k, utility.patent_share_pct) == (3, 190.0, 100.0)
    assert fc.contract_summary(tiny_db, Scope(as_of=MID_2026, patent_type="design")).contracts == 0


def test_no_contracts_gives_no_shares(tiny_db):
    found = figures(tiny_db, inst_kind="city_soe")
    assert summary(found["c.summary"]) == {
        "contracts": 0,
        "turnover_10k": 0.0,
        "tech_amount_10k": 0.0,
        "patent_turnover_10k": 0.0,
        "patent_share_pct": None,
        "first_date": None,
    }
    buyers = found["c.by_buyer"]
    assert buyers["contracts"].tolist() == [0, 0]
    assert buyers["contract_share_pct"].isna().all() and buyers["turnover_share_pct"].isna().all()
    assert found["c.patent_share"].empty and found["c.by_year_type"].empty


def test_contracts_of_a_type(tiny_db):
    licenses = fc.contracts_of_type(tiny_db, Scope(as_of=MID_2026), "license")
    assert licenses["contract_no"].tolist() == ["C5", "C3"]
    assert licenses["patents"].tolist() == [1, 1]
    assert fc.contracts_of_type(tiny_db, Scope(as_of=MID_2026, division="440802"), "license")[
        "contract_no"
    ].tolist() == ["C3"]
    assert fc.contracts_of_type(tiny_db, Scope(as_of=MID_2026), "consulting").empty


# --- rows TINY lacks: no industry, an unknown kind digit, no tech amount, an individual seller --


@pytest.fixture
def extended_db(fresh_db):
    """TINY plus an individual business in 吴川市 with one patent, one filing and one contract.

    The patent's application number has kind digit 5, which names no type, so its type
    (invention) comes from the patents table alone.
    """
    code = make_credit_code("92440883MA0000006")
    app = make_app_no(2024, "5", 12)
    rows = {
        "institutions": [code, "吴川测试羽绒加工户", "个体工商户", "吴川市", "", "否"],
        "patents": [app, "测试专利12", "发明", "2024-01-01", "2025-01-01", "", code, "吴川市"],
        "filings": ["F5", "羽绒被", code, "2025-02-01", "", "是", app, "2025", "10"],
        "contracts": [
            "C6",
            "羽绒工艺转让合同",
            "技术转让",
            code,
            "外地某公司",
            "否",
            "2025-09-01",
            "20",
            "",
            app,
        ],
    }
    for kind, row in rows.items():
        text = "\n".join(",".join(cells) for cells in (TINY[kind][0], row))
        import_bytes(fresh_db, text.encode("utf-8"), f"{kind}.csv", kind, user="test")
    return fresh_db


def test_a_filing_without_industry_and_an_unknown_kind_digit(extended_db):
    by_industry = fc.filings_by_industry(extended_db, Scope(as_of=MID_2026))
    assert by_industry.iloc[-1].to_dict() == {
        "industry": None,
        "filings": 1,
        "enterprises": 1,
        "output_10k": 10.0,
    }
    assert fc.filings_of_industry(extended_db, Scope(as_of=MID_2026), None)["filing_no"].tolist() == ["F5"]
    # Invention: F2 by its number's kind digit, F5 through the patents table.
    invention = fc.filing_summary(extended_db, Scope(as_of=MID_2026, patent_type="invention"))
    assert (invention.filings, invention.output_10k) == (2, 50.0)
    assert fc.filing_summary(extended_db, Scope(as_of=MID_2026, patent_type="utility_model")).filings == 3


def test_an_individual_seller_and_a_missing_tech_amount(extended_db):
    found = vars(fc.contract_figures(extended_db, Scope(as_of=MID_2026)))
    totals = summary(found["summary"])
    assert (totals["contracts"], totals["turnover_10k"]) == (6, 360.0)
    assert totals["tech_amount_10k"] == 320.0  # C6 has no tech amount: it adds nothing
    assert found["by_seller_kind"]["seller_kind"].tolist()[-1] == "individual"
    assert found["by_county"].set_index("adcode").loc["440883", "turnover_10k"] == 20.0
    invention = fc.contract_summary(extended_db, Scope(as_of=MID_2026, patent_type="invention"))
    assert (invention.contracts, invention.turnover_10k) == (2, 120.0)  # C1 and C6


# --- the page's bundle -----------------------------------------------------------------------


def test_page_data_holds_every_figure(tiny_db):
    data = fc.page_data(tiny_db, Scope(as_of=MID_2026, division="440881"))
    scope = Scope(as_of=MID_2026, division="440881")
    pd.testing.assert_frame_equal(data.filings.by_year, fc.filings_by_year(tiny_db, scope))
    pd.testing.assert_frame_equal(data.contracts.patent_share, fc.patent_share_by_year(tiny_db, scope))
    frames = [*vars(data.filings).values(), *vars(data.contracts).values()]
    assert sum(isinstance(frame, pd.DataFrame) for frame in frames) == 4 + 5  # and two summaries
    assert data.filings.summary.filings == 2
    assert data.contracts.summary.contracts == 1
    assert data.filings.industry_params() == ["家电"]


def test_empty_database(empty_db):
    data = fc.page_data(empty_db, Scope(as_of=MID_2026))
    assert data.filings.summary.filings == 0
    assert data.contracts.summary.patent_share_pct is None
    assert data.filings.by_county["filings"].sum() == 0


def test_institution_kinds_of_a_filter():
    assert fc.kinds_for(None) is None
    assert fc.kinds_for("academic") == ["university", "research_institute"]
    assert fc.kinds_for("city_soe") == ["city_soe"]


@pytest.mark.parametrize("county", [None, "440881", "440803"])
@pytest.mark.parametrize("as_of", [dt.date(2023, 12, 31), END_2024, dt.date(2025, 12, 31), MID_2026])
def test_the_page_agrees_with_the_kpis(tiny_db, as_of, county):
    """Filings and enterprises are K2 and K1; patent-intensive output is K3; patent turnover is K5's."""
    filings = fc.filing_summary(tiny_db, Scope(as_of=as_of, division=county))
    enterprises, products = kpis.filing_counts(tiny_db, as_of, county)
    assert (filings.enterprises, filings.filings) == (enterprises, products)
    k3 = kpis.output_by_year(tiny_db, as_of, county)
    if not k3.empty and k3["year"].iloc[-1] == filings.output_year:
        assert filings.intensive_output_10k == k3["output_10k"].iloc[-1]
    k5 = kpis.patent_contract_turnover(tiny_db, as_of, county).set_index("year")["turnover_10k"]
    share = fc.patent_share_by_year(tiny_db, Scope(as_of=as_of, division=county)).set_index("year")
    assert share.loc[share["patent_turnover_10k"] > 0, "patent_turnover_10k"].to_dict() == k5.to_dict()
