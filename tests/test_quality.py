"""Data quality checks, each on the tiny dataset with exactly the gap it looks for added."""

from __future__ import annotations

import datetime as dt

from data_layer import quality
from data_layer.ingest import import_file
from data_layer.scope import Scope

from .conftest import E1, TINY, U1, app_no, write_csv

XIASHAN, CHIKAN = "440803", "440802"


def found(db, as_of: dt.date, division: str | None = None) -> dict[str, int]:
    return {
        f.check.code: f.count for f in quality.quality(db, Scope(as_of=as_of, division=division)).findings
    }


def records(db, code: str, as_of: dt.date, division: str | None = None):
    return quality.check_records(db, Scope(as_of=as_of, division=division), code)


def every_measure_reported(db, tmp_path, quarter: str = "2025Q4") -> None:
    header = TINY["indicators"][0]
    rows = [[str(m), f"指标{m}", quarter, "件", "1", "", "市科技局", ""] for m in range(1, 13)]
    import_file(db, write_csv(tmp_path / "indicators.csv", [header, *rows]))


def test_the_tiny_data_with_every_measure_reported_has_no_gap(fresh_db, tmp_path):
    every_measure_reported(fresh_db, tmp_path)
    result = quality.quality(fresh_db, Scope(as_of=dt.date(2025, 12, 31)))
    assert result.gaps == ()
    assert [f.count for f in result.findings] == [0] * len(quality.CHECKS)


def test_indicators_not_reported_for_the_latest_ended_quarter(tiny_db):
    # 2025Q4 holds measures 1 and 12: the ten others have never reported anything.
    missing = records(tiny_db, "indicators_unreported", dt.date(2025, 12, 31))
    assert list(missing["measure"]) == list(range(2, 12))
    assert missing["indicator"].isna().all()
    # In 2026Q1 nobody reported: measures 1 and 12 are missing by name and department too.
    later = records(tiny_db, "indicators_unreported", dt.date(2026, 3, 31))
    assert len(later) == 12
    named = later.dropna(subset=["indicator"]).set_index("measure")
    assert named.loc[1, "indicator"] == "高校院所专利转让许可数" and named.loc[1, "department"] == "市科技局"
    assert named.loc[12, "last_quarter"] == "2025Q4"
    # A date inside 2026Q1 still asks about 2025Q4.
    assert found(tiny_db, dt.date(2026, 2, 15))["indicators_unreported"] == 10


def test_indicators_ignore_the_division(tiny_db):
    assert found(tiny_db, dt.date(2025, 12, 31), XIASHAN)["indicators_unreported"] == 10


def test_a_patent_without_grant_date_or_status_three_years_after_filing(tiny_db):
    # Patent 7 (an invention of 2024-01-01, 霞山区) has neither a grant date nor a status.
    assert found(tiny_db, dt.date(2026, 12, 31))["patents_no_grant"] == 0
    flagged = records(tiny_db, "patents_no_grant", dt.date(2027, 1, 1))
    assert list(flagged["app_no"]) == [app_no(7)]
    assert found(tiny_db, dt.date(2027, 1, 1), XIASHAN)["patents_no_grant"] == 1
    assert found(tiny_db, dt.date(2027, 1, 1), CHIKAN)["patents_no_grant"] == 0


def test_a_patent_with_a_pending_status_is_not_flagged(fresh_db, tmp_path):
    header = [*TINY["patents"][0], "法律状态"]
    row = next(r for r in TINY["patents"][1:] if r[0] == app_no(7))
    import_file(fresh_db, write_csv(tmp_path / "patents.csv", [header, [*row, "实质审查"]]))
    assert found(fresh_db, dt.date(2027, 1, 1))["patents_no_grant"] == 0


def test_patents_past_their_term_still_counted_valid(tiny_db):
    # Patent 5: a utility model filed 2021-01-01 with no lapse date: its 10 years end 2031-01-01.
    assert found(tiny_db, dt.date(2030, 12, 31))["patents_past_term"] == 0
    flagged = records(tiny_db, "patents_past_term", dt.date(2031, 1, 1))
    assert list(flagged["app_no"]) == [app_no(5)]
    assert flagged["term_end"].iloc[0].date() == dt.date(2031, 1, 1)
    # Patent 2 lapsed in 2024: not flagged though its term ended too.
    assert app_no(2) not in set(records(tiny_db, "patents_past_term", dt.date(2032, 1, 1))["app_no"])


def test_a_design_filed_from_june_2021_has_fifteen_years(tiny_db):
    # Patent 6: a design filed 2022-05-01: flagged after 15 years, not after 10.
    assert app_no(6) not in set(records(tiny_db, "patents_past_term", dt.date(2032, 5, 1))["app_no"])
    assert app_no(6) in set(records(tiny_db, "patents_past_term", dt.date(2037, 5, 1))["app_no"])


