"""Benchmark: the overview page's data at 10x and 100x the sample size, DuckDB against pandas.

    python bench/bench_overview.py [--scales 10 100] [--repeat 7] [--keep]

For each scale it generates data with the sample generator, loads it through the normal
import path (timed), then prints the median time of each KPI query, of the whole overview
page's data (five KPIs and five trends) and of the same five KPI values computed with pandas
on the same tables held in memory, plus peak memory. Databases are kept under bench/out/
(ignored by git) and reused on the next run unless the generator changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data_layer import kpis as kpi_module  # noqa: E402
from data_layer import regions, trends  # noqa: E402
from data_layer.counties import most_populous  # noqa: E402
from data_layer.db import Database  # noqa: E402
from data_layer.ingest import load_folder  # noqa: E402
from data_layer.samplegen import generate  # noqa: E402
from data_layer.scope import Scope  # noqa: E402
from ui.kpi_view import TREND_OF  # noqa: E402 - the trends the overview page draws

OUT = ROOT / "bench" / "out"
AS_OF = dt.date(2026, 10, 31)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def build(scale: float, region: str = regions.DEFAULT_PACK) -> tuple[Database, dict]:
    """Generate and load ``region``'s data at ``scale``, reusing a database built before.

    The process must run that pack (``DASHBOARD_REGION``): the import matches its divisions.
    """
    name = f"scale-{scale:g}" if region == regions.DEFAULT_PACK else f"{region}-scale-{scale:g}"
    folder, path = OUT / name, OUT / f"{name}.duckdb"
    facts: dict = {}
    if not path.exists():
        start = time.perf_counter()
        facts["rows"] = generate(folder, scale=scale, region=regions.pack(region))
        facts["generate_s"] = time.perf_counter() - start
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        memory = Database(":memory:")  # loaded whole, then published as the first generation
        start = time.perf_counter()
        load_folder(memory, folder, user="bench")
        facts["load_s"] = time.perf_counter() - start
        memory.copy_to(building)
        memory.close()
        Database(path, seed=building).close()
        building.unlink()
    db = Database(path)
    facts["patents"] = db.scalar("SELECT count(*) FROM patents")
    return db, facts


def overview_data(db: Database, county: str | None = None) -> None:
    """Everything the overview page asks the data layer for, uncached (as after an import)."""
    scope = Scope(as_of=AS_OF, division=county)
    kpi_module.compute_kpis(db, scope)
    for trend in set(TREND_OF.values()):
        trend(db, scope)
    trends.data_as_of(db)


def pandas_tables(db: Database) -> dict[str, pd.DataFrame]:
    names = [
        "institutions",
        "patents",
        "patent_holders",
        "patent_events",
        "filings",
        "filing_outputs",
        "contracts",
        "contract_patents",
    ]
    return {name: db.query(f"SELECT * FROM {name}") for name in names}


def pandas_kpis(t: dict[str, pd.DataFrame], as_of: dt.date) -> dict[str, float]:
    """K1–K5 values with pandas on in-memory frames: the reference the SQL is measured against."""
    day = pd.Timestamp(as_of)
    filings = t["filings"][t["filings"]["filing_date"] <= day]
    k1, k2 = filings["enterprise_code"].nunique(), len(filings)
    outputs = t["filing_outputs"].merge(filings[filings["patent_intensive"]], on="filing_no")
    per_year = outputs[outputs["year"] <= as_of.year - 1].groupby("year")["output_10k"].sum()
    k3 = float(per_year.iloc[-1]) if len(per_year) else None
    research = t["institutions"][t["institutions"]["kind"].isin(["university", "research_institute"])]
    held = t["patent_holders"][t["patent_holders"]["holder_code"].isin(research["credit_code"])]
    patents = t["patents"][t["patents"]["app_no"].isin(held["app_no"])]
    alive = patents["lapse_date"].isna() | (patents["lapse_date"] > day)
    valid = patents[(patents["grant_date"] <= day) & alive]
    events = t["patent_events"]
    used = events[
        (events["event_date"] <= day)
        & (
            events["event_type"].isin(["implementation", "transfer"])
            | ((events["event_type"] == "license") & events["in_production"])
        )
    ]["app_no"]
    k4 = 100 * valid["app_no"].isin(used).sum() / len(valid) if len(valid) else None
    contracts = t["contracts"][t["contracts"]["contract_no"].isin(t["contract_patents"]["contract_no"])]
    contracts = contracts[contracts["registered_date"] <= day]
    by_year = contracts.groupby(contracts["registered_date"].dt.year)["turnover_10k"].sum()
    k5 = 100 * (by_year.get(as_of.year - 1) / by_year.get(2023) - 1) if 2023 in by_year else None
    return {"K1": k1, "K2": k2, "K3": k3, "K4": k4, "K5": k5}


def run(scale: float, repeat: int) -> None:
    db, facts = build(scale)
    print(f"\n== scale {scale:g}x: {facts['patents']:,} patents ==")
    if "load_s" in facts:
        print(f"generate {facts['generate_s']:.1f} s, load through the import path {facts['load_s']:.1f} s")
    sql_values = {k.code: k.value for k in kpi_module.compute_kpis(db, Scope(as_of=AS_OF))}
    per_kpi = {
        "K1+K2 filing_counts": lambda: kpi_module.filing_counts(db, AS_OF),
        "K3 output_by_year": lambda: kpi_module.output_by_year(db, AS_OF),
        "K4 industrialization": lambda: kpi_module.industrialization(db, [AS_OF]),
        "K5 patent_contract_turnover": lambda: kpi_module.patent_contract_turnover(db, AS_OF),
    }
    for name, fn in per_kpi.items():
        print(f"  {name:32s} {median_ms(fn, repeat):8.1f} ms")
    print(f"  {'overview page data (city)':32s} {median_ms(lambda: overview_data(db), repeat):8.1f} ms")
    print(
        f"  {'overview page data (one county)':32s} "
        f"{median_ms(lambda: overview_data(db, most_populous()), repeat):8.1f} ms"
    )
    print(f"  peak memory after the DuckDB queries: {peak_rss_mb():,.0f} MB")
    start = time.perf_counter()
    frames = pandas_tables(db)
    print(f"  pandas: pulling the tables into memory {time.perf_counter() - start:.2f} s")
    pandas_values = pandas_kpis(frames, AS_OF)
    pandas_ms = median_ms(lambda: pandas_kpis(frames, AS_OF), repeat)
    print(f"  {'pandas K1-K5 (in memory)':32s} {pandas_ms:8.1f} ms")
    for code, value in pandas_values.items():
        ours = sql_values[code]
        same = (value is None and ours is None) or abs((value or 0) - (ours or 0)) < 0.01
        shown = round(value, 2) if value else value
        print(f"    {code}: duckdb {ours!s:>12} pandas {shown!s:>12} {'same' if same else 'DIFFERENT'}")
    print(f"  peak memory with the pandas reference: {peak_rss_mb():,.0f} MB")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[10, 100])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for scale in args.scales:
        run(scale, args.repeat)


if __name__ == "__main__":
    main()
