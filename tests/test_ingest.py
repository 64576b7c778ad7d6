"""The loading path: every validation check, all-or-nothing, idempotence, replacement."""

from __future__ import annotations

import copy

import pytest

from data_layer.identifiers import make_app_no, make_credit_code
from data_layer.ingest import ImportRejected, import_file, preview_file
from data_layer.schema import HISTORY_TABLES

from .conftest import E1, TINY, U1, app_no, write_csv

TABLES = [*HISTORY_TABLES, "imports"]


def snapshot(db) -> dict[str, list]:
    return {table: db.rows(f"SELECT * FROM {table} ORDER BY ALL") for table in TABLES}


def rows_of(kind: str) -> list[list[str]]:
    return copy.deepcopy(TINY[kind])


def rejected(db, tmp_path, kind, rows, encoding="utf-8"):
    path = write_csv(tmp_path / f"{kind}.csv", rows, encoding)
    with pytest.raises(ImportRejected) as caught:
        import_file(db, path, kind)
    return [p for p in caught.value.problems if p.severity == "error"]


def set_cell(rows, row, header, value):
    rows[row][rows[0].index(header)] = value
    return rows


# (kind, data row (1-based), header, bad value, reason)
BAD_CELLS = [
    ("patents", 1, "申请日", "2024/13/01", "date_invalid"),
    ("patents", 1, "申请日", "昨天", "date_format"),
    ("patents", 1, "申请日", "2099-01-01", "date_future"),
    ("patents", 1, "申请号", "ZL20231012345", "app_no_format"),
    ("patents", 1, "申请号", app_no(1)[:-1] + ("0" if app_no(1)[-1] != "0" else "1"), "app_no_check"),
    ("patents", 1, "专利类型", "外观设计", "type_mismatch"),
    ("patents", 1, "专利类型", "软件著作权", "enum_unknown"),
    ("patents", 1, "授权日", "2019-01-01", "grant_before_filing"),
    ("patents", 2, "失效日", "2021-08-01", "lapse_before_grant"),
    ("patents", 1, "所在区县", "番禺区", "county_unknown"),
    ("patents", 1, "专利名称", "", "required"),
    ("patents", 1, "专利权人统一社会信用代码", "91440800MA4UJ5XK3I", "credit_code_format"),
    ("contracts", 1, "合同成交额（万元）", "-5", "number_negative"),
    ("contracts", 1, "合同成交额（万元）", "一百", "number_format"),
    ("contracts", 1, "技术交易额（万元）", "500", "tech_above_turnover"),
    ("contracts", 1, "合同类型", "技术入股", "enum_unknown"),
    ("contracts", 1, "买方是否在湛江", "不清楚", "bool_format"),
    ("indicators", 1, "措施编号", "13", "less_than_equal"),
    ("indicators", 1, "季度", "2025-13", "quarter_format"),
    ("filings", 1, "关联专利申请号", "", "filing_needs_patent"),
    ("filings", 1, "产值年度", "", "output_needs_year"),
    ("filings", 1, "年产值（万元）", "", "year_needs_output"),
    ("filings", 1, "产值年度", "1990", "year_range"),
    ("county_rules", 1, "印发日期", "", "issued_needs_date"),
    ("targets", 1, "截止日期", "2022-12-31", "deadline_before_start"),
    ("events", 1, "参加人数", "12.5", "integer_format"),
]


@pytest.mark.parametrize(("kind", "row", "header", "value", "reason"), BAD_CELLS)
def test_each_check_names_row_column_value_and_reason(fresh_db, tmp_path, kind, row, header, value, reason):
    before = snapshot(fresh_db)
    rows = set_cell(rows_of(kind), row, header, value)
    problems = rejected(fresh_db, tmp_path, kind, rows)
    assert [(p.row, p.column, p.value, p.reason) for p in problems] == [(row + 1, header, value, reason)]
    assert problems[0].file == f"{kind}.csv"
    assert problems[0].message("zh") and problems[0].message("en") != problems[0].message("zh")
    assert snapshot(fresh_db) == before


def test_all_problems_listed_at_once_and_nothing_written(fresh_db, tmp_path):
    before = snapshot(fresh_db)
    rows = rows_of("patents")
    rows.append([make_app_no(2024, "1", 999), "新专利", "发明", "2024-01-01", "", "", U1, "赤坎区"])
    set_cell(rows, 2, "申请日", "bad")
    set_cell(rows, 5, "所在区县", "广州")
    problems = rejected(fresh_db, tmp_path, "patents", rows)
    assert [(p.row, p.reason) for p in problems] == [(3, "date_format"), (6, "county_unknown")]
    assert snapshot(fresh_db) == before  # the valid new row was not loaded either


