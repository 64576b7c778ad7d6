"""Benchmark: importing large files through the one loading path (what the upload page calls).

    python bench/bench_import.py [--rows 1000000] [--kinds contracts patents]

Builds a database from ``sample_data/``, writes a file of ``--rows`` rows per kind (contracts
in UTF-8 and in GB18030, patents with one or two holders each) whose references resolve, and
imports each in a fresh process, printing the time of each stage (reading, checking,
loading), the total and the process's peak memory. A second import of the same file shows
the cost of a no-change upload. Figures go to stdout; nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data_layer.db import Database  # noqa: E402
from data_layer.identifiers import make_app_no  # noqa: E402
from data_layer.ingest import import_file, load_folder  # noqa: E402
from data_layer.models import Contract, Patent  # noqa: E402

OUT = ROOT / "bench" / "out" / "import"
CONTRACT_HEADER = [info.title for info in Contract.model_fields.values()]
PATENT_HEADER = [info.title for info in Patent.model_fields.values()]
COUNTIES = ["赤坎区", "霞山区", "坡头区", "麻章区", "遂溪县", "徐闻县", "廉江市", "雷州市", "吴川市"]


def base_database() -> Path:
    path = OUT / "base.duckdb"
    if not path.exists():
        db = Database(path)
        load_folder(db, ROOT / "sample_data")
        db.close()
    return path


def institution_codes() -> list[str]:
    with open(ROOT / "sample_data" / "institutions.csv", encoding="utf-8") as f:
        return [row[0] for row in list(csv.reader(f))[1:]]


def write_contracts(rows: int, encoding: str) -> Path:
    path = OUT / f"contracts-{rows}-{encoding}.csv"
    if path.exists():
        return path
    rng, codes = random.Random(7), institution_codes()
    types = ["技术开发", "技术转让", "技术许可", "技术咨询", "技术服务"]
    with open(path, "w", encoding=encoding, newline="") as f:
        out = csv.writer(f)
        out.writerow(CONTRACT_HEADER)
        for i in range(rows):
            turnover = round(rng.uniform(1, 500), 2)
            out.writerow([
                f"B{2025_0000_0000 + i}", f"智能装备技术合同{i % 997}", types[i % 5], rng.choice(codes),
                f"湛江市买方{i % 3001}有限公司", "是" if i % 3 else "否",
                f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", f"{turnover:,}", round(turnover * 0.8, 2), "",
            ])  # fmt: skip
    return path


def write_patents(rows: int) -> Path:
    path = OUT / f"patents-{rows}.csv"
    if path.exists():
        return path
    rng, codes = random.Random(11), institution_codes()
    types = {"1": "发明", "2": "实用新型", "3": "外观设计"}
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(PATENT_HEADER)
        for i in range(rows):
            digit = "123"[i % 3]
            holders = ";".join(rng.sample(codes, 1 + (i % 4 == 0)))
            out.writerow([
                make_app_no(2024, digit, 5_000_000 + i), f"一种测试装置{i % 4999}", types[digit],
                f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "2025-06-30" if i % 2 else "", "", holders,
                COUNTIES[i % 9], "",
            ])  # fmt: skip
    return path


def run_one(db_path: Path, file: Path, kind: str) -> dict:
    """Import ``file`` twice in this process; return stage times and peak memory."""
    db = Database(db_path)
    marks: dict[str, float] = {}
    start = time.perf_counter()

    def progress(stage: str, done: float) -> None:
        marks.setdefault(stage, time.perf_counter())

    first = import_file(db, file, kind, user="bench", progress=progress)
    end = time.perf_counter()
    second = import_file(db, file, kind, user="bench")
    again = time.perf_counter() - end
    db.close()
    stages = ["reading", "checking", "loading"]
    times = [marks.get(s, end) for s in stages] + [end]
    return {
        "rows": first.rows_in_file,
        "new": first.rows_new,
        "same_on_second": second.rows_same,
        "stages_s": {s: round(times[i + 1] - times[i], 2) for i, s in enumerate(stages)},
        "setup_s": round(times[0] - start, 2),
        "total_s": round(end - start, 2),
        "second_import_s": round(again, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "file_mb": round(file.stat().st_size / 2**20, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--kinds", nargs="+", default=["contracts", "patents"])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # one import in a fresh process, so peak memory is this import's alone
        print(json.dumps(run_one(Path(args.child[0]), Path(args.child[1]), args.child[2])))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    base = base_database()
    files = []
    if "contracts" in args.kinds:
        files += [("contracts", write_contracts(args.rows, enc)) for enc in ("utf-8", "gb18030")]
    if "patents" in args.kinds:
        files.append(("patents", write_patents(args.rows)))
    for kind, file in files:
        work = OUT / "work.duckdb"
        shutil.copy(base, work)
        found = subprocess.run(
            [sys.executable, __file__, "--child", str(work), str(file), kind],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        figures = json.loads(found.strip().splitlines()[-1])
        print(f"\n== {file.name} ({figures['file_mb']} MB, {figures['rows']:,} rows) ==")
        print(f"  stages (s):        {figures['stages_s']}  setup {figures['setup_s']}")
        print(f"  total:             {figures['total_s']} s, {figures['new']:,} new")
        print(f"  same file again:   {figures['second_import_s']} s, {figures['same_on_second']:,} same")
        print(f"  peak memory:       {figures['peak_rss_mb']} MB (whole process)")
        work.unlink()


if __name__ == "__main__":
    main()
