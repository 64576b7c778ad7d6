"""Briefing decks saved by name: which slides, in which order.

A deck is a list of slide ids (the catalogue lives in ``ui.slides``); the data layer stores
and returns them and knows nothing of what a slide draws.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from . import audit
from .db import Database

MAX_NAME = 40


class DeckRefused(ValueError):
    """A deck that cannot be saved; ``code`` names the reason (a translation key suffix)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Deck:
    name: str
    slides: list[str]
    saved_by: str | None
    saved_at: dt.datetime


def saved_decks(db: Database) -> list[Deck]:
    """Every saved deck, by name."""
    rows = db.rows("SELECT name, slides, saved_by, saved_at FROM decks ORDER BY name")
    return [Deck(name, json.loads(slides), by, at) for name, slides, by, at in rows]


def save_deck(db: Database, name: str, slides: list[str], *, user: str, known: set[str]) -> Deck:
    """Save (or replace) the deck ``name``; every slide id must be in ``known``."""
    name = name.strip()
    if not name:
        raise DeckRefused("name_empty")
    if len(name) > MAX_NAME:
        raise DeckRefused("name_too_long")
    if not slides:
        raise DeckRefused("no_slides")
    if any(slide not in known for slide in slides):
        raise DeckRefused("unknown_slide")
    saved_at = dt.datetime.now().replace(microsecond=0)
    with db.transaction() as cur:
        cur.execute("DELETE FROM decks WHERE name = ?", [name])
        cur.execute("INSERT INTO decks VALUES (?, ?, ?, ?)", [name, json.dumps(slides), user, saved_at])
    audit.record(db, "deck_save", f"{name}: {len(slides)} slides", user=user)
    return Deck(name, list(slides), user, saved_at)


def delete_deck(db: Database, name: str) -> None:
    with db.transaction() as cur:
        cur.execute("DELETE FROM decks WHERE name = ?", [name])
    audit.record(db, "deck_delete", name)
