"""Settings: one pydantic-settings class; every field can be overridden by ``DASHBOARD_<NAME>``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .regions import DEFAULT_PACK

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Where the data lives and how the app behaves. Tests pass values to the constructor."""

    model_config = SettingsConfigDict(env_prefix="DASHBOARD_", env_file=".env", extra="ignore")

    # Filled in from the region when not given (see _region_defaults), so always a Path once built.
    db_path: Path = Field(
        None,
        validate_default=False,
        description="DuckDB database file (default data/dashboard.duckdb, data/dashboard-<pack>.duckdb)",
    )
    sample_dir: Path = Field(
        None,
        validate_default=False,
        description="CSV files loaded on first start (default sample_data/ for the bundled pack; another "
        "pack's sample is generated into data/sample-<pack>/ on first start)",
    )
    language: Literal["zh", "en"] = Field("zh", description="default UI language")
    region: str = Field(
        DEFAULT_PACK, pattern=r"^[a-z0-9_-]+$", description="the region pack: a folder of regions/"
    )
    upload_limit_mb: int = Field(200, ge=1, description="largest file staff may upload")
    work_memory_mb: int = Field(
        384, ge=64, description="DuckDB memory for checking and writing an import (beyond it: <db>.tmp)"
    )
    session_minutes: int = Field(60, ge=5, description="a staff login ends after this long without use")
    as_of: str | None = Field(None, description="freeze 'today' (YYYY-MM-DD) for briefings and tests")
    county_geojson: Path | None = Field(
        None, description="an approved county boundary map (GeoJSON) to draw instead of the schematic one"
    )
    snapshot_dir: Path | None = Field(
        None, description="where frozen briefing snapshots are kept (default: snapshots/ beside the database)"
    )
    snapshots_kept: int = Field(20, ge=1, description="how many frozen snapshots to keep")
    backup_dir: Path | None = Field(
        None, description="where `python -m data_layer backup` writes (default: backups/ beside the database)"
    )
    backups_kept: int = Field(
        14, ge=1, description="how many backups `backup` keeps (older ones are deleted)"
    )
    trusted_proxies: str = Field(
        "127.0.0.1,::1",
        description="addresses of reverse proxies whose X-Forwarded-For names the client (comma-separated)",
    )

    @model_validator(mode="after")
    def _region_defaults(self) -> Settings:
        """A pack other than the default keeps its own database and sample beside the default's."""
        default = self.region == DEFAULT_PACK
        if self.db_path is None:
            name = "dashboard.duckdb" if default else f"dashboard-{self.region}.duckdb"
            self.db_path = PROJECT_ROOT / "data" / name
        if self.sample_dir is None:
            self.sample_dir = PROJECT_ROOT / ("sample_data" if default else f"data/sample-{self.region}")
        return self

    def today(self) -> dt.date:
        """Today, or the date ``as_of`` freezes it to (tests, rehearsed briefings)."""
        return dt.date.fromisoformat(self.as_of) if self.as_of else dt.date.today()

    @property
    def backups(self) -> Path:
        """The folder of backups."""
        return self.backup_dir or self.db_path.parent / "backups"

    @property
    def snapshots(self) -> Path:
        """The folder of frozen briefing snapshots."""
        return self.snapshot_dir or self.db_path.parent / "snapshots"
