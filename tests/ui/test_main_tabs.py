"""The selected meeting's screens are tabs of the main window and follow the selection."""

from __future__ import annotations

from ui.main_window import MainWindow


def test_tabs_follow_the_selected_meeting_and_the_language(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tabs = window.meeting_tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles[:5] == ["Overview", "Details", "Agenda", "Attendees", "Minutes"]
    window.select_meeting("VGT-2019-10")
    agenda = tabs.widget(2)
    tabs.setCurrentIndex(2)
    model = agenda.model
    qtbot.waitUntil(lambda: model.rowCount() == 10, timeout=5000)  # the Ottawa agenda: items 1 to 10
    third = model.index(2, 0)
    assert [str(model.index(r, 0, third).data()).strip() for r in range(model.rowCount(third))] == [
        "3.1", "3.2", "3.3"]
    window.select_meeting("VGT-2011-11")
    attendees = tabs.widget(3)
    tabs.setCurrentIndex(3)
    assert attendees.isVisible()
    window.choose_language("fr")
    assert [tabs.tabText(i) for i in range(4)] == ["Vue d’ensemble", "Détails", "Ordre du jour", "Participants"]


def test_sections_switch_by_keyboard(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from ui.directory import DirectoryPage

    assert window.sections.current_key() == "meetings"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.sections.current_key() == "directory"
    directory = window.sections.currentWidget()
    assert isinstance(directory, DirectoryPage)
    qtbot.waitUntil(lambda: directory.people_model.rowCount() > 10, timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.sections.current_key() == "meetings"
    assert [a.text() for a in window.sections.toolbar.actions()][:2] == ["Meetings", "Directory"]


def test_documents_section_and_the_database_check(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.documents import DocumentsPage

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.sections.currentWidget(), DocumentsPage)
    window.check_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and type(w).__name__ == "CheckDialog"]
    assert dialogs
    with qtbot.waitSignal(dialogs[-1].check_finished, timeout=30000) as finished:
        pass
    report = finished.args[0]
    assert not report.faults
    dialogs[-1].close()


def test_new_meeting_from_the_file_menu(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui.new_meeting_dialog import NewMeetingDialog

    shown: list[NewMeetingDialog] = []

    def fake_exec(dialog: NewMeetingDialog) -> int:
        shown.append(dialog)
        return 0  # cancelled: nothing is created

    monkeypatch.setattr(NewMeetingDialog, "exec", fake_exec)
    window.new_meeting_action.trigger()
    assert len(shown) == 1
    assert window.meeting_model.rowCount() == 2


def test_live_meeting_opens_for_the_selected_meeting(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ui.live import LiveMode

    window.select_meeting("VGT-2019-10")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lives = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.findChild(LiveMode) or isinstance(w, LiveMode)]
    assert lives
    window.live_action.trigger()  # a second press brings the same window forward
    again = [w for w in QApplication.topLevelWidgets() if w.isVisible() and (w.findChild(LiveMode) or isinstance(w, LiveMode))]
    assert len(again) == len(lives)
    for w in again:
        w.close()
