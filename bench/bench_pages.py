"""Benchmark: each page's data at 100x the sample size, uncached and from Streamlit's cache.

    python bench/bench_pages.py [--scale 100] [--repeat 5]

For every page it times ``page_data`` (everything the page's default view asks the data layer
for) for the whole city and for one county, uncached as after an import (median of
``--repeat``), and the time of a filter change that hits ``st.cache_data`` (the same call
wrapped the way pages wrap it). Uses the database bench_overview.py builds (bench/out/,
ignored by git). Targets: every page under 1 s uncached, a cache hit under 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import logging
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from bench_overview import build, median_ms, overview_data, peak_rss_mb  # noqa: E402

AS_OF = dt.date(2026, 10, 31)
COUNTY = "440881"  # 廉江市, the most populous county
# Page name -> the data-layer module whose page_data the page draws from.
PAGES = {
    "measures": "data_layer.measure_progress",
    "institutions": "data_layer.institution_rates",
    "counties": "data_layer.county_metrics",
    "filings": "data_layer.filings_contracts",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    # "No runtime found" warnings: outside the app st.cache_data keeps its values in memory,
    # pickled as in the app, so a hit costs what it costs there.
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    db, facts = build(args.scale)
    print(f"== scale {args.scale:g}x: {facts['patents']:,} patents, as of {AS_OF} ==")
    print(f"{'page':<14}{'city (ms)':>12}{'county (ms)':>13}{'cache hit (ms)':>16}{'result (KB)':>13}")
    loaders = {"overview": lambda county: overview_data(db, county)}
    for page, module in PAGES.items():
        page_data = importlib.import_module(module).page_data
        loaders[page] = lambda county, page_data=page_data: page_data(db, as_of=AS_OF, county=county)
    for page, load in loaders.items():
        city = median_ms(lambda load=load: load(None), args.repeat)
        county = median_ms(lambda load=load: load(COUNTY), args.repeat)
        cached = st.cache_data(show_spinner=False)(lambda county, load=load: load(county))
        cached(COUNTY)  # filled once; a filter change back to it is then a hit
        start = time.perf_counter()
        result = cached(COUNTY)
        hit = (time.perf_counter() - start) * 1000
        size = len(pickle.dumps(result)) / 1024
        print(f"{page:<14}{city:>12.0f}{county:>13.0f}{hit:>16.1f}{size:>13.0f}")
    print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
