"""What each imitation export in this folder means, in canonical terms: data only.

Written by hand from the files' content (see ``make_exports.py`` and ``README.md``) and not
computed by any code of the dashboard, so a test can import a file into the tiny dataset and
compare the database with these records.

Conventions:

- Application numbers are canonical ``DDDDDDDDDDDD.C``; dates are ISO strings; amounts are in
  万元 (a file in 元 is converted here: 1,500,000 元 is 150.0).
- Names (``holders``, ``holder``, ``counterparty``, ``seller``, ``buyer``, ``enterprise``) are
  the names as the file writes them, with surrounding white space (also U+3000) removed and
  list separators split off; nothing else is changed, so ``廉江测试电器有限责任公司`` stays.
- ``*_code`` fields say which institution of the tiny dataset (``tests/conftest.py``) a name
  means, by its unified social credit code, whether or not the file writes the code; None: a
  party that is no institution of the dataset (a person, an outside company, a bank).
- Booleans that a file does not state are None: ``valid_now`` of a CNIPA search export (it has
  no legal-status column), ``buyer_local`` of a contract without a buyer region,
  ``counterparty_local`` of a register without addresses.
- ``valid_now`` is as of 2026-12-01 ("now" for these files); ``lapse_date`` is the lapse date
  the file gives, None when it gives none (even for a lapsed patent).
- Row tuples follow the data rows of the file in order (title, header and 合计 rows left out).
- A file that must be refused as a whole has ``refused_reason`` and no rows.
"""

from __future__ import annotations

from dataclasses import dataclass

# The tiny dataset's institutions (tests/conftest.py: U1, R1, E1, E2, S1), written out.
U1 = "12440800MB0000001M"  # 湛江测试大学, university, 赤坎区
R1 = "12440800MB0000002Q"  # 湛江测试研究院, research institute, 霞山区
E1 = "91440881MA0000003Y"  # 廉江测试电器有限公司, enterprise, 廉江市
E2 = "91440803MA00000043"  # 霞山测试科技有限公司, enterprise, 霞山区
S1 = "91440811MA0000005Q"  # 湛江测试港务集团有限公司, city state-owned enterprise, 麻章区

# The tiny dataset's patents app_no(1..11) that the registers, contracts and filings reference.
P1 = "202010000001.1"  # invention, U1
P2 = "202120000002.6"  # utility model, U1, lapsed 2024-06-30
P3 = "202220000003.5"  # utility model, U1
P4 = "202310000004.9"  # invention, U1
P5 = "202120000005.X"  # utility model, R1
P6 = "202230000006.4"  # design, R1
P7 = "202410000007.7"  # invention application, R1 (not granted)
P8 = "202220000008.8"  # utility model, E1
P9 = "202110000009.2"  # invention, E1
P10 = "202320000010.X"  # utility model, E2
P11 = "202220000011.X"  # utility model, U1 and R1

CHIKAN, XIASHAN, MAZHANG, LIANJIANG = "440802", "440803", "440811", "440881"


@dataclass(frozen=True)
class Patent:
    app_no: str
    patent_type: str  # invention / utility_model / design
    granted: bool
    valid_now: bool | None
    lapse_date: str | None
    holders: tuple[str, ...]
    holder_codes: tuple[str | None, ...]  # one per holder
    county: str | None  # adcode of the (first) applicant's address; None outside Zhanjiang
    filing_date: str
    grant_date: str | None
    title: str


@dataclass(frozen=True)
class PatentEvent:
    app_no: str
    event_type: str  # transfer / license / pledge
    event_date: str
    holder: str  # transferor, licensor, pledgor
    holder_code: str | None
    counterparty: str  # transferee, licensee, pledgee
    counterparty_code: str | None
    amount: float | None = None  # 万元
    license_kind: str | None = None  # exclusive (独占) / sole (排他) / ordinary (普通)
    counterparty_local: bool | None = None  # the counterparty's address is in Zhanjiang
    release_date: str | None = None  # a pledge's 解除日
    record_no: str | None = None  # 合同备案号 / 质押登记号


