"""The plan's task areas and measures, as the region pack's ``plan.toml`` names them.

Read from the pack on each call (``regions.current()``), like the divisions: a process serves
one pack, and tests can switch packs between pages.
"""

from __future__ import annotations

from . import regions
from .regions import Area, Measure, Plan

__all__ = ["Area", "Measure", "Plan", "areas", "by_number", "measures", "plan"]


def plan() -> Plan:
    """The current pack's plan: title, document, period, areas and measures."""
    return regions.current().plan


def areas() -> tuple[Area, ...]:
    return plan().areas


def measures() -> tuple[Measure, ...]:
    return plan().measures


def by_number() -> dict[int, Measure]:
    return {m.number: m for m in plan().measures}
