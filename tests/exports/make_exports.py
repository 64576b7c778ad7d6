"""(Re)create the imitation export files: what a city IP office really downloads from each system.

Run from the repository root::

    .venv/bin/python -m tests.exports.make_exports

Each file imitates one source system's export (columns, header spelling, value shapes,
encoding, title and total rows; see ``README.md`` beside this file), built here from literal
rows, deterministically: CSV in the encoding and with the line ending the system uses, XLSX
with openpyxl and the zip rewritten with fixed timestamps (``make_corpus.fixed_zip``), so a
second run gives the same bytes.

``expected.py`` records, by hand and independently of this script, what each file means in
canonical terms; ``check`` below only makes sure the two still describe the same rows.

References point at the tiny dataset of ``tests/conftest.py``: patent lists hold mostly new
patents (serials far above the fixture's 1..11) of the fixture institutions, written by name
the way exports write names; the registers (transfers, licences, pledges), the contracts and
the filings reference the fixture patents ``app_no(1..11)``. "Now" is 2026-12-01: no date
in any file lies after it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

from openpyxl import Workbook, load_workbook

from data_layer.identifiers import make_app_no
from tests.conftest import E1, E2, R1, S1, U1, app_no
from tests.corpus.make_corpus import FIXED_TIME, csv_bytes, fixed_zip, fullwidth
from tests.exports import expected

HERE = Path(__file__).resolve().parent
NOW = dt.date(2026, 12, 1)

# ---------------------------------------------------------------------------------------------
# How each system writes an application number (canonical: 202310123456.6)


def cn_dot(no: str) -> str:  # CNIPA 专利检索及分析: CN202310123456.6
    return "CN" + no


def cn_plain(no: str) -> str:  # incoPat: CN2023101234566
    return "CN" + no.replace(".", "")


def plain(no: str) -> str:  # PatSnap: 2023101234566
    return no.replace(".", "")


def zl(no: str) -> str:  # registers and staff lists: ZL202310123456.6
    return "ZL" + no


def zl_spaced(no: str) -> str:  # certificates and old lists: ZL 2023 1 0123456.6
    digits, check = no.split(".")
    return f"ZL {digits[:4]} {digits[4]} {digits[5:]}.{check}"


def dotted(iso: str) -> str:  # 2023.04.15
    return iso.replace("-", ".")


def compact(iso: str) -> str:  # 20230415
    return iso.replace("-", "")


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


# ---------------------------------------------------------------------------------------------
# Who is who: fixture institutions by name, outside parties, and their addresses

NAME = {
    U1: "湛江测试大学",
    R1: "湛江测试研究院",
    E1: "廉江测试电器有限公司",
    E2: "霞山测试科技有限公司",
    S1: "湛江测试港务集团有限公司",
}
E1_LEGAL_FORM = "廉江测试电器有限责任公司"  # the same enterprise, legal form written out
S1_FULLWIDTH = "湛江测试港务（集团）有限公司"  # the same group, 集团 in full-width brackets
S1_HALFWIDTH = "湛江测试港务(集团)有限公司"
PERSON = "张伟"  # an individual inventor-holder: no institution
OUTSIDER = "广州某某科技有限公司"  # a company outside Zhanjiang: no institution

ADDRESS = {  # with the postal code, as CNIPA writes it
    U1: "524048 广东省湛江市赤坎区寸金路1号",
    R1: "524000 广东省湛江市霞山区海滨大道南39号",
    E1: "524400 广东省湛江市廉江市九洲江大道18号",
    E2: "524002 广东省湛江市霞山区人民大道南68号",
    S1: "524094 广东省湛江市麻章区湖光路9号",
    PERSON: "524400 广东省廉江市罗州街道建设路5号",
    OUTSIDER: "510663 广东省广州市黄埔区科学大道100号",
}


def street(who: str) -> str:
    """The address without the postal code, as incoPat and PatSnap write it."""
    return ADDRESS[who].split(" ", 1)[1]


# ---------------------------------------------------------------------------------------------
# Writers

FILES: dict[str, bytes] = {}


def export(name: str):
    def register(build):
        assert name not in FILES, name
        FILES[name] = build()
        return build

    return register


def xlsx(book: Workbook, creator: str) -> bytes:
    """A workbook's bytes with fixed zip and document timestamps (byte-reproducible)."""
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = creator
    book.properties.lastModifiedBy = creator
    raw = io.BytesIO()
    book.save(raw)
    return fixed_zip(raw.getvalue())


def sheet(rows: list[list[object]], title: str) -> Workbook:
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append([None if value == "" else value for value in row])  # blank cells stay empty
    return book


# ---------------------------------------------------------------------------------------------
# cnipa_patents: 专利检索及分析系统 export (XLSX). No type, no legal status: the kind is the
# 5th digit, and a publication ending in B/U/S is a grant (A: an application published).

CNIPA_HEADER = [
    "申请号",
    "申请日",
    "公开（公告）号",
    "公开（公告）日",
    "发明名称",
    "IPC分类号",
    "申请（专利权）人",
    "发明人",
    "申请人地址",
    "代理机构",
    "摘要",
]


