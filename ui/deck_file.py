"""The briefing deck as a PowerPoint file (python-pptx): a title slide, then one slide per chart.

Each chart slide has the title, the key message as text, the chart as a sharp PNG (rendered
at twice its size), the period, source and 数据截至 in the footer, and the numbers
behind the chart in the speaker notes, so whoever edits the deck after the meeting can check
or quote them. Text is set in Microsoft YaHei (the office's Windows machines have it); an
office suite without it substitutes its own CJK font, as LibreOffice does in CI.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from data_layer.i18n import t

from . import chart_images
from .charts import text_width
from .slides import Slide, presented
from .theme import separator

FONT = "Microsoft YaHei"
INK = RGBColor(0x22, 0x22, 0x22)
ACCENT = RGBColor(0x00, 0x72, 0xB2)  # the template's first colour
MUTED = RGBColor(0x55, 0x55, 0x55)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.5)
# The chart image: CSS pixels at 18 px type, so the labels print at about 13 pt on the slide;
# rendered at twice that (2400 px wide, about 200 dpi on the slide) to stay sharp projected.
IMAGE_PX = (1200, 500)
IMAGE_SCALE = 2
IMAGE_FONT = 18


@dataclass(frozen=True)
class DeckInfo:
    """What the title slide and every footer say."""

    title: str
    scope: str  # e.g. 范围：全市｜统计时点：2026年6月末
    data_as_of: str  # 数据截至 2026-06-30
    frozen: str | None  # 数据冻结于 … when the deck uses a snapshot
    lang: str
    made_on: dt.date


def build_pptx(slides: list[Slide], info: DeckInfo, progress: Callable[[float], None] | None = None) -> bytes:
    """The deck as .pptx bytes; ``progress`` hears the share of charts rendered."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    blank = prs.slide_layouts[6]
    _title_slide(prs.slides.add_slide(blank), info)
    for number, slide in enumerate(slides, start=1):
        image = chart_images.png(presented(slide.figure, font_size=IMAGE_FONT), *IMAGE_PX, IMAGE_SCALE)
        _chart_slide(prs.slides.add_slide(blank), slide, image, info, number, len(slides))
        if progress:
            progress(number / len(slides))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _text(slide, left, top, width, height, text: str, size: int, color=INK, bold=False, align=None):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    if align:
        paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    _font(run, size, color, bold)
    return box


def _font(run, size: int, color, bold: bool) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = color
    run.font.name = FONT
    # python-pptx sets the Latin typeface only; Chinese text takes the East Asian one.
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = rpr.makeelement(qn(tag), {})
            rpr.append(element)
        element.set("typeface", FONT)


def _title_slide(slide, info: DeckInfo) -> None:
    inner = Emu(WIDTH - 2 * MARGIN)
    _text(slide, MARGIN, Inches(2.2), inner, Inches(1.2), info.title, 40, bold=True)
    _text(slide, MARGIN, Inches(3.5), inner, Inches(0.6), info.scope, 20, ACCENT)
    lines = [info.data_as_of, *([info.frozen] if info.frozen else [])]
    lines.append(t("ui.briefing.deck.made_on", info.lang, date=info.made_on.isoformat()))
    _text(slide, MARGIN, Inches(4.3), inner, Inches(1.2), separator(info.lang).join(lines), 14, MUTED)
    _text(
        slide,
        MARGIN,
        HEIGHT - Inches(0.8),
        inner,
        Inches(0.4),
        t("ui.briefing.deck.source", info.lang),
        11,
        MUTED,
    )


def fitted_size(text: str, size: int, width_pt: float, lines: int = 1, smallest: int = 14) -> int:
    """The largest type up to ``size`` at which ``text`` fits ``lines`` lines ``width_pt`` wide.

    Widths are estimated (``charts.text_width`` with 0.62 em for a Latin character, which bold
    type in a substituted font such as DejaVu Sans needs): no font metrics, erring wide.
    """
    ems = text_width(text, latin=0.62)
    fits = int(width_pt * lines * 0.95 / max(ems, 1))
    return max(smallest, min(size, fits))


def _chart_slide(slide, content: Slide, image: bytes, info: DeckInfo, number: int, total: int) -> None:
    inner = Emu(WIDTH - 2 * MARGIN)
    # The title keeps one line and the message two, so neither runs into the chart.
    title_size = fitted_size(content.title, 28, inner.pt)
    message_size = fitted_size(content.message, 20, inner.pt, lines=2)
    _text(slide, MARGIN, Inches(0.3), inner, Inches(0.7), content.title, title_size, bold=True)
    _text(slide, MARGIN, Inches(1.0), inner, Inches(0.7), content.message, message_size, ACCENT, bold=True)
    top, bottom = Inches(1.75), HEIGHT - Inches(0.75)
    picture_height = bottom - top
    picture_width = Emu(int(picture_height * IMAGE_PX[0] / IMAGE_PX[1]))
    if picture_width > inner:  # keep the aspect ratio inside the margins
        picture_width = inner
        picture_height = Emu(int(inner * IMAGE_PX[1] / IMAGE_PX[0]))
    left = MARGIN + Emu(int((inner - picture_width) / 2))
    slide.shapes.add_picture(io.BytesIO(image), left, top, picture_width, picture_height)
    footer = separator(info.lang).join(
        part
        for part in (
            content.period,
            t("ui.briefing.deck.source_of", info.lang, source=content.source),
            info.data_as_of,
            info.frozen,
        )
        if part
    )
    _text(slide, MARGIN, HEIGHT - Inches(0.6), inner - Inches(1), Inches(0.4), footer, 11, MUTED)
    _text(
        slide,
        WIDTH - MARGIN - Inches(1),
        HEIGHT - Inches(0.6),
        Inches(1),
        Inches(0.4),
        f"{number} / {total}",
        11,
        MUTED,
        align=PP_ALIGN.RIGHT,
    )
    slide.notes_slide.notes_text_frame.text = _notes(content, info)


def _notes(content: Slide, info: DeckInfo) -> str:
    """The key message, then the numbers behind the chart as tab-separated lines."""
    lines = [content.message, "", t("ui.briefing.deck.numbers", info.lang, period=content.period)]
    lines += ["\t".join(str(c) for c in content.numbers.columns)]
    for row in content.numbers.itertuples(index=False):
        lines.append("\t".join("—" if pd.isna(v) else str(v) for v in row))
    lines += ["", t("ui.briefing.deck.source_of", info.lang, source=content.source), info.data_as_of]
    return "\n".join(lines)
