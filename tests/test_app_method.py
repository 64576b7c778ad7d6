"""The 指标说明 page: every figure defined, with its source, in both languages, even with no data."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from data_layer.i18n import t
from ui.method_view import SECTIONS

from .conftest import ROOT


def method_page(lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("views/method.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_has_a_definition_and_a_source(tiny_file, tmp_path, monkeypatch, lang):
    path = tmp_path / "method.duckdb"
    shutil.copy(tiny_file, path)  # the session's tiny_db holds tiny_file open
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(path))
    monkeypatch.setenv("DASHBOARD_LANGUAGE", lang)
    at = method_page(lang)
    assert at.title[0].value == t("ui.method.title", lang)
    text = "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)
    for _, entries in SECTIONS:
        for entry in entries:
            source = t(f"ui.method.source.{entry}", lang)
            assert t("ui.method.source", lang, source=source) in text, entry
    assert t("ui.method.caveat.K4", lang) in text  # the proxy is not the national survey's rate


def test_the_page_needs_no_data(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB_PATH", str(tmp_path / "none.duckdb"))
    monkeypatch.setenv("DASHBOARD_SAMPLE_DIR", str(tmp_path / "no-samples"))
    (tmp_path / "no-samples").mkdir()
    at = method_page("zh")
    assert at.title[0].value == "指标说明"