@export("cnipa_patents.xlsx")
def _() -> bytes:
    agency = "广州某某知识产权代理有限公司 44245"
    rows = [
        # number, filed, publication, published, title, IPC, holders, inventors, address of, agency
        (
            make_app_no(2023, "1", 412873),
            "2023-04-15",
            "CN116468213A",
            "2023-07-21",
            "一种基于深度学习的海洋赤潮预警方法",
            "G06Q10/04;G06N3/0464;G01N33/18",
            "湛江测试大学",
            "王海涛;李明;陈静",
            U1,
            agency,
        ),
        (
            make_app_no(2022, "1", 387215),
            "2022-02-18",
            "CN114573650B",
            "2024-03-22",
            "一种近岸海域沉积物重金属快速检测方法",
            "G01N27/48;G01N1/28",
            "湛江测试大学;湛江测试研究院",
            "李明;周建国;吴敏",
            U1,
            agency,
        ),
        (
            make_app_no(2023, "2", 951264),
            "2023-08-09",
            "CN220362215U",
            "2024-01-19",
            "一种红树林土壤取样装置",
            "G01N1/08",
            "湛江测试研究院",
            "周建国;林晓燕",
            R1,
            "",
        ),
        (
            make_app_no(2024, "2", 1186530),
            "2024-05-27",
            "CN221845602U",
            "2024-12-06",
            "一种空调室内机导风板驱动结构",
            "F24F13/15;F24F1/0011",
            E1_LEGAL_FORM,
            "刘洋;黄晓明",
            E1,
            "湛江市某某专利事务所(普通合伙) 44203",
        ),
        (
            make_app_no(2024, "3", 275419),
            "2024-03-11",
            "CN308712694S",
            "2024-07-30",
            "电饭煲（智能款）",
            "",
            "廉江测试电器有限公司",
            "黄晓明",
            E1,
            "湛江市某某专利事务所(普通合伙) 44203",
        ),
        (
            make_app_no(2024, "1", 833702),
            "2024-06-03",
            "CN118571206A",
            "2024-08-30",
            "一种船用温湿度传感器的自校准方法",
            "G01D18/00;G01K15/00",
            "霞山测试科技有限公司",
            "陈志强;何丽",
            E2,
            agency,
        ),
        (
            make_app_no(2023, "2", 1402958),
            "2023-10-16",
            "CN220981347U",
            "2024-05-28",
            "一种集装箱码头防风系缆装置",
            "B63B21/04",
            S1_FULLWIDTH,
            "梁国华;谢文",
            S1,
            "",
        ),
        (
            make_app_no(2025, "2", 164387),
            "2025-02-24",
            "CN222946518U",
            "2025-09-12",
            "一种菠萝去皮切块装置",
            "A47J17/14",
            PERSON,
            PERSON,
            PERSON,
            "",
        ),
        (  # a PCT application in the national phase: kind digit 8, an invention
            make_app_no(2022, "8", 45127),
            "2022-06-30",
            "CN115398012B",
            "2025-05-09",
            "一种海洋微藻油脂的提取方法",
            "C12P7/6463;C12N1/12",
            "湛江测试大学",
            "王海涛;Robert Miller",
            U1,
            agency,
        ),
        (  # a fixture patent, as the tiny dataset has it
            app_no(4),
            "2023-01-01",
            "CN115862437B",
            "2025-03-01",
            "测试专利4",
            "C02F9/00",
            "湛江测试大学",
            "王海涛",
            U1,
            agency,
        ),
    ]
    out: list[list[object]] = [CNIPA_HEADER]
    for number, filed, pub, published, title, ipc, holders, inventors, where, agent in rows:
        abstract = f"本{'发明' if pub.endswith(('A', 'B')) else '实用新型'}公开了{title}……"
        if pub.endswith("S"):
            abstract = "1．本外观设计产品的名称：" + title + "。2．本外观设计产品的用途：……"
        out.append(
            [
                cn_dot(number),
                dotted(filed),
                pub,
                dotted(published),
                title,
                ipc,
                holders,
                inventors,
                ADDRESS[where],
                agent,
                abstract,
            ]
        )
    return xlsx(sheet(out, "Sheet0"), "Apache POI")


# ---------------------------------------------------------------------------------------------
# incopat: incoPat CSV export (UTF-8 with BOM)

INCOPAT_HEADER = [
    "序号",
    "标题",
    "申请号",
    "申请日",
    "公开（公告）号",
    "公开（公告）日",
    "授权日",
    "专利类型",
    "[标]当前申请(专利权)人",
    "当前申请(专利权)人",
    "申请人地址",
    "简单法律状态",
    "法律状态",
    "失效日",
    "IPC主分类",
    "发明人",
    "摘要",
    "合享价值度",
]


