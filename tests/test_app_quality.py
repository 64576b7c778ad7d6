"""The data quality page (staff) under AppTest, with and without gaps, and the overview's line."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from data_layer.db import Database

from .apptest import open_app, open_as_staff
from .conftest import ROOT
from .test_quality import every_measure_reported


@pytest.fixture
def quality_env(app_env, monkeypatch):
    monkeypatch.setenv("DASHBOARD_AS_OF", "2026-12-31")  # 2026: F1, F2 and F4 have no output yet
    return app_env


def texts(at: AppTest) -> str:
    return " ".join(e.value for e in [*at.caption, *at.markdown, *at.info])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_lists_each_check_and_the_records_of_the_first_gap(quality_env, lang):
    at = open_as_staff("views/quality.py", {"lang": lang})
    assert at.title[0].value == ("数据质量" if lang == "zh" else "Data quality")
    checks = at.dataframe[0].value
    assert len(checks) == 7
    # The first check with a gap is chosen, and its records are the count the table gives.
    assert at.selectbox(key="quality.check").value == "indicators_unreported"
    shown = at.dataframe[1].value
    assert len(shown) == 12  # nobody reported 2026Q4: the two reported indicators, ten measures
    assert ("12 项" if lang == "zh" else "12 indicators") in checks.iloc[0, 1]
    assert at.query_params["check"] == "indicators_unreported"
    sources = at.dataframe[-1].value
    assert len(sources) == 7 and sources.iloc[:, 4].tolist()[0] == "institutions.csv"


def test_the_url_opens_a_checks_records(quality_env):
    at = open_as_staff("views/quality.py", {"check": "filings_no_output"})
    assert at.selectbox(key="quality.check").value == "filings_no_output"
    records = at.dataframe[1].value
    assert list(records["备案号"]) == ["F1", "F2", "F4"]
    assert any("上传“专利产品备案”文件" in c.value for c in at.caption)


def test_choosing_a_check_without_records_says_so(quality_env):
    at = open_as_staff("views/quality.py")
    at.selectbox(key="quality.check").set_value("credit_code_warning").run()
    assert not at.exception
    assert [i.value for i in at.info] == ["这一项没有发现问题。"]
    assert at.query_params["check"] == "credit_code_warning"


def test_without_gaps_the_page_and_the_overview_say_so(app_env, tmp_path):
    db = Database(app_env)
    every_measure_reported(db, tmp_path)
    db.close()
    at = open_as_staff("views/quality.py", {"period": "2025"})
    assert at.selectbox(key="quality.check").value == "indicators_unreported"
    assert [i.value for i in at.info] == ["这一项没有发现问题。"]
    overview = open_app(query={"period": "2025"})
    assert "数据质量：7 项检查均未发现影响指标的缺漏。" in texts(overview)


def test_the_overview_names_the_gaps_for_every_reader(quality_env):
    line = next(c.value for c in open_app().caption if c.value.startswith("数据质量"))
    assert "7 项检查中 2 项" in line and "上季度未报指标 12 项" in line and "备案产品缺上年产值 3 件" in line


def test_the_page_is_not_offered_to_viewers(quality_env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/quality.py")


def test_the_english_page_writes_no_chinese_of_its_own(quality_env):
    at = open_as_staff("views/quality.py", {"lang": "en"})
    ours = [
        *(c.value for c in at.main.caption),
        *(s.value for s in at.subheader),
        *at.dataframe[0].value.to_numpy().ravel().tolist(),
        *at.dataframe[1].value.columns,
        *at.dataframe[-1].value.columns,
    ]
    chinese = [text for text in ours if re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", str(text))]
    assert chinese == []
