"""Deterministic sample data: one realistic CSV per kind in ``models.KINDS``.

The files tell one story about a city of seven million (numbers at ``scale=1``):

- ~400 institutions: 6 universities, 12 research institutes, 8 city state-owned enterprises (all
  fictional), ~350 enterprises spread unevenly over the nine counties, ~25 个体工商户.
- ~30,000 patents filed 2015-01-01..2026-10-31, more each year; most granted, a fifth of the
  granted ones lapsed later; universities and institutes hold about a fifth of them.
- Patent events: universities and institutes industrialize ~8.5% of their valid patents by the end
  of 2023, 11-12% by the end of 2025 and ~12.5% by 2026-10-31 (K4 rises; one institution leads,
  one is near zero); enterprises implement, transfer, license and pledge their patents.
- Patent-product filings since 2023: 56 enterprises / 66 products by 2025-12-31 (K1 met, K2
  missed), 63 / 78 by 2026-10-31; their output rises every year 2023-2025 (K3 met).
- Technology contracts 2021..2026-10: turnover of those involving patents grows 15% from 2023 to
  2025, so K5's 20% is missed.
- Quarterly indicators of the twelve measures (measures 5 and 9 stall in 2026, one indicator lacks
  its latest quarter; six have yearly milestones, the rates a baseline), county implementation
  rules (7 of 9 issued), ~120 briefings and matching events, and the five targets of the
  2023-2025 plan.

Cells are written the way staff write them (2024-03-05, 是/否, Chinese labels, ';'-joined lists).
Patents are numpy columns written in chunks, so scale 100 (~3 million patents) stays fast and small.
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

from . import regions
from .identifiers import make_credit_code
from .models import KINDS
from .regions import Region


def _table(text: str) -> list[list[str]]:
    return [line.split("|") for line in text.strip().splitlines()]


# industry | what its patents are about | IPC main groups (invention and utility model)
INDUSTRY_TABLE = _table("""
家电|电饭煲 空调室外机 电风扇 电热水壶 破壁料理机 电磁炉|F24C 7/08,A47J 27/00,F24F 1/06
绿色钢铁|热轧带钢 高炉炉渣 连铸结晶器 氢基竖炉 钢渣微粉 冷轧板|C21B 5/00,C21D 8/02,B22D 11/04
石化|乙烯裂解炉 聚丙烯树脂 加氢催化剂 油品储罐 芳烃抽提塔 含油废水|C10G 45/00,C08F 10/06,B01J 23/00
海洋装备|风电导管架 深海网箱 船用起重机 水下机器人 系泊浮筒 防腐涂层|B63B 35/00,A01K 61/60,E02B 17/00
水产食品|对虾 罗非鱼片 金鲳鱼 鱼糜制品 虾壳 海鲜调味料|A23L 17/40,A22C 25/00,A01K 61/59
南药|沉香 高良姜 益智仁 化橘红 巴戟天 牛大力|A61K 36/00,A61P 1/00,A23L 33/105
糖业|甘蔗 蔗渣 赤砂糖 糖蜜 澄清汁 甘蔗收割机|C13B 10/00,C13K 1/00,A01D 45/10
新能源|光伏组件 储能电池包 风电变流器 氢燃料电池 充电桩 生物质颗粒|H02J 3/32,H01M 10/42,H02S 40/00
电子信息|物联网网关 印制电路板 智能电表 图像识别模块 数据采集终端 传感器|G06F 16/00,H04L 67/12,G06V 10/00
羽绒制品|羽绒 羽绒被 羽毛分拣机 羽绒服 水洗羽绒 充绒机|D06M 13/00,A47G 9/02,B07B 13/00
饲料|水产饲料 膨化机 预混料 发酵豆粕 饲料添加剂 制粒机|A23K 50/80,A23K 10/30,A23N 17/00
""")
# industry | filed products | words in company names
PRODUCT_TABLE = _table("""
家电|智能电饭煲 变频空调 无叶风扇|电器 家电科技
绿色钢铁|高强度汽车板 低碳热轧卷板 钢渣微粉|钢铁 金属材料
石化|高熔指聚丙烯 加氢催化剂 环保溶剂油|石化 化工
海洋装备|深远海养殖网箱 海工起重机 水下检测机器人|海洋工程 船舶装备
水产食品|速冻对虾仁 即食鱼糜制品 海鲜调味酱|水产 食品
南药|高良姜精油 化橘红含片 沉香线香|南药 生物医药
糖业|低聚果糖 古法红糖 蔗渣环保餐具|糖业 甘蔗科技
新能源|储能电池柜 光伏支架 智能充电桩|新能源 电力科技
电子信息|物联网网关 智能电表 工业传感器|电子 信息技术
羽绒制品|高蓬松度羽绒 水洗羽绒被 轻薄羽绒服|羽绒 羽毛制品
饲料|对虾配合饲料 膨化鱼饲料 发酵豆粕|饲料 生物饲料
""")
IND = [row[0] for row in INDUSTRY_TABLE]
OBJ = np.array([row[1].split() for row in INDUSTRY_TABLE], dtype=object)
IPC = np.array([row[2].split(",") for row in INDUSTRY_TABLE], dtype=object)
PRODUCT = np.array([row[1].split() for row in PRODUCT_TABLE], dtype=object)
WORD = np.array([row[2].split() for row in PRODUCT_TABLE], dtype=object)
N_ACADEMIC = 18
K4_W = {1: 2.6, 3: 0.03}  # the second university leads, the fourth barely transfers anything
END = "2026-10-31"
USCC = np.array(list("0123456789ABCDEFGHJKLMNPQRTUWXY"))
BRAND = list("恒丰华粤海宏盛达兴隆鑫源泰昌富瑞嘉和信诚金宝天成永安南方新雷湾港德荣汇晟锦澳美佳")
SURNAME = list("陈林黄李吴梁杨张何邓莫蔡庞钟冯揭")
FIRM_CITY = "广州市:440100 深圳市:440300 佛山市:440600 东莞市:441900 茂名市:440900 海口市:460100 "
FIRM_CITY = dict(pair.split(":") for pair in (FIRM_CITY + "南宁市:450100 长沙市:430100 上海:310115").split())


@dataclass(frozen=True)
class Cast:
    """The region's sample cast: its pack, institutions and how the data spreads over divisions."""

    region: Region
    fixed: list[list[str]]  # name | division | kind | industry | weight, academic first
    division: np.ndarray  # division names (Chinese), in the pack's order
    weights: np.ndarray  # share of enterprises and patents per division
    signature: dict[str, str]  # division name -> its signature industry
    banks: list[str]
    rules: list[list[str]]  # division | date issued | document number


