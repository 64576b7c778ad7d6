"""Opening the app's database: built from the sample data on first start when the file is missing.

The bundled pack's sample is ``sample_data/``; another pack's is generated for its divisions
(``samplegen``) into ``data/sample-<pack>/`` the first time it is needed.
"""

from __future__ import annotations

import os
from pathlib import Path

from .db import Database
from .ingest import load_folder
from .settings import Settings


def create_database(path: Path | str, sample_dir: Path | str | None, work_memory_mb: int = 384) -> Database:
    """Create the dataset at ``path``, loading ``sample_dir`` (if given) through the import path.

    The data is built in memory and published whole as the first generation, so a failed or
    interrupted first start never leaves a half-loaded database behind; of several processes
    starting at once, one publishes and the others open what it published.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f"{path.name}.building-{os.getpid()}")
    building.unlink(missing_ok=True)
    memory = Database(":memory:")
    try:
        if sample_dir is not None:
            load_folder(memory, sample_dir, user="sample")
            with memory.transaction() as cur:
                cur.execute("INSERT OR REPLACE INTO meta VALUES ('sample', 'true')")
        memory.copy_to(building)
        return Database(path, seed=building, work_memory_mb=work_memory_mb)
    finally:
        memory.close()
        building.unlink(missing_ok=True)


def open_database(settings: Settings | None = None) -> Database:
    """The app's database: opened if it exists, else created from the sample data."""
    settings = settings or Settings()
    if Path(settings.db_path).exists():
        return Database(settings.db_path, work_memory_mb=settings.work_memory_mb)
    return create_database(settings.db_path, sample_folder(settings), settings.work_memory_mb)


def sample_folder(settings: Settings, given: Path | None = None) -> Path:
    """``given`` or the settings' sample folder, generated for the region pack if it is missing."""
    folder = Path(given or settings.sample_dir)
    if not folder.exists() and given is None:
        from .samplegen import generate  # numpy-heavy; only a first start needs it

        partial = folder.with_name(f"{folder.name}.partial-{os.getpid()}")
        generate(partial)
        partial.rename(folder)  # whole or not at all: a killed first start generates again
    return folder


def is_sample(db: Database) -> bool:
    """True while the database is the bundled sample (pages show a 示例数据 marker)."""
    return db.meta("sample") == "true"
