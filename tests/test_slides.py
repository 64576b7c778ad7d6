"""Briefing slides: every catalogue slide builds, and its key message is computed from the data."""

from __future__ import annotations

import datetime as dt

import pytest

from data_layer import trends
from data_layer.kpis import Kpi, compute_kpis
from ui import slides
from ui.filters import Filters

AS_OF = dt.date(2026, 6, 30)


def scope(db, lang="zh", county=None) -> slides.Scope:
    return slides.Scope(Filters(lang, county, "latest", AS_OF), trends.data_as_of(db))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("slide_id", slides.CATALOGUE)
def test_every_slide_builds_with_title_message_period_and_numbers(tiny_db, slide_id, lang):
    slide = slides.build(tiny_db, slide_id, scope(tiny_db, lang))
    assert slide.id == slide_id
    assert slide.title and slide.message and slide.period and slide.source
    assert slide.figure.data, "the chart draws something"
    assert not slide.numbers.empty
    assert slide.title == slides.slide_name(slide_id, lang) or slide_id in ("filings", "contracts")


def test_the_default_deck_is_overview_areas_institutions_counties():
    assert (
        "kpis",
        *(f"kpi.K{n}" for n in range(1, 6)),
        *(f"area.{n}" for n in range(1, 5)),
        "institutions",
        "counties",
    ) == slides.DEFAULT_DECK
    assert set(slides.DEFAULT_DECK) <= set(slides.CATALOGUE)


def test_a_kpi_message_states_the_value_and_the_target(tiny_db):
    kpi = next(k for k in compute_kpis(tiny_db, AS_OF) if k.code == "K1")
    message = slides.build(tiny_db, "kpi.K1", scope(tiny_db)).message
    assert message.startswith(f"专利产品备案企业数 {kpi.value:,.0f} 家")
    assert f"{kpi.threshold:,.0f} 家" in message


@pytest.mark.parametrize(
    ("value", "status", "expected"),
    [
        (52, "met", "专利产品备案企业数 52 家，已达到 50 家目标"),
        (40, "on_track", "专利产品备案企业数 40 家，距 50 家目标还差 10 家，按当前进度可望达成"),
        (40, "behind", "专利产品备案企业数 40 家，距 50 家目标还差 10 家"),
        (None, "no_data", "专利产品备案企业数暂无数据"),
    ],
)
def test_kpi_messages_by_status(value, status, expected):
    kpi = Kpi("K1", AS_OF, value, "家", status, target=50, target_type="exceed", threshold=50)
    assert slides.kpi_message(kpi, "zh") == expected


def test_a_growth_target_speaks_in_percentage_points():
    kpi = Kpi("K5", AS_OF, 15.0, "%", "behind", target=20, target_type="growth_pct", threshold=20)
    assert (
        slides.kpi_message(kpi, "zh")
        == "涉专利技术合同成交额较基期增长 15.0%，距增长 20.0% 的目标还差 5.0 个百分点"
    )


def test_the_opening_slide_counts_statuses_as_the_kpis_report_them(tiny_db):
    kpis = compute_kpis(tiny_db, AS_OF)
    slide = slides.build(tiny_db, "kpis", scope(tiny_db))
    met = sum(k.status == "met" for k in kpis)
    assert slide.message.startswith(f"{len(kpis)} 项目标中")
    assert (f"已达标 {met} 项" in slide.message) == (met > 0)
    assert len(slide.numbers) == len(kpis)


def test_the_county_filter_reaches_the_slides(tiny_db):
    city = slides.build(tiny_db, "kpi.K2", scope(tiny_db))
    lianjiang = slides.build(tiny_db, "kpi.K2", scope(tiny_db, county="440881"))
    assert city.message != lianjiang.message
    counties = slides.build(tiny_db, "counties", scope(tiny_db, county="440881"))
    colours = counties.figure.data[0].marker.color
    assert len(set(colours)) == 2  # the chosen county stands out


def test_presented_enlarges_every_font_and_leaves_the_title_to_the_slide(tiny_db):
    figure = slides.build(tiny_db, "institutions", scope(tiny_db)).figure
    big = slides.presented(figure, font_size=28)
    assert big.layout.font.size == 28
    assert big.data[0].textfont.size == figure.data[0].textfont.size * 2
    assert [a.font.size for a in big.layout.annotations] == [
        round((a.font.size or 14) * 2) for a in figure.layout.annotations
    ]
    assert not big.layout.title.text and not (big.layout.title.subtitle and big.layout.title.subtitle.text)
    assert figure.layout.title.text, "the page's figure is left as it was"
    kept = slides.presented(figure, keep_title=True)
    assert kept.layout.title.text == figure.layout.title.text
