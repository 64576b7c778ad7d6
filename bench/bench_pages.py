"""Benchmark: each page's data at 100x the sample size, uncached and from Streamlit's cache.

    python bench/bench_pages.py [--scale 100] [--repeat 5] [--region zhanjiang] [--curve 1 10 100 300]

``--region`` runs another pack on its generated sample: the province at ``--scale 21`` is its
21 cities at about the size of one city's sample each (~630,000 patents), to compare with
Zhanjiang at ``--scale 10``.

For every page it times ``page_data`` (everything the page's default view asks the data layer
for) for the whole city and for one county, uncached as after an import (median of
``--repeat``), and the time of a filter change that hits ``st.cache_data`` (the same call
through ``ui.state.cached``, the pages' one cached path), each as median (min-max) of the
runs, with the machine's load average; then the filters that took seconds before. Uses the
database bench_overview.py builds (bench/out/, ignored by git; built on first use). Target:
every page under 300 ms uncached at 100x, the city and one county. ``--curve`` then prints each
page's whole-region time at each scale given (databases built by the generator through the
import path, kept for the next run), to show how each grows with the data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import pickle
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402, F401  (its loggers exist before ours are quietened)
from bench_overview import build, peak_rss_mb  # noqa: E402

# "No runtime found" warnings: outside the app st.cache_data keeps its values in memory,
# pickled as in the app, so a hit costs what it costs there.
logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)

from data_layer import (  # noqa: E402
    county_metrics,
    figure_history,
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
        figure_history.first_recorded(db, scope),
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


# Filters that took seconds before (issue 17): every enterprise's rate, and a county with
# three filters at once. (page, the Scope's fields besides the date; "division" is the most
# populous division).
FILTERED = (
    ("institutions", {"inst_kind": "enterprise"}),
    ("institutions", {"inst_kind": "enterprise", "division": True}),
    ("counties", {"division": True, "inst_kind": "university", "patent_type": "invention"}),
    ("overview", {"division": True, "inst_kind": "university", "patent_type": "invention"}),
    ("filings", {"division": True, "patent_type": "invention"}),
)
TARGET_MS = 300  # every page uncached at 100x, the city and one county (issue 17)


def timings(fn, repeat: int) -> list[float]:
    """``fn``'s times in ms over ``repeat`` runs after a warm-up."""
    fn()
    found = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        found.append((time.perf_counter() - start) * 1000)
    return found


def spread(times: list[float]) -> str:
    return f"{statistics.median(times):.0f} ({min(times):.0f}-{max(times):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--region", choices=regions.names(), default=regions.DEFAULT_PACK)
    parser.add_argument(
        "--curve",
        type=float,
        nargs="*",
        help="also each page's whole-region time at these scales, e.g. 1 10 100 300",
    )
    args = parser.parse_args()
    os.environ[regions.ENV] = args.region  # every lookup of the place reads it (data_layer.regions)
    pages(args)
    if args.curve:
        curve(args)


def pages(args) -> None:
    db, facts = build(args.scale, args.region)
    county = most_populous()  # the pack's most populous division
    print(
        f"== {args.region} at scale {args.scale:g}x: {facts['patents']:,} patents, as of {AS_OF}; "
        f"load average {os.getloadavg()[0]:.2f} =="
    )
    print("ms: median (min-max) of --repeat uncached runs; a cache hit: median of the same")
    print(f"{'page':<14}{'whole':>16}{'division':>16}{'cache hit':>16}{'result (KB)':>13}")
    city_scope = Scope(as_of=AS_OF, region=args.region)
    county_scope = city_scope.with_division(county)
    worst = 0.0
    for page, page_data in PAGES.items():
        city = timings(lambda page_data=page_data: page_data(db, city_scope), args.repeat)
        division = timings(lambda page_data=page_data: page_data(db, county_scope), args.repeat)
        state.cached(page_data, county_scope, db=db)  # filled once; a filter change back to it is then a hit
        hits = timings(lambda page_data=page_data: state.cached(page_data, county_scope, db=db), args.repeat)
        size = len(pickle.dumps(state.cached(page_data, county_scope, db=db))) / 1024
        worst = max(worst, statistics.median(city), statistics.median(division))
        print(f"{page:<14}{spread(city):>16}{spread(division):>16}{spread(hits):>16}{size:>13.0f}")
    print("filters that took seconds:")
    for page, fields in FILTERED:
        scope = Scope(
            as_of=AS_OF, region=args.region, **{k: (county if v is True else v) for k, v in fields.items()}
        )
        times = timings(lambda page=page, scope=scope: PAGES[page](db, scope), args.repeat)
        worst = max(worst, statistics.median(times))
        shown = ", ".join(f"{k}={'(most populous)' if v is True else v}" for k, v in fields.items())
        print(f"  {page:<14}{shown:<70}{spread(times):>16}")
    verdict = "met" if worst < TARGET_MS else "NOT met"
    print(
        f"slowest median {worst:.0f} ms: target {TARGET_MS} ms {verdict}; peak memory: {peak_rss_mb():.0f} MB"
    )
    pandas_reference(db, city_scope, args.repeat)
    db.close()