@export("incopat.csv")
def _() -> bytes:
    rows = [
        # number, title, filed, publication, published, granted, type, [标] holders, holders,
        # address of, simple status, status, lapse, IPC, inventors, value
        (
            make_app_no(2021, "1", 598412),
            "一种对虾养殖水质在线监测系统",
            "2021-05-12",
            "CN113287541B",
            "2023-06-09",
            "2023-06-09",
            "发明授权",
            "湛江测试大学",
            "湛江测试大学",
            U1,
            "有效",
            "授权",
            "",
            "A01K63/04",
            "王海涛; 赵磊",
            "9",
        ),
        (
            make_app_no(2022, "1", 1047736),
            "一种红树林湿地碳汇计量方法",
            "2022-09-05",
            "CN115391257A",
            "2023-01-10",
            "",
            "发明申请",
            "湛江测试研究院",
            "湛江测试研究院",
            R1,
            "失效",
            "驳回",
            "",
            "G01N33/24",
            "林晓燕; 周建国",
            "5",
        ),
        (
            make_app_no(2023, "1", 729583),
            "一种柔性压力传感器及其制备方法",
            "2023-03-20",
            "CN116412874A",
            "2023-07-11",
            "",
            "发明申请",
            "霞山测试科技有限公司",
            "霞山测试科技有限公司",
            E2,
            "失效",
            "撤回",
            "",
            "G01L1/18",
            "陈志强",
            "4",
        ),
        (
            make_app_no(2019, "2", 1583920),
            "一种空调室外机减震支架",
            "2019-09-23",
            "CN210624387U",
            "2020-05-26",
            "2020-05-26",
            "实用新型",
            "廉江测试电器有限公司",
            E1_LEGAL_FORM,
            E1,
            "失效",
            "未缴年费",
            "2023-09-23",
            "F24F13/32",
            "刘洋",
            "6",
        ),
        (
            make_app_no(2015, "2", 637481),
            "一种船舶靠泊缓冲装置",
            "2015-08-12",
            "CN204998362U",
            "2016-01-27",
            "2016-01-27",
            "实用新型",
            "湛江测试港务集团有限公司",
            S1_HALFWIDTH,
            S1,
            "失效",
            "期限届满",
            "",
            "E02B3/26",
            "梁国华",
            "7",
        ),
        (
            make_app_no(2024, "1", 215864),
            "一种海藻多糖提取纯化工艺",
            "2024-04-08",
            "CN118290417A",
            "2024-07-05",
            "",
            "发明申请",
            f"湛江测试大学 | {OUTSIDER}",
            f"湛江测试大学 | {OUTSIDER}",
            U1,
            "审中",
            "实质审查",
            "",
            "C08B37/00",
            "吴敏; 郑海; 孙立",
            "7",
        ),
        (
            make_app_no(2024, "2", 2310597),
            "一种手持式椰子开壳器",
            "2024-07-15",
            "CN222184065U",
            "2024-12-10",
            "2024-12-10",
            "实用新型",
            PERSON,
            PERSON,
            PERSON,
            "有效",
            "授权",
            "",
            "A47J43/26",
            PERSON,
            "3",
        ),
        (
            make_app_no(2023, "3", 486215),
            "海洋监测浮标",
            "2023-06-19",
            "CN308356712S",
            "2023-11-24",
            "2023-11-24",
            "外观设计",
            "湛江测试研究院; 湛江测试大学",
            "湛江测试研究院; 湛江测试大学",
            R1,
            "有效",
            "授权",
            "",
            "",
            "林晓燕; 李明",
            "4",
        ),
        (
            make_app_no(2020, "2", 1325078),
            "一种电饭煲防溢锅盖",
            "2020-11-02",
            "CN214258916U",
            "2021-09-17",
            "2021-09-17",
            "实用新型",
            "廉江测试电器有限公司",
            "廉江测试电器有限公司",
            E1,
            "有效",
            "授权",
            "",
            "A47J36/06",
            "黄晓明; 刘洋",
            "6",
        ),
        (  # a fixture patent, as the tiny dataset has it (lapsed 2024-06-30)
            app_no(2),
            "测试专利2",
            "2021-03-01",
            "CN214563982U",
            "2021-09-01",
            "2021-09-01",
            "实用新型",
            "湛江测试大学",
            "湛江测试大学",
            U1,
            "失效",
            "未缴年费",
            "2024-06-30",
            "A01K61/00",
            "王海涛",
            "5",
        ),
    ]
    out = [INCOPAT_HEADER]
    for index, row in enumerate(rows, 1):
        number, title, filed, pub, published, granted, kind, std, holders, where = row[:10]
        simple, status, lapse, ipc, inventors, value = row[10:]
        out.append(
            [
                str(index),
                title,
                cn_plain(number),
                compact(filed),
                pub,
                compact(published),
                compact(granted),
                kind,
                std,
                holders,
                street(where),
                simple,
                status,
                compact(lapse),
                ipc,
                inventors,
                f"本{'外观设计' if kind == '外观设计' else '发明' if '发明' in kind else '实用新型'}"
                f"涉及{title}……",
                value,
            ]
        )
    return csv_bytes(out, bom=True)


# ---------------------------------------------------------------------------------------------
# patsnap: 智慧芽 XLSX export, a title row above the header