@dataclass(frozen=True)
class Contract:
    contract_no: str  # 16 digits
    contract_type: str  # development / transfer / license / consulting / service
    seller: str
    seller_code: str  # every seller is a dataset institution
    buyer: str
    buyer_local: bool | None
    turnover: float  # 万元
    involves_patent: bool
    app_nos: tuple[str, ...]
    tech_amount: float | None  # 技术交易额, 万元
    registered: str
    title: str


@dataclass(frozen=True)
class Filing:
    filing_no: str
    enterprise: str
    credit_code: str
    patent_intensive: bool
    app_nos: tuple[str, ...]
    output_year: int | None
    output: float | None  # 万元
    product: str
    filing_date: str


@dataclass(frozen=True)
class ExportFile:
    name: str
    kind: str  # patents / patent_events / contracts / filings
    source: str
    rows: tuple = ()
    refused_reason: str | None = None


INV, UM, DES = "invention", "utility_model", "design"

CNIPA_PATENTS = ExportFile(
    name="cnipa_patents.xlsx",
    kind="patents",
    source="cnipa_patents",
    rows=(
        Patent(
            app_no="202310412873.2",
            patent_type=INV,
            granted=False,  # CN…A: published, not granted
            valid_now=None,
            lapse_date=None,
            holders=("湛江测试大学",),
            holder_codes=(U1,),
            county=CHIKAN,
            filing_date="2023-04-15",
            grant_date=None,
            title="一种基于深度学习的海洋赤潮预警方法",
        ),
        Patent(
            app_no="202210387215.8",
            patent_type=INV,
            granted=True,  # CN…B
            valid_now=None,
            lapse_date=None,
            holders=("湛江测试大学", "湛江测试研究院"),
            holder_codes=(U1, R1),
            county=CHIKAN,
            filing_date="2022-02-18",
            grant_date="2024-03-22",
            title="一种近岸海域沉积物重金属快速检测方法",
        ),
        Patent(
            app_no="202320951264.X",
            patent_type=UM,
            granted=True,
            valid_now=None,
            lapse_date=None,
            holders=("湛江测试研究院",),
            holder_codes=(R1,),
            county=XIASHAN,
            filing_date="2023-08-09",
            grant_date="2024-01-19",
            title="一种红树林土壤取样装置",
        ),
        Patent(
            app_no="202421186530.5",
            patent_type=UM,
            granted=True,
            valid_now=None,
            lapse_date=None,
            holders=("廉江测试电器有限责任公司",),
            holder_codes=(E1,),
            county=LIANJIANG,
            filing_date="2024-05-27",
            grant_date="2024-12-06",
            title="一种空调室内机导风板驱动结构",
        ),
        Patent(
            app_no="202430275419.2",
            patent_type=DES,
            granted=True,
            valid_now=None,
            lapse_date=None,
            holders=("廉江测试电器有限公司",),
            holder_codes=(E1,),
            county=LIANJIANG,
            filing_date="2024-03-11",
            grant_date="2024-07-30",
            title="电饭煲（智能款）",
        ),
        Patent(
            app_no="202410833702.1",
            patent_type=INV,
            granted=False,
            valid_now=None,
            lapse_date=None,
            holders=("霞山测试科技有限公司",),
            holder_codes=(E2,),
            county=XIASHAN,
            filing_date="2024-06-03",
            grant_date=None,
            title="一种船用温湿度传感器的自校准方法",
        ),
        Patent(
            app_no="202321402958.4",
            patent_type=UM,
            granted=True,
            valid_now=None,
            lapse_date=None,
            holders=("湛江测试港务（集团）有限公司",),
            holder_codes=(S1,),
            county=MAZHANG,
            filing_date="2023-10-16",
            grant_date="2024-05-28",
            title="一种集装箱码头防风系缆装置",
        ),
        Patent(
            app_no="202520164387.8",
            patent_type=UM,
            granted=True,
            valid_now=None,
            lapse_date=None,
            holders=("张伟",),
            holder_codes=(None,),
            county=LIANJIANG,
            filing_date="2025-02-24",
            grant_date="2025-09-12",
            title="一种菠萝去皮切块装置",
        ),
        Patent(
            app_no="202280045127.8",  # kind digit 8: a PCT invention in the national phase
            patent_type=INV,
            granted=True,
            valid_now=None,
            lapse_date=None,
            holders=("湛江测试大学",),
            holder_codes=(U1,),
            county=CHIKAN,
            filing_date="2022-06-30",
            grant_date="2025-05-09",
            title="一种海洋微藻油脂的提取方法",
        ),
        Patent(
            app_no=P4,  # a fixture patent, as the dataset has it
            patent_type=INV,
            granted=True,
            valid_now=None,
            lapse_date=None,
            holders=("湛江测试大学",),
            holder_codes=(U1,),
            county=CHIKAN,
            filing_date="2023-01-01",
            grant_date="2025-03-01",
            title="测试专利4",
        ),
    ),
)

