"""A chart's text alternative (ui/chart_text.py) says what the chart shows, in the reader's language."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import chart_text, charts


def kpi_like(target: float | None = 15) -> go.Figure:
    frame = pd.DataFrame({"label": ["2023", "2024", "2025"], "value": [10, 12.5, 20]})
    return charts.line_chart(
        frame,
        y="value",
        name="有效发明专利",
        title="K1 测试",
        subtitle="2023–2025年，按年｜数据截至 2026-09-30",
        unit="单位：件",
        target=target,
        target_label="目标",
    )


def test_a_line_reads_as_title_subtitle_unit_points_target_and_message():
    text = chart_text.describe(kpi_like(), "zh", message="已达标")
    assert text == (
        "图表：K1 测试。2023–2025年，按年｜数据截至 2026-09-30。单位：件。"
        "有效发明专利：2023 10，2024 12.5，2025 20。目标：均为 15。已达标。"
    )


def test_a_point_reads_as_its_hover_and_a_long_series_by_its_ends():
    fig = go.Figure(
        go.Bar(
            x=[5, 13],
            y=["麻章区", "霞山区"],
            orientation="h",
            text=["5 件", "13 件"],
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(title={"text": "Ranking"})
    assert chart_text.describe(fig, "en") == "Chart: Ranking. 麻章区: 5 件, 霞山区: 13 件."
    months = [f"2024-{m:02d}" for m in range(1, 13)] + [f"2025-{m:02d}" for m in range(1, 13)] + ["2026-01"]
    long = go.Figure(go.Scatter(x=months, y=list(range(25, 0, -1)), name="Count"))
    assert "Count: 25 points, first 2024-01 25, last 2026-01 1, lowest 2026-01 1, highest 2024-01 25" in (
        chart_text.describe(long, "en")
    )


def test_a_grid_reads_as_its_size_and_statuses_and_an_empty_chart_says_so():
    grid = go.Figure(
        [
            go.Heatmap(
                x=["2025Q1", "2025Q2"], y=["1", "2"], z=[[0, 1], [1, 1]], text=[["✓", "↘"], ["↘", "↘"]]
            ),
            go.Scatter(x=["2025Q1"], y=["1"], mode="markers", marker={"opacity": 0}),  # catches clicks
        ]
    )
    text = chart_text.describe(grid, "en")
    assert "a grid of 2 rows by 2 columns" in text
    assert "↘ Behind 3, ✓ Met 1" in text
    assert chart_text.describe(go.Figure(), "zh") == "图表。暂无数据。"
