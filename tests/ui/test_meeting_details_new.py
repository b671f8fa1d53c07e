"""The New meeting dialog and the time zone picker, driven as a user would: a meeting made from the previous
one (agenda structure and invitations copied, minutes not) and undone; a meeting from scratch refused at
its fields until it is complete; zones found by city in English and French; every string translated."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import func, select
from test_meeting_details_support import (
    OTTAWA,
    ROOT,
    close_context,
    edit_window,
    make_context,
    press,
    type_into,
    use_french,
)

from app.domain.enums import Attendance, InvitationStatus
from app.domain.models import AgendaItem, Meeting, MinutesEntry
from app.services import agenda, attendees, meetings
from ui.context import AppContext
from ui.meeting_details import MeetingDetailsPage
from ui.new_meeting_dialog import NewMeetingDialog
from ui.time_zone_picker import ChoiceListModel, TimeZonePicker, search_zones

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MY_FILES = ("ui/meeting_details.py", "ui/meeting_details_fields.py", "ui/meeting_details_form.py",
            "ui/new_meeting_dialog.py", "ui/time_zone_picker.py", "app/services/meeting_planning.py",
            "app/services/meetings.py")


@pytest.fixture
def context(demo_db_path: Path) -> Iterator[AppContext]:
    context = make_context(demo_db_path)
    yield context
    close_context(context)


def minutes_of(context: AppContext, uuid: str) -> int:
    with context.require_db().transaction() as session:
        return int(session.execute(
            select(func.count()).select_from(MinutesEntry)
            .join(AgendaItem, MinutesEntry.agenda_item_id == AgendaItem.id)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id).where(Meeting.uuid == uuid)).scalar_one())


def fill_from_previous(qtbot, dialog: NewMeetingDialog) -> None:  # type: ignore[no-untyped-def]
    """Dates for April 2020 in The Hague; the reference follows by itself."""
    type_into(qtbot, dialog.start_edit, "2020-04-14 09:00")
    type_into(qtbot, dialog.zone_picker, "La Haye")
    press(qtbot, dialog.zone_picker, Qt.Key.Key_Return)
    type_into(qtbot, dialog.title_en_edit, "VGT meeting, The Hague, April 2020")
    type_into(qtbot, dialog.title_fr_edit, "Reunion du VGT, La Haye, avril 2020")


def test_a_meeting_from_the_previous_one_through_the_page_and_its_undo(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    page = MeetingDetailsPage(context)
    window = edit_window(qtbot, context, page)
    page.show_meeting(OTTAWA)
    problems: list[BaseException] = []

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, NewMeetingDialog) and dialog.previous_button.isChecked()
            assert "14 people, invited again" in dialog.copy_label.text()
            fill_from_previous(qtbot, dialog)
            assert dialog.reference_edit.text() == "VGT-2020-04"  # proposed from the date, shaped like VGT-2019-10
            assert dialog.end_edit.local() == datetime(2020, 4, 15, 10, 30)  # the Ottawa meeting's length kept
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        except BaseException as exc:  # noqa: BLE001 - reported after the modal loop, never left hanging
            problems.append(exc)
            dialog.reject()

    QTimer.singleShot(0, in_the_dialog)
    with qtbot.waitSignal(page.meeting_created, timeout=10000, raising=False) as created:
        qtbot.mouseClick(page.form.new_from_button, Qt.MouseButton.LeftButton)
    assert not problems, problems
    assert created.signal_triggered
    db, uuid = context.require_db(), created.args[0]

    view = meetings.get_meeting(db, uuid)
    assert (view.reference, view.time_zone, view.title_en) == ("VGT-2020-04", "Europe/Amsterdam",
                                                              "VGT meeting, The Hague, April 2020")
    assert view.starts_at == datetime(2020, 4, 14, 9, 0, tzinfo=AMSTERDAM)
    old_items, new_items = agenda.get_agenda(db, OTTAWA).items, agenda.get_agenda(db, uuid).items
    assert [(i.number, i.title_en, i.duration_minutes, i.presenter_names, i.document_uuids) for i in new_items] == [
        (i.number, i.title_en, i.duration_minutes, i.presenter_names, i.document_uuids) for i in old_items]
    invited = attendees.list_participants(db, uuid)
    assert len(invited) == 14
    assert {(p.invitation_status, p.attendance) for p in invited} == {(InvitationStatus.INVITED, Attendance.UNKNOWN)}
    assert minutes_of(context, uuid) == 0 and minutes_of(context, OTTAWA) > 0
    assert meetings.meeting_overview(db, uuid).decisions == ()
    assert context.undo_stack.undoText() == "New meeting VGT-2020-04"

    context.undo_stack.undo()  # Edit ▸ Undo: the meeting, its agenda and its invitations are gone
    assert [m.reference for m in meetings.list_meetings(db)] == ["VGT-2019-10", "VGT-2011-11"]
    context.undo_stack.redo()
    assert [i.uuid for i in agenda.get_agenda(db, uuid).items] == [i.uuid for i in new_items]
    window.close()


def test_a_meeting_from_scratch_is_refused_at_its_fields_until_complete(qtbot, context) -> None:  # type: ignore[no-untyped-def]
    dialog = NewMeetingDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert dialog.scratch_button.isChecked()
    assert dialog.copy_label.text() == "An empty meeting: you add its agenda and attendees afterwards."
    create = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    type_into(qtbot, dialog.start_edit, "2020-06-01 09:00")
    type_into(qtbot, dialog.end_edit, "2020-06-01 17:00")
    type_into(qtbot, dialog.zone_picker, "Ottawa")
    press(qtbot, dialog.zone_picker, Qt.Key.Key_Return)
    assert dialog.zone_picker.zone() == "America/Toronto"
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors["title_en"].label.text() == (
        "A meeting needs a title in English or in French.")
    assert dialog.focusWidget() is dialog.title_en_edit  # the cursor waits in the field to fix

    type_into(qtbot, dialog.title_en_edit, "Working group on wellness")
    type_into(qtbot, dialog.reference_edit, "VGT-2011-11")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert dialog.errors["reference"].label.text() == "Another meeting already has the reference VGT-2011-11."
    assert not dialog.errors["title_en"].label.text()

    type_into(qtbot, dialog.end_edit, "2020-05-31 17:00")
    type_into(qtbot, dialog.reference_edit, "WG-2020-06")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert dialog.errors["ends_at"].label.text() == "The meeting must end after it starts."
    assert len(meetings.list_meetings(context.require_db())) == 2 and context.undo_stack.count() == 0

    type_into(qtbot, dialog.end_edit, "2020-06-01 17:00")
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.created_uuid
    view = meetings.get_meeting(context.require_db(), dialog.created_uuid)
    assert (view.reference, view.title_en, view.time_zone) == ("WG-2020-06", "Working group on wellness",
                                                              "America/Toronto")
    assert agenda.get_agenda(context.require_db(), view.uuid).items == ()
    context.undo_stack.undo()
    assert len(meetings.list_meetings(context.require_db())) == 2


def test_the_dialog_speaks_french(qtbot, context, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    use_french(tmp_path, monkeypatch)
    dialog = NewMeetingDialog(context, previous_uuid=OTTAWA)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Nouvelle réunion"
    assert dialog.copy_label.text().startswith("Copiés de VGT-2019-10\u00a0: l’ordre du jour (13 points)")
    assert "14 personnes, invitées à nouveau" in dialog.copy_label.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Créer la réunion"


@pytest.mark.parametrize(("language", "typed"), [("en", "Hague"), ("en", "La Haye"), ("fr", "La Haye"),
                                                 ("fr", "Pays-Bas"), ("en", "europe/amsterdam")])
def test_the_time_zone_picker_finds_a_city_in_either_language(qtbot, tmp_path, monkeypatch, language, typed) -> None:  # type: ignore[no-untyped-def]
    if language == "fr":
        use_french(tmp_path, monkeypatch)
    picker = TimeZonePicker()
    qtbot.addWidget(picker)
    picker.set_reference_time(datetime(2019, 10, 2, 12, tzinfo=UTC))
    picker.show()
    qtbot.waitExposed(picker)
    with qtbot.waitSignal(picker.zone_chosen) as chosen:
        type_into(qtbot, picker, typed)
        assert picker.suggestions()[0].key == "Europe/Amsterdam"
        press(qtbot, picker, Qt.Key.Key_Return)
    assert chosen.args == ["Europe/Amsterdam"] and picker.zone() == "Europe/Amsterdam"
    country = "Pays-Bas" if language == "fr" else "Netherlands"
    assert picker.text() == f"Amsterdam, {country} (UTC+02:00)"  # the offset on the meeting's date


def test_the_picker_takes_the_row_chosen_in_its_list_and_escape_reverts(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = TimeZonePicker()
    qtbot.addWidget(picker)
    picker.set_zone("America/Toronto")
    picker.show()
    qtbot.waitExposed(picker)
    type_into(qtbot, picker, "new")
    popup = picker.picker_completer.popup()
    rows = [choice.key for choice in picker.suggestions()]
    assert popup.isVisible() and "America/New_York" in rows
    for _ in range(rows.index("America/New_York")):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.zone() == "America/New_York"
    type_into(qtbot, picker, "Lond")
    press(qtbot, picker, Qt.Key.Key_Escape)  # closes the list
    press(qtbot, picker, Qt.Key.Key_Escape)  # gives the stored zone back
    assert picker.zone() == "America/New_York" and picker.text().startswith("New York")


def test_the_choice_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ChoiceListModel()
    model.set_rows(search_zones("a", "en", datetime(2019, 10, 2, tzinfo=UTC)))
    assert model.rowCount() > 20
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_every_string_of_this_area_has_a_french_translation() -> None:
    keywords = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
    catalogs = []
    for path in ("i18n/fr/LC_MESSAGES/messages.po", "i18n/fr/LC_MESSAGES/messages.po"):
        with (ROOT / path).open("rb") as handle:
            catalogs.append(read_po(handle, locale="fr"))
    missing = []
    for name in MY_FILES:
        for _line, message, _comments, _context in extract_from_file("python", str(ROOT / name), keywords=keywords):
            key = message if isinstance(message, str) else message[0]
            found = [c.get(key) for c in catalogs]
            if not any(m is not None and (all(m.string) if isinstance(m.string, tuple | list) else m.string)
                       for m in found):
                missing.append(key)
    assert missing == []
