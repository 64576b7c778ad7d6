"""The translation table: both languages everywhere, and every key the code uses exists."""

from __future__ import annotations

import ast
import re

from data_layer import i18n, regions
from data_layer.models import KINDS

from .conftest import ROOT


def test_every_entry_has_chinese_and_english():
    # The place's words ({place}, {division} …) come from the pack; each language uses its own.
    place = set(i18n.place_words(regions.current(), "zh")) | set(i18n.place_words(regions.current(), "en"))
    for key, (zh, en) in i18n.TEXT.items():
        assert zh.strip() and en.strip(), key
        # Chinese characters, or Chinese punctuation for a separator such as 、
        chinese = i18n.t(key, "zh")  # with the place's words: 区县 may be all a heading says
        assert re.search(r"[\u4e00-\u9fff\u3000-\u303f]", chinese), f"{key}: Chinese text expected"
        assert set(re.findall(r"{(\w+)}", zh)) - place == set(re.findall(r"{(\w+)}", en)) - place, key


def test_place_words_are_the_same_in_both_languages_and_in_every_pack():
    keys = {
        frozenset(i18n.place_words(regions.pack(name), lang))
        for name in regions.names()
        for lang in ("zh", "en")
    }
    assert len(keys) == 1


def test_every_key_used_in_code_exists():
    sources = [
        *ROOT.glob("*.py"),
        *ROOT.glob("views/*.py"),
        *ROOT.glob("ui/*.py"),
        *ROOT.glob("data_layer/*.py"),
    ]
    used = set()
    for path in sources:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_.0-9A-Z]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no t() calls found: the scan is broken"
    assert sorted(used - set(i18n.TEXT)) == []


def test_every_reason_code_the_models_raise_has_a_sentence():
    codes = set()
    for path in ROOT.glob("data_layer/*.py"):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'PydanticCustomError\("(\w+)"', text))
        codes |= set(re.findall(r'ValueError\("(\w+)"\)', text))
        codes |= set(re.findall(r'UnreadableFile\("(\w+)"\)', text))
    codes |= {rule.reason for model in KINDS.values() for rule in model.rules}
    assert {"date_format", "app_no_check", "grant_before_filing", "xlsx_macro"} <= codes
    assert sorted(c for c in codes if f"reason.{c}" not in i18n.TEXT) == []
    assert KINDS  # the models module imported cleanly


def test_unknown_reason_falls_back_and_values_are_formatted():
    assert i18n.reason("no_such_code", "en") == "invalid value"
    assert i18n.reason("duplicate_in_file", "zh", value=7) == "与文件中第 7 行重复"


def test_every_account_error_has_a_sentence():
    text = "".join(p.read_text(encoding="utf-8") for p in ROOT.glob("data_layer/*.py"))
    codes = set(re.findall(r'AccountError\("(\w+)"\)', text))
    assert {"login_failed", "login_wait", "password_short"} <= codes
    assert sorted(c for c in codes if f"account.{c}" not in i18n.TEXT) == []


def test_every_undo_refusal_has_a_sentence():
    text = (ROOT / "data_layer" / "batches.py").read_text(encoding="utf-8")
    codes = set(re.findall(r'UndoRefused\("(\w+)"\)', text))
    assert len(codes) == 5
    assert sorted(c for c in codes if f"undo.{c}" not in i18n.TEXT) == []


def test_every_derivation_and_mapping_rule_has_a_sentence():
    """Their keys are built (f"reason.derived_{rule}", f"ui.mapping.rule.{rule}"), so the scan of
    t() calls cannot see them: list them from the code."""
    from data_layer.mapping import DERIVED
    from data_layer.models import LEGAL_STATUSES

    tree = ast.parse((ROOT / "data_layer" / "derive.py").read_text(encoding="utf-8"))
    position = {"Derived": 1, "_update": 2, "_from_lookup": 4}  # where each call takes the rule
    rules = {
        node.args[position[node.func.id]].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in position
        and isinstance(node.args[position[node.func.id]], ast.Constant)
    }
    rules |= {"grant_from_publication", "grant_from_filing", "grant_dropped", "lapse_today", "lapse_dropped"}
    rules |= {f"status_{code}" for code in LEGAL_STATUSES.values()}
    assert {"type_from_app_no", "local_unknown", "county_from_address", "intensive_assumed"} <= rules
    assert sorted(r for r in rules if f"reason.derived_{r}" not in i18n.TEXT) == []
    mapped = {rule for fields in DERIVED.values() for rule in fields.values()}
    assert sorted(r for r in mapped if f"ui.mapping.rule.{r}" not in i18n.TEXT) == []
