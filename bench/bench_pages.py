"""Benchmark: each page's data at 100x the sample size, uncached and from Streamlit's cache.

    python bench/bench_pages.py [--scale 100] [--repeat 5] [--region zhanjiang]

``--region`` runs another pack on its generated sample: the province at ``--scale 21`` is its
21 cities at about the size of one city's sample each (~630,000 patents), to compare with
Zhanjiang at ``--scale 10``.

For every page it times ``page_data`` (everything the page's default view asks the data layer
for) for the whole city and for one county, uncached as after an import (median of
``--repeat``), and the time of a filter change that hits ``st.cache_data`` (the same call
through ``ui.state.cached``, the pages' one cached path). Uses the database bench_overview.py
builds (bench/out/, ignored by git). Targets: every page under 1 s uncached, a cache hit under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402, F401  (its loggers exist before ours are quietened)
from bench_overview import build, median_ms, peak_rss_mb  # noqa: E402

# "No runtime found" warnings: outside the app st.cache_data keeps its values in memory,
# pickled as in the app, so a hit costs what it costs there.
logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)

from data_layer import (  # noqa: E402
    county_metrics,
    filings_contracts,
    institution_rates,
    measure_progress,
    quality,
    regions,
    trends,
)
from data_layer.counties import most_populous  # noqa: E402
from data_layer.kpis import compute_kpis, division_kpis  # noqa: E402
from data_layer.scope import Scope  # noqa: E402
from ui import state  # noqa: E402
from ui.kpi_view import TREND_OF  # noqa: E402

AS_OF = dt.date(2026, 10, 31)


def overview_page(db, scope: Scope) -> tuple:
    """Everything the overview page asks the data layer for (there, one cached call each): the
    KPIs, their trends, the data quality line; a province's overview also ranks its cities."""
    province = regions.pack(scope.region).level == "province"
    return (
        compute_kpis(db, scope),
        [trend(db, scope) for trend in set(TREND_OF.values())],
        trends.data_as_of(db),
        quality.quality(db, scope),
        division_kpis(db, scope.with_division(None)) if province else None,
    )


# Page name -> the data-layer function the page's default view draws from.
PAGES = {
    "overview": overview_page,
    "measures": measure_progress.page_data,
    "institutions": institution_rates.page_data,
    "counties": county_metrics.page_data,
    "filings": filings_contracts.page_data,
    "quality": quality.quality,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--region", choices=regions.names(), default=regions.DEFAULT_PACK)
    args = parser.parse_args()
    os.environ[regions.ENV] = args.region  # every lookup of the place reads it (data_layer.regions)
    db, facts = build(args.scale, args.region)
    county = most_populous()  # the pack's most populous division
    print(f"== {args.region} at scale {args.scale:g}x: {facts['patents']:,} patents, as of {AS_OF} ==")
    print(f"{'page':<14}{'whole (ms)':>12}{'division (ms)':>15}{'cache hit (ms)':>16}{'result (KB)':>13}")
    city_scope = Scope(as_of=AS_OF, region=args.region)
    county_scope = city_scope.with_division(county)
    for page, page_data in PAGES.items():
        city = median_ms(lambda page_data=page_data: page_data(db, city_scope), args.repeat)
        division = median_ms(lambda page_data=page_data: page_data(db, county_scope), args.repeat)
        state.cached(page_data, county_scope, db=db)  # filled once; a filter change back to it is then a hit
        start = time.perf_counter()
        result = state.cached(page_data, county_scope, db=db)
        hit = (time.perf_counter() - start) * 1000
        size = len(pickle.dumps(result)) / 1024
        print(f"{page:<14}{city:>12.0f}{division:>15.0f}{hit:>16.1f}{size:>13.0f}")
    print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