def cast_of(region: Region) -> Cast:
    """The pack's ``sample.toml`` if it has one, else a cast made from its names."""
    names = np.array([d.name_zh for d in region.divisions], dtype=object)
    path = regions.PACKS / regions.name_of(region) / "sample.toml"
    if path.exists():
        with path.open("rb") as file:
            data = tomllib.load(file)
        weights = np.array(data["division_weights"]) / 100
        return Cast(
            region,
            _table(data["institutions"]),
            names,
            weights,
            data["signature"],
            data["banks"],
            _table(data["rules"]),
        )
    return _made_cast(region, names)


UNIVERSITIES = (
    ("湾区理工学院", 3.0),
    ("农林科技大学", 2.6),
    ("健康医学院", 1.0),
    ("滨海师范学院", 0.8),
    ("海洋职业技术学院", 0.7),
    ("科技职业学院", 0.5),
)
SOE_WORDS = (
    ("港湾建设集团", "海洋装备"),
    ("城市发展集团", "电子信息"),
    ("产业投资集团", "绿色钢铁"),
    ("水务发展", "电子信息"),
    ("能源集团", "新能源"),
    ("农业发展集团", "糖业"),
    ("交通建设集团", "海洋装备"),
    ("食品集团", "水产食品"),
)
BANK_NAMES = (
    "中国工商银行{}分行",
    "中国农业银行{}分行",
    "中国银行{}分行",
    "中国建设银行{}分行",
    "{}农村商业银行",
    "招商银行{}分行",
    "广发银行{}分行",
)


def _made_cast(region: Region, names: np.ndarray) -> Cast:
    """Fictional institutions named after the region, spread over its most populous divisions;
    data spread by population; about three in four divisions have issued their rules."""
    short = region.short_zh
    by_people = [d.name_zh for d in sorted(region.divisions, key=lambda d: -d.population_10k)]
    home = [by_people[i % len(by_people)] for i in range(26)]
    fixed = [[short + n, home[i], "高校", "", str(w)] for i, (n, w) in enumerate(UNIVERSITIES)]
    institutes = [*IND, "农业科学"][:12]
    fixed += [
        [f"{short}{ind}产业技术研究院", home[6 + i], "科研院所", ind if ind in IND else "糖业", "0.6"]
        for i, ind in enumerate(institutes)
    ]
    fixed += [
        [f"{short}{w}有限公司", home[18 + i], "市属国有企业", ind, "1.5"]
        for i, (w, ind) in enumerate(SOE_WORDS)
    ]
    people = np.array([d.population_10k for d in region.divisions])
    issued = [d for i, d in enumerate(region.divisions) if i % 4 != 3]
    rules = [
        [
            d.name_zh,
            f"{2024 + i % 2}-{1 + (5 * i) % 12:02d}-{10 + i % 18:02d}",
            f"{d.name_zh[0]}府办〔{2024 + i % 2}〕{5 + i}号",
        ]
        for i, d in enumerate(issued)
    ]
    banks = [b.format(short) for b in BANK_NAMES]
    return Cast(region, fixed, names, people / people.sum(), {}, banks, rules)


def _day(text: str) -> int:
    return int(np.datetime64(text, "D").astype(np.int64))


def _year(days) -> np.ndarray:
    return np.asarray(days, dtype=np.int64).astype("datetime64[D]").astype("datetime64[Y]").astype(int) + 1970


def _dates(days) -> np.ndarray:
    days = np.asarray(days, dtype=np.int64)
    return np.where(days >= 0, np.datetime_as_string(days.astype("datetime64[D]")), "")


def _flags(mask) -> np.ndarray:
    return np.where(mask, "是", "否")


def _pick(rng, items, size, p=None) -> np.ndarray:
    return np.asarray(items, dtype=object)[rng.choice(len(items), size, p=p)]


