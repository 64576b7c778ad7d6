"""(Re)create the import test corpus: one bad or awkward staff file per case.

Run from the repository root::

    .venv/bin/python -m tests.corpus.make_corpus

Every file is built here from literal rows, deterministically: CSV with an explicit encoding
and line ending, XLSX with openpyxl (timestamps inside the zip and in ``docProps/core.xml``
fixed to ``FIXED_TIME``), and the OLE compound files (an encrypted workbook, an old ``.xls``,
a VBA project) with the small writer ``compound_file`` below. ``tests/test_corpus.py`` holds
what each file must do on import and checks that this script reproduces the committed files.

References point at the tiny dataset of ``tests/conftest.py`` (institutions U1, R1, E1, E2,
S1; patents ``app_no(1..11)``; contracts C1..C5), so that a case is about one thing only.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell

from data_layer.identifiers import make_app_no, make_credit_code
from tests.conftest import E1, E2, R1, TINY, U1, app_no

HERE = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)

# New institutions (not in the tiny dataset) and a stranger no table knows.
N1 = make_credit_code("91440803MA0000101")
N2 = make_credit_code("91440811MA0000102")
N3 = make_credit_code("91440881MA0000103")
STRANGER = make_credit_code("91440800MA9999999")


def fullwidth(text: str) -> str:
    """ASCII letters, digits and punctuation as their full-width forms (ＡＢＣ１２３．)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def wrong_check(code: str) -> str:
    """The same code or number with a different (wrong) last character."""
    return code[:-1] + ("1" if code[-1] != "1" else "2")


H = {kind: rows[0] for kind, rows in TINY.items()}  # the staff's Chinese headers per kind

# ---------------------------------------------------------------------------------------------
# Writers


def csv_bytes(
    rows: list[list[str]], encoding: str = "utf-8", *, bom: bool = False, eol: str = "\r\n"
) -> bytes:
    """Rows as CSV the way Excel writes it (CRLF by default), in ``encoding``."""
    out = io.StringIO()
    csv.writer(out, lineterminator=eol).writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode(encoding)


