"""What the 指标说明 page lists: each figure's name, definition, source and caveat (all in i18n)."""

from __future__ import annotations

from data_layer.i18n import TEXT, t

# (section, entries). KPI entries reuse the overview's names and formulas (kpi.K1, kpi.formula.K1),
# so the method page and the cards' ⓘ can never disagree.
SECTIONS = (
    ("targets", ("K1", "K2", "K3", "K4", "K5")),
    ("analysis", ("inst_rate", "per_10k", "patent_share", "buyer_local", "measure_status")),
)
GENERAL = ("data_as_of", "proxy", "counties", "units", "map", "period")


def name(entry: str, lang: str) -> str:
    return t(f"kpi.{entry}" if entry.startswith("K") else f"ui.method.name.{entry}", lang)


def definition(entry: str, lang: str) -> str:
    return t(f"kpi.formula.{entry}" if entry.startswith("K") else f"ui.method.def.{entry}", lang)


def caveat(entry: str, lang: str) -> str | None:
    key = f"ui.method.caveat.{entry}"
    return t(key, lang) if key in TEXT else None
