"""The minutes page in the main window as the lead will wire it (a tab of the meeting, the window's Edit menu
undoing its edits), in French after a language switch, its empty states, and the reading order of its keys."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import i18n
from app.services import meetings, minutes
from ui.actions_tracker import ActionsTrackerPage
from ui.main_window import MainWindow
from ui.minutes import MinutesPage


@pytest.fixture
def french() -> Path:
    """The shipped French catalog (the window's language switch loads it)."""
    return i18n.catalog_dir()


def test_in_the_main_window_with_its_edit_menu(qtbot: Any, window: MainWindow) -> None:
    page = MinutesPage(window.context)
    window.meeting_tabs.add_page(page)
    assert window.meeting_tabs.tabText(window.meeting_tabs.indexOf(page)) == "Minutes"
    window.meeting_tabs.setCurrentWidget(page)  # the tab in view loads the selected meeting
    assert page.title_label.text().startswith("Minutes of VGT-2019-10")
    page.select_item("5")
    editor = page.editor.english.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Coffee, tea and pastries.")
    qtbot.waitUntil(lambda: not page.editor.english.saver.pending, timeout=5000)
    db = window.context.require_db()
    meeting = meetings.get_meeting(db, "VGT-2019-10").uuid
    five = next(i for i in minutes.get_minutes(db, meeting).items if i.number == "5")
    assert five.text_en == "Coffee, tea and pastries."
    assert window.menu_actions.undo.text() == "&Undo Edit the minutes of item 5"
    window.menu_actions.undo.trigger()
    five = next(i for i in minutes.get_minutes(db, meeting).items if i.number == "5")
    assert five.text_en == "" and editor.toPlainText() == ""


def test_french_after_a_language_switch(qtbot: Any, window: MainWindow, french: Path) -> None:
    page, tracker = MinutesPage(window.context), ActionsTrackerPage(window.context)
    qtbot.addWidget(tracker)
    window.meeting_tabs.add_page(page)
    window.meeting_tabs.setCurrentWidget(page)
    page.select_item("4")
    window.choose_language("fr")  # the window retranslates its tabs, the lead's wiring retranslates pages
    tracker.retranslate()
    assert window.meeting_tabs.tabText(window.meeting_tabs.indexOf(page)) == "Procès-verbal"
    assert page.tabs.tabText(0) == "Procès-verbal par point"
    assert page.tabs.tabText(1) == "Diffusion et approbation"
    assert page.editor.decisions.add_button.text() == "Ajouter une décision"
    assert page.editor.english.caption.text() == "Résumé en anglais"
    assert page.editor.outcome.currentText() == "En attente"
    assert page.editor.heading.text() == "4. Engagement de l’industrie et conception axée sur la sécurité"
    assert page.state_label.text() == "Projet de procès-verbal"
    assert page.editor.decisions.live_quorum.text() == (
        "Quorum atteint\u00a0: 7 organisations membres sur 9 présentes ou en ligne\u202f; 5 requises")
    assert page.editor.decisions.model.index(0, 3).data() == "Adoptée par consensus"
    assert tracker.title() == "Suivi des mesures" and tracker.overdue.text() == "En retard seulement"
    window.choose_language("en")
    assert page.tabs.tabText(0) == "Minutes by item"


def test_empty_states_and_reading_order(qtbot: Any, window: MainWindow) -> None:
    db = window.context.require_db()
    empty = meetings.create_meeting(db, reference="VGT-2021-01", title_en="Planning call",
                                    starts_at=datetime(2021, 1, 12, 14, tzinfo=UTC),
                                    ends_at=datetime(2021, 1, 12, 15, tzinfo=UTC), time_zone="UTC").uuid
    page = MinutesPage(window.context)
    qtbot.addWidget(page)
    page.show_meeting(None)
    assert page.stack.currentWidget() is page.placeholder
    assert page.placeholder.text() == "Select a meeting to write its minutes."
    page.show_meeting(empty)
    page.resize(1400, 900)
    page.show()
    assert page.by_item.currentWidget() is page.no_items and "no agenda items yet" in page.no_items.text()
    page.tabs.setCurrentWidget(page.approval)
    assert page.approval.recipients_page.is_empty() and page.approval.versions_page.is_empty()
    assert page.approval.circulation.text() == "The draft has not been circulated yet."

    page.show_meeting(meetings.get_meeting(db, "VGT-2019-10").uuid)
    page.tabs.setCurrentIndex(0)
    with qtbot.waitActive(page):
        page.activateWindow()
    editor = page.editor
    editor.view_mode.setFocus()
    order = [QApplication.focusWidget()]
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [editor.view_mode, editor.bold_button, editor.italic_button, editor.bullets_button,
                     editor.outcome, editor.english.editor, editor.french.editor]
