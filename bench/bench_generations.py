"""Benchmark: what publishing a generation costs, and how soon another process shows an import.

    python bench/bench_generations.py [--scales 1 100] [--repeat 5]

For each scale (the sample data times N, built by ``bench_overview``) it prints the file's
size, the time of a write that changes one row (a deck save: nearly all of it is copying the
generation, syncing and publishing it), the time of a small import, and, with a second
process polling the way each app process does on a rerun, the time from the start of an import
in this process until the other process reads the new count (it may read it before the
importing call returns: the call still writes the audit log after publishing). Figures go
to stdout; nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_overview import OUT, build  # noqa: E402

from data_layer.db import Database  # noqa: E402
from data_layer.decks import save_deck  # noqa: E402
from data_layer.ingest import import_file  # noqa: E402
from data_layer.models import local_headers  # noqa: E402

WATCHER = """
import sys, time
sys.path.insert(0, {root!r})
from data_layer.db import Database
db = Database({path!r})
start = db.scalar("SELECT count(*) FROM contracts")
print("ready", flush=True)
while db.scalar("SELECT count(*) FROM contracts") == start:
    time.sleep(0.05)  # a rerun every 50 ms: much more often than a browser makes one
print(time.time(), flush=True)
"""


def small_contracts(path: Path, db: Database, tag: str) -> Path:
    seller = db.scalar("SELECT credit_code FROM institutions ORDER BY 1 LIMIT 1")
    local = local_headers("买方")[0]
    header = ["合同登记号", "合同名称", "合同类型", "卖方统一社会信用代码", "买方名称", local,
              "登记日期", "合同成交额（万元）", "技术交易额（万元）", "涉及专利申请号"]  # fmt: skip
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        for i in range(10):
            out.writerow(
                [
                    f"BENCH-{tag}-{i}",
                    "基准合同",
                    "技术服务",
                    seller,
                    "某公司",
                    "否",
                    "2025-01-02",
                    "1",
                    "",
                    "",
                ]
            )
    return path


def seconds(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run(scale: float, repeat: int) -> None:
    source, _ = build(scale)
    source.close()
    path = OUT / f"generations-{scale:g}" / "dashboard.duckdb"
    shutil.rmtree(path.parent, ignore_errors=True)
    path.parent.mkdir(parents=True)
    shutil.copy(OUT / f"scale-{scale:g}.duckdb", path)
    db = Database(path)
    size = db.current_file.stat().st_size / 2**20
    saves = [
        seconds(lambda n=n: save_deck(db, f"bench-{n}", ["k1"], user="bench", known={"k1"}))
        for n in range(repeat)
    ]
    imports = [
        seconds(
            lambda n=n: import_file(db, small_contracts(path.parent / f"c{n}.csv", db, str(n)), "contracts")
        )
        for n in range(repeat)
    ]
    delays = []
    for n in range(repeat):
        watcher = subprocess.Popen(
            [sys.executable, "-c", WATCHER.format(root=str(ROOT), path=str(path))],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert watcher.stdout.readline().strip() == "ready"
        started = time.time()
        import_file(db, small_contracts(path.parent / f"w{n}.csv", db, f"w{n}"), "contracts")
        returned = time.time()
        seen = float(watcher.stdout.readline())
        watcher.wait()
        delays.append((seen - started, returned - started))
    print(
        f"{scale:>5g}x  {size:8.1f} MB   deck save (one row): {statistics.median(saves):6.3f} s   "
        f"10-row import: {statistics.median(imports):6.3f} s   "
        f"another process reads it {statistics.median(d[0] for d in delays):6.3f} s after the import began "
        f"(max {max(d[0] for d in delays):.3f}; "
        f"the import returned after {statistics.median(d[1] for d in delays):.3f} s)",
        flush=True,
    )
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 100])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("median of each; a generation is published by copying the file, syncing it and renaming a link")
    for scale in args.scales:
        run(scale, args.repeat)


if __name__ == "__main__":
    main()
