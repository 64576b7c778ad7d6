"""Benchmark: undoing a large import, and what readers meet meanwhile.

    python bench/bench_undo.py [--rows 300000]

Builds a database from ``sample_data/``, imports ``--rows`` new patents (the file
``bench_import`` writes) and then the same patents again with changed titles (so the second
batch replaces rows and keeps them in history), and undoes each batch, newest first. A reader
thread runs the overview's KPIs meanwhile, the way a browser session does, and the run prints
for each step its time and the readers' slowest and median answer. Readers should not wait
for a write (target: their slowest answer during an undo about what it is while idle) and
an undo should cost about what its import did. Figures go to stdout; nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_import import OUT, base_database, write_patents  # noqa: E402

from data_layer.batches import undo_batch  # noqa: E402
from data_layer.db import Database  # noqa: E402
from data_layer.ingest import import_file  # noqa: E402
from data_layer.kpis import compute_kpis  # noqa: E402
from data_layer.scope import Scope  # noqa: E402


class Readers:
    """A thread that answers the overview's KPIs over and over; records each answer's time."""

    def __init__(self, db: Database):
        self.db, self.times, self._stop = db, [], threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.perf_counter()
            compute_kpis(self.db, Scope(as_of=dt.date.today()))
            self.times.append(time.perf_counter() - started)

    def __enter__(self) -> Readers:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def retitled(path: Path) -> Path:
    """The same patents with other titles: a re-import that replaces every row."""
    out = path.with_name(path.stem + "-retitled.csv")
    if not out.exists():
        with (
            open(path, encoding="utf-8", newline="") as src,
            open(out, "w", encoding="utf-8", newline="") as dst,
        ):
            rows, writer = csv.reader(src), csv.writer(dst)
            writer.writerow(next(rows))
            for row in rows:
                row[1] += "（改）"
                writer.writerow(row)
    return out


def step(db: Database, label: str, work) -> None:
    with Readers(db) as readers:
        time.sleep(0.5)  # the readers' pace before the write starts
        started = time.perf_counter()
        work()
        took = time.perf_counter() - started
    answers = readers.times or [0.0]
    print(
        f"{label:<34} {took:8.2f} s   readers: {len(answers):4d} answers, "
        f"slowest {max(answers):6.2f} s, median {statistics.median(answers):5.2f} s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    first = write_patents(args.rows)
    second = retitled(first)
    work = OUT / "undo.duckdb"
    work.unlink(missing_ok=True)
    Path(f"{work}.wal").unlink(missing_ok=True)
    shutil.copy(base_database(), work)
    db = Database(work)
    batches: list[int] = []
    print(f"{args.rows:,} patents; KPIs answered by a reader thread throughout")
    step(db, "idle (no write)", lambda: time.sleep(3))
    step(db, "import (new rows)", lambda: batches.append(import_file(db, first, "patents").batch_id))
    step(
        db,
        "re-import (every row replaced)",
        lambda: batches.append(import_file(db, second, "patents").batch_id),
    )
    step(db, "undo of the re-import (restores)", lambda: undo_batch(db, batches[1], user="cli"))
    step(db, "undo of the import (deletes)", lambda: undo_batch(db, batches[0], user="cli"))
    db.close()


if __name__ == "__main__":
    main()
