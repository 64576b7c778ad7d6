"""Cell parsers and identifiers."""

from __future__ import annotations

import datetime as dt

import pytest

from data_layer import values
from data_layer.counties import county_adcode
from data_layer.identifiers import (
    make_app_no,
    make_credit_code,
    normalize_app_no,
    normalize_credit_code,
    patent_check_char,
    patent_kind,
)


@pytest.mark.parametrize(
    "text", ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "2024-03-05 00:00:00"]
)
def test_dates_in_every_office_form(text):
    assert values.parse_date(text) == dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    ("text", "reason"), [("2024-13-01", "date_invalid"), ("5/3/2024", "date_format"), ("", "date_format")]
)
def test_bad_dates(text, reason):
    with pytest.raises(ValueError, match=reason):
        values.parse_date(text)


def test_amounts():
    assert values.parse_amount("1,234.5") == 1234.5
    assert values.parse_amount("12万元") == 12.0
    with pytest.raises(ValueError, match="number_negative"):
        values.parse_amount("-3")
    with pytest.raises(ValueError, match="number_format"):
        values.parse_amount("abc")
    with pytest.raises(ValueError, match="number_format"):
        values.parse_amount("nan")


@pytest.mark.parametrize("text", ["2024Q1", "2024-Q1", "2024年第1季度", "2024年一季度", "2024q1"])
def test_quarters(text):
    assert values.parse_quarter(text) == "2024Q1"


def test_bools_and_lists():
    assert values.parse_bool("是") is True and values.parse_bool("否") is False
    with pytest.raises(ValueError, match="bool_format"):
        values.parse_bool("也许")
    assert values.split_list("a；b, c、d") == ["a", "b", "c", "d"]


def test_application_numbers():
    # Worked by hand: weights 2,3,4,5,6,7,8,9,2,3,4,5 over 202310123456 sum to 127; 127 mod 11 = 6.
    assert patent_check_char("202310123456") == "6"
    assert normalize_app_no("ZL202310123456.6") == "202310123456.6"
    assert normalize_app_no("CN 202310123456.6") == "202310123456.6"
    assert normalize_app_no("2023101234566") == "202310123456.6"
    with pytest.raises(ValueError, match="app_no_check"):
        normalize_app_no("ZL202310123456.5")
    with pytest.raises(ValueError, match="app_no_format"):
        normalize_app_no("ZL2023101234.6")
    assert patent_kind(make_app_no(2024, "3", 1)) == "design"
    assert patent_kind(make_app_no(2024, "8", 1)) == "invention"


def test_check_character_ten_is_x():
    digits = next(f"20231{n:07d}" for n in range(1000) if patent_check_char(f"20231{n:07d}") == "X")
    assert normalize_app_no(f"{digits}.x") == f"{digits}.X"


def test_old_numbers_before_2003():
    # 8 digits, weights 2..9: 98123456 -> 9*2+8*3+1*4+2*5+3*6+4*7+5*8+6*9 = 196, mod 11 = 9.
    assert normalize_app_no("ZL98123456.9") == "98123456.9"
    assert patent_kind("98123456.9") == "invention"  # kind is the 3rd digit in old numbers
    with pytest.raises(ValueError, match="app_no_check"):
        normalize_app_no("98123456.1")


def test_credit_codes():
    code = make_credit_code("91440800MA4UJ5XK3")
    assert normalize_credit_code(code) == (code, True)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert normalize_credit_code(wrong) == (wrong, False)
    with pytest.raises(ValueError, match="credit_code_format"):
        normalize_credit_code("91440800MA4UJ5XK3I")  # I is not in the alphabet


@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        ("廉江市", "440881"),
        ("廉江", "440881"),
        ("440881", "440881"),
        ("湛江市霞山区", "440803"),
        ("Lianjiang City", "440881"),
        ("湛江经济技术开发区", "440803"),
    ],
)
def test_counties(text, adcode):
    assert county_adcode(text) == adcode


def test_unknown_county():
    with pytest.raises(ValueError, match="county_unknown"):
        county_adcode("广州市")


def test_excel_serial_dates():
    assert values.parse_date("45356") == dt.date(2024, 3, 5)
    assert values.parse_date("45356.0") == dt.date(2024, 3, 5)
    with pytest.raises(ValueError, match="date_format"):
        values.parse_date("2024")  # a year is not a serial date
