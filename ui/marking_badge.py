"""The TLP marking of a meeting or document as a badge in the colours of FIRST's TLP 2.0 standard.

TLP 2.0 sets each label in its colour on a black background (RED #FF2B2B, AMBER #FFC000, GREEN #33FF00,
CLEAR white); the label itself stays in English in every language (``TLP:AMBER``), as the standard and our
glossary ask.  The tooltip says in the active language what the marking allows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.domain.enums import Marking, label
from app.i18n import N_, _

TLP_COLOURS: dict[Marking, str] = {
    Marking.RED: "#FF2B2B",
    Marking.AMBER: "#FFC000",
    Marking.AMBER_STRICT: "#FFC000",
    Marking.GREEN: "#33FF00",
    Marking.CLEAR: "#FFFFFF",
}

_MEANINGS: dict[Marking, str] = {
    Marking.RED: N_("For the eyes and ears of individual recipients only, no further disclosure."),
    Marking.AMBER_STRICT: N_("Limited disclosure, restricted to the recipient's organisation only."),
    Marking.AMBER: N_("Limited disclosure: recipients may share it within their organisation and with its "
                      "clients, on a need-to-know basis."),
    Marking.GREEN: N_("Limited disclosure: recipients may share it within their community, not publicly."),
    Marking.CLEAR: N_("Disclosure is not limited."),
}


class MarkingBadge(QLabel):
    def __init__(self, parent: QWidget | None = None, point_size: int = 13) -> None:
        super().__init__(parent)
        self._marking: Marking | None = None
        self._point_size = point_size
        self.setObjectName("markingBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_marking(None)

    @property
    def marking(self) -> Marking | None:
        return self._marking

    def set_marking(self, marking: Marking | None) -> None:
        self._marking = marking
        self.setVisible(marking is not None)
        if marking is None:
            self.clear()
            return
        self.setText(label(marking))
        self.setStyleSheet(
            f"QLabel#markingBadge {{ background: #000000; color: {TLP_COLOURS[marking]};"
            f" font-weight: bold; font-size: {self._point_size}pt; padding: 4px 12px; border-radius: 3px; }}"
        )
        self.retranslate()

    def retranslate(self) -> None:
        if self._marking is not None:
            self.setToolTip(_(_MEANINGS[self._marking]))
            self.setAccessibleName(_("Marking: {marking}").format(marking=label(self._marking)))