def test_unknown_references(fresh_db, tmp_path):
    stranger = make_credit_code("91440800MA9999999")
    rows = set_cell(rows_of("patents"), 1, "专利权人统一社会信用代码", f"{U1};{stranger}")
    problems = rejected(fresh_db, tmp_path, "patents", rows)
    assert [(p.row, p.value, p.reason) for p in problems] == [(2, stranger, "ref_missing_institutions")]

    filings = set_cell(rows_of("filings"), 1, "关联专利申请号", make_app_no(2020, "1", 424242))
    problems = rejected(fresh_db, tmp_path, "filings", filings)
    assert [p.reason for p in problems] == ["ref_missing_patents"]


def test_duplicates_inside_file(fresh_db, tmp_path):
    rows = rows_of("contracts")
    rows.append(list(rows[1]))
    problems = rejected(fresh_db, tmp_path, "contracts", rows)
    assert [(p.row, p.value, p.reason) for p in problems] == [(len(rows), "2", "duplicate_in_file")]


def test_rows_of_one_filing_must_agree(fresh_db, tmp_path):
    rows = set_cell(rows_of("filings"), 2, "产品名称", "另一个名字")
    problems = rejected(fresh_db, tmp_path, "filings", rows)
    assert [(p.row, p.reason) for p in problems] == [(3, "conflicting_rows")]


def test_missing_column_and_empty_file(fresh_db, tmp_path):
    rows = [r[:1] + r[2:] for r in rows_of("patents")]  # drop 专利名称
    problems = rejected(fresh_db, tmp_path, "patents", rows)
    assert [(p.row, p.column, p.reason) for p in problems] == [(None, "专利名称", "column_missing")]
    problems = rejected(fresh_db, tmp_path, "patents", rows_of("patents")[:1])
    assert [p.reason for p in problems] == ["file_empty"]


def test_gbk_title_row_english_headers_and_extra_column(empty_db, tmp_path):
    rows = rows_of("institutions")
    rows[0] = ["credit_code", "name", "kind", "county", "industry", "序号"]
    for index, row in enumerate(rows[1:], 1):
        row[5] = str(index)
    title = ["湛江市专利转化单位名录（2025年）"] + [""] * 5
    path = write_csv(tmp_path / "institutions.csv", [title, *rows], encoding="gbk")
    result = import_file(empty_db, path)
    assert (result.rows_new, result.rows_same) == (5, 0)
    assert [(w.column, w.reason) for w in result.warnings] == [("序号", "column_ignored")]
    assert empty_db.scalar("SELECT name FROM institutions WHERE credit_code = ?", [U1]) == "湛江测试大学"


def test_full_width_digits_and_thousands(fresh_db, tmp_path):
    rows = rows_of("contracts")
    rows.append(["C9", "新合同", "技术开发", E1, "某公司", "否", "２０２５年３月５日", "1,234.5", "", ""])
    result = import_file(fresh_db, write_csv(tmp_path / "contracts.csv", rows))
    assert result.rows_new == 1
    found = fresh_db.rows(
        "SELECT registered_date::VARCHAR, turnover_10k FROM contracts WHERE contract_no = 'C9'"
    )
    assert found == [("2025-03-05", 1234.5)]


def test_bad_credit_check_is_a_warning_and_loads(empty_db, tmp_path):
    rows = rows_of("institutions")
    wrong = U1[:-1] + ("0" if U1[-1] != "0" else "1")
    rows[1][0] = wrong
    result = import_file(empty_db, write_csv(tmp_path / "institutions.csv", rows))
    assert result.rows_new == 5
    assert [(w.row, w.value, w.reason) for w in result.warnings] == [(2, wrong, "credit_code_check")]


def test_same_file_twice_changes_nothing(fresh_db, tiny_dir):
    before = snapshot(fresh_db)
    for kind in TINY:
        result = import_file(fresh_db, tiny_dir / f"{kind}.csv")
        assert (result.rows_new, result.rows_replaced, result.batch_id) == (0, 0, None)
        assert result.rows_same > 0
    assert snapshot(fresh_db) == before


