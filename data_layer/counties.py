"""The region's divisions and how names map to them, read from the region pack
(``regions/<pack>/region.toml``, see ``data_layer.regions``).

A division is a county-level division of a city, or a city of a province pack. Population is
the census resident population in 10,000 people, used for per-10,000-people figures.
Functional zones are not administrative divisions; data that names one is mapped to the
division that hosts its administrative committee, as the pack's ``zones`` list it.

Every lookup asks ``regions.current()`` (one dictionary read when the pack is loaded), so a
process serves the pack ``DASHBOARD_REGION`` names and tests can switch packs between pages.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import regions
from .regions import Region


@dataclass(frozen=True)
class County:
    adcode: str
    name_zh: str
    name_en: str
    kind: str  # district | county | city | prefecture (a city of a province)
    population_10k: float


@dataclass(frozen=True)
class _Lookup:
    """One pack's divisions and the names that find them, built once per pack."""

    region: Region
    divisions: tuple[County, ...]
    by_adcode: dict[str, County]
    by_name: dict[str, str]
    place_names: tuple[tuple[str, str], ...]  # longest first


# Keyed on the pack's name: hashing the Region itself (a pydantic model with every division)
# cost 10 us per call, 50 ms of a filings page at 100x that names a county on each table row.
@functools.lru_cache(maxsize=8)
def _lookup(name: str) -> _Lookup:
    region = regions.pack(name)
    divisions = tuple(
        County(d.code, d.name_zh, d.name_en, d.kind, d.population_10k) for d in region.divisions
    )
    by_name = {c.name_zh: c.adcode for c in divisions}
    # Short names without the suffix are common in staff files (the name without 市, 县 or 区).
    by_name.update({c.name_zh[:-1]: c.adcode for c in divisions})
    by_name.update({c.name_en.lower(): c.adcode for c in divisions})
    by_name.update({short.lower(): c.adcode for c in divisions for short in _english_short(c.name_en)})
    by_name.update(region.zone_divisions)
    # Names an address may carry, longest first so a development zone's full name wins.
    named = {**{c.name_zh: c.adcode for c in divisions}, **region.zone_divisions}
    places = sorted(named.items(), key=lambda kv: -len(kv[0]))
    return _Lookup(region, divisions, {c.adcode: c for c in divisions}, by_name, tuple(places))


def _english_short(name_en: str) -> tuple[str, ...]:
    """ "Lianjiang" for "Lianjiang City": English files often leave the kind out."""
    for suffix in (" District", " County", " City"):
        if name_en.endswith(suffix):
            return (name_en.removesuffix(suffix),)
    return ()


def _current() -> _Lookup:
    return _lookup(regions.current_name())


def region() -> Region:
    """The pack this process serves."""
    return regions.current()


def divisions() -> tuple[County, ...]:
    """The region's divisions in the pack's order."""
    return _current().divisions


def by_adcode() -> dict[str, County]:
    """Divisions by adcode."""
    return _current().by_adcode


def most_populous() -> str:
    """The adcode of the division with the most people (benchmarks and examples)."""
    return max(divisions(), key=lambda c: c.population_10k).adcode


def zones() -> dict[str, str]:
    """Functional zone name (Chinese) -> the adcode of the division that hosts it."""
    return _current().region.zone_divisions


def county_adcode(value: str) -> str:
    """Adcode for a division given by code, Chinese or English name, or functional zone.

    In a province pack, a county's own adcode finds its city (the first four digits). Raises
    ValueError("county_unknown") for anything else.
    """
    found = _current()
    text = (value or "").strip()
    if text in found.by_adcode:
        return text
    if found.region.level == "province" and len(text) == 6 and text.isdigit():
        city = text[:4] + "00"
        if city in found.by_adcode:
            return city
    text = text.removeprefix(found.region.name_zh)
    adcode = found.by_name.get(text) or found.by_name.get(text.lower())
    if adcode is None:
        raise ValueError("county_unknown")
    return adcode


def county_in_text(text: str | None) -> str | None:
    """The division an address or region names (``广东省<city><county>某路1号`` -> its adcode), if any.

    Full names and functional zones only: a short name inside an address may be a street or a
    company's name.
    """
    if not text:
        return None
    return next((adcode for name, adcode in _current().place_names if name in text), None)


def in_city(region_text: str | None = None, region_code: str | None = None) -> bool | None:
    """Whether a party's region (text) or 6-digit region code lies in the region; None if unknown."""
    found = _current().region
    code = (region_code or "").strip()
    if len(code) == 6 and code.isdigit():
        return code.startswith(found.code_prefix)
    text = (region_text or "").strip()
    if not text:
        return None
    return found.short_zh in text or county_in_text(text) is not None
