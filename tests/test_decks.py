"""Saved briefing decks, and the schema step that adds their table to an older database."""

from __future__ import annotations

import pytest

from data_layer import schema
from data_layer.db import Database
from data_layer.decks import DeckRefused, delete_deck, save_deck, saved_decks

KNOWN = {"kpis", "kpi.K1", "counties"}


def test_a_deck_is_saved_replaced_and_deleted(fresh_db):
    save_deck(fresh_db, " 县区汇报 ", ["counties", "kpis"], user="li", known=KNOWN)
    save_deck(fresh_db, "总览", ["kpis"], user="li", known=KNOWN)
    assert [(d.name, d.slides, d.saved_by) for d in saved_decks(fresh_db)] == [
        ("县区汇报", ["counties", "kpis"], "li"),
        ("总览", ["kpis"], "li"),
    ]
    save_deck(fresh_db, "县区汇报", ["kpi.K1"], user="wang", known=KNOWN)
    assert saved_decks(fresh_db)[0].slides == ["kpi.K1"]
    delete_deck(fresh_db, "县区汇报")
    assert [d.name for d in saved_decks(fresh_db)] == ["总览"]


@pytest.mark.parametrize(
    ("name", "slides", "code"),
    [
        ("  ", ["kpis"], "name_empty"),
        ("长" * 41, ["kpis"], "name_too_long"),
        ("空", [], "no_slides"),
        ("未知", ["kpis", "drop table"], "unknown_slide"),
    ],
)
def test_a_deck_that_cannot_be_saved_says_why_and_writes_nothing(fresh_db, name, slides, code):
    with pytest.raises(DeckRefused) as refused:
        save_deck(fresh_db, name, slides, user="li", known=KNOWN)
    assert refused.value.code == code
    assert saved_decks(fresh_db) == []


def test_a_version_1_database_gains_the_decks_table(tmp_path):
    path = tmp_path / "old.duckdb"
    db = Database(path)
    with db.transaction() as cur:
        cur.execute("DROP TABLE decks")
        cur.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.close()
    upgraded = Database(path)
    try:
        assert schema.schema_version(upgraded._con) == schema.SCHEMA_VERSION
        save_deck(upgraded, "升级后", ["kpis"], user="li", known=KNOWN)
        assert [d.name for d in saved_decks(upgraded)] == ["升级后"]
    finally:
        upgraded.close()
