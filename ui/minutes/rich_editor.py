"""The minutes text editor: a QTextEdit limited to the stored subset (paragraphs, bold, italic, bullets).

Ctrl+B and Ctrl+I toggle bold and italic, Ctrl+Shift+L a bulleted list; pasted text comes in plain.  The
document is read back into blocks of runs and written in the canonical subset by ``app.domain.minutes_text``,
so what is saved is exactly what the PDF and DOCX writers will lay out.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor, QTextListFormat
from PySide6.QtWidgets import QTextEdit, QWidget

from app.domain import minutes_text
from app.domain.minutes_text import Block, Run

BULLET_KEYS = QKeySequence("Ctrl+Shift+L")
_LINE_SEPARATOR = "\u2028"
_OBJECT = "\ufffc"


class MinutesTextEdit(QTextEdit):
    """Emits ``edited`` for every change the user makes (never for ``set_markup``)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)  # the window's undo stack undoes typing, a burst at a time
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._changed)

    # --- the stored subset in and out ----------------------------------------------------------------------

    def set_markup(self, text: str) -> None:
        """Show a stored text; the cursor stays where it was as far as the new text allows."""
        position = self.textCursor().position()
        self._loading = True
        try:
            self.setHtml(minutes_text.to_html(text))
        finally:
            self._loading = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self.toPlainText())))
        self.setTextCursor(cursor)

    def markup(self) -> str:
        """The document in the canonical subset."""
        blocks: list[Block] = []
        block = self.document().begin()
        while block.isValid():
            runs: list[Run] = []
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid():
                    fmt = fragment.charFormat()
                    text = fragment.text().replace(_LINE_SEPARATOR, "\n").replace(_OBJECT, "")
                    runs.append(Run(text, fmt.fontWeight() >= QFont.Weight.DemiBold, fmt.fontItalic()))
                iterator += 1
            blocks.append(Block("bullet" if block.textList() is not None else "paragraph", tuple(runs)))
            block = block.next()
        return minutes_text.serialize(blocks)

    # --- formatting ------------------------------------------------------------------------------------------

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Normal if self.fontWeight() >= QFont.Weight.DemiBold else QFont.Weight.Bold)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def toggle_bullets(self) -> None:
        cursor = self.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is None:
            cursor.createList(QTextListFormat.Style.ListDisc)
        else:
            block = cursor.block()
            while block.isValid() and block.position() <= max(cursor.position(), cursor.anchor()):
                if block.textList() is not None and block.position() + block.length() > min(
                        cursor.position(), cursor.anchor()):
                    block.textList().remove(block)
                    fmt = block.blockFormat()
                    fmt.setIndent(0)
                    QTextCursor(block).setBlockFormat(fmt)
                block = block.next()
        cursor.endEditBlock()
        self._changed()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Bold):
            self.toggle_bold()
        elif event.matches(QKeySequence.StandardKey.Italic):
            self.toggle_italic()
        elif QKeySequence(event.keyCombination()) == BULLET_KEYS:
            self.toggle_bullets()
        else:
            super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted text arrives without its formatting: the minutes keep to their own subset."""
        if source.hasText():
            self.insertPlainText(source.text())

    def _changed(self) -> None:
        if not self._loading and not self.isReadOnly():
            self.edited.emit()


def sync_scrolling(first: QTextEdit, second: QTextEdit) -> None:
    """Scroll two editors together, at the same proportion of their length (side-by-side translation)."""
    guard = [False]

    def follow(source: QTextEdit, target: QTextEdit) -> None:
        if guard[0]:
            return
        guard[0] = True
        try:
            bar, other = source.verticalScrollBar(), target.verticalScrollBar()
            share = bar.value() / bar.maximum() if bar.maximum() else 0.0
            other.setValue(round(share * other.maximum()))
        finally:
            guard[0] = False

    first.verticalScrollBar().valueChanged.connect(lambda _v: follow(first, second))
    second.verticalScrollBar().valueChanged.connect(lambda _v: follow(second, first))

