"""Chart builders are pure: DataFrame in, figure out, with title, period, source and freshness."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from data_layer.kpis import Kpi
from ui import charts, kpi_view
from ui.theme import TEMPLATE_NAME, format_number, value_format


def heading(fig) -> str:
    """A chart's title and subtitle, as one reads them."""
    return f"{fig.layout.title.text}\n{fig.layout.title.subtitle.text}"


def test_line_chart_with_target_and_baseline():
    frame = pd.DataFrame({"label": ["2024Q4", "2025Q1", "2025Q2"], "value": [8.0, 9.0, 10.5]})
    fig = charts.line_chart(
        frame,
        y="value",
        name="率",
        title="产业化率",
        subtitle="期间｜来源｜数据截至",
        unit="%",
        target=10.5,
        target_label="目标",
        baseline=8.0,
        baseline_label="基线",
    )
    assert [trace.name for trace in fig.data] == ["率", "目标", "基线"]
    assert list(fig.data[1].y) == [10.5, 10.5]
    assert fig.layout.title.text == "产业化率"
    assert fig.layout.title.subtitle.text == "期间｜来源｜数据截至"
    assert fig.layout.xaxis.type == "category"
    assert fig.layout.template.layout.colorway  # our template, not Streamlit's
    assert TEMPLATE_NAME


def test_bar_chart_marks_the_incomplete_year():
    frame = pd.DataFrame(
        {"label": ["2024", "2025", "2026"], "value": [1.0, 2.0, 0.5], "partial": [False, False, True]}
    )
    fig = charts.bar_chart(
        frame,
        name="成交额",
        partial_name="当年（未满一年）",
        title="t",
        subtitle="s",
        unit="万元",
        baseline=1.0,
        baseline_label="基线",
    )
    assert [trace.name for trace in fig.data] == ["成交额", "当年（未满一年）", "基线"]
    assert list(fig.data[1].x) == ["2026"]


def test_kpi_figure_says_period_source_and_freshness():
    kpi = Kpi(
        code="K2",
        as_of=dt.date(2026, 6, 30),
        value=4,
        unit="件",
        status="behind",
        target=5.0,
        target_type="exceed",
    )
    frame = pd.DataFrame(
        {
            "label": ["2026-05", "2026-06"],
            "date": pd.to_datetime(["2026-05-31", "2026-06-30"]),
            "enterprises": [1, 2],
            "products": [3, 4],
            "partial": [False, False],
        }
    )
    fig = kpi_view.figure(kpi, frame, "zh", dt.date(2026, 6, 1))
    title = heading(fig)
    assert "备案产品数" in title and "2026-05 至 2026-06" in title and "专利产品备案" in title
    assert "数据截至 2026-06-01" in title
    assert list(fig.data[0].y) == [3, 4]
    english = heading(kpi_view.figure(kpi, frame, "en", None))
    assert "Filed products" in english and "Data as of —" in english


def test_kpi_figure_without_data():
    kpi = Kpi(code="K4", as_of=dt.date(2026, 6, 30), value=None, unit="%", status="no_data")
    fig = kpi_view.figure(kpi, pd.DataFrame(columns=["label", "value"]), "zh", None)
    assert "尚无数据" in heading(fig)


def test_number_formats():
    assert format_number(12.345, "%") == "12.3%"
    assert format_number(1234, "件") == "1,234 件"
    assert format_number(None, "件") == "—"
    assert format_number(63, "家", "en") == "63 enterprises"


def test_money_keeps_one_unit_however_large():
    """万元 in Chinese and 10k yuan in English, never 亿元, M or bn: a card and its chart agree."""
    assert format_number(5432.1, "万元") == "5,432.1 万元"
    assert format_number(123456.0, "万元") == "123,456.0 万元"
    assert format_number(330000.0, "万元", "en") == "330,000.0 10k yuan"
    assert format_number(20700.0, "万元", "en") == "20,700.0 10k yuan"
    assert format_number(12.5, "万元", "en") == "12.5 10k yuan"
    assert format_number(1.5, "亿元") == "1.5 亿元"  # an indicator reported in 亿元 keeps its decimal


