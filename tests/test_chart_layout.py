"""Chart text that must fit: labels wrapped to a width, one axis tick per year, partial points."""

from __future__ import annotations

import pandas as pd

from ui import charts


def test_wrap_breaks_at_separators_first_then_colons_then_spaces():
    assert charts.wrap("专利产品备案企业数：63 家｜目标的 126%｜✓ 已达标", 14) == (
        "专利产品备案企业数：63 家<br>目标的 126%｜✓ 已达标"
    )
    english = "Enterprises with patent-product filings: 63 enterprises | 126% of target | ✓ Met"
    assert (
        charts.wrap(english, 28)
        == "Enterprises with patent-product filings:<br>63 enterprises<br>126% of target | ✓ Met"
    )
    assert charts.wrap("short", 28) == "short"
    # A word longer than the width is never cut.
    assert charts.wrap("Supercalifragilistic", 4) == "Supercalifragilistic"


def test_year_ticks_label_each_year_once_at_its_first_period():
    months = [f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13)][3:]  # from 2023-04
    assert charts.year_ticks(months) == [("2023-04", "2023-04"), ("2024-01", "2024"), ("2025-01", "2025")]
    quarters = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025-06-30"]
    assert charts.year_ticks(quarters) == [("2024Q1", "2024"), ("2025Q1", "2025")]
    assert charts.year_ticks(["2023", "2024", "2025"]) == []  # years tick as they are


def test_a_partial_point_is_hollow():
    frame = pd.DataFrame({"label": ["2025Q3", "2025Q4", "2026-02-10"], "value": [1, 2, 2.5]})
    frame["partial"] = [False, False, True]
    fig = charts.line_chart(frame, y="value", name="K4", title="T", subtitle="S", unit="%")
    assert list(fig.data[0].marker.symbol) == ["circle", "circle", "circle-open"]
    assert list(fig.layout.xaxis.ticktext) == ["2025Q3"]
