"""The records page (溯源) under AppTest: opened from a card's link, its total the card's figure."""

from __future__ import annotations

import datetime as dt

import pytest

from data_layer.db import Database
from data_layer.kpis import CODES, compute_kpis
from data_layer.scope import Scope

from .apptest import open_app
from .conftest import APP_AS_OF


def card_values(db_path, division=None) -> dict:
    db = Database(db_path, read_only=True)
    try:
        kpis = compute_kpis(db, Scope(as_of=dt.date.fromisoformat(APP_AS_OF), division=division))
    finally:
        db.close()
    return {k.code: k for k in kpis}


def test_each_card_links_to_its_records_with_the_filters(app_env):
    at = open_app(query={"county": "440881"})
    links = [p for p in at.get("page_link")]
    assert len(links) == 5
    for code, link in zip(CODES, links, strict=True):
        assert link.proto.page == "records", link.proto.page  # the page's url_path
        assert f"figure={code}" in link.proto.query_string and "county=440881" in link.proto.query_string


@pytest.mark.parametrize("code", CODES)
def test_the_records_page_total_is_the_cards_figure(app_env, code):
    at = open_app("views/records.py", {"figure": code})
    assert at.title[0].value == "溯源：指标背后的记录"
    total = at.markdown[0].value
    card = card_values(app_env)[code]
    from ui.theme import format_number

    if card.value is not None:
        assert format_number(card.value, card.unit) in total
    assert at.query_params["figure"] == code
    assert at.dataframe, "the records are listed"


def test_the_english_page_and_a_county(app_env):
    at = open_app("views/records.py", {"figure": "K4", "lang": "en", "county": "440802"})
    card = card_values(app_env, "440802")["K4"]
    line = at.markdown[0].value
    assert f"{card.detail['industrialized']} industrialized ÷ {card.detail['valid']} valid patents" in line
    assert list(at.dataframe[0].value.columns)[:2] == ["Application no.", "Title"]


def test_a_county_detail_links_to_the_records_of_its_figures(app_env):
    at = open_app("views/counties.py", {"county_detail": "440881"})
    links = [p for p in at.get("page_link") if "figure=" in p.proto.query_string]
    assert [p.proto.label for p in links] == list(CODES)
    assert all("county=440881" in p.proto.query_string for p in links)
    assert not any("county_detail" in p.proto.query_string for p in links)
    records = open_app("views/records.py", {"figure": "K1", "county": "440881"})
    card = card_values(app_env, "440881")["K1"]
    assert records.markdown[0].value.startswith(f"**合计 {card.value:.0f} 家企业")


def total_of(at) -> str:
    """The records page's total line (an institution's name may come first)."""
    return next(m.value for m in at.markdown if "÷" in m.value)


def test_the_institutions_page_drills_to_the_patents_behind_its_rate(app_env):
    """The ranking's link carries its filters; the records page's total is the page's; an
    institution's detail links to its own patents, and the page names it."""
    from data_layer import institution_rates

    query = {"inst_kind": "university", "patent_type": "invention"}
    at = open_app("views/institutions.py", query)
    link = next(p for p in at.get("page_link") if "figure=RATE" in p.proto.query_string)
    assert "inst_kind=university" in link.proto.query_string
    assert "patent_type=invention" in link.proto.query_string
    db = Database(app_env, read_only=True)
    try:
        scope = Scope(as_of=dt.date.fromisoformat(APP_AS_OF), inst_kind="university", patent_type="invention")
        page = institution_rates.page_data(db, scope)
        code = page.ranking.loc[page.ranking["valid"] > 0, "credit_code"].iloc[0]
        one = institution_rates.detail_data(db, scope, code)
    finally:
        db.close()
    records = open_app("views/records.py", {**query, "figure": "RATE"})
    assert f"{page.now.industrialized} 件已产业化 ÷ {page.now.valid} 件有效专利" in total_of(records)
    assert len(records.dataframe[0].value) == page.now.valid

    detail = open_app("views/institutions.py", {**query, "inst": code})
    link = next(p for p in detail.get("page_link") if "figure=RATE" in p.proto.query_string)
    assert f"inst={code}" in link.proto.query_string
    records = open_app("views/records.py", {**query, "figure": "RATE", "inst": code})
    assert one.institution.name in records.markdown[0].value
    assert f"{one.now.industrialized} 件已产业化 ÷ {one.now.valid} 件有效专利" in total_of(records)
    english = open_app("views/records.py", {**query, "figure": "RATE", "inst": code, "lang": "en"})
    assert f"{one.now.industrialized} industrialized ÷ {one.now.valid} valid patents" in total_of(english)


