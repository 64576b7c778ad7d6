"""Benchmark: the records behind each figure (溯源, data quality) at 100x the sample size.

    python bench/bench_drill.py [--scale 100] [--repeat 5]

Times ``records.kpi_records`` for each KPI (the card's value and its records) and
``quality.check_records`` for each data quality check, for the whole city and its most
populous division, uncached (median of ``--repeat`` after a warm-up), with the number of
records each returns. Uses the database bench_overview.py builds (bench/out/, ignored by git).
Target: each under 300 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_overview import build, median_ms, peak_rss_mb  # noqa: E402

from data_layer import quality, records, regions  # noqa: E402
from data_layer.counties import most_populous  # noqa: E402
from data_layer.kpis import CODES  # noqa: E402
from data_layer.scope import Scope  # noqa: E402

AS_OF = dt.date(2026, 10, 31)
TARGET_MS = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ[regions.ENV] = regions.DEFAULT_PACK
    db, facts = build(args.scale)
    whole, division = Scope(as_of=AS_OF), Scope(as_of=AS_OF, division=most_populous())
    print(f"== drills at scale {args.scale:g}x: {facts['patents']:,} patents, as of {AS_OF} ==")
    print(f"{'drill':<28}{'whole (ms)':>12}{'records':>10}{'division (ms)':>15}{'records':>10}")
    worst = 0.0
    # (name, what the page runs, how many records it stands for): a KPI's drill and a check's
    # page list their first records.SHOWN; the count is the whole list's.
    drills = [
        (f"{code} records", lambda s, c=code: records.kpi_records(db, s, c), lambda d: d.count)
        for code in CODES
    ]
    drills += [
        (
            c.code,
            lambda s, c=c.code: (s, c, quality.check_records(db, s, c, records.SHOWN)),
            lambda r: quality.check_count(db, r[0], r[1]),
        )
        for c in quality.CHECKS
    ]
    drills += [("quality counts", lambda s: quality.quality(db, s), lambda q: len(q.findings))]
    for name, fn, size in drills:
        times = [median_ms(lambda s=s, fn=fn: fn(s), args.repeat) for s in (whole, division)]
        sizes = [size(fn(s)) for s in (whole, division)]
        worst = max(worst, *times)
        print(f"{name:<28}{times[0]:>12.0f}{sizes[0]:>10,}{times[1]:>15.0f}{sizes[1]:>10,}")
    verdict = "met" if worst < TARGET_MS else "NOT met"
    print(f"slowest {worst:.0f} ms: target {TARGET_MS} ms {verdict}; peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