PATSNAP_HEADER = [
    "公开(公告)号",
    "标题",
    "申请号",
    "申请日",
    "授权日",
    "专利类型",
    "当前申请(专利权)人",
    "申请人地址",
    "专利有效性",
    "法律状态/事件",
    "当前法律状态",
    "失效日",
    "IPC主分类号",
    "发明人",
    "被引用专利数量",
]


@export("patsnap.xlsx")
def _() -> bytes:
    rows = [
        # publication, title, number as written, filed, granted, type, holders, address of,
        # validity, events, status, lapse, IPC, inventors, cited by
        (
            "CN116218459B",
            "一种热泵干燥装置的控制方法",
            zl_spaced(make_app_no(2023, "1", 123456)),
            "2023-02-14",
            "2025-04-22",
            "授权发明",
            "廉江测试电器有限公司",
            E1,
            "有效",
            "公开; 实质审查; 授权",
            "有权",
            "",
            "F26B21/10",
            "刘洋、黄晓明",
            2,
        ),
        (
            "CN117186542A",
            "一种南美白对虾低温保活运输方法",
            plain(make_app_no(2023, "1", 1265830)),
            "2023-08-30",
            "",
            "发明申请",
            "湛江测试研究院；湛江测试大学",
            R1,
            "审中",
            "公开; 实质审查",
            "审中",
            "",
            "A01K63/02",
            "林晓燕、王海涛",
            0,
        ),
        (
            "CN113561428A",
            "一种港口集装箱智能调度方法",
            plain(make_app_no(2021, "1", 847251)),
            "2021-07-26",
            "",
            "发明申请",
            "霞山测试科技有限公司 ",
            E2,
            "失效",
            "公开; 实质审查; 驳回",
            "驳回",
            "",
            "G06Q10/08",
            "何丽",
            1,
        ),
        (
            "CN115624317A",
            "一种电器外壳用抗菌塑料",
            plain(make_app_no(2022, "1", 1639024)),
            "2022-10-11",
            "",
            "发明申请",
            E1_LEGAL_FORM,
            E1,
            "失效",
            "公开; 视为撤回",
            "撤回",
            "",
            "C08L23/12",
            "黄晓明",
            0,
        ),
        (
            "CN205876234U",
            "一种岸桥起重机防风锚定装置",
            plain(make_app_no(2016, "2", 572196)),
            "2016-05-20",
            "2017-01-11",
            "实用新型",
            S1_FULLWIDTH,
            S1,
            "失效",
            "授权; 专利权有效期届满",
            "届满",
            "2026-05-20",
            "B66C23/94",
            "梁国华、谢文",
            5,
        ),
        (
            "CN214386572U",
            "一种海水取样器",
            plain(make_app_no(2020, "2", 1893405)),
            "2020-12-07",
            "2021-10-22",
            "实用新型",
            "\u3000湛江测试研究院",
            R1,
            "失效",
            "授权; 未缴年费专利权终止",
            "未缴年费",
            "",
            "G01N1/12",
            "周建国",
            0,
        ),
        (
            "CN309584213S",
            "空气炸锅",
            plain(make_app_no(2025, "3", 318762)),
            "2025-05-16",
            "2025-11-04",
            "外观设计",
            f"廉江测试电器有限公司、{OUTSIDER}",
            E1,
            "有效",
            "授权",
            "有权",
            "",
            "",
            "黄晓明",
            0,
        ),
        (
            "CN223471025U",
            "一种红树林幼苗移栽工具",
            plain(make_app_no(2025, "2", 946123)),
            "2025-06-09",
            "2026-02-13",
            "实用新型",
            "湛江测试大学",
            U1,
            "有效",
            "授权",
            "有权",
            "",
            "A01G23/04",
            "李明、孙立",
            0,
        ),
        (
            "CN224530176U",
            "一种船用温湿度传感器防护罩",
            plain(make_app_no(2026, "2", 137285)),
            "2026-03-02",
            "2026-08-25",
            "实用新型",
            "霞山测试科技有限公司",
            E2,
            "有效",
            "授权",
            "有权",
            "",
            "G01D11/24",
            "陈志强、何丽",
            0,
        ),
        (  # a fixture patent held jointly, as the tiny dataset has it
            "CN216904718U",
            "测试专利11",
            plain(app_no(11)),
            "2022-03-01",
            "2022-09-15",
            "实用新型",
            "湛江测试大学；湛江测试研究院",
            U1,
            "有效",
            "授权",
            "有权",
            "",
            "A01K61/00",
            "王海涛、林晓燕",
            1,
        ),
    ]
    out: list[list[object]] = [["智慧芽专利数据导出 2026-11-30"], PATSNAP_HEADER]
    for pub, title, number, filed, granted, kind, holders, where, *rest in rows:
        validity, events, status, lapse, ipc, inventors, cited = rest
        out.append(
            [
                pub,
                title,
                number,
                filed,
                granted,
                kind,
                holders,
                street(where),
                validity,
                events,
                status,
                lapse,
                ipc,
                inventors,
                cited,
            ]
        )
    book = sheet(out, "专利数据")
    book.active.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(PATSNAP_HEADER))
    return xlsx(book, "PatSnap")


