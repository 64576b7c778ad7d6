"""What the counties map is drawn on: a schematic tile grid by default, or an office's own GeoJSON.

Maps published in China must use an approved base map (审图号). The default is therefore not
a geographic map at all: nine equal tiles on a grid that keeps the counties' relative
positions (廉江 north-west, 吴川 north-east, the urban core in the middle-east, 雷州 and 徐闻
down the peninsula). An office holding an approved boundary map can point
``DASHBOARD_COUNTY_GEOJSON`` at a GeoJSON FeatureCollection of it whose features carry an
``adcode`` property; the page then draws that instead. No boundaries ship with the program.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from .counties import BY_ADCODE
from .settings import Settings

GEOJSON_ENV = "DASHBOARD_COUNTY_GEOJSON"

# (column, row) of each county's tile; row 0 is the north. Four columns, four rows.
TILES: dict[str, tuple[int, int]] = {
    "440881": (0, 0),  # 廉江市, north-west
    "440883": (3, 0),  # 吴川市, north-east
    "440823": (0, 1),  # 遂溪县, centre-west
    "440811": (1, 1),  # 麻章区, urban core (west)
    "440802": (2, 1),  # 赤坎区, urban core (north)
    "440804": (3, 1),  # 坡头区, east across the bay
    "440803": (2, 2),  # 霞山区, urban core (south)
    "440882": (1, 2),  # 雷州市, south-centre
    "440825": (1, 3),  # 徐闻县, the far south
}
GRID_COLUMNS = 1 + max(c for c, _ in TILES.values())
GRID_ROWS = 1 + max(r for _, r in TILES.values())


def short_name(adcode: str, lang: str) -> str:
    """A county's name without its suffix (廉江, Lianjiang), for labels on small tiles."""
    county = BY_ADCODE[adcode]
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

    Features are matched on ``properties.adcode`` (text or number, e.g. 440881); features
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
    features = []
    for feature in data.get("features") or []:
        properties = (feature or {}).get("properties") or {}
        adcode = str(properties.get("adcode", "")).strip()
        if adcode in BY_ADCODE and (feature.get("geometry") or {}).get("coordinates"):
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
        missing=tuple(sorted(set(BY_ADCODE) - found)),
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
