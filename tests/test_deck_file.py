"""The default deck as PPTX: opens with python-pptx, has the expected slides, and LibreOffice accepts it."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from data_layer import trends
from data_layer.scope import Scope
from ui import deck_file, slides

from .browser import ARTIFACTS, require_browser

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def deck(tiny_db):
    require_browser()
    date = trends.data_as_of(tiny_db)
    built = [slides.build(tiny_db, Scope(as_of=AS_OF), s, "zh", date) for s in slides.default_deck()]
    info = deck_file.DeckInfo(
        "湛江市专利转化运用专项行动 · 测试汇报", "范围：全市", "数据截至 2026-06-30", None, "zh", AS_OF
    )
    seen = []
    data = deck_file.build_pptx(built, info, progress=seen.append)
    assert seen[-1] == 1.0
    return built, data


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_the_deck_has_a_title_slide_then_one_slide_per_chart(deck):
    built, data = deck
    prs = Presentation(io.BytesIO(data))
    pages = list(prs.slides)
    assert len(pages) == 1 + len(slides.default_deck())
    assert "湛江市专利转化运用专项行动 · 测试汇报" in texts(pages[0])
    assert any("数据截至 2026-06-30" in text for text in texts(pages[0]))
    for number, (page, slide) in enumerate(zip(pages[1:], built, strict=True), start=1):
        words = texts(page)
        assert words[0] == slide.title
        assert slide.message in words
        footer = next(w for w in words if "数据截至" in w)
        assert slide.period in footer and slide.source in footer
        assert f"{number} / {len(built)}" in words
        pictures = [s for s in page.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        image = pictures[0].image
        assert image.content_type == "image/png" and image.size[0] >= 2400  # sharp on a projector
        notes = page.notes_slide.notes_text_frame.text
        assert slide.message in notes
        assert "\t".join(slide.numbers.columns) in notes
        assert "\t".join(str(v) for v in slide.numbers.iloc[-1]) in notes


def test_libreoffice_opens_the_deck_and_prints_every_slide(deck, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        message = "the PPTX check needs LibreOffice: apt-get install libreoffice-impress"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    _, data = deck
    source = tmp_path / "deck.pptx"
    source.write_bytes(data)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / "deck.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1 + len(slides.default_deck())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "default-deck.pdf").write_bytes(pdf)  # for the developer to look at


def test_long_titles_get_smaller_type_to_keep_one_line():
    width = deck_file.WIDTH.pt - 2 * deck_file.MARGIN.pt
    assert deck_file.fitted_size("专利产品备案企业数", 28, width) == 28
    long = "Area 2: Tap enterprise demand: activate the IP trading market"
    size = deck_file.fitted_size(long, 28, width)
    assert 14 <= size < 28
    assert len(long) * 0.62 * size <= width  # the estimate fits the line
    assert deck_file.fitted_size("字" * 200, 20, width, lines=2) == 14  # never unreadably small