# ---------------------------------------------------------------------------------------------
# cnipa_transfers: 专利权转移 register (CSV in GBK). No event-type column.

TRANSFERS_HEADER = [
    "序号",
    "申请号",
    "专利名称",
    "主分类号",
    "变更事项",
    "变更前权利人",
    "变更后权利人",
    "变更前地址",
    "变更后地址",
    "法律状态公告日",
]


@export("cnipa_transfers.csv")
def _() -> bytes:
    rows = [
        # n, what, before, after, before address, after address, announced
        (7, "专利申请权的转移", NAME[R1], NAME[S1], ADDRESS[R1], ADDRESS[S1], "2024-09-20"),
        (4, "专利权的转移", NAME[U1], NAME[E1], ADDRESS[U1], ADDRESS[E1], "2025-07-18"),
        (
            6,
            "专利权的转移",
            NAME[R1],
            "湛江某某家居用品有限公司",
            "",
            "524033 广东省湛江市赤坎区海田路12号",
            "2026-02-27",
        ),
        (1, "专利权的转移", NAME[U1], S1_FULLWIDTH, ADDRESS[U1], ADDRESS[S1], "2026-06-05"),
        (5, "专利权的转移", NAME[R1], OUTSIDER, "", ADDRESS[OUTSIDER], "2026-08-12"),
        (
            10,
            "专利权的转移",
            NAME[E2],
            "深圳某某电子有限公司",
            ADDRESS[E2],
            "518057 广东省深圳市南山区科技园南区8栋",
            "2026-10-16",
        ),
        (
            9,
            "专利权的转移",
            E1_LEGAL_FORM,
            "廉江测试智能家居有限公司",
            "",
            "524400 广东省湛江市廉江市安铺镇工业园3号",
            "2026-11-06",
        ),
    ]
    ipc = {1: "C02F1/00", 4: "C02F9/00", 5: "G01N33/18", 6: "", 7: "G06F16/00", 9: "A47J27/08"}
    ipc[10] = "G01D11/24"
    out = [TRANSFERS_HEADER]
    for index, (n, what, before, after, old, new, announced) in enumerate(rows, 1):
        out.append(
            [str(index), app_no(n), f"测试专利{n}", ipc[n], what, before, after, old, new, dotted(announced)]
        )
    return csv_bytes(out, "gbk")


# ---------------------------------------------------------------------------------------------
# cnipa_licenses: 专利实施许可合同备案 (XLSX), 让与人/受让人

LICENSES_HEADER = [
    "序号",
    "合同备案号",
    "专利号",
    "专利名称",
    "申请日",
    "授权公告日",
    "让与人",
    "受让人",
    "许可种类",
    "备案日期",
    "合同履行起始日",
    "合同履行终止日",
]


@export("cnipa_licenses.xlsx")
def _() -> bytes:
    fixture = {  # n: (filed, granted) as the tiny dataset has them
        1: ("2020-01-01", "2021-06-01"),
        3: ("2022-01-01", "2022-08-01"),
        5: ("2021-01-01", "2021-07-01"),
        6: ("2022-05-01", "2022-10-01"),
        8: ("2022-02-01", "2022-09-01"),
        9: ("2021-02-01", "2023-02-01"),
        10: ("2023-03-01", "2023-10-01"),
    }
    rows = [
        # record, n, licensor, licensee, kind, recorded, from, to
        (
            "X2023440000000058",
            9,
            E1_LEGAL_FORM,
            "佛山某某电器有限公司",
            "独占许可",
            "2023-06-30",
            "2023-06-15",
            "2025-06-14",
        ),
        (
            "X2024440000000123",
            1,
            NAME[U1],
            NAME[S1],
            "独占许可",
            "2024-04-12",
            "2024-04-01",
            "2026-03-31",
        ),
        (
            "X2024440000000371",
            5,
            NAME[R1],
            OUTSIDER,
            "排他许可",
            "2024-11-05",
            "2024-10-25",
            "2026-10-24",
        ),
        (
            "X2025440000000046",
            6,
            NAME[R1],
            "湛江某某家居用品有限公司",
            "普通许可",
            "2025-02-14",
            "2025-02-01",
            "2026-01-31",
        ),
        (
            "X2025440000000158",
            10,
            NAME[E2],
            "吴川某某电子厂",
            "排他许可",
            "2025-06-18",
            "2025-06-01",
            "2026-05-31",
        ),
        (
            "X2025440000000212",
            3,
            NAME[U1],
            NAME[E2],
            "普通许可",
            "2025-08-20",
            "2025-08-01",
            "2026-07-31",
        ),
        (
            "X2026440000000097",
            8,
            NAME[E1],
            "遂溪测试农机有限公司",
            "普通许可",
            "2026-05-09",
            "2026-05-01",
            "2026-11-30",
        ),
    ]
    out: list[list[object]] = [LICENSES_HEADER]
    for index, (record, n, licensor, licensee, kind, recorded, start, end) in enumerate(rows, 1):
        filed, granted = fixture[n]
        out.append(
            [
                index,
                record,
                zl(app_no(n)),
                f"测试专利{n}",
                filed,
                granted,
                licensor,
                licensee,
                kind,
                recorded,
                start,
                end,
            ]
        )
    return xlsx(sheet(out, "许可备案"), "Apache POI")


