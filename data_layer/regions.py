"""Region packs: one deployment's place and plan as data (``regions/<pack>/``).

``region.toml`` names the region (code, names), its divisions (code, names, kind, population
and its census year, tile on the schematic map), the functional zones counted in a division and
the words the UI uses for the place; ``plan.toml`` is the plan the region runs (title, document,
period, task areas and measures). Both are checked by pydantic when loaded;
``DASHBOARD_REGION`` chooses the pack (default ``zhanjiang``). Nothing outside the packs names a
place.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .errors import DashboardError

PACKS = Path(__file__).resolve().parent.parent / "regions"
DEFAULT_PACK = "zhanjiang"
ENV = "DASHBOARD_REGION"


class Division(BaseModel):
    """A county-level division of a city (or a city of a province)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^\d{6}$")
    name_zh: str = Field(min_length=2)
    name_en: str = Field(min_length=2)
    kind: Literal["district", "county", "city", "prefecture"]  # prefecture: a city of a province
    population_10k: float = Field(gt=0)
    tile: tuple[int, int]


class Zone(BaseModel):
    """A functional zone (development zone …): not a division, counted in the one that hosts it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name_zh: str = Field(min_length=2)
    name_en: str = Field(min_length=2)
    division: str


class Words(BaseModel):
    """How the UI names the place, in both languages (``{place}`` and friends in i18n)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    app_title_zh: str
    app_title_en: str
    tab_zh: str  # the browser tab's suffix
    tab_en: str
    based_zh: str = Field(min_length=1)  # 驻<city>: institutions based in the region (K4)
    local_zh: str  # 本市 / 本省
    whole_zh: str  # 全市 / 全省
    region_en: str  # city / province: "the city", "Whole city"
    division_zh: str  # 区县 in a city, 地市 in a province
    division_en: str  # county / city
    divisions_en: str  # counties / cities


class Area(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int = Field(ge=1)
    name_zh: str
    name_en: str


class Measure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    number: int = Field(ge=1)
    area: int = Field(ge=1)
    name_zh: str
    name_en: str
    short_zh: str  # the measures grid's row label
    short_en: str


class Plan(BaseModel):
    """The plan a region runs: its document, period, task areas and measures."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title_zh: str
    title_en: str
    document: str  # the issuing document's number, or its title when it has none
    start: dt.date
    end: dt.date
    areas: tuple[Area, ...] = Field(min_length=1)
    measures: tuple[Measure, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Plan:
        if self.end <= self.start:
            raise ValueError("the plan ends before it starts")
        if [a.number for a in self.areas] != list(range(1, len(self.areas) + 1)):
            raise ValueError("areas must be numbered 1, 2, 3 … in order")
        if [m.number for m in self.measures] != list(range(1, len(self.measures) + 1)):
            raise ValueError("measures must be numbered 1, 2, 3 … in order")
        if any(m.area > len(self.areas) for m in self.measures):
            raise ValueError("a measure names an area the plan does not have")
        return self


class Region(BaseModel):
    """One pack: the region, its divisions, the words for it and its plan."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(pattern=r"^\d{6}$")
    name_zh: str
    name_en: str
    short_zh: str
    level: Literal["city", "province"]
    population_year: int
    divisions: tuple[Division, ...] = Field(min_length=1)
    zones: tuple[Zone, ...] = ()
    words: Words
    plan: Plan

    @model_validator(mode="after")
    def _consistent(self) -> Region:
        codes = [d.code for d in self.divisions]
        if len(set(codes)) != len(codes):
            raise ValueError("two divisions share a code")
        if len({d.tile for d in self.divisions}) != len(codes):
            raise ValueError("two divisions share a tile")
        unknown = sorted({z.division for z in self.zones} - set(codes))
        if unknown:
            raise ValueError(f"zones name divisions the pack does not have: {unknown}")
        return self

    @property
    def zone_divisions(self) -> dict[str, str]:
        """Zone name (Chinese) -> the adcode of the division that hosts it."""
        return {z.name_zh: z.division for z in self.zones}

    @property
    def code_prefix(self) -> str:
        """The adcode digits every division shares (4408 for a city, 44 for a province)."""
        return self.code[:4] if self.level == "city" else self.code[:2]


def load(path: Path) -> Region:
    """The pack in folder ``path``, checked (pydantic's ValidationError names what is wrong)."""
    with (path / "region.toml").open("rb") as file:
        data = tomllib.load(file)
    with (path / "plan.toml").open("rb") as file:
        data["plan"] = tomllib.load(file)
    return Region.model_validate(data)


class RegionMismatch(DashboardError):
    """A database of another region than the pack this process runs (``error.region_mismatch``)."""


def name_of(region: Region) -> str:
    """The folder name of a bundled pack."""
    return next(n for n in names() if pack(n) == region)


def names() -> list[str]:
    """The bundled packs' folder names."""
    return sorted(p.parent.name for p in PACKS.glob("*/region.toml"))


@functools.lru_cache(maxsize=8)
def pack(name: str = DEFAULT_PACK) -> Region:
    """A bundled pack by folder name, loaded once per process."""
    return load(PACKS / name)


def current() -> Region:
    """The pack this deployment runs: ``DASHBOARD_REGION`` (``Settings.region``), read on each
    call (a dictionary lookup) so tests can run pages against several packs in one process."""
    return pack(current_name())


def current_name() -> str:
    """The folder name of the pack this deployment runs (see ``current``)."""
    return os.environ.get(ENV) or _configured()


@functools.lru_cache(maxsize=1)
def _configured() -> str:
    """The pack ``.env`` names when the environment does not (read once)."""
    from .settings import Settings  # settings reads .env; packs load without it

    return Settings().region