INCOPAT = ExportFile(
    name="incopat.csv",
    kind="patents",
    source="incopat",
    # holders as [标]当前申请(专利权)人 (incoPat's standardized names) writes them; 当前申请(专利权)人
    # spells two of them differently (廉江测试电器有限责任公司, 湛江测试港务(集团)有限公司): same codes
    rows=(
        Patent(
            app_no="202110598412.X",
            patent_type=INV,
            granted=True,
            valid_now=True,
            lapse_date=None,
            holders=("湛江测试大学",),
            holder_codes=(U1,),
            county=CHIKAN,
            filing_date="2021-05-12",
            grant_date="2023-06-09",
            title="一种对虾养殖水质在线监测系统",
        ),
        Patent(
            app_no="202211047736.5",
            patent_type=INV,
            granted=False,  # 驳回
            valid_now=False,
            lapse_date=None,
            holders=("湛江测试研究院",),
            holder_codes=(R1,),
            county=XIASHAN,
            filing_date="2022-09-05",
            grant_date=None,
            title="一种红树林湿地碳汇计量方法",
        ),
        Patent(
            app_no="202310729583.0",
            patent_type=INV,
            granted=False,  # 撤回
            valid_now=False,
            lapse_date=None,
            holders=("霞山测试科技有限公司",),
            holder_codes=(E2,),
            county=XIASHAN,
            filing_date="2023-03-20",
            grant_date=None,
            title="一种柔性压力传感器及其制备方法",
        ),
        Patent(
            app_no="201921583920.5",
            patent_type=UM,
            granted=True,
            valid_now=False,  # 未缴年费
            lapse_date="2023-09-23",
            holders=("廉江测试电器有限公司",),
            holder_codes=(E1,),
            county=LIANJIANG,
            filing_date="2019-09-23",
            grant_date="2020-05-26",
            title="一种空调室外机减震支架",
        ),
        Patent(
            app_no="201520637481.7",
            patent_type=UM,
            granted=True,
            valid_now=False,  # 期限届满, no 失效日 given
            lapse_date=None,
            holders=("湛江测试港务集团有限公司",),
            holder_codes=(S1,),
            county=MAZHANG,
            filing_date="2015-08-12",
            grant_date="2016-01-27",
            title="一种船舶靠泊缓冲装置",
        ),
        Patent(
            app_no="202410215864.9",
            patent_type=INV,
            granted=False,  # 审中 / 实质审查
            valid_now=False,
            lapse_date=None,
            holders=("湛江测试大学", "广州某某科技有限公司"),
            holder_codes=(U1, None),
            county=CHIKAN,
            filing_date="2024-04-08",
            grant_date=None,
            title="一种海藻多糖提取纯化工艺",
        ),
        Patent(
            app_no="202422310597.1",
            patent_type=UM,
            granted=True,
            valid_now=True,
            lapse_date=None,
            holders=("张伟",),
            holder_codes=(None,),
            county=LIANJIANG,
            filing_date="2024-07-15",
            grant_date="2024-12-10",
            title="一种手持式椰子开壳器",
        ),
        Patent(
            app_no="202330486215.9",
            patent_type=DES,
            granted=True,
            valid_now=True,
            lapse_date=None,
            holders=("湛江测试研究院", "湛江测试大学"),
            holder_codes=(R1, U1),
            county=XIASHAN,
            filing_date="2023-06-19",
            grant_date="2023-11-24",
            title="海洋监测浮标",
        ),
        Patent(
            app_no="202021325078.8",
            patent_type=UM,
            granted=True,
            valid_now=True,
            lapse_date=None,
            holders=("廉江测试电器有限公司",),
            holder_codes=(E1,),
            county=LIANJIANG,
            filing_date="2020-11-02",
            grant_date="2021-09-17",
            title="一种电饭煲防溢锅盖",
        ),
        Patent(
            app_no=P2,  # a fixture patent, as the dataset has it
            patent_type=UM,
            granted=True,
            valid_now=False,
            lapse_date="2024-06-30",
            holders=("湛江测试大学",),
            holder_codes=(U1,),
            county=CHIKAN,
            filing_date="2021-03-01",
            grant_date="2021-09-01",
            title="测试专利2",
        ),
    ),
)

