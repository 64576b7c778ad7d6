"""Parties written by name (holders, transferors, sellers, enterprises) matched to institutions.

Exports name parties, our tables key them by credit code. A name is matched, in order:

1. by the credit code in the same row, when the file has one (``ingest`` checks it exists);
2. by the institution's normalized name: full/half width, spaces, brackets and the legal
   forms 有限公司 / 有限责任公司 / 股份有限公司 are not told apart;
3. by an alias staff chose earlier (``party_aliases``: a former name, a spelling, or a party
   the dashboard does not track, such as a person or a company outside the city).

Names that match nothing are returned as ``Unmatched`` with a suggested kind and county, so
that staff create the institution or pick an existing one on the upload page; the choice is
remembered as an alias and the next file with that name loads without asking.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import pyarrow as pa

from . import audit
from .counties import county_in_text, in_city
from .errors import DashboardError

_LEGAL_FORMS = (("股份有限公司", "有限公司"), ("有限责任公司", "有限公司"))
_PUNCT = re.compile(r"[\s·・.,，。'\"“”‘’()\[\]【】]+")


@dataclass(frozen=True)
class PartyField:
    """A column naming parties and the code column the match fills."""

    names: str  # field holding the name(s)
    codes: str  # field the matched credit code(s) go to
    many: bool = False  # a list of names (a patent's holders)
    region: str | None = None  # a field with the party's address or region, for suggestions
    required: bool = True  # every name must be matched (False: an unmatched name stays a name)


PARTY_FIELDS: dict[str, tuple[PartyField, ...]] = {
    "patents": (PartyField("holder_names", "holder_codes", many=True, region="address"),),
    "patent_events": (
        PartyField("holder_name", "holder_code"),
        PartyField("counterparty", "counterparty_code", required=False),
    ),
    "contracts": (PartyField("seller_name", "seller_code", region="seller_region"),),
    "filings": (PartyField("enterprise_name", "enterprise_code", region="region"),),
}


def normalize_name(name: str) -> str:
    """The key names are compared by: full/half width, spaces, brackets and legal forms ignored."""
    text = unicodedata.normalize("NFKC", name or "")
    # Brackets go too: 某某港（集团）有限公司 and 某某港集团有限公司 are one company.
    text = _PUNCT.sub("", text)
    for longer, short in _LEGAL_FORMS:
        if text.endswith(longer):
            text = text[: -len(longer)] + short
    return text.lower()


_UNIVERSITY = re.compile(r"(大学|学院|学校)")
_INSTITUTE = re.compile(r"(研究院|研究所|研究中心|科学院|实验室|中心$)")
_COMPANY = re.compile(r"(公司|集团|厂|企业|合作社|商行|事务所|银行|协会|医院)")
_PERSON = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


def suggest_kind(name: str) -> str:
    """A first guess at an institution's kind from its name (staff confirm it)."""
    if _UNIVERSITY.search(name):
        return "university"
    if _INSTITUTE.search(name):
        return "research_institute"
    if _COMPANY.search(name):
        return "enterprise"
    if _PERSON.match(name):
        return "individual"
    return "enterprise"


@dataclass
class Unmatched:
    """A party name no institution or alias answers to, with what the file says about it."""

    name: str
    field: str  # the field it came from (``holder_names`` ...)
    first_row: int
    rows: int
    suggested_kind: str
    suggested_county: str | None  # from the row's address or region
    outside: bool  # the address names a place outside the city: likely not to be tracked
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (code, name): same key

    @property
    def key(self) -> str:
        return normalize_name(self.name)


@dataclass
class MatchOutcome:
    """What matching did: names matched per field, names excluded by staff, names unmatched."""

    matched: dict[str, int] = field(default_factory=dict)
    excluded: dict[str, int] = field(default_factory=dict)
    unmatched: list[Unmatched] = field(default_factory=list)


def name_index(cur) -> dict[str, list[tuple[str, str | None]]]:
    """Normalized name -> [(credit code or None for untracked, name)] from institutions and aliases."""
    index: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
    for code, name in cur.execute("SELECT credit_code, name FROM institutions").fetchall():
        index[normalize_name(name)].append((code, name))
    for key, code, alias in cur.execute("SELECT alias_key, credit_code, alias FROM party_aliases").fetchall():
        index[key] = [(code, alias)]  # a staff decision overrides a name clash
    return index


def match(cur, kind: str, present: set[str]) -> MatchOutcome:
    """Fill the code fields of ``typed`` from the name fields, for the rows without a code.

    ``present`` is the set of fields the file supplies. Leaves the mapping of every distinct
    name in the temp table ``party_map_<field>`` (name, code, excluded).
    """
    outcome = MatchOutcome()
    fields = [f for f in PARTY_FIELDS.get(kind, ()) if f.names in present]
    if not fields:
        return outcome
    index = name_index(cur)
    for spec in fields:
        names = _distinct_names(cur, spec)
        mapping, excluded = {}, set()
        for name in names:
            found = index.get(normalize_name(name), [])
            if len(found) == 1:
                code = found[0][0]
                mapping[name] = code
                if code is None:
                    excluded.add(name)
        cur.register(
            "party_map_in",
            pa.table(
                {
                    "name": pa.array(list(mapping), pa.string()),
                    "code": pa.array(list(mapping.values()), pa.string()),
                }
            ),
        )
        cur.execute(f"CREATE OR REPLACE TEMP TABLE party_map_{spec.names} AS SELECT * FROM party_map_in")
        cur.unregister("party_map_in")
        _fill_codes(cur, spec)
        outcome.matched[spec.names] = len(mapping) - len(excluded)
        outcome.excluded[spec.names] = len(excluded)
        if spec.required:
            missing = [n for n in names if n not in mapping]
            outcome.unmatched += _describe(cur, spec, missing, index)
    return outcome


