"""``python -m data_layer``: the command-line face of the data layer, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

from data_layer.db import Database

from .conftest import ROOT, TINY, write_csv


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "data_layer", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
    )


def test_init_import_and_kpis(tmp_path, tiny_dir):
    db = str(tmp_path / "cli.duckdb")
    done = cli("--db", db, "init", "--sample-dir", str(tiny_dir))
    assert done.returncode == 0, done.stderr
    assert "patents: 11 rows, 11 new" in done.stdout

    again = cli("--db", db, "import", str(tiny_dir / "patents.csv"), "--kind", "patents", "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["rows_same"] == 11

    kpis = cli("--db", db, "kpis", "--json", "--as-of", "2026-06-30")
    assert kpis.returncode == 0, kpis.stderr
    found = {k["code"]: k for k in json.loads(kpis.stdout)}
    assert list(found) == ["K1", "K2", "K3", "K4", "K5"]
    assert (found["K2"]["value"], found["K2"]["target"], found["K2"]["status"]) == (4, 5.0, "missed")
    assert found["K1"]["name"] == "专利产品备案企业数"
    county = json.loads(
        cli("--db", db, "kpis", "--json", "--as-of", "2026-06-30", "--county", "440881").stdout
    )
    assert county[1]["value"] == 2
    by_name = json.loads(
        cli("--db", db, "kpis", "--json", "--as-of", "2026-06-30", "--county", "廉江市").stdout
    )
    assert by_name == county
    unknown = cli("--db", db, "kpis", "--json", "--county", "番禺区")
    assert unknown.returncode == 2 and "番禺区" in unknown.stderr


def test_bad_file_exits_nonzero_with_errors_and_changes_nothing(tmp_path, tiny_dir):
    db = str(tmp_path / "cli.duckdb")
    assert cli("--db", db, "init", "--sample-dir", str(tiny_dir)).returncode == 0
    rows = [list(r) for r in TINY["contracts"]]
    rows[2][7] = "-1"
    done = cli(
        "--db",
        db,
        "--lang",
        "en",
        "import",
        str(write_csv(tmp_path / "c.csv", rows)),
        "--kind",
        "contracts",
        "--json",
    )
    assert done.returncode == 1
    problems = json.loads(done.stdout)
    assert [(p["file"], p["row"], p["column"], p["value"], p["reason"]) for p in problems] == [
        ("c.csv", 3, "合同成交额（万元）", "-1", "number_negative")
    ]
    assert problems[0]["message"] == "must not be negative"
    check = Database(db)
    assert check.scalar("SELECT count(*) FROM contracts") == len(TINY["contracts"]) - 1
    check.close()


def test_init_if_missing_builds_once(tmp_path, tiny_dir):
    db = tmp_path / "sub" / "app.duckdb"
    first = cli("--db", str(db), "init", "--if-missing", "--sample-dir", str(tiny_dir))
    assert first.returncode == 0 and db.exists(), first.stderr
    built = db.stat().st_mtime_ns
    second = cli("--db", str(db), "init", "--if-missing", "--sample-dir", str(tiny_dir))
    assert second.returncode == 0 and db.stat().st_mtime_ns == built
    check = Database(db)
    assert check.meta("sample") == "true" and check.scalar("SELECT count(*) FROM patents") == 11
    check.close()


def test_database_held_by_another_process_is_reported(tmp_path):
    path = tmp_path / "held.duckdb"
    holder = Database(path)  # this test process plays the running app
    try:
        done = cli("--db", str(path), "kpis", "--json")
    finally:
        holder.close()
    assert done.returncode == 3
    assert "in use by another process" in done.stderr


def test_import_a_chosen_sheet_dry_run_writes_nothing(tmp_path, tiny_dir):
    db = str(tmp_path / "cli.duckdb")
    assert cli("--db", db, "init", "--sample-dir", str(tiny_dir)).returncode == 0
    book = str(ROOT / "tests" / "corpus" / "multi_sheet_forced.xlsx")
    dry = cli("--db", db, "import", book, "--kind", "contracts", "--sheet", "2025年", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    found = json.loads(dry.stdout)
    assert (found["rows_new"], found["detected"]["sheet"], found["batch_id"]) == (1, "2025年", None)
    check = Database(db)
    assert check.scalar("SELECT count(*) FROM contracts WHERE contract_no = 'HT2025-090'") == 0
    check.close()
