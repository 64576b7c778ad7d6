"""Source profiles, the mapping step's proposals, vocabularies and party names (data layer)."""

from __future__ import annotations

import csv
import io

import pytest

from data_layer import profiles, vocabularies
from data_layer.ingest import ImportRejected, import_bytes
from data_layer.mapping import constant_options, propose, sample_of, to_profile
from data_layer.parties import normalize_name, suggest_kind
from data_layer.values import parse_date

from .conftest import U1

LEDGER = ["编号", "项目", "类别", "卖方单位", "买方单位", "签订日期", "金额（万元）"]


def ledger(rows: int = 3, prefix: str = "HT") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(LEDGER)
    for i in range(rows):
        writer.writerow(
            [f"{prefix}{i}", f"合同{i}", "技术服务", "湛江测试大学", "某公司", f"2025-0{i + 1}-01", "10"]
        )
    return out.getvalue().encode()


def test_every_builtin_profile_is_valid_and_named_in_both_languages():
    builtins = profiles.builtin_profiles()
    assert len(builtins) == 8
    assert all(p.label_zh and p.label_en and p.signature for p in builtins)
    assert len({p.name for p in builtins}) == len(builtins)


def test_a_profile_must_name_real_fields():
    with pytest.raises(ValueError):
        profiles.Profile(name="x", kind="contracts", columns={"no_such_field": "编号"})
    with pytest.raises(ValueError):
        profiles.Profile(name="x", kind="contracts", columns={"title": "项目"}, constants={"title": "合同"})


def test_proposal_suggests_columns_from_their_values():
    header, sample = sample_of(ledger(), "台账.csv", "contracts", None, frozenset())
    choices = {c.field: c for c in propose("contracts", header, sample)}
    assert (choices["registered_date"].column, choices["registered_date"].suggested_by) == (
        "签订日期",
        "values",
    )
    assert choices["contract_type"].column == "类别"
    assert choices["contract_no"].column is None  # text fits anything: never guessed
    assert choices["buyer_local"].derived == "local_from_region"
    assert "技术服务" in constant_options("contracts", "contract_type")


def test_a_saved_mapping_applies_to_files_with_the_same_headers(fresh_db):
    with pytest.raises(ImportRejected) as refused:
        import_bytes(fresh_db, ledger(), "台账.csv", "contracts", user="t")
    assert "column_missing" in {p.reason for p in refused.value.problems}
    chosen = {
        "contract_no": ("column", "编号"),
        "title": ("column", "项目"),
        "contract_type": ("column", "类别"),
        "seller_name": ("column", "卖方单位"),
        "buyer_name": ("column", "买方单位"),
        "registered_date": ("column", "签订日期"),
        "turnover_10k": ("column", "金额（万元）"),
        "buyer_local": ("constant", "否"),
    }
    profiles.save(fresh_db, to_profile("contracts", "县台账", LEDGER, chosen), "li")
    result = import_bytes(fresh_db, ledger(prefix="A"), "台账2.csv", "contracts", user="t")
    assert result.detected["profile"] == "县台账" and result.rows_new == 3
    assert fresh_db.rows(
        "SELECT DISTINCT seller_code, buyer_local FROM contracts WHERE contract_no LIKE 'A%'"
    ) == [(U1, False)]
    # Another header set is not this profile's file.
    assert profiles.recognize(profiles.all_profiles(fresh_db), "contracts", [*LEDGER, "备注"]) is None


def test_profiles_export_and_import_between_offices(fresh_db, empty_db):
    made = to_profile("contracts", "县台账", LEDGER, {"contract_no": ("column", "编号")})
    profiles.save(fresh_db, made, "li")
    data = profiles.export_json(profiles.saved_profiles(fresh_db))
    assert [p.name for p in profiles.import_json(empty_db, data, "wang")] == ["县台账"]
    assert profiles.saved_profiles(empty_db) == profiles.saved_profiles(fresh_db)
    with pytest.raises(profiles.ProfileError) as bad:
        profiles.import_json(empty_db, b'{"format": "other"}', "wang")
    assert bad.value.code == "file_invalid" and "配置" in bad.value.message("zh")
    with pytest.raises(profiles.ProfileError) as taken:
        profiles.save(empty_db, made.model_copy(update={"name": "incopat"}), "wang")
    assert taken.value.code == "builtin_name"


