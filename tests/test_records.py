"""The records behind each KPI (溯源) add up to the card's figure, for the city and every
division, on the sample and on the tiny dataset's edge cases."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data_layer import institution_rates, regions
from data_layer.kpis import CODES, compute_kpi
from data_layer.records import RATE, SHOWN, all_records, kpi_records, rate_records
from data_layer.scope import Scope

from .conftest import R1, TINY, app_no, write_csv

DIVISIONS = [None, *[d.code for d in regions.pack("zhanjiang").divisions]]


@pytest.mark.parametrize("as_of", [dt.date(2025, 12, 31), dt.date(2026, 10, 31)])
def test_every_drill_gives_its_cards_figure_on_the_sample(sample_db, as_of):
    for division in DIVISIONS:
        for code in CODES:
            scope = Scope(as_of=as_of, division=division)
            drill = kpi_records(sample_db, scope, code)
            assert drill.value == pytest.approx(compute_kpi(sample_db, scope, code).value, abs=0.011), (
                division,
                code,
            )


def test_the_k4_records_are_the_cards_counts_with_the_event_that_made_each_count(sample_db):
    scope = Scope(as_of=dt.date(2026, 10, 31))
    drill, card = kpi_records(sample_db, scope, "K4"), compute_kpi(sample_db, scope, "K4")
    assert (drill.count, drill.totals["industrialized"]) == (
        card.detail["valid"],
        card.detail["industrialized"],
    )
    assert drill.count > SHOWN and len(drill.records) == SHOWN  # the page lists the first, in order
    assert drill.records["industrialized"].iloc[0] and drill.records["holders"].notna().all()
    every = all_records(sample_db, scope, "K4")
    assert len(every) == drill.count and int(every["industrialized"].sum()) == drill.totals["industrialized"]
    used = every[every["industrialized"]]
    assert used["event_type"].isin(["implementation", "transfer", "license"]).all()
    assert (used["event_date"].dt.date <= dt.date(2026, 10, 31)).all()
    assert every.loc[~every["industrialized"], "event_type"].isna().all()
    assert every["app_no"].is_unique  # a jointly held patent is one record


def test_k1_lists_each_enterprises_filings(tiny_db):
    drill = kpi_records(tiny_db, Scope(as_of=dt.date(2025, 12, 31)), "K1")
    assert sorted(drill.records["filing_no"]) == ["F1", "F2", "F3"]
    assert (drill.totals["enterprises"], drill.count, drill.value) == (2, 3, 2)


def test_k5_lists_the_contracts_of_the_year_and_the_baseline(tiny_db):
    drill = kpi_records(tiny_db, Scope(as_of=dt.date(2026, 6, 30)), "K5")
    assert sorted(drill.records["contract_no"]) == ["C1", "C3", "C4"]  # 2023 and 2025, patents only
    assert (drill.totals["turnover_10k"], drill.totals["baseline_10k"]) == (130, 100)
    assert drill.value == 30


def test_a_k5_year_with_no_contract_of_the_division_drills_to_none_and_minus_100(fresh_db, tmp_path):
    row = ["C6", "专利转让合同", "技术转让", R1, "某公司", "是", "2023-06-01", "50", "50", app_no(5)]
    from data_layer.ingest import import_file

    import_file(fresh_db, write_csv(tmp_path / "contracts.csv", [TINY["contracts"][0], row]))
    drill = kpi_records(fresh_db, Scope(as_of=dt.date(2025, 12, 31), division="440803"), "K5")
    assert list(drill.records["contract_no"]) == ["C6"]
    assert drill.totals["turnover_10k"] == 0 and drill.value == -100


def test_a_kpi_without_data_drills_to_no_value(empty_db):
    for code in ("K3", "K4", "K5"):
        drill = kpi_records(empty_db, Scope(as_of=dt.date(2025, 12, 31)), code)
        assert drill.records.empty and drill.count == 0 and drill.value is None


@pytest.mark.parametrize(
    ("kind", "patent_type", "division"),
    [
        (None, None, None),
        ("university", "invention", None),
        ("enterprise", None, "440803"),
        ("city_soe", "utility_model", "440803"),
    ],
)
def test_the_institutions_pages_rates_drill_to_their_patents(sample_db, kind, patent_type, division):
    """The page's total (a joint patent once) and each of its first institutions' rates (a joint
    patent in each) are made again from the drill's records."""
    scope = Scope(as_of=dt.date(2026, 10, 31), inst_kind=kind, patent_type=patent_type, division=division)
    page = institution_rates.page_data(sample_db, scope)
    drill = rate_records(sample_db, scope)
    assert drill.code == RATE and drill.count > 0
    assert (drill.count, drill.totals["industrialized"]) == (page.now.valid, page.now.industrialized)
    assert drill.value == page.now.rate
    for code in page.ranking.loc[page.ranking["valid"] > 0, "credit_code"].head(3):
        detail = institution_rates.detail_data(sample_db, scope, code)
        one = rate_records(sample_db, scope, code)
        assert (one.count, one.totals["industrialized"], one.value) == (
            detail.now.valid,
            detail.now.industrialized,
            detail.now.rate,
        )
        holders = all_records(sample_db, scope, RATE, code)["holders"]
        name = institution_rates.institution(sample_db, code).name
        assert len(holders) == one.count and all(name in h.split("；") for h in holders)


@pytest.mark.parametrize("division", [None, "440881"])
def test_the_filings_pages_bars_drill_to_the_rows_they_count(sample_db, division):
    """Each industry bar's filings and output, and each contract type's count and turnover over
    its years, are the sums of the rows its drill lists."""
    from data_layer import filings_contracts as fc

    scope = Scope(as_of=dt.date(2026, 10, 31), division=division)
    page = fc.page_data(sample_db, scope)
    industries = page.filings.by_industry
    assert not industries.empty
    for row in industries.itertuples():
        rows = fc.filings_of_industry(sample_db, scope, None if pd.isna(row.industry) else row.industry)
        assert len(rows) == row.filings, row.industry
        assert rows["output_10k"].sum() == pytest.approx(row.output_10k, abs=0.01)
    by_type = page.contracts.by_year_type.groupby("contract_type")[["contracts", "turnover_10k"]].sum()
    for contract_type, totals in by_type.iterrows():
        rows = fc.contracts_of_type(sample_db, scope, contract_type)
        assert len(rows) == totals["contracts"], contract_type
        assert rows["turnover_10k"].sum() == pytest.approx(totals["turnover_10k"], abs=0.01)


@pytest.mark.parametrize(
    ("kind", "patent_type"), [(None, None), ("university", "invention"), ("enterprise", None)]
)
def test_each_county_figure_is_made_again_from_the_records_it_drills_to(sample_db, kind, patent_type):
    """The counties page's tile and table figure, for two counties and every metric with records."""
    from data_layer import county_metrics as cm

    scope = Scope(as_of=dt.date(2026, 10, 31), inst_kind=kind, patent_type=patent_type)
    table = cm.county_metrics(sample_db, scope).set_index("adcode")
    for county in ("440881", "440802"):
        for metric in cm.RECORDED:
            found = cm.metric_records(sample_db, scope.with_division(county), metric)
            assert found.value == pytest.approx(table.loc[county, cm.COLUMN[metric]], abs=0.01), (
                county,
                metric,
            )
            every = cm.metric_records(sample_db, scope.with_division(county), metric, limit=None)
            assert len(every.records) == every.count == found.count
