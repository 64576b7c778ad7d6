"""A CSV's rows read through Arrow are the rows the csv module reads, or Arrow gives up.

``reader.RawTable.arrow_chunks`` is the fast way; ``chunks`` (Python's csv module) is the
contract. For every CSV of the corpus and for crafted files with the awkward parts of real
exports, the rows staged for checking (row numbers, cells, a dropped 合计 row) and everything
the check reports must be the same both ways; and the files Arrow should read must not quietly
fall back, or the fast way would never run.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from data_layer import profiles, validate
from data_layer.reader import MAX_CELL_CHARS, RawTable, UnreadableFile, read_table

from .test_corpus import CASES

CORPUS = Path(__file__).parent / "corpus"
HEAD = ",".join(
    ["合同登记号", "合同名称", "合同类型", "卖方统一社会信用代码", "买方名称", "买方是否在湛江", "登记日期",
     "合同成交额（万元）", "技术交易额（万元）"]
) + "\n"  # fmt: skip
ROW = "B{n},智能合同{n},技术开发,91440800MA4UJ6XK3N,湛江买方,是,2025-03-0{d},{amount},1\n"
LONG = "长" * MAX_CELL_CHARS


def rows(n: int, start: int = 1, amount: str = "10") -> str:
    return "".join(ROW.format(n=start + i, d=1 + i % 9, amount=amount) for i in range(n))


def row(number: str, title: str, buyer: str = "买", amount: str = "1", end: str = "\n") -> str:
    return f"{number},{title},技术开发,91440800MA4UJ6XK3N,{buyer},是,2025-03-01,{amount},1{end}"


# name -> (file text, encoding, whether Arrow reads it to the end)
CRAFTED: dict[str, tuple[str, str, bool]] = {
    "plain": (HEAD + rows(5), "utf-8", True),
    "bom_crlf": (HEAD.replace("\n", "\r\n") + rows(4).replace("\n", "\r\n"), "utf-8-sig", True),
    "gb18030": (HEAD + rows(3) + row("B9", "合同", "刘䶮𠀀公司"), "gb18030", True),
    "title_and_blank_rows": ("技术合同登记表\n\n" + HEAD + rows(2) + "\n\n" + rows(2, 5), "utf-8", True),
    "quoted_amounts_and_newlines": (
        HEAD + rows(2) + row("B7", '"合同\n第二行"', '"买方,""甲"""', '"1,234.5"'),
        "utf-8",
        True,
    ),
    "quoted_crlf_inside_cell": (HEAD + row("B8", '"甲\r\n乙"', end="\r\n"), "utf-8", True),
    "total_row": (HEAD + rows(3) + "合计,,,,,,,30,3\n", "utf-8", True),
    "total_row_then_blank_rows": (HEAD + rows(3) + "合计：,,,,,,,30,3\n,,,,,,,,\n\n", "utf-8", True),
    "only_serial_filled": (HEAD + rows(2) + "　,,,,,,,,\n" + rows(1, 9), "utf-8", True),
    "ideographic_space_cells": (HEAD + rows(1) + "\u3000,\u3000,,,,,,,\n" + rows(1, 5), "utf-8", True),
    "no_final_newline": (HEAD + rows(3).rstrip("\n"), "utf-8", True),
    "header_only": (HEAD, "utf-8", True),
    "short_row": (HEAD + rows(2) + "B9,短行\n" + rows(1, 20), "utf-8", False),
    "long_row": (HEAD + rows(1) + row("B3", "多", end=",多余,列\n"), "utf-8", False),
    "bare_cr_lines": (HEAD.replace("\n", "\r") + rows(3).replace("\n", "\r"), "utf-8", False),
    "nul_byte": (HEAD + rows(80) + row("B5", "a\x00b"), "utf-8", False),  # past the first 4 KB
    "cell_at_limit": (HEAD + rows(1) + row("B6", LONG), "utf-8", False),
    "cell_over_limit": (HEAD + rows(12) + row("B6", LONG + "长"), "utf-8", False),  # below the header scan
    "unclosed_quote_at_end": (HEAD + rows(2) + 'B5,"未闭合,技术开发\n', "utf-8", False),
    "first_data_row_empty_line": (HEAD + "\n" + rows(3), "utf-8", False),
}


def staged(data: bytes, name: str, kind: str, use_arrow: bool, monkeypatch) -> tuple:
    """What checking ``data`` stages and reports, and which way its rows were read."""
    ways = []
    real_arrow, real_csv = validate._stage_arrow, validate._stage_csv
    monkeypatch.setattr(validate, "_stage_arrow", lambda *a: ways.append("arrow") or real_arrow(*a))
    monkeypatch.setattr(validate, "_stage_csv", lambda *a: ways.append("csv") or real_csv(*a))
    monkeypatch.setattr(RawTable, "arrow_ready", property(lambda raw: use_arrow and raw._batches is not None))
    known = profiles.headers_of(profiles.builtin_profiles(), kind)
    with duckdb.connect() as cur:
        try:
            raw = read_table(data, name, validate.header_score(kind, known))
            profile = profiles.recognize(profiles.builtin_profiles(), kind, raw.header)
            checked = validate.check(cur, kind, raw, name, profile=profile)
        except UnreadableFile as exc:
            return ("unreadable", exc.args[0], exc.row, exc.column), ways
        tables = {
            t for (t,) in cur.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
        }
        staged_rows = cur.execute("SELECT * FROM raw ORDER BY line").fetchall() if "raw" in tables else None
        typed = cur.execute("SELECT * FROM typed ORDER BY line").fetchall() if "typed" in tables else None
    report = (checked.rows, checked.problems, checked.detected, staged_rows, typed)
    return report, ways


@pytest.mark.parametrize("name", sorted(n for n in CASES if n.endswith(".csv")))
def test_corpus_reads_the_same_both_ways(name, monkeypatch):
    data, kind = (CORPUS / name).read_bytes(), CASES[name].kind
    by_csv, ways = staged(data, name, kind, False, monkeypatch)
    assert "arrow" not in ways
    by_arrow, _ = staged(data, name, kind, True, monkeypatch)
    assert by_arrow == by_csv


@pytest.mark.parametrize("name", list(CRAFTED))
def test_crafted_files_read_the_same_both_ways(name, monkeypatch):
    text, encoding, arrow_reads_it = CRAFTED[name]
    data = text.encode(encoding)
    by_csv, _ = staged(data, f"{name}.csv", "contracts", False, monkeypatch)
    by_arrow, ways = staged(data, f"{name}.csv", "contracts", True, monkeypatch)
    assert by_arrow == by_csv
    assert ways[-1] == ("arrow" if arrow_reads_it else "csv"), ways


def test_total_row_and_row_numbers_through_arrow(monkeypatch):
    text = "湛江市技术合同登记表\n\n" + HEAD + rows(2) + "\n" + rows(1, 9) + "合计,,,,,,,30,3\n"
    (count, problems, detected, staged_rows, _), ways = staged(
        text.encode(), "t.csv", "contracts", True, monkeypatch
    )
    assert ways == ["arrow"]
    assert [r[0] for r in staged_rows] == [4, 5, 7]  # Excel's row numbers: title, blank, header
    assert detected["dropped_total_line"] == 8 and count == 3
    assert any(p.reason == "total_row_dropped" and p.row == 8 for p in problems)
