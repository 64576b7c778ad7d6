"""Benchmark: judging measure indicators quarter by quarter against the plan's path.

    python bench/bench_judgement.py [--indicators 40] [--quarters 20] [--repeat 5]

Builds department reports for the twelve measures (``--indicators`` per measure, one row per
quarter, every third indicator with yearly milestones, percentages with a baseline) and times
``measure_progress.judge`` and the grid built from its result (median of ``--repeat``), with
the process's peak memory. Target: 10,000 rows judged and gridded under 1 s, the page's budget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from bench_overview import median_ms, peak_rss_mb  # noqa: E402

from data_layer import measure_progress as mp  # noqa: E402
from data_layer.startup import create_database  # noqa: E402

PLAN = [(dt.date(2023, 1, 1), dt.date(2025, 12, 31)), (dt.date(2026, 1, 1), dt.date(2027, 12, 31))]


def reports(indicators: int, quarters: list[str]) -> pd.DataFrame:
    """Rows shaped like a department's file: cumulative counts and a few percentages."""
    rng = np.random.default_rng(7)
    rows = []
    for measure in range(1, 13):
        for k in range(indicators):
            percent = k % 5 == 4
            target = 95.0 if percent else float(rng.integers(20, 500))
            for i, quarter in enumerate(quarters):
                share = (i + 1) / 12
                value = 80 + 15 * share if percent else target * share * rng.uniform(0.8, 1.2)
                milestone = target * {"Q4": 0.3}.get(quarter[-2:], np.nan) if k % 3 == 0 else np.nan
                baseline = 80.0 if percent and i == 0 else np.nan
                unit = "%" if percent else "件"
                rows.append(
                    (measure, f"指标{k}", quarter, unit, value, target, milestone, baseline, "市科技局", None)
                )
    columns = ["measure", "indicator", "quarter", "unit", "value", "target", "milestone", "baseline"]
    return pd.DataFrame(rows, columns=[*columns, "department", "note"])


def main() -> None:
    logging.disable(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--indicators", type=int, default=40, help="indicators per measure")
    parser.add_argument("--quarters", type=int, default=20, help="quarters reported, from 2023Q1")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    quarters = mp.quarter_range("2023Q1", str(pd.Period("2023Q1", freq="Q") + args.quarters - 1))
    rows = reports(args.indicators, quarters)
    with tempfile.TemporaryDirectory() as folder:
        db = create_database(Path(folder) / "bench.duckdb", None)
        judged = mp.judge(rows, PLAN)
        judge_ms = median_ms(lambda: mp.judge(rows, PLAN), args.repeat)
        as_of = dt.date(2027, 12, 31)
        grid_ms = median_ms(
            lambda: mp.measure_statuses(db, as_of=as_of, quarters=quarters, judged=judged), args.repeat
        )
        grid = mp.measure_statuses(db, as_of=as_of, quarters=quarters, judged=judged)
        db.close()
    counts = judged["status"].value_counts().to_dict()
    print(
        f"rows judged:        {len(rows):,} "
        f"({args.indicators} indicators x 12 measures x {len(quarters)} quarters)"
    )
    print(f"judge:              {judge_ms:,.0f} ms (median of {args.repeat})")
    print(f"grid:               {grid_ms:,.0f} ms ({len(grid):,} cells)")
    print(f"total:              {judge_ms + grid_ms:,.0f} ms (target < 1,000 ms)")
    print(f"statuses:           {counts}")
    print(f"peak memory:        {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
