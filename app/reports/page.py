"""The page every output is printed on: marking in the header and footer, "Page N of M", the meeting's
reference, the numbered-copy line, the DRAFT watermark, PDF metadata, bookmarks, progress and cancel.

"Page N of M" needs M before any page is final, so the canvas keeps each finished page and stamps the
numbers when the document is saved (the ReportLab "numbered canvas" recipe).  Everything else on the page is
drawn before the flowables; the translucent watermark is stamped over them at the end.  ``invariant=1`` and the meeting's fixed
date as the creation date make the same data give the same bytes.  Imported only when rendering (see
``app.reports``): ReportLab is imported here at the top.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app import __version__
from app.domain.enums import Marking
from app.reports.options import Cancelled, IsCancelled, Paper, Progress
from app.reports.styles import (
    FONT,
    FONT_BOLD,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_SIZES,
    RULE,
    TLP_COLOURS,
    register_fonts,
)

HEADER_Y = 14 * mm  # from the top edge: baseline of the header line
FOOTER_Y = 11 * mm  # from the bottom edge


@dataclass(frozen=True)
class PageDecor:
    """What every page carries besides its content."""

    marking: Marking
    header: str  # e.g. "VGT-2019-10 · Minutes"
    page_label: Callable[[int, int], str]  # (page, pages) -> "Page 3 of 12"
    copy_text: str = ""  # "Copy 7 of 25 — NCA"
    watermark: str = ""  # "DRAFT" / "PROJET"; empty: none


@dataclass(frozen=True)
class PdfMeta:
    title: str
    author: str
    subject: str
    language: str  # BCP 47: en-GB, fr-FR
    created: datetime
    keywords: tuple[str, ...] = ()


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` points on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_marking(canvas: Canvas, marking: Marking, x: float, y: float, align_right: bool) -> float:
    """The TLP label, in its colour on black; returns its width."""
    size = 8.0
    text = marking.value
    width = stringWidth(text, FONT_BOLD, size) + 8
    left = x - width if align_right else x
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.rect(left, y - 3, width, size + 5, stroke=0, fill=1)
    canvas.setFillColor(TLP_COLOURS[marking])
    canvas.setFont(FONT_BOLD, size)
    canvas.drawString(left + 4, y, text)
    canvas.restoreState()
    return float(width)


def _draw_watermark(canvas: Canvas, text: str, page_width: float, page_height: float) -> None:
    angle = math.degrees(math.atan2(page_height, page_width))
    diagonal = math.hypot(page_width, page_height)
    size = min(150.0, 0.62 * diagonal * 100 / max(1.0, stringWidth(text, FONT_BOLD, 100)))
    canvas.saveState()
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(angle)
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()


def _draw_static(canvas: Canvas, decor: PageDecor) -> None:
    """Header, footer rule, markings and copy line, drawn before the page's content."""
    width, height = canvas._pagesize
    canvas.saveState()
    top = height - HEADER_Y
    label_width = draw_marking(canvas, decor.marking, width - MARGIN_X, top, align_right=True)
    canvas.setFont(FONT, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN_X, top, fit_text(decor.header, FONT, 8, width - 2 * MARGIN_X - label_width - 12))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 5, width - MARGIN_X, top - 5)
    canvas.line(MARGIN_X, FOOTER_Y + 11, width - MARGIN_X, FOOTER_Y + 11)
    draw_marking(canvas, decor.marking, MARGIN_X, FOOTER_Y, align_right=False)
    if decor.copy_text:
        canvas.setFont(FONT_BOLD, 8)
        canvas.setFillColor(colors.black)
        room = width - 2 * MARGIN_X - 2 * 90
        canvas.drawCentredString(width / 2, FOOTER_Y, fit_text(decor.copy_text, FONT_BOLD, 8, room))
    canvas.restoreState()


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, then stamps "Page N of M" on each (M is only known then)."""

    def __init__(self, *args: Any, decor: PageDecor, created: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._pages: list[dict[str, Any]] = []
        stamp = created.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
        self._doc.setDateFormatter(lambda *_parts: stamp)

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._stamp_number(number, total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _stamp_number(self, number: int, total: int) -> None:
        """The page number, and the watermark over everything (translucent: table shading cannot hide it)."""
        width, height = self._pagesize
        if self._decor.watermark:
            _draw_watermark(self, self._decor.watermark, width, height)
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColor(colors.black)
        self.drawRightString(width - MARGIN_X, FOOTER_Y, self._decor.page_label(number, total))
        self.restoreState()


class Bookmark(Flowable):  # type: ignore[misc]
    """An invisible mark: a bookmark (outline entry) to the place where the next flowable starts."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key = key  # sequential, never id(): the same story must give the same bytes
        self.title = title
        self.level = level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, out: BinaryIO, decor: PageDecor, meta: PdfMeta, paper: Paper,
                 progress: Progress | None, cancelled: IsCancelled | None) -> None:
        super().__init__(
            out, pagesize=PAGE_SIZES[paper], leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=meta.title, author=meta.author, subject=meta.subject,
            creator=f"Chairdesk {__version__}", keywords=list(meta.keywords), invariant=1, pageCompression=1,
            lang=meta.language, displayDocTitle=1,
            # The canvas would otherwise open each page in Helvetica: no base-14 font in our PDFs.
            initialFontName=FONT, initialFontSize=9,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPage=lambda c, _d: _draw_static(c, decor))])
        self._progress = progress
        self._cancelled = cancelled
        self._total = 1

    def build_story(self, story: list[Flowable], canvasmaker: Callable[..., Canvas]) -> None:
        self._total = max(1, len(story))
        self.build(story, canvasmaker=canvasmaker)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()
        super().handle_flowable(flowables)
        # (ReportLab also hands over its own short list of "hanging" flowables: not the story.)
        if self._progress is not None and flowables is not getattr(self, "_hanging", None):
            self._progress(min(self._total, max(0, self._total - len(flowables))), self._total)


def build_pdf(story: list[Flowable], out: BinaryIO, decor: PageDecor, meta: PdfMeta, paper: Paper,
              progress: Progress | None = None, cancelled: IsCancelled | None = None) -> int:
    """Lay ``story`` out on ``paper`` into ``out``; returns the number of pages."""
    register_fonts()
    document = _Document(out, decor, meta, paper, progress, cancelled)

    def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
        canvas = _NumberedCanvas(*args, decor=decor, created=meta.created, **kwargs)
        canvas.showOutline()
        return canvas

    document.build_story(story, canvasmaker)
    return int(document.page)
