"""Exports of other systems (``tests/exports/``): each loads through its built-in profile, and the
database then holds what the export meant (``tests/exports/expected.py``, written by hand).

Each file is imported into a fresh copy of the tiny dataset. A patent list names holders the
dataset does not know (a person, an outside company): the first import is refused with those
names listed, staff decide (pick the institution a variant spelling means, or leave a party
untracked), and the second import loads.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from data_layer.ingest import ImportRejected, Resolution, import_bytes, resolve_parties
from data_layer.kpis import industrialization

from .exports.expected import EXPORTS, ExportFile

HERE = Path(__file__).parent / "exports"
BY_NAME = {e.name: e for e in EXPORTS}
TODAY = dt.date.today()


def load(db, export: ExportFile, data: bytes | None = None):
    """Import an export, resolving unknown names the way its expected records say."""
    data = data if data is not None else (HERE / export.name).read_bytes()
    try:
        return import_bytes(db, data, export.name, export.kind, user="test")
    except ImportRejected as refused:
        if not refused.unmatched:
            raise
        decisions = _decisions(export, [u.name for u in refused.unmatched])
        resolve_parties(db, decisions, user="test")
        return import_bytes(db, data, export.name, export.kind, user="test")


def _decisions(export: ExportFile, names: list[str]) -> list[Resolution]:
    meant = {}
    for row in export.rows:
        pairs = zip(row.holders, row.holder_codes, strict=True) if export.kind == "patents" else []
        meant.update(pairs)
    return [Resolution(n, "pick", meant[n]) if meant.get(n) else Resolution(n, "exclude") for n in names]


@pytest.mark.parametrize("name", [e.name for e in EXPORTS if e.refused_reason is None])
def test_export_is_recognized_and_loads(fresh_db, name):
    export = BY_NAME[name]
    result = load(fresh_db, export)
    assert result.detected["profile"] == export.source
    assert result.rows_in_file == len(export.rows)
    assert result.rows_new > 0


@pytest.mark.parametrize("name", ["cnipa_patents.xlsx", "incopat.csv", "patsnap.xlsx"])
def test_patent_list_values(fresh_db, name):
    export = BY_NAME[name]
    load(fresh_db, export)
    for row in export.rows:
        patent_type, grant, lapse, county = fresh_db.rows(
            "SELECT patent_type, grant_date, lapse_date, county FROM patents WHERE app_no = ?", [row.app_no]
        )[0]
        assert patent_type == row.patent_type, row.app_no
        assert (grant is not None) == row.granted, row.app_no
        if row.grant_date:
            assert grant.isoformat() == row.grant_date, row.app_no
        if row.valid_now is not None:
            valid = grant is not None and grant <= TODAY and (lapse is None or lapse > TODAY)
            assert valid == row.valid_now, row.app_no
        if row.lapse_date:
            assert lapse.isoformat() == row.lapse_date, row.app_no
        codes = [
            c
            for (c,) in fresh_db.rows(
                "SELECT holder_code FROM patent_holders WHERE app_no = ? ORDER BY seq", [row.app_no]
            )
        ]
        assert codes == [c for c in row.holder_codes if c], row.app_no
        if row.county:
            assert county == row.county, row.app_no


def test_lapsed_without_a_date_lapse_on_the_import_day_and_say_so(fresh_db):
    export = BY_NAME["incopat.csv"]
    result = load(fresh_db, export)
    lapsed = [r for r in export.rows if r.granted and r.valid_now is False and r.lapse_date is None]
    assert lapsed, "the imitation must have a lapsed patent without a lapse date"
    for row in lapsed:
        assert fresh_db.scalar("SELECT lapse_date FROM patents WHERE app_no = ?", [row.app_no]) == TODAY
    assumed = {(w.reason, w.value) for w in result.warnings}
    assert ("derived_lapse_today", str(len(lapsed))) in assumed


def test_register_events(fresh_db):
    for name in ("cnipa_transfers.csv", "cnipa_licenses.xlsx", "cnipa_pledges.csv"):
        export = BY_NAME[name]
        load(fresh_db, export)
        for row in export.rows:
            found = fresh_db.rows(
                """SELECT holder_code, amount_10k, license_kind, record_no, counterparty_local, end_date
                   FROM patent_events WHERE app_no = ? AND event_type = ? AND event_date = ?
                     AND counterparty = ?""",
                [row.app_no, row.event_type, row.event_date, row.counterparty],
            )
            assert len(found) == 1, (name, row)
            holder, amount, kind, record, local, end = found[0]
            assert holder == row.holder_code, (name, row.app_no)
            assert amount == row.amount and kind == row.license_kind, (name, row.app_no)
            assert record == row.record_no, (name, row.app_no)
            if row.counterparty_code:  # a counterparty that is an institution of the city
                assert local is True, (name, row.app_no)
            if row.release_date:
                assert end.isoformat() == row.release_date, (name, row.app_no)


def test_licences_without_production_are_counted_and_said(fresh_db):
    result = load(fresh_db, BY_NAME["cnipa_licenses.xlsx"])
    assert ("derived_production_unknown", str(len(BY_NAME["cnipa_licenses.xlsx"].rows))) in {
        (w.reason, w.value) for w in result.warnings
    }


def test_contract_registration_values(fresh_db):
    export = BY_NAME["contract_registration.xlsx"]
    result = load(fresh_db, export)
    assert result.detected["dropped_total_line"]  # the 合计 row
    for row in export.rows:
        found = fresh_db.rows(
            """SELECT contract_type, seller_code, buyer_local, turnover_10k, tech_amount_10k, involves_patent,
                      (SELECT list(app_no ORDER BY app_no) FROM contract_patents p
                       WHERE p.contract_no = c.contract_no)
               FROM contracts c WHERE contract_no = ?""",
            [row.contract_no],
        )[0]
        ctype, seller, local, turnover, tech, involves, app_nos = found
        assert (ctype, seller) == (row.contract_type, row.seller_code), row.contract_no
        assert local == (row.buyer_local or False), row.contract_no  # unknown: outside, reported
        assert turnover == pytest.approx(row.turnover) and involves == row.involves_patent, row.contract_no
        assert tech == (pytest.approx(row.tech_amount) if row.tech_amount is not None else None)
        assert sorted(app_nos or []) == sorted(row.app_nos), row.contract_no
    unknown = sum(1 for r in export.rows if r.buyer_local is None)
    assert ("derived_local_unknown", str(unknown)) in {(w.reason, w.value) for w in result.warnings}


def test_excel_damaged_contract_numbers_are_refused_with_the_cause(fresh_db):
    export = BY_NAME["contracts_excel_damaged.csv"]
    with pytest.raises(ImportRejected) as refused:
        load(fresh_db, export)
    errors = [p for p in refused.value.problems if p.severity == "error"]
    assert errors and {p.reason for p in errors} == {export.refused_reason}
    assert all(p.column == "合同登记编号" and "E+" in p.value for p in errors)
    assert "Excel" in errors[0].message("zh") and "XLSX" in errors[0].message("zh")
    assert fresh_db.scalar("SELECT count(*) FROM contracts") == 5  # the tiny dataset's, unchanged


def test_filing_list_values(fresh_db):
    export = BY_NAME["filing_list.csv"]
    load(fresh_db, export)
    for row in export.rows:
        code, intensive = fresh_db.rows(
            "SELECT enterprise_code, patent_intensive FROM filings WHERE filing_no = ?", [row.filing_no]
        )[0]
        assert (code, intensive) == (row.credit_code, row.patent_intensive), row.filing_no
        linked = [
            a
            for (a,) in fresh_db.rows(
                "SELECT app_no FROM filing_patents WHERE filing_no = ?", [row.filing_no]
            )
        ]
        assert sorted(linked) == sorted(row.app_nos), row.filing_no
        if row.output_year:
            output = fresh_db.scalar(
                "SELECT output_10k FROM filing_outputs WHERE filing_no = ? AND year = ?",
                [row.filing_no, row.output_year],
            )
            assert output == pytest.approx(row.output), row.filing_no


def _blanked(data: bytes, *headers: str) -> bytes:
    """The incoPat CSV with the cells of some columns left empty (the export says nothing)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    blank = {rows[0].index(h) for h in headers}
    out = io.StringIO()
    csv.writer(out).writerows(
        [rows[0]] + [["" if i in blank else c for i, c in enumerate(r)] for r in rows[1:]]
    )
    return out.getvalue().encode("utf-8-sig")


