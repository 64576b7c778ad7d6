"""Published generations: writers in several processes, readers that never see half a write,
imports killed at any moment, backups taken while serving and restored."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from data_layer import schema
from data_layer.backups import BackupError, backup, check_backup, list_backups, restore
from data_layer.batches import undo_batch
from data_layer.db import Database
from data_layer.ingest import import_file
from data_layer.users import add_user, list_users

from .conftest import ROOT, TINY, write_csv


def table_hashes(db: Database) -> dict[str, tuple[int, int]]:
    """Every data table's row count and an order-free hash of its rows."""
    tables = [
        r[0]
        for r in db.rows(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1"
        )
    ]
    return {
        t: tuple(db.rows(f"SELECT count(*), coalesce(bit_xor(hash(t)), 0) FROM {t} t")[0]) for t in tables
    }


def contracts_file(path, count: int, prefix: str = "N"):
    seller = TINY["contracts"][1][3]
    rows = [list(TINY["contracts"][0])]
    rows += [
        [f"{prefix}{i}", "新合同", "技术服务", seller, "某公司", "否", "2025-01-02", "1", "", ""]
        for i in range(count)
    ]
    return write_csv(path, rows)


def cli_import(db_path, file) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "data_layer",
            "--db",
            str(db_path),
            "import",
            str(file),
            "--kind",
            "contracts",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def dataset(tiny_file, tmp_path):
    path = tmp_path / "data" / "dashboard.duckdb"
    path.parent.mkdir()
    shutil.copy(tiny_file, path)
    db = Database(path)
    yield db
    db.close()


def test_a_dataset_is_a_link_to_its_newest_generation(dataset, tmp_path):
    path = dataset.path
    assert os.path.islink(path)
    first = dataset.generation
    import_file(dataset, contracts_file(tmp_path / "contracts.csv", 3))
    assert dataset.generation == first + 1
    assert os.path.realpath(path).endswith(f"{first + 1:06d}.duckdb")
    for _ in range(3):  # older generations are deleted; the previous one stays for readers
        import_file(dataset, contracts_file(tmp_path / "contracts.csv", 3, prefix=f"P{_}"))
    kept = sorted(p.name for p in dataset.generations.iterdir())
    assert kept == [f"{dataset.generation - 1:06d}.duckdb", f"{dataset.generation:06d}.duckdb"]


def test_two_imports_started_at_once_both_land(dataset, tmp_path):
    before = dataset.scalar("SELECT count(*) FROM contracts")
    first = cli_import(dataset.path, contracts_file(tmp_path / "a.csv", 2000, prefix="A"))
    second = cli_import(dataset.path, contracts_file(tmp_path / "b.csv", 2000, prefix="B"))
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    assert dataset.scalar("SELECT count(*) FROM contracts") == before + 4000
    batches = dataset.rows("SELECT file_name FROM imports WHERE file_name IN ('a.csv', 'b.csv')")
    assert sorted(b[0] for b in batches) == ["a.csv", "b.csv"]


def test_twenty_readers_see_before_or_after_never_between(dataset, tmp_path):
    before = dataset.scalar("SELECT count(*) FROM contracts")
    errors: list[BaseException] = []
    seen: set[int] = set()
    stop = threading.Event()

    def reader():
        try:
            while not stop.is_set():
                seen.add(int(dataset.scalar("SELECT count(*) FROM contracts")))
                dataset.query("SELECT seller_code, sum(turnover_10k) FROM contracts GROUP BY ALL")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(20)]
    for thread in threads:
        thread.start()
    try:
        batch = import_file(dataset, contracts_file(tmp_path / "contracts.csv", 5000)).batch_id
        time.sleep(0.5)
        undo_batch(dataset, batch, user="cli", role="admin")
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert seen == {before, before + 5000}


