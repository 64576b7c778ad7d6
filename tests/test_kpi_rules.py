"""Every rule the KPI texts state (``kpis.RULES``) is checked against the computation.

Each rule has a check here that shows the computation applying it on the tiny dataset (plus the
rows the check adds), and every check also asserts that the card's ⓘ, 指标口径 and 指标说明 state
the rule (``kpis.definition``), in both languages. A rule without a check, or a check of a rule
the texts no longer state, fails.
"""

from __future__ import annotations

import datetime as dt

import pytest

from data_layer import kpis as kpi_module
from data_layer.i18n import t
from data_layer.ingest import import_file
from data_layer.kpis import EVENT_RULES, RULES, compute_kpis, definition, industrialization
from data_layer.scope import Scope
from ui import kpi_view, method_view

from .conftest import E1, R1, S1, TINY, app_no, write_csv

CHIKAN, XIASHAN, LIANJIANG = "440802", "440803", "440881"
END_2023, END_2025, MID_2026 = dt.date(2023, 12, 31), dt.date(2025, 12, 31), dt.date(2026, 6, 30)


def kpi(db, code: str, as_of: dt.date, division: str | None = None):
    return next(k for k in compute_kpis(db, Scope(as_of=as_of, division=division)) if k.code == code)


def counts(db, day: dt.date, county: str | None = None) -> tuple[int, int]:
    """(valid, industrialized) patents of universities and institutes on ``day``."""
    row = industrialization(db, [day], county).iloc[0]
    return int(row["valid"]), int(row["industrialized"])


def add(db, tmp_path, kind: str, *rows: list[str], header: list[str] | None = None) -> None:
    import_file(db, write_csv(tmp_path / f"{kind}.csv", [header or TINY[kind][0], *rows]))


# --- K1 ----------------------------------------------------------------------------------------


def k1_distinct(db, tmp_path):
    # E1 filed F1 and F2, E2 filed F3: three filings, two enterprises.
    assert (kpi(db, "K1", END_2025).value, kpi(db, "K2", END_2025).value) == (2, 3)


def k1_any_filer(db, tmp_path):
    add(db, tmp_path, "filings", ["F8", "港口装备", S1, "2025-02-01", "港口", "否", app_no(8), "", ""])
    assert kpi(db, "K1", END_2025).value == 3  # the city state enterprise counts


def k1_division(db, tmp_path):
    assert kpi(db, "K1", END_2025, LIANJIANG).value == 1 and kpi(db, "K1", END_2025, CHIKAN).value == 0


# --- K2 ----------------------------------------------------------------------------------------


def k2_each_filing(db, tmp_path):
    add(db, tmp_path, "filings", ["F9", "新空调", E1, "2025-02-01", "家电", "是", app_no(8), "", ""])
    assert (kpi(db, "K1", END_2025).value, kpi(db, "K2", END_2025).value) == (2, 4)


def k2_division(db, tmp_path):
    assert kpi(db, "K2", END_2025, LIANJIANG).value == 2 and kpi(db, "K2", END_2025, XIASHAN).value == 1


# --- K3 ----------------------------------------------------------------------------------------


def k3_intensive_only(db, tmp_path):
    # 2025: F1 200 + F2 40 (patent-intensive); F3's 30 is not.
    assert kpi(db, "K3", END_2025).value == 240


def k3_complete_years(db, tmp_path):
    found = kpi(db, "K3", MID_2026)
    assert found.value_label == "2025" and "2026" not in found.detail["by_year"]


def k3_late_filing(db, tmp_path):
    # A product filed in 2026 reporting 2024's output revises 2024 as seen from mid-2026.
    add(
        db, tmp_path, "filings", ["F7", "晚备案产品", E1, "2026-02-01", "家电", "是", app_no(8), "2024", "10"]
    )
    assert kpi(db, "K3", END_2025).detail["by_year"]["2024"] == 200
    assert kpi(db, "K3", MID_2026).detail["by_year"]["2024"] == 210


def k3_empty_year(db, tmp_path):
    # 霞山区 (E2) files only a non-intensive product with 2025 output: its 2025 is 0, not no data;
    # before any filing holds output (2022), the KPI has none anywhere.
    found = kpi(db, "K3", END_2025, XIASHAN)
    assert found.value == 0 and found.value_label == "2025" and found.detail["by_year"]["2023"] == 0
    assert kpi(db, "K3", dt.date(2022, 12, 31)).value is None


