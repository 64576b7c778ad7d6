"""The import corpus: real awkward staff files in ``tests/corpus/`` and what importing each must do.

Every file is imported through the public API into a fresh copy of the tiny dataset
(``conftest.fresh_db``). An accepted file must give the expected counts, warnings and loaded
values; a rejected file must list exactly the expected errors (row as Excel shows it, header
as written in the file, reason code) and leave every table of the database as it was.

The files are made by ``tests/corpus/make_corpus.py`` (run it after changing a case there);
a test checks that it reproduces the committed files.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from data_layer import i18n
from data_layer.identifiers import make_app_no
from data_layer.ingest import ImportRejected, import_bytes

from .conftest import E1, R1, app_no
from .corpus import make_corpus
from .corpus.make_corpus import N1, N2, N3, NEW_UM1, wrong_check

CORPUS = Path(__file__).parent / "corpus"
LAST_BATCH = "batch_id = (SELECT max(batch_id) FROM imports)"

Where = tuple[int | None, str | None, str]  # (row as Excel shows it, header as in the file, reason)


@dataclass(frozen=True)
class Accepted:
    kind: str
    new: int = 0
    replaced: int = 0
    same: int = 0
    warnings: tuple[Where, ...] | None = ()  # None: not checked
    check: tuple[str, Any] | None = None  # SQL and its scalar result, or its rows when a list
    detected: dict = field(default_factory=dict)  # entries ``result.detected`` must have
    options: dict = field(default_factory=dict)  # more keyword arguments of import_bytes
    marks: tuple = ()


@dataclass(frozen=True)
class Rejected:
    kind: str
    errors: tuple[Where, ...]
    warnings: tuple[Where, ...] = ()
    options: dict = field(default_factory=dict)
    marks: tuple = ()


def contracts_of_last_batch(*columns: str) -> str:
    return f"SELECT contract_no, {', '.join(columns)} FROM contracts WHERE {LAST_BATCH} ORDER BY 1"


TURNOVER = "合同成交额（万元）"
NEW_PATENTS = sorted([*(make_app_no(2024, "2", n) for n in (103, 104, 105)), make_app_no(2024, "1", 107)])

CASES: dict[str, Accepted | Rejected] = {
    # --- encodings, and what is not a CSV at all
    "utf8_bom_crlf.csv": Accepted(
        "institutions",
        new=1,
        detected={"encoding": "utf-8-sig", "header_line": 1},
        check=(f"SELECT name FROM institutions WHERE credit_code = '{N1}'", "湛江海洋装备有限公司"),
    ),
    "utf8_no_bom_lf.csv": Accepted(
        "institutions",
        new=1,
        check=(f"SELECT name FROM institutions WHERE credit_code = '{N1}'", "湛江海洋装备有限公司"),
    ),
    "gbk.csv": Accepted(
        "institutions",
        new=1,
        detected={"encoding": "gb18030"},
        check=(f"SELECT name FROM institutions WHERE credit_code = '{N1}'", "湛江霞山海鲜加工厂"),
    ),
    "gb18030_rare_chars.csv": Accepted(
        "institutions",
        new=1,
        detected={"encoding": "gb18030"},
        check=(f"SELECT name FROM institutions WHERE credit_code = '{N1}'", "湛江刘䶮𠀀科技有限公司"),
    ),
    "utf16_unicode_text.csv": Rejected("institutions", ((None, None, "encoding_unknown"),)),
    "xlsx_renamed.csv": Rejected("institutions", ((None, None, "encoding_unknown"),)),
    "tab_separated.csv": Rejected("institutions", ((None, None, "no_header"),)),
    "empty.csv": Rejected("institutions", ((None, None, "no_header"),)),
    "header_only.csv": Rejected("contracts", ((None, None, "file_empty"),)),
    "header_only_extra_column.csv": Rejected(
        "contracts", ((None, None, "file_empty"),), warnings=((None, "序号", "column_ignored"),)
    ),
    "header_and_total_only.csv": Rejected(
        "contracts", ((None, None, "file_empty"),), warnings=((2, None, "total_row_dropped"),)
    ),
    "sep_hint_line.csv": Accepted("institutions", new=1, detected={"header_line": 2}),
    # --- layout: title rows, totals, headers
    "title_and_blank_rows.csv": Accepted(
        "patents",
        new=2,
        detected={"header_line": 4},
        check=(f"SELECT title FROM patents WHERE app_no = '{NEW_UM1}'", "一种海水养殖网箱"),
    ),
    "total_row.csv": Accepted(
        "contracts",
        new=2,
        warnings=((4, None, "total_row_dropped"),),
        detected={"dropped_total_line": 4},
        check=(contracts_of_last_batch("turnover_10k"), [("HT2025-001", 100.0), ("HT2025-002", 1234.5)]),
    ),
    "total_row_lookalike.csv": Accepted(
        "filings",
        new=2,
        check=(
            f"SELECT filing_no, product_name FROM filings WHERE {LAST_BATCH} ORDER BY 1",
            [("F10", "智能计量泵"), ("F11", "小计量泵")],
        ),
        # The file leaves 专利密集型产品 blank: counted as patent-intensive, and said so.
        warnings=((None, "专利密集型产品", "derived_intensive_assumed"),),
    ),
    "english_headers_shuffled.csv": Accepted(
        "contracts",
        new=1,
        check=(
            contracts_of_last_batch("turnover_10k", "seller_code", "contract_type", "buyer_local"),
            [("HT2025-010", 88.5, R1, "service", False)],
        ),
        # The buyer's place is blank: counted outside the city, and the preview says so.
        warnings=((None, "买方是否在湛江", "derived_local_unknown"),),
    ),
    "header_aliases.csv": Accepted(
        "patents",
        new=1,
        check=(
            "SELECT title, patent_type, grant_date::VARCHAR, ipc, county FROM patents "
            f"WHERE app_no = '{NEW_UM1}'",
            [("一种对虾养殖增氧机", "utility_model", "2024-08-01", "A01K 63/04", "440881")],
        ),
        # Neither 失效日 nor 法律状态: the granted patent counts as in force, and the preview says so.
        warnings=((None, "失效日", "derived_lapse_unknown"),),
    ),
    "header_spacing_parens.csv": Accepted(
        "contracts",
        new=1,
        check=(
            contracts_of_last_batch(
                "turnover_10k",
                "tech_amount_10k",
                "(SELECT list(app_no) FROM contract_patents p WHERE p.contract_no = contracts.contract_no)",
            ),
            [("HT2025-020", 30.0, 20.0, [app_no(3)])],
        ),
        warnings=((None, "买方是否在湛江", "derived_local_unknown"),),
    ),
    "ragged_rows.csv": Accepted(
        "institutions",
        new=2,
        check=(
            f"SELECT credit_code, county FROM institutions WHERE {LAST_BATCH} ORDER BY 1",
            [(N1, "440803"), (N2, "440811")],
        ),
    ),
    # --- numbers and dates as staff write them
    "fullwidth_digits_spaces.csv": Accepted(
        "contracts",
        new=1,
        check=(
            contracts_of_last_batch(
                "registered_date::VARCHAR", "seller_code", "turnover_10k", "tech_amount_10k"
            ),
            [("HT2025-030", "2025-03-05", E1, 1234.5, 1000.0)],
        ),
    ),
    "thousands_separators.csv": Accepted(
        "contracts",
        new=2,
        check=(
            contracts_of_last_batch("turnover_10k", "tech_amount_10k"),
            [("HT2025-040", 1234.5, 1000.0), ("HT2025-041", 12345678.9, 12345678.0)],
        ),
    ),
    "amount_suffix_wanyuan.csv": Accepted(
        "contracts",
        new=1,
        check=("SELECT turnover_10k FROM contracts WHERE contract_no = 'HT2025-050'", 15.0),
    ),
    "date_formats.csv": Accepted(
        "events",
        new=4,
        check=(
            f"SELECT title, event_date::VARCHAR FROM events WHERE {LAST_BATCH} ORDER BY 2",
            [
                ("宣讲会甲", "2024-03-05"),
                ("宣讲会乙", "2024-03-06"),
                ("宣讲会丙", "2024-03-07"),
                ("宣讲会丁", "2024-03-08"),
            ],
        ),
    ),
    "date_excel_serial.csv": Accepted(
        "events",
        new=1,
        check=("SELECT event_date::VARCHAR FROM events WHERE title = '宣讲会戊'", "2024-03-05"),
    ),
    "date_iso_timestamp.csv": Accepted(
        "events",
        new=1,
        check=("SELECT event_date::VARCHAR FROM events WHERE title = '宣讲会己'", "2024-03-05"),
    ),
    # 20240305 is how CNIPA and incoPat write dates: a date when it is a real one in range.
    "date_compact_digits.csv": Accepted(
        "events",
        new=1,
        check=("SELECT event_date::VARCHAR FROM events WHERE title = '宣讲会庚'", "2024-03-05"),
    ),
    "bool_variants.csv": Accepted(
        "institutions",
        new=3,
        check=(
            f"SELECT credit_code, patent_intensive FROM institutions WHERE {LAST_BATCH} ORDER BY 1",
            [(N1, True), (N2, False), (N3, True)],
        ),
    ),
    "quarter_variants.csv": Accepted(
        "indicators",
        new=3,
        check=(
            "SELECT quarter FROM indicators WHERE measure = 5 ORDER BY 1",
            [("2025Q1",), ("2025Q2",), ("2025Q3",)],
        ),
    ),
    # --- Excel workbooks
    "xlsx_real_dates.xlsx": Accepted(
        "contracts",
        new=3,
        detected={"sheet": "Sheet1", "encoding": None},
        check=(
            contracts_of_last_batch("registered_date::VARCHAR", "turnover_10k", "tech_amount_10k"),
            [
                ("HT2025-060", "2025-03-05", 1234.5, 1000.0),
                ("HT2025-061", "2025-03-06", 80.0, None),
                ("HT2025-062", "2025-03-07", 12.0, 12.0),
            ],
        ),
    ),
    "xlsx_title_row.xlsx": Accepted(
        "contracts",
        new=1,
        detected={"header_line": 3},
        check=(contracts_of_last_batch("registered_date::VARCHAR"), [("HT2025-060", "2025-03-05")]),
    ),
    "xlsx_renamed.xls": Accepted(
        "contracts",
        new=1,
        check=("SELECT turnover_10k FROM contracts WHERE contract_no = 'HT2025-060'", 1234.5),
    ),
    "xlsx_bad_dimension.xlsx": Accepted(
        "contracts",
        new=1,
        check=("SELECT turnover_10k FROM contracts WHERE contract_no = 'HT2025-060'", 1234.5),
    ),
    "xlsx_formula_text.xlsx": Accepted(
        "institutions",
        new=1,
        check=(
            f"SELECT name FROM institutions WHERE credit_code = '{N1}'",
            '=HYPERLINK("http://example.com","湛江某公司")',
        ),
    ),
    "xlsx_error_cell.xlsx": Rejected("contracts", ((2, TURNOVER, "number_format"),)),
    "macro.xlsm": Rejected("contracts", ((None, None, "xlsx_macro"),)),
    "macro_inside.xlsx": Rejected("contracts", ((None, None, "xlsx_macro"),)),
    "encrypted.xlsx": Rejected("contracts", ((None, None, "xlsx_encrypted"),)),
    "old_format.xls": Rejected("contracts", ((None, None, "xls_old"),)),
    "html_table.xls": Rejected("contracts", ((None, None, "xlsx_unreadable"),)),
    "csv_renamed.xlsx": Rejected("contracts", ((None, None, "xlsx_unreadable"),)),
    "multi_sheet_pick.xlsx": Accepted(
        "contracts",
        new=2,
        detected={"sheet": "合同登记", "sheets": ["填表说明", "合同登记", "汇总"]},
        check=(contracts_of_last_batch("turnover_10k"), [("HT2025-080", 60.0), ("HT2025-081", 40.0)]),
    ),
    "multi_sheet_forced.xlsx": Accepted(
        "contracts",
        new=1,
        options={"sheet": "2025年"},
        detected={"sheet": "2025年", "sheets": ["2024年", "2025年"]},
        check=(contracts_of_last_batch("turnover_10k"), [("HT2025-090", 90.0)]),
    ),
    "multi_sheet_missing.xlsx": Rejected(
        "contracts", ((None, None, "sheet_missing"),), options={"sheet": "2026年"}
    ),
    # --- columns
    "column_missing.csv": Rejected("patents", ((None, "专利名称", "column_missing"),)),
    "column_twice.csv": Rejected("patents", ((None, "申请号", "column_twice"),)),
    "serial_number_only_rows.csv": Accepted(
        "institutions",
        new=1,
        warnings=((None, "序号", "column_ignored"),),
    ),
    # --- values that are wrong
    "amount_negative.csv": Rejected("contracts", ((2, TURNOVER, "number_negative"),)),
    "date_future.csv": Rejected("contracts", ((2, "登记日期", "date_future"),)),
    "date_invalid.csv": Rejected("events", ((2, "日期", "date_invalid"),)),
    "patent_type_unknown.csv": Rejected("patents", ((2, "专利类型", "enum_unknown"),)),
    "measure_out_of_range.csv": Rejected(
        "indicators", ((2, "措施编号", "less_than_equal"), (3, "措施编号", "greater_than_equal"))
    ),
    "county_unknown.csv": Rejected("events", ((2, "区县", "county_unknown"),)),
    "county_by_code_and_short_name.csv": Accepted(
        "county_rules",
        new=3,
        check=(
            f"SELECT county, issued, issued_date::VARCHAR FROM county_rules WHERE {LAST_BATCH} ORDER BY 1",
            [("440803", True, "2024-06-01"), ("440823", False, None), ("440882", False, None)],
        ),
    ),
    "county_rule_issued_blank.csv": Rejected("county_rules", ((2, "是否已印发", "required"),)),
    "app_no_check.csv": Rejected("patents", ((2, "申请号", "app_no_check"),)),
    "app_no_prefixes.csv": Accepted(
        "patents",
        new=5,
        check=(
            f"SELECT app_no FROM patents WHERE {LAST_BATCH} ORDER BY 1",
            [(number,) for number in [*NEW_PATENTS, "98123456.9"]],
        ),
    ),
    "credit_code_check_warning.csv": Accepted(
        "institutions",
        new=1,
        warnings=((2, "统一社会信用代码", "credit_code_check"),),
        check=(
            f"SELECT name FROM institutions WHERE credit_code = '{wrong_check(N1)}'",
            "湛江老代码有限公司",
        ),
    ),
    "credit_code_malformed.csv": Rejected("institutions", ((2, "统一社会信用代码", "credit_code_format"),)),
    # The message names the cause (Excel's scientific notation) and how to export again.
    "credit_code_excel_scientific.csv": Rejected(
        "institutions", ((2, "统一社会信用代码", "excel_scientific"),)
    ),
    # --- references and what is already in the database
    "filing_unknown_patent.csv": Rejected("filings", ((2, "关联专利申请号", "ref_missing_patents"),)),
    "contract_unknown_seller.csv": Rejected(
        "contracts", ((2, "卖方统一社会信用代码", "ref_missing_institutions"),)
    ),
    "duplicate_rows.csv": Rejected("contracts", ((3, "合同登记号", "duplicate_in_file"),)),
    "many_errors.csv": Rejected(
        "patents",
        (
            (2, "申请日", "date_format"),
            (3, "所在区县", "county_unknown"),
            (4, "申请号", "app_no_format"),
            (6, "专利名称", "required"),
            (6, "专利类型", "enum_unknown"),
        ),
    ),
    "multiline_cell.csv": Rejected("indicators", ((3, "措施编号", "less_than_equal"),)),
    "reupload_identical.csv": Accepted("institutions", same=5),
    "replace_row.csv": Accepted(
        "contracts",
        replaced=1,
        same=1,
        check=("SELECT turnover_10k FROM contracts WHERE contract_no = 'C2'", 55.0),
    ),
    "formula_text.csv": Accepted(
        "institutions",
        new=1,
        check=(
            f"SELECT name FROM institutions WHERE credit_code = '{N1}'",
            '=HYPERLINK("http://example.com","湛江某公司")',
        ),
    ),
    # --- amounts in 元
    "turnover_in_yuan_header.csv": Accepted(
        "contracts",
        new=2,
        detected={"units": {"turnover_10k": "yuan", "tech_amount_10k": "10k"}},
        check=(
            contracts_of_last_batch("turnover_10k", "tech_amount_10k"),
            [("HT2025-130", 150.0, 100.0), ("HT2025-131", 123.45, None)],
        ),
    ),
    "event_amount_in_yuan_header.csv": Accepted(
        "patent_events",
        new=1,
        detected={"units": {"amount_10k": "yuan"}},
        check=(f"SELECT amount_10k FROM patent_events WHERE app_no = '{app_no(7)}'", 8.0),
    ),
    "amount_suffix_yuan.csv": Accepted(
        "contracts",
        new=1,
        check=("SELECT turnover_10k FROM contracts WHERE contract_no = 'HT2025-140'", 15.0),
    ),
    "indicator_value_yuan_unit.csv": Accepted(
        "indicators",
        new=1,
        check=("SELECT value FROM indicators WHERE indicator = '单笔最小质押融资额'", 3000.0),
    ),
}


def fingerprint(db) -> dict[str, str]:
    """A hash of every table's sorted content, per table."""
    tables = db.rows("SELECT schema_name, table_name FROM duckdb_tables() ORDER BY ALL")
    return {
        f"{schema}.{table}": hashlib.sha256(
            repr(db.rows(f'SELECT * FROM "{schema}"."{table}" ORDER BY ALL')).encode()
        ).hexdigest()
        for schema, table in tables
    }