def test_an_unknown_institution_is_said(app_env):
    at = open_app("views/records.py", {"figure": "RATE", "inst": "91440800NOSUCH0000"})
    assert at.warning and "91440800NOSUCH0000" in at.warning[0].value


def test_a_figure_as_it_stood_beside_today_after_a_late_file(app_env, tmp_path):
    """A late filing revises the 2025 year end; picking a day before it shows the old figure and
    says the data since revised it, in both languages; the day is in the URL."""
    from data_layer import figure_history
    from data_layer.ingest import import_file

    from .test_figure_history import LATE, backdate, late_filings

    at = open_app("views/records.py", {"figure": "K1", "period": "2025"})
    assert "与现在相同" in stood_line(at)
    db = Database(app_env)
    try:
        first = figure_history.revisions(db, Scope(as_of=dt.date(2025, 12, 31)), "K1")[0].batch_id
        backdate(db, first, dt.date(2026, 3, 1))
        import_file(db, late_filings(tmp_path, LATE), "filings", user="alice")
    finally:
        db.close()
    at = open_app("views/records.py", {"figure": "K1", "period": "2025", "stood": "2026-03-15"})
    line = stood_line(at)
    assert "2026-03-15 时为 **2 家**" in line and "现为 **3 家**" in line and "修订" in line
    assert at.query_params["stood"] == "2026-03-15"
    assert len(at.dataframe[0].value) == 2  # the two recorded values
    english = open_app(
        "views/records.py", {"figure": "K1", "period": "2025", "stood": "2026-03-15", "lang": "en"}
    )
    assert "now **3 enterprises**" in stood_line(english) and "revised" in stood_line(english)
    overview = open_app(query={"period": "2025"})  # the card says it was revised, and when
    notes = [c.value for c in overview.caption if "首次记录" in c.value]
    assert notes == [  # K1 and K2 (the late filing is a product too); K3-K5 did not move
        "2026-03-01 首次记录时为 2 家；其后导入的数据修订了它（见“查看记录”）",
        "2026-03-01 首次记录时为 3 件；其后导入的数据修订了它（见“查看记录”）",
    ]


def stood_line(at) -> str:
    return next(m.value for m in at.markdown if "2026" in m.value or "—" in m.value)


def test_an_empty_date_or_text_reads_empty_not_none_or_nat():
    """A column with no date at all (no patent lapsed) and a missing text show an empty cell."""
    import pandas as pd

    from ui.records_view import readable

    index = [5, 7]  # not 0..n-1: a page's rows after sorting
    frame = pd.DataFrame(
        {
            "lapse_date": pd.Series([pd.NaT, pd.NaT], dtype="datetime64[us]", index=index),
            "grant_date": pd.Series(pd.to_datetime(["2020-01-02", None]), index=index),
            "counterparty": pd.Series(["某公司", None], dtype="str", index=index),
        }
    )
    shown = readable(frame, "zh")
    assert shown["lapse_date"].tolist() == ["", ""]
    assert shown["grant_date"].tolist() == [dt.date(2020, 1, 2), ""]
    assert shown["counterparty"].tolist() == ["某公司", ""]


def test_a_county_tile_opens_the_records_of_its_figure(app_env):
    """The chosen metric's records in the county's detail, their total the table's figure."""
    from data_layer import county_metrics as cm

    at = open_app("views/counties.py", {"county_detail": "440881", "county_metric": "turnover"})
    expander = next(e for e in at.expander if "背后的记录" in e.label)
    db = Database(app_env, read_only=True)
    try:
        scope = Scope(as_of=dt.date.fromisoformat(APP_AS_OF))
        figure = cm.county_metrics(db, scope).set_index("adcode").loc["440881", "turnover_10k"]
        found = cm.metric_records(db, scope.with_division("440881"), "turnover")
    finally:
        db.close()
    assert expander.label == f"涉专利技术合同成交额背后的记录（{found.count} 条）" and found.count > 0
    from ui.theme import format_number

    assert f"{format_number(figure, '万元')}，由以下 {found.count} 条记录得出" in expander.markdown[0].value
    assert len(expander.dataframe[0].value) == found.count
