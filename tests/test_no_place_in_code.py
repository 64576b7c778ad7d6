"""Nothing outside the region packs names the bundled region's place: its divisions' names, their
adcodes and populations, or 湛 (the region packs, the sample data and tests may)."""

from __future__ import annotations

import re
import subprocess

from data_layer import regions

from .conftest import ROOT

ALLOWED = ("regions/", "sample_data/", "tests/")


def _place_words() -> list[str]:
    region = regions.pack(regions.DEFAULT_PACK)
    words = {"湛", region.code, *(z.name_zh for z in region.zones if len(z.name_zh) > 3)}  # not 高新区
    for d in region.divisions:
        words |= {d.name_zh, d.name_zh[:-1], d.code}
    return sorted(words, key=len, reverse=True)


def _populations() -> list[str]:
    return [str(d.population_10k) for d in regions.pack(regions.DEFAULT_PACK).divisions]


def test_no_file_outside_the_packs_names_the_place():
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert len(files) > 100, "git ls-files found too few files: the scan is broken"
    words = re.compile("|".join(map(re.escape, _place_words())))
    numbers = re.compile(r"(?<![\d.])(?:" + "|".join(map(re.escape, _populations())) + r")(?![\d])")
    found = []
    for name in files:
        if name.startswith(ALLOWED) or not (ROOT / name).is_file():
            continue
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images and other binary files
        for number, line in enumerate(text.splitlines(), 1):
            if words.search(line) or (name.endswith(".py") and numbers.search(line)):
                found.append(f"{name}:{number}: {line.strip()[:80]}")
    assert found == []
