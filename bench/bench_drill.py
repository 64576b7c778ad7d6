"""Benchmark: the records behind each figure (溯源, data quality) at 100x the sample size.

    python bench/bench_drill.py [--scale 100] [--repeat 5]

Times ``records.kpi_records`` for each KPI (the card's value and its records), the
institutions page's rate (``records.rate_records``) and ``quality.check_records`` for each data
quality check, for the whole city and its most populous division, and each county figure's
records (``county_metrics.metric_records``) for that division, uncached (median of ``--repeat``
after a warm-up), with the number of records each returns. Then what each kind of import adds
to its own transaction to record the figures it moved (``figure_history``: the KPIs it feeds,
for the region and every division, on each recorded date). Uses the database bench_overview.py
builds (bench/out/, ignored by git). Target: each drill under 300 ms.
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

from data_layer import county_metrics, figure_history, holdings, kpis, quality, records, regions  # noqa: E402
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
    drills += [("RATE records", lambda s: records.rate_records(db, s), lambda d: d.count)]
    drills += [("quality counts", lambda s: quality.quality(db, s), lambda q: len(q.findings))]
    for name, fn, size in drills:
        times = [median_ms(lambda s=s, fn=fn: fn(s), args.repeat) for s in (whole, division)]
        sizes = [size(fn(s)) for s in (whole, division)]
        worst = max(worst, *times)
        print(f"{name:<28}{times[0]:>12.0f}{sizes[0]:>10,}{times[1]:>15.0f}{sizes[1]:>10,}")
    print(f"{'county figure records':<28}{'':>12}{'':>10}{'division (ms)':>15}{'records':>10}")
    for metric in county_metrics.RECORDED:
        ms = median_ms(lambda m=metric: county_metrics.metric_records(db, division, m), args.repeat)
        worst = max(worst, ms)
        count = county_metrics.metric_records(db, division, metric).count
        print(f"{metric:<28}{'':>12}{'':>10}{ms:>15.0f}{count:>10,}")
    verdict = "met" if worst < TARGET_MS else "NOT met"
    print(f"slowest {worst:.0f} ms: target {TARGET_MS} ms {verdict}; peak memory: {peak_rss_mb():.0f} MB")
    record_costs(db, args.repeat)
    rebuild_cost(db, args.repeat)


def record_costs(db, repeat: int) -> None:
    """The figures an import of each kind computes to record what it moved (the insert is a few
    hundred rows at most): every_division for the KPIs it feeds, on each recorded date."""
    dates = figure_history.recorded_dates(AS_OF)
    print(f"== figure history: {len(dates)} recorded dates ({', '.join(map(str, dates))}) ==")
    for kind in ("filings", "contracts", "patents", "institutions"):
        codes = figure_history.FEEDS[kind]

        def compute(codes=codes):
            for day in dates:
                kpis.every_division(db, Scope(as_of=day), codes)

        ms = median_ms(compute, max(1, repeat // 2))
        print(f"{kind:<14} feeds {'+'.join(codes):<18} {ms:>8.0f} ms per import")


def rebuild_cost(db, repeat: int) -> None:
    """What an import of institutions, patents or events adds to remake ``holdings`` (the drills'
    K4 population): the same query and sort, into a temp table of a workspace (the published
    generation is read-only)."""
    rows = db.scalar("SELECT count(*) FROM holdings")

    def remake():
        with db.workspace() as cur:
            remade = f"SELECT * FROM ({holdings.LIVE}) ORDER BY {holdings.ORDER}"
            cur.execute(f"CREATE OR REPLACE TEMP TABLE remade AS {remade}")

    ms = median_ms(remake, max(1, repeat // 2))
    print(f"== holdings: {rows:,} rows, remade in {ms:.0f} ms per import of {', '.join(holdings.SOURCES)} ==")


if __name__ == "__main__":
    main()
