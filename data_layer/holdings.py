"""Which events industrialize a patent, and ``holdings``: each granted patent's holders with
the patent's first industrializing event (and its first by each route), kept by every write
that changes them.

K4, the institutions page's rates, their records and a county's top institutions count the
valid patents of some kinds of holder (in a division, of a type), each with its first
industrializing event; they all read ``holdings``. Made from the imported
tables, that population is a join of every holder row with its institution and a group over
every event: at 100x the sample (2.9 million holder rows) the records behind K4 took 0.33 s,
most of it scanning every holder row for the 18 institutes. ``holdings`` is that join done once
per write, one row per granted patent and holder, stored sorted by the holder's kind and
division: a query for universities and institutes, or for one division, then reads only their
row groups (DuckDB skips the others by their min/max).

It is derived, never imported: the import, undo and folder load of institutions, patents and
patent events rebuild it inside their own transaction (``rebuild``), so every published
generation holds it exact. Nothing else writes those tables (``data_layer.schema``).
tests/test_holdings.py checks it against the live join after each kind of write.
"""

from __future__ import annotations

# Which events make a valid patent industrialized (K4, and the institutions page's rates): an
# implementation or a transfer always, whether or not marked as put into production; a licence
# only once put into production; a pledge never. The SQL and the sentences the cards state are
# both made from this table, so they cannot part ways.
EVENT_RULES = {
    "implementation": "always",
    "transfer": "always",
    "license": "in_production",
    "pledge": "never",
}
# As IN lists rather than a CASE, which DuckDB filters 15% slower.
_ALWAYS = ", ".join(f"'{event}'" for event, rule in EVENT_RULES.items() if rule == "always")
_PRODUCED = ", ".join(f"'{event}'" for event, rule in EVENT_RULES.items() if rule == "in_production")
INDUSTRIALIZING = f"(e.event_type IN ({_ALWAYS}) OR (e.event_type IN ({_PRODUCED}) AND e.in_production))"

# Kinds of file whose import or undo changes the table's sources.
SOURCES = ("institutions", "patents", "patent_events")

COLUMNS = """kind VARCHAR NOT NULL, county VARCHAR NOT NULL, holder_code VARCHAR NOT NULL,
    app_no VARCHAR NOT NULL, patent_type VARCHAR, grant_date DATE NOT NULL, lapse_date DATE,
    used_on DATE, event_type VARCHAR, counterparty VARCHAR,
    implementation_on DATE, transfer_on DATE, license_on DATE, shared BOOLEAN NOT NULL"""

# The first industrializing event of each patent (its earliest; on a tie, the first type by
# name, so the record shown never changes between runs), and the first by each route (the
# institutions page counts patents by route). grant_date and lapse_date are the holder rows'
# own copies of the patent's (schema: patent_holders). ``shared``: the patent has more than one
# row here (several tracked holders); a total over holders need only look for repeats among those.
_SELECT = (
    """WITH first_use AS (
        SELECT e.app_no, min(e.event_date) AS used_on,
               arg_min(e.event_type, (e.event_date, e.event_type)) AS event_type,
               arg_min(e.counterparty, (e.event_date, e.event_type)) AS counterparty,
               min(e.event_date) FILTER (WHERE e.event_type = 'implementation') AS implementation_on,
               min(e.event_date) FILTER (WHERE e.event_type = 'transfer') AS transfer_on,
               min(e.event_date) FILTER (WHERE e.event_type = 'license') AS license_on
        FROM patent_events e WHERE """
    + INDUSTRIALIZING
    + """ GROUP BY e.app_no)
    SELECT i.kind, i.county, h.holder_code, h.app_no, p.patent_type, h.grant_date, h.lapse_date,
           u.used_on, u.event_type, u.counterparty, u.implementation_on, u.transfer_on, u.license_on,
           count(*) OVER (PARTITION BY h.app_no) > 1 AS shared
    FROM patent_holders h
    JOIN institutions i ON i.credit_code = h.holder_code
    LEFT JOIN patents p ON p.app_no = h.app_no
    LEFT JOIN first_use u ON u.app_no = h.app_no
    WHERE h.grant_date IS NOT NULL"""
)

# The table's rows as the sources make them now (tests compare the stored table with this).
LIVE = _SELECT

# The stored order, the point of the table (see the module's docstring), and how it is made anew.
ORDER = "kind, county, app_no"
FILL = ("DELETE FROM holdings", f"INSERT INTO holdings BY NAME SELECT * FROM ({_SELECT}) ORDER BY {ORDER}")


# Counting held patents on many dates (K4, the institutions' totals) by steps rather than each
# date against each patent: a patent adds 1 to "valid" on its grant and takes it off when it
# lapses, and adds 1 to a use's count from that use (never before its grant) until it lapses. The
# steps are summed per day and each date sums the days up to it: the patents are read once, and a
# date costs a few thousand days (K4 on 25 quarter ends at 100x: 85 -> 33 ms). A patent with
# several holders is counted once: only the ``shared`` ones need a DISTINCT.


def once_sql(source: str, columns: str, carry: str = "") -> str:
    """SQL: ``columns`` of ``source`` (rows of holdings) with each patent once (per ``carry``)."""
    return f"""SELECT {carry}{columns} FROM {source} WHERE NOT shared
        UNION ALL
        SELECT DISTINCT ON ({carry}app_no) {carry}{columns} FROM {source} WHERE shared"""


def steps_sql(source: str, uses: dict[str, str], carry: str = "") -> str:
    """SQL: per day (and ``carry``), the change in "valid" and in each of ``uses`` (count name ->
    its date column) over the patents of ``source`` (grant_date, lapse_date and the uses)."""
    names = ["valid", *uses]

    def step(day: str, column: str, sign: int, where: str) -> str:
        values = ", ".join(f"{sign if name == column else 0} AS {name}" for name in names)
        return f"SELECT {carry}{day} AS day, {values} FROM {source} WHERE {where}"

    parts = [
        step("grant_date", "valid", 1, "true"),
        step("greatest(grant_date, lapse_date)", "valid", -1, "lapse_date IS NOT NULL"),
    ]
    for name, used in uses.items():
        parts.append(step(f"greatest(grant_date, {used})", name, 1, f"{used} IS NOT NULL"))
        both = f"{used} IS NOT NULL AND lapse_date IS NOT NULL"
        parts.append(step(f"greatest(grant_date, {used}, lapse_date)", name, -1, both))
    sums = ", ".join(f"sum({name}) AS {name}" for name in names)
    return f"SELECT {carry}day, {sums} FROM ({' UNION ALL '.join(parts)}) GROUP BY ALL"


def rebuild(cur, kind: str | None = None) -> None:
    """Make ``holdings`` anew in ``cur``'s transaction, if a write of ``kind`` (None: any) changed
    its sources. At 100x the sample it takes about 3.4 s, beside a patents import's tens."""
    if kind is None or kind in SOURCES:
        for statement in FILL:
            cur.execute(statement)