def test_an_institution_whose_division_is_not_the_regions(fresh_db):
    with fresh_db.transaction() as cur:
        cur.execute("UPDATE institutions SET county = '440899' WHERE credit_code = ?", [U1])
    flagged = records(fresh_db, "institutions_unplaced", dt.date(2025, 12, 31))
    assert list(flagged["credit_code"]) == [U1]


def test_a_credit_code_loaded_with_a_check_warning(fresh_db, tmp_path):
    header = TINY["institutions"][0]
    wrong = U1[:-1] + ("0" if U1[-1] != "0" else "1")
    result = import_file(
        fresh_db,
        write_csv(
            tmp_path / "institutions.csv", [header, [wrong, "湛江另一大学", "高校", "赤坎区", "", "否"]]
        ),
    )
    assert any(p.reason == "credit_code_check" for p in result.warnings)
    flagged = records(fresh_db, "credit_code_warning", dt.date(2025, 12, 31))
    assert list(flagged["credit_code"]) == [wrong]
    assert found(fresh_db, dt.date(2025, 12, 31), XIASHAN)["credit_code_warning"] == 0


def test_a_contract_whose_buyer_location_was_assumed(fresh_db, tmp_path):
    header = [c for c in TINY["contracts"][0] if c != "买方是否在湛江"]
    row = ["C9", "专利转让合同", "技术转让", U1, "某公司", "2025-02-01", "10", "10", app_no(1)]
    import_file(fresh_db, write_csv(tmp_path / "contracts.csv", [header, row]))
    flagged = records(fresh_db, "contracts_buyer_assumed", dt.date(2025, 12, 31))
    assert list(flagged["contract_no"]) == ["C9"]
    assert found(fresh_db, dt.date(2025, 1, 31))["contracts_buyer_assumed"] == 0  # not registered yet


def test_filings_without_output_for_the_last_complete_year(tiny_db):
    # For 2025 every patent-intensive filing has output (F4 is filed in 2026); for 2026 none has.
    assert found(tiny_db, dt.date(2026, 6, 30))["filings_no_output"] == 0
    flagged = records(tiny_db, "filings_no_output", dt.date(2026, 12, 31))
    assert list(flagged["filing_no"]) == ["F1", "F2", "F4"]
    assert set(flagged["output_year"]) == {2026}


def test_each_source_names_its_latest_import_in_force(fresh_db, tmp_path):
    before = {s.kind: s for s in quality.source_updates(fresh_db)}
    header = TINY["filings"][0]
    row = ["F9", "新产品", E1, "2025-03-01", "家电", "是", app_no(8), "2025", "10"]
    batch = import_file(fresh_db, write_csv(tmp_path / "filings.csv", [header, row])).batch_id
    after = {s.kind: s for s in quality.source_updates(fresh_db)}
    assert after["filings"].batch_id == batch != before["filings"].batch_id
    assert after["filings"].file_name == "filings.csv"
    assert after["patents"] == before["patents"]
    assert after["filings"].age_days(after["filings"].finished_at.date()) == 0


def test_a_source_never_loaded_says_so(empty_db):
    sources = quality.source_updates(empty_db)
    assert [s.kind for s in sources] == list(quality.SOURCES)
    assert all(s.batch_id is None and s.age_days(dt.date(2026, 1, 1)) is None for s in sources)


def test_each_count_is_the_number_of_its_records(tiny_db):
    for as_of in (dt.date(2025, 12, 31), dt.date(2026, 12, 31), dt.date(2031, 1, 1)):
        for division in (None, XIASHAN):
            scope = Scope(as_of=as_of, division=division)
            counts = {f.check.code: f.count for f in quality.quality(tiny_db, scope).findings}
            assert counts == {
                c.code: len(quality.check_records(tiny_db, scope, c.code)) for c in quality.CHECKS
            }


def test_the_sql_check_character_agrees_with_identifiers(fresh_db):
    import random

    from data_layer.identifiers import credit_check_ok, make_credit_code

    rng = random.Random(7)
    alphabet = quality.CREDIT_ALPHABET
    codes = []
    for n in range(300):
        code = make_credit_code("9144" + "".join(rng.choice(alphabet) for _ in range(13)))
        if n % 3 == 0:  # a wrong check character
            code = code[:17] + rng.choice(alphabet.replace(code[17], ""))
        codes.append(code)
    with fresh_db.transaction() as cur:
        cur.executemany(
            "INSERT INTO institutions VALUES (?, ?, 'enterprise', '440803', NULL, false, NULL)",
            [(code, f"单位{n}") for n, code in enumerate(codes)],
        )
    flagged = set(records(fresh_db, "credit_code_warning", dt.date(2025, 12, 31))["credit_code"])
    assert flagged == {code for code in codes if not credit_check_ok(code)}
    assert len(flagged) == 100
