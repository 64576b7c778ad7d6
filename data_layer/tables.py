"""What each importable kind writes: its tables, natural key and references.

``stage`` shapes the checked rows (the temp table ``typed`` that ``validate`` leaves) into
one temp table per target table; ``ingest`` checks ``refs`` against the database in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    field: str
    table: str
    column: str


@dataclass(frozen=True)
class Child:
    table: str
    columns: tuple[str, ...]  # the parent key first, then the child's own columns

    @property
    def key(self) -> tuple[str, ...]:
        """Parent key and the child's first column: a holder, a linked patent, a year."""
        return self.columns[:2]


@dataclass(frozen=True)
class KindSpec:
    table: str
    key: tuple[str, ...]
    row_key: tuple[str, ...]  # what makes a file row unique (duplicates check)
    children: tuple[Child, ...] = ()
    refs: tuple[Ref, ...] = ()


SPECS: dict[str, KindSpec] = {
    "institutions": KindSpec("institutions", ("credit_code",), ("credit_code",)),
    "patents": KindSpec(
        "patents",
        ("app_no",),
        ("app_no",),
        (Child("patent_holders", ("app_no", "holder_code", "seq", "grant_date", "lapse_date")),),
        (Ref("holder_codes", "institutions", "credit_code"),),
    ),
    "patent_events": KindSpec(
        "patent_events",
        ("app_no", "event_type", "event_date", "counterparty"),
        ("app_no", "event_type", "event_date", "counterparty"),
        refs=(Ref("app_no", "patents", "app_no"), Ref("holder_code", "institutions", "credit_code")),
    ),
    "filings": KindSpec(
        "filings",
        ("filing_no",),
        ("filing_no", "output_year"),
        (
            Child("filing_patents", ("filing_no", "app_no")),
            Child("filing_outputs", ("filing_no", "year", "output_10k")),
        ),
        (Ref("enterprise_code", "institutions", "credit_code"), Ref("app_nos", "patents", "app_no")),
    ),
    "contracts": KindSpec(
        "contracts",
        ("contract_no",),
        ("contract_no",),
        (Child("contract_patents", ("contract_no", "app_no")),),
        (Ref("seller_code", "institutions", "credit_code"),),
    ),
    "indicators": KindSpec(
        "indicators", ("measure", "indicator", "quarter"), ("measure", "indicator", "quarter")
    ),
    "county_rules": KindSpec("county_rules", ("county",), ("county",)),
    "events": KindSpec("events", ("title", "event_date"), ("title", "event_date")),
    "targets": KindSpec("targets", ("code", "period"), ("code", "period")),
}


def stage(cur, kind: str) -> None:
    """Shape the checked rows in ``typed`` into ``stage_<table>`` temp tables.

    A patent's holders, a filing's patents and yearly output and a contract's patents go to
    child tables. Each stage table has the target table's columns and types.
    """
    spec = SPECS[kind]
    selects = {spec.table: _MAIN.get(kind, "SELECT * EXCLUDE (line) FROM typed")} | _CHILDREN.get(kind, {})
    for table, select in selects.items():
        cur.execute(f"CREATE OR REPLACE TEMP TABLE stage_{table} AS SELECT * FROM {table} WHERE false")
        # Only the table's own columns: fields that exist to derive others (a holder's name,
        # an address) are not kept.
        wanted = {r[0] for r in cur.execute(f"DESCRIBE stage_{table}").fetchall()}
        given = [r[0] for r in cur.execute(f"DESCRIBE {select}").fetchall() if r[0] in wanted]
        columns = ", ".join(f'"{c}"' for c in given)
        cur.execute(f"INSERT INTO stage_{table} BY NAME SELECT {columns} FROM ({select})")


def _unnest(key: str, list_field: str, column: str, source: str = "typed") -> str:
    """One row per (key, list item), first occurrence kept, with the item's position as ``pos``."""
    return f"""SELECT {key}, item AS {column}, row_number() OVER (PARTITION BY {key} ORDER BY pos) AS pos
        FROM (SELECT {key}, unnest({list_field}) AS item, unnest(range(1, len({list_field}) + 1)) AS pos
              FROM {source})
        QUALIFY row_number() OVER (PARTITION BY {key}, item ORDER BY pos) = 1"""


# A filing has one file row per output year; its own attributes come from its first row.
_FIRST_FILING_ROWS = "(SELECT * FROM typed QUALIFY line = min(line) OVER (PARTITION BY filing_no))"

_MAIN = {
    "patents": "SELECT * EXCLUDE (line, holder_codes) FROM typed",
    "patent_events": """SELECT * EXCLUDE (line, counterparty), coalesce(counterparty, '') AS counterparty
        FROM typed""",
    "filings": f"SELECT * EXCLUDE (line, app_nos, output_year, output_10k) FROM {_FIRST_FILING_ROWS}",
    "contracts": "SELECT * EXCLUDE (line, app_nos) FROM typed",
}

_CHILDREN = {
    "patents": {
        "patent_holders": f"""SELECT h.app_no, h.holder_code, h.pos AS seq, t.grant_date, t.lapse_date
            FROM ({_unnest("app_no", "holder_codes", "holder_code")}) h JOIN typed t USING (app_no)"""
    },
    "filings": {
        "filing_patents": f"""SELECT filing_no, app_no
            FROM ({_unnest("filing_no", "app_nos", "app_no", _FIRST_FILING_ROWS)})""",
        "filing_outputs": """SELECT filing_no, output_year AS year, output_10k FROM typed
            WHERE output_year IS NOT NULL""",
    },
    "contracts": {
        "contract_patents": f"SELECT contract_no, app_no FROM ({_unnest('contract_no', 'app_nos', 'app_no')})"
    },
}


def assert_unique(cur, source: str, key: tuple[str, ...]) -> None:
    """Raise if two rows of ``source`` share ``key``.

    The imported tables carry no PRIMARY KEY (see ``schema``), so the one write path checks
    the rows it brings in: a duplicate here is a bug in the checks, never the user's file.
    """
    found = cur.execute(
        f"SELECT {', '.join(key)} FROM {source} GROUP BY ALL HAVING count(*) > 1 LIMIT 1"
    ).fetchone()
    if found is not None:
        raise RuntimeError(f"{source} would write key {dict(zip(key, found, strict=True))} twice")
