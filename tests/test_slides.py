"""Briefing slides: every catalogue slide builds, and its key message is computed from the data."""

from __future__ import annotations

import datetime as dt

import pytest

from data_layer import trends
from data_layer.kpis import Kpi, compute_kpis
from data_layer.scope import Scope
from ui import slides

AS_OF = dt.date(2026, 6, 30)


def build(db, slide_id: str, lang: str = "zh", county: str | None = None) -> slides.Slide:
    return slides.build(db, Scope(as_of=AS_OF, division=county), slide_id, lang, trends.data_as_of(db))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("slide_id", slides.catalogue())
def test_every_slide_builds_with_title_message_period_and_numbers(tiny_db, slide_id, lang):
    slide = build(tiny_db, slide_id, lang)
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
    ) == slides.default_deck()
    assert set(slides.default_deck()) <= set(slides.catalogue())


def test_a_kpi_message_states_the_value_and_the_target(tiny_db):
    kpi = next(k for k in compute_kpis(tiny_db, Scope(as_of=AS_OF)) if k.code == "K1")
    message = build(tiny_db, "kpi.K1").message
    assert message.startswith(f"专利产品备案企业数 {kpi.value:,.0f} 家")
    assert f"{kpi.threshold:,.0f} 家" in message


@pytest.mark.parametrize(
    ("value", "status", "expected"),
    [
        (52, "met", "专利产品备案企业数 52 家，已超过 50 家目标"),
        # "More than 50" takes 51: 40 is 11 short.
        (40, "on_track", "专利产品备案企业数 40 家，距 超过50 家目标还差 11 家，按当前进度可望达成"),
        (40, "behind", "专利产品备案企业数 40 家，距 超过50 家目标还差 11 家"),
        (45, "missed", "专利产品备案企业数 45 家，截止日（2025-12-31）未达到 超过50 家目标，还差 6 家"),
        (None, "no_data", "专利产品备案企业数暂无数据"),
    ],
)
def test_kpi_messages_by_status(value, status, expected):
    kpi = Kpi(
        "K1",
        AS_OF,
        value,
        "家",
        status,
        target=50,
        target_type="exceed",
        threshold=50,
        deadline=dt.date(2025, 12, 31),
    )
    assert slides.kpi_message(kpi, "zh") == expected


def test_met_after_the_deadline_says_the_deadline_result_first():
    kpi = Kpi(
        "K2",
        AS_OF,
        78,
        "件",
        "met_late",
        target=70,
        target_type="exceed",
        threshold=70,
        deadline=dt.date(2025, 12, 31),
        value_at_deadline=66,
        status_at_deadline="missed",
    )
    message = slides.kpi_message(kpi, "zh")
    assert message.startswith("备案产品数 78 件，逾期达标：截止日（2025-12-31）时为 66 件")
    assert "已达到 70" not in message


def test_a_rising_target_is_told_by_its_own_test_never_as_a_share():
    kpi = Kpi("K3", AS_OF, 240.0, "万元", "met", target=0, target_type="rising")
    kpi.detail.update(previous=200.0, previous_year="2024", rise_pct=20.0, rising=True)
    assert slides.kpi_message(kpi, "zh") == (
        "专利密集型产品产值 240.0 万元，比2024年（200.0 万元）增长 +20.0%，保持逐年提升"
    )


def test_a_growth_target_speaks_in_percentage_points():
    kpi = Kpi("K5", AS_OF, 15.0, "%", "behind", target=20, target_type="growth_pct", threshold=20)
    assert (
        slides.kpi_message(kpi, "zh")
        == "涉专利技术合同成交额较基期增长 15.0%，距增长 20.0% 的目标还差 5.0 个百分点"
    )


def test_the_opening_slide_draws_no_share_for_a_rising_target(tiny_db):
    kpis = compute_kpis(tiny_db, Scope(as_of=AS_OF))
    slide = build(tiny_db, "kpis")
    shares = list(slide.figure.data[0].x)
    k3 = [k.code for k in kpis].index("K3")
    assert shares[k3] is None and all(s is not None for i, s in enumerate(shares) if i != k3)
    labels = [a.text for a in slide.figure.layout.annotations if a.yref == "y"]
    assert "比上年" in labels[k3] and "目标的" not in labels[k3]
    # One target mark per bar that has a share, none down the whole chart.
    marks = [s for s in slide.figure.layout.shapes if s.x0 == 100]
    assert len(marks) == len(kpis) - 1
    assert all(s.y1 - s.y0 < 1 for s in marks)


def test_the_opening_slide_counts_statuses_as_the_kpis_report_them(tiny_db):
    kpis = compute_kpis(tiny_db, Scope(as_of=AS_OF))
    slide = build(tiny_db, "kpis")
    met = sum(k.status == "met" for k in kpis)
    assert slide.message.startswith(f"{len(kpis)} 项目标中")
    assert (f"已达标 {met} 项" in slide.message) == (met > 0)
    assert len(slide.numbers) == len(kpis)


def test_the_county_filter_reaches_the_slides(tiny_db):
    city = build(tiny_db, "kpi.K2")
    lianjiang = build(tiny_db, "kpi.K2", county="440881")
    assert city.message != lianjiang.message
    counties = build(tiny_db, "counties", county="440881")
    colours = counties.figure.data[0].marker.color
    assert len(set(colours)) == 2  # the chosen county stands out


def test_presented_enlarges_every_font_and_leaves_the_title_to_the_slide(tiny_db):
    figure = build(tiny_db, "institutions").figure
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_phone_gets_small_type_and_notes_wrapped_to_its_width(tiny_db, lang):
    from ui.charts import text_width

    figure = build(tiny_db, "kpis", lang).figure
    phone = slides.on_phone(figure)
    assert phone.layout.font.size == slides.PHONE_FONT and phone.layout.height == slides.PHONE_HEIGHT
    labels = [a.text for a in phone.layout.annotations if a.text]
    assert any("<br>" in text for text in labels), "the long KPI labels are wrapped"
    for text in labels:
        for line in text.split("<br>"):
            # A single word may stand longer; no line of several words does.
            assert text_width(line) <= slides.PHONE_LABEL_EMS or " " not in line.strip(), line
    assert "<br>" not in "".join(a.text or "" for a in figure.layout.annotations), "the projector's stays"


def test_the_catalogue_follows_the_plan_of_the_pack_that_runs(monkeypatch):
    """A plan with three task areas makes a deck with three area slides (read on each call)."""
    from data_layer import regions

    region = regions.pack()
    plan = region.plan.model_copy(
        update={
            "areas": region.plan.areas[:3],
            "measures": tuple(m for m in region.plan.measures if m.area <= 3),
        }
    )
    assert "area.4" in slides.catalogue()
    monkeypatch.setattr(regions, "current", lambda: region.model_copy(update={"plan": plan}))
    assert [s for s in slides.catalogue() if s.startswith("area.")] == ["area.1", "area.2", "area.3"]
    assert "area.4" not in slides.default_deck()