def test_changed_rows_replace_by_natural_key(fresh_db, tmp_path):
    rows = set_cell(rows_of("filings"), 4, "年产值（万元）", "55")  # F2's 2024 output 50 -> 55
    rows.append(["F5", "新产品", E1, "2025-01-01", "家电", "是", app_no(8), "", ""])
    path = write_csv(tmp_path / "filings.csv", rows)
    preview = preview_file(fresh_db, path)
    assert (preview.rows_new, preview.rows_replaced, preview.rows_same, preview.batch_id) == (1, 1, 3, None)
    assert fresh_db.scalar("SELECT count(*) FROM filings") == 4  # preview wrote nothing
    result = import_file(fresh_db, path)
    assert (result.rows_new, result.rows_replaced, result.rows_same) == (1, 1, 3)
    assert (
        fresh_db.scalar("SELECT output_10k FROM filing_outputs WHERE filing_no = 'F2' AND year = 2024") == 55
    )
    assert fresh_db.scalar("SELECT count(*) FROM filing_outputs WHERE filing_no = 'F2'") == 2
    logged = fresh_db.rows(
        "SELECT kind, rows_new, rows_replaced, rows_same FROM imports WHERE batch_id = ?", [result.batch_id]
    )
    assert logged == [("filings", 1, 1, 3)]


def test_changed_holders_replace_children(fresh_db, tmp_path):
    rows = set_cell(rows_of("patents"), 1, "专利权人统一社会信用代码", f"{U1};{E1}")
    result = import_file(fresh_db, write_csv(tmp_path / "patents.csv", rows))
    assert (result.rows_replaced, result.rows_same) == (1, len(rows) - 2)
    holders = fresh_db.rows(
        "SELECT holder_code, seq FROM patent_holders WHERE app_no = ? ORDER BY seq", [app_no(1)]
    )
    assert holders == [(U1, 1), (E1, 2)]


def test_bytes_in_memory_import_like_files(empty_db):
    from data_layer.ingest import import_bytes

    data = "\n".join(",".join(row) for row in rows_of("institutions")).encode("gb18030")
    result = import_bytes(empty_db, data, "上传.csv", "institutions", user="li")
    assert (result.file_name, result.rows_new, result.detected["encoding"]) == ("上传.csv", 5, "gb18030")
    assert empty_db.scalar("SELECT user_name FROM imports") == "li"


def test_unknown_kind_and_unreadable_file(empty_db, tmp_path):
    path = tmp_path / "stuff.csv"
    path.write_bytes(b"\xff\xfe\x00garbage\x81\x00")
    with pytest.raises(ImportRejected) as caught:
        import_file(empty_db, path, "patents")
    assert caught.value.problems[0].reason in {"encoding_unknown", "no_header"}
    with pytest.raises(ImportRejected) as caught:
        import_file(empty_db, path)
    assert caught.value.problems[0].reason == "kind_unknown"


def test_title_rows_and_total_row(empty_db, tmp_path):
    rows = rows_of("institutions")
    blank = [""] * len(rows[0])
    title = ["湛江市单位名录", "制表：市知识产权局", *[""] * (len(rows[0]) - 2)]  # two filled cells
    total = ["合计", "5家", *[""] * (len(rows[0]) - 2)]
    path = write_csv(tmp_path / "institutions.csv", [title, blank, *rows, total])
    result = import_file(empty_db, path)
    assert result.rows_new == 5
    assert [(w.row, w.reason) for w in result.warnings] == [(9, "total_row_dropped")]
    assert result.detected["header_line"] == 3 and result.detected["dropped_total_line"] == 9
    assert result.detected["encoding"] == "utf-8-sig"
    assert result.detected["columns"]["credit_code"] == "统一社会信用代码"


def test_xlsx_files(empty_db, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["单位名录"])
    for row in rows_of("institutions"):
        sheet.append(row)
    path = tmp_path / "institutions.xlsx"
    book.save(path)
    result = import_file(empty_db, path)
    assert result.rows_new == 5
    assert (result.detected["sheet"], result.detected["header_line"]) == ("Sheet", 2)

    macro = tmp_path / "institutions.xlsm"
    macro.write_bytes(path.read_bytes())
    encrypted = tmp_path / "locked.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    for bad, reason in ((macro, "xlsx_macro"), (encrypted, "xlsx_encrypted")):
        with pytest.raises(ImportRejected) as caught:
            import_file(empty_db, bad, "institutions")
        assert [p.reason for p in caught.value.problems] == [reason]
