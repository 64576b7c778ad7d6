"""The database schema, its version, and in-place upgrades.

``SCHEMA_VERSION`` is stored in ``meta``. A new database gets ``TABLES`` at the latest
version; an older one runs each step of ``MIGRATIONS`` above its version, in order, inside
one transaction, so an upgrade either completes or leaves the file as it was.

There are no FOREIGN KEY constraints: DuckDB implements an update as delete-and-insert,
so a parent row that children reference could never be replaced. References are checked
by ``ingest`` before anything is written, and reported row by row.

The tables imports write have no PRIMARY KEY either, though each has a natural key
(``tables.SPECS``). DuckDB keeps a key's index outside its transactions and removes a deleted
row's entry when the delete commits, while other sessions wait: replacing or undoing 300,000
patents stalled every reader for 15-25 s. Keys stay unique because one path writes these
tables (``ingest._write``, ``batches.undo_batch``), which checks the rows it brings in; the
key columns are NOT NULL, as a key's would be.
"""

from __future__ import annotations

import duckdb

from . import holdings, regions
from .counties import divisions
from .measures import areas, measures

SCHEMA_VERSION = 13

TABLES: dict[str, str] = {
    "meta": "key VARCHAR PRIMARY KEY, value VARCHAR",
    "counties": """adcode VARCHAR PRIMARY KEY, name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
        kind VARCHAR NOT NULL, population_10k DOUBLE NOT NULL""",
    "areas": "area INTEGER PRIMARY KEY, name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL",
    "measures": """measure INTEGER PRIMARY KEY, area INTEGER NOT NULL, name_zh VARCHAR NOT NULL,
        name_en VARCHAR NOT NULL""",
    "institutions": """credit_code VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR NOT NULL,
        county VARCHAR NOT NULL, industry VARCHAR, patent_intensive BOOLEAN NOT NULL, batch_id BIGINT""",
    "patents": """app_no VARCHAR NOT NULL, title VARCHAR NOT NULL, patent_type VARCHAR NOT NULL,
        filing_date DATE NOT NULL, grant_date DATE, lapse_date DATE, county VARCHAR NOT NULL,
        ipc VARCHAR, batch_id BIGINT, legal_status VARCHAR""",
    # grant_date and lapse_date repeat the patent's own, written from the same file row in the
    # same transaction: the industrialization rate then needs no join over every patent
    # (at 3 million patents that join alone took 0.3 s).
    "patent_holders": """app_no VARCHAR NOT NULL, holder_code VARCHAR NOT NULL, seq SMALLINT NOT NULL,
        grant_date DATE, lapse_date DATE""",
    "patent_events": """app_no VARCHAR NOT NULL, event_type VARCHAR NOT NULL, event_date DATE NOT NULL,
        counterparty VARCHAR NOT NULL,
        holder_code VARCHAR, counterparty_code VARCHAR, counterparty_local BOOLEAN, amount_10k DOUBLE,
        in_production BOOLEAN NOT NULL, batch_id BIGINT, record_no VARCHAR, license_kind VARCHAR,
        end_date DATE""",
    "filings": """filing_no VARCHAR NOT NULL, product_name VARCHAR NOT NULL,
        enterprise_code VARCHAR NOT NULL,
        filing_date DATE NOT NULL, industry VARCHAR, patent_intensive BOOLEAN NOT NULL, batch_id BIGINT""",
    "filing_patents": "filing_no VARCHAR NOT NULL, app_no VARCHAR NOT NULL",
    "filing_outputs": "filing_no VARCHAR NOT NULL, year INTEGER NOT NULL, output_10k DOUBLE NOT NULL",
    "contracts": """contract_no VARCHAR NOT NULL, title VARCHAR NOT NULL, contract_type VARCHAR NOT NULL,
        seller_code VARCHAR NOT NULL, buyer_name VARCHAR NOT NULL, buyer_local BOOLEAN NOT NULL,
        registered_date DATE NOT NULL, turnover_10k DOUBLE NOT NULL, tech_amount_10k DOUBLE,
        batch_id BIGINT, ip_type VARCHAR, buyer_region VARCHAR, involves_patent BOOLEAN NOT NULL,
        buyer_local_assumed BOOLEAN""",
    "contract_patents": "contract_no VARCHAR NOT NULL, app_no VARCHAR NOT NULL",
    "indicators": """measure INTEGER NOT NULL, indicator VARCHAR NOT NULL, quarter VARCHAR NOT NULL,
        unit VARCHAR NOT NULL, value DOUBLE NOT NULL, target DOUBLE, department VARCHAR NOT NULL,
        note VARCHAR, batch_id BIGINT, milestone DOUBLE, baseline DOUBLE""",
    "county_rules": """county VARCHAR NOT NULL, issued BOOLEAN NOT NULL, issued_date DATE, title VARCHAR,
        doc_no VARCHAR, batch_id BIGINT""",
    "events": """title VARCHAR NOT NULL, event_date DATE NOT NULL, event_type VARCHAR NOT NULL,
        county VARCHAR NOT NULL, participants INTEGER NOT NULL, deals INTEGER, deal_amount_10k DOUBLE,
        batch_id BIGINT""",
    "targets": """code VARCHAR NOT NULL, period VARCHAR NOT NULL, period_start DATE NOT NULL,
        deadline DATE NOT NULL, baseline_year INTEGER, baseline DOUBLE, target_value DOUBLE NOT NULL,
        target_type VARCHAR NOT NULL, unit VARCHAR NOT NULL, source VARCHAR NOT NULL, batch_id BIGINT,
        region VARCHAR""",
    "imports": """batch_id BIGINT PRIMARY KEY, kind VARCHAR NOT NULL, file_name VARCHAR NOT NULL,
        file_size BIGINT NOT NULL, file_hash VARCHAR NOT NULL, rows_in_file INTEGER NOT NULL,
        rows_new INTEGER NOT NULL, rows_replaced INTEGER NOT NULL, rows_same INTEGER NOT NULL,
        warnings INTEGER NOT NULL, user_name VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL, undoes BIGINT, undone_by BIGINT""",
    # K1-K5 as each import left them (data_layer/figure_history.py); division '' is the region's;
    # latest: as_of was the import's own day (the cards' latest period then).
    "figure_history": """batch_id BIGINT NOT NULL, recorded_at TIMESTAMP NOT NULL, division VARCHAR NOT NULL,
        as_of DATE NOT NULL, code VARCHAR NOT NULL, value DOUBLE, label VARCHAR, latest BOOLEAN NOT NULL""",
    # Each granted patent's holders with its first industrializing event, derived from the
    # tables above by every write that changes them (data_layer/holdings.py).
    "holdings": holdings.COLUMNS,
    # Briefing decks saved by staff: slide ids in order (JSON), see data_layer/decks.py.
    "decks": """name VARCHAR PRIMARY KEY, slides VARCHAR NOT NULL, saved_by VARCHAR,
        saved_at TIMESTAMP NOT NULL""",
    # Names of parties (holders, sellers, enterprises) that staff matched to an institution;
    # credit_code NULL: a party the dashboard does not track (outside the city, a person).
    "party_aliases": """alias_key VARCHAR PRIMARY KEY, alias VARCHAR NOT NULL, credit_code VARCHAR,
        decided_by VARCHAR NOT NULL, decided_at TIMESTAMP NOT NULL""",
    # Column mappings staff saved for the exports of other systems (data_layer/profiles.py).
    "source_profiles": """name VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, spec VARCHAR NOT NULL,
        saved_by VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL""",
}