PATSNAP = ExportFile(
    name="patsnap.xlsx",
    kind="patents",
    source="patsnap",
    rows=(
        Patent(
            app_no="202310123456.6",  # written ZL 2023 1 0123456.6
            patent_type=INV,
            granted=True,
            valid_now=True,
            lapse_date=None,
            holders=("廉江测试电器有限公司",),
            holder_codes=(E1,),
            county=LIANJIANG,
            filing_date="2023-02-14",
            grant_date="2025-04-22",
            title="一种热泵干燥装置的控制方法",
        ),
        Patent(
            app_no="202311265830.2",
            patent_type=INV,
            granted=False,
            valid_now=False,
            lapse_date=None,
            holders=("湛江测试研究院", "湛江测试大学"),
            holder_codes=(R1, U1),
            county=XIASHAN,
            filing_date="2023-08-30",
            grant_date=None,
            title="一种南美白对虾低温保活运输方法",
        ),
        Patent(
            app_no="202110847251.3",
            patent_type=INV,
            granted=False,  # 驳回
            valid_now=False,
            lapse_date=None,
            holders=("霞山测试科技有限公司",),
            holder_codes=(E2,),
            county=XIASHAN,
            filing_date="2021-07-26",
            grant_date=None,
            title="一种港口集装箱智能调度方法",
        ),
        Patent(
            app_no="202211639024.2",
            patent_type=INV,
            granted=False,  # 撤回
            valid_now=False,
            lapse_date=None,
            holders=("廉江测试电器有限责任公司",),
            holder_codes=(E1,),
            county=LIANJIANG,
            filing_date="2022-10-11",
            grant_date=None,
            title="一种电器外壳用抗菌塑料",
        ),
        Patent(
            app_no="201620572196.6",
            patent_type=UM,
            granted=True,
            valid_now=False,  # 届满
            lapse_date="2026-05-20",
            holders=("湛江测试港务（集团）有限公司",),
            holder_codes=(S1,),
            county=MAZHANG,
            filing_date="2016-05-20",
            grant_date="2017-01-11",
            title="一种岸桥起重机防风锚定装置",
        ),
        Patent(
            app_no="202021893405.X",
            patent_type=UM,
            granted=True,
            valid_now=False,  # 未缴年费, no 失效日 given
            lapse_date=None,
            holders=("湛江测试研究院",),
            holder_codes=(R1,),
            county=XIASHAN,
            filing_date="2020-12-07",
            grant_date="2021-10-22",
            title="一种海水取样器",
        ),
        Patent(
            app_no="202530318762.5",
            patent_type=DES,
            granted=True,
            valid_now=True,
            lapse_date=None,
            holders=("廉江测试电器有限公司", "广州某某科技有限公司"),
            holder_codes=(E1, None),
            county=LIANJIANG,
            filing_date="2025-05-16",
            grant_date="2025-11-04",
            title="空气炸锅",
        ),
        Patent(
            app_no="202520946123.8",
            patent_type=UM,
            granted=True,
            valid_now=True,
            lapse_date=None,
            holders=("湛江测试大学",),
            holder_codes=(U1,),
            county=CHIKAN,
            filing_date="2025-06-09",
            grant_date="2026-02-13",
            title="一种红树林幼苗移栽工具",
        ),
        Patent(
            app_no="202620137285.1",
            patent_type=UM,
            granted=True,
            valid_now=True,
            lapse_date=None,
            holders=("霞山测试科技有限公司",),
            holder_codes=(E2,),
            county=XIASHAN,
            filing_date="2026-03-02",
            grant_date="2026-08-25",
            title="一种船用温湿度传感器防护罩",
        ),
        Patent(
            app_no=P11,  # a fixture patent, as the dataset has it
            patent_type=UM,
            granted=True,
            valid_now=True,
            lapse_date=None,
            holders=("湛江测试大学", "湛江测试研究院"),
            holder_codes=(U1, R1),
            county=CHIKAN,
            filing_date="2022-03-01",
            grant_date="2022-09-15",
            title="测试专利11",
        ),
    ),
)