def where(problems) -> list[Where]:
    return sorted(((p.row, p.column, p.reason) for p in problems), key=repr)


def rounded(value: Any) -> Any:
    """Floats rounded to 9 places, inside lists and tuples too (123.45 may come out of a division)."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, list | tuple):
        return type(value)(rounded(v) for v in value)
    return value


@pytest.mark.parametrize("name", [pytest.param(name, marks=case.marks) for name, case in CASES.items()])
def test_corpus_file(fresh_db, name):
    case = CASES[name]
    data = (CORPUS / name).read_bytes()
    before = fingerprint(fresh_db)

    if isinstance(case, Rejected):
        with pytest.raises(ImportRejected) as caught:
            import_bytes(fresh_db, data, name, case.kind, user="test", **case.options)
        problems = caught.value.problems
        assert where(p for p in problems if p.severity == "error") == sorted(case.errors, key=repr)
        assert where(p for p in problems if p.severity == "warning") == sorted(case.warnings, key=repr)
        assert fingerprint(fresh_db) == before, "a rejected file changed the database"
    else:
        result = import_bytes(fresh_db, data, name, case.kind, user="test", **case.options)
        problems = result.warnings
        assert (result.rows_new, result.rows_replaced, result.rows_same) == (
            case.new,
            case.replaced,
            case.same,
        )
        if case.warnings is not None:
            assert where(problems) == sorted(case.warnings, key=repr)
        for key, expected in case.detected.items():
            found = result.detected.get(key)
            if isinstance(expected, dict):
                found = {k: (found or {}).get(k) for k in expected}
            assert found == expected, key
        if case.check:
            sql, expected = case.check
            found = fresh_db.rows(sql) if isinstance(expected, list) else fresh_db.scalar(sql)
            assert rounded(found) == rounded(expected)
        if case.new + case.replaced == 0:
            assert result.batch_id is None
            assert fingerprint(fresh_db) == before, "a file with nothing new changed the database"

    for problem in problems:  # every problem names the file and has a sentence staff can read
        assert problem.file == name
        assert f"reason.{problem.reason}" in i18n.TEXT, problem.reason


def test_corpus_is_complete_and_small():
    on_disk = {p.name for p in CORPUS.iterdir() if p.is_file() and p.suffix != ".py"}
    assert on_disk == set(CASES) == set(make_corpus.FILES)
    assert len(CASES) >= 34
    assert {c.kind for c in CASES.values()} >= {"institutions", "patents", "contracts", "events"}
    too_big = {name: size for name in on_disk if (size := (CORPUS / name).stat().st_size) >= 20_000}
    assert not too_big


def members(data: bytes) -> list[tuple[str, tuple, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, i.date_time, archive.read(i)) for i in archive.infolist()]


def test_generator_reproduces_the_committed_files():
    """CSV and other plain files byte for byte; zip files (XLSX) member by member.

    The zip members carry fixed timestamps, so XLSX files are reproducible too; they are
    compared by content rather than raw bytes only so that another zlib build (which may
    compress differently) does not fail the test.
    """
    for name, data in make_corpus.build().items():
        committed = (CORPUS / name).read_bytes()
        if data.startswith(b"PK\x03\x04"):
            assert members(data) == members(committed), name
        else:
            assert data == committed, name