def _kill_when(db_path, file, line: str) -> int:
    """Start a CLI import; SIGKILL it as soon as it says ``line`` on stderr (``--progress``)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "data_layer", "--db", str(db_path), "import", str(file), "--kind", "contracts",
         "--progress"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    for said in process.stderr:
        if said.strip() == line:
            process.send_signal(signal.SIGKILL)
            break
    process.stderr.close()
    return process.wait(timeout=120)


# As the CLI reports them: reading and checking (no lock), the working copy made and the diff
# begun, the diff done, and the rows written (then it commits, syncs and publishes).
MOMENTS = ("reading 0%", "checking 0%", "loading 0%", "loading 30%", "loading 100%")


def test_an_import_killed_at_any_moment_leaves_the_data_as_it_was(dataset, tmp_path):
    file = contracts_file(tmp_path / "contracts.csv", 100_000)
    for moment in MOMENTS:
        before = table_hashes(dataset)
        code = _kill_when(dataset.path, file, moment)
        assert code == -signal.SIGKILL, f"the import ended before it said {moment!r}"
        dataset.refresh()
        if table_hashes(dataset) == before:
            continue
        # Only once the rows are written can the kill come after the publish: then it landed whole.
        assert moment == "loading 100%", moment
        batch, new = dataset.rows("SELECT batch_id, rows_new FROM imports ORDER BY batch_id DESC LIMIT 1")[0]
        assert new == 100_000
        assert dataset.scalar("SELECT count(*) FROM contracts") == before["contracts"][0] + 100_000
        undo_batch(dataset, batch, user="cli", role="admin")
    result = import_file(dataset, contracts_file(tmp_path / "small.csv", 3, prefix="S"), "contracts")
    assert result.rows_new == 3
    assert not list(dataset.generations.glob("*.work*"))


def test_backup_while_serving_then_restore_gives_the_same_data(dataset, tmp_path):
    add_user(dataset, "li", "long-enough-1")
    folder = tmp_path / "backups"
    importing = threading.Thread(  # an import runs while the backup is taken
        target=import_file, args=(dataset, contracts_file(tmp_path / "contracts.csv", 20_000))
    )
    importing.start()
    taken = backup(dataset, folder)
    importing.join()
    source = Database(dataset.generations / f"{taken.generation:06d}.duckdb", read_only=True)
    expected = table_hashes(source)
    source.close()
    assert check_backup(taken.path) == schema.SCHEMA_VERSION
    add_user(dataset, "wang", "long-enough-2")  # after the backup: kept by a data-only restore
    import_file(dataset, contracts_file(tmp_path / "later.csv", 10, prefix="L"), "contracts")
    replaced = restore(dataset, taken.path, folder)
    assert table_hashes(dataset) == expected
    assert [u[0] for u in list_users(dataset)] == ["li", "wang"]
    # What the restore replaced was backed up first, and can itself be restored.
    assert replaced.path in [b.path for b in list_backups(folder)]
    restore(dataset, replaced.path, folder, with_accounts=True)
    assert dataset.scalar("SELECT count(*) FROM contracts WHERE contract_no LIKE 'L%'") == 10
    assert [u[0] for u in list_users(dataset)] == ["li", "wang"]


def test_backups_are_pruned_to_the_number_kept(dataset, tmp_path):
    import datetime as dt

    folder = tmp_path / "backups"
    start = dt.datetime(2026, 12, 1, 2, 0, 0)
    for day in range(5):
        backup(dataset, folder, keep=3, now=start + dt.timedelta(days=day))
    assert [b.taken_at.day for b in list_backups(folder)] == [5, 4, 3]


def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(dataset, tiny_file, tmp_path):
    folder = tmp_path / "backups"
    good = backup(dataset, folder)
    before, generation = table_hashes(dataset), dataset.generation
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(os.urandom(300_000))
    truncated = tmp_path / "truncated.duckdb"
    truncated.write_bytes(good.path.read_bytes()[:100_000])
    foreign = tmp_path / "foreign.duckdb"
    shutil.copy(tiny_file, foreign)  # a dashboard database, but not a backup
    for path, code in [
        (garbage, "unreadable"),
        (truncated, "unreadable"),
        (foreign, "foreign"),
        (tmp_path / "none.duckdb", "missing"),
    ]:
        with pytest.raises(BackupError) as refused:
            restore(dataset, path, folder)
        assert refused.value.code == code, path
        assert refused.value.message("zh") and refused.value.message("en")
    assert table_hashes(dataset) == before and dataset.generation == generation
    assert len(list_backups(folder)) == 1  # refused before the safety backup


def test_an_import_that_changes_nothing_publishes_nothing(dataset, tmp_path):
    file = contracts_file(tmp_path / "contracts.csv", 50)
    import_file(dataset, file)
    generation, files = dataset.generation, sorted(p.name for p in dataset.generations.iterdir())
    again = import_file(dataset, file)
    assert again.batch_id is None and (again.rows_new, again.rows_same) == (0, 50)
    assert dataset.generation == generation  # every cached page stays valid
    assert sorted(p.name for p in dataset.generations.iterdir()) == files


def test_a_copy_falls_back_where_the_kernel_cannot_copy(tmp_path, monkeypatch):
    from data_layer import db as db_module

    source = tmp_path / "a.duckdb"
    source.write_bytes(os.urandom(100_000))
    Path(f"{source}.wal").write_bytes(b"wal")
    monkeypatch.delattr(os, "copy_file_range")  # macOS, Windows
    db_module.copy_file(source, tmp_path / "b.duckdb")
    assert (tmp_path / "b.duckdb").read_bytes() == source.read_bytes()
    assert (tmp_path / "b.duckdb.wal").read_bytes() == b"wal"
