"""Every page under AppTest for every bundled region pack: a city, another city, the province.

Each pack runs on its own generated sample (``pack_env``): the pages render without error,
show the data layer's numbers for that region, name its divisions with the pack's words, and
say nothing of another pack's place.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from data_layer import regions
from data_layer.db import Database
from data_layer.i18n import t
from data_layer.kpis import CODES, compute_kpis, division_kpis
from data_layer.scope import Scope
from ui.kpi_view import card

from .apptest import open_app
from .conftest import PACK_AS_OF
from .test_app_english import proper_names, visible_text

AS_OF = dt.date.fromisoformat(PACK_AS_OF)


def pages(region: regions.Region) -> dict[str, tuple[str | None, dict]]:
    """The pages a viewer opens, with one division's views (the most populous)."""
    first = max(region.divisions, key=lambda d: d.population_10k).code
    return {
        "overview": (None, {}),
        "overview, one division": (None, {"county": first}),
        "measures": ("views/measures.py", {}),
        "measure 1": ("views/measures.py", {"measure": "1"}),
        "institutions": ("views/institutions.py", {}),
        "divisions": ("views/counties.py", {}),
        "one division": ("views/counties.py", {"county_detail": first}),
        "filings": ("views/filings.py", {}),
        "briefing": ("views/briefing.py", {}),
        "method": ("views/method.py", {}),
    }


def foreign_places(name: str) -> set[str]:
    """Names of other packs' places that this pack has no reason to show: another city's
    name and its counties (the province may name every city, never a city's counties)."""
    own = regions.pack(name)
    mine = {own.name_zh, own.short_zh, *(d.name_zh for d in own.divisions)}
    foreign: set[str] = set()
    for other_name in regions.names():
        other = regions.pack(other_name)
        if other_name == name or other.level != "city":
            continue
        if other.name_zh not in mine:
            foreign |= {other.name_zh, other.words.based_zh, other.words.app_title_zh}
        foreign |= {d.name_zh for d in other.divisions} - mine
    return foreign


def shown_places(texts: list[str], names: list[str], foreign: set[str]) -> list[str]:
    """Foreign place names in the page's own words (the data's proper names taken out first:
    a firm elsewhere may well be named after its city)."""
    found = set()
    for text in texts:
        for name in names:
            text = text.replace(name, "")
        found |= {place for place in foreign if place in text}
    return sorted(found)


@pytest.fixture
def pack_db(pack_env, pack_files):
    """The pack's sample database read-only (the app under test runs on a copy of it)."""
    db = Database(pack_files(pack_env), read_only=True)
    yield db
    db.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_renders_for_the_pack_and_names_only_its_place(pack_env, pack_db, lang):
    region = regions.pack(pack_env)
    names, foreign = proper_names(pack_db), foreign_places(pack_env)
    for label, (page, query) in pages(region).items():
        at = open_app(page, {**query, "lang": lang})  # open_app asserts no exception
        assert at.session_state["lang"] == lang
        assert not shown_places(visible_text(at), names, foreign), (pack_env, label)


def test_overview_shows_the_regions_numbers(pack_env, pack_db):
    at = open_app(None, {})
    kpis = compute_kpis(pack_db, Scope(as_of=AS_OF, region=pack_env))
    assert {m.label: m.value for m in at.metric} == {card(k, "zh").title: card(k, "zh").value for k in kpis}
    assert any(k.value for k in kpis)  # the sample gives the region real figures, not only dashes
    assert at.title[0].value == t("ui.overview.title", "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_divisions_page_lists_the_packs_divisions_in_its_words(pack_env, lang):
    region = regions.pack(pack_env)
    at = open_app("views/counties.py", {"lang": lang})
    words = region.words
    title = f"{words.division_zh}对比" if lang == "zh" else words.divisions_en.capitalize()
    assert at.title[0].value == title
    table = at.dataframe[0].value
    names = {d.name_zh if lang == "zh" else d.name_en for d in region.divisions}
    assert set(table.iloc[:, 0]) == names


def test_a_province_overview_ranks_its_cities_on_each_kpi(pack_env, pack_db):
    region = regions.pack(pack_env)
    at = open_app(None, {})
    specs = {c.key: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    ranked = [key for key in specs if key.startswith("overview.ranking.")]
    if region.level == "city":  # a city's counties are ranked on the counties page
        assert ranked == []
        return
    assert ranked == [f"overview.ranking.{code}" for code in CODES]
    rows = division_kpis(pack_db, Scope(as_of=AS_OF, region=pack_env))
    for code in CODES:
        bar = specs[f"overview.ranking.{code}"]["data"][0]
        expected = {r.adcode: next(k.value for k in r.kpis if k.code == code) for r in rows}
        assert dict(zip(bar["customdata"], bar["x"], strict=True)) == pytest.approx(expected, nan_ok=True)
        assert set(bar["customdata"]) == {d.code for d in region.divisions}
        known = [v for v in bar["x"] if v is not None]
        assert known == sorted(known)  # largest on top (Plotly draws the first category lowest)
