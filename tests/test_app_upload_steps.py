"""The upload page's steps for other systems' files under AppTest: the column mapping and the
names no institution answers to (AppTest cannot upload a file, so each step runs alone)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from data_layer.db import Database

from .conftest import U1


def _mapping_script():
    import csv
    import io

    import streamlit as st

    from ui import mapping_view

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["编号", "项目", "类别", "卖方单位", "买方单位", "签订日期", "金额（万元）"])
    for i in range(3):
        writer.writerow(
            [f"HT{i}", f"合同{i}", "技术服务", "湛江测试大学", "某公司", f"2025-0{i + 1}-01", "10"]
        )
    applied = mapping_view.mapping_step(
        out.getvalue().encode(), "digest-1", "台账.csv", "contracts", None, None, "li", "zh"
    )
    if applied is not None:
        st.session_state["applied"] = applied


def _names_script():
    import streamlit as st

    from data_layer.parties import Unmatched
    from ui import mapping_view

    unmatched = [
        Unmatched("湛江测试学院", "holder_names", 3, 1, "university", "440802", False),
        Unmatched("湛江新创海洋科技有限公司", "holder_names", 4, 2, "enterprise", "440811", False),
        Unmatched("广州某某科技有限公司", "holder_names", 5, 1, "enterprise", None, True),
    ]
    st.session_state["done"] = mapping_view.names_step(unmatched, "li", "zh")


def test_mapping_step_suggests_from_values_and_saves_a_profile(app_env):
    at = AppTest.from_function(_mapping_script, default_timeout=60).run()
    assert not at.exception
    assert at.selectbox(key="upload.mapping.field.registered_date").value == ("column", "签订日期")
    assert at.selectbox(key="upload.mapping.field.contract_no").value == ("", "")
    for field, header in (
        ("contract_no", "编号"),
        ("title", "项目"),
        ("seller_name", "卖方单位"),
        ("buyer_name", "买方单位"),
        ("turnover_10k", "金额（万元）"),
    ):
        at.selectbox(key=f"upload.mapping.field.{field}").set_value(("column", header))
    at.selectbox(key="upload.mapping.field.buyer_local").set_value(("constant", "否"))
    at.text_input(key="upload.mapping.save_as").input("县台账")
    at.button[0].click().run()
    assert not at.exception
    applied = at.session_state["applied"]
    assert applied.name == "县台账" and applied.columns["contract_no"] == "编号"
    assert applied.constants == {"buyer_local": "否"}
    db = Database(app_env)
    try:
        assert db.rows("SELECT name, kind, saved_by FROM source_profiles") == [("县台账", "contracts", "li")]
    finally:
        db.close()


def test_names_step_picks_creates_and_leaves_untracked(app_env):
    at = AppTest.from_function(_names_script, default_timeout=60).run()
    assert not at.exception
    # Suggestions: create the two placed in the city, leave the outside company untracked.
    frame = at.dataframe[0].value
    assert list(frame["处理"]) == ["新建单位", "新建单位", "不纳入统计"]
    assert list(frame["单位类型"]) == ["高校", "企业", "企业"]
    at.button(key="upload.names.apply").click().run()
    assert not at.exception and at.session_state["done"] is True
    db = Database(app_env)
    try:
        created = db.rows(
            "SELECT name, kind, county FROM institutions WHERE credit_code LIKE 'NC-%' ORDER BY 1"
        )
        aliases = dict(db.rows("SELECT alias, credit_code FROM party_aliases"))
    finally:
        db.close()
    assert created == [
        ("湛江新创海洋科技有限公司", "enterprise", "440811"),
        ("湛江测试学院", "university", "440802"),
    ]
    assert aliases["广州某某科技有限公司"] is None
    assert aliases["湛江测试学院"].startswith("NC-")
    assert U1 not in aliases.values()
