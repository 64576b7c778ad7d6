"""Schema version and in-place upgrades."""

from __future__ import annotations

import pytest

from data_layer import schema
from data_layer.db import Database
from data_layer.tables import SPECS


def test_new_database_has_latest_version_and_reference_data(empty_db):
    assert schema.schema_version(empty_db._con) == schema.SCHEMA_VERSION
    assert empty_db.scalar("SELECT count(*) FROM counties") == 9
    assert empty_db.scalar("SELECT count(*) FROM measures") == 12
    assert empty_db.scalar("SELECT sum(population_10k) FROM counties") > 600


def test_upgrade_in_place_keeps_data(fresh_db, monkeypatch):
    path = fresh_db.path
    patents = fresh_db.scalar("SELECT count(*) FROM patents")
    fresh_db.close()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setitem(
        schema.MIGRATIONS, schema.SCHEMA_VERSION, ["ALTER TABLE patents ADD COLUMN abstract VARCHAR"]
    )
    upgraded = Database(path)
    assert schema.schema_version(upgraded._con) == schema.SCHEMA_VERSION
    assert upgraded.scalar("SELECT count(*) FROM patents") == patents
    assert upgraded.scalar("SELECT count(abstract) FROM patents") == 0
    upgraded.close()


def test_failed_upgrade_leaves_database_as_it_was(fresh_db, monkeypatch):
    path = fresh_db.path
    version = schema.SCHEMA_VERSION
    fresh_db.close()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", version + 1)
    monkeypatch.setitem(
        schema.MIGRATIONS,
        version + 1,
        ["ALTER TABLE patents ADD COLUMN abstract VARCHAR", "SELECT nonsense()"],
    )
    with pytest.raises(Exception, match="nonsense"):
        Database(path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", version)
    again = Database(path)
    assert schema.schema_version(again._con) == version
    assert "abstract" not in [r[0] for r in again.rows("DESCRIBE patents")]
    again.close()


def test_newer_database_is_refused(fresh_db, monkeypatch):
    path = fresh_db.path
    fresh_db.close()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 0)
    with pytest.raises(RuntimeError, match="newer than this program"):
        Database(path)


def test_version_2_database_gains_what_exports_need(fresh_db):
    """A database of the previous version: new columns (contracts' involves_patent filled from
    their linked patents), the alias and profile tables; undo still restores replaced rows."""
    path = fresh_db.path
    with fresh_db.transaction() as cur:
        for prefix in ("", "history_"):
            for table, column in (
                ("patents", "legal_status"),
                ("patent_events", "record_no"),
                ("patent_events", "license_kind"),
                ("patent_events", "end_date"),
                ("contracts", "ip_type"),
                ("contracts", "buyer_region"),
                ("contracts", "involves_patent"),
            ):
                cur.execute(f"ALTER TABLE {prefix}{table} DROP COLUMN {column}")
        cur.execute("DROP TABLE party_aliases")
        cur.execute("DROP TABLE source_profiles")
        cur.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    fresh_db.close()
    upgraded = Database(path)
    try:
        assert schema.schema_version(upgraded._con) == schema.SCHEMA_VERSION
        involved = upgraded.rows("SELECT contract_no, involves_patent FROM contracts ORDER BY 1")
        assert involved == [("C1", True), ("C2", False), ("C3", True), ("C4", True), ("C5", True)]
        assert upgraded.scalar("SELECT count(*) FROM party_aliases") == 0
        assert upgraded.scalar("SELECT count(*) FROM source_profiles") == 0
    finally:
        upgraded.close()


def _key_indexes(db: Database) -> list[str]:
    """Tables that imports write and that carry a PRIMARY KEY or UNIQUE index."""
    return [
        table
        for (table,) in db.rows(
            """SELECT DISTINCT table_name FROM duckdb_constraints()
               WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')"""
        )
        if table in schema.HISTORY_TABLES
    ]


def test_imported_tables_carry_no_key_index(fresh_db):
    """A key index makes the commit of a large delete (an undo, a re-import) stall every reader
    until DuckDB has removed the deleted rows from it: 15-25 s for 300,000 patents."""
    assert _key_indexes(fresh_db) == []
    columns = {
        (r[0], r[1])
        for r in fresh_db.rows("SELECT table_name, column_name FROM duckdb_columns() WHERE NOT is_nullable")
    }
    for kind, spec in SPECS.items():
        for table, key in ((spec.table, spec.key), *((c.table, c.key) for c in spec.children)):
            assert {(table, column) for column in key} <= columns, (kind, table)


def test_version_4_database_loses_its_key_indexes_and_keeps_its_rows(fresh_db):
    path = fresh_db.path
    with fresh_db.transaction() as cur:
        for spec in SPECS.values():
            for table, key in ((spec.table, spec.key), *((c.table, c.key) for c in spec.children)):
                cur.execute(f"ALTER TABLE {table} ADD PRIMARY KEY ({', '.join(key)})")
        cur.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    before = {t: fresh_db.rows(f"SELECT * FROM {t} ORDER BY ALL") for t in schema.HISTORY_TABLES}
    assert _key_indexes(fresh_db)  # the version-4 shape
    fresh_db.close()
    upgraded = Database(path)
    try:
        assert schema.schema_version(upgraded._con) == schema.SCHEMA_VERSION
        assert _key_indexes(upgraded) == []
        assert {t: upgraded.rows(f"SELECT * FROM {t} ORDER BY ALL") for t in schema.HISTORY_TABLES} == before
    finally:
        upgraded.close()