def k3_division(db, tmp_path):
    assert kpi(db, "K3", END_2025, LIANJIANG).value == 240 and kpi(db, "K3", END_2025, CHIKAN).value == 0


# --- K4 ----------------------------------------------------------------------------------------


def k4_valid_on_date(db, tmp_path):
    # Patent 2 lapsed on 2024-06-30; patent 4 was granted on 2025-03-01.
    assert counts(db, dt.date(2024, 6, 29))[0] - counts(db, dt.date(2024, 6, 30))[0] == 1
    assert counts(db, dt.date(2025, 3, 1))[0] - counts(db, dt.date(2025, 2, 28))[0] == 1


def k4_joint_once(db, tmp_path):
    # Valid at the end of 2025: patents 1, 3, 4 (U1), 5, 6 (R1) and 11 (U1 and R1): six, not seven.
    assert counts(db, END_2025)[0] == 6


def k4_transfer_stays(db, tmp_path):
    # Patent 1 was transferred to an enterprise in 2023: still U1's (赤坎区), and industrialized.
    assert counts(db, END_2025, CHIKAN) == (4, 3)  # 1, 3, 4, 11; industrialized 1, 4, 11


def k4_events(db, tmp_path):
    # Patent 6 (R1, valid, only pledged): an event of each type, with and without production.
    header = TINY["patent_events"][0]
    names = {"implementation": "实施", "transfer": "转让", "license": "许可", "pledge": "质押"}
    before = counts(db, END_2025)[1]
    for event, rule in EVENT_RULES.items():
        for produced in ("否", "是"):
            with db.transaction() as cur:  # back to the tiny data's events for patent 6
                cur.execute(
                    "DELETE FROM patent_events WHERE app_no = ? AND event_type <> 'pledge'", [app_no(6)]
                )
            row = [app_no(6), names[event], "2025-10-01", R1, "某公司", "是", "1", produced]
            add(db, tmp_path, "patent_events", row, header=header)
            counted = counts(db, END_2025)[1] - before
            expected = {"always": 1, "in_production": int(produced == "是"), "never": 0}[rule]
            assert counted == expected, (event, produced)


def k4_division(db, tmp_path):
    # 霞山区 holds R1: patents 5, 6 and the jointly held 11 (industrialized: 5, 11).
    assert counts(db, END_2025, XIASHAN) == (3, 2)


# --- K5 ----------------------------------------------------------------------------------------


def k5_involves_patent(db, tmp_path):
    # 2023: C1 100 (a patent listed) counts, C2 50 (a service contract, none) does not.
    assert kpi(db, "K5", END_2023).detail["turnover_by_year"]["2023"] == 100


def k5_latest_complete_year(db, tmp_path):
    found = kpi(db, "K5", MID_2026)
    assert found.value_label == "2025" and not found.annualized
    assert found.value == pytest.approx(100 * (130 / 100 - 1))  # C3 90 + C4 40 on C1's 100


def k5_annualized(db, tmp_path):
    # With a contract in 2024: mid-2024 has no complete year after the 2023 baseline, so 2024 is
    # annualized; mid-2025 has 2024, which is used as it is.
    add(
        db,
        tmp_path,
        "contracts",
        ["C7", "专利许可合同", "技术许可", E1, "某公司", "是", "2024-03-01", "40", "40", app_no(8)],
    )
    early = kpi(db, "K5", dt.date(2024, 6, 30))
    assert early.annualized and early.value_label == "2024"
    later = kpi(db, "K5", dt.date(2025, 6, 30))
    assert not later.annualized and later.value_label == "2024" and later.value == pytest.approx(-60)


def k5_empty_year(db, tmp_path):
    # R1 (霞山区) sells a patent in 2023 and nothing in 2025, a year the register holds contracts for.
    row = ["C6", "专利转让合同", "技术转让", R1, "某公司", "是", "2023-06-01", "50", "50", app_no(5)]
    add(db, tmp_path, "contracts", row)
    found = kpi(db, "K5", END_2025, XIASHAN)
    assert found.detail["turnover_by_year"]["2025"] == 0 and found.value == -100 and found.status == "missed"


def k5_division(db, tmp_path):
    assert kpi(db, "K5", END_2025, LIANJIANG).detail["turnover_by_year"] == {"2023": 0, "2025": 40}
    assert kpi(db, "K5", END_2025, CHIKAN).detail["turnover_by_year"]["2023"] == 100  # U1 sold C1


