"""Parsers for the cell values staff files carry: dates, amounts, yes/no, quarters.

Each parser takes the cell text (already NFKC-normalized, so full-width digits and
spaces are plain) and returns a Python value or raises ValueError with a reason code
that ``i18n`` turns into a sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from . import vocabularies

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_QUARTER = re.compile(r"^(\d{4})\s*(?:[-\s]?Q|年?第?)\s*([1-4一二三四])\s*(?:季度?)?$", re.IGNORECASE)
_CN_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4"}
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


# Excel stores a date as days since 1899-12-30; a CSV saved from Excel may carry that number.
EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_SERIALS = range(18_264, 73_051)  # 1950-01-01 .. 2099-12-31: a 4-digit year is never one


def parse_date(text: str) -> dt.date:
    """Parse 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, ISO timestamps and Excel serial numbers."""
    text = text.strip()
    serial = text.removesuffix(".0")
    if serial.isdigit() and int(serial) in EXCEL_SERIALS:
        return EXCEL_EPOCH + dt.timedelta(days=int(serial))
    if compact := _COMPACT_DATE.match(serial):
        # 20230415, as CNIPA and incoPat write dates: a date only if it is a real one in range.
        year, month, day = (int(g) for g in compact.groups())
        try:
            date = dt.date(year, month, day)
        except ValueError:
            raise ValueError("date_invalid") from None
        if not 1900 <= year <= 2100:
            raise ValueError("date_format")
        return date
    if "年" not in text:
        text = re.split(r"[ T]", text, maxsplit=1)[0]  # a timestamp: its date part
    match = _DATE.match(text)
    if not match:
        raise ValueError("date_format")
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ValueError("date_invalid") from None


# No count or amount in these records comes near this; a larger one is a typo or a crafted file.
LARGEST = 10**15


def parse_amount(text: str) -> float:
    """Parse a non-negative number; thousands separators and a trailing 元/万元 are allowed.

    The unit is only dropped here: a quantity with its own unit column (an indicator's
    value) keeps its number. Amounts in 万元 columns use ``parse_10k``.
    """
    return _decimal(_without_unit(text)[0])


def parse_10k(text: str) -> float:
    """Parse an amount in 万元: ``15``, ``15万元`` and ``150000元`` all give 15."""
    number, per_10k = _without_unit(text)
    value = _decimal(number)
    # Divide the float, as the SQL fast path does, so both give the same double.
    return value / per_10k if per_10k != 1 else value


def _without_unit(text: str) -> tuple[str, int]:
    """The number's text without separators or unit, and how many of its units make 1 万元."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if cleaned.endswith("万元"):
        return cleaned.removesuffix("万元"), 1
    if cleaned.endswith("元"):
        return cleaned.removesuffix("元"), 10_000
    return cleaned, 1


def _decimal(text: str) -> float:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise ValueError("number_format") from None
    if not value.is_finite():
        raise ValueError("number_format")
    if value < 0:
        raise ValueError("number_negative")
    if value >= LARGEST:
        raise ValueError("number_too_large")
    return float(value)


def parse_bool(text: str) -> bool:
    """Parse 是/否, 已认定/未认定, Y/N, √/× and the other words of the ``bool`` vocabulary."""
    if not text.strip():
        return False
    code = vocabularies.lookup("bool", text)
    if code is None:
        raise ValueError("bool_format")
    return code == "true"


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
