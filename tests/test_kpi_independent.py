"""K1–K5 of the sample for the whole city and each of its divisions, at 2025-12-31 and 2026-10-31,
against a short computation from the raw CSV files with pandas that shares nothing with kpis.py
(only the pack's division names, to turn a county's name into its code)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from data_layer import regions
from data_layer.kpis import compute_kpis
from data_layer.scope import Scope

from .conftest import ROOT

SAMPLE = ROOT / "sample_data"
DATES = (dt.date(2025, 12, 31), dt.date(2026, 10, 31))
BASE_YEAR = 2023  # the sample's targets: K4 and K5 against 2023


def raw(name: str) -> pd.DataFrame:
    return pd.read_csv(SAMPLE / f"{name}.csv", dtype=str, keep_default_na=False)


def number(text: str) -> str:
    """An application number as written in any file: with or without ZL/CN, spaces or the dot."""
    text = text.strip().upper().replace(" ", "").replace(".", "")
    return text[2:] if text[:2] in ("ZL", "CN") else text


def day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@pytest.fixture(scope="module")
def files():
    code_of = {d.name_zh: d.code for d in regions.pack("zhanjiang").divisions}
    places = raw("institutions")
    county = dict(zip(places["统一社会信用代码"], places["所在区县"].map(code_of), strict=True))
    kind = dict(zip(places["统一社会信用代码"], places["单位类型"], strict=True))
    patents = [
        (number(p["申请号"]), p["专利权人统一社会信用代码"].split(";"), day(p["授权日"]), day(p["失效日"]))
        for p in raw("patents").to_dict("records")
    ]
    events = [
        (number(e["申请号"]), e["事件类型"], e["是否投产"], day(e["日期"]))
        for e in raw("patent_events").to_dict("records")
    ]
    tables = {n: raw(n) for n in ("filings", "contracts")}
    return {"county": county, "kind": kind, "patents": patents, "events": events, **tables}


def expected(files, as_of: dt.date, division: str | None) -> dict[str, float | None]:
    here = (lambda code: True) if division is None else (lambda code: files["county"].get(code) == division)
    # K1, K2: filings by the date (a filing has a row per output year).
    filings = files["filings"]
    filed = filings[filings["备案日期"].map(day) <= as_of]
    filed = filed[filed["企业统一社会信用代码"].map(here)]
    k1, k2 = filed["企业统一社会信用代码"].nunique(), filed["备案编号"].nunique()
    # K3: the latest complete year any filing holds output for (in the city); the scope's
    # patent-intensive products' output that year, 0 when they have none.
    every = filings[(filings["备案日期"].map(day) <= as_of) & (filings["产值年度"] != "")]
    held = [y for y in every["产值年度"].astype(int) if dt.date(y, 12, 31) <= as_of]
    rows = filed[(filed["专利密集型产品"] == "是") & (filed["产值年度"] != "")]
    mine = rows[rows["产值年度"].astype(int) == max(held)] if held else rows.iloc[0:0]
    k3 = round(float(mine["年产值（万元）"].astype(float).sum()), 2) if held else None
    # K4: valid patents of universities and institutes, and those industrialized by the date.
    valid, used = set(), set()
    for app_no, holders, granted, lapsed in files["patents"]:
        academic = any(files["kind"].get(h) in ("高校", "科研院所") and here(h) for h in holders)
        if academic and granted and granted <= as_of and (lapsed is None or lapsed > as_of):
            valid.add(app_no)
    for app_no, kind, produced, on in files["events"]:
        counts = kind in ("实施", "转让") or (kind == "许可" and produced == "是")
        if app_no in valid and counts and on <= as_of:
            used.add(app_no)
    k4 = round(100 * len(used) / len(valid), 2) if valid else None
    # K5: growth of the latest complete year's patent contract turnover on 2023's.
    contracts = files["contracts"]
    dated = contracts[contracts["登记日期"].map(day) <= as_of]
    years_held = set(dated["登记日期"].str[:4].astype(int))
    mine = dated[(dated["涉及专利申请号"] != "") & dated["卖方统一社会信用代码"].map(here)]
    turnover = mine.groupby(mine["登记日期"].str[:4].astype(int))["合同成交额（万元）"].apply(
        lambda v: v.astype(float).sum()
    )
    year = as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1
    base, latest = turnover.get(BASE_YEAR, 0.0), turnover.get(year, 0.0 if year in years_held else None)
    k5 = round(100 * (latest / base - 1), 2) if base and latest is not None else None
    return {"K1": k1, "K2": k2, "K3": k3, "K4": k4, "K5": k5}


@pytest.mark.parametrize("as_of", DATES)
@pytest.mark.parametrize("division", [None, *[d.code for d in regions.pack("zhanjiang").divisions]])
def test_the_kpis_agree_with_a_computation_from_the_raw_files(sample_db, files, as_of, division):
    found = {k.code: k.value for k in compute_kpis(sample_db, Scope(as_of=as_of, division=division))}
    want = expected(files, as_of, division)
    for code in want:
        assert found[code] == pytest.approx(want[code], abs=0.011), (code, found[code], want[code])