def test_a_k5_card_and_its_chart_write_the_turnover_in_one_unit():
    kpi = Kpi(
        code="K5",
        as_of=dt.date(2026, 6, 30),
        value=25.0,
        unit="%",
        status="met",
        target=20.0,
        target_type="growth_pct",
        baseline=120_000.0,
        detail={"turnover_10k": 150_000.0, "baseline_year": 2023, "history": [("2023", 120_000.0, False)]},
    )
    for lang, unit in (("zh", "万元"), ("en", "10k yuan")):
        lines = " ".join(kpi_view.card(kpi, lang).lines)
        assert f"150,000.0 {unit}" in lines and f"120,000.0 {unit}" in lines, lines
        fig = kpi_view.figure(kpi, None, lang, None)
        (note,) = [a.text for a in fig.layout.annotations if a.name == "unit"]
        assert note.endswith(unit)
        assert fig.layout.yaxis.hoverformat == ",.1f"  # the hover writes 150,000.0 too
        assert list(fig.data[0].y) == [120_000.0]  # the axis counts in the same unit


def test_card_text_after_deadline():
    kpi = Kpi(
        code="K2",
        as_of=dt.date(2026, 6, 30),
        value=78,
        unit="件",
        status="met_late",
        target=70.0,
        target_type="exceed",
        threshold=70.0,
        period="2023-2025",
        deadline=dt.date(2025, 12, 31),
        value_at_deadline=66,
        status_at_deadline="missed",
    )
    card = kpi_view.card(kpi, "zh")
    assert (card.value, card.status_label, card.badge_color) == ("78 件", "◎ 逾期达标", "violet")
    # The deadline's result comes first, then the target.
    assert card.lines[:2] == ["截止日（2025-12-31）时：66 件，未达标", "目标：超过 70 件"]


def test_long_subtitle_lines_break_at_separators_and_the_top_margin_makes_room():
    long = "2023-04 至 2026-11，按月累计｜来源：专利产品备案｜数据截至 2026-10-31"
    assert charts.subtitle_lines(long) == [
        "2023-04 至 2026-11，按月累计｜来源：专利产品备案",
        "数据截至 2026-10-31",
    ]
    assert charts.subtitle_lines("短｜行") == ["短｜行"]
    assert charts.subtitle_lines("一<br>二<br>三") == ["一", "二", "三"]
    english = "2023-04 to 2026-11, cumulative by month | Source: patent-product filings | Data as of 2026-10"
    assert charts.subtitle_lines(english)[1] == "Source: patent-product filings"
    one = charts.titled(go.Figure(), [], "t", "一", "件")
    three = charts.titled(go.Figure(), [], "t", "一<br>二<br>三", "件")
    assert three.layout.margin.t - one.layout.margin.t == 2 * charts.SUBTITLE_LINE
    assert "<sup>" not in three.layout.title.text
    # The unit sits on the plot's top edge, below the last subtitle line.
    (unit,) = [a for a in three.layout.annotations if a.name == "unit"]
    assert (unit.text, unit.y, unit.yanchor) == ("件", 1, "bottom")


def test_hover_values_are_written_as_the_cards_write_them():
    assert (value_format("%"), value_format("万元"), value_format("件")) == (",.1f", ",.1f", ",.0f")
    rate = Kpi(code="K4", as_of=dt.date(2026, 6, 30), value=12.5, unit="%", status="met")
    frame = pd.DataFrame({"label": ["2025Q4", "2026Q1"], "value": [11.25, 12.5]})
    axis = kpi_view.figure(rate, frame, "zh", None).layout.yaxis
    assert (axis.hoverformat, axis.ticksuffix, axis.tickformat) == (",.1f", "%", ",")