CNIPA_TRANSFERS = ExportFile(
    name="cnipa_transfers.csv",
    kind="patent_events",
    source="cnipa_transfers",
    rows=(  # the date is 法律状态公告日; no amounts in this register
        PatentEvent(
            app_no=P7,  # 专利申请权的转移: an application, still a transfer
            event_type="transfer",
            event_date="2024-09-20",
            holder="湛江测试研究院",
            holder_code=R1,
            counterparty="湛江测试港务集团有限公司",
            counterparty_code=S1,
            counterparty_local=True,
        ),
        PatentEvent(
            app_no=P4,
            event_type="transfer",
            event_date="2025-07-18",
            holder="湛江测试大学",
            holder_code=U1,
            counterparty="廉江测试电器有限公司",
            counterparty_code=E1,
            counterparty_local=True,
        ),
        PatentEvent(
            app_no=P6,
            event_type="transfer",
            event_date="2026-02-27",
            holder="湛江测试研究院",
            holder_code=R1,
            counterparty="湛江某某家居用品有限公司",
            counterparty_code=None,
            counterparty_local=True,
        ),
        PatentEvent(
            app_no=P1,
            event_type="transfer",
            event_date="2026-06-05",
            holder="湛江测试大学",
            holder_code=U1,
            counterparty="湛江测试港务（集团）有限公司",
            counterparty_code=S1,
            counterparty_local=True,
        ),
        PatentEvent(
            app_no=P5,
            event_type="transfer",
            event_date="2026-08-12",
            holder="湛江测试研究院",
            holder_code=R1,
            counterparty="广州某某科技有限公司",
            counterparty_code=None,
            counterparty_local=False,
        ),
        PatentEvent(
            app_no=P10,
            event_type="transfer",
            event_date="2026-10-16",
            holder="霞山测试科技有限公司",
            holder_code=E2,
            counterparty="深圳某某电子有限公司",
            counterparty_code=None,
            counterparty_local=False,
        ),
        PatentEvent(
            app_no=P9,
            event_type="transfer",
            event_date="2026-11-06",
            holder="廉江测试电器有限责任公司",
            holder_code=E1,
            counterparty="廉江测试智能家居有限公司",
            counterparty_code=None,
            counterparty_local=True,
        ),
    ),
)

