"""Chinese patent application numbers and unified social credit codes.

Application numbers since 2003 have 12 digits and a check character
(``ZL202310123456.X``). Older 8- and 9-digit numbers (before 2003) carry a
check character computed the same way over their own digits with weights
2,3,4,...; they are accepted and kept as written, because patents filed before
2003 still appear in holders' portfolios. The kind of an old number is its 3rd
digit (``ZL98123456.7``), not its 5th.
"""

from __future__ import annotations

import functools
import hashlib
import re

from stdnum.cn import uscc

PATENT_KINDS = {
    "1": "invention",
    "2": "utility_model",
    "3": "design",
    "8": "invention",  # PCT application entering the national phase
    "9": "utility_model",  # PCT utility model
}

_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_APP_NO = re.compile(r"^(?:ZL|CN)?\s*(\d{12}|\d{8,9})\.?([0-9X])$", re.IGNORECASE)


def patent_check_char(digits: str) -> str:
    """Check character of an application number's digits: weighted sum mod 11, 10 -> X.

    >>> patent_check_char("202310123456")
    '6'
    """
    total = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=False))
    rest = total % 11
    return "X" if rest == 10 else str(rest)


# A long number that Excel re-saved in scientific notation (2.02544E+15): its digits are lost.
EXCEL_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)


def refuse_excel_scientific(text: str) -> None:
    """Raise ValueError("excel_scientific") when an identifier cell is a number Excel mangled."""
    if EXCEL_SCIENTIFIC.match(text.strip()):
        raise ValueError("excel_scientific")


def normalize_app_no(raw: str) -> str:
    """Return the canonical ``DDDDDDDDDDDD.C`` form, or raise ValueError with the reason code.

    Accepts ``ZL``/``CN`` prefixes, spaces (``ZL 2023 1 0123456.6``) and a missing dot
    (``CN2023101234566``). Reason codes: ``app_no_format`` (not an application number at
    all), ``app_no_check`` (the check character does not match the digits) and
    ``excel_scientific`` (a number Excel re-saved as ``2.02310E+12``).
    """
    text = (raw or "").strip().replace(" ", "")
    refuse_excel_scientific(text)
    match = _APP_NO.match(text)
    if not match:
        raise ValueError("app_no_format")
    digits, check = match.group(1), match.group(2).upper()
    if patent_check_char(digits) != check:
        raise ValueError("app_no_check")
    return f"{digits}.{check}"


def patent_kind(app_no: str) -> str | None:
    """Kind encoded in a canonical application number (None when the digit is unknown)."""
    digits = app_no.split(".")[0]
    kind_digit = digits[4] if len(digits) == 12 else digits[2]
    return PATENT_KINDS.get(kind_digit)


def make_app_no(year: int, kind_digit: str, serial: int) -> str:
    """Build a valid 12-digit application number, used by the sample generator and tests."""
    digits = f"{year:04d}{kind_digit}{serial:07d}"
    return f"{digits}.{patent_check_char(digits)}"


_USCC_CHARS = re.compile(r"^[0-9A-HJ-NP-RT-UW-Y]{18}$")
# An institution staff created from a name alone, whose credit code nobody knew: ``NC-`` and
# 15 hex digits of the normalized name. No real code has a hyphen, so the two never meet.
LOCAL_ID = re.compile(r"^NC-[0-9A-F]{15}$")


def normalize_credit_code(raw: str) -> tuple[str, bool]:
    """Return ``(code, check_ok)``; raise ValueError("credit_code_format") if it is not a code.

    A wrong check character is reported, not rejected: some legal early codes fail it.
    """
    code = credit_code_format(raw)
    return code, credit_check_ok(code)


def credit_code_format(raw: str) -> str:
    """The upper-cased code; raise ValueError("credit_code_format") if it is not 18 valid characters."""
    code = (raw or "").strip().upper()
    if _USCC_CHARS.match(code) or LOCAL_ID.match(code):
        return code
    refuse_excel_scientific(code)
    raise ValueError("credit_code_format")


@functools.lru_cache(maxsize=65536)
def credit_check_ok(code: str) -> bool:
    """Whether the check character matches; cached, since the same codes recur on many rows."""
    if LOCAL_ID.match(code):
        return True
    return uscc.calc_check_digit(code[:17]) == code[17]


def make_credit_code(prefix17: str) -> str:
    """Complete 17 valid characters with their check character (generator and tests)."""
    return prefix17 + uscc.calc_check_digit(prefix17)


def local_id(normalized_name: str) -> str:
    """The stand-in code of an institution known only by its (normalized) name."""
    return "NC-" + hashlib.sha256(normalized_name.encode()).hexdigest()[:15].upper()
