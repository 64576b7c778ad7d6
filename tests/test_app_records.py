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
        assert link.proto.page.endswith("records") or "records" in link.proto.page
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