# ---------------------------------------------------------------------------------------------
# cnipa_pledges: 专利权质押登记 (CSV in UTF-8, no BOM, LF as a web system writes it)

PLEDGES_HEADER = [
    "序号",
    "质押登记号",
    "申请号",
    "专利名称",
    "授权公告日",
    "出质人",
    "质权人",
    "登记生效日",
    "质押金额（万元）",
    "质押状态",
    "解除日",
]


@export("cnipa_pledges.csv")
def _() -> bytes:
    granted = {3: "2022-08-01", 5: "2021-07-01", 8: "2022-09-01", 9: "2023-02-01", 10: "2023-10-01"}
    rows = [
        # record, n, pledgor, pledgee, effective, amount, released
        (
            "Y2023440000031",
            9,
            NAME[E1],
            "中国农业银行股份有限公司廉江市支行",
            "2023-08-16",
            "500",
            "2024-08-15",
        ),
        ("Y2024440000102", 8, NAME[E1], "广东南粤银行股份有限公司湛江分行", "2024-05-20", "1,200", ""),
        (
            "Y2024440000187",
            10,
            NAME[E2],
            "中国工商银行股份有限公司湛江分行",
            "2024-11-08",
            "300.00",
            "2025-11-07",
        ),
        ("Y2025440000045", 5, NAME[R1], "湛江农村商业银行股份有限公司", "2025-03-12", "150", "2026-03-11"),
        ("Y2025440000210", 9, NAME[E1], "中国银行股份有限公司湛江分行", "2025-09-30", "800", "2026-09-29"),
        (
            "Y2026440000058",
            3,
            NAME[U1],
            "中国邮政储蓄银行股份有限公司湛江市分行",
            "2026-07-15",
            "80.5",
            "",
        ),
    ]
    out = [PLEDGES_HEADER]
    for index, (record, n, pledgor, pledgee, effective, amount, released) in enumerate(rows, 1):
        status = "已解除" if released else "生效"
        out.append(
            [
                str(index),
                record,
                zl(app_no(n)),
                f"测试专利{n}",
                granted[n],
                pledgor,
                pledgee,
                effective,
                amount,
                status,
                released,
            ]
        )
    return csv_bytes(out, eol="\n")


# ---------------------------------------------------------------------------------------------
# contract_registration: 技术合同认定登记 export (XLSX), amounts in 元, a 合计 row; and the same
# export resaved by Excel as CSV, its 16-digit numbers turned into 2.02544E+15

CONTRACTS_HEADER = [
    "序号",
    "合同登记编号",
    "合同名称",
    "合同类别",
    "卖方名称",
    "卖方统一社会信用代码",
    "卖方所在地区",
    "买方名称",
    "买方所在地区",
    "买方行政区划代码",
    "成交金额（元）",
    "技术交易额（元）",
    "登记日期",
    "知识产权类型",
    "涉及专利",
]
SELLER_REGION = {
    U1: "湛江市赤坎区",
    R1: "湛江市霞山区",
    E1: "湛江市廉江市",
    E2: "湛江市霞山区",
    S1: "湛江市麻章区",
}

