"""The building blocks of every output, in one language or in two side by side.

A ``Writer`` gathers the story of a document.  Every text is given as a function of the language
(``Text``), so that one piece of code writes the English, the French and the bilingual document: in one
language a block is plain paragraphs; in both, short labels read "English / Français" and running text
goes in two columns, English left and French right, paragraph against paragraph, rows that split across
pages.  Tables repeat their header row on every page and wrap every cell, so nothing runs out of its cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeAlias, TypeVar

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.reports.options import Lang, OutputOptions, french_typography, languages_for
from app.reports.page import Bookmark
from app.reports.styles import (
    ACCENT,
    BOX_FILL,
    FONT,
    HEADER_FILL,
    MARGIN_X,
    MUTED,
    PAGE_SIZES,
    RULE,
    ZEBRA,
    Styles,
    make_styles,
    markup,
    split_paragraphs,
)
from app.services.outputs import Bi

Text = Callable[[Lang], str]
Cell: TypeAlias = str | Flowable | list[Flowable]
T = TypeVar("T")


@dataclass(frozen=True)
class Column:
    title: Text
    weight: float
    style: str = "cell"  # the Styles field used for plain-text cells of this column
    only: str | None = None  # a column of one language (bilingual texts): its title in that language only
    fit: tuple[str, ...] = ()  # texts the column must hold on one line (reference numbers, dates, words)


# Plain strings in a table are drawn in the table's font, Helvetica unless told: never a base-14 font here.
PLAIN_FONT: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), FONT)]


def label_of(value: StrEnum) -> Text:
    """An enumeration value's label, in each language at use."""
    return lambda lang: lang.label(value)


def bi_text(value: Bi) -> Text:
    """A bilingual text's own words in each language (the other language's where one is missing)."""
    return lambda lang: value.text(lang.code)


def per_lang(function: Callable[[Lang, T], str], value: T) -> Text:
    """``function(lang, value)`` as a text: binds the value now (a lambda in a loop would bind it late)."""
    return lambda lang: function(lang, value)


def only_marker(lang: Lang, written_in: str) -> str:
    _ = lang.gettext
    return _("English only") if written_in == "en" else _("French only")