def fixed_zip(data: bytes, extra: dict[str, bytes] | None = None, patch: Callable | None = None) -> bytes:
    """Rewrite a zip with fixed member timestamps (and ``core.xml`` dates), optionally adding members.

    ``patch(name, content) -> content`` may edit members on the way.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    members = [(i.filename, source.read(i.filename)) for i in source.infolist()]
    members += list((extra or {}).items())
    with zipfile.ZipFile(out, "w") as target:
        for name, content in members:
            if name == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), content
                )
            if patch is not None:
                content = patch(name, content)
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, content)
    return out.getvalue()


def xlsx_bytes(book: Workbook, **kwargs) -> bytes:
    book.properties.created = FIXED_TIME
    book.properties.creator = "corpus"
    raw = io.BytesIO()
    book.save(raw)
    return fixed_zip(raw.getvalue(), **kwargs)


def sheet_book(rows: list[list[object]], title: str = "Sheet1") -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return book


def text_cell(sheet, ref: str, text: str) -> None:
    """A cell holding ``text`` as a string even if it starts with ``=`` (openpyxl would make a formula)."""
    cell: Cell = sheet[ref]
    cell.value = text
    cell.data_type = "s"


def pseudo_random(size: int, seed: str) -> bytes:
    """Deterministic noise (the body of an encrypted package)."""
    out = b""
    block = seed.encode()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block
    return out[:size]


# OLE compound file (MS-CFB, version 3, 512-byte sectors). Streams are padded to at least 4096
# bytes so that none goes to the mini stream; enough for a file that must look like Excel's.
FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(streams: dict[str, bytes]) -> bytes:
    sector = 512
    bodies = [
        (name, data.ljust(max(4096, -(-len(data) // sector) * sector), b"\0"))
        for name, data in streams.items()
    ]
    fat = [FAT_SECTOR, END]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for _, body in bodies:
        count = len(body) // sector
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(count - 1)] + [END]
    assert len(fat) <= sector // 4, "one FAT sector is enough for the corpus"
    fat_sector = struct.pack("<128I", *(fat + [FREE] * (128 - len(fat))))

    # Directory: the root and one entry per stream, siblings as a binary tree in CFB order.
    order = sorted(range(len(bodies)), key=lambda i: (len(bodies[i][0]), bodies[i][0].upper()))
    left, right = {}, {}

    def tree(items: list[int]) -> int:
        if not items:
            return NO_STREAM
        middle = len(items) // 2
        node = items[middle]
        left[node], right[node] = tree(items[:middle]), tree(items[middle + 1 :])
        return node + 1  # directory ids: 0 is the root

    root_child = tree(order)

    def entry(name: str, kind: int, child: int, lsib: int, rsib: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(encoded), kind, 1, lsib, rsib, child)
            + b"\0" * 16  # CLSID
            + struct.pack("<I", 0)  # state bits
            + b"\0" * 16  # creation and modification times
            + struct.pack("<IQ", start, size)
        )

    entries = [entry("Root Entry", 5, root_child, NO_STREAM, NO_STREAM, END, 0)]
    for index, (name, _) in enumerate(bodies):
        entries.append(
            entry(name, 2, NO_STREAM, left[index], right[index], starts[index], len(streams[name]))
        )
    while len(entries) % 4:  # unused entries fill the sector
        entries.append(
            b"\0" * 64 + struct.pack("<HBB3I", 0, 0, 0, NO_STREAM, NO_STREAM, NO_STREAM) + b"\0" * 48
        )
    directory = b"".join(entries)
    assert len(directory) == sector

    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
        + struct.pack("<109I", 0, *[FREE] * 108)
    )
    assert len(header) == sector
    return header + fat_sector + directory + b"".join(body for _, body in bodies)


# ---------------------------------------------------------------------------------------------
# Rows used by several cases


def institution(
    code: str, name: str, kind: str = "企业", county: str = "霞山区", flag: str = "否"
) -> list[str]:
    return [code, name, kind, county, "", flag]


def contract(
    no: str, turnover: str, *, date: str = "2025-03-05", seller: str = E1, tech: str = ""
) -> list[str]:
    return [no, f"技术开发合同{no}", "技术开发", seller, "湛江某买方有限公司", "是", date, turnover, tech, ""]


def event(title: str, date: str, county: str = "赤坎区", people: str = "50") -> list[str]:
    return ["政策宣讲会", title, county, date, people, "", ""]


def patent(
    number: str, title: str, kind: str = "实用新型", filed: str = "2024-02-01", holder: str = U1
) -> list[str]:
    return [number, title, kind, filed, "", "", holder, "赤坎区"]


def filing(no: str, app: str, *, product: str = "节能水泵") -> list[str]:
    return [no, product, E1, "2025-02-01", "家电", "是", app, "", ""]


NEW_UM1 = make_app_no(2024, "2", 101)
NEW_UM2 = make_app_no(2024, "2", 102)

FILES: dict[str, Callable[[], bytes]] = {}


def corpus_file(name: str):
    def register(build: Callable[[], bytes]) -> Callable[[], bytes]:
        assert name not in FILES, name
        FILES[name] = build
        return build

    return register


# ---------------------------------------------------------------------------------------------
# Encodings and what is not a CSV at all


@corpus_file("utf8_bom_crlf.csv")
def _() -> bytes:  # Excel's "CSV UTF-8": BOM and CRLF
    return csv_bytes([H["institutions"], institution(N1, "湛江海洋装备有限公司")], bom=True)


@corpus_file("utf8_no_bom_lf.csv")
def _() -> bytes:  # written by a script or WPS on Linux
    return csv_bytes([H["institutions"], institution(N1, "湛江海洋装备有限公司")], eol="\n")


@corpus_file("gbk.csv")
def _() -> bytes:  # Excel's plain "CSV" on Chinese Windows
    return csv_bytes([H["institutions"], institution(N1, "湛江霞山海鲜加工厂")], "gbk")


@corpus_file("gb18030_rare_chars.csv")
def _() -> bytes:
    name = "湛江刘䶮𠀀科技有限公司"  # 䶮 (Ext A) and 𠀀 (Ext B) exist in GB18030, not in GBK
    try:
        name.encode("gbk")
    except UnicodeEncodeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the name must not be encodable in GBK")
    return csv_bytes([H["institutions"], institution(N1, name)], "gb18030")


@corpus_file("utf16_unicode_text.csv")
def _() -> bytes:  # Excel's "Unicode text" (UTF-16 LE with BOM, tab separated) renamed .csv
    text = "\r\n".join("\t".join(row) for row in [H["institutions"], institution(N1, "湛江某公司")])
    return b"\xff\xfe" + text.encode("utf-16-le")


@corpus_file("xlsx_renamed.csv")
def _() -> bytes:  # a workbook renamed to .csv: binary, not text
    return xlsx_bytes(sheet_book([H["institutions"], institution(N1, "湛江某公司")]))


@corpus_file("tab_separated.csv")
def _() -> bytes:
    return "\r\n".join("\t".join(row) for row in [H["institutions"], institution(N1, "湛江某公司")]).encode()


@corpus_file("empty.csv")
def _() -> bytes:
    return b""


@corpus_file("header_only.csv")
def _() -> bytes:
    return csv_bytes([H["contracts"]])


@corpus_file("header_only_extra_column.csv")
def _() -> bytes:
    return csv_bytes([["序号", *H["contracts"]]])


@corpus_file("header_and_total_only.csv")
def _() -> bytes:
    return csv_bytes([H["contracts"], ["合计", "", "", "", "", "", "", "0", "0", ""]])


@corpus_file("sep_hint_line.csv")
def _() -> bytes:  # Excel's "sep=," hint on the first line
    return b"sep=,\r\n" + csv_bytes([H["institutions"], institution(N1, "湛江某公司")])


# ---------------------------------------------------------------------------------------------
# Layout: title rows, totals, headers


@corpus_file("title_and_blank_rows.csv")
def _() -> bytes:
    width = len(H["patents"])
    return csv_bytes(
        [
            ["湛江市专利清单（2025年第一季度）", *[""] * (width - 1)],
            ["填报单位：湛江测试大学", "", "", "", "", "", "填报日期：2025-04-01", ""],
            [""] * width,
            H["patents"],
            patent(NEW_UM1, "一种海水养殖网箱"),
            patent(NEW_UM2, "一种虾苗计数装置"),
        ]
    )


@corpus_file("total_row.csv")
def _() -> bytes:
    return csv_bytes(
        [
            H["contracts"],
            contract("HT2025-001", "100"),
            contract("HT2025-002", "1,234.5"),
            ["合计", "", "", "", "", "", "", "1,334.5", "", ""],
            [""] * 10,
        ]
    )


@corpus_file("total_row_lookalike.csv")
def _() -> bytes:  # the product name column comes first; the last product's name begins with 小计
    header = ["产品名称", "备案编号", "企业统一社会信用代码", "备案日期", "关联专利申请号"]
    return csv_bytes(
        [
            header,
            ["智能计量泵", "F10", E1, "2025-02-01", app_no(8)],
            ["小计量泵", "F11", E1, "2025-02-02", app_no(8)],
        ]
    )


@corpus_file("english_headers_shuffled.csv")
def _() -> bytes:
    return csv_bytes(
        [
            ["registered_date", "seller_code", "contract_no", "turnover_10k", "title", "buyer_name", "type"],
            ["2025-03-05", R1, "HT2025-010", "88.5", "海水淡化技术服务", "湛江某水务公司", "技术服务"],
        ]
    )


@corpus_file("header_aliases.csv")
def _() -> bytes:
    return csv_bytes(
        [
            ["专利号", "发明名称", "类型", "申请日期", "授权公告日", "专利权人代码", "区县", "主分类号"],
            [
                NEW_UM1,
                "一种对虾养殖增氧机",
                "实用新型",
                "2024-02-01",
                "2024-08-01",
                E1,
                "廉江市",
                "A01K 63/04",
            ],
        ]
    )


@corpus_file("header_spacing_parens.csv")
def _() -> bytes:  # half-width brackets, spaces and a full-width space inside headers
    header = [" 合同登记号", "合同名称", "合同类型", "卖方统一社会信用代码", "买方名称", "登记日期"]
    header += ["合同成交额 (万元)", "技术交易额（ 万元 ）", "涉及专利　申请号"]
    row = ["HT2025-020", "专利许可合同", "技术许可", U1, "湛江某公司", "2025-05-01", "30", "20", app_no(3)]
    return csv_bytes([header, row])


@corpus_file("ragged_rows.csv")
def _() -> bytes:  # rows shorter and longer than the header (trailing cells lost or added by hand)
    return csv_bytes(
        [
            H["institutions"],
            [N1, "湛江短行有限公司", "企业", "霞山区"],
            [N2, "湛江长行有限公司", "企业", "麻章区", "", "否", "", "多余的备注"],
        ]
    )


# ---------------------------------------------------------------------------------------------
# Numbers and dates as staff write them


@corpus_file("fullwidth_digits_spaces.csv")
def _() -> bytes:
    seller = fullwidth(E1)
    return csv_bytes(
        [
            H["contracts"],
            contract(
                "HT2025-030",
                "　１，２３４．５　",
                date="２０２５年　３月　５日",
                seller=seller,
                tech="１０００",
            ),
        ]
    )


@corpus_file("thousands_separators.csv")
def _() -> bytes:
    return csv_bytes(
        [
            H["contracts"],
            contract("HT2025-040", "1,234.5", tech="1,000"),
            contract("HT2025-041", "12,345,678.9", tech="12,345,678"),
        ]
    )


@corpus_file("amount_suffix_wanyuan.csv")
def _() -> bytes:
    return csv_bytes([H["contracts"], contract("HT2025-050", "15万元")])


@corpus_file("date_formats.csv")
def _() -> bytes:
    return csv_bytes(
        [
            H["events"],
            event("宣讲会甲", "2024/3/5"),
            event("宣讲会乙", "2024.3.6"),
            event("宣讲会丙", "2024年3月7日"),
            event("宣讲会丁", "2024/3/8 0:00"),
        ]
    )


@corpus_file("date_excel_serial.csv")
def _() -> bytes:  # a date column formatted as "General" before saving as CSV
    return csv_bytes([H["events"], event("宣讲会戊", "45356")])


@corpus_file("date_iso_timestamp.csv")
def _() -> bytes:  # exported by another office's system
    return csv_bytes([H["events"], event("宣讲会己", "2024-03-05T10:00:00")])


@corpus_file("date_compact_digits.csv")
def _() -> bytes:
    return csv_bytes([H["events"], event("宣讲会庚", "20240305")])


@corpus_file("bool_variants.csv")
def _() -> bytes:
    return csv_bytes(
        [
            H["institutions"],
            institution(N1, "湛江甲公司", flag="√"),
            institution(N2, "湛江乙公司", flag="×"),
            institution(N3, "湛江丙公司", flag="Y"),
        ]
    )


@corpus_file("quarter_variants.csv")
def _() -> bytes:
    row = ["5", "对接活动场次", "", "场", "3", "", "市市场监管局", ""]
    return csv_bytes(
        [H["indicators"]]
        + [[*row[:2], quarter, *row[3:]] for quarter in ("2025年一季度", "2025-Q2", "2025q3")]
    )


# ---------------------------------------------------------------------------------------------
# Excel workbooks


def contracts_book(title: str = "Sheet1") -> Workbook:
    return sheet_book(
        [
            H["contracts"],
            [
                "HT2025-060",
                "技术开发合同",
                "技术开发",
                E1,
                "湛江某公司",
                "是",
                dt.datetime(2025, 3, 5),
                1234.5,
                1000,
                "",
            ],
        ],
        title,
    )


@corpus_file("xlsx_real_dates.xlsx")
def _() -> bytes:
    book = sheet_book(
        [
            H["contracts"],
            [
                "HT2025-060",
                "甲合同",
                "技术开发",
                E1,
                "湛江某公司",
                "是",
                dt.datetime(2025, 3, 5),
                1234.5,
                1000,
                "",
            ],
            [
                "HT2025-061",
                "乙合同",
                "技术服务",
                E2,
                "湛江某公司",
                "否",
                dt.datetime(2025, 3, 6, 14, 30),
                80,
                None,
                "",
            ],
            [
                "HT2025-062",
                "丙合同",
                "技术咨询",
                R1,
                "湛江某公司",
                "否",
                45723,
                12,
                12,
                "",
            ],  # serial, General
        ]
    )
    for row in book.active.iter_rows(min_row=2, min_col=7, max_col=7):
        row[0].number_format = "yyyy/m/d"
    book.active["G4"].number_format = "General"
    return xlsx_bytes(book)


@corpus_file("xlsx_title_row.xlsx")
def _() -> bytes:
    book = sheet_book([["湛江市技术合同登记表（2025年）"], [], *contracts_book().active.values])
    book.active.merge_cells("A1:J1")
    return xlsx_bytes(book)


@corpus_file("xlsx_renamed.xls")
def _() -> bytes:  # a real .xlsx whose name says .xls
    return xlsx_bytes(contracts_book())


@corpus_file("xlsx_bad_dimension.xlsx")
def _() -> bytes:  # some exporters write <dimension ref="A1"/> whatever the sheet holds
    def patch(name: str, content: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', content)
        return content

    return xlsx_bytes(contracts_book(), patch=patch)


@corpus_file("xlsx_formula_text.xlsx")
def _() -> bytes:
    book = sheet_book([H["institutions"], institution(N1, "placeholder")])
    text_cell(book.active, "B2", '=HYPERLINK("http://example.com","湛江某公司")')
    return xlsx_bytes(book)


@corpus_file("xlsx_error_cell.xlsx")
def _() -> bytes:  # a VLOOKUP that found nothing
    book = contracts_book()
    book.active["H2"] = "#N/A"  # openpyxl stores this as an error cell
    assert book.active["H2"].data_type == "e"
    return xlsx_bytes(book)


def _macro_patch(name: str, content: bytes) -> bytes:
    if name == "[Content_Types].xml":
        content = content.replace(
            b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ).replace(
            b"<Default ",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
            1,
        )
    if name == "xl/_rels/workbook.xml.rels":
        content = content.replace(
            b"</Relationships>",
            b'<Relationship Id="rIdVba" Target="vbaProject.bin" '
            b'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"/></Relationships>',
        )
    return content


def macro_workbook() -> bytes:
    vba = compound_file({"PROJECT": b'ID="{00000000-0000-0000-0000-000000000000}"\r\nModule=Module1\r\n'})
    return xlsx_bytes(contracts_book(), extra={"xl/vbaProject.bin": vba}, patch=_macro_patch)


@corpus_file("macro.xlsm")
def _() -> bytes:
    return macro_workbook()


@corpus_file("macro_inside.xlsx")
def _() -> bytes:  # the same macro workbook renamed .xlsx
    return macro_workbook()


@corpus_file("encrypted.xlsx")
def _() -> bytes:  # "Protect with password": an OLE container holding the encrypted package
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
        b'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>'
    )
    package = struct.pack("<Q", 8192) + pseudo_random(8192, "encrypted package")
    return compound_file({"EncryptionInfo": info, "EncryptedPackage": package})


@corpus_file("old_format.xls")
def _() -> bytes:  # Excel 97-2003: an OLE container with a BIFF8 "Workbook" stream
    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06)
    eof = struct.pack("<HH", 0x000A, 0)
    return compound_file({"Workbook": bof + eof})


@corpus_file("html_table.xls")
def _() -> bytes:  # "export to Excel" of a web system: an HTML table named .xls
    cells = "".join(f"<th>{h}</th>" for h in H["contracts"])
    row = "".join(f"<td>{v}</td>" for v in contract("HT2025-070", "10"))
    return (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head>'
        f"<body><table><tr>{cells}</tr><tr>{row}</tr></table></body></html>"
    ).encode()


@corpus_file("csv_renamed.xlsx")
def _() -> bytes:
    return csv_bytes([H["contracts"], contract("HT2025-071", "10")])


@corpus_file("multi_sheet_pick.xlsx")
def _() -> bytes:  # instructions first, the data second, a summary third
    book = Workbook()
    notes = book.active
    notes.title = "填表说明"
    notes.append(["字段", "填写说明"])
    for header in H["contracts"]:
        notes.append([header, "必填" if "万元" not in header else "单位：万元"])
    data = book.create_sheet("合同登记")
    data.append(H["contracts"])
    data.append(contract("HT2025-080", "60"))
    data.append(contract("HT2025-081", "40"))
    summary = book.create_sheet("汇总")
    summary.append(["合同类型", "合同成交额（万元）"])
    summary.append(["技术开发", 100])
    return xlsx_bytes(book)


def yearly_book() -> Workbook:
    """One sheet per year of contracts."""
    book = Workbook()
    first = book.active
    first.title = "2024年"
    first.append(H["contracts"])
    first.append(contract("HT2024-090", "70", date="2024-06-01"))
    second = book.create_sheet("2025年")
    second.append(H["contracts"])
    second.append(contract("HT2025-090", "90", date="2025-06-01"))
    return book


@corpus_file("multi_sheet_forced.xlsx")
def _() -> bytes:  # the upload names the sheet to load: 2025年
    return xlsx_bytes(yearly_book())


@corpus_file("multi_sheet_missing.xlsx")
def _() -> bytes:  # the upload names a sheet the workbook does not have: 2026年
    return xlsx_bytes(yearly_book())


# ---------------------------------------------------------------------------------------------
# Columns


@corpus_file("column_missing.csv")
def _() -> bytes:
    header = [h for h in H["patents"] if h != "专利名称"]
    return csv_bytes([header, [NEW_UM1, "实用新型", "2024-02-01", "", "", U1, "赤坎区"]])


@corpus_file("column_twice.csv")
def _() -> bytes:
    return csv_bytes([["专利号", *H["patents"]], [NEW_UM1, *patent(NEW_UM1, "一种渔船")]])


@corpus_file("serial_number_only_rows.csv")
def _() -> bytes:  # a template with 序号 filled in advance; only the first row was used
    return csv_bytes(
        [
            ["序号", *H["institutions"]],
            ["1", *institution(N1, "湛江某公司")],
            ["2", *[""] * 6],
            ["3", *[""] * 6],
        ]
    )


# ---------------------------------------------------------------------------------------------
# Values that are wrong


@corpus_file("amount_negative.csv")
def _() -> bytes:
    return csv_bytes([H["contracts"], contract("HT2025-100", "-5")])


@corpus_file("date_future.csv")
def _() -> bytes:
    return csv_bytes([H["contracts"], contract("HT2025-101", "5", date="2099-01-01")])


@corpus_file("date_invalid.csv")
def _() -> bytes:
    return csv_bytes([H["events"], event("宣讲会辛", "2024-02-30")])


@corpus_file("patent_type_unknown.csv")
def _() -> bytes:
    return csv_bytes([H["patents"], patent(NEW_UM1, "一种渔网", kind="软件著作权")])


@corpus_file("measure_out_of_range.csv")
def _() -> bytes:
    row = ["对接活动场次", "2025Q3", "场", "3", "", "市市场监管局", ""]
    return csv_bytes([H["indicators"], ["13", *row], ["0", *row]])


@corpus_file("county_unknown.csv")
def _() -> bytes:
    return csv_bytes([H["events"], event("宣讲会壬", "2024-04-01", county="番禺区")])


@corpus_file("county_by_code_and_short_name.csv")
def _() -> bytes:
    return csv_bytes(
        [
            H["county_rules"],
            ["440803", "是", "2024-06-01", "霞山区实施细则", "霞府办〔2024〕3号"],
            ["遂溪", "否", "", "", ""],
            ["湛江市雷州市", "否", "", "", ""],
        ]
    )


@corpus_file("county_rule_issued_blank.csv")
def _() -> bytes:
    return csv_bytes([H["county_rules"], ["霞山区", "", "2024-06-01", "霞山区实施细则", ""]])


@corpus_file("app_no_check.csv")
def _() -> bytes:
    return csv_bytes([H["patents"], patent(wrong_check(NEW_UM1), "一种渔船")])


@corpus_file("app_no_prefixes.csv")
def _() -> bytes:
    numbers = [make_app_no(2024, "2", n) for n in (103, 104)] + [make_app_no(2024, "1", 107)]
    assert numbers[2].endswith("X")
    wide = make_app_no(2024, "2", 105)
    return csv_bytes(
        [
            H["patents"],
            patent("ZL" + numbers[0], "前缀ZL"),
            patent("CN" + numbers[1], "前缀CN"),
            patent(
                "zl " + numbers[2][:4] + " " + numbers[2][4:8] + " " + numbers[2][8:].lower(),
                "小写与空格",
                kind="发明",
            ),
            patent(fullwidth("ZL" + wide), "全角"),
            patent("ZL98123456.9", "2003年前的8位申请号", kind="发明", filed="1998-05-04"),
        ]
    )


@corpus_file("credit_code_check_warning.csv")
def _() -> bytes:
    return csv_bytes([H["institutions"], institution(wrong_check(N1), "湛江老代码有限公司")])


@corpus_file("credit_code_malformed.csv")
def _() -> bytes:
    return csv_bytes([H["institutions"], institution(N1[:17], "湛江少一位有限公司")])


@corpus_file("credit_code_excel_scientific.csv")
def _() -> bytes:  # an all-digit code that Excel showed as a number before saving
    return csv_bytes([H["institutions"], institution("9.14408E+17", "湛江数字代码有限公司")])


@corpus_file("filing_unknown_patent.csv")
def _() -> bytes:
    return csv_bytes([H["filings"], filing("F20", make_app_no(2020, "1", 424242))])


@corpus_file("contract_unknown_seller.csv")
def _() -> bytes:
    return csv_bytes([H["contracts"], contract("HT2025-110", "5", seller=STRANGER)])


@corpus_file("duplicate_rows.csv")
def _() -> bytes:
    return csv_bytes([H["contracts"], contract("HT2025-120", "5"), contract("HT2025-120", "5")])


@corpus_file("many_errors.csv")
def _() -> bytes:
    return csv_bytes(
        [
            H["patents"],
            patent(make_app_no(2024, "2", 201), "一种网箱", filed="昨天"),
            [*patent(make_app_no(2024, "2", 202), "一种渔具")[:-1], "广州"],
            patent("ZL20241000020", "一种浮标"),
            patent(make_app_no(2024, "2", 204), "一种正确的专利"),
            patent(make_app_no(2024, "2", 205), "", kind="专利"),
        ]
    )


@corpus_file("multiline_cell.csv")
def _() -> bytes:  # a note with a line break: Excel row numbers are records, not text lines
    row = ["对接活动场次", "2025Q3", "场", "3", "", "市市场监管局"]
    return csv_bytes([H["indicators"], ["5", *row, "第一行说明\n第二行说明"], ["13", *row, ""]])


# ---------------------------------------------------------------------------------------------
# What is already in the database


@corpus_file("reupload_identical.csv")
def _() -> bytes:  # the tiny institutions exactly as conftest wrote and loaded them
    return csv_bytes(TINY["institutions"])


@corpus_file("replace_row.csv")
def _() -> bytes:
    rows = [list(row) for row in TINY["contracts"][:3]]  # C1 unchanged, C2's turnover changed
    rows[2][7] = "55"
    return csv_bytes(rows)


@corpus_file("formula_text.csv")
def _() -> bytes:
    return csv_bytes([H["institutions"], institution(N1, '=HYPERLINK("http://example.com","湛江某公司")')])


# ---------------------------------------------------------------------------------------------
# Amounts in 元 (pending feature)


@corpus_file("turnover_in_yuan_header.csv")
def _() -> bytes:
    header = [h.replace("合同成交额（万元）", "合同成交额（元）") for h in H["contracts"]]
    return csv_bytes(
        [header, contract("HT2025-130", "1500000", tech="100"), contract("HT2025-131", "1,234,500")]
    )


@corpus_file("event_amount_in_yuan_header.csv")
def _() -> bytes:
    header = [h.replace("金额（万元）", "金额(元)") for h in H["patent_events"]]
    return csv_bytes([header, [app_no(7), "许可", "2025-04-01", R1, "湛江某公司", "是", "80000", "是"]])


@corpus_file("amount_suffix_yuan.csv")
def _() -> bytes:
    return csv_bytes([H["contracts"], contract("HT2025-140", "150000元")])


@corpus_file("indicator_value_yuan_unit.csv")
def _() -> bytes:  # an indicator counted in 元: its unit is in the 单位 column, the value is not in 万元
    return csv_bytes(
        [H["indicators"], ["12", "单笔最小质押融资额", "2025Q3", "元", "3000元", "", "市金融工作局", ""]]
    )


def build() -> dict[str, bytes]:
    """Every corpus file's name and bytes."""
    return {name: make() for name, make in FILES.items()}


def main() -> None:
    for name, data in build().items():
        (HERE / name).write_bytes(data)
        print(f"{len(data):6d}  {name}")


if __name__ == "__main__":
    main()