CNIPA_LICENSES = ExportFile(
    name="cnipa_licenses.xlsx",
    kind="patent_events",
    source="cnipa_licenses",
    rows=(  # the date is 备案日期; no amounts in this register
        PatentEvent(
            app_no=P9,
            event_type="license",
            event_date="2023-06-30",
            holder="廉江测试电器有限责任公司",
            holder_code=E1,
            counterparty="佛山某某电器有限公司",
            counterparty_code=None,
            license_kind="exclusive",
            record_no="X2023440000000058",
        ),
        PatentEvent(
            app_no=P1,
            event_type="license",
            event_date="2024-04-12",
            holder="湛江测试大学",
            holder_code=U1,
            counterparty="湛江测试港务集团有限公司",
            counterparty_code=S1,
            license_kind="exclusive",
            record_no="X2024440000000123",
        ),
        PatentEvent(
            app_no=P5,
            event_type="license",
            event_date="2024-11-05",
            holder="湛江测试研究院",
            holder_code=R1,
            counterparty="广州某某科技有限公司",
            counterparty_code=None,
            license_kind="sole",
            record_no="X2024440000000371",
        ),
        PatentEvent(
            app_no=P6,
            event_type="license",
            event_date="2025-02-14",
            holder="湛江测试研究院",
            holder_code=R1,
            counterparty="湛江某某家居用品有限公司",
            counterparty_code=None,
            license_kind="ordinary",
            record_no="X2025440000000046",
        ),
        PatentEvent(
            app_no=P10,
            event_type="license",
            event_date="2025-06-18",
            holder="霞山测试科技有限公司",
            holder_code=E2,
            counterparty="吴川某某电子厂",
            counterparty_code=None,
            license_kind="sole",
            record_no="X2025440000000158",
        ),
        PatentEvent(
            app_no=P3,
            event_type="license",
            event_date="2025-08-20",
            holder="湛江测试大学",
            holder_code=U1,
            counterparty="霞山测试科技有限公司",
            counterparty_code=E2,
            license_kind="ordinary",
            record_no="X2025440000000212",
        ),
        PatentEvent(
            app_no=P8,
            event_type="license",
            event_date="2026-05-09",
            holder="廉江测试电器有限公司",
            holder_code=E1,
            counterparty="遂溪测试农机有限公司",
            counterparty_code=None,
            license_kind="ordinary",
            record_no="X2026440000000097",
        ),
    ),
)

CNIPA_PLEDGES = ExportFile(
    name="cnipa_pledges.csv",
    kind="patent_events",
    source="cnipa_pledges",
    rows=(  # the date is 登记生效日
        PatentEvent(
            app_no=P9,
            event_type="pledge",
            event_date="2023-08-16",
            holder="廉江测试电器有限公司",
            holder_code=E1,
            counterparty="中国农业银行股份有限公司廉江市支行",
            counterparty_code=None,
            amount=500.0,
            release_date="2024-08-15",
            record_no="Y2023440000031",
        ),
        PatentEvent(
            app_no=P8,
            event_type="pledge",
            event_date="2024-05-20",
            holder="廉江测试电器有限公司",
            holder_code=E1,
            counterparty="广东南粤银行股份有限公司湛江分行",
            counterparty_code=None,
            amount=1200.0,
            record_no="Y2024440000102",
        ),
        PatentEvent(
            app_no=P10,
            event_type="pledge",
            event_date="2024-11-08",
            holder="霞山测试科技有限公司",
            holder_code=E2,
            counterparty="中国工商银行股份有限公司湛江分行",
            counterparty_code=None,
            amount=300.0,
            release_date="2025-11-07",
            record_no="Y2024440000187",
        ),
        PatentEvent(
            app_no=P5,
            event_type="pledge",
            event_date="2025-03-12",
            holder="湛江测试研究院",
            holder_code=R1,
            counterparty="湛江农村商业银行股份有限公司",
            counterparty_code=None,
            amount=150.0,
            release_date="2026-03-11",
            record_no="Y2025440000045",
        ),
        PatentEvent(
            app_no=P9,
            event_type="pledge",
            event_date="2025-09-30",
            holder="廉江测试电器有限公司",
            holder_code=E1,
            counterparty="中国银行股份有限公司湛江分行",
            counterparty_code=None,
            amount=800.0,
            release_date="2026-09-29",
            record_no="Y2025440000210",
        ),
        PatentEvent(
            app_no=P3,
            event_type="pledge",
            event_date="2026-07-15",
            holder="湛江测试大学",
            holder_code=U1,
            counterparty="中国邮政储蓄银行股份有限公司湛江市分行",
            counterparty_code=None,
            amount=80.5,
            record_no="Y2026440000058",
        ),
    ),
)

