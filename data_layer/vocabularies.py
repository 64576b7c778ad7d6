"""Vocabularies: the words other systems' exports write, and the code each means here.

The words live in data (``vocabularies.toml`` beside this file, extended by the file named in
``DASHBOARD_VOCABULARY_FILE``), not in code, so an office that meets a new spelling adds a
line. ``lookup(name, text)`` gives a word's code; the enumeration columns of ``models`` and
the derivations of ``derive`` read them here.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
import unicodedata
from pathlib import Path

BUNDLED = Path(__file__).with_name("vocabularies.toml")
_SUBTYPE = re.compile(r"^(.+?)\(.*\)$")


def normalize(text: str) -> str:
    """A word as vocabularies compare it: NFKC, no spaces, unified brackets, lower case."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("【", "(").replace("】", ")").replace("[", "(").replace("]", ")")
    return "".join(text.split()).lower()


@functools.cache
def vocabularies(extra: str | None = None) -> dict[str, dict[str, str]]:
    """Every vocabulary: name -> {normalized word: code}; ``extra`` is a TOML file added on top."""
    merged: dict[str, dict[str, str]] = {}
    for path in (BUNDLED, *([Path(extra)] if extra else [])):
        with path.open("rb") as handle:
            for name, words in tomllib.load(handle).items():
                merged.setdefault(name, {}).update({normalize(w): str(c) for w, c in words.items()})
    return merged


def words(name: str) -> dict[str, str]:
    """The vocabulary ``name`` in force (bundled plus the office's file)."""
    return vocabularies(os.environ.get("DASHBOARD_VOCABULARY_FILE") or None).get(name, {})


def lookup(name: str, text: str) -> str | None:
    """The code ``text`` means in vocabulary ``name``, or None when the word is unknown.

    A word with a bracketed sub-type that is not listed (``技术开发（其他）``) is looked up
    without it.
    """
    return _lookup(name, text, os.environ.get("DASHBOARD_VOCABULARY_FILE") or None)


@functools.lru_cache(maxsize=65536)
def _lookup(name: str, text: str, extra: str | None) -> str | None:
    # Cached: an import asks for the same few words once per distinct cell.
    table = vocabularies(extra).get(name, {})
    key = normalize(text)
    if key in table:
        return table[key]
    match = _SUBTYPE.match(key)
    return table.get(match.group(1)) if match else None


def terms_for(name: str, code: str) -> list[str]:
    """The (normalized) words of ``name`` that mean ``code``, for help texts."""
    return [word for word, value in words(name).items() if value == code]
