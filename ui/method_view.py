"""What the 指标说明 page lists: each figure's name, definition, source and caveat (all in i18n)."""

from __future__ import annotations

from data_layer.counties import region
from data_layer.i18n import TEXT, t
from data_layer.kpis import definition as definition_of

from .filters import county_label

# (section, entries). KPI entries reuse the overview's names and definitions (kpi.K1,
# kpis.definition: the formula and every rule), so the method page and the cards' ⓘ can never disagree.
SECTIONS = (
    ("targets", ("K1", "K2", "K3", "K4", "K5")),
    ("analysis", ("inst_rate", "per_10k", "patent_share", "buyer_local", "measure_status")),
)
GENERAL = ("data_as_of", "proxy", "counties", "units", "map", "period")


def name(entry: str, lang: str) -> str:
    return t(f"kpi.{entry}" if entry.startswith("K") else f"ui.method.name.{entry}", lang)


def definition(entry: str, lang: str) -> str:
    return definition_of(entry, lang) if entry.startswith("K") else t(f"ui.method.def.{entry}", lang)


def general(note: str, lang: str) -> str:
    """A general note; the one on functional zones lists how the region pack maps them."""
    if note != "counties":
        return t(f"ui.method.general.{note}", lang)
    by_county: dict[str, list[str]] = {}
    for zone in region().zones:
        name = zone.name_en if lang == "en" else zone.name_zh
        if name not in by_county.setdefault(zone.division, []):  # a short form has the full English name
            by_county[zone.division].append(name)
    sep = t("ui.slides.list_sep", lang)
    lines = [
        t("ui.method.general.zone", lang, zones=sep.join(names), county=county_label(adcode, lang))
        for adcode, names in by_county.items()
    ]
    return t("ui.method.general.counties", lang, zones=("；" if lang == "zh" else "; ").join(lines))


def caveat(entry: str, lang: str) -> str | None:
    key = f"ui.method.caveat.{entry}"
    return t(key, lang) if key in TEXT else None
