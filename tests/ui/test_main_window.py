"""The main window on the demo, driven as a user would: the meeting list, the overview, the keyboard,
sorting, undo, and what is remembered between runs."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt, qVersion
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import QDialog

import app
from ui.about import AboutDialog
from ui.agenda_model import AgendaColumn
from ui.main_window import MainWindow
from ui.meeting_list import MeetingColumn

TITLE_2019 = "Virtual Global Taskforce meeting — Ottawa, October 2019"
TITLE_2011 = ("Signing of the cooperation agreement with the Council of Europe — Octopus Conference, "
              "Strasbourg")


def cell(window: MainWindow, row: int, column: MeetingColumn) -> str:
    return window.meeting_model.index(row, column).data()


def click_row(qtbot, window: MainWindow, row: int) -> None:  # type: ignore[no-untyped-def]
    view = window.meeting_view
    rect = view.visualRect(window.meeting_model.index(row, MeetingColumn.TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def agenda_numbers(window: MainWindow) -> list[str]:
    model, numbers = window.overview.agenda_model, []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        numbers.append(parent.data())
        numbers += [model.index(child, 0, parent).data() for child in range(model.rowCount(parent))]
    return numbers


def test_lists_the_demo_meetings_newest_first_with_dates_where_they_happened(window: MainWindow) -> None:
    assert window.meeting_model.rowCount() == 2
    assert [cell(window, row, MeetingColumn.REFERENCE) for row in (0, 1)] == ["VGT-2019-10", "VGT-2011-11"]
    assert [cell(window, row, MeetingColumn.TITLE) for row in (0, 1)] == [TITLE_2019, TITLE_2011]
    assert [cell(window, row, MeetingColumn.DATE) for row in (0, 1)] == ["2 October 2019", "22 November 2011"]
    assert [cell(window, row, MeetingColumn.STATUS) for row in (0, 1)] == ["Minutes draft", "Minutes approved"]
    assert window.windowTitle() == "demo.sqlite — Chairdesk"
    assert "demo.sqlite" in window.database_label.text()
    assert window.pages.currentWidget() is window.splitter


def test_first_meeting_is_selected_and_its_overview_shown(window: MainWindow) -> None:
    overview = window.overview
    assert window.current_meeting_uuid() == window.meeting_model.meeting_at(0).uuid
    assert overview.title_label.text() == TITLE_2019
    assert overview.subtitle_label.text() == "VGT-2019-10 · Plenary"
    assert overview.badge.text() == "TLP:AMBER"
    assert "#FFC000" in overview.badge.styleSheet() and overview.badge.isVisible()
    values = {key: label.text() for key, label in overview.field_values.items()}
    assert values["when"] == "Wednesday, 2 October 2019, 13:00 to Thursday, 3 October 2019, 14:30"
    assert values["time_zone"] == "Eastern Daylight Time (Toronto)"
    assert values["place"] == "RCMP National Headquarters, Ottawa, Canada"
    assert values["host"] == "Royal Canadian Mounted Police"
    assert values["chair"] == "Marie-Claude Arsenault"
    assert values["secretary"] == "Sophie Tremblay"
    assert values["status"] == "Minutes draft"
    assert values["mode"] == "In person"
    assert values["attendance"] == ("12 confirmed · 1 declined · 10 present · 2 online · 1 apology · "
                                    "11 organisations")
    assert not overview.field_values["online"].isVisible()


def test_agenda_documents_decisions_and_actions_of_the_meeting(window: MainWindow) -> None:
    overview = window.overview
    assert agenda_numbers(window) == ["1", "2", "3", "3.1", "3.2", "3.3", "4", "5", "6", "7", "8", "9", "10"]
    agenda = overview.agenda_model
    first = agenda.index(0, 0)
    assert agenda.index(0, AgendaColumn.TITLE).data() == "Opening and welcome"
    assert agenda.index(0, AgendaColumn.KIND).data() == "Opening"
    assert agenda.index(0, AgendaColumn.START).data() == "13:00"
    assert agenda.index(0, AgendaColumn.DURATION).data() == "30 min"
    assert agenda.index(0, AgendaColumn.PRESENTERS).data() == "Stephen White and Marie-Claude Arsenault"
    assert overview.agenda_view.isExpanded(agenda.index(2, 0)) and first.isValid()
    assert [overview.tabs.tabText(i) for i in range(4)] == [
        "Agenda (13)", "Documents (1)", "Decisions (3)", "Actions (5)"]
    documents = overview.documents_model
    assert [documents.index(0, c).data() for c in range(5)] == [
        "VGT Environmental Scan 2019", "Environmental scan", "Approved", "TLP:AMBER", "72c3169715ec"]
    decisions = overview.decisions_model
    assert [decisions.index(r, 0).data() for r in range(3)] == [f"VGT-2019-10/D{n}" for n in (1, 2, 3)]
    actions = overview.actions_model
    assert actions.rowCount() == 5
    assert actions.index(0, 1).data() == "RCMP" and actions.index(0, 2).data() == "1 Nov 2019"
    assert actions.index(0, 3).data() == "In progress"


def test_items_on_a_later_day_name_their_day(window: MainWindow) -> None:
    agenda = window.overview.agenda_model
    first_day = agenda.item(agenda.index(0, 0)).starts_at.astimezone(ZoneInfo("America/Toronto")).date()
    later = 0
    for row in range(agenda.rowCount()):
        for index in [agenda.index(row, 0)] + [agenda.index(r, 0, agenda.index(row, 0))
                                                for r in range(agenda.rowCount(agenda.index(row, 0)))]:
            local = agenda.item(index).starts_at.astimezone(ZoneInfo("America/Toronto"))
            start = index.siblingAtColumn(AgendaColumn.START)
            expected = local.strftime("%H:%M")
            if local.date() != first_day:
                expected = f"{local:%a} {local.day} {expected}"
                later += 1
            assert start.data() == expected
            assert start.data(Qt.ItemDataRole.ToolTipRole).endswith(f"{local:%B} {local.year}, {local:%H:%M}")
    assert later > 0  # the Ottawa meeting runs over two days


def test_closed_session_items_are_visibly_marked(window: MainWindow) -> None:
    agenda = window.overview.agenda_model
    closed = agenda.index(1, AgendaColumn.NUMBER, agenda.index(2, 0))
    assert closed.data() == "3.2"
    assert closed.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not closed.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert closed.data(Qt.ItemDataRole.FontRole).italic()
    assert "Closed session" in closed.data(Qt.ItemDataRole.ToolTipRole)
    assert closed.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "Closed session"
    public = agenda.index(0, AgendaColumn.NUMBER)
    assert public.data(Qt.ItemDataRole.BackgroundRole) is None


def test_click_and_arrow_keys_move_the_selection_and_the_overview_follows(qtbot, window: MainWindow) -> None:
    click_row(qtbot, window, 1)
    assert window.overview.title_label.text() == TITLE_2011
    assert window.overview.badge.text() == "TLP:CLEAR"
    assert window.overview.field_values["place"].text().endswith("Strasbourg, France")
    assert window.overview.field_values["time_zone"].text() == "Central European Standard Time (Paris)"
    window.meeting_view.setFocus()
    with qtbot.waitSignal(window.overview_shown, timeout=5000) as shown:
        qtbot.keyClick(window.meeting_view, Qt.Key.Key_Up)
    assert shown.args == [window.meeting_model.meeting_at(0).uuid]
    assert window.overview.title_label.text() == TITLE_2019
    assert window.overview.badge.text() == "TLP:AMBER"
    qtbot.keyClick(window.meeting_view, Qt.Key.Key_Down)
    assert window.overview.badge.text() == "TLP:CLEAR"
    assert window.meeting_view.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_sorting_happens_in_the_model_and_keeps_the_selection(qtbot, window: MainWindow) -> None:
    click_row(qtbot, window, 1)  # VGT-2011-11
    header = window.meeting_view.horizontalHeader()
    x = header.sectionViewportPosition(MeetingColumn.REFERENCE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert window.meeting_view.model() is window.meeting_model
    references = [cell(window, row, MeetingColumn.REFERENCE) for row in (0, 1)]
    assert references == sorted(references, reverse=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
    assert window.meeting_model.meeting_at(window.meeting_view.currentIndex().row()).reference == "VGT-2011-11"
    window.meeting_model.sort(MeetingColumn.TITLE, Qt.SortOrder.AscendingOrder)
    assert cell(window, 0, MeetingColumn.TITLE) == TITLE_2011
    assert window.overview.title_label.text() == TITLE_2011


def test_refresh_keeps_the_meeting_shown(qtbot, window: MainWindow) -> None:
    click_row(qtbot, window, 1)
    window.menu_actions.refresh.trigger()
    assert window.overview.title_label.text() == TITLE_2011


def test_undo_and_redo_follow_the_window_stack(window: MainWindow) -> None:
    undo, redo = window.menu_actions.undo, window.menu_actions.redo
    assert not undo.isEnabled() and undo.text() == "&Undo"
    changes: list[str] = []

    class Rename(QUndoCommand):
        def redo(self) -> None:
            changes.append("redo")

        def undo(self) -> None:
            changes.append("undo")

    window.undo_stack.push(Rename("Rename meeting"))
    assert undo.isEnabled() and undo.text() == "&Undo Rename meeting"
    undo.trigger()
    assert changes == ["redo", "undo"]
    assert redo.isEnabled() and redo.text() == "&Redo Rename meeting"
    redo.trigger()
    assert changes == ["redo", "undo", "redo"]


def test_announced_changes_refresh_what_they_touch(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.context.db is window.database
    with qtbot.waitSignal(window.overview_shown, timeout=5000) as shown:
        window.context.events.announce(["agenda"], ["some-item"])
    assert shown.args == [window.current_meeting_uuid()]
    window.meeting_model.set_meetings([])  # as if the list were stale
    window.context.events.announce(["meeting"])
    assert window.meeting_model.rowCount() == 2


def test_standard_shortcuts(window: MainWindow) -> None:
    a = window.menu_actions
    assert QKeySequence("Ctrl+O") in a.open_database.shortcuts()
    assert QKeySequence("Ctrl+Q") in a.quit.shortcuts()
    assert QKeySequence("Ctrl+Z") in a.undo.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in a.redo.shortcuts()
    assert QKeySequence("F5") in a.refresh.shortcuts()
    assert [menu.title() for menu in a.menus()] == ["&File", "&Edit", "&View", "&Language", "&Help"]


def test_geometry_and_database_are_remembered(window: MainWindow, settings, demo_db_path) -> None:  # type: ignore[no-untyped-def]
    window.resize(1200, 700)
    window.close()
    remembered = settings.load()
    assert remembered.last_database == str(demo_db_path)
    assert not remembered.window_geometry.isEmpty() and not remembered.main_splitter.isEmpty()
    assert window.database is None  # closed with the window


def test_about_names_the_version_the_database_and_qt(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: shown.append(dialog) or QDialog.DialogCode.Accepted)
    window.menu_actions.about.trigger()
    text = shown[0].heading.text() + "\n" + shown[0].details.text()
    assert f"Chairdesk {app.__version__}" in text
    assert str(window.database.path) in text and f"Qt {qVersion()}" in text
