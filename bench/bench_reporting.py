"""Benchmark: department reporting (部门填报) on the 100x database, every department at once.

    python bench/bench_reporting.py [--scale 100] [--repeat 5]

On a copy of the database bench_overview.py builds (bench/out/, ignored by git), so the bench
data stay as they were: opens a period, then for each department times what its reporter's
page does (the form; a draft saved; the submission, which runs the import's checks without
loading), the office's board, and each acceptance (an indicators batch imported and published
as a new generation at this scale). Target: a form, a save and the board well under a second
(they run on every click), an acceptance within a few seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_overview import build, peak_rss_mb  # noqa: E402

from data_layer import regions, reporting  # noqa: E402
from data_layer.db import Database  # noqa: E402
from data_layer.reporting import Entry  # noqa: E402
from data_layer.users import User  # noqa: E402

OFFICE = User("bench", "bench", "staff")


def timed(fn, *args, **kwargs) -> float:
    """Milliseconds ``fn(*args, **kwargs)`` takes."""
    start = time.perf_counter()
    fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ[regions.ENV] = regions.DEFAULT_PACK
    source, facts = build(args.scale)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "reporting.duckdb"
        shutil.copy(os.path.realpath(source.path), copy)
        source.close()
        db = Database(copy)
        quarter = max(q for (q,) in db.rows("SELECT DISTINCT quarter FROM indicators"))
        year, number = int(quarter[:4]), int(quarter[-1])
        following = f"{year + number // 4}Q{number % 4 + 1}"
        reporting.open_period(db, OFFICE, following, dt.date.today() + dt.timedelta(days=30))
        departments = reporting.departments(db)
        print(f"== reporting at {args.scale:g}x ({facts['patents']:,} patents): {following}, ", end="")
        print(f"{len(departments)} departments ==")
        rows = {name: [] for name in ("form", "save draft", "submit", "board", "accept")}
        for n, department in enumerate(departments):
            user = reporting.add_reporter(db, OFFICE, f"r{n}", "reporting-2026", [department])
            fields = reporting.form(db, user, following, department)
            # A value one above last quarter's: never a fall, so no reason asked.
            entries = [Entry(f.measure, f.indicator, (f.last_value or 0) + 1, "bench") for f in fields]
            rows["form"] += [
                timed(reporting.form, db, user, following, department) for _ in range(args.repeat)
            ]
            rows["save draft"].append(timed(reporting.save, db, user, following, department, entries))
            rows["submit"].append(timed(reporting.save, db, user, following, department, [], submit=True))
            rows["board"].append(timed(reporting.board, db, OFFICE, following, dt.date.today()))
            rows["accept"].append(timed(reporting.review, db, OFFICE, following, department, accept=True))
        accepted = db.scalar("SELECT count(*) FROM indicators WHERE quarter = ?", [following])
        db.close()
    print(f"{'step':<14}{'median (ms)':>12}{'max (ms)':>10}{'runs':>6}")
    for name, times in rows.items():
        print(f"{name:<14}{statistics.median(times):>12.0f}{max(times):>10.0f}{len(times):>6}")
    print(f"accepted {accepted} indicator values into the figures; peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