def pandas_reference(db, scope: Scope, repeat: int) -> None:
    """The two heaviest counts, by DuckDB as the pages run them and by pandas on the same table.

    pandas gets ``holdings`` (the derived table both read) already in memory, so only the
    counting is compared; the counts must agree, or the figures are wrong somewhere.
    """
    from data_layer.kpis import RESEARCH_KINDS, industrialization

    held = db.query("SELECT kind, holder_code, app_no, grant_date, lapse_date, used_on FROM holdings")
    for column in ("grant_date", "lapse_date", "used_on"):
        held[column] = pd.to_datetime(held[column])
    day, enterprises = pd.Timestamp(scope.as_of), institution_rates.kinds_of("enterprise")

    def k4_pandas() -> tuple[int, int]:
        mine = held[held["kind"].isin(RESEARCH_KINDS)]
        valid = mine[(mine["grant_date"] <= day) & (mine["lapse_date"].isna() | (mine["lapse_date"] > day))]
        return valid["app_no"].nunique(), valid.loc[valid["used_on"] <= day, "app_no"].nunique()

    def k4_duckdb() -> tuple[int, int]:
        row = industrialization(db, [scope.as_of]).iloc[0]
        return int(row["valid"]), int(row["industrialized"])

    def rates_pandas() -> pd.DataFrame:
        mine = held[held["kind"].isin(enterprises)]
        valid = mine[(mine["grant_date"] <= day) & (mine["lapse_date"].isna() | (mine["lapse_date"] > day))]
        return valid.assign(used=valid["used_on"] <= day).groupby("holder_code")["used"].agg(["size", "sum"])

    def rates_duckdb() -> pd.DataFrame:
        counts = institution_rates.counts_by_date(db, dates=[scope.as_of], kinds=enterprises)
        return counts[counts["credit_code"].notna()]

    print(f"pandas on the same table (holdings, {len(held):,} rows, in memory), ms: median (min-max)")
    for label, ours, theirs in (
        ("K4 (valid, industrialized)", k4_duckdb, k4_pandas),
        ("every enterprise's counts", rates_duckdb, rates_pandas),
    ):
        duck, panda = timings(ours, repeat), timings(theirs, repeat)
        ratio = statistics.median(duck) / statistics.median(panda)
        print(f"  {label:<30} DuckDB {spread(duck):>14}  pandas {spread(panda):>14}  ratio {ratio:.2f}")
    assert k4_duckdb() == k4_pandas(), "K4's counts differ between DuckDB and pandas"
    by_duck = rates_duckdb().set_index("credit_code")[["valid", "industrialized"]].sort_index()
    by_panda = rates_pandas().rename(columns={"size": "valid", "sum": "industrialized"}).sort_index()
    by_panda = by_panda[by_panda["valid"] > 0]
    by_duck = by_duck[by_duck["valid"] > 0]
    assert by_duck.astype(int).equals(by_panda.astype(int)), "the enterprises' counts differ"


def curve(args) -> None:
    """Each page's whole-region data time at each scale: how it grows with the data."""
    columns = sorted(args.curve)
    rows: dict[str, list[float]] = {page: [] for page in PAGES}
    sizes = []
    for scale in columns:
        start = time.perf_counter()
        db, facts = build(scale, args.region)
        built = time.perf_counter() - start
        sizes.append(f"{facts['patents']:,}")
        note = f", built in {built:.0f} s" if "load_s" in facts else ""
        print(f"scale {scale:g}x: {facts['patents']:,} patents{note}; load average {os.getloadavg()[0]:.2f}")
        scope = Scope(as_of=AS_OF, region=args.region)
        for page, page_data in PAGES.items():
            run = lambda f=page_data, db=db, scope=scope: f(db, scope)  # noqa: E731
            rows[page].append(statistics.median(timings(run, args.repeat)))
        db.close()
    print(f"\n== each page's data, whole region, uncached, median ms ({args.region}) ==")
    print(f"{'page':<14}" + "".join(f"{f'{s:g}x':>10}" for s in columns) + f"{'last/first':>12}")
    for page, times in rows.items():
        print(f"{page:<14}" + "".join(f"{ms:>10.0f}" for ms in times) + f"{times[-1] / times[0]:>11.1f}x")
    print(f"{'(patents)':<14}" + "".join(f"{n:>10}" for n in sizes))


if __name__ == "__main__":
    main()
