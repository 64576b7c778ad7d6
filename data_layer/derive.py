"""Deriving what exports leave out, and counting every value an import assumed.

Runs in SQL over the checked rows (the temp table ``typed``), after the cells are parsed and
before the rules run, so a derived value is checked like a written one. Each step returns
``Derived`` counts that the preview shows ("专利类型 由申请号第5位推得 120 行"); a value the
dashboard *assumed* rather than read (a lapse date taken as the import date, a buyer whose
place is unknown counted as outside the city) is flagged so that staff see it as a warning.

``from_file`` needs only the file; ``from_institutions`` runs after party names are matched
(a patent's county comes from its first holder).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyarrow as pa

from . import vocabularies
from .counties import county_in_text, in_city
from .models import KIND_OF_APP_NO


@dataclass(frozen=True)
class Derived:
    """``rows`` rows got ``field`` by ``rule`` (an ``i18n`` key ``derive.<rule>``)."""

    field: str
    rule: str
    rows: int
    assumed: bool = False  # a default the data did not give: shown as a warning


def from_file(cur, kind: str, present: set[str], today: dt.date) -> list[Derived]:
    """Derivations that need only the file's own rows."""
    steps = {
        "patents": _patent_file,
        "contracts": _contract_file,
        "filings": _filing_file,
        "indicators": _indicator_file,
    }
    return steps[kind](cur, present, today) if kind in steps else []


def from_institutions(cur, kind: str, present: set[str]) -> list[Derived]:
    """Derivations that need the matched institutions (run after ``parties.match``)."""
    steps = {"patents": _patent_county, "patent_events": _event_parties}
    return steps[kind](cur, present) if kind in steps else []


def _count(cur, condition: str) -> int:
    return cur.execute(f"SELECT count(*) FROM typed WHERE {condition}").fetchone()[0]


def _update(cur, field: str, rule: str, value: str, where: str, *, assumed: bool = False) -> list[Derived]:
    """Set ``field`` to the SQL ``value`` where ``where`` holds; report how many rows."""
    rows = _count(cur, where)
    if rows == 0:
        return []
    cur.execute(f'UPDATE typed SET "{field}" = {value} WHERE {where}')
    return [Derived(field, rule, rows, assumed)]


# --- patents ---------------------------------------------------------------------------------


def _patent_file(cur, present: set[str], today: dt.date) -> list[Derived]:
    found = _update(cur, "patent_type", "type_from_app_no", KIND_OF_APP_NO, "patent_type IS NULL")
    return found + _validity(cur, present, today)


def _hint_of(type_word: str | None, kind_letter: str | None) -> str | None:
    """What the type word (发明授权, 发明申请) or else the publication's kind letter says of the grant."""
    hint = vocabularies.lookup("grant_hint", type_word) if type_word else None
    if hint is None and kind_letter:
        hint = vocabularies.lookup("publication_kind", kind_letter)
    return hint


def _grant_hints(cur, present: set[str]) -> bool:
    """A temp table ``hints`` (line, hint) from the raw type word and publication number;
    whether any row has a hint.

    Distinct (word, kind letter) pairs are few (a publication number is unique, its letter is
    not), so the vocabulary is asked a handful of times however long the file.
    """
    word = 'r."patent_type"' if "patent_type" in present else "NULL::VARCHAR"
    letter = (
        """regexp_extract(r."publication_no", '([A-Za-z])\\d?\\s*$', 1)"""
        if "publication_no" in present
        else "NULL::VARCHAR"
    )
    pairs = cur.execute(f"SELECT DISTINCT {word}, {letter} FROM raw r").fetchall()
    cur.register(
        "hint_words",
        pa.table(
            {
                "word": pa.array([w for w, _ in pairs], pa.string()),
                "letter": pa.array([n for _, n in pairs], pa.string()),
                "hint": pa.array(hints := [_hint_of(w, n) for w, n in pairs], pa.string()),
            }
        ),
    )
    cur.execute(
        f"""CREATE OR REPLACE TEMP TABLE hints AS
            SELECT r.line, w.hint FROM raw r LEFT JOIN hint_words w
            ON w.word IS NOT DISTINCT FROM {word} AND w.letter IS NOT DISTINCT FROM {letter}"""
    )
    cur.unregister("hint_words")
    return any(hints)