def _credit_codes(rng, heads) -> list[str]:
    """Complete 8-character heads (type + region) with 9 random characters and the check; unique."""
    codes, seen = [], set()
    for head in heads:
        while (code := make_credit_code(head + "".join(rng.choice(USCC, 9)))) in seen:
            pass
        seen.add(code)
        codes.append(code)
    return codes


def _institutions(rng, scale: float, cast: Cast) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Institutions (with internal columns ind/brand/weight) and a pool of firms outside the region."""
    n_ent, n = round(350 * scale), round(350 * scale) + round(25 * scale)
    county = rng.choice(len(cast.division), n, p=cast.weights)
    signature = np.array([IND.index(cast.signature[c]) if c in cast.signature else -1 for c in cast.division])
    signature = signature[county]
    ind = np.where((signature >= 0) & (rng.random(n) < 0.4), signature, rng.integers(0, len(IND), n))
    solo = np.arange(n) >= n_ent  # 个体工商户
    district = np.array([d.kind == "district" for d in cast.region.divisions])[county]
    prefix = np.where(
        district, cast.region.name_zh, cast.division[county]
    )  # a district's firms: the city's name
    word = WORD[ind, rng.integers(0, 2, n)]
    shop = _pick(rng, ["加工店", "经营部", "加工厂"], n)
    suffix = np.where(solo, shop, _pick(rng, ["有限公司", "科技有限公司", "股份有限公司", "实业有限公司"], n))
    brand, todo = np.empty(n, dtype=object), np.ones(n, dtype=bool)
    while todo.any():  # redraw brands until every name is unique
        k = todo.sum()
        first = np.where(solo[todo], _pick(rng, SURNAME, k), _pick(rng, BRAND, k))  # 陈盛记, 恒丰
        brand[todo] = first + _pick(rng, BRAND, k) + np.where(solo[todo], "记", "")
        names = prefix + brand + word + suffix
        todo = pd.Series(names).duplicated().to_numpy()
    intensive = np.isin(np.arange(n), rng.choice(n_ent, round(0.15 * n_ent), replace=False))
    weight = rng.lognormal(0, 1.2, n) * np.where(intensive, 3, np.where(solo, 0.2, 1))
    fixed = pd.DataFrame(cast.fixed, columns=["name", "county", "kind", "industry", "weight"])
    ent = pd.DataFrame(
        {"name": names, "county": cast.division[county], "kind": np.where(solo, "个体工商户", "企业")}
    )
    ent = ent.assign(industry=np.array(IND)[ind], patent_intensive=intensive, weight=weight)
    inst = pd.concat([fixed.assign(patent_intensive=False, weight=fixed["weight"].astype(float)), ent])
    inst = inst.reset_index(drop=True)
    code, adcodes = cast.region.code, [d.code for d in cast.region.divisions]
    heads = ["12" + code] * N_ACADEMIC + ["91" + code] * (len(cast.fixed) - N_ACADEMIC)
    heads += [("92" if s else "91") + adcodes[c] for s, c in zip(solo, county, strict=True)]
    inst["credit_code"] = _credit_codes(rng, heads)
    inst["ind"] = [IND.index(i) if i else -1 for i in inst["industry"]]
    # the brand names filed products: the name without the place (港湾 for …港湾建设集团有限公司)
    place = cast.region
    own = [n.removeprefix(place.name_zh).removeprefix(place.short_zh)[:2] for n in fixed["name"]]
    inst["brand"] = own + list(brand)
    inst["patent_intensive"] = _flags(inst["patent_intensive"])
    n_firm = max(20, round(150 * scale))
    outside = [c for c, code in FIRM_CITY.items() if not code.startswith(cast.region.code_prefix)]
    city, firm_word = _pick(rng, outside, n_firm), WORD[rng.integers(0, len(IND), n_firm), 0]
    firm_names = city + _pick(rng, BRAND, n_firm) + _pick(rng, BRAND, n_firm) + firm_word + "有限公司"
    firms = pd.DataFrame(
        {"name": firm_names, "code": _credit_codes(rng, ["91" + FIRM_CITY[c] for c in city])}
    )
    return inst, firms


def _patents(rng, inst: pd.DataFrame, scale: float, cast: Cast) -> SimpleNamespace:
    """Patent columns as compact numpy arrays in filing order (days since 1970, -1 for none)."""
    n, end = round(30_000 * scale), _day(END)
    start, span = _day("2015-01-01"), end - _day("2015-01-01")
    growth = np.log(1.1) / 365  # about 10% more filings every year
    day = np.sort(start + np.log1p(rng.random(n) * np.expm1(growth * span)) / growth).astype(np.int32)
    kind, weight = inst["kind"].to_numpy(), inst["weight"].to_numpy()
    group = rng.choice(5, n, p=[0.10, 0.20, 0.05, 0.64, 0.01]).astype(np.int8)  # person, academic, SOE, ...
    holder = np.full(n, -1, dtype=np.int32)
    for g, members in enumerate([[], ["高校", "科研院所"], ["市属国有企业"], ["企业"], ["个体工商户"]]):
        idx = np.flatnonzero(np.isin(kind, members))
        if len(idx):
            holder[group == g] = rng.choice(idx, (group == g).sum(), p=weight[idx] / weight[idx].sum())
    del group
    own, academic = holder >= 0, (holder >= 0) & (holder < N_ACADEMIC)
    co = np.full(n, -1, dtype=np.int32)  # co-holders are companies, so K4 is about first holders only
    shared = own & (rng.random(n) < 0.08)
    co[shared] = rng.choice(np.flatnonzero(kind == "企业"), shared.sum())
    co[co == holder] = -1
    ptype = rng.choice(3, n, p=[0.17, 0.59, 0.24]).astype(np.int8)
    ptype[academic] = rng.choice(3, academic.sum(), p=[0.6, 0.35, 0.05])
    delay = rng.integers(120, 305, n, dtype=np.int32)  # utility models and designs: months
    delay[ptype == 0] = rng.integers(548, 1096, (ptype == 0).sum())  # inventions: years
    grant = day + delay
    grant[(rng.random(n) > np.where(ptype == 0, 0.78, 0.97)) | (grant > end)] = -1
    lapse = grant + rng.integers(365, 8 * 365, n, dtype=np.int32)
    lapse[(grant < 0) | (rng.random(n) > 0.45) | (lapse > end)] = -1
    ind = rng.integers(0, len(IND), n, dtype=np.int8)
    own_ind = inst["ind"].to_numpy()[holder[own]]
    ind[own] = np.where(own_ind >= 0, own_ind, ind[own])
    county = rng.choice(len(cast.division), n, p=cast.weights).astype(np.int8)
    county[own] = pd.Index(cast.division).get_indexer(inst["county"])[holder[own]]
    # Serials rise with the filing date within each (year, kind), like the office's own counter.
    key = _year(day) * 10 + ptype
    order = np.argsort(key, kind="stable")  # days are sorted already
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n) - np.searchsorted(key[order], key[order])
    stride = max(1, min(200, 9_000_000 // np.bincount(key - key.min()).max()))
    number = key // 10 * 10**8 + (key % 10 + 1) * 10**7 + 100_000 + rank * stride + rng.integers(0, stride, n)
    del key, order, rank
    cols = dict(day=day, grant=grant, lapse=lapse, holder=holder, co=co, ptype=ptype, ind=ind, county=county)
    cols.update(number=number, academic=academic, zl=rng.random(n) < 0.1)  # some staff keep the ZL prefix
    draws = dict(obj=rng.integers(0, 6, n), adj=rng.integers(0, 8, n), tail=rng.integers(0, 5, n))  # title
    draws.update(ipc=np.where(rng.random(n) < 0.1, -1, rng.integers(0, 3, n)))
    return SimpleNamespace(n=n, **cols, **{k: v.astype(np.int8) for k, v in draws.items()})


def _app_nos(number) -> np.ndarray:
    """Canonical application numbers; the check character is computed for all rows at once."""
    number = np.asarray(number, dtype=np.int64)
    digits = (number[:, None] // 10 ** np.arange(11, -1, -1, dtype=np.int64)) % 10
    check = np.array(list("0123456789X"))[(digits @ np.array([2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5])) % 11]
    return np.char.add(np.char.add(number.astype(str), "."), check)


ADJ = np.array(["", "高效", "节能", "智能", "环保", "新型", "便携式", "自动化"], dtype=object)
TAILS = np.array(
    [
        ["的制备方法", "的检测方法", "的加工工艺", "控制系统", "的处理方法及装置"],
        ["装置", "固定结构", "清洗装置", "输送机构", "防护装置"],
        ["", "（一）", "（二）", "包装盒", "外壳"],
    ],
    dtype=object,
)


def _patent_frame(p: SimpleNamespace, inst: pd.DataFrame, s: slice, cast: Cast) -> pd.DataFrame:
    codes = inst["credit_code"].to_numpy(dtype=object)
    holder, co, ptype, obj = p.holder[s], p.co[s], p.ptype[s], OBJ[p.ind[s], p.obj[s]]
    title = np.where(ptype == 2, obj, "一种" + ADJ[p.adj[s]] + obj) + TAILS[ptype, p.tail[s]]
    app = _app_nos(p.number[s])
    hold = np.where(holder >= 0, codes[holder], "") + np.where(co >= 0, ";" + codes[co], "")
    ipc = np.where((ptype == 2) | (p.ipc[s] < 0), "", IPC[p.ind[s], np.maximum(p.ipc[s], 0)])
    return pd.DataFrame(
        {
            "app_no": np.where(p.zl[s], np.char.add("ZL", app), app),
            "title": title,
            "patent_type": np.array(["发明", "实用新型", "外观设计"])[ptype],
            "filing_date": _dates(p.day[s]),
            "grant_date": _dates(p.grant[s]),
            "lapse_date": _dates(p.lapse[s]),
            "holder_codes": hold,
            "county": cast.division[p.county[s]],
            "ipc": ipc,
        }
    )


class Held:
    """Patents by first holder and grant day, to pick patents a holder had granted before a day."""

    def __init__(self, p: SimpleNamespace):
        grant = np.where(p.grant >= 0, p.grant, 99_999)
        self.order = np.lexsort((grant, p.holder))
        self.key = p.holder[self.order].astype(np.int64) * 100_000 + grant[self.order]

    def count(self, holder, day) -> tuple[np.ndarray, np.ndarray]:
        holder = np.asarray(holder, dtype=np.int64)
        start = np.searchsorted(self.key, holder * 100_000)
        return start, np.searchsorted(self.key, holder * 100_000 + day) - start

    def pick(self, rng, holder, day, k) -> np.ndarray:
        """Up to ``k`` distinct patents per row (columns of patent indices, -1 when fewer)."""
        start, cnt = self.count(holder, day)
        k, room = np.minimum(k, cnt), np.maximum(cnt, 1)
        first, last = (rng.random(len(holder)) * room).astype(np.int64), len(self.order) - 1
        pos = [np.minimum(start + (first + j) % room, last) for j in range(max(1, int(k.max())))]
        return np.stack([np.where(j < k, self.order[at], -1) for j, at in enumerate(pos)], 1)


def _join_apps(p: SimpleNamespace, picked: np.ndarray) -> np.ndarray:
    out = np.full(len(picked), "", dtype=object)
    for col in picked.T:
        app = _app_nos(p.number[np.maximum(col, 0)]).astype(object)
        out = np.where(col < 0, out, np.where(out == "", app, out + ";" + app))
    return out


def _patent_events(
    rng, p: SimpleNamespace, inst: pd.DataFrame, firms: pd.DataFrame, cast: Cast
) -> pd.DataFrame:
    end = _day(END)
    # K4: an academic patent is industrialized once a rising city-wide rate, scaled by its institution's
    # propensity, passes the patent's own draw (not before it is granted, nor after it lapses).
    acad = np.flatnonzero(p.academic & (p.grant >= 0))
    propensity = np.array(
        [K4_W.get(i, w) for i, w in enumerate(rng.lognormal(0, 0.2, N_ACADEMIC).clip(0.7, 1.4))]
    )
    propensity /= np.average(propensity[p.holder[acad]])  # the city-wide rate holds whoever leads
    need = rng.random(len(acad)) / propensity[p.holder[acad]]
    rate_days = [_day(d) for d in ("2015-01-01", "2020-01-01", "2023-12-31", "2025-12-31", END)]
    when = np.interp(need, [0.016, 0.052, 0.093, 0.131, 0.142], rate_days, right=1e9).astype(np.int64)
    when = np.maximum(when, p.grant[acad] + rng.integers(30, 400, len(acad)))
    ok = (when <= end) & ((p.lapse[acad] < 0) | (when < p.lapse[acad]))
    k4 = pd.DataFrame({"pat": acad[ok], "day": when[ok], "prod": True})
    k4["type"] = _pick(rng, ["实施", "转让", "许可"], len(k4), p=[0.3, 0.4, 0.3])
    # Everything else at random days while valid: academic licenses not (yet) in production, and
    # enterprises implementing, transferring, licensing (three in four put into production) and pledging.
    other = np.flatnonzero(
        (p.grant >= 0) & (p.holder >= 0) & (rng.random(p.n) < np.where(p.academic, 0.04, 0.09))
    )
    last = np.where(p.lapse[other] >= 0, p.lapse[other] - 1, end)
    rest = pd.DataFrame(
        {"pat": other, "day": p.grant[other] + rng.random(len(other)) * (last - p.grant[other])}
    )
    ent_type = _pick(rng, ["实施", "转让", "许可", "质押"], len(other), p=[0.3, 0.22, 0.13, 0.35])
    rest["type"] = np.where(p.academic[other], "许可", ent_type)
    in_use = (rest["type"] == "许可") & ~p.academic[other] & (rng.random(len(other)) < 0.75)
    rest = rest.assign(day=rest["day"].astype(np.int64), prod=(rest["type"] == "实施") | in_use)
    ev = pd.concat([k4, rest], ignore_index=True)
    n, typ, holder = len(ev), ev["type"].to_numpy(), p.holder[ev["pat"].to_numpy()]
    cp_inst = rng.choice(np.flatnonzero(inst["kind"].to_numpy() == "企业"), n)
    cp_firm = rng.integers(0, len(firms), n)
    local = (rng.random(n) < 0.55) & (cp_inst != holder)
    names = np.where(local, inst["name"].to_numpy()[cp_inst], firms["name"].to_numpy()[cp_firm])
    codes = np.where(local, inst["credit_code"].to_numpy()[cp_inst], firms["code"].to_numpy()[cp_firm])
    median = pd.Series(typ).map({"转让": 20, "许可": 8, "质押": 300, "实施": 0}).to_numpy()
    deal, pledge = np.isin(typ, ["转让", "许可"]), typ == "质押"
    frame = pd.DataFrame(
        {
            "app_no": _app_nos(p.number[ev["pat"]]),
            "event_type": typ,
            "event_date": _dates(ev["day"]),
            "holder_code": inst["credit_code"].to_numpy()[holder],
            "counterparty": np.where(deal, names, np.where(pledge, _pick(rng, cast.banks, n), "")),
            "counterparty_code": np.where(deal, codes, ""),
            "counterparty_local": np.where(deal, _flags(local), np.where(pledge, "是", "")),
            "amount_10k": np.where(deal | pledge, np.round(median * rng.lognormal(0, 0.9, n), 2), np.nan),
            "in_production": _flags(ev["prod"]),
        }
    )
    key = ["app_no", "event_type", "event_date", "counterparty"]
    return frame.drop_duplicates(key).sort_values("event_date")


def _filings(rng, p: SimpleNamespace, held: Held, inst: pd.DataFrame, scale: float) -> pd.DataFrame:
    """56 enterprises / 66 products by 2025-12-31, 63 / 78 by 2026-10-31 (times scale)."""
    n1, f1, n2, f2 = (max(1, round(x * scale)) for x in (56, 66, 63, 78))
    firms = np.flatnonzero(inst["kind"].isin(["企业", "市属国有企业"]).to_numpy())
    rich = firms[held.count(firms, _day("2023-03-01"))[1] >= 4]  # enough granted patents to link
    weight = inst["weight"].to_numpy()[rich]
    chosen = rng.choice(rich, min(n2, len(rich)), replace=False, p=weight / weight.sum())
    early, late = chosen[:n1], chosen[n1:]
    who = [early, rng.choice(early, f1 - len(early)), late, rng.choice(chosen, max(0, f2 - f1 - len(late)))]
    who = np.concatenate(who)
    rng.shuffle(who[:f1])
    day = np.sort(rng.integers(_day("2023-04-01"), _day("2025-12-31") + 1, f1))
    day = np.concatenate([day, np.sort(rng.integers(_day("2026-01-05"), _day(END) + 1, f2 - f1))])
    year, ind, m = _year(day), inst["ind"].to_numpy()[who], len(who)
    seq = pd.Series(year).groupby(year).cumcount().to_numpy() + 1
    links = held.pick(rng, who, day, rng.choice([1, 2, 3, 4], m, p=[0.4, 0.3, 0.2, 0.1]))
    base = pd.DataFrame(
        {
            "filing_no": [f"ZJBA{y}{s:04d}" for y, s in zip(year, seq, strict=True)],
            "product_name": inst["brand"].to_numpy()[who] + PRODUCT[ind, rng.integers(0, 3, m)],
            "enterprise_code": inst["credit_code"].to_numpy()[who],
            "filing_date": _dates(day),
            "industry": np.array(IND, dtype=object)[ind],
            "patent_intensive": _flags(rng.random(m) < 0.88),
            "app_nos": _join_apps(p, links),
            "year": year,
        }
    )
    # One row per full output year 2023..2025 from the filing year on; later filings get one empty row.
    rows = base.loc[base.index.repeat(np.maximum(2026 - year, 1))].reset_index()
    offset = rows.groupby("index").cumcount().to_numpy()
    filed = rows["year"].to_numpy()
    out_year = np.where(filed <= 2025, filed + offset, 0)
    product = rows["index"].to_numpy()
    output = rng.lognormal(0, 0.6, m)[product] * rng.uniform(0.95, 1.2, m)[product] ** offset
    pi = (rows["patent_intensive"] == "是").to_numpy()
    for y, total in {2023: 180_000, 2024: 260_000, 2025: 330_000}.items():
        # K3 rises: each year's new products fill the gap the earlier products leave to that year's total
        old = output[(out_year == y) & pi & (filed < y)].sum()
        new = output[(out_year == y) & pi & (filed == y)].sum()
        output[filed == y] *= max(total * scale - old, 0.05 * total * scale) / max(new, 1e-9)
    rows["output_year"] = pd.array(np.where(out_year > 0, out_year, None), dtype="Int64")
    rows["output_10k"] = np.where(out_year > 0, np.round(output, 2), np.nan)
    return rows


def _contracts(
    rng, p: SimpleNamespace, held: Held, inst: pd.DataFrame, firms: pd.DataFrame, scale: float, cast: Cast
):
    per_year = {2021: 200, 2022: 240, 2023: 270, 2024: 290, 2025: 300, 2026: 200}
    target = {2021: 13_500, 2022: 15_800, 2023: 18_000, 2024: 19_400, 2025: 20_700, 2026: 19_000}  # K5 +15%
    year = np.repeat(list(per_year), [round(c * scale) for c in per_year.values()])
    first = np.array([_day(f"{y}-01-01") for y in year])
    day = np.sort(first + (rng.random(len(year)) * np.minimum(365, _day(END) + 1 - first)).astype(np.int64))
    year, n = _year(day), len(day)
    kinds, weight = inst["kind"].to_numpy(), inst["weight"].to_numpy()
    pools = [np.arange(N_ACADEMIC), np.flatnonzero(np.isin(kinds, ["企业", "市属国有企业"]))]
    seller = np.where(rng.random(n) < 0.45, *[rng.choice(x, n, p=weight[x] / weight[x].sum()) for x in pools])
    k = np.where(rng.random(n) < 0.37, rng.choice([1, 2, 3], n, p=[0.6, 0.3, 0.1]), 0)
    apps = _join_apps(p, held.pick(rng, seller, day, k))
    patent_type = _pick(rng, ["技术开发", "技术转让", "技术许可", "技术服务"], n, p=[0.35, 0.25, 0.2, 0.2])
    ctype = np.where(
        apps != "", patent_type, _pick(rng, ["技术开发", "技术服务", "技术咨询"], n, p=[0.35, 0.5, 0.15])
    )
    turnover = 60 * rng.lognormal(0, 1.0, n)
    for y, total in target.items():  # patent-involving turnover per year tells the K5 story
        this = (year == y) & (apps != "")
        turnover[this] *= total * scale / max(turnover[this].sum(), 1e-9)
    turnover = np.maximum(np.round(turnover, 2), 0.5)
    tech = np.floor(turnover * rng.uniform(0.6, 1.0, n) * 100) / 100  # never above the turnover
    ind = inst["ind"].to_numpy()[seller]
    ind = np.where(ind >= 0, ind, rng.integers(0, len(IND), n))
    local = rng.random(n) < 0.55
    buyer = np.where(local, inst["name"].to_numpy()[rng.choice(pools[1], n)], _pick(rng, firms["name"], n))
    topic = _pick(rng, ["核心部件", "工艺优化", "智能化改造", "检测方法", "新产品研发", "专利成果"], n)
    seq = pd.Series(year).groupby(year).cumcount().to_numpy() + 1
    return pd.DataFrame(
        {
            "contract_no": [f"{y}{cast.region.code}{s:06d}" for y, s in zip(year, seq, strict=True)],
            "title": OBJ[ind, rng.integers(0, 6, n)] + topic + ctype + "合同",
            "contract_type": ctype,
            "seller_code": inst["credit_code"].to_numpy()[seller],
            "buyer_name": buyer,
            "buyer_local": _flags(local),
            "registered_date": _dates(day),
            "turnover_10k": turnover,
            "tech_amount_10k": np.where(rng.random(n) < 0.05, np.nan, tech),
            "app_nos": apps,
        }
    )


# measure | indicator | unit | department | mode | 2023Q1 (rate only) | 2025Q4 | target
# mode: cum = cumulative since 2023, rate = a level such as a percentage, quarter = count per quarter
INDICATORS = _table("""
1|高校院所专利转让许可数|件|市教育局|cum||420|400
1|高校院所专利产业化率|%|市科技局|rate|7.4|11.5|10.5
2|市属国企专利实施数|件|市国资委|cum||160|150
2|市属国企专利转化项目|项|市国资委|cum||24|20
3|重点产业专利导航项目|项|市工业和信息化局|cum||12|12
3|重点产业专利转化项目|项|市工业和信息化局|cum||45|
4|专利密集型企业数|家|市市场监管局（知识产权局）|cum||58|50
4|专利产品备案数|件|市市场监管局（知识产权局）|cum||66|70
5|平台发布企业专利需求|项|市科技局|cum||310|300
5|需求对接成功项目|项|市科技局|cum||48|60
6|专利开放许可项目|件|市市场监管局（知识产权局）|cum||260|200
6|中小企业获得许可专利|件|市工业和信息化局|cum||130|
7|重点企业专利转化突破项目|项|市工业和信息化局|cum||18|15
8|专利产业化扶持资金|万元|市财政局|cum||3200|3000
9|专利侵权纠纷案件办结数|件|市市场监管局（知识产权局）|cum||380|400
9|案件按期办结率|%|市市场监管局（知识产权局）|rate|85|92|95
10|专利转化运营服务机构|家|市市场监管局（知识产权局）|cum||16|15
11|全链条服务企业数|家|市科技局|cum||520|500
11|专利转化培训场次|场|市市场监管局（知识产权局）|quarter||6|
12|知识产权质押融资额|万元|市金融工作局|cum||186000|150000
12|质押融资企业数|家|市金融工作局|cum||140|120
""")


# Indicators whose department set yearly milestones (阶段目标: a quarter of the target by the
# end of 2023, three fifths by the end of 2024); the others are judged on the straight path.
MILESTONES = {
    "高校院所专利转让许可数",
    "市属国企专利实施数",
    "专利密集型企业数",
    "专利产业化扶持资金",
    "专利转化运营服务机构",
    "知识产权质押融资额",
}
MILESTONE_SHARE = {"2023Q4": 0.25, "2024Q4": 0.6}


def _indicators(rng) -> pd.DataFrame:
    quarters = [f"{y}Q{q}" for y in range(2023, 2027) for q in range(1, 5)][:15]  # 2023Q1..2026Q3
    notes = ["按计划推进", "", "已完成阶段性目标", "稳步推进"]
    rows, i = [], np.arange(15)
    for measure, name, unit, dept, mode, first, final, target in INDICATORS:
        final = float(final)
        if mode == "cum":
            value = np.maximum.accumulate(final * ((i + 1) / 12) ** 1.1 * rng.uniform(0.95, 1.05, 15))
        elif mode == "rate":
            value = float(first) + (final - float(first)) * i / 11 + rng.normal(0, 0.15, 15)
        else:
            value = rng.poisson(final, 15).astype(float)
        stalled = measure in ("5", "9")
        if stalled:
            value[12:] = value[11]  # no progress in 2026
        for k in range(14 if measure == "7" else 15):  # measure 7 has not reported 2026Q3 yet
            note = (
                "2026年以来无新增，进展滞后，已督办" if stalled and k >= 12 else notes[(k + int(measure)) % 4]
            )
            text = str(round(value[k])) if unit in "件家项场" else f"{value[k]:.2f}".rstrip("0").rstrip(".")
            share = MILESTONE_SHARE.get(quarters[k]) if name in MILESTONES else None
            milestone = f"{float(target) * share:g}" if share else ""
            baseline = first if mode == "rate" and k == 0 else ""  # a rate's 2023 starting level
            rows.append((measure, name, quarters[k], unit, text, target, dept, note, milestone, baseline))
    columns = ["measure", "indicator", "quarter", "unit", "value", "target", "department", "note"]
    columns += ["milestone", "baseline"]
    return pd.DataFrame(rows, columns=columns)


def _county_rules(cast: Cast) -> pd.DataFrame:
    issued = {row[0]: row[1:] for row in cast.rules}
    rows = [(c, *issued[c], f"《{c}专利转化运用专项行动实施细则》") for c in cast.division if c in issued]
    rows += [(c, "", "", "") for c in cast.division if c not in issued]
    frame = pd.DataFrame(rows, columns=["county", "issued_date", "doc_no", "title"])
    return frame.assign(issued=_flags(frame["issued_date"] != ""))


def _events(rng, scale: float, cast: Cast) -> pd.DataFrame:
    n = round(120 * scale)
    matching = rng.random(n) < 0.45
    county = _pick(rng, cast.division, n, p=cast.weights)
    topics = ["专利转化运用专项行动", "知识产权质押融资", "专利开放许可", "专利产品备案"]
    kind = np.where(matching, "转化对接活动", "政策宣讲会")
    theme = np.where(matching, _pick(rng, IND, n) + "产业专利", _pick(rng, topics, n))
    deals = rng.poisson(4, n) + 1
    amount = np.where(matching, np.round(deals * 280 * rng.lognormal(0, 0.7, n), 2), np.nan)
    frame = pd.DataFrame(
        {
            "event_type": kind,
            "title": county + theme + kind,
            "county": county,
            "event_date": _dates(rng.integers(_day("2024-03-01"), _day(END) + 1, n)),
            "participants": np.clip(rng.lognormal(np.log(110), 0.6, n), 30, 400).astype(int),
            "deals": pd.array(np.where(matching, deals, None), dtype="Int64"),
            "deal_amount_10k": amount,
        }
    )
    return frame.drop_duplicates(["title", "event_date"]).sort_values("event_date")


def _targets(cast: Cast) -> pd.DataFrame:
    plan = cast.region.plan
    src = plan.title_zh
    rows = [
        ("K1", "", 50, "超过", "家", src),
        ("K2", "", 70, "超过", "件", src),
        ("K3", 2023, 0, "逐年提升", "万元", src),
        ("K4", 2023, 2, "高于基线", "%", src + "（明显提升按高于2023年基线2个百分点计）"),
        ("K5", 2023, 20, "累计增长", "%", src),
    ]
    columns = ["code", "baseline_year", "target_value", "target_type", "unit", "source"]
    frame = pd.DataFrame(rows, columns=columns)
    period = f"{plan.start.year}-{plan.end.year}"
    return frame.assign(
        period=period, period_start=plan.start.isoformat(), deadline=plan.end.isoformat(), baseline=""
    )


def _write(path: Path, kind: str, frame: pd.DataFrame, *, append: bool = False) -> int:
    """Write the model's fields the frame has, in order, under their Chinese titles (UTF-8, no BOM).

    Fields that exist for other systems' exports (a holder's name, a legal status) are left out:
    the sample is what staff keep in the office's own templates.
    """
    fields = {k: v for k, v in KINDS[kind].model_fields.items() if k in frame.columns}
    out = frame[list(fields)].rename(columns={k: v.title for k, v in fields.items()})
    mode = "a" if append else "w"
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", mode=mode, header=not append)
    return len(out)


def generate(
    out_dir: Path, *, scale: float = 1.0, seed: int = 20240315, region: Region | None = None
) -> dict[str, int]:
    """Write ``<kind>.csv`` for every kind into ``out_dir`` for ``region`` (default: the pack this
    process serves); return the rows written per kind."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cast = cast_of(region or regions.current())
    rng = np.random.default_rng(seed)
    inst, firms = _institutions(rng, scale, cast)
    pat = _patents(rng, inst, scale, cast)
    held = Held(pat)
    counts = {"institutions": _write(out_dir / "institutions.csv", "institutions", inst), "patents": 0}
    for start in range(0, pat.n, 100_000):  # chunks keep memory modest at large scales
        chunk = _patent_frame(pat, inst, slice(start, start + 100_000), cast)
        counts["patents"] += _write(out_dir / "patents.csv", "patents", chunk, append=start > 0)
    frames = {
        "patent_events": _patent_events(rng, pat, inst, firms, cast),
        "filings": _filings(rng, pat, held, inst, scale),
        "contracts": _contracts(rng, pat, held, inst, firms, scale, cast),
        "indicators": _indicators(rng),
        "county_rules": _county_rules(cast),
        "events": _events(rng, scale, cast),
        "targets": _targets(cast),
    }
    for kind, frame in frames.items():
        counts[kind] = _write(out_dir / f"{kind}.csv", kind, frame)
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write deterministic sample CSVs, one per kind.")
    parser.add_argument("--out", type=Path, default=Path("sample_data"))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=20240315)
    parser.add_argument(
        "--region", default=None, help="a region pack (folder of regions/); default DASHBOARD_REGION"
    )
    args = parser.parse_args(argv)
    region = regions.pack(args.region) if args.region else None
    for kind, rows in generate(args.out, scale=args.scale, seed=args.seed, region=region).items():
        print(f"{kind:14s} {rows:>9,d}")


if __name__ == "__main__":
    main()