CONTRACT_REGISTRATION = ExportFile(
    name="contract_registration.xlsx",
    kind="contracts",
    source="contract_registration",
    rows=(  # the file is in 元; buyer_local from 买方所在地区 or 买方行政区划代码
        Contract(
            contract_no="2023440800000117",
            contract_type="development",  # 技术开发（委托）
            seller="湛江测试大学",
            seller_code=U1,
            buyer="湛江某某水产养殖有限公司",
            buyer_local=True,  # 湛江市霞山区
            turnover=85.0,
            involves_patent=False,  # 技术秘密
            app_nos=(),
            tech_amount=85.0,
            registered="2023-05-22",
            title="海水养殖尾水处理工艺开发",
        ),
        Contract(
            contract_no="2023440800000342",
            contract_type="service",
            seller="湛江测试研究院",
            seller_code=R1,  # by name only
            buyer="廉江测试电器有限公司",
            buyer_local=True,  # 440881
            turnover=12.0,
            involves_patent=False,
            app_nos=(),
            tech_amount=10.0,
            registered="2023-09-14",
            title="家用电器能效检测技术服务",
        ),
        Contract(
            contract_no="2024440800000056",
            contract_type="license",  # 技术许可（专利实施许可）
            seller="湛江测试大学",
            seller_code=U1,
            buyer="湛江测试港务集团有限公司",
            buyer_local=True,
            turnover=60.0,
            involves_patent=True,
            app_nos=(P1,),
            tech_amount=60.0,
            registered="2024-03-28",
            title="港口装卸设备状态监测专利实施许可",
        ),
        Contract(
            contract_no="2024440800000218",
            contract_type="development",  # 技术开发（合作）
            seller="廉江测试电器有限公司",
            seller_code=E1,
            buyer="广州某某科技有限公司",
            buyer_local=False,  # 广东省广州市, 440106
            turnover=200.0,
            involves_patent=True,  # 知识产权类型 专利, 涉及专利 blank
            app_nos=(),
            tech_amount=180.0,
            registered="2024-07-09",
            title="智能变频控制系统合作开发",
        ),
        Contract(
            contract_no="2024440800000377",
            contract_type="license",
            seller="湛江测试研究院",
            seller_code=R1,
            buyer="广州某某科技有限公司",
            buyer_local=False,  # 440106 only
            turnover=35.0,
            involves_patent=True,
            app_nos=(P5,),
            tech_amount=35.0,
            registered="2024-10-21",
            title="海洋监测装置专利实施许可",
        ),
        Contract(
            contract_no="2024440800000390",
            contract_type="consulting",
            seller="湛江测试研究院",
            seller_code=R1,
            buyer="遂溪某某糖业有限公司",
            buyer_local=True,
            turnover=5.0,
            involves_patent=False,
            app_nos=(),
            tech_amount=5.0,
            registered="2024-10-30",
            title="甘蔗机械化收获技术咨询",
        ),
        Contract(
            contract_no="2025440800000073",
            contract_type="transfer",  # 技术转让（专利权）
            seller="湛江测试大学",
            seller_code=U1,  # by name only
            buyer="廉江测试电器有限公司",
            buyer_local=True,
            turnover=150.0,
            involves_patent=True,
            app_nos=(P4,),
            tech_amount=150.0,
            registered="2025-06-26",
            title="一种水处理装置专利权转让",
        ),
        Contract(
            contract_no="2025440800001234",
            contract_type="service",
            seller="霞山测试科技有限公司",
            seller_code=E2,
            buyer="深圳某某电子有限公司",
            buyer_local=False,
            turnover=28.0,
            involves_patent=False,  # 计算机软件著作权
            app_nos=(),
            tech_amount=25.0,
            registered="2025-12-15",
            title="传感器数据平台运维技术服务",
        ),
        Contract(
            contract_no="2026440800000088",
            contract_type="development",
            seller="湛江测试大学",
            seller_code=U1,
            buyer="湛江某某海洋科技有限公司",
            buyer_local=None,  # region and code both blank
            turnover=90.0,
            involves_patent=True,
            app_nos=(P11, P3),
            tech_amount=80.0,
            registered="2026-03-19",
            title="海洋牧场智能投喂装备开发",
        ),
        Contract(
            contract_no="2026440800000251",
            contract_type="license",
            seller="廉江测试电器有限公司",
            seller_code=E1,  # by name only
            buyer="遂溪测试农机有限公司",
            buyer_local=True,  # 湛江市遂溪县 only
            turnover=18.0,
            involves_patent=True,
            app_nos=(P8,),
            tech_amount=18.0,
            registered="2026-05-06",
            title="除湿机结构专利实施许可",
        ),
        Contract(
            contract_no="2026440800000402",
            contract_type="service",
            seller="湛江测试港务集团有限公司",
            seller_code=S1,
            buyer="湛江某某物流有限公司",
            buyer_local=True,  # 440803 only
            turnover=7.55,
            involves_patent=False,
            app_nos=(),
            tech_amount=7.55,
            registered="2026-09-10",
            title="港口作业安全评估技术服务",
        ),
    ),
)

