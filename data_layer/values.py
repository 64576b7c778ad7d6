"""Parsers for the cell values staff files carry: dates, amounts, yes/no, quarters.

Each parser takes the cell text (already NFKC-normalized, so full-width digits and
spaces are plain) and returns a Python value or raises ValueError with a reason code
that ``i18n`` turns into a sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_QUARTER = re.compile(r"^(\d{4})\s*(?:[-\s]?Q|年?第?)\s*([1-4一二三四])\s*(?:季度?)?$", re.IGNORECASE)
_CN_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4"}
_TRUE = {"是", "y", "yes", "true", "1", "√", "有"}
_FALSE = {"否", "n", "no", "false", "0", "×", "无", ""}


# Excel stores a date as days since 1899-12-30; a CSV saved from Excel may carry that number.
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_SERIALS = range(18_264, 73_051)  # 1950-01-01 .. 2099-12-31: a 4-digit year is never one


def parse_date(text: str) -> dt.date:
    """Parse 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, ISO timestamps and Excel serial numbers."""
    text = text.strip()
    serial = text.removesuffix(".0")
    if serial.isdigit() and int(serial) in EXCEL_SERIALS:
        return EXCEL_EPOCH + dt.timedelta(days=int(serial))
    match = _DATE.match(text.split(" ")[0] if " " in text and "年" not in text else text)
    if not match:
        raise ValueError("date_format")
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ValueError("date_invalid") from None


def parse_amount(text: str) -> float:
    """Parse a non-negative amount; thousands separators and a trailing unit are allowed."""
    cleaned = text.strip().replace(",", "").replace("，", "").removesuffix("万元").removesuffix("元")
    try:
        value = Decimal(cleaned.strip())
    except InvalidOperation:
        raise ValueError("number_format") from None
    if not value.is_finite():
        raise ValueError("number_format")
    if value < 0:
        raise ValueError("number_negative")
    return float(value)


def parse_bool(text: str) -> bool:
    """Parse 是/否 and the usual English spellings."""
    key = text.strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError("bool_format")


def parse_quarter(text: str) -> str:
    """Parse 2024Q1, 2024-Q1, 2024年第1季度, 2024年一季度 into ``2024Q1``."""
    match = _QUARTER.match(text.strip())
    if not match:
        raise ValueError("quarter_format")
    number = _CN_DIGITS.get(match.group(2), match.group(2))
    return f"{match.group(1)}Q{number}"


def split_list(text: str) -> list[str]:
    """Split a cell holding several values separated by ; ， , 、 or newlines."""
    parts = re.split(r"[;；,，、\n]+", text or "")
    return [p.strip() for p in parts if p.strip()]
