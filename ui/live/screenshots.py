"""Screenshots of live mode and the room display for the documentation, in English and in French.

``render_live_screenshots(out_dir)`` draws both windows offscreen on a fresh copy of the demo (never the
user's data), on meeting VGT-2019-10 at 09:52 on its second day: item 3.3 running seven minutes over, a
sentence waiting in the capture box, the room display following.  It writes ``live-mode-<lang>.png``
(1400×900) and ``room-display-<lang>.png`` (1280×720).  The main screenshots command can call it.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from app.i18n import current_language, set_language
from ui.application import create_application
from ui.context import AppContext
from ui.live.window import LiveMode
from ui.tasks import TaskRunner

MEETING = "VGT-2019-10"
ITEM = "3.3"
ENTERED = datetime(2019, 10, 3, 13, 0, tzinfo=UTC)  # 09:00 in Ottawa, the planned start of item 3.3
NOW = datetime(2019, 10, 3, 13, 52, tzinfo=UTC)
DRAFTS = {"en": "Secretariat to send the approved scan to all partners by 15 October.",
          "fr": "Le secrétariat enverra l’analyse approuvée à tous les partenaires d’ici le 15 octobre."}


def render_live_screenshots(out_dir: Path, languages: tuple[str, ...] = ("en", "fr")) -> list[Path]:
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    qt_app = create_application()
    previous_style, previous_language = qt_app.style().name(), current_language()
    qt_app.setStyle("Fusion")
    written: list[Path] = []
    try:
        with tempfile.TemporaryDirectory(prefix="chairdesk-live-shots-") as work:
            for language in languages:
                written += _render(language, Path(work), out_dir)
    finally:
        set_language(previous_language)
        qt_app.setStyle(previous_style)
    return written


def _render(language: str, scratch: Path, out_dir: Path) -> list[Path]:
    from app.persistence.database import open_database
    from app.services.meetings import get_meeting
    from ui.screenshots import demo_copy

    set_language(language)
    folder = scratch / language
    folder.mkdir()
    db = open_database(demo_copy(folder))
    context = AppContext(QUndoStack(), TaskRunner())
    context.set_database(db)
    meeting_uuid = get_meeting(db, MEETING).uuid
    times = [ENTERED]
    window = LiveMode(context, settings=QSettings(str(folder / "live.ini"), QSettings.Format.IniFormat),
                      clock=lambda: times[0])
    written: list[Path] = []
    try:
        window.show_meeting(meeting_uuid)
        item = next(i for i in window.meeting.items if i.number == ITEM)  # type: ignore[union-attr]
        window.go_to(item.uuid)
        times[0] = NOW
        window.capture.capture.setPlainText(DRAFTS.get(language, DRAFTS["en"]))
        window.resize(1400, 900)
        window.show()
        window.toggle_room()
        room = window.room
        assert room is not None
        room.showNormal()
        room.resize(1280, 720)
        window.clock.ticked.emit()
        for _turn in range(3):  # layouts settle, the room display fits its agenda to its height
            QApplication.processEvents()
        window.capture.capture.setFocus()
        written.append(_save(window, out_dir / f"live-mode-{language}.png"))
        written.append(_save(room, out_dir / f"room-display-{language}.png"))
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        context.set_database(None)
        db.close()
    return written


def _save(widget: QWidget, target: Path) -> Path:
    QApplication.processEvents()
    widget.grab().save(str(target))
    return target
