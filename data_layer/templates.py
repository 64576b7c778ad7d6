"""Downloadable templates for each kind: the headers, one example row, and what each column takes.

Everything comes from the row models (``models``): headers are the fields' Chinese titles,
the explanations come from each type's ``Format`` marker, so a template can never disagree
with what an import accepts (tests import every template's example row).
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from . import vocabularies
from .counties import divisions, region
from .i18n import t
from .identifiers import make_credit_code
from .models import KINDS, column_format, headers

# One example row per kind, in the staff's own spelling; {place} and the like are the region
# pack's (``_place_words``). Codes and numbers are valid.
EXAMPLES: dict[str, dict[str, str]] = {
    "institutions": {
        "credit_code": "{credit}",
        "name": "{place}某某科技有限公司",
        "kind": "企业",
        "county": "{div_a}",
        "industry": "海洋装备",
        "patent_intensive": "是",
    },
    "patents": {
        "app_no": "ZL202310123456.6",
        "title": "一种船用防腐装置",
        "patent_type": "发明",
        "filing_date": "2023-03-05",
        "grant_date": "2024-06-18",
        "holder_codes": "{credit}",
        "county": "{div_a}",
        "ipc": "B63B 59/04",
    },
    "patent_events": {
        "app_no": "ZL202310123456.6",
        "event_type": "许可",
        "event_date": "2025-04-01",
        "holder_code": "{credit}",
        "counterparty": "{place}某某制造有限公司",
        "counterparty_local": "是",
        "amount_10k": "30",
        "in_production": "是",
    },
    "filings": {
        "filing_no": "ZJBA20250001",
        "product_name": "船用防腐涂层",
        "enterprise_code": "{credit}",
        "filing_date": "2025-05-20",
        "industry": "海洋装备",
        "patent_intensive": "是",
        "app_nos": "ZL202310123456.6",
        "output_year": "2025",
        "output_10k": "1,250.5",
    },
    "contracts": {
        "contract_no": "2025{region_code}000123",
        "title": "船用防腐技术许可合同",
        "contract_type": "技术许可",
        "seller_code": "{credit}",
        "buyer_name": "{place}某某制造有限公司",
        "buyer_local": "是",
        "registered_date": "2025-04-10",
        "turnover_10k": "30",
        "tech_amount_10k": "30",
        "app_nos": "ZL202310123456.6",
    },
    "indicators": {
        "measure": "1",
        "indicator": "高校院所专利转让许可数",
        "quarter": "2024年第4季度",
        "unit": "件",
        "value": "42",
        "target": "100",
        "department": "市科技局",
        "note": "按计划推进",
        "milestone": "40",
        "baseline": "0",
    },
    "county_rules": {
        "county": "{div_b}",
        "issued": "是",
        "issued_date": "2024-05-10",
        "title": "《{div_b}专利转化运用专项行动实施细则》",
        "doc_no": "{div_b_initial}府办〔2024〕12号",
    },
    "events": {
        "event_type": "政策宣讲会",
        "title": "专利转化运用政策宣讲会（{div_a_short}）",
        "county": "{div_a}",
        "event_date": "2025-03-18",
        "participants": "120",
    },
    "targets": {
        "code": "K2",
        "period": "{plan_period}",
        "period_start": "{plan_start}",
        "deadline": "{plan_end}",
        "target_value": "70",
        "target_type": "超过",
        "unit": "件",
        "source": "{plan}",
    },
}


def _place_words() -> dict[str, str]:
    """The region pack's names for the example rows: its code, a division or two, its plan."""
    place, plan = region(), region().plan
    first, last = divisions()[0], divisions()[-1]
    return {
        "credit": make_credit_code("91" + place.code + "MA4UJ5XK3"),
        "place": place.short_zh,
        "region_code": place.code,
        "div_a": first.name_zh,
        "div_a_short": first.name_zh[:-1],
        "div_b": last.name_zh,
        "div_b_initial": last.name_zh[0],
        "plan": plan.title_zh,
        "plan_period": f"{plan.start.year}-{plan.end.year}",
        "plan_start": plan.start.isoformat(),
        "plan_end": plan.end.isoformat(),
    }


def template_rows(kind: str) -> list[list[str]]:
    """Header row (Chinese titles, in field order) and the example row."""
    fields = KINDS[kind].model_fields
    words = _place_words()
    example = {name: value.format(**words) for name, value in EXAMPLES[kind].items()}
    return [[info.title for info in fields.values()], [example.get(name, "") for name in fields]]


def template_csv(kind: str) -> bytes:
    """The template as CSV, UTF-8 with a BOM so that Excel shows the Chinese headers."""
    out = io.StringIO()
    csv.writer(out).writerows(template_rows(kind))
    return out.getvalue().encode("utf-8-sig")


def column_notes(kind: str, lang: str = "zh") -> list[list[str]]:
    """One row per column: header, English name, required, format and allowed values, other names."""
    model = KINDS[kind]
    rows = [[t(f"template.{key}", lang) for key in ("header", "name", "required", "format", "aliases")]]
    for name, info in model.model_fields.items():
        fmt = column_format(model, name)
        explanation = t(f"format.{fmt.kind}", lang)
        allowed = [c.name_zh for c in divisions()] if fmt.kind == "county" else fmt.allowed
        if allowed:
            explanation += t("template.allowed", lang, values="、".join(allowed))
        if fmt.vocabulary:
            others = [w for w in vocabularies.words(fmt.vocabulary) if w not in fmt.allowed]
            explanation += t("template.synonyms", lang, values="、".join(others)) if others else ""
        aliases = [a for a in headers(model)[name][2:] if a != name]
        rows.append(
            [
                info.title,
                name,
                t("template.yes" if info.is_required() else "template.no", lang),
                explanation,
                "、".join(aliases),
            ]
        )
    return rows


def template_xlsx(kind: str, lang: str = "zh") -> bytes:
    """The template as XLSX: a data sheet (headers and example) and a sheet explaining each column."""
    book = Workbook()
    data = book.active
    data.title = t("template.data_sheet", lang)
    for row in template_rows(kind):
        data.append(row)
    notes = book.create_sheet(t("template.notes_sheet", lang))
    for row in column_notes(kind, lang):
        notes.append(row)
    for sheet in (data, notes):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 22
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
