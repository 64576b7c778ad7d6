"""Benchmark: the briefing deck at scale, exported, frozen, and opened in a browser.

    python bench/bench_briefing.py [--scale 100] [--repeat 3]

Prints, on the database bench_overview.py builds (bench/out/, ignored by git):

* building the default deck's slides (data and figures), uncached as after an import;
* exporting the default deck to PPTX: cold (the process's first export, Kaleido starting
  Chromium) and warm (Kaleido already running, as for every later export of a running app);
* freezing the data (the snapshot copy of the whole database);
* in Chromium against the running app: the time from opening the briefing page (presenting,
  slide 1) to the first chart drawn, on a fresh server (cold) and again (warm, a fresh browser
  each time), and from pressing → to the next slide's chart.

Targets: export under 10 s; the next slide under 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402, F401  (its loggers exist before ours are quietened)
from bench_overview import build, peak_rss_mb  # noqa: E402

# Outside the app st.cache_data says "No runtime found" once per cached function.
logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)

from data_layer import snapshots, trends  # noqa: E402
from ui import deck_file, slides  # noqa: E402
from ui.filters import Filters  # noqa: E402

AS_OF = dt.date(2026, 10, 31)


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def deck(db) -> list[slides.Slide]:
    """The default deck built from scratch, as after an import."""
    slides._kpis_at.cache_clear()
    slides._grid_at.cache_clear()
    scope = slides.Scope(Filters("zh", None, "latest", AS_OF), trends.data_as_of(db))
    return [slides.build(db, s, scope) for s in slides.DEFAULT_DECK]


def export(built: list[slides.Slide]) -> bytes:
    info = deck_file.DeckInfo("bench", "范围：全市", "数据截至", None, "zh", AS_OF)
    return deck_file.build_pptx(built, info)


def browser_seconds(db_path: Path, rounds: int) -> tuple[list[float], list[float]]:
    """Open /briefing?present=1 in fresh browsers: seconds until a chart is drawn; then
    seconds from pressing → to the next slide's chart."""
    from tests.browser import browser_page, running_app

    env = {"DASHBOARD_DB_PATH": str(db_path), "DASHBOARD_AS_OF": AS_OF.isoformat()}
    opened, stepped = [], []
    drawn = "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1"
    with running_app(env, timeout=300) as url:
        for _ in range(rounds):
            with browser_page(1920, 1080) as page:
                start = time.perf_counter()
                page.goto(f"{url}/briefing?present=1&slide=1")
                page.wait_for_function(drawn, timeout=300_000)
                opened.append(time.perf_counter() - start)
                for number in (2, 3):
                    start = time.perf_counter()
                    page.keyboard.press("ArrowRight")
                    page.get_by_text(f"{number} / {len(slides.DEFAULT_DECK)}", exact=True).wait_for()
                    page.wait_for_function(drawn, timeout=300_000)
                    stepped.append(time.perf_counter() - start)
    return opened, stepped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    db, facts = build(args.scale)
    size = len(slides.DEFAULT_DECK)
    print(f"== scale {args.scale:g}x: {facts['patents']:,} patents, default deck of {size} slides ==")

    times = [timed(lambda: deck(db)) for _ in range(args.repeat)]
    built = times[-1][1]
    median = statistics.median(t for t, _ in times)
    print(f"slides (data + figures), uncached  {median:7.2f} s  (median of {args.repeat})")
    # In the app the slides are already cached (the page listed them): the export draws images.
    cold, data = timed(lambda: export(built))
    print(f"PPTX export, cold (Kaleido starts) {cold:7.2f} s  ({len(data) / 1e6:.1f} MB)")
    warm = [timed(lambda: export(built))[0] for _ in range(args.repeat)]
    print(f"PPTX export, warm                  {statistics.median(warm):7.2f} s  (median of {args.repeat})")

    with tempfile.TemporaryDirectory() as folder:
        seconds, taken = timed(lambda: snapshots.freeze(db, Path(folder)))
        size = taken.path.stat().st_size / 1e6
        print(f"freeze (snapshot copy)             {seconds:7.2f} s  ({size:.0f} MB file)")
        copy = Path(folder) / "app.duckdb"
        db.close()  # one process may hold the file: the app gets its own copy
        shutil.copy(ROOT / "bench" / "out" / f"scale-{args.scale:g}.duckdb", copy)
        opened, stepped = browser_seconds(copy, 1 + args.repeat)
    print(f"briefing page to first chart, cold {opened[0]:7.2f} s  (fresh server and browser, 1920×1080)")
    print(
        f"briefing page to first chart, warm {statistics.median(opened[1:]):7.2f} s  (fresh browser, median)"
    )
    print(
        f"→ to the next slide's chart        {statistics.median(stepped):7.2f} s  (median of {len(stepped)})"
    )
    print(f"peak RSS of this process           {peak_rss_mb():7.0f} MB")


if __name__ == "__main__":
    main()
