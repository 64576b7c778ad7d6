"""What the counties map is drawn on: a schematic tile grid by default, or an office's own GeoJSON.

Maps published in China must use an approved base map (审图号). The default is therefore not
a geographic map at all: one equal tile per division on a grid that keeps their relative
positions, as the region pack places them (``tile`` in ``region.toml``). An office holding an
approved boundary map can point ``DASHBOARD_COUNTY_GEOJSON`` at a GeoJSON FeatureCollection of
it whose features carry an ``adcode`` property; the page then draws that instead. No boundaries
ship with the program.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from .counties import by_adcode, region
from .settings import Settings

GEOJSON_ENV = "DASHBOARD_COUNTY_GEOJSON"


def tiles() -> dict[str, tuple[int, int]]:
    """(column, row) of each division's tile, from the region pack; row 0 is the north."""
    return {d.code: d.tile for d in region().divisions}


def grid_size() -> tuple[int, int]:
    """(columns, rows) of the tile grid."""
    placed = tiles().values()
    return 1 + max(c for c, _ in placed), 1 + max(r for _, r in placed)


def short_name(adcode: str, lang: str) -> str:
    """A division's name without its suffix (市, 县, 区; " City" …), for labels on small tiles."""
    county = by_adcode()[adcode]
    if lang == "en":
        return county.name_en.rsplit(" ", 1)[0]
    return county.name_zh[:-1]


class CountyMapError(ValueError):
    """The configured GeoJSON cannot be used; ``code`` names why (see ui.counties.map_error.*)."""

    def __init__(self, code: str, path: str, detail: str = ""):
        super().__init__(f"{code}: {path} {detail}".strip())
        self.code = code
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class CountyGeoJson:
    """A usable boundary map: the FeatureCollection (adcodes as text), where to centre and zoom."""

    geojson: dict
    path: str
    center: tuple[float, float]  # (lon, lat)
    zoom: float
    missing: tuple[str, ...]  # counties the file has no feature for


def geojson_path() -> str | None:
    """The configured GeoJSON file (``Settings.county_geojson``), or None for the schematic map."""
    path = Settings().county_geojson
    return str(path) if path and str(path).strip() else None


def load_geojson(path: str | Path, width_px: int = 520, height_px: int = 420) -> CountyGeoJson:
    """Read and check a county boundary FeatureCollection; raises ``CountyMapError``.

    Features are matched on ``properties.adcode`` (text or number); features
    of other places are dropped. ``width_px``/``height_px`` is the map's expected size, for
    a zoom that fits all counties.
    """
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CountyMapError("not_found", name) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CountyMapError("unreadable", name, str(exc)) from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise CountyMapError("not_feature_collection", name)
    features, known = [], by_adcode()
    for feature in data.get("features") or []:
        properties = (feature or {}).get("properties") or {}
        adcode = str(properties.get("adcode", "")).strip()
        if adcode in known and (feature.get("geometry") or {}).get("coordinates"):
            features.append({**feature, "properties": {**properties, "adcode": adcode}})
    if not features:
        raise CountyMapError("no_counties", name)
    found = {f["properties"]["adcode"] for f in features}
    lons, lats = _coordinates(features)
    center, zoom = _fit(lons, lats, width_px, height_px)
    return CountyGeoJson(
        geojson={"type": "FeatureCollection", "features": features},
        path=name,
        center=center,
        zoom=zoom,
        missing=tuple(sorted(set(known) - found)),
    )


def _coordinates(features: list[dict]) -> tuple[list[float], list[float]]:
    lons: list[float] = []
    lats: list[float] = []

    def walk(node) -> None:
        if (
            isinstance(node, list | tuple)
            and len(node) >= 2
            and all(isinstance(v, int | float) for v in node[:2])
        ):
            lons.append(float(node[0]))
            lats.append(float(node[1]))
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child)

    for feature in features:
        walk(feature["geometry"]["coordinates"])
    return lons, lats


def _fit(
    lons: list[float], lats: list[float], width_px: int, height_px: int
) -> tuple[tuple[float, float], float]:
    """Centre and web-mercator zoom showing the bounding box (maps are 512 px per world at zoom 0)."""
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    center = ((west + east) / 2, (south + north) / 2)

    def y(lat: float) -> float:
        rad = math.radians(max(min(lat, 85.0), -85.0))
        return math.log(math.tan(math.pi / 4 + rad / 2))

    span_x = max(east - west, 1e-6) / 360
    span_y = max(y(north) - y(south), 1e-6) / (2 * math.pi)
    zoom = min(math.log2(width_px / 512 / span_x), math.log2(height_px / 512 / span_y))
    return center, round(zoom - 0.3, 2)  # a little margin around the outermost county
