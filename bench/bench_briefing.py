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
from data_layer.scope import Scope  # noqa: E402
from ui import chart_images, deck_file, slides  # noqa: E402

AS_OF = dt.date(2026, 10, 31)


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def deck(db) -> list[slides.Slide]:
    """The default deck built from scratch, as after an import."""
    slides._kpis_at.cache_clear()
    slides._grid_at.cache_clear()
    scope, date = Scope(as_of=AS_OF), trends.data_as_of(db)
    return [slides.build(db, scope, s, "zh", date) for s in slides.default_deck()]


def export(built: list[slides.Slide]) -> bytes:
    info = deck_file.DeckInfo("bench", "范围：全市", "数据截至", None, "zh", AS_OF)
    return deck_file.build_pptx(built, info)


def browser_seconds(db_path: Path, rounds: int) -> dict[str, list[float]]:
    """Seconds until a chart is drawn: opening /briefing?present=1 in a fresh browser (no
    cached assets), reloading it in the same browser, the overview opened the same way for
    reference, and pressing → to the next slide's chart."""
    from tests.browser import browser_page, running_app

    env = {"DASHBOARD_DB_PATH": str(db_path), "DASHBOARD_AS_OF": AS_OF.isoformat()}
    found: dict[str, list[float]] = {"fresh": [], "reload": [], "overview": [], "next": []}
    drawn = "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1"

    def until_drawn(action) -> float:
        start = time.perf_counter()
        action()
        page.wait_for_function(drawn, timeout=300_000)
        return time.perf_counter() - start

    with running_app(env, timeout=300) as url:
        for _ in range(rounds):
            with browser_page(1920, 1080) as page:
                found["fresh"].append(until_drawn(lambda: page.goto(f"{url}/briefing?present=1&slide=1")))
                found["reload"].append(until_drawn(page.reload))
                page.locator(".st-key-briefing-pagedown button").wait_for(state="attached")  # keys bound
                page.mouse.click(10, 10)  # the page has the keyboard after the reload
                for number in (2, 3):
                    found["next"].append(
                        until_drawn(
                            lambda number=number: (
                                page.keyboard.press("ArrowRight"),
                                page.get_by_text(
                                    f"{number} / {len(slides.default_deck())}", exact=True
                                ).wait_for(),
                            )
                        )
                    )
                found["overview"].append(until_drawn(lambda: page.goto(f"{url}/overview")))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    db, facts = build(args.scale)
    size = len(slides.default_deck())
    print(f"== scale {args.scale:g}x: {facts['patents']:,} patents, default deck of {size} slides ==")

    times = [timed(lambda: deck(db)) for _ in range(args.repeat)]
    built = times[-1][1]
    median = statistics.median(t for t, _ in times)
    print(f"slides (data + figures), uncached  {median:7.2f} s  (median of {args.repeat})")
    # In the app the slides are already cached (the page listed them): the export draws images.
    cold, data = timed(lambda: export(built))
    print(f"PPTX export, cold (Kaleido starts) {cold:7.2f} s  ({len(data) / 1e6:.1f} MB)")
    warm = [timed(lambda: export(built))[0] for _ in range(args.repeat)]
    chart_images.shutdown()
    print(f"PPTX export, warm                  {statistics.median(warm):7.2f} s  (median of {args.repeat})")

    with tempfile.TemporaryDirectory() as folder:
        seconds, taken = timed(lambda: snapshots.freeze(db, Path(folder)))
        size = taken.path.stat().st_size / 1e6
        print(f"freeze (snapshot copy)             {seconds:7.2f} s  ({size:.0f} MB file)")
        copy = Path(folder) / "app.duckdb"
        db.close()  # one process may hold the file: the app gets its own copy
        shutil.copy(ROOT / "bench" / "out" / f"scale-{args.scale:g}.duckdb", copy)
        seen = browser_seconds(copy, 1 + args.repeat)
    fresh, rest = seen["fresh"][0], statistics.median(seen["fresh"][1:])
    print(f"briefing to first chart, cold      {fresh:7.2f} s  (fresh server and browser, 1920×1080)")
    print(f"briefing to first chart, fresh tab {rest:7.2f} s  (new browser, nothing cached; median)")
    print(
        f"briefing to first chart, reload    {statistics.median(seen['reload'][1:]):7.2f} s  (assets cached)"
    )
    print(
        f"overview to first chart, for scale {statistics.median(seen['overview'][1:]):7.2f} s  (same browser)"
    )
    print(f"→ to the next slide's chart        {statistics.median(seen['next']):7.2f} s  (median)")
    print(f"peak RSS of this process           {peak_rss_mb():7.0f} MB")


if __name__ == "__main__":
    main()
