"""Live mode driven as the secretary runs the Ottawa 2019 meeting: through the agenda by keyboard with the
room display following (and the closed session kept off it), people checked in with Space while the quorum
badge follows, a walk-in, notes saved as they are typed, two decisions and three actions captured by
keyboard, and Ctrl+Z taking back the last one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from test_live_support import ALT, CTRL, OPENING, OTTAWA, SHIFT, LiveDesk, live_desk

from app.domain.enums import Attendance, Relation
from app.services import actions, decisions, directory, minutes
from ui.live.walk_in import WalkInDialog

K = Qt.Key


@pytest.fixture
def desk(qtbot: Any, demo_db_path: Path, tmp_path: Path) -> Iterator[LiveDesk]:
    with live_desk(qtbot, demo_db_path, tmp_path) as opened:
        yield opened


def shown_number(desk: LiveDesk) -> str:
    return desk.live.current.number_label.text()


def notes_of(desk: LiveDesk, number: str) -> str:
    return next(item.text_en for item in minutes.get_minutes(desk.db, OTTAWA).items if item.number == number)


def test_the_secretary_moves_through_the_agenda_and_the_room_display_follows(desk: LiveDesk) -> None:
    live = desk.live
    assert shown_number(desk) == "1"
    assert live.current.title_label.text() == "Opening and welcome"
    assert "Marie-Claude Arsenault" in live.current.meta_label.text()
    assert live.room is None or not live.room.isVisible()

    desk.key(K.Key_F5)
    room = live.room
    assert room is not None and room.isVisible()
    assert QApplication.activeWindow() is live  # the keyboard stays with live mode
    assert room.highlighted() == live.current_item().uuid  # type: ignore[union-attr]

    for number in ("2", "3", "3.1"):
        desk.key(K.Key_PageDown)
        assert shown_number(desk) == number
        assert room.highlighted() == live.current_item().uuid  # type: ignore[union-attr]
    assert live.current.title_label.text() == "Presentation of the global threat picture"

    desk.key(K.Key_PageDown)  # 3.2 is a closed session: live mode shows it, the room display does not
    assert shown_number(desk) == "3.2"
    assert live.current.title_label.text() == "Operational update from members (closed session)"
    assert live.current.session_banner.isVisible()
    assert "3.2" in live.agenda_model.numbers()
    assert "3.2" not in room.model.numbers() and {"3.1", "3.3"} <= set(room.model.numbers())
    assert room.highlighted() is None and room.in_closed_session() and room.closed_label.isVisible()
    room_texts = [room.model.index(row, column).data() for row in range(room.model.rowCount()) for column in range(3)]
    assert not any("closed session" in str(text) for text in room_texts)

    desk.key(K.Key_Right, ALT)
    assert shown_number(desk) == "3.3"
    assert room.highlighted() == live.current_item().uuid and not room.closed_label.isVisible()  # type: ignore[union-attr]
    desk.key(K.Key_Left, ALT)
    desk.key(K.Key_PageUp)
    assert shown_number(desk) == "3.1" and room.highlighted() == live.current_item().uuid  # type: ignore[union-attr]

    desk.key(K.Key_F5)
    assert not room.isVisible()
    desk.key(K.Key_F5)
    assert room.isVisible() and room.highlighted() == live.current_item().uuid  # type: ignore[union-attr]

    desk.key(K.Key_Escape)  # leaving live mode takes the room display down with it
    assert not shiboken6.isValid(live) and not shiboken6.isValid(room)


def test_three_people_are_checked_in_with_space_and_the_quorum_follows(desk: LiveDesk) -> None:
    live = desk.live
    badge = live.checkin.quorum_badge
    assert badge.text() == "No quorum: 0 of 9 member organisations (5 needed)"

    def check_in(search: str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        desk.key(K.Key_F, CTRL)
        assert QApplication.focusWidget() is live.checkin.search
        desk.type(search)
        desk.key(K.Key_Tab)  # into the list, on the person found
        assert QApplication.focusWidget() is live.checkin.list
        desk.key(K.Key_Space, modifiers)

    check_in("Arsenault")
    check_in("Nguy")
    check_in("Pennington")
    for family in ("Arsenault", "Nguyễn", "Pennington"):
        row = desk.attendee(family)
        assert row.attendance is Attendance.PRESENT and row.arrived_at == OPENING
    assert badge.text() == "No quorum: 3 of 9 member organisations (5 needed)"
    assert "12:55" in {live.checkin.model.index(r, 4).data() for r in range(live.checkin.model.rowCount())}

    desk.clock.advance(minutes=3)
    check_in("Wisniewski")  # accent-free search finds Łukasz Wiśniewski
    check_in("Yilmaz", SHIFT)  # Interpol joins online
    assert desk.attendee("Yılmaz").attendance is Attendance.ONLINE
    assert badge.text() == "Quorum reached: 5 of 9 member organisations (5 needed)"

    arrived = desk.attendee("Yılmaz").arrived_at
    desk.clock.advance(minutes=20)
    desk.key(K.Key_Space)  # she walks into the room: present now, arrived when she first joined online
    assert (desk.attendee("Yılmaz").attendance, desk.attendee("Yılmaz").arrived_at) == (Attendance.PRESENT, arrived)
    desk.key(K.Key_Space)  # a slip: Space again on the same person takes the tick away
    assert (desk.attendee("Yılmaz").attendance, desk.attendee("Yılmaz").arrived_at) == (Attendance.UNKNOWN, None)
    assert badge.text() == "No quorum: 4 of 9 member organisations (5 needed)"
    desk.key(K.Key_Z, CTRL)
    desk.key(K.Key_Z, CTRL)
    assert desk.attendee("Yılmaz").attendance is Attendance.ONLINE
    assert badge.text() == "Quorum reached: 5 of 9 member organisations (5 needed)"


def test_a_walk_in_is_added_and_checked_in_in_one_undo_step(desk: LiveDesk) -> None:
    live = desk.live
    desk.clock.advance(minutes=12)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, WalkInDialog)
        assert QApplication.focusWidget() is dialog.given_name
        desk.type("Amélie")
        desk.key(K.Key_Tab)
        desk.type("Dubois")
        desk.key(K.Key_Tab)
        desk.type("Sûreté du Québec")
        desk.key(K.Key_Return)

    desk.in_dialog(fill, live.checkin.walk_in_button)
    person = next(p for p in directory.list_people(desk.db, "Dubois"))
    assert person.given_name == "Amélie" and person.organisation_short == "Sûreté du Québec"
    row = desk.attendee("Dubois")
    assert row.attendance is Attendance.PRESENT and row.arrived_at == OPENING.replace(minute=7, hour=17)
    organisation = directory.get_organisation(desk.db, person.organisation_uuid)  # type: ignore[arg-type]
    assert organisation.relation is Relation.GUEST
    assert live.checkin.model.row_at(live.checkin.list.currentIndex().row()).uuid == row.uuid  # type: ignore[union-attr]

    desk.key(K.Key_Z, CTRL)  # one step takes back the person, the organisation and the check-in
    assert directory.list_people(desk.db, "Dubois") == []
    assert all(o.name_en != "Sûreté du Québec" for o in directory.list_organisations(desk.db))
    desk.key(K.Key_Z, CTRL | SHIFT)
    again = directory.list_people(desk.db, "Dubois")
    assert [p.uuid for p in again] == [person.uuid] and again[0].organisation_uuid == person.organisation_uuid
    assert desk.attendee("Dubois").uuid == row.uuid


def test_a_walk_in_without_a_name_is_refused_at_the_field(desk: LiveDesk) -> None:
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, WalkInDialog)
        desk.key(K.Key_Return)  # nothing typed
        seen.append(dialog.errors["family_name"].label.text())
        assert dialog.isVisible()
        dialog.reject()

    desk.in_dialog(fill, desk.live.checkin.walk_in_button)
    assert seen == ["A person needs a name."]


def test_notes_are_saved_as_typed_and_a_burst_is_undone_in_one_step(desk: LiveDesk) -> None:
    live = desk.live
    for _step in range(5):
        desk.key(K.Key_PageDown)
    assert shown_number(desk) == "3.3"
    before = notes_of(desk, "3.3")
    desk.click(live.capture.notes)
    desk.key(K.Key_End, CTRL)
    desk.type(" The chair thanked the presenters.")
    desk.qtbot.waitUntil(lambda: notes_of(desk, "3.3").endswith("The chair thanked the presenters."), timeout=3000)
    assert live.autosave.pending() is False
    assert live.capture.status_label.text().startswith("Notes saved at")
    desk.type(" Members welcomed the scan.")
    desk.qtbot.waitUntil(lambda: notes_of(desk, "3.3").endswith("welcomed the scan."), timeout=3000)

    desk.key(K.Key_Z, CTRL)  # the whole burst of typing goes, in one step
    assert notes_of(desk, "3.3") == before
    assert live.capture.notes.toPlainText() == before
    desk.key(K.Key_Z, CTRL | SHIFT)
    assert notes_of(desk, "3.3").endswith("The chair thanked the presenters. Members welcomed the scan.")
    assert live.capture.notes.toPlainText() == notes_of(desk, "3.3")

    desk.type(" Typed just before leaving.")  # not saved yet when the item changes: saved on the way
    desk.key(K.Key_PageDown)
    assert notes_of(desk, "3.3").endswith("Typed just before leaving.")


def test_two_decisions_and_three_actions_are_captured_by_keyboard(desk: LiveDesk) -> None:
    live = desk.live
    for _step in range(5):
        desk.key(K.Key_PageDown)
    item = live.current_item()
    assert item is not None and item.number == "3.3"
    desk.key(K.Key_F, CTRL)
    for name in ("Arsenault", "Nguy", "Pennington", "Wisniewski", "Morales"):  # five member organisations
        desk.type(name, live.checkin.search)
        desk.key(K.Key_Return)  # Enter in the search field ticks the person found
    assert live.checkin.quorum_badge.text().startswith("Quorum reached: 5 of 9")

    desk.click(live.capture.capture)
    desk.type("The VGT approved the publication of the public summary of the 2019 Environmental Scan.")
    desk.key(K.Key_D, CTRL)
    assert live.capture.capture.toPlainText() == ""
    desk.type("The VGT agreed to review the scan's methodology in 2020.")
    desk.key(K.Key_D, CTRL)
    for text in ("Secretariat to publish the public summary on the VGT website.",
                 "Europol to circulate the 2020 data collection template.",
                 "Members to send national figures for 2019."):
        desk.type(text)
        desk.key(K.Key_A, CTRL | SHIFT)
    desk.type("The meeting moved on to item 4.")
    desk.key(K.Key_Return, CTRL)

    mine = decisions.list_decisions(desk.db, OTTAWA, item.uuid)
    assert [(d.number, d.text_en) for d in mine[1:]] == [
        ("VGT-2019-10/D2", "The VGT approved the publication of the public summary of the 2019 Environmental Scan."),
        ("VGT-2019-10/D3", "The VGT agreed to review the scan's methodology in 2020.")]
    assert all((d.quorum_present, d.quorum_required) == (5, 5) for d in mine[1:])
    assert [d.number for d in decisions.list_decisions(desk.db, OTTAWA)] == [f"VGT-2019-10/D{n}" for n in range(1, 6)]
    captured = actions.list_actions(desk.db, OTTAWA, item.uuid)
    assert [a.text_en for a in captured][-3:] == ["Secretariat to publish the public summary on the VGT website.",
                                                 "Europol to circulate the 2020 data collection template.",
                                                 "Members to send national figures for 2019."]
    assert all(not a.owners and a.due_date is None for a in captured[-3:])
    assert [a.number for a in captured] == [f"VGT-2019-10/A{n}" for n in range(1, len(captured) + 1)]
    assert [a.number for a in actions.list_actions(desk.db, OTTAWA)][len(captured):] == [
        f"VGT-2019-10/A{n}" for n in range(len(captured) + 1, len(actions.list_actions(desk.db, OTTAWA)) + 1)]
    assert notes_of(desk, "3.3").endswith("The meeting moved on to item 4.")
    shown = [live.capture.records_model.index(r, 0).data() for r in range(live.capture.records_model.rowCount())]
    assert shown[:3] == ["D1", "D2", "D3"] and len(shown) == 3 + len(captured)

    desk.key(K.Key_Z, CTRL)  # the note goes back…
    desk.key(K.Key_Z, CTRL)  # …then the last action
    remaining = actions.list_actions(desk.db, OTTAWA, item.uuid)
    assert [a.text_en for a in remaining][-2:] == ["Secretariat to publish the public summary on the VGT website.",
                                                  "Europol to circulate the 2020 data collection template."]
    assert len(remaining) == len(captured) - 1
    assert len(decisions.list_decisions(desk.db, OTTAWA, item.uuid)) == 3


def test_an_action_gets_its_owner_and_due_date_later(desk: LiveDesk) -> None:
    live = desk.live
    desk.key(K.Key_PageDown)
    desk.click(live.capture.capture)
    desk.type("Secretariat to circulate the adopted agenda.")
    desk.key(K.Key_A, CTRL | SHIFT)
    action = actions.list_actions(desk.db, OTTAWA, live.current_item().uuid)[-1]  # type: ignore[union-attr]
    records = live.capture.records
    row = live.capture.records_model.row_of(action.uuid)
    desk.qtbot.mouseClick(records.viewport(), Qt.MouseButton.LeftButton,
                          pos=records.visualRect(live.capture.records_model.index(row, 1)).center())
    follow_up = live.capture.follow_up
    assert follow_up.isEnabled() and follow_up.heading.text() == f"Action {action.number.rsplit('/', 1)[1]}"
    follow_up.owner.setFocus()
    desk.type("Sophie")  # the keyboard picks "Sophie Tremblay (RCMP)" in the list of people present
    assert [o.name for o in actions.get_action(desk.db, action.uuid).owners] == ["Sophie Tremblay"]
    follow_up.due.setFocus()
    desk.key(K.Key_A, CTRL)
    desk.type("2019-10-31")
    desk.key(K.Key_Tab)
    assert str(actions.get_action(desk.db, action.uuid).due_date) == "2019-10-31"
    desk.key(K.Key_Z, CTRL)
    assert actions.get_action(desk.db, action.uuid).due_date is None


def test_escape_leaves_live_mode_and_saves_what_was_typed(desk: LiveDesk) -> None:
    live = desk.live
    left: list[bool] = []
    live.left.connect(lambda: left.append(True))
    desk.click(live.capture.notes)
    desk.key(K.Key_End, CTRL)
    desk.type(" Last words.")
    desk.click(live.capture.capture)
    desk.type("A draft not yet recorded")
    desk.key(K.Key_Escape)
    assert left == [True]
    assert notes_of(desk, "1").endswith("Last words.")
    reopened = desk.open()
    assert reopened.capture.capture.toPlainText() == "A draft not yet recorded"
