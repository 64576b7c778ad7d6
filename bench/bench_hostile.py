"""Benchmark: what refusing a hostile file costs (seconds and peak memory of a fresh process).

    python bench/bench_hostile.py

Each file is imported through ``import_bytes`` (what the upload page and the command line call)
in its own process against an empty database, so the peak memory printed is that import's:
- an XLSX "zip bomb": 1 MB on the wire whose worksheet inflates to 1 GiB;
- an XLSX whose shared strings (held whole by openpyxl) inflate to 600 MB;
- an XLSX with a cell at the last column (XFD) of each of 20,000 rows;
- a CSV whose second line holds a 200 KB cell; a CSV row with 5,000 filled columns.
Figures go to stdout; nothing is asserted (the refusals themselves are tested in
tests/test_hostile_files.py).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out" / "hostile"
HEADER = "统一社会信用代码,单位名称,单位类型,所在区县,所属行业,是否专利密集型企业"
from data_layer.counties import divisions  # noqa: E402

_FIRST = divisions()[0]  # a row of the region pack's first division
ROW = f"91{_FIRST.adcode}MA0000003X,{_FIRST.name_zh}测试有限公司,企业,{_FIRST.name_zh},家电,是"
NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


def _workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HEADER.split(","))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _with_part(name: str, chunks, size_hint: int) -> bytes:
    """The workbook with part ``name`` streamed from ``chunks`` (deflated)."""
    source, out = zipfile.ZipFile(io.BytesIO(_workbook())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for part in source.infolist():
            if part.filename != name:
                target.writestr(part, source.read(part.filename))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(info, "w", force_zip64=size_hint > 1 << 31) as handle:
            for chunk in chunks:
                handle.write(chunk)
    return out.getvalue()


def files() -> dict[str, tuple[str, bytes]]:
    row = b'<row><c t="inlineStr"><is><t>A</t></is></c></row>'
    block = row * 20_000
    rows = (1 << 30) // len(block)
    far = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c>'
        b'<c r="XFD%d" t="inlineStr"><is><t>y</t></is></c></row>' % (i, i, i)
        for i in range(2, 20_002)
    )
    strings = b"<sst><si><t>" + b"x" * (600 << 20) + b"</t></si></sst>"
    return {
        "XLSX zip bomb (sheet inflates to 1 GiB)": (
            "bomb.xlsx",
            _with_part(
                "xl/worksheets/sheet1.xml", [NS, *([block] * rows), b"</sheetData></worksheet>"], 1 << 30
            ),
        ),
        "XLSX shared strings of 600 MB": (
            "strings.xlsx",
            _with_part("xl/sharedStrings.xml", [strings], len(strings)),
        ),
        "XLSX cells at column XFD, 20,000 rows": (
            "far.xlsx",
            _with_part("xl/worksheets/sheet1.xml", [NS, far, b"</sheetData></worksheet>"], len(far)),
        ),
        "CSV with a 200 KB cell on line 2": (
            "long.csv",
            f"{HEADER}\n{ROW.replace('家电', '长' * 200_000)}\n".encode(),
        ),
        "CSV row with 5,000 filled columns": ("wide.csv", f"{HEADER}\n{ROW}{',x' * 5_000}\n".encode()),
    }


def child(path: str, name: str) -> None:
    from data_layer.db import Database
    from data_layer.ingest import ImportRejected, import_bytes

    db = Database(":memory:")
    started = time.perf_counter()
    try:
        import_bytes(db, Path(path).read_bytes(), name, "institutions", user="bench")
        outcome = "loaded"
    except ImportRejected as exc:
        outcome = "; ".join(f"{p.reason} (row {p.row}, column {p.column})" for p in exc.problems[:3])
    seconds = time.perf_counter() - started
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent through fork and exec.
    status = Path("/proc/self/status").read_text()
    peak = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024
    print(json.dumps({"seconds": round(seconds, 2), "peak_rss_mb": round(peak), "outcome": outcome}))


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"{'file':<42} {'on the wire':>12} {'seconds':>8} {'peak RSS':>9}  outcome")
    for label, (name, data) in files().items():
        path = OUT / name
        path.write_bytes(data)
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path), name], capture_output=True, text=True, check=True
        )
        figures = json.loads(done.stdout.splitlines()[-1])
        size, seconds, peak = f"{len(data) / 1024:,.0f} KB", figures["seconds"], figures["peak_rss_mb"]
        print(f"{label:<42} {size:>12} {seconds:>8} {peak:>6} MB  {figures['outcome']}")


if __name__ == "__main__":
    main()