CONTRACTS = [
    # number, title, category, seller, seller's code written?, buyer, buyer region, buyer code,
    # turnover (元), technology amount (元), registered, IP type, patents
    (
        "2023440800000117",
        "海水养殖尾水处理工艺开发",
        "技术开发（委托）",
        U1,
        True,
        "湛江某某水产养殖有限公司",
        "湛江市霞山区",
        "",
        850_000,
        850_000,
        "2023-05-22",
        "技术秘密",
        "",
    ),
    (
        "2023440800000342",
        "家用电器能效检测技术服务",
        "技术服务",
        R1,
        False,
        "廉江测试电器有限公司",
        "",
        "440881",
        120_000,
        100_000,
        "2023-09-14",
        "未涉及",
        "",
    ),
    (
        "2024440800000056",
        "港口装卸设备状态监测专利实施许可",
        "技术许可（专利实施许可）",
        U1,
        True,
        "湛江测试港务集团有限公司",
        "湛江市麻章区",
        "440811",
        600_000,
        600_000,
        "2024-03-28",
        "专利",
        zl(app_no(1)),
    ),
    (
        "2024440800000218",
        "智能变频控制系统合作开发",
        "技术开发（合作）",
        E1,
        True,
        OUTSIDER,
        "广东省广州市",
        "440106",
        2_000_000,
        1_800_000,
        "2024-07-09",
        "专利",
        "",
    ),
    (
        "2024440800000377",
        "海洋监测装置专利实施许可",
        "技术许可（专利实施许可）",
        R1,
        True,
        OUTSIDER,
        "",
        "440106",
        350_000,
        350_000,
        "2024-10-21",
        "专利",
        app_no(5),
    ),
    (
        "2024440800000390",
        "甘蔗机械化收获技术咨询",
        "技术咨询",
        R1,
        True,
        "遂溪某某糖业有限公司",
        "湛江市遂溪县",
        "440823",
        50_000,
        50_000,
        "2024-10-30",
        "未涉及",
        "",
    ),
    (
        "2025440800000073",
        "一种水处理装置专利权转让",
        "技术转让（专利权）",
        U1,
        False,
        "廉江测试电器有限公司",
        "湛江市廉江市",
        "440881",
        1_500_000,
        1_500_000,
        "2025-06-26",
        "专利",
        app_no(4),
    ),
    (
        "2025440800001234",
        "传感器数据平台运维技术服务",
        "技术服务",
        E2,
        True,
        "深圳某某电子有限公司",
        "广东省深圳市",
        "440305",
        280_000,
        250_000,
        "2025-12-15",
        "计算机软件著作权",
        "",
    ),
    (
        "2026440800000088",
        "海洋牧场智能投喂装备开发",
        "技术开发（委托）",
        U1,
        True,
        "湛江某某海洋科技有限公司",
        "",
        "",
        900_000,
        800_000,
        "2026-03-19",
        "专利",
        f"{zl(app_no(11))}；{app_no(3)}",
    ),
    (
        "2026440800000251",
        "除湿机结构专利实施许可",
        "技术许可（专利实施许可）",
        E1,
        False,
        "遂溪测试农机有限公司",
        "湛江市遂溪县",
        "",
        180_000,
        180_000,
        "2026-05-06",
        "专利",
        app_no(8),
    ),
    (
        "2026440800000402",
        "港口作业安全评估技术服务",
        "技术服务",
        S1,
        True,
        "湛江某某物流有限公司",
        "",
        "440803",
        75_500,
        75_500,
        "2026-09-10",
        "未涉及",
        "",
    ),
]


def contract_rows() -> list[list[object]]:
    """Data rows as the registration system writes them (dates as dates, the rest as text)."""
    out: list[list[object]] = []
    for index, row in enumerate(CONTRACTS, 1):
        no, title, category, seller, with_code, buyer, region, code, turnover, tech, date = row[:11]
        ip_type, patents = row[11:]
        out.append(
            [
                index,
                no,
                title,
                category,
                NAME[seller],
                seller if with_code else "",
                SELLER_REGION[seller],
                buyer,
                region,
                code,
                f"{turnover:,}",
                f"{tech:,}",
                day(date),
                ip_type,
                patents,
            ]
        )
    return out


def contract_total() -> list[object]:
    return [
        "合计",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        f"{sum(r[8] for r in CONTRACTS):,}",
        f"{sum(r[9] for r in CONTRACTS):,}",
        None,
        "",
        "",
    ]


@export("contract_registration.xlsx")
def _() -> bytes:
    book = sheet([CONTRACTS_HEADER, *contract_rows(), contract_total()], "技术合同登记")
    ws = book.active
    for row in ws.iter_rows(min_row=2):
        row[1].number_format = "@"  # the 16-digit number stays text
        row[9].number_format = "@"  # and so does the region code
        if isinstance(row[12].value, dt.date):
            row[12].number_format = "yyyy-mm-dd"
    return xlsx(book, "技术合同认定登记系统")


def excel_general(number: str) -> str:
    """How Excel's General format shows a 16-digit number in a normal-width column: 2.02544E+15."""
    mantissa, exponent = f"{int(number):.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent)}"


@export("contracts_excel_damaged.csv")
def _() -> bytes:  # opened in Excel and saved as CSV (GBK on Chinese Windows): numbers became floats
    out: list[list[str]] = [CONTRACTS_HEADER]
    for row in contract_rows():
        date = row[12]
        cells = ["" if v is None else str(v) for v in row]
        cells[1] = excel_general(row[1])
        cells[12] = f"{date.year}/{date.month}/{date.day}"
        out.append(cells)
    out.append(["" if v is None else str(v) for v in contract_total()])
    return csv_bytes(out, "gbk")


# ---------------------------------------------------------------------------------------------
# filing_list: 专利产品备案 list (CSV in GB18030), compiled by the county office in Excel

FILINGS_HEADER = [
    "序号",
    "备案号",
    "产品名称",
    "企业名称",
    "统一社会信用代码",
    "所在地区",
    "国民经济行业分类",
    "关联专利",
    "产值年度",
    "产值（万元）",
    "专利密集型产品认定",
    "备案日期",
    "备注",
]


