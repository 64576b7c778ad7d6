"""Chart images through Kaleido and Chromium: offline, and Chinese drawn as glyphs, not boxes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

from ui import chart_images
from ui.theme import FONT_FAMILY, TEMPLATE_NAME

from .browser import require_browser
from .conftest import ROOT

# Renders two titles of six different Chinese characters, and no title. Glyphs make the two
# titles differ; boxes (a font without CJK) make them identical, though both show ink.
GLYPH_SCRIPT = """
import io, json, sys
sys.path.insert(0, sys.argv[1])
import plotly.graph_objects as go
from PIL import Image, ImageChops
from ui import chart_images
from ui.theme import TEMPLATE_NAME

def image(title):
    layout = {"template": TEMPLATE_NAME, "title": {"text": title, "font": {"size": 40}},
              "xaxis": {"visible": False}, "yaxis": {"visible": False}}
    data = chart_images.png(go.Figure(layout=layout), 600, 200, 1)
    return Image.open(io.BytesIO(data)).convert("L")

first, second, blank = image("专利转化运用"), image("湛江市区县数"), image("")
print(json.dumps({
    "differ": ImageChops.difference(first, second).getbbox() is not None,
    "ink": ImageChops.difference(first, blank).getbbox() is not None,
}))
"""


def glyphs(env: dict[str, str] | None = None) -> dict:
    """Run the glyph check in a fresh process (fontconfig is read once per browser start)."""
    done = subprocess.run(
        [sys.executable, "-c", GLYPH_SCRIPT, str(ROOT)],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def latin_only_fonts(folder: Path) -> dict[str, str] | None:
    """A fontconfig setup that knows one font without Chinese glyphs (the negative control)."""
    listed = subprocess.run(["fc-list", ":lang=en", "file"], capture_output=True, text=True).stdout
    chinese = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout
    files = [line.strip().rstrip(":") for line in set(listed.splitlines()) - set(chinese.splitlines())]
    # A plain TrueType sans (DejaVu Sans, Liberation Sans) is what Chromium surely draws with.
    candidates = sorted(
        (f for f in files if f.endswith(".ttf")),
        key=lambda f: ("Sans" not in f, "Mono" in f, "Bold" in f or "Italic" in f or "Oblique" in f, f),
    )
    if not candidates:
        return None
    fonts = folder / "fonts"
    fonts.mkdir()
    (fonts / Path(candidates[0]).name).write_bytes(Path(candidates[0]).read_bytes())
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{fonts}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>"
    )
    return {"FONTCONFIG_FILE": str(config)}


def test_chinese_labels_are_drawn_as_glyphs():
    require_browser()
    assert glyphs() == {"differ": True, "ink": True}


def test_the_glyph_check_sees_boxes_when_the_font_lacks_chinese(tmp_path):
    """The negative control: the same check, with only a Latin font, must see boxes."""
    require_browser()
    env = latin_only_fonts(tmp_path)
    if env is None:
        pytest.fail("no Latin-only font found by fc-list for the negative control")
    assert glyphs(env) == {"differ": False, "ink": True}


def test_the_template_font_is_the_installed_cjk_font():
    require_browser()
    first = FONT_FAMILY.split(",")[0].strip()
    found = subprocess.run(["fc-match", "-f", "%{family}", first], capture_output=True, text=True).stdout
    assert first in found, f"{first} is not installed (apt-get install fonts-noto-cjk); fc-match gave {found}"


def test_the_render_page_loads_only_local_files():
    scripts = chart_images.page_scripts()
    assert any(s.endswith("plotly.min.js") for s in scripts)
    assert not any("mathjax" in s.lower() for s in scripts)
    for script in scripts:
        assert "://" not in script or script.startswith("file://"), script  # no CDN at export time
        assert Path(script.removeprefix("file://")).is_file(), script


def test_png_and_svg_of_a_chart_with_chinese_text():
    require_browser()
    fig = go.Figure(
        go.Bar(x=["遂溪县", "雷州市"], y=[3, 5]), layout={"template": TEMPLATE_NAME, "title": "备案数"}
    )
    png = chart_images.png(fig, 800, 450, 2)
    assert png.startswith(b"\x89PNG")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1600, 900)
    svg = chart_images.svg(fig, 800, 450).decode()
    assert "遂溪县" in svg and "备案数" in svg  # text stays text: sharp and searchable
    assert "Noto Sans CJK SC" in svg
