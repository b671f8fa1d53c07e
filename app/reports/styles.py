"""Fonts, colours and paragraph styles of every printed output, and the one way text enters a paragraph.

The font is DejaVu Sans, shipped in ``resources/fonts`` and embedded (subset) in every PDF, so that names
such as Thorbjørn, Łukasz, Çağlar, Ødegård or Nguyễn print as typed; the base-14 fonts cannot.  This
module imports ReportLab at the top: it is only ever imported by the renderers, themselves imported on
first use (see ``app.reports``), so that the app and the command line start without loading ReportLab.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.domain.enums import Marking

FONT = "ChairdeskSans"
FONT_BOLD = "ChairdeskSans-Bold"
_lock = threading.Lock()

PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A5A5A")
RULE = colors.HexColor("#9A9A9A")
ACCENT = colors.HexColor("#1F3A5F")
HEADER_FILL = colors.HexColor("#E4E9F0")
ZEBRA = colors.HexColor("#F5F7FA")
BOX_FILL = colors.HexColor("#F2F4F7")
# TLP 2.0: the label in its colour on a black background; CLEAR is white on black.
TLP_COLOURS = {
    Marking.RED: colors.HexColor("#FF2B2B"),
    Marking.AMBER: colors.HexColor("#FFC000"),
    Marking.AMBER_STRICT: colors.HexColor("#FFC000"),
    Marking.GREEN: colors.HexColor("#33FF00"),
    Marking.CLEAR: colors.HexColor("#FFFFFF"),
}


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once per process; safe from a worker thread."""
    from reportlab.lib.fonts import addMapping

    import resources

    with _lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return
        folder = Path(resources.__file__).resolve().parent / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
        # No italic face ships: <i> falls back to the upright face rather than to a base-14 font.
        addMapping(FONT, 0, 0, FONT)
        addMapping(FONT, 1, 0, FONT_BOLD)
        addMapping(FONT, 0, 1, FONT)
        addMapping(FONT, 1, 1, FONT_BOLD)


def markup(text: str) -> str:
    """Plain text made safe for a Paragraph: XML escaped, line breaks kept, U+202F made U+00A0."""
    safe = escape(text.replace("\u202f", "\u00a0").replace("\r\n", "\n"))
    return safe.replace("\n", "<br/>")


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; single line breaks stay inside their paragraph."""
    parts = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return [part for part in parts if part]


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    header_cell: ParagraphStyle
    title: ParagraphStyle
    kicker: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    box: ParagraphStyle
    centre: ParagraphStyle


def make_styles(size: float) -> Styles:
    """Styles for a body size: 9.5 pt in one language, smaller when two columns share the page."""
    register_fonts()

    def style(name: str, **values: object) -> ParagraphStyle:
        base: dict[str, object] = {"fontName": FONT, "fontSize": size, "leading": size * 1.32,
                                   "textColor": INK, "alignment": TA_LEFT}
        base.update(values)
        return ParagraphStyle(name, **base)

    small = size - 1.5
    return Styles(
        body=style("body", spaceAfter=size * 0.6),
        small=style("small", fontSize=small, leading=small * 1.3),
        muted=style("muted", fontSize=small, leading=small * 1.3, textColor=MUTED),
        cell=style("cell", fontSize=small, leading=small * 1.28),
        cell_bold=style("cell_bold", fontName=FONT_BOLD, fontSize=small, leading=small * 1.28),
        header_cell=style("header_cell", fontName=FONT_BOLD, fontSize=small - 0.3, leading=(small - 0.3) * 1.25,
                          textColor=ACCENT),
        title=style("title", fontName=FONT_BOLD, fontSize=size + 7, leading=(size + 7) * 1.2, textColor=ACCENT,
                    spaceAfter=4),
        kicker=style("kicker", fontName=FONT_BOLD, fontSize=size + 0.5, leading=(size + 0.5) * 1.3,
                     textColor=MUTED, spaceAfter=2),
        h1=style("h1", fontName=FONT_BOLD, fontSize=size + 3.5, leading=(size + 3.5) * 1.25, textColor=ACCENT,
                 spaceBefore=size * 1.4, spaceAfter=size * 0.6),
        h2=style("h2", fontName=FONT_BOLD, fontSize=size + 1.5, leading=(size + 1.5) * 1.25, textColor=INK,
                 spaceBefore=size * 1.1, spaceAfter=size * 0.4),
        h3=style("h3", fontName=FONT_BOLD, fontSize=size, leading=size * 1.3, textColor=MUTED,
                 spaceBefore=size * 0.6, spaceAfter=size * 0.25),
        box=style("box", fontSize=size - 0.5, leading=(size - 0.5) * 1.32),
        centre=style("centre", fontSize=small, leading=small * 1.3, alignment=TA_CENTER),
    )