def _validity(cur, present: set[str], today: dt.date) -> list[Derived]:
    """Grant and lapse dates from the legal status and the type word, where the file lacks them.

    valid: granted, in force. lapsed: granted (a date known, a 授权 type word, or a utility
    model or design, which are published only when granted) and since lapsed, on the file's
    lapse date or else the import date; an invention application that lapsed was never
    granted. pending, refused, withdrawn: never granted. A grant date the file lacks is the
    publication date of a granted patent, else the filing date (an assumption, reported).
    """
    if not {"legal_status", "patent_type", "publication_no"} & present:
        return _lapse_unknown(cur, present)
    if not _grant_hints(cur, present) and "legal_status" not in present:
        return _lapse_unknown(cur, present)  # type words that say nothing of a grant (发明)
    cur.execute(
        f"""CREATE OR REPLACE TEMP TABLE validity AS
            WITH s AS (
                SELECT t.line, t.legal_status AS status, t.grant_date AS g, t.lapse_date AS l,
                       t.publication_date AS pub, t.filing_date AS f, h.hint,
                       coalesce(t.patent_type <> 'invention' OR h.hint = 'granted', false)
                           AS published_granted,
                       coalesce(CASE WHEN t.legal_status IN ('refused', 'withdrawn', 'pending') THEN false
                            WHEN t.legal_status = 'valid' THEN true
                            WHEN t.legal_status = 'lapsed'
                                 THEN t.grant_date IS NOT NULL OR h.hint = 'granted'
                                      OR t.patent_type <> 'invention'
                            ELSE t.grant_date IS NOT NULL OR h.hint = 'granted' END, false) AS granted
                FROM typed t JOIN hints h USING (line))
            SELECT line, status, g, l, granted,
                   CASE WHEN NOT granted THEN NULL WHEN g IS NOT NULL THEN g
                        WHEN pub IS NOT NULL AND published_granted THEN pub ELSE f END AS new_g,
                   CASE WHEN NOT granted OR status = 'valid' THEN NULL
                        WHEN status = 'lapsed' THEN coalesce(l, DATE '{today.isoformat()}')
                        ELSE l END AS new_l,
                   CASE WHEN NOT granted OR g IS NOT NULL THEN NULL
                        WHEN pub IS NOT NULL AND published_granted THEN 'publication'
                        ELSE 'filing' END AS g_from
            FROM s"""
    )
    counts = dict.fromkeys(
        ("grant_from_publication", "grant_from_filing", "grant_dropped", "lapse_today", "lapse_dropped"),
        0,
    ) | dict(
        cur.execute(
            """SELECT rule, count(*) FROM (
                   SELECT CASE g_from WHEN 'publication' THEN 'grant_from_publication'
                                      WHEN 'filing' THEN 'grant_from_filing' END AS rule FROM validity
                   UNION ALL SELECT 'grant_dropped' FROM validity WHERE g IS NOT NULL AND NOT granted
                   UNION ALL SELECT 'lapse_today' FROM validity WHERE l IS NULL AND new_l IS NOT NULL
                   UNION ALL SELECT 'lapse_dropped' FROM validity WHERE l IS NOT NULL AND new_l IS NULL)
               WHERE rule IS NOT NULL GROUP BY rule"""
        ).fetchall()
    )
    # Rewritten rather than UPDATEd: DuckDB replaces a million rows faster than it updates them.
    cur.execute(
        """CREATE OR REPLACE TEMP TABLE typed AS
           SELECT t.* REPLACE (v.new_g AS grant_date, v.new_l AS lapse_date)
           FROM typed t JOIN validity v USING (line)"""
    )
    assumed = {"grant_from_filing", "lapse_today"}
    fields = {"grant": "grant_date", "lapse": "lapse_date"}
    found = [
        Derived(fields[rule.split("_")[0]], rule, rows, rule in assumed)
        for rule, rows in counts.items()
        if rows
    ]
    statuses = cur.execute(
        "SELECT legal_status, count(*) FROM typed WHERE legal_status IS NOT NULL GROUP BY 1 ORDER BY 1"
    ).fetchall()
    found += [Derived("legal_status", f"status_{status}", rows) for status, rows in statuses]
    return found + _lapse_unknown(cur, present)


def _lapse_unknown(cur, present: set[str]) -> list[Derived]:
    """Granted patents in a file with neither legal status nor lapse dates: all count as in force."""
    if {"lapse_date", "legal_status"} & present:
        return []
    rows = _count(cur, "grant_date IS NOT NULL")
    return [Derived("lapse_date", "lapse_unknown", rows, assumed=True)] if rows else []


def _patent_county(cur, present: set[str]) -> list[Derived]:
    """A patent's county: the file's, else its first holder's, else the one its address names."""
    found = []
    if "county" not in present or _count(cur, "county IS NULL"):
        where = "county IS NULL AND len(holder_codes) > 0"
        rows = _count(cur, where)
        cur.execute(
            """UPDATE typed SET county = i.county FROM institutions i
               WHERE typed.county IS NULL AND i.credit_code = typed.holder_codes[1]"""
        )
        found += [Derived("county", "county_from_holder", rows)] if rows else []
    if "address" in present and _count(cur, "county IS NULL AND address IS NOT NULL"):
        found += _from_lookup(cur, "county", "address", county_in_text, "county_from_address")
    return found