# Tables that imports write. Each has a history_<table> twin (same columns plus replaced_by)
# holding the rows an import replaced, so that the import can be undone. A migration that
# changes one of these tables must change its twin too.
HISTORY_TABLES = (
    "institutions",
    "patents",
    "patent_holders",
    "patent_events",
    "filings",
    "filing_patents",
    "filing_outputs",
    "contracts",
    "contract_patents",
    "indicators",
    "county_rules",
    "events",
    "targets",
)

# version -> statements that bring a database from version-1 to version.
MIGRATIONS: dict[int, list[str]] = {
    2: [f"CREATE TABLE decks ({TABLES['decks']})"],
    # Exports of other systems: legal status, register details, contracts' IP type and region.
    3: [
        *(
            f"ALTER TABLE {prefix}{table} ADD COLUMN IF NOT EXISTS {column}"
            for prefix in ("", "history_")
            for table, column in (
                ("patents", "legal_status VARCHAR"),
                ("patent_events", "record_no VARCHAR"),
                ("patent_events", "license_kind VARCHAR"),
                ("patent_events", "end_date DATE"),
                ("contracts", "ip_type VARCHAR"),
                ("contracts", "buyer_region VARCHAR"),
                ("contracts", "involves_patent BOOLEAN"),
            )
        ),
        *(
            f"""UPDATE {prefix}contracts c SET involves_patent = EXISTS
                (SELECT 1 FROM {prefix}contract_patents p WHERE p.contract_no = c.contract_no)"""
            for prefix in ("", "history_")
        ),
        # (No SET NOT NULL here: DuckDB refuses it after an UPDATE in the same transaction;
        # every import writes the column, so it is never NULL anyway.)
        f"CREATE TABLE IF NOT EXISTS party_aliases ({TABLES['party_aliases']})",
        f"CREATE TABLE IF NOT EXISTS source_profiles ({TABLES['source_profiles']})",
    ],
    # Logins throttled per client address as well as per name.
    4: ["ALTER TABLE IF EXISTS login_attempts ADD COLUMN IF NOT EXISTS client VARCHAR"],
    # Imported tables without PRIMARY KEY (see the module's docstring): rebuilt, as DuckDB
    # cannot drop a key in place.
    5: [
        statement
        for table in HISTORY_TABLES
        for statement in (
            f"CREATE TABLE rebuilt_{table} ({TABLES[table]})",
            f"INSERT INTO rebuilt_{table} BY NAME SELECT * FROM {table}",
            f"DROP TABLE {table}",
            f"ALTER TABLE rebuilt_{table} RENAME TO {table}",
        )
    ],
    # Accounts and login attempts moved to a SQLite file every process may write
    # (data_layer.accounts, which copied them when the database was opened).
    6: ["DROP TABLE IF EXISTS users", "DROP TABLE IF EXISTS login_attempts"],
    # Indicators' quarter milestones (阶段目标) and baselines: quarters judged against the plan's path.
    7: [
        f"ALTER TABLE {prefix}indicators ADD COLUMN IF NOT EXISTS {column} DOUBLE"
        for prefix in ("", "history_")
        for column in ("milestone", "baseline")
    ],
    # Region packs: targets name their region (blank: the database's), and the database records
    # the region it holds; databases before packs held the default pack's region.
    8: [
        "ALTER TABLE targets ADD COLUMN IF NOT EXISTS region VARCHAR",
        "ALTER TABLE history_targets ADD COLUMN IF NOT EXISTS region VARCHAR",
        f"INSERT OR IGNORE INTO meta VALUES ('region', '{regions.pack(regions.DEFAULT_PACK).code}')",
    ],
    # Whether a contract's buyer location was assumed (the file did not say), for the data
    # quality page. Rows loaded before keep NULL: not known to be assumed.
    9: [
        f"ALTER TABLE {prefix}contracts ADD COLUMN IF NOT EXISTS buyer_local_assumed BOOLEAN"
        for prefix in ("", "history_")
    ],
    # What each import made of K1-K5 (as it stood). Databases before it start their record at
    # their next import.
    10: [f"CREATE TABLE IF NOT EXISTS figure_history ({TABLES['figure_history']})"],
    # The K4 population derived once per write (data_layer/holdings.py), made from what is loaded.
    11: [f"CREATE TABLE IF NOT EXISTS holdings ({TABLES['holdings']})", *holdings.FILL],
    # holdings carries each patent's first use by route: the institutions page reads it too.
    12: ["DROP TABLE holdings", f"CREATE TABLE holdings ({TABLES['holdings']})", *holdings.FILL],
    # holdings says which patents have several tracked holders (the institutions' total counts
    # each once: only those need a DISTINCT).
    13: ["DROP TABLE holdings", f"CREATE TABLE holdings ({TABLES['holdings']})", *holdings.FILL],
}


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """Version stored in the database, 0 when the database is empty."""
    exists = con.execute(
        """SELECT count(*) FROM information_schema.tables
           WHERE table_name = 'meta' AND table_catalog = current_database()"""
    ).fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def ensure_schema(con: duckdb.DuckDBPyConnection) -> int:
    """Create or upgrade the schema in one transaction; return the version now in force."""
    version = schema_version(con)
    if version == SCHEMA_VERSION:
        return version
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"database schema {version} is newer than this program ({SCHEMA_VERSION})")
    con.execute("BEGIN TRANSACTION")
    try:
        if version == 0:
            _create(con)
        else:
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[step]:
                    con.execute(statement)
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
            [str(SCHEMA_VERSION)],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION


def _create(con: duckdb.DuckDBPyConnection) -> None:
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE {name} ({columns})")
    for name in HISTORY_TABLES:
        con.execute(
            f"CREATE TABLE history_{name} AS SELECT *, NULL::BIGINT AS replaced_by FROM {name} WHERE false"
        )
    con.execute("INSERT INTO meta VALUES ('region', ?)", [regions.current().code])
    con.executemany(
        "INSERT INTO counties VALUES (?, ?, ?, ?, ?)",
        [(c.adcode, c.name_zh, c.name_en, c.kind, c.population_10k) for c in divisions()],
    )
    con.executemany("INSERT INTO areas VALUES (?, ?, ?)", [(a.number, a.name_zh, a.name_en) for a in areas()])
    con.executemany(
        "INSERT INTO measures VALUES (?, ?, ?, ?)",
        [(m.number, m.area, m.name_zh, m.name_en) for m in measures()],
    )
