"""Row models: the one definition of each importable kind.

Each field's ``title`` is the Chinese header staff use (and the sample files carry); the
field name is the English header; ``aliases`` lists other spellings seen in real files.
Templates, header mapping and the column checks are all derived from these models.
Parsers raise ``PydanticCustomError`` whose type is a reason code (see ``i18n``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from . import regions, values, vocabularies
from .counties import county_adcode
from .identifiers import PATENT_KINDS, credit_code_format, normalize_app_no, refuse_excel_scientific


def _parser(fn, *, optional: bool = False, normalize: bool = True, empty: Any = None):
    """Wrap a ``values`` parser so its reason code becomes the pydantic error type.

    Cells are NFKC-normalized first, so full-width digits, letters and spaces parse; free
    text keeps its full-width punctuation (``normalize=False``).
    """

    def validate(raw: Any) -> Any:
        if not isinstance(raw, str):
            return raw
        if normalize:
            raw = unicodedata.normalize("NFKC", raw)
        if raw.strip() == "":
            if optional:
                return empty() if callable(empty) else empty
            raise PydanticCustomError("required", "required")
        try:
            return fn(raw)
        except ValueError as exc:
            raise PydanticCustomError(str(exc), str(exc)) from None

    return BeforeValidator(validate)


def _labels(mapping: dict[str, str], vocabulary: str | None = None):
    """Accept a Chinese label, the English code, or a word of ``vocabulary`` meaning a code."""

    def parse(text: str) -> str:
        key = text.strip()
        if key in mapping.values():
            return key
        if key in mapping:
            return mapping[key]
        code = vocabularies.lookup(vocabulary, key) if vocabulary else None
        if code is not None and code in mapping.values():
            return code
        raise ValueError("enum_unknown")

    return parse


def _last_known(vocabulary: str):
    """A vocabulary word; of several (``授权;未缴年费``), the last one the vocabulary knows."""

    def parse(text: str) -> str:
        for word in [text, *reversed(re.split(r"[;；,，/、|]+", text))]:
            if (code := vocabularies.lookup(vocabulary, word)) is not None:
                return code
        raise ValueError("enum_unknown")

    return parse


def _credit(text: str) -> str:
    return credit_code_format(text)  # a wrong check character is a warning, see validate


def _code_list(fn):
    def parse(text: str) -> list[str]:
        return [fn(item) for item in values.split_list(text)]

    return parse


def _ident(text: str) -> str:
    """A record number (contract, filing, pledge): text, unless Excel turned it into 2.02544E+15."""
    refuse_excel_scientific(text)
    return text.strip()


# Parties written by name: several in one cell are split on ; ； | 、 and line breaks, never on a
# comma (English names carry "Co., Ltd.").
_NAME_SEPARATORS = re.compile(r"\s*(?:[;；|、\n]|\s\|\s)\s*")


def _names(text: str) -> list[str]:
    names = [n.strip() for n in _NAME_SEPARATORS.split(text)]
    return list(dict.fromkeys(n for n in names if n))


def _count(text: str) -> int:
    number = values.parse_amount(text)
    if number != int(number):
        raise ValueError("integer_format")
    return int(number)


def _signed(text: str) -> float:
    text = text.strip()
    if text.startswith("-"):
        return -values.parse_amount(text[1:])
    return values.parse_amount(text)


def _past(text: str) -> dt.date:
    """A date that has happened: records describe the past, so a future date is a typo."""
    date = values.parse_date(text)
    if date > dt.date.today():
        raise ValueError("date_future")
    return date


INSTITUTION_KINDS = {
    "高校": "university",
    "科研院所": "research_institute",
    "市属国有企业": "city_soe",
    "企业": "enterprise",
    "个体工商户": "individual",
}
PATENT_TYPES = {"发明": "invention", "实用新型": "utility_model", "外观设计": "design"}
EVENT_TYPES = {"实施": "implementation", "转让": "transfer", "许可": "license", "质押": "pledge"}
CONTRACT_TYPES = {
    "技术开发": "development",
    "技术转让": "transfer",
    "技术许可": "license",
    "技术咨询": "consulting",
    "技术服务": "service",
}
ACTIVITY_TYPES = {"政策宣讲会": "briefing", "转化对接活动": "matching"}
LICENSE_KINDS = {
    "独占": "exclusive",
    "排他": "sole",
    "普通": "ordinary",
    "开放许可": "open",
    "分许可": "sub",
    "交叉许可": "cross",
}
IP_TYPES = {"专利": "patent", "其他知识产权": "other", "未涉及": "none"}
LEGAL_STATUSES = {
    "有效": "valid",
    "失效": "lapsed",
    "审中": "pending",
    "驳回": "refused",
    "撤回": "withdrawn",
}
TARGET_TYPES = {
    "超过": "exceed",
    "逐年提升": "rising",
    "高于基线": "above_baseline",
    "累计增长": "growth_pct",
}


@dataclass(frozen=True)
class Format:
    """How a column is written, for templates and help: an ``i18n`` key and allowed values."""

    kind: str
    allowed: tuple[str, ...] = ()
    past: bool = False  # a date that must not lie in the future
    vocabulary: str | None = None  # the ``vocabularies`` table whose words it also takes


def _enum(mapping: dict[str, str], vocabulary: str | None = None, *, optional: bool = False) -> Any:
    """A column that takes one of ``mapping``'s Chinese labels, its English code or a word of
    ``vocabulary`` (``发明授权`` for 发明)."""
    fmt = Format("enum", tuple(mapping), vocabulary=vocabulary)
    if optional:
        return Annotated[str | None, _parser(_labels(mapping, vocabulary), optional=True), fmt]
    return Annotated[str, _parser(_labels(mapping, vocabulary)), fmt]


Text = Annotated[str, _parser(str.strip, normalize=False), Format("text")]
OptText = Annotated[str | None, _parser(str.strip, optional=True, normalize=False), Format("text")]
Date = Annotated[dt.date, _parser(_past), Format("date", past=True)]
OptDate = Annotated[dt.date | None, _parser(_past, optional=True), Format("date", past=True)]
AnyDate = Annotated[dt.date, _parser(values.parse_date), Format("date")]
Amount = Annotated[float, _parser(values.parse_10k), Format("amount")]
OptAmount = Annotated[float | None, _parser(values.parse_10k, optional=True), Format("amount")]
Number = Annotated[float, _parser(_signed), Format("number")]
OptNumber = Annotated[float | None, _parser(_signed, optional=True), Format("number")]
Count = Annotated[int, _parser(_count), Format("count")]
OptCount = Annotated[int | None, _parser(_count, optional=True), Format("count")]
Flag = Annotated[bool, _parser(values.parse_bool, optional=True), Format("bool")]
OptFlag = Annotated[bool | None, _parser(values.parse_bool, optional=True), Format("bool")]
AppNo = Annotated[str, _parser(normalize_app_no), Format("app_no")]
AppNoList = Annotated[
    list[str], _parser(_code_list(normalize_app_no), optional=True, empty=list), Format("app_nos")
]
Credit = Annotated[str, _parser(_credit), Format("credit_code")]
OptCredit = Annotated[str | None, _parser(_credit, optional=True), Format("credit_code")]
CreditList = Annotated[
    list[str], _parser(_code_list(_credit), optional=True, empty=list), Format("credit_codes")
]
CountyCode = Annotated[str, _parser(county_adcode), Format("county")]
OptCountyCode = Annotated[str | None, _parser(county_adcode, optional=True), Format("county")]
Ident = Annotated[str, _parser(_ident, normalize=False), Format("ident")]
OptIdent = Annotated[str | None, _parser(_ident, optional=True, normalize=False), Format("ident")]
Names = Annotated[list[str], _parser(_names, optional=True, normalize=False, empty=list), Format("names")]
OptName = Annotated[str | None, _parser(str.strip, optional=True, normalize=False), Format("name")]
Quarter = Annotated[str, _parser(values.parse_quarter), Format("quarter")]
MeasureNo = Annotated[int, Field(ge=1, le=12), _parser(_count), Format("measure")]
InstitutionKind = _enum(INSTITUTION_KINDS, "institution_kind")
OptPatentType = _enum(PATENT_TYPES, "patent_type", optional=True)
EventType = _enum(EVENT_TYPES, "event_type")
ContractType = _enum(CONTRACT_TYPES, "contract_type")
ActivityType = _enum(ACTIVITY_TYPES, "activity_type")
TargetType = _enum(TARGET_TYPES, "target_type")
LicenseKind = _enum(LICENSE_KINDS, "license_kind", optional=True)
IpType = _enum(IP_TYPES, "ip_type", optional=True)
LegalStatus = Annotated[
    str | None,
    _parser(_last_known("legal_status"), optional=True),
    Format("enum", tuple(LEGAL_STATUSES), vocabulary="legal_status"),
]
KpiCode = _enum({f"K{i}": f"K{i}" for i in range(1, 6)})


def _region_code(text: str) -> str:
    """The deployment's region by its adcode or name; any other region is refused."""
    region, given = regions.current(), text.strip()
    if given in (region.code, region.name_zh, region.short_zh) or given.lower() == region.name_en.lower():
        return region.code
    raise ValueError("region_other")