class Writer:
    """The story of one document and the helpers that add to it."""

    def __init__(self, options: OutputOptions) -> None:
        self.options = options
        self.langs: tuple[Lang, ...] = languages_for(options)
        self.bilingual = len(self.langs) == 2
        self.paper = options.resolved_paper()
        self.width = float(PAGE_SIZES[self.paper][0] - 2 * MARGIN_X)
        self.gutter = 6 * mm
        self.styles: Styles = make_styles(8.4 if self.bilingual else 9.5)
        self.story: list[Flowable] = []
        self._bookmarks = 0

    # --- words ----------------------------------------------------------------------------------------

    def words(self, text: Text, separator: str = " / ") -> str:
        """A short label in the document's language(s): "Owner / Responsable" when bilingual."""
        seen: list[str] = []
        for lang in self.langs:
            value = text(lang)
            if value and value not in seen:
                seen.append(value)
        return separator.join(seen)

    def words_markup(self, text: Text) -> str:
        """Like ``words`` for a paragraph: the French under the English, in grey, when bilingual."""
        values = [text(lang) for lang in self.langs]
        if len(values) == 2 and values[0] != values[1]:
            return f'{markup(values[0])}<br/><font color="{MUTED.hexval()}">{markup(values[1])}</font>'
        return markup(values[0])

    @staticmethod
    def typeset(text: str, lang: Lang) -> str:
        return french_typography(text) if lang.code == "fr" else text

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(markup(text), style or self.styles.body)

    # --- structure ------------------------------------------------------------------------------------

    def bookmark(self, title: str, level: int) -> None:
        self._bookmarks += 1
        self.story.append(Bookmark(f"s{self._bookmarks}", title, level))

    def heading(self, text: Text, level: int = 0, bookmark: bool = True) -> None:
        """A heading that never ends a page: it starts a new one unless a few lines fit below it.

        (Not keepWithNext: ReportLab would keep a heading with the whole of a long table, and move both.)
        """
        style = (self.styles.h1, self.styles.h2, self.styles.h3)[min(level, 2)]
        self.story.append(CondPageBreak((36 if level == 0 else 26) * mm if self.bilingual else (30 if level == 0 else 22) * mm))
        if bookmark:
            self.bookmark(self.words(text, " / "), level)
        texts = {text(lang) for lang in self.langs}
        if len(texts) == 1:  # one language, or the same words in both (a reference)
            self.story.append(Paragraph(markup(texts.pop()), style))
            return
        row = [Paragraph(markup(text(lang)), style) for lang in self.langs]
        self.story.append(self._columns_table([row], top_padding=style.spaceBefore, rule=False))

    def space(self, height: float) -> None:
        self.story.append(Spacer(1, height))

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    # --- running text ---------------------------------------------------------------------------------

    def _paragraphs(self, value: Bi, lang: Lang, style: ParagraphStyle, prefix: str = "") -> list[Flowable]:
        """Paragraphs of markup; ``prefix`` (markup) opens the first one."""
        picked = value.pick(lang.code)
        if not picked.text.strip():
            return [Paragraph(prefix, style)] if prefix else []
        marker = ""
        if picked.fallback:
            marker = f'<font color="{MUTED.hexval()}">[{markup(only_marker(lang, picked.language))}]</font> '
        if picked.fallback and self.bilingual:
            return [Paragraph(prefix + marker.strip(), style)]  # the text itself is in the other column
        parts = split_paragraphs(picked.text)
        texts = [self.typeset(part, lang) if picked.language == "fr" else part for part in parts]
        return [Paragraph((prefix + marker if i == 0 else "") + markup(t), style) for i, t in enumerate(texts)]

    def text(self, value: Bi, style: ParagraphStyle | None = None, prefix: Text | None = None,
             width: float | None = None) -> list[Flowable]:
        """A bilingual text, with an "English only" marker where one language is missing.

        ``prefix`` gives markup to open the text with in each language; ``width`` is the room when the
        text goes inside a box narrower than the frame.
        """
        chosen = style or self.styles.body
        columns = [self._paragraphs(value, lang, chosen, prefix(lang) if prefix else "") for lang in self.langs]
        if not self.bilingual:
            return columns[0]
        if not any(columns):
            return []
        depth = max(len(c) for c in columns)
        rows = [[c[i] if i < len(c) else "" for c in columns] for i in range(depth)]
        table = self._columns_table(rows, width=width)
        # Paragraphs in cells lose their spaceAfter: the rows keep the paragraphs apart instead.
        table.setStyle(TableStyle([("BOTTOMPADDING", (0, 0), (-1, -2), chosen.spaceAfter or chosen.fontSize * 0.5)]))
        return [table]

    def _columns_table(self, rows: list[list[Any]], top_padding: float = 0.0, width: float | None = None,
                       rule: bool = True) -> Table:
        half = (width or self.width) / 2  # the gutter is the padding on either side of the middle
        table = Table(rows, colWidths=[half, half], splitInRow=1, splitByRow=1)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"), *PLAIN_FONT,
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), self.gutter / 2),
            ("LEFTPADDING", (1, 0), (1, -1), self.gutter / 2),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
        if rule:
            commands.append(("LINEBEFORE", (1, 0), (1, -1), 0.3, RULE))
        if top_padding:
            commands.append(("TOPPADDING", (0, 0), (-1, 0), top_padding))
        table.setStyle(TableStyle(commands))
        return table

    # --- tables ---------------------------------------------------------------------------------------

    def cell(self, value: Cell, style: ParagraphStyle) -> Flowable | list[Flowable] | str:
        if isinstance(value, str):
            return Paragraph(markup(value), style) if value else ""
        return value

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], zebra: bool = True,
              row_heights: float | None = None, header: bool = True,
              extra_style: Sequence[tuple[Any, ...]] = ()) -> Table:
        widths = self._widths(columns)
        data: list[list[Any]] = []
        if header:
            data.append([Paragraph(self._column_title(c), self.styles.header_cell) for c in columns])
        for row in rows:
            data.append([self.cell(value, getattr(self.styles, c.style)) for value, c in zip(row, columns, strict=True)])
        heights = None
        if row_heights is not None:
            heights = [None] * (1 if header else 0) + [row_heights] * len(rows)
        table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1 if header else 0, splitInRow=1)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"), *PLAIN_FONT,
            ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ]
        if header:
            commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)]
        if zebra:
            first = 1 if header else 0
            commands += [("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, ZEBRA])]
        table.setStyle(TableStyle(commands + list(extra_style)))
        return table

    def _widths(self, columns: Sequence[Column]) -> list[float]:
        """Widths by weight, but never so narrow that a word of the title or a ``fit`` text would break."""
        padding = 7.5
        header = self.styles.header_cell
        minimum = []
        for column in columns:
            titles = [column.title(lang) for lang in self.langs if column.only in (None, lang.code)]
            words = [word for title in titles for word in title.split()]
            need = max((stringWidth(word, header.fontName, header.fontSize) for word in words), default=0.0)
            style: ParagraphStyle = getattr(self.styles, column.style)
            need = max([need, *(stringWidth(text, style.fontName, style.fontSize) for text in column.fit)])
            minimum.append(need + padding)
        total = sum(c.weight for c in columns)
        widths = [self.width * c.weight / total for c in columns]
        for _round in range(len(columns)):
            short = [i for i, (w, m) in enumerate(zip(widths, minimum, strict=True)) if w < m - 0.01]
            if not short:
                break
            for i in short:
                widths[i] = minimum[i]
            free = [i for i in range(len(columns)) if widths[i] > minimum[i] + 0.01]
            excess = sum(widths) - self.width
            room = sum(widths[i] - minimum[i] for i in free)
            if room <= 0:
                break
            for i in free:
                widths[i] -= excess * (widths[i] - minimum[i]) / room
        return widths

    def _column_title(self, column: Column) -> str:
        if column.only is not None:
            return markup(next(column.title(lang) for lang in self.langs if lang.code == column.only))
        return self.words_markup(column.title)

    def text_columns(self, title: Text, weight: float) -> list[Column]:
        """One column per language of the document for a running text (English left, French right)."""
        return [Column(title, weight, only=lang.code if self.bilingual else None) for lang in self.langs]

    def text_in(self, value: Bi, lang: Lang, style: ParagraphStyle | None = None) -> list[Flowable]:
        """The text in one language for a table cell; in a bilingual table a missing one shows its marker."""
        return self._paragraphs(value, lang, style or self.styles.cell)

    def fields(self, pairs: Sequence[tuple[Text, Cell]]) -> Table:
        """A two-column block of label and value (the title block of a document)."""
        data = [[Paragraph(self.words_markup(label), self.styles.cell_bold), self.cell(value, self.styles.cell)]
                for label, value in pairs]
        table = Table(data, colWidths=[self.width * 0.27, self.width * 0.73], splitInRow=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), *PLAIN_FONT,
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]))
        return table

    BOX_PADDING = 13.0  # left and right padding of a box, together

    def box(self, flowables: list[Flowable], keep: bool = True) -> Flowable:
        """A shaded box with a rule on its left (decisions, actions, the approval block)."""
        table = Table([[flowables]], colWidths=[self.width], splitInRow=1)
        table.setStyle(TableStyle([
            *PLAIN_FONT,
            ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
            ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        return KeepTogether([table]) if keep else table

    def date(self, value: date | None) -> Cell:
        """A date for a table cell: "1 Nov 2019"; in two languages the short form both share (01/11/2019)."""
        if value is None:
            return "—"
        if self.bilingual:
            return self.langs[0].date(value, "short")
        return self.langs[0].date(value, "medium")

    def in_langs(self, text: Text) -> Paragraph:
        """A short text in each language of the document, for a table cell."""
        return Paragraph(self.words_markup(text), self.styles.cell)
