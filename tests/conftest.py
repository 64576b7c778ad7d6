"""Shared fixtures: a tiny hand-made dataset whose KPIs are computed by hand in test_kpis.py.

The dataset (``TINY``) is written as CSV with the staff's Chinese headers and loaded through
the real import path, so every KPI test also exercises ingest.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from data_layer.db import Database
from data_layer.identifiers import make_app_no, make_credit_code
from data_layer.ingest import load_folder
from data_layer.models import KINDS

ROOT = Path(__file__).resolve().parent.parent
# AppTest cannot send cookies: every AppTest run is one browser that holds this key
# (``ui.browser_key``); the real cookie is tested in test_browser_security.py.
APPTEST_BROWSER_KEY = "k" * 43


@pytest.fixture(autouse=True)
def apptest_browser(monkeypatch):
    """The browser key AppTest's connection presents (None: a client without the cookie)."""
    from ui import auth

    presented = {"key": APPTEST_BROWSER_KEY}
    monkeypatch.setattr(auth, "browser_key", lambda: presented["key"])
    return presented


# Institutions: U1 university (赤坎区), R1 institute (霞山区), E1 patent-intensive enterprise
# (廉江市), E2 enterprise (霞山区), S1 city state-owned enterprise (麻章区).
U1 = make_credit_code("12440800MB0000001")
R1 = make_credit_code("12440800MB0000002")
E1 = make_credit_code("91440881MA0000003")
E2 = make_credit_code("91440803MA0000004")
S1 = make_credit_code("91440811MA0000005")


INV, UM, DES = "1", "2", "3"
TYPE_ZH = {INV: "发明", UM: "实用新型", DES: "外观设计"}
# number: (kind digit, filing, grant, lapse, holders, county)
PATENTS = {
    1: (INV, "2020-01-01", "2021-06-01", "", [U1], "赤坎区"),
    2: (UM, "2021-03-01", "2021-09-01", "2024-06-30", [U1], "赤坎区"),
    3: (UM, "2022-01-01", "2022-08-01", "", [U1], "赤坎区"),
    4: (INV, "2023-01-01", "2025-03-01", "", [U1], "赤坎区"),
    5: (UM, "2021-01-01", "2021-07-01", "", [R1], "霞山区"),
    6: (DES, "2022-05-01", "2022-10-01", "", [R1], "霞山区"),
    7: (INV, "2024-01-01", "", "", [R1], "霞山区"),
    8: (UM, "2022-02-01", "2022-09-01", "", [E1], "廉江市"),
    9: (INV, "2021-02-01", "2023-02-01", "", [E1], "廉江市"),
    10: (UM, "2023-03-01", "2023-10-01", "", [E2], "霞山区"),
    11: (UM, "2022-03-01", "2022-09-15", "", [U1, R1], "赤坎区"),
}


def app_no(n: int) -> str:
    kind, filed, *_ = PATENTS[n]
    return make_app_no(int(filed[:4]), kind, n)