def test_vocabularies_read_export_words():
    assert vocabularies.lookup("contract_type", "技术开发（委托）") == "development"
    assert vocabularies.lookup("contract_type", "技术开发（其他）") == "development"  # sub-type dropped
    assert vocabularies.lookup("legal_status", "未缴年费") == "lapsed"
    assert vocabularies.lookup("bool", "已认定") == "true"
    assert vocabularies.lookup("patent_type", "外星专利") is None


def test_an_office_extends_a_vocabulary_with_its_own_file(tmp_path, monkeypatch):
    extra = tmp_path / "words.toml"
    extra.write_text('[legal_status]\n"权利维持中" = "valid"\n', encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_VOCABULARY_FILE", str(extra))
    assert vocabularies.lookup("legal_status", "权利维持中") == "valid"
    assert vocabularies.lookup("legal_status", "有效") == "valid"  # the bundled words stay


def test_an_unknown_word_names_the_allowed_values(fresh_db):
    rows = "申请号,专利名称,专利类型,申请日,专利权人统一社会信用代码\n"
    rows += f"202320000099.8,测试,外星专利,2023-01-01,{U1}\n"
    with pytest.raises(ImportRejected) as refused:
        import_bytes(fresh_db, rows.encode(), "p.csv", "patents", user="t")
    problem = next(p for p in refused.value.problems if p.reason == "enum_unknown")
    assert "发明、实用新型、外观设计" in problem.message("zh")


@pytest.mark.parametrize(
    ("text", "iso"), [("20230415", "2023-04-15"), ("2023.04.15", "2023-04-15"), ("2023-4-5", "2023-04-05")]
)
def test_export_dates(text, iso):
    assert parse_date(text).isoformat() == iso


@pytest.mark.parametrize(("text", "reason"), [("20231341", "date_invalid"), ("18000101", "date_format")])
def test_eight_digits_must_be_a_real_date_in_range(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_date(text)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("廉江测试电器有限责任公司", "廉江测试电器有限公司"),
        ("湛江港（集团）股份有限公司", "湛江港集团有限公司"),
        ("　湛江测试大学 ", "湛江测试大学"),
        ("ＡＢＣ科技有限公司", "abc科技有限公司"),
    ],
)
def test_names_that_are_one_institution(a, b):
    assert normalize_name(a) == normalize_name(b)


def test_different_names_stay_apart():
    assert normalize_name("湛江测试大学") != normalize_name("湛江测试学院")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("湛江测试大学", "university"),
        ("某某研究院", "research_institute"),
        ("张伟", "individual"),
        ("某某科技有限公司", "enterprise"),
    ],
)
def test_kind_suggested_from_the_name(name, kind):
    assert suggest_kind(name) == kind


def test_a_name_two_institutions_share_is_asked_with_both_named(fresh_db):
    from data_layer.identifiers import make_app_no, make_credit_code

    other = make_credit_code("91440881MA0000777")
    institutions = (
        f"统一社会信用代码,单位名称,单位类型,所在区县\n{other},廉江测试电器有限责任公司,企业,廉江市\n"
    )
    import_bytes(fresh_db, institutions.encode(), "i.csv", "institutions", user="t")
    number = make_app_no(2023, "2", 99)
    patents = f"申请号,专利名称,申请日,专利权人\n{number},测试,2023-01-01,廉江测试电器有限公司\n"
    with pytest.raises(ImportRejected) as refused:
        import_bytes(fresh_db, patents.encode(), "p.csv", "patents", user="t")
    (unmatched,) = refused.value.unmatched
    assert sorted(code for code, _ in unmatched.candidates) == sorted([other, "91440881MA0000003Y"])


def test_an_institutions_own_name_cannot_be_made_to_mean_another(fresh_db):
    from data_layer.parties import AliasError, add_alias

    with pytest.raises(AliasError) as refused:
        add_alias(fresh_db, "湛江测试大学", None, "li")
    assert refused.value.code == "is_institution" and "湛江测试大学" in refused.value.message("zh")
    add_alias(fresh_db, "湛江测试大学", U1, "li")  # the same institution: harmless
    add_alias(fresh_db, "湛江测试学院", U1, "li")  # a former name
    assert fresh_db.scalar("SELECT credit_code FROM party_aliases WHERE alias = '湛江测试学院'") == U1


def test_deleting_a_profile_refuses_built_ins_and_unknown_names(fresh_db):
    with pytest.raises(profiles.ProfileError) as builtin:
        profiles.delete(fresh_db, "incopat")
    assert builtin.value.code == "builtin_delete"
    with pytest.raises(profiles.ProfileError) as unknown:
        profiles.delete(fresh_db, "没有这个")
    assert unknown.value.code == "unknown"
