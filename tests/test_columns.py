"""The SQL fast path of each column check agrees with the model's own parser, cell by cell."""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa
import pytest

from data_layer.columns import columns_of, fast_sql, parse_cells
from data_layer.identifiers import make_app_no

TODAY = dt.date.today()
APP = make_app_no(2023, "1", 123456)
WRONG_APP = APP[:-1] + ("0" if APP[-1] != "0" else "1")

# Cells chosen to sit on the edges of the fast path: plain forms it takes, near misses it
# must leave to Python, and forms only Python understands.
CELLS = {
    ("patents", "title"): [
        "一种装置",
        " 前导空格",
        "尾随空格 ",
        "全角空格\u3000",
        "a\u00a0",
        "x\x0b",
        "中 间",
    ],
    ("patents", "holder_names"): [
        "湛江测试大学",
        "湛江测试大学;湛江测试研究院",
        "湛江测试大学 | 湛江测试研究院",
        "湛江测试大学、湛江测试大学",
        " 湛江测试大学",
        "\u3000湛江测试大学",
        "Zhanjiang Co., Ltd.",
        "甲\n乙",
    ],
    ("patents", "app_no"): [
        APP,
        WRONG_APP,
        "ZL" + APP,
        "CN" + APP,
        "CN" + APP.replace(".", ""),
        "ZL" + WRONG_APP,
        "CN" + APP + "0",
        APP.replace(".", ""),
        APP.lower(),
        "１" + APP[1:],
        "x",
    ],
    ("patents", "filing_date"): [
        "2024-03-05",
        "2024-02-30",
        "2024-3-5",
        "2024/03/05",
        "0999-01-01",
        (TODAY + dt.timedelta(days=1)).isoformat(),
        TODAY.isoformat(),
        "45000",
        "2024-03-05 00:00:00",
    ],
    ("targets", "period_start"): [(TODAY + dt.timedelta(days=400)).isoformat(), "2023-01-01"],
    ("contracts", "turnover_10k"): [
        "12.5",
        "0",
        "007.50",
        "-1",
        "1,234.5",
        "1e3",
        "15万元",
        "150000元",
        ".5",
        "5.",
    ],
    ("indicators", "value"): ["-3.25", "-0", "3000元", "12", "--1", "1.0000000000000001"],
    ("events", "participants"): ["120", "120.0", "1.5", "99999999999999999999", "-3"],
    ("institutions", "credit_code"): ["91440800MA4UJ1X50Y", "91440800ma4uj1x50y", "91440800MA4UJ1X50"],
    ("patents", "holder_codes"): [
        "91440800MA4UJ1X50Y",
        "91440800MA4UJ1X50Y;12440800MB2C51234X",
        "91440800MA4UJ1X50Y；12440800MB2C51234X",
        "91440800MA4UJ1X50Y, 12440800MB2C51234X",
        "91440800MA4UJ1X50Y;",
        ";91440800MA4UJ1X50Y",
        "91440800ma4uj1x50y",
        "91440800MA4UJ1X50Y;91440800MA4UJ1X50",
        " 91440800MA4UJ1X50Y",
    ],
}


def both_paths(kind: str, name: str, cells: list[str], *, yuan: bool = False) -> list[tuple]:
    column = next(c for c in columns_of(kind) if c.name == name)
    fast = fast_sql(column, "cell", today=TODAY, yuan=yuan) or "NULL"
    with duckdb.connect() as con:
        con.register("cells", pa.table({"cell": pa.array(cells, pa.string())}))
        fast_values = [row[0] for row in con.execute(f"SELECT {fast} FROM cells").fetchall()]
    slow = parse_cells(kind, column, cells, yuan=yuan).to_pylist()
    return [(cell, f, s["val"], s["reason"]) for cell, f, s in zip(cells, fast_values, slow, strict=True)]


@pytest.mark.parametrize(("kind", "name"), list(CELLS))
def test_fast_path_only_takes_cells_python_reads_the_same(kind, name):
    for cell, fast, value, reason in both_paths(kind, name, CELLS[kind, name]):
        if fast is not None:
            assert reason is None and fast == value, (cell, fast, value, reason)


def test_fast_path_takes_the_plain_forms():
    taken = {
        cell for cell, fast, *_ in both_paths("contracts", "turnover_10k", ["12.5", "0"]) if fast is not None
    }
    assert taken == {"12.5", "0"}
    assert both_paths("patents", "app_no", [APP])[0][1] == APP
    # Exports' spellings take the fast path too (a million of them are a million distinct cells).
    assert both_paths("patents", "app_no", ["CN" + APP.replace(".", "")])[0][1] == APP
    assert both_paths("patents", "holder_names", ["湛江测试大学"])[0][1] == ["湛江测试大学"]
    assert both_paths("patents", "filing_date", ["2024-03-05"])[0][1] == dt.date(2024, 3, 5)
    two = "91440800MA4UJ1X50Y;12440800MB2C51234X"
    assert both_paths("patents", "holder_codes", [two])[0][1] == two.split(";")


def test_python_path_explains_what_the_fast_path_refuses():
    reasons = {
        cell: reason
        for cell, _, _, reason in both_paths("patents", "filing_date", CELLS["patents", "filing_date"])
    }
    assert reasons["2024-02-30"] == "date_invalid"
    assert reasons[(TODAY + dt.timedelta(days=1)).isoformat()] == "date_future"
    assert reasons["2024/03/05"] is None
    assert both_paths("patents", "app_no", [WRONG_APP])[0][3] == "app_no_check"


def test_a_yuan_column_is_stored_in_10k_by_both_paths():
    found = both_paths("contracts", "turnover_10k", ["150000", "150,000", "15万元", "150000元"], yuan=True)
    assert found[0][1] == found[0][2] == 15.0
    assert [value for _, _, value, _ in found] == [15.0, 15.0, 15.0, 15.0]


def test_an_indicator_value_keeps_its_number_whatever_its_unit():
    assert both_paths("indicators", "value", ["3000元"])[0][2] == 3000.0