TINY: dict[str, list[list[str]]] = {
    "institutions": [
        ["统一社会信用代码", "单位名称", "单位类型", "所在区县", "所属行业", "专利密集型企业"],
        [U1, "湛江测试大学", "高校", "赤坎区", "", "否"],
        [R1, "湛江测试研究院", "科研院所", "霞山区", "", "否"],
        [E1, "廉江测试电器有限公司", "企业", "廉江市", "家电", "是"],
        [E2, "霞山测试科技有限公司", "企业", "霞山区", "电子信息", "否"],
        [S1, "湛江测试港务集团有限公司", "市属国有企业", "麻章区", "港口", "否"],
    ],
    "patents": [
        [
            "申请号",
            "专利名称",
            "专利类型",
            "申请日",
            "授权日",
            "失效日",
            "专利权人统一社会信用代码",
            "所在区县",
        ],
        *[
            [app_no(n), f"测试专利{n}", TYPE_ZH[k], filed, grant, lapse, ";".join(holders), county]
            for n, (k, filed, grant, lapse, holders, county) in PATENTS.items()
        ],
    ],
    "patent_events": [
        [
            "申请号",
            "事件类型",
            "日期",
            "专利权人统一社会信用代码",
            "对方名称",
            "对方是否在湛江",
            "金额（万元）",
            "是否投产",
        ],
        [app_no(1), "转让", "2023-05-01", U1, "霞山测试科技有限公司", "是", "50", ""],
        [app_no(3), "许可", "2024-03-01", U1, "外地某公司", "否", "10", "否"],
        [app_no(5), "许可", "2023-11-01", R1, "廉江测试电器有限公司", "是", "8", "是"],
        [app_no(6), "质押", "2024-02-01", R1, "湛江测试银行", "是", "300", ""],
        [app_no(2), "实施", "2022-01-01", U1, "", "", "", ""],
        [app_no(4), "实施", "2025-06-01", U1, "", "", "", ""],
        [app_no(11), "转让", "2025-09-01", U1, "外地某公司", "否", "20", ""],
    ],
    "filings": [
        [
            "备案编号",
            "产品名称",
            "企业统一社会信用代码",
            "备案日期",
            "所属产业",
            "专利密集型产品",
            "关联专利申请号",
            "产值年度",
            "年产值（万元）",
        ],
        ["F1", "节能空调", E1, "2023-04-01", "家电", "是", app_no(8), "2023", "100"],
        ["F1", "节能空调", E1, "2023-04-01", "家电", "是", app_no(8), "2024", "150"],
        ["F1", "节能空调", E1, "2023-04-01", "家电", "是", app_no(8), "2025", "200"],
        ["F2", "智能电饭煲", E1, "2024-06-01", "家电", "是", app_no(9), "2024", "50"],
        ["F2", "智能电饭煲", E1, "2024-06-01", "家电", "是", app_no(9), "2025", "40"],
        ["F3", "传感器", E2, "2025-11-01", "电子信息", "否", app_no(10), "2025", "30"],
        ["F4", "传感器二代", E2, "2026-01-15", "电子信息", "是", app_no(10), "", ""],
    ],
    "contracts": [
        [
            "合同登记号",
            "合同名称",
            "合同类型",
            "卖方统一社会信用代码",
            "买方名称",
            "买方是否在湛江",
            "登记日期",
            "合同成交额（万元）",
            "技术交易额（万元）",
            "涉及专利申请号",
        ],
        [
            "C1",
            "专利转让合同",
            "技术转让",
            U1,
            "霞山测试科技有限公司",
            "是",
            "2023-03-01",
            "100",
            "100",
            app_no(1),
        ],
        ["C2", "技术服务合同", "技术服务", R1, "外地某公司", "否", "2023-07-01", "50", "40", ""],
        ["C3", "专利许可合同", "技术许可", U1, "外地某公司", "否", "2025-05-01", "90", "90", app_no(3)],
        ["C4", "技术开发合同", "技术开发", E1, "本地某公司", "是", "2025-08-01", "40", "30", app_no(8)],
        [
            "C5",
            "专利许可合同",
            "技术许可",
            R1,
            "廉江测试电器有限公司",
            "是",
            "2026-03-01",
            "60",
            "60",
            app_no(5),
        ],
    ],
    "indicators": [
        ["措施编号", "指标名称", "季度", "单位", "数值", "目标值", "责任单位", "进展说明"],
        ["1", "高校院所专利转让许可数", "2025Q4", "件", "4", "5", "市科技局", "推进中"],
        ["12", "知识产权质押融资额", "2025年第4季度", "万元", "300", "", "市金融工作局", ""],
    ],
    "county_rules": [
        ["区县", "是否已印发", "印发日期", "文件名称", "文号"],
        ["廉江市", "是", "2024-05-10", "《廉江市专利转化运用专项行动实施细则》", "廉府办〔2024〕12号"],
        ["徐闻县", "否", "", "", ""],
    ],
    "events": [
        ["活动类型", "活动名称", "区县", "日期", "参加人数", "签约项目数", "签约金额（万元）"],
        ["政策宣讲会", "专利转化政策宣讲会（赤坎）", "赤坎区", "2024-04-02", "120", "", ""],
        ["转化对接活动", "高校专利对接会", "廉江市", "2024-09-10", "80", "5", "600"],
    ],
    "targets": [
        [
            "指标代码",
            "规划期",
            "起始日期",
            "截止日期",
            "基线年份",
            "基线值",
            "目标值",
            "目标类型",
            "单位",
            "依据",
        ],
        ["K1", "2023-2025", "2023-01-01", "2025-12-31", "", "", "1", "超过", "家", "测试"],
        ["K2", "2023-2025", "2023-01-01", "2025-12-31", "", "", "5", "超过", "件", "测试"],
        ["K3", "2023-2025", "2023-01-01", "2025-12-31", "2023", "", "0", "逐年提升", "万元", "测试"],
        ["K4", "2023-2025", "2023-01-01", "2025-12-31", "2023", "", "2", "高于基线", "%", "测试"],
        ["K5", "2023-2025", "2023-01-01", "2025-12-31", "2023", "", "20", "累计增长", "%", "测试"],
    ],
}
assert set(TINY) == set(KINDS)


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tiny")
    for kind, rows in TINY.items():
        write_csv(folder / f"{kind}.csv", rows)
    return folder


