"""An item postponed at one meeting is offered on a later meeting's agenda, taken up in one undo step."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from app.domain.enums import ItemOutcome
from app.persistence.database import open_database
from app.services import agenda, meetings
from app.services.item_outcomes import set_item_outcome
from ui.agenda_builder import AgendaBuilderPage
from ui.agenda_builder.postponed_dialog import PostponedItemsDialog
from ui.context import AppContext
from ui.tasks import TaskRunner


def test_postponed_item_is_offered_and_taken_up(qtbot, demo_db_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = open_database(demo_db_path)
    wellness = next(i for i in agenda.get_agenda(db, meetings.get_meeting(db, "VGT-2019-10").uuid).items
                    if i.title_en == "Wellness research study")
    set_item_outcome(db, wellness.uuid, ItemOutcome.POSTPONED)
    later = meetings.create_meeting(
        db, reference="VGT-2020-04", title_en="VGT meeting, April 2020", time_zone="Europe/London",
        starts_at=datetime(2020, 4, 21, 8, tzinfo=UTC), ends_at=datetime(2020, 4, 21, 16, tzinfo=UTC)).uuid
    agenda.add_agenda_item(db, later, title_en="Opening", kind="opening", duration_minutes=15)
    agenda.add_agenda_item(db, later, title_en="Closing", kind="closing", duration_minutes=15)

    stack = QUndoStack()
    context = AppContext(stack, TaskRunner())
    context.set_database(db)
    page = AgendaBuilderPage(context)
    qtbot.addWidget(page)
    page.show_meeting(later)
    offered: list[list[str]] = []

    def user_ticks_and_confirms(dialog: PostponedItemsDialog) -> int:
        offered.append([dialog.list.item(r).text() for r in range(dialog.list.count())])
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(PostponedItemsDialog, "exec", user_ticks_and_confirms)
    page.commands.postponed_items.trigger()
    assert offered == [["VGT-2019-10, item 6: Wellness research study"]]
    titles = [i.title_en for i in agenda.get_agenda(db, later).items]
    assert titles == ["Opening", "Wellness research study", "Closing"]

    stack.undo()
    assert [i.title_en for i in agenda.get_agenda(db, later).items] == ["Opening", "Closing"]
    stack.redo()
    assert [i.title_en for i in agenda.get_agenda(db, later).items] == ["Opening", "Wellness research study", "Closing"]
    # Taken up: it is no longer offered.
    page.commands.postponed_items.trigger()
    assert offered[-1] == []
    db.close()