def test_k4_counts_fewer_valid_patents_once_lapsed_ones_are_recognized(fresh_db, tiny_file, tmp_path):
    """The same incoPat list with and without its legal status: lapsed, refused and withdrawn
    patents of the universities and institutes leave the valid count."""
    from data_layer.db import Database

    export = BY_NAME["incopat.csv"]
    data = (HERE / export.name).read_bytes()
    blind_path = tmp_path / "blind.duckdb"
    blind_path.write_bytes(tiny_file.read_bytes())
    blind = Database(blind_path)
    try:
        stripped = _blanked(data, "法律状态", "简单法律状态", "失效日")
        load(blind, export, stripped)
        load(fresh_db, export)
        kinds = ("university", "research_institute")
        seen = industrialization(fresh_db, [TODAY], None, kinds).iloc[0]
        unseen = industrialization(blind, [TODAY], None, kinds).iloc[0]
    finally:
        blind.close()
    academic = {"12440800MB0000001M", "12440800MB0000002Q"}
    not_valid = sum(
        1 for r in export.rows if r.valid_now is False and r.granted and academic & set(r.holder_codes)
    )
    assert not_valid > 0
    assert seen["valid"] == unseen["valid"] - not_valid


def test_k5_counts_a_contract_whose_ip_type_is_patent_without_numbers(fresh_db):
    from data_layer.kpis import patent_contract_turnover

    export = BY_NAME["contract_registration.xlsx"]
    load(fresh_db, export)
    by_year = {}
    for row in export.rows:
        if row.involves_patent:
            by_year[int(row.registered[:4])] = by_year.get(int(row.registered[:4]), 0) + row.turnover
    unnumbered = [r for r in export.rows if r.involves_patent and not r.app_nos]
    assert unnumbered, "the imitation must have a 专利 contract without patent numbers"
    tiny = {2023: 100.0, 2025: 130.0, 2026: 60.0}  # C1; C3 + C4; C5 of the tiny dataset
    frame = patent_contract_turnover(fresh_db, TODAY).set_index("year")["turnover_10k"]
    for year, amount in by_year.items():
        assert frame[year] == pytest.approx(amount + tiny.get(year, 0.0)), year