@pytest.fixture(scope="session")
def tiny_file(tiny_dir, tmp_path_factory) -> Path:
    """The tiny dataset loaded once into a database file that tests copy."""
    path = tmp_path_factory.mktemp("tinydb") / "tiny.duckdb"
    db = Database(path)
    load_folder(db, tiny_dir)
    db.close()
    return path


@pytest.fixture(scope="session")
def tiny_db(tiny_file) -> Database:
    """The tiny dataset, shared by the session: tests must not write to it (use ``fresh_db``)."""
    db = Database(tiny_file, read_only=True)
    yield db
    db.close()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Database:
    """The bundled sample (sample_data/) loaded once; tests must not write to it."""
    from data_layer.startup import create_database

    db = create_database(tmp_path_factory.mktemp("sample") / "sample.duckdb", ROOT / "sample_data")
    yield db
    db.close()


@pytest.fixture
def fresh_db(tiny_file, tmp_path) -> Database:
    """A writable copy of the tiny dataset for tests that import."""
    path = tmp_path / "fresh.duckdb"
    shutil.copy(tiny_file, path)
    db = Database(path)
    yield db
    db.close()


@pytest.fixture
def empty_db() -> Database:
    db = Database(":memory:")
    yield db
    db.close()


APP_AS_OF = "2026-06-30"  # "today" for the app under test: after the tiny dataset's last record


@pytest.fixture
def app_env(tiny_file, tmp_path, monkeypatch):
    """The app on its own copy of the tiny database (tiny_db holds the file open), today frozen."""
    path = tmp_path / "app.duckdb"
    shutil.copy(tiny_file, path)
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    monkeypatch.setenv("DASHBOARD_AS_OF", APP_AS_OF)
    monkeypatch.delenv("DASHBOARD_COUNTY_GEOJSON", raising=False)
    return path


# --- every region pack ----------------------------------------------------------------------------

# Page tests that must hold for any deployment run once per bundled pack (``pack_env``), on the
# pack's generated sample at a small scale: a city with its counties, and the province with its
# 21 cities. Small enough to build in seconds, large enough that every division has data.
PACK_SCALE = {"zhanjiang": 0.3, "maoming": 0.3, "guangdong": 0.6}


def region_names() -> list[str]:
    from data_layer import regions

    return regions.names()


@pytest.fixture(scope="session")
def pack_files(tmp_path_factory):
    """``build(pack)``: the path of the pack's sample database, generated once per test run."""
    from data_layer import regions
    from data_layer.samplegen import generate
    from data_layer.startup import create_database

    built: dict[str, Path] = {}

    def build(name: str) -> Path:
        if name not in built:
            folder = tmp_path_factory.mktemp(f"pack-{name}")
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv(regions.ENV, name)  # the import matches divisions of this pack
                generate(folder / "sample", scale=PACK_SCALE[name], region=regions.pack(name))
                create_database(folder / "pack.duckdb", folder / "sample").close()
            built[name] = folder / "pack.duckdb"
        return built[name]

    return build


@pytest.fixture(params=region_names())
def pack_env(request, pack_files, tmp_path, monkeypatch):
    """The app on its own copy of one pack's sample database (parametrized over every pack),
    that pack chosen by ``DASHBOARD_REGION``, today frozen; the pack's name."""
    path = tmp_path / "app.duckdb"
    shutil.copy(pack_files(request.param), path)
    monkeypatch.setenv("DASHBOARD_REGION", request.param)
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    monkeypatch.setenv("DASHBOARD_AS_OF", PACK_AS_OF)
    monkeypatch.delenv("DASHBOARD_COUNTY_GEOJSON", raising=False)
    return request.param


PACK_AS_OF = "2026-10-31"  # the generated samples run to this day
