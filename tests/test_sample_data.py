"""The bundled sample: reproducible from the generator, loads cleanly, tells the intended story."""

from __future__ import annotations

import datetime as dt
import filecmp

from data_layer.kpis import compute_kpis
from data_layer.samplegen import generate
from data_layer.scope import Scope
from data_layer.startup import is_sample

from .conftest import ROOT

SAMPLE = ROOT / "sample_data"


def test_generator_reproduces_the_committed_files(tmp_path):
    counts = generate(tmp_path, scale=1)
    names = sorted(p.name for p in SAMPLE.glob("*.csv"))
    assert names == sorted(f"{kind}.csv" for kind in counts)
    same, mismatch, errors = filecmp.cmpfiles(SAMPLE, tmp_path, names, shallow=False)
    assert (mismatch, errors) == ([], [])
    assert same == names


def test_sample_loads_completely_through_the_import_path(sample_db):
    assert is_sample(sample_db)
    counts = dict(sample_db.rows("SELECT kind, sum(rows_in_file) FROM imports GROUP BY kind"))
    assert len(counts) == 9
    assert 20_000 <= sample_db.scalar("SELECT count(*) FROM patents") <= 60_000
    assert sample_db.scalar("SELECT count(*) FROM institutions") >= 300
    assert sample_db.scalar("SELECT count(DISTINCT measure) FROM indicators") == 12
    assert sample_db.scalar("SELECT count(DISTINCT quarter) FROM indicators") == 15  # 2023Q1..2026Q3
    assert sample_db.scalar("SELECT count(*) FROM county_rules") == 9
    assert sample_db.scalar("SELECT count(DISTINCT county) FROM events") == 9


def test_sample_story(sample_db):
    now = {k.code: k for k in compute_kpis(sample_db, Scope(as_of=dt.date(2026, 11, 27)))}
    # Filing enterprises met the target by the deadline; products missed it, and passed it later.
    assert now["K1"].status_at_deadline == "met"
    assert now["K2"].status_at_deadline == "missed" and now["K2"].status == "met_late"
    assert now["K3"].status == "met"
    assert now["K4"].status == "met"
    assert now["K5"].status_at_deadline == "missed"
    counties = {
        c: compute_kpis(sample_db, Scope(as_of=dt.date(2026, 11, 27), division=c))[1].value
        for c in ("440803", "440825")
    }
    assert counties["440803"] > counties["440825"]  # counties differ