OptRegionCode = Annotated[str | None, _parser(_region_code, optional=True), Format("region")]


def local_headers(party: str) -> list[str]:
    """Headers of a "is the party in the region" column: 买方是否在<city> for the pack this process
    serves first (the template's header), then every bundled pack's and the generic 本市 ones."""
    shorts = [regions.current().short_zh] + [regions.pack(n).short_zh for n in regions.names()]
    shorts = list(dict.fromkeys([*shorts, "本市", "本地"]))
    return [header for short in shorts for header in (f"{party}是否在{short}", f"{party}在{short}")]


def col(zh: str, *aliases: str, description: str = "", **kwargs: Any) -> Any:
    """A field whose Chinese header is ``zh`` and which also answers to ``aliases``."""
    return Field(title=zh, description=description, json_schema_extra={"aliases": list(aliases)}, **kwargs)


@dataclass(frozen=True)
class Rule:
    """A check across fields of one row: ``bad`` is a DuckDB condition, true for a wrong row.

    Rules run in SQL over the typed columns of the whole file at once (see ``validate``);
    ``$today`` is the import's date. The problem is reported on ``column``.
    """

    reason: str
    column: str
    bad: str


# The patent type that an application number's kind digit implies (NULL for an unknown digit).
KIND_OF_APP_NO = (
    "CASE CASE WHEN length(app_no) = 14 THEN substr(app_no, 5, 1) ELSE substr(app_no, 3, 1) END "
    + " ".join(f"WHEN '{digit}' THEN '{kind}'" for digit, kind in PATENT_KINDS.items())
    + " END"
)


