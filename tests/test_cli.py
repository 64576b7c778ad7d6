"""``python -m data_layer``: the command-line face of the data layer, run as a real process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from data_layer.db import Database
from data_layer.parties import AliasError, add_alias
from data_layer.profiles import Profile, builtin_profiles, find, save
from data_layer.users import list_users

from .conftest import ROOT, TINY, write_csv
from .exports.expected import EXPORTS


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


def test_commands_work_while_another_process_holds_the_data(tmp_path, tiny_file):
    """The app (this test process) keeps the data open; the command line imports and adds an
    account meanwhile, and the app reads the new data on its next read, without a restart."""
    path = tmp_path / "held.duckdb"
    shutil.copy(tiny_file, path)
    app = Database(path)
    try:
        before, generation = app.scalar("SELECT count(*) FROM contracts"), app.generation
        rows = [list(r) for r in TINY["contracts"]]
        rows.append(["C-CLI", "新合同", "技术服务", rows[1][3], "某公司", "否", "2025-01-02", "1", "", ""])
        done = cli("--db", str(path), "import", str(write_csv(tmp_path / "contracts.csv", rows)))
        assert done.returncode == 0, done.stderr
        added = cli("--db", str(path), "users", "add", "wang", "--password-stdin", stdin="long-enough-1\n")
        assert added.returncode == 0, added.stderr
        assert app.scalar("SELECT count(*) FROM contracts") == before + 1
        assert app.generation == generation + 1
        assert [u[0] for u in list_users(app)] == ["wang"]
    finally:
        app.close()


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


# --- source profiles, aliases, vocabularies ---------------------------------------------------

INCOPAT = next(e for e in EXPORTS if e.name == "incopat.csv")
UNKNOWN_HOLDERS = sorted(
    {h for row in INCOPAT.rows for h, code in zip(row.holders, row.holder_codes, strict=True) if not code}
)


@pytest.fixture
def db_copy(tiny_file, tmp_path) -> str:
    """A writable copy of the tiny database, closed so that the command line can open it."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(tiny_file, path)
    return str(path)


def test_profiles_list_shows_the_builtins(db_copy):
    done = cli("--db", db_copy, "--lang", "en", "profiles", "list")
    assert done.returncode == 0, done.stderr
    lines = [line.split("\t") for line in done.stdout.splitlines()]
    assert [(n, k, b) for n, k, b, _ in lines] == [(p.name, p.kind, "built-in") for p in builtin_profiles()]
    assert len(lines) == 8 and ["incopat", "patents", "built-in", "incoPat export"] in lines


def test_saved_profile_export_delete_import_round_trip(db_copy, tmp_path):
    mine = Profile(name="区县汇总表", kind="patents", label_zh="区县报送", columns={"title": "专利名"})
    db = Database(db_copy)
    save(db, mine, "staff")
    db.close()
    file = tmp_path / "profiles.json"
    exported = cli("--db", db_copy, "profiles", "export", str(file))
    assert exported.returncode == 0 and "区县汇总表" in exported.stdout, exported.stderr
    assert cli("--db", db_copy, "profiles", "delete", "区县汇总表").returncode == 0
    assert "区县汇总表" not in cli("--db", db_copy, "profiles", "list").stdout
    again = cli("--db", db_copy, "profiles", "delete", "区县汇总表")
    assert again.returncode == 1 and "区县汇总表" in again.stderr and "Traceback" not in again.stderr
    builtin = cli("--db", db_copy, "--lang", "en", "profiles", "delete", "incopat")
    assert builtin.returncode == 1 and "built-in" in builtin.stderr and "Traceback" not in builtin.stderr

    loaded = cli("--db", db_copy, "profiles", "import", str(file), "--user", "other office")
    assert loaded.returncode == 0, loaded.stderr
    assert "区县汇总表\tpatents\tsaved\t区县报送" in cli("--db", db_copy, "profiles", "list").stdout
    db = Database(db_copy)
    assert find(db, "区县汇总表") == mine
    db.close()

    named = tmp_path / "named.json"
    assert cli("--db", db_copy, "profiles", "export", str(named), "incopat", "区县汇总表").returncode == 0
    assert [p["name"] for p in json.loads(named.read_text(encoding="utf-8"))["profiles"]] == [
        "incopat",
        "区县汇总表",
    ]
    bad = cli("--db", db_copy, "profiles", "import", str(ROOT / "tests" / "exports" / "incopat.csv"))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