CONTRACTS_EXCEL_DAMAGED = ExportFile(
    name="contracts_excel_damaged.csv",
    kind="contracts",
    source="contract_registration",
    refused_reason="excel_scientific",  # 合同登记编号 shows as 2.02544E+15: the digits are lost
)

FILING_LIST = ExportFile(
    name="filing_list.csv",
    kind="filings",
    source="filing_list",
    rows=(  # one row per filing and output year
        Filing(
            filing_no="BA440800-2024-0031",
            enterprise="廉江测试电器有限公司",
            credit_code=E1,
            patent_intensive=True,
            app_nos=(P8, P9),
            output_year=2024,
            output=1250.5,
            product="节能变频空调器",
            filing_date="2024-06-01",
        ),
        Filing(
            filing_no="BA440800-2024-0031",
            enterprise="廉江测试电器有限公司",
            credit_code=E1,
            patent_intensive=True,
            app_nos=(P8, P9),
            output_year=2025,
            output=1680.0,
            product="节能变频空调器",
            filing_date="2024-06-01",
        ),
        Filing(
            filing_no="BA440800-2024-0032",
            enterprise="廉江测试电器有限责任公司",
            credit_code=E1,
            patent_intensive=True,
            app_nos=(P9,),
            output_year=2024,
            output=420.0,
            product="智能电饭煲",
            filing_date="2024-06-01",
        ),
        Filing(
            filing_no="BA440800-2024-0058",
            enterprise="霞山测试科技有限公司",
            credit_code=E2,
            patent_intensive=False,
            app_nos=(P10,),
            output_year=2024,
            output=96.0,
            product="温湿度传感器",
            filing_date="2024-11-20",
        ),
        Filing(
            filing_no="BA440800-2024-0058",
            enterprise="霞山测试科技有限公司",
            credit_code=E2,
            patent_intensive=False,
            app_nos=(P10,),
            output_year=2025,
            output=132.8,
            product="温湿度传感器",
            filing_date="2024-11-20",
        ),
        Filing(
            filing_no="BA440800-2025-0007",
            enterprise="廉江测试电器有限公司",
            credit_code=E1,
            patent_intensive=False,
            app_nos=(P9,),  # written in full-width digits
            output_year=2025,
            output=380.0,
            product="多功能电压力锅",
            filing_date="2025-03-18",
        ),
        Filing(
            filing_no="BA440800-2025-0021",
            enterprise="廉江测试电器有限公司",
            credit_code=E1,
            patent_intensive=True,
            app_nos=(P8,),
            output_year=2025,
            output=560.0,
            product="除湿机",
            filing_date="2025-08-08",
        ),
        Filing(
            filing_no="BA440800-2026-0003",
            enterprise="霞山测试科技有限公司",
            credit_code=E2,
            patent_intensive=True,
            app_nos=(P10,),
            output_year=None,  # 产值年度 and 产值 blank: filed, output not yet reported
            output=None,
            product="船用智能传感模组",
            filing_date="2026-09-15",
        ),
    ),
)

EXPORTS: list[ExportFile] = [
    CNIPA_PATENTS,
    INCOPAT,
    PATSNAP,
    CNIPA_TRANSFERS,
    CNIPA_LICENSES,
    CNIPA_PLEDGES,
    CONTRACT_REGISTRATION,
    CONTRACTS_EXCEL_DAMAGED,
    FILING_LIST,
]
