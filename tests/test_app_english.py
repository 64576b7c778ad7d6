"""The English view: every page leaders read, rendered with AppTest, shows no Chinese text but
proper names, i.e. what the data records as a name or title (institutions, holders, buyers and
counterparties, products, documents, events) and the text staff report per indicator.

The allowlist is read from the database the app runs on, not typed here, so any Chinese the
code itself writes (a label, a unit such as 万元, a separator such as ｜ or （）) fails the test.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from data_layer import trends
from data_layer.i18n import t
from data_layer.scope import Scope
from ui import slides

from .apptest import open_app
from .conftest import U1

# CJK ideographs and radicals, CJK punctuation (、。《》〔〕), full-width forms (：｜（）).
CJK = re.compile(r"[\u2e80-\u303f\u3200-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")
# Text a proto carries that no reader sees: element and widget ids, and chart data only
# hover templates point at (customdata holds adcodes and credit codes, ids the traces' keys).
HIDDEN_KEYS = {"id", "formId", "customdata", "ids", "uid", "meta", "legendgroup"}
# Names and titles as the data records them, and the language picker's own name for Chinese.
NAME_COLUMNS = {
    "institutions": ["name"],
    "patents": ["title"],
    "patent_events": ["counterparty"],
    "filings": ["product_name"],
    "contracts": ["title", "buyer_name"],
    "events": ["title"],
    "county_rules": ["title", "doc_no"],
    "targets": ["source"],
    # Indicators are reported in Chinese by the departments: the name, department and note.
    "indicators": ["indicator", "department", "note"],
}
PAGES = {
    "overview": (None, {}),
    "overview, one county": (None, {"county": "440881", "period": "2025"}),
    "measures": ("views/measures.py", {}),
    "measure 1": ("views/measures.py", {"measure": "1"}),
    "measure 12": ("views/measures.py", {"measure": "12"}),
    "institutions": ("views/institutions.py", {}),
    "one institution": ("views/institutions.py", {"inst": U1}),
    "counties": ("views/counties.py", {}),
    "one county": ("views/counties.py", {"county_detail": "440881"}),
    "counties, per 10k people": ("views/counties.py", {"county_metric": "per_10k"}),
    "filings": ("views/filings.py", {}),
    "filings of an industry": ("views/filings.py", {"industry": "家电"}),
    "contracts of a type": ("views/filings.py", {"contract_type": "license"}),
    "briefing": ("views/briefing.py", {}),
    "method": ("views/method.py", {}),
}


def proper_names(db) -> list[str]:
    """Every name and title the data holds, longest first (a longer name may contain a shorter).

    ``db`` is the session's tiny database: the app under test runs on a copy of it.
    """
    names = {"中文"}
    for table, columns in NAME_COLUMNS.items():
        for column in columns:
            rows = db.rows(f"select distinct {column} from {table} where {column} is not null")
            names |= {value for (value,) in rows if value.strip()}
    return sorted(names, key=len, reverse=True)


def _strings(value, key: str = ""):
    """The strings inside a proto's dict, parsing the JSON it embeds (chart specs, column config)."""
    if key in HIDDEN_KEYS:
        return
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)
    elif isinstance(value, str):
        if value[:1] in "{[":
            try:
                yield from _strings(json.loads(value), key)
                return
            except ValueError:
                pass
        yield value


def _nodes(node):
    if getattr(node, "proto", None) is not None:
        yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def visible_text(at: AppTest) -> list[str]:
    """Every string the page shows: elements, widget labels and options, help, tables, charts."""
    found = []
    for node in _nodes(at._tree):
        if node.type == "html":  # the page's <style>: not text
            continue
        found += list(_strings(MessageToDict(node.proto)))
        if node.type in ("dataframe", "arrow_data_frame", "table"):
            frame = node.value
            found += [str(c) for c in frame.columns]
            found += [str(v) for v in frame.to_numpy().ravel() if isinstance(v, str)]
    return [html.unescape(s) for s in found]


def chinese_left(texts: list[str], names: list[str]) -> list[str]:
    """The strings that still hold CJK once every proper name is taken out."""
    left = []
    for text in texts:
        stripped = text
        for name in names:
            stripped = stripped.replace(name, "")
        if CJK.search(stripped):
            left.append(text)
    return sorted(set(left))


def open_english(page: str | None, query: dict) -> AppTest:
    return open_app(page, {**query, "lang": "en"})


@pytest.mark.parametrize("label", list(PAGES))
def test_english_pages_show_no_chinese_but_names(app_env, tiny_db, label):
    page, query = PAGES[label]
    at = open_english(page, query)
    assert at.session_state["lang"] == "en"
    assert not chinese_left(visible_text(at), proper_names(tiny_db))


def test_every_presented_slide_in_english_shows_no_chinese_but_names(app_env, tiny_db):
    names = proper_names(tiny_db)
    for number in range(1, len(slides.default_deck()) + 1):
        at = open_english("views/briefing.py", {"present": "1", "slide": str(number)})
        assert not chinese_left(visible_text(at), names), slides.default_deck()[number - 1]


@pytest.mark.parametrize("slide_id", slides.catalogue())
def test_every_english_slide_and_its_numbers_show_no_chinese_but_names(tiny_db, slide_id):
    """What the deck file and the image exports carry: title, message, chart and the numbers table."""
    scope = Scope(as_of=dt.date(2026, 6, 30))
    slide = slides.build(tiny_db, scope, slide_id, "en", trends.data_as_of(tiny_db))
    numbers = slide.numbers
    texts = [slide.title, slide.message, slide.period, slide.source, *map(str, numbers.columns)]
    texts += [v for v in numbers.to_numpy().ravel() if isinstance(v, str)]
    texts += list(_strings(slide.figure.to_plotly_json()))
    assert not chinese_left(texts, proper_names(tiny_db))


def test_the_check_sees_chinese_where_there_is_some(app_env, tiny_db):
    """The check itself: it finds the Chinese page's words, table cells and chart text, and the
    allowlist is what lets an English page with names pass."""
    names = proper_names(tiny_db)
    assert "湛江测试大学" in names and "《廉江市专利转化运用专项行动实施细则》" in names
    chinese = open_app("views/institutions.py")
    assert t("ui.institutions.title", "zh") in chinese_left(visible_text(chinese), names)
    english = visible_text(open_english("views/institutions.py", {}))
    assert any("湛江测试大学" in s for s in chinese_left(english, []))  # table cells are read
    assert not chinese_left(english, names)
    overview = " ".join(visible_text(open_english(None, {})))
    assert t("ui.chart.target", "en") in overview  # chart specs are read
    assert chinese_left(["Turnover（10k yuan）", "Data | 数据截至"], names)  # punctuation and words


def test_english_institution_pages_say_names_stay_chinese(app_env):
    note = t("ui.institutions.names_in_chinese", "en")
    assert not CJK.search(note)
    english = open_english("views/institutions.py", {})
    assert sum(note in c.value for c in english.caption) == 1
    chinese = open_app("views/institutions.py")
    assert not any(note in c.value for c in chinese.caption)
