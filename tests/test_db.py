"""The connection strategy: many threads read while one writes, nothing breaks or half-shows."""

from __future__ import annotations

import threading

from data_layer.ingest import import_file

from .conftest import TINY, write_csv


def test_concurrent_sessions_read_while_an_import_commits(fresh_db, tmp_path):
    rows = [list(r) for r in TINY["contracts"]]
    rows += [
        [f"N{i}", "新合同", "技术服务", r[3], "某公司", "否", "2025-01-02", "1", "", ""]
        for i, r in enumerate(rows[1:3] * 50)
    ]
    path = write_csv(tmp_path / "contracts.csv", rows)
    before = fresh_db.scalar("SELECT count(*) FROM contracts")
    errors: list[BaseException] = []
    seen: set[int] = set()

    def reader():
        try:
            for _ in range(40):
                seen.add(int(fresh_db.scalar("SELECT count(*) FROM contracts")))
                fresh_db.query("SELECT seller_code, sum(turnover_10k) FROM contracts GROUP BY ALL")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    generation = fresh_db.generation
    import_file(fresh_db, path)
    for thread in threads:
        thread.join()
    assert errors == []
    after = before + 100
    assert seen <= {before, after}  # a reader sees the import entirely or not at all
    assert fresh_db.scalar("SELECT count(*) FROM contracts") == after
    assert fresh_db.generation == generation + 1


def test_checking_a_file_leaves_the_write_lock_free(fresh_db, tmp_path):
    """Logins, deck saves and freezes wait only for an import's final write, not its checks."""
    from data_layer.identifiers import make_credit_code

    rows = [list(r) for r in TINY["institutions"]]
    rows.append([make_credit_code("91440882MA0000009"), "雷州新单位有限公司", "企业", "雷州市", "糖业", "否"])
    held: dict[str, set[bool]] = {}

    def progress(stage: str, done: float) -> None:
        free = fresh_db._write_lock.acquire(blocking=False)
        if free:
            fresh_db._write_lock.release()
        held.setdefault(stage, set()).add(not free)

    import_file(fresh_db, write_csv(tmp_path / "institutions.csv", rows), user="li", progress=progress)
    assert held["reading"] == {False} and held["checking"] == {False}
    assert True in held["loading"]  # the write itself holds it


def test_readers_do_not_wait_for_an_undo(fresh_db, tmp_path):
    """Undoing a large import (a delete of every row it brought) commits while pages read.

    With a key index on the table, that commit made every reader wait until DuckDB had taken
    the rows out of the index: 5 s and more for these 150,000 patents, 81 s in the audit.
    """
    import statistics
    import time

    from data_layer.batches import undo_batch
    from data_layer.identifiers import make_app_no

    holder = TINY["institutions"][1][0]
    header = TINY["patents"][0]
    rows = [header] + [
        [
            make_app_no(2024, "2", 7_000_000 + i),
            "一种装置",
            "实用新型",
            "2024-03-01",
            "",
            "",
            holder,
            "赤坎区",
        ]
        for i in range(150_000)
    ]
    batch = import_file(fresh_db, write_csv(tmp_path / "patents.csv", rows)).batch_id
    answers: list[float] = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            started = time.perf_counter()
            fresh_db.query("SELECT patent_type, count(*) FROM patents GROUP BY ALL")
            answers.append(time.perf_counter() - started)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        while len(answers) < 20:  # the readers' pace before the undo
            time.sleep(0.01)
        idle = max(answers)
        undo_batch(fresh_db, batch, user="cli", role="admin")
        count = len(answers)
        while len(answers) < count + 5:  # a few answers after the commit
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join()
    assert fresh_db.scalar("SELECT count(*) FROM patents") == len(TINY["patents"]) - 1
    # Generous for a loaded machine: a wait for the undo is seconds, an answer is milliseconds.
    assert max(answers) < max(1.5, 10 * idle), (max(answers), idle, statistics.median(answers))