def _distinct_names(cur, spec: PartyField) -> list[str]:
    if spec.many:
        sql = f'SELECT DISTINCT unnest("{spec.names}") FROM typed'
    else:
        sql = f"""SELECT DISTINCT "{spec.names}" FROM typed
            WHERE "{spec.names}" IS NOT NULL AND "{spec.codes}" IS NULL"""
    return sorted(n for (n,) in cur.execute(sql).fetchall() if n)


def _fill_codes(cur, spec: PartyField) -> None:
    """Matched codes into the code field; a list keeps the names' order after any coded holders."""
    table = f"party_map_{spec.names}"
    if spec.many:
        # One map of every distinct name, looked up inside each row's list: no unnest and
        # regroup of a million rows. Repeats (two spellings of one holder) are dropped, first
        # kept, when staged.
        cur.execute(
            f"""UPDATE typed SET "{spec.codes}" = list_concat("{spec.codes}", list_filter(
                    list_transform("{spec.names}", lambda n: m.lookup[n]), lambda c: c IS NOT NULL))
                FROM (SELECT map(list(name), list(code)) AS lookup FROM {table}) m
                WHERE len("{spec.names}") > 0"""
        )
    else:
        cur.execute(
            f"""UPDATE typed SET "{spec.codes}" = m.code FROM {table} m
                WHERE typed."{spec.names}" = m.name AND typed."{spec.codes}" IS NULL"""
        )


def _describe(cur, spec: PartyField, names: list[str], index) -> list[Unmatched]:
    """Each unmatched name with its first row, row count and a suggestion from its region."""
    if not names:
        return []
    cur.register("unmatched_in", pa.table({"name": pa.array(names, pa.string())}))
    # A row's address is its first party's: it says nothing of a co-holder named second.
    place = f'"{spec.region}"' if spec.region else "NULL::VARCHAR"
    if spec.many:
        source = f"""SELECT t.line, n.name, CASE WHEN n.pos = 1 THEN t.{place} END AS place
            FROM typed t, unnest(t."{spec.names}") WITH ORDINALITY AS n(name, pos)"""
    else:
        source = (
            f'SELECT line, "{spec.names}" AS name, {place} AS place FROM typed WHERE "{spec.codes}" IS NULL'
        )
    rows = cur.execute(
        f"""SELECT name, min(line), count(*), any_value(place) FROM ({source})
            WHERE name IN (SELECT name FROM unmatched_in) GROUP BY name ORDER BY min(line), name"""
    ).fetchall()
    cur.unregister("unmatched_in")
    found = []
    for name, first, count, place in rows:
        outside = in_city(place) is False
        found.append(
            Unmatched(
                name,
                spec.names,
                first,
                count,
                suggest_kind(name),
                None if outside else county_in_text(place),
                outside,
                [(c, n) for c, n in index.get(normalize_name(name), []) if c],
            )
        )
    return found


def remember(cur, alias: str, credit_code: str | None, user: str) -> None:
    """Keep a staff decision: ``alias`` means the institution ``credit_code`` (None: untracked)."""
    cur.execute(
        """INSERT OR REPLACE INTO party_aliases VALUES (?, ?, ?, ?, current_localtimestamp())""",
        [normalize_name(alias), alias, credit_code, user],
    )


class AliasError(DashboardError):
    """An alias that cannot be kept or found; ``code`` is an ``i18n`` key ``alias.*``."""

    section = "alias"


def list_aliases(db) -> list[tuple]:
    """Every alias staff decided: (alias, credit code or None for untracked, institution name
    or None, decided by, decided at), by alias."""
    return db.rows(
        """SELECT a.alias, a.credit_code, i.name, a.decided_by, a.decided_at FROM party_aliases a
           LEFT JOIN institutions i ON i.credit_code = a.credit_code ORDER BY a.alias_key"""
    )


def add_alias(db, name: str, credit_code: str | None, user: str) -> None:
    """Let ``name`` mean the institution ``credit_code`` (None: a party the dashboard does not
    track) from the next import on. The institution must exist."""
    if not normalize_name(name):
        raise AliasError("name_empty")
    code = credit_code.strip().upper() if credit_code is not None else None
    with db.transaction() as cur:
        known = cur.execute("SELECT count(*) FROM institutions WHERE credit_code = ?", [code]).fetchone()[0]
        if code is not None and not known:
            raise AliasError("code_unknown", name=name.strip(), credit_code=code)
        # An alias overrides names: one that is an institution's own name and means anything
        # else would take every record of that institution away from it.
        own = [
            c
            for c, n in cur.execute("SELECT credit_code, name FROM institutions").fetchall()
            if normalize_name(n) == normalize_name(name)
        ]
        if own and own != [code]:
            raise AliasError("is_institution", name=name.strip())
        remember(cur, name.strip(), code, user)
    audit.record(db, "alias_save", f"{name.strip()} -> {code or '-'}", user=user)


def forget(db, name: str) -> None:
    """Drop the alias ``name`` (any spelling that normalizes alike): the next file asks again."""
    key = normalize_name(name)
    with db.transaction() as cur:
        if not cur.execute("SELECT count(*) FROM party_aliases WHERE alias_key = ?", [key]).fetchone()[0]:
            raise AliasError("unknown", name=name.strip())
        cur.execute("DELETE FROM party_aliases WHERE alias_key = ?", [key])
    audit.record(db, "alias_delete", name.strip())