def _from_lookup(cur, field: str, source: str, fn, rule: str, *, assumed: bool = False) -> list[Derived]:
    """Fill ``field`` from ``fn(source)`` over the distinct values of ``source`` (few)."""
    texts = [
        v for (v,) in cur.execute(f'SELECT DISTINCT "{source}" FROM typed WHERE "{field}" IS NULL').fetchall()
    ]
    texts = [v for v in texts if v is not None]
    results = [fn(v) for v in texts]
    kind = pa.bool_() if all(isinstance(r, bool | None) for r in results) else pa.string()
    cur.register("lookup_in", pa.table({"k": pa.array(texts, pa.string()), "v": pa.array(results, kind)}))
    rows = cur.execute(
        f"""SELECT count(*) FROM typed t JOIN lookup_in l ON l.k = t."{source}"
            WHERE t."{field}" IS NULL AND l.v IS NOT NULL"""
    ).fetchone()[0]
    cur.execute(
        f"""UPDATE typed SET "{field}" = l.v FROM lookup_in l
            WHERE l.k = typed."{source}" AND typed."{field}" IS NULL AND l.v IS NOT NULL"""
    )
    cur.unregister("lookup_in")
    return [Derived(field, rule, rows, assumed)] if rows else []


# --- contracts -------------------------------------------------------------------------------


def _contract_file(cur, present: set[str], today: dt.date) -> list[Derived]:
    found = []
    if "buyer_region_code" in present:
        found += _from_lookup(
            cur, "buyer_local", "buyer_region_code", lambda c: in_city(region_code=c), "local_from_code"
        )
    if "buyer_region" in present:
        found += _from_lookup(cur, "buyer_local", "buyer_region", in_city, "local_from_region")
    # Kept on the row, so the data quality page can list the contracts whose buyer was assumed.
    cur.execute("ALTER TABLE typed ADD COLUMN buyer_local_assumed BOOLEAN")
    cur.execute("UPDATE typed SET buyer_local_assumed = buyer_local IS NULL")
    found += _update(cur, "buyer_local", "local_unknown", "false", "buyer_local IS NULL", assumed=True)
    cur.execute("ALTER TABLE typed ADD COLUMN involves_patent BOOLEAN")
    cur.execute("UPDATE typed SET involves_patent = len(app_nos) > 0 OR coalesce(ip_type = 'patent', false)")
    rows = _count(cur, "len(app_nos) = 0 AND ip_type = 'patent'")
    return found + ([Derived("involves_patent", "patent_from_ip_type", rows)] if rows else [])


# --- filings ---------------------------------------------------------------------------------


def _filing_file(cur, present: set[str], today: dt.date) -> list[Derived]:
    """A filing whose patent-intensive status the file leaves blank counts as one (K3 sums them)."""
    if "patent_intensive" in present:
        blank = "trim(coalesce(patent_intensive, '')) = ''"
        rows = cur.execute(f"SELECT count(*) FROM raw WHERE {blank}").fetchone()[0]
    else:
        rows = _count(cur, "true")
    return [Derived("patent_intensive", "intensive_assumed", rows, assumed=True)] if rows else []


# --- indicators ------------------------------------------------------------------------------


def _indicator_file(cur, present: set[str], today: dt.date) -> list[Derived]:
    """A quarter with a target but neither a milestone nor its indicator's baseline is judged on
    an assumed baseline (measure_progress): reported, as the status rests on it."""
    milestone = "milestone IS NULL" if "milestone" in present else "true"
    no_baseline = (
        "(measure, indicator) NOT IN (SELECT measure, indicator FROM typed WHERE baseline IS NOT NULL)"
        if "baseline" in present
        else "true"
    )
    rows = _count(cur, f"target IS NOT NULL AND {milestone} AND {no_baseline}")
    return [Derived("baseline", "baseline_assumed", rows, assumed=True)] if rows else []


# --- patent events ---------------------------------------------------------------------------


def _event_parties(cur, present: set[str]) -> list[Derived]:
    """A counterparty matched to an institution is in the city; a licence without 是否投产 is not
    in production (so it does not count as industrialized): both reported."""
    found = _update(
        cur,
        "counterparty_local",
        "local_from_institution",
        "true",
        "counterparty_local IS NULL AND counterparty_code IN (SELECT credit_code FROM institutions)",
    )
    if "in_production" not in present:
        rows = _count(cur, "event_type = 'license'")
        found += [Derived("in_production", "production_unknown", rows, assumed=True)] if rows else []
    return found