class Row(BaseModel):
    """Base of every kind: strict about unknown fields, frozen once parsed.

    Each field's type parses one cell; ``rules`` check fields against each other.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    rules: ClassVar[tuple[Rule, ...]] = ()


class Institution(Row):
    credit_code: Credit = col("统一社会信用代码", "信用代码", "社会信用代码", "code")
    name: Text = col("单位名称", "机构名称", "企业名称", "名称")
    kind: InstitutionKind = col("单位类型", "机构类型", "类型")
    county: CountyCode = col("所在区县", "区县", "所属区县", "adcode")
    industry: OptText = col("所属行业", "行业", default=None)
    patent_intensive: Flag = col("专利密集型企业", "是否专利密集型企业", default=False)


class Patent(Row):
    app_no: AppNo = col("申请号", "专利号", "申请号/专利号", "application_number")
    title: Text = col("专利名称", "发明名称", "名称", "标题", "发明创造名称")
    patent_type: OptPatentType = col(
        "专利类型",
        "类型",
        "type",
        default=None,
        description="blank or absent: from the application number's kind digit",
    )
    filing_date: Date = col("申请日", "申请日期")
    grant_date: OptDate = col("授权日", "授权公告日", "授权日期", default=None)
    lapse_date: OptDate = col("失效日", "失效日期", "权利终止日", default=None)
    legal_status: LegalStatus = col(
        "法律状态", "当前法律状态", "简单法律状态", "专利有效性", "有效性", "legal_status", default=None
    )
    publication_date: OptDate = col("公开（公告）日", "公开公告日", "公告日", "公开日", default=None)
    publication_no: OptText = col(
        "公开（公告）号", "公开公告号", "公开号", "公告号", "publication_number", default=None
    )
    holder_codes: CreditList = col(
        "专利权人统一社会信用代码", "专利权人代码", "holders", default_factory=list
    )
    holder_names: Names = col(
        "专利权人",
        "申请（专利权）人",
        "当前申请（专利权）人",
        "[标]当前申请（专利权）人",
        "当前权利人",
        "申请人",
        "权利人",
        "holder_names",
        default_factory=list,
    )
    county: OptCountyCode = col(
        "所在区县", "区县", "adcode", default=None, description="blank or absent: the first holder's county"
    )
    address: OptText = col("申请人地址", "专利权人地址", "地址", "通讯地址", "address", default=None)
    ipc: OptText = col("IPC主分类号", "主分类号", "IPC主分类", "IPC", default=None)

    rules: ClassVar[tuple[Rule, ...]] = (
        Rule("grant_before_filing", "grant_date", "grant_date < filing_date"),
        Rule("lapse_before_grant", "lapse_date", "lapse_date < coalesce(grant_date, filing_date)"),
        Rule("type_mismatch", "patent_type", f"patent_type <> {KIND_OF_APP_NO}"),
    )


class PatentEvent(Row):
    app_no: AppNo = col("申请号", "专利号", "申请号/专利号", "application_number")
    event_type: EventType = col("事件类型", "运用方式", "type")
    event_date: Date = col(
        "日期",
        "发生日期",
        "登记日期",
        "法律状态公告日",
        "备案日期",
        "合同备案日期",
        "登记生效日",
        "生效日期",
        "date",
    )
    holder_code: OptCredit = col("专利权人统一社会信用代码", "专利权人代码", "holder", default=None)
    holder_name: OptName = col(
        "专利权人", "变更前权利人", "让与人", "许可人", "出质人", "转让人", "holder_name", default=None
    )
    counterparty: OptText = col(
        "对方名称", "受让方", "被许可方", "质权人", "变更后权利人", "受让人", "被许可人", default=None
    )
    counterparty_code: OptCredit = col("对方统一社会信用代码", "对方代码", default=None)
    counterparty_local: OptFlag = col(*local_headers("对方"), "local", default=None)
    amount_10k: OptAmount = col(
        "金额（万元）", "金额", "质押金额", "许可使用费", "转让费", "amount", default=None
    )
    in_production: Flag = col("是否投产", "已投产", default=False)
    record_no: OptIdent = col("登记号", "合同备案号", "备案号", "质押登记号", "record_number", default=None)
    license_kind: LicenseKind = col("许可种类", "许可类型", "license_kind", default=None)
    end_date: OptDate = col("解除日", "解除日期", "注销日期", "质押解除日", "end_date", default=None)

    rules: ClassVar[tuple[Rule, ...]] = (Rule("end_before_start", "end_date", "end_date < event_date"),)


class Filing(Row):
    filing_no: Ident = col("备案编号", "备案号", "filing_number")
    product_name: Text = col("产品名称", "备案产品名称", "product")
    enterprise_code: OptCredit = col(
        "企业统一社会信用代码", "企业代码", "统一社会信用代码", "信用代码", "enterprise", default=None
    )
    enterprise_name: OptName = col("企业名称", "备案企业", "申报企业", "enterprise_name", default=None)
    region: OptText = col("所在地区", "企业所在地", "region", default=None)
    filing_date: Date = col("备案日期", "备案时间", "date")
    industry: OptText = col("所属产业", "产业", "行业", "国民经济行业分类", "行业分类", default=None)
    patent_intensive: Flag = col(
        "专利密集型产品", "是否专利密集型产品", "专利密集型产品认定", "认定状态", default=True
    )
    app_nos: AppNoList = col("关联专利申请号", "关联专利", "patents", default_factory=list)
    output_year: OptCount = col("产值年度", "年度", "year", default=None)
    output_10k: OptAmount = col(
        "年产值（万元）", "年产值", "产值（万元）", "产值", "销售收入", "output", default=None
    )

    rules: ClassVar[tuple[Rule, ...]] = (
        Rule("filing_needs_patent", "app_nos", "len(app_nos) = 0"),
        Rule("output_needs_year", "output_year", "output_10k IS NOT NULL AND output_year IS NULL"),
        Rule("year_needs_output", "output_10k", "output_year IS NOT NULL AND output_10k IS NULL"),
        Rule("year_range", "output_year", "NOT output_year BETWEEN 2000 AND year($today)"),
        Rule("enterprise_missing", "enterprise_code", "enterprise_code IS NULL AND enterprise_name IS NULL"),
    )


class Contract(Row):
    contract_no: Ident = col("合同登记号", "合同编号", "登记号", "合同登记编号", "contract_number")
    title: Text = col("合同名称", "项目名称", "name")
    contract_type: ContractType = col("合同类型", "技术合同类型", "合同类别", "type")
    seller_code: OptCredit = col("卖方统一社会信用代码", "卖方代码", "seller", default=None)
    seller_name: OptName = col("卖方名称", "卖方", "seller_name", default=None)
    seller_region: OptText = col("卖方所在地区", "卖方地区", "seller_region", default=None)
    buyer_name: Text = col("买方名称", "买方", "buyer")
    buyer_local: OptFlag = col(
        *local_headers("买方"),
        "buyer_is_local",
        default=None,
        description="blank or absent: from the buyer's region or region code, else outside the city",
    )
    buyer_region: OptText = col("买方所在地区", "买方地区", "买方所在地", "buyer_region", default=None)
    buyer_region_code: OptText = col("买方行政区划代码", "买方区划代码", "buyer_adcode", default=None)
    registered_date: Date = col("登记日期", "认定登记日期", "date")
    turnover_10k: Amount = col("合同成交额（万元）", "合同成交额", "成交额", "成交金额", "turnover")
    tech_amount_10k: OptAmount = col("技术交易额（万元）", "技术交易额", "tech_amount", default=None)
    app_nos: AppNoList = col("涉及专利申请号", "涉及专利", "patents", default_factory=list)
    ip_type: IpType = col("知识产权类型", "涉及知识产权类型", "ip_type", default=None)

    rules: ClassVar[tuple[Rule, ...]] = (
        Rule("tech_above_turnover", "tech_amount_10k", "tech_amount_10k > turnover_10k"),
        Rule("seller_missing", "seller_code", "seller_code IS NULL AND seller_name IS NULL"),
    )


class Indicator(Row):
    measure: MeasureNo = col("措施编号", "措施", "measure_no")
    indicator: Text = col("指标名称", "指标", "name")
    quarter: Quarter = col("季度", "统计季度", "period")
    unit: Text = col("单位", "计量单位")
    value: Number = col("数值", "完成值", "实际值")
    target: OptNumber = col("目标值", "目标", default=None)
    department: Text = col("责任单位", "牵头单位", "责任部门")
    note: OptText = col("进展说明", "备注", "说明", default=None)
    # The plan's target for this quarter (阶段目标), where the department set one; quarters
    # without one are judged against the straight path from the baseline to the end target.
    milestone: OptNumber = col("阶段目标", "阶段目标值", "季度目标", default=None)
    # The value at the plan's start (基线值); see measure_progress for the default.
    baseline: OptNumber = col("基线值", "基期值", default=None)


class CountyRule(Row):
    county: CountyCode = col("区县", "所在区县", "adcode")
    issued: Flag = col("是否已印发", "已印发")
    issued_date: OptDate = col("印发日期", "发布日期", default=None)
    title: OptText = col("文件名称", "细则名称", default=None)
    doc_no: OptText = col("文号", "发文字号", default=None)

    rules: ClassVar[tuple[Rule, ...]] = (
        Rule("issued_needs_date", "issued_date", "issued AND issued_date IS NULL"),
    )


class Activity(Row):
    event_type: ActivityType = col("活动类型", "类型", "type")
    title: Text = col("活动名称", "名称", "name")
    county: CountyCode = col("区县", "举办区县", "adcode")
    event_date: Date = col("日期", "举办日期", "date")
    participants: Count = col("参加人数", "参会人数", "人数")
    deals: OptCount = col("签约项目数", "签约数", default=None)
    deal_amount_10k: OptAmount = col("签约金额（万元）", "签约金额", default=None)


class Target(Row):
    code: KpiCode = col("指标代码", "代码")
    period: Text = col("规划期", "期间")
    period_start: AnyDate = col("起始日期", "开始日期", "start")
    deadline: AnyDate = col("截止日期", "完成时限", "end")
    baseline_year: OptCount = col("基线年份", "基期", default=None)
    baseline: OptNumber = col("基线值", "基期值", default=None)
    target_value: Number = col("目标值", "目标")
    target_type: TargetType = col("目标类型", "考核方式", "type")
    unit: Text = col("单位")
    source: Text = col("依据", "来源", "政策依据")
    region: OptRegionCode = col(
        "地区代码",
        "行政区划代码",
        "地区",
        "region",
        default=None,
        description="blank: the region this deployment runs; another region's targets are refused",
    )

    rules: ClassVar[tuple[Rule, ...]] = (
        Rule("deadline_before_start", "deadline", "deadline <= period_start"),
    )


KINDS: dict[str, type[Row]] = {
    "institutions": Institution,
    "patents": Patent,
    "patent_events": PatentEvent,
    "filings": Filing,
    "contracts": Contract,
    "indicators": Indicator,
    "county_rules": CountyRule,
    "events": Activity,
    "targets": Target,
}

# Load order for a whole folder: referenced kinds before the kinds that reference them.
LOAD_ORDER = tuple(KINDS)


def headers(model: type[Row]) -> dict[str, list[str]]:
    """Every header a field answers to: its field name, Chinese title and aliases."""
    result = {}
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra or {}
        result[name] = [name, info.title or name, *extra.get("aliases", [])]
    return result


def column_format(model: type[Row], name: str) -> Format:
    """The ``Format`` marker of a field (every field's type carries one)."""
    return next(m for m in model.model_fields[name].metadata if isinstance(m, Format))
