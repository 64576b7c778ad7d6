"""Opening the app's database: built from ``sample_data/`` on first start when the file is missing."""

from __future__ import annotations

import os
from pathlib import Path

from .db import Database
from .ingest import load_folder
from .settings import Settings


def create_database(path: Path | str, sample_dir: Path | str | None) -> Database:
    """Create a database at ``path``, loading ``sample_dir`` (if given) through the import path.

    The file is built beside its final name and renamed when complete, so a failed or
    interrupted first start never leaves a half-loaded database behind.
    """
    path = Path(path)
    building = path.with_name(path.name + ".building")
    building.unlink(missing_ok=True)
    db = Database(building)
    try:
        if sample_dir is not None:
            load_folder(db, sample_dir, user="sample")
            with db.transaction() as cur:
                cur.execute("INSERT OR REPLACE INTO meta VALUES ('sample', 'true')")
    finally:
        db.close()
    os.replace(building, path)
    return Database(path)


def open_database(settings: Settings | None = None) -> Database:
    """The app's database: opened if it exists, else created from the sample data."""
    settings = settings or Settings()
    if Path(settings.db_path).exists():
        return Database(settings.db_path)
    return create_database(settings.db_path, settings.sample_dir)


def is_sample(db: Database) -> bool:
    """True while the database is the bundled sample (pages show a 示例数据 marker)."""
    return db.meta("sample") == "true"