def test_import_through_a_profile_waits_for_names_then_loads(db_copy):
    file = str(ROOT / "tests" / "exports" / "incopat.csv")
    assert UNKNOWN_HOLDERS == ["广州某某科技有限公司", "张伟"]
    refused = cli("--db", db_copy, "--lang", "en", "import", file, "--profile", "incopat")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    unmatched = [line for line in refused.stderr.splitlines() if line.startswith("unmatched: ")]
    assert [line.split("'")[1] for line in unmatched] == UNKNOWN_HOLDERS
    assert "row 8, 1 row(s); suggested: individual, 440881 Lianjiang City" in unmatched[1]
    assert "aliases add" in refused.stderr.splitlines()[-1]

    as_json = cli("--db", db_copy, "import", file, "--profile", "incopat", "--json")
    assert as_json.returncode == 1
    problems = json.loads(as_json.stdout)  # a list of problems, as before
    assert sorted(p["value"] for p in problems if p["reason"] == "party_unmatched") == UNKNOWN_HOLDERS
    names = json.loads(as_json.stderr)["unmatched"]
    assert [(u["name"], u["suggested_kind"]) for u in names] == [
        ("广州某某科技有限公司", "enterprise"),
        ("张伟", "individual"),
    ]

    for name in UNKNOWN_HOLDERS:
        done = cli("--db", db_copy, "aliases", "exclude", name, "--user", "staff")
        assert done.returncode == 0, done.stderr
    listed = [line.split("\t") for line in cli("--db", db_copy, "aliases", "list").stdout.splitlines()]
    assert [(a, meant, who) for a, meant, who, _ in listed] == [
        (n, "untracked", "staff") for n in UNKNOWN_HOLDERS
    ]

    dry = cli("--db", db_copy, "import", file, "--profile", "incopat", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    preview = json.loads(dry.stdout)
    assert (preview["rows_in_file"], preview["batch_id"], preview["detected"]["profile"]) == (
        len(INCOPAT.rows),
        None,
        "incopat",
    )
    assert preview["rows_new"] + preview["rows_replaced"] == len(INCOPAT.rows)  # 测试专利2 is P2
    loaded = cli("--db", db_copy, "--lang", "en", "import", file, "--profile", "incopat")
    assert loaded.returncode == 0, loaded.stderr
    assert "incopat.csv: profile incopat (incoPat export)" in loaded.stdout
    assert f"{preview['rows_new']} new, {preview['rows_replaced']} replaced" in loaded.stdout
    assert "  derived: 9 rows: county from the first holder's county" in loaded.stdout
    assert "  warning: 失效日: '1': 1 rows: lapsed by legal status but no lapse date" in loaded.stdout
    db = Database(db_copy)
    apps = [r.app_no for r in INCOPAT.rows]
    assert db.scalar(
        f"SELECT count(*) FROM patents WHERE app_no IN ({', '.join('?' * len(apps))})", apps
    ) == len(apps)
    db.close()


def test_unknown_profile_is_a_problem_of_the_file(db_copy):
    file = str(ROOT / "tests" / "exports" / "incopat.csv")
    done = cli("--db", db_copy, "import", file, "--profile", "no such", "--json")
    assert done.returncode == 1
    assert [(p["reason"], p["value"]) for p in json.loads(done.stdout)] == [("profile_unknown", "no such")]


def test_alias_needs_an_existing_institution(db_copy):
    db = Database(db_copy)
    with pytest.raises(AliasError) as refused:
        add_alias(db, "湛江某某公司", "91440800MA99999999", "staff")
    assert refused.value.code == "code_unknown"
    db.close()
    done = cli("--db", db_copy, "aliases", "add", "湛江某某公司", "91440800MA99999999")
    assert done.returncode == 1 and "91440800MA99999999" in done.stderr and "Traceback" not in done.stderr
    assert cli("--db", db_copy, "aliases", "list").stdout == ""

    code = INCOPAT.rows[0].holder_codes[0]  # 湛江测试大学
    assert cli("--db", db_copy, "aliases", "add", "湛江测试大学东校区", code.lower()).returncode == 0
    assert cli("--db", db_copy, "aliases", "list").stdout.startswith(
        f"湛江测试大学东校区\t{code} 湛江测试大学\tcli\t"
    )
    assert cli("--db", db_copy, "aliases", "delete", "湛江测试大学东校区").returncode == 0
    again = cli("--db", db_copy, "aliases", "delete", "湛江测试大学东校区")
    assert again.returncode == 1 and "Traceback" not in again.stderr


def test_vocab_prints_the_words_in_force(db_copy):
    done = cli("--db", db_copy, "vocab", "patent_type")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "[patent_type]"
    assert "发明授权\tinvention" in done.stdout.splitlines()
    every = json.loads(cli("--db", db_copy, "vocab", "--json").stdout)
    assert {"patent_type", "legal_status", "grant_hint"} <= set(every)
    assert cli("--db", db_copy, "vocab", "no_such").returncode == 2


def test_backup_list_and_restore_from_the_command_line(tmp_path, tiny_file):
    path = tmp_path / "data" / "dashboard.duckdb"
    path.parent.mkdir()
    shutil.copy(tiny_file, path)
    folder = tmp_path / "kept"
    made = cli("--db", str(path), "backup", "--to", str(folder), "--keep", "3")
    assert made.returncode == 0, made.stderr
    listed = cli("--db", str(path), "backups", "--to", str(folder))
    (line,) = listed.stdout.splitlines()
    backup_file = line.split("\t")[-1]
    assert backup_file.startswith(str(folder)) and "generation 1" in line
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"not a database" * 1000)
    refused = cli("--db", str(path), "--lang", "en", "restore", str(garbage))
    assert refused.returncode == 1 and "cannot be read" in refused.stderr
    restored = cli("--db", str(path), "restore", backup_file)
    assert restored.returncode == 0, restored.stderr
    assert "as generation 2" in restored.stdout
    assert (tmp_path / "data" / "backups").is_dir()  # what it replaced, in the default folder