@export("filing_list.csv")
def _() -> bytes:
    e1 = (NAME[E1], E1, "湛江市廉江市")
    e2 = (NAME[E2], E2, "湛江市霞山区")
    cooling, appliance, sensor = (
        "C3851 家用制冷电器具制造",
        "C3854 家用电力器具制造",
        "C3983 敏感元件及传感器制造",
    )
    two = f"{zl(app_no(8))}；{zl(app_no(9))}"
    rows = [
        # number, product, (name, code, region), industry, patents, year, output, intensive, filed, note
        (
            "BA440800-2024-0031",
            "节能变频空调器",
            e1,
            cooling,
            two,
            "2024",
            "1,250.5",
            "已认定",
            "2024/6/1",
            "",
        ),
        ("BA440800-2024-0031", "节能变频空调器", e1, cooling, two, "2025", "1,680", "已认定", "2024/6/1", ""),
        (
            "BA440800-2024-0032",
            "智能电饭煲",
            (E1_LEGAL_FORM, E1, "湛江市廉江市"),
            appliance,
            app_no(9),
            "2024",
            "420",
            "已认定",
            "2024/6/1",
            "",
        ),
        (
            "BA440800-2024-0058",
            "温湿度传感器",
            e2,
            sensor,
            app_no(10),
            "2024",
            "96",
            "未认定",
            "2024/11/20",
            "",
        ),
        (
            "BA440800-2024-0058",
            "温湿度传感器",
            e2,
            sensor,
            app_no(10),
            "2025",
            "132.8",
            "未认定",
            "2024/11/20",
            "",
        ),
        (
            "BA440800-2025-0007",
            "多功能电压力锅",
            e1,
            appliance,
            fullwidth(app_no(9)),  # typed with a Chinese input method
            "2025",
            "380",
            "未认定",
            "2025/3/18",
            "",
        ),
        ("BA440800-2025-0021", "除湿机", e1, cooling, zl(app_no(8)), "2025", "560", "已认定", "2025/8/8", ""),
        (
            "BA440800-2026-0003",
            "船用智能传感模组",
            e2,
            sensor,
            app_no(10),
            "",
            "",
            "已认定",
            "2026/9/15",
            "新备案，产值待报",
        ),
    ]
    out = [FILINGS_HEADER]
    for index, (no, product, (name, code, region), industry, *rest) in enumerate(rows, 1):
        patents, year, output, intensive, filed, note = rest
        out.append(
            [
                str(index),
                no,
                product,
                name,
                code,
                region,
                industry,
                patents,
                year,
                output,
                intensive,
                filed,
                note,
            ]
        )
    return csv_bytes(out, "gb18030")


# ---------------------------------------------------------------------------------------------
# Checks: every date in the past, and the files still describe the rows expected.py describes

ENCODING = {
    "incopat.csv": "utf-8-sig",
    "cnipa_transfers.csv": "gbk",
    "cnipa_pledges.csv": "utf-8",
    "filing_list.csv": "gb18030",
    "contracts_excel_damaged.csv": "gbk",
}
DATE = re.compile(r"(?<!\d)(?:(20\d\d)[-./](\d\d?)[-./](\d\d?)|(20\d\d)(\d\d)(\d\d))(?!\d)")
FIRST_HEADER = {"公开(公告)号", "申请号", "序号"}


def table(name: str, data: bytes) -> list[list[str]]:
    """The file's rows below its header, without a 合计 row, as text."""
    if name.endswith(".xlsx"):
        ws = load_workbook(io.BytesIO(data), read_only=True).active
        rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    else:
        rows = list(csv.reader(io.StringIO(data.decode(ENCODING[name]))))
    start = next(i for i, row in enumerate(rows) if row and row[0] in FIRST_HEADER)
    return [row for row in rows[start + 1 :] if row and row[0] != "合计"]


def flat(cells: list[str]) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", "|".join(cells)))


def check(files: dict[str, bytes]) -> None:
    codes = {"U1": U1, "R1": R1, "E1": E1, "E2": E2, "S1": S1}
    assert all(getattr(expected, key) == code for key, code in codes.items())
    assert all(getattr(expected, f"P{n}") == app_no(n) for n in range(1, 12))
    records = {record.name: record for record in expected.EXPORTS}
    assert set(records) == set(files), set(records) ^ set(files)
    for name, data in files.items():
        record, rows = records[name], table(name, data)
        for row in rows:
            for found in DATE.findall(unicodedata.normalize("NFKC", " ".join(row))):
                year, month, dom = (int(a or b) for a, b in zip(found[:3], found[3:], strict=True))
                assert dt.date(year, month, dom) <= NOW, (name, row)
        if record.refused_reason:
            assert not record.rows, name
            continue
        assert len(rows) == len(record.rows), (name, len(rows), len(record.rows))
        for row, meaning in zip(rows, record.rows, strict=True):
            text = flat(row)
            keys = [
                getattr(meaning, key)
                for key in ("app_no", "contract_no", "filing_no")
                if hasattr(meaning, key)
            ]
            keys += [no.replace(".", "") for no in getattr(meaning, "app_nos", ())]
            for key in keys:
                assert key.split(".")[0] in text.replace(".", ""), (name, key, row)


def build() -> dict[str, bytes]:
    """Every export file's name and bytes."""
    return dict(FILES)


def main() -> None:
    files = build()
    check(files)
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"{len(data):6d}  {name}")


if __name__ == "__main__":
    main()