CHECKS = {
    ("K1", "distinct"): k1_distinct,
    ("K1", "any_filer"): k1_any_filer,
    ("K1", "division"): k1_division,
    ("K2", "each_filing"): k2_each_filing,
    ("K2", "division"): k2_division,
    ("K3", "intensive_only"): k3_intensive_only,
    ("K3", "complete_years"): k3_complete_years,
    ("K3", "late_filing"): k3_late_filing,
    ("K3", "empty_year"): k3_empty_year,
    ("K3", "division"): k3_division,
    ("K4", "valid_on_date"): k4_valid_on_date,
    ("K4", "joint_once"): k4_joint_once,
    ("K4", "transfer_stays"): k4_transfer_stays,
    ("K4", "events"): k4_events,
    ("K4", "division"): k4_division,
    ("K5", "involves_patent"): k5_involves_patent,
    ("K5", "latest_complete_year"): k5_latest_complete_year,
    ("K5", "annualized"): k5_annualized,
    ("K5", "empty_year"): k5_empty_year,
    ("K5", "division"): k5_division,
}


def test_every_rule_has_a_check():
    assert set(CHECKS) == {(code, rule) for code, rules in RULES.items() for rule in rules}


def stated(code: str, rule: str, lang: str) -> list[str]:
    if rule == "events":
        return [
            t(f"kpi.event_rule.{how}", lang, event=t(f"kpi.event.{event}", lang))
            for event, how in EVENT_RULES.items()
        ]
    return [t(f"kpi.rule.{code}.{rule}", lang)]


@pytest.mark.parametrize(("code", "rule"), list(CHECKS))
def test_the_computation_applies_the_rule_the_texts_state(code, rule, fresh_db, tmp_path):
    CHECKS[code, rule](fresh_db, tmp_path)
    card = next(k for k in compute_kpis(fresh_db, Scope(as_of=END_2025)) if k.code == code)
    for lang in ("zh", "en"):
        for sentence in stated(code, rule, lang):
            assert sentence in definition(code, lang)
            assert sentence in kpi_view.formula(card, lang)  # the card's ⓘ and 指标口径
            assert sentence in method_view.definition(code, lang)  # 指标说明


def test_the_event_rules_are_the_sql_the_rates_run():
    # K4 and the institutions page's rates read holdings, which is made with INDUSTRIALIZING;
    # and INDUSTRIALIZING is made from EVENT_RULES.
    from data_layer import holdings, institution_rates

    assert "FROM holdings" in kpi_module._INDUSTRIALIZATION
    assert "FROM holdings" in institution_rates._HELD
    assert holdings.INDUSTRIALIZING in holdings.LIVE
    for event, rule in EVENT_RULES.items():
        assert (f"'{event}'" in holdings.INDUSTRIALIZING) == (rule != "never"), event


def test_the_k4_card_states_the_target_in_points(tiny_db):
    # The tiny targets: K4 is the 2023 rate plus 2 points; the ⓘ says it in numbers.
    card = next(k for k in compute_kpis(tiny_db, Scope(as_of=END_2025)) if k.code == "K4")
    assert card.target == 2 and card.threshold == pytest.approx(card.baseline + 2)
    assert "高于2023年末基线" in kpi_view.formula(card, "zh") and "2个百分点以上" in kpi_view.formula(
        card, "zh"
    )
    assert "2 points above the end-of-2023 baseline" in kpi_view.formula(card, "en")


def test_k3_shows_each_year_as_it_stood_at_its_end_beside_the_revised_figure(fresh_db, tmp_path):
    add(
        fresh_db,
        tmp_path,
        "filings",
        ["F7", "晚备案产品", E1, "2026-02-01", "家电", "是", app_no(8), "2025", "10"],
    )
    card = kpi(fresh_db, "K3", MID_2026)
    assert card.detail["by_year"]["2025"] == 250 and card.detail["as_stood"]["2025"] == 240
    assert card.detail["as_stood"]["2024"] == card.detail["by_year"]["2024"] == 200  # not revised
    assert kpi_view.as_stood_line(card, "zh") == "2025年末时为 240.0 万元；此后补备案的产品修订了该年数字"
    fig = kpi_view.figure(card, None, "zh", MID_2026)
    stood = next(trace for trace in fig.data if trace.name == "当年年末时的数字")
    assert list(stood.y) == [100, 200, 240]
    assert "含补备案" in fig.layout.title.subtitle.text
    # Before the late filing, the year is as it stood: no note.
    assert kpi_view.as_stood_line(kpi(fresh_db, "K3", END_2025), "zh") is None
