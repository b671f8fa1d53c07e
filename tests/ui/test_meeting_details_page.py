"""The Details page driven as a user would: typing and Tab saves at once, Ctrl+Z and Ctrl+Shift+Z undo and
redo, refused values are shown at the field and leave the database untouched, the time zone can be changed
keeping the local times or the moment, directory pickers search as you type, and French is complete."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_meeting_details_support import (
    NBSP,
    OTTAWA,
    close_context,
    edit_window,
    make_context,
    press,
    press_redo,
    press_undo,
    type_into,
    use_french,
)

from app.domain.enums import Marking
from app.services import agenda, directory, meetings
from app.services.views import MeetingView
from ui import meeting_details
from ui.context import AppContext
from ui.meeting_details import KEEP_CLOCK, KEEP_INSTANT, MeetingDetailsPage

AMSTERDAM, TORONTO = ZoneInfo("Europe/Amsterdam"), ZoneInfo("America/Toronto")


@pytest.fixture
def context(demo_db_path: Path) -> Iterator[AppContext]:
    context = make_context(demo_db_path)
    yield context
    close_context(context)


@pytest.fixture
def page(qtbot, context: AppContext) -> Iterator[MeetingDetailsPage]:  # type: ignore[no-untyped-def]
    page = MeetingDetailsPage(context)
    window = edit_window(qtbot, context, page)  # held here: qtbot only keeps a weak reference
    page.show_meeting(OTTAWA)
    yield page
    window.close()


def stored(context: AppContext) -> MeetingView:
    return meetings.get_meeting(context.require_db(), OTTAWA)


def test_a_typed_title_is_saved_on_tab_and_undone_and_redone_from_the_keyboard(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    original = stored(context).title_en
    title = page.fields["title_en"]
    type_into(qtbot, title, "VGT plenary, Ottawa")
    qtbot.keyClick(title, Qt.Key.Key_Tab)

    assert stored(context).title_en == "VGT plenary, Ottawa"
    assert page.form.title_label.text() == "VGT plenary, Ottawa"
    assert QApplication.focusWidget() is page.fields["title_fr"]  # Tab went on to the French title
    assert context.undo_stack.undoText() == "Change the English title"

    press_undo(qtbot)  # Ctrl+Z with the cursor in the (untouched) French title: the window's Undo
    assert stored(context).title_en == original
    assert title.text() == original

    press_redo(qtbot)
    assert stored(context).title_en == "VGT plenary, Ottawa"
    assert title.text() == "VGT plenary, Ottawa"


def test_typing_not_yet_saved_is_undone_in_the_field_first(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    city = page.fields["city"]
    type_into(qtbot, city, "Gatineau")
    press_undo(qtbot)  # the field's own typing, not a saved change
    assert city.text() in ("", "Ottawa") and context.undo_stack.count() == 0
    assert stored(context).city == "Ottawa"


def test_an_end_before_the_start_is_refused_at_the_field(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    before = stored(context)
    end = page.fields["ends_at"]
    type_into(qtbot, end, "2019-10-01 09:00")
    qtbot.keyClick(end, Qt.Key.Key_Tab)

    error = page.errors["ends_at"]
    assert error.label.isVisible() and error.label.text() == "The meeting must end after it starts."
    assert end.property("invalid") is True and end.accessibleDescription() == error.label.text()
    assert end.local() == datetime(2019, 10, 3, 14, 30)  # back to what is stored, in Ottawa's time
    assert stored(context) == before and context.undo_stack.count() == 0

    type_into(qtbot, end, "2019-10-03 16:00")  # a good value clears the message
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert stored(context).ends_at == datetime(2019, 10, 3, 20, 0, tzinfo=UTC)
    assert not error.label.isVisible() and not end.property("invalid")


def test_the_refusal_is_in_french_when_the_interface_is(qtbot, page, context, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    use_french(tmp_path, monkeypatch)
    page.retranslate()
    end = page.fields["ends_at"]
    type_into(qtbot, end, "2019-10-02 08:00")
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert page.errors["ends_at"].label.text() == "La réunion doit se terminer après son début."
    assert page.form.captions["ends_at"].text() == f"Fin{NBSP}:"


def test_a_duplicate_reference_is_refused(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    reference = page.fields["reference"]
    type_into(qtbot, reference, "vgt-2011-11")
    qtbot.keyClick(reference, Qt.Key.Key_Return)
    assert page.errors["reference"].label.text() == "Another meeting already has the reference vgt-2011-11."
    assert reference.text() == "VGT-2019-10" and stored(context).reference == "VGT-2019-10"
    assert context.undo_stack.count() == 0


def test_a_meeting_keeps_a_title_in_one_language_at_least(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    type_into(qtbot, page.fields["title_fr"], "")
    qtbot.keyClick(page.fields["title_fr"], Qt.Key.Key_Tab)
    assert stored(context).title_fr == ""
    type_into(qtbot, page.fields["title_en"], "")
    qtbot.keyClick(page.fields["title_en"], Qt.Key.Key_Tab)
    assert page.errors["title_en"].label.text() == "A meeting needs a title in English or in French."
    assert stored(context).title_en.startswith("Virtual Global Taskforce meeting")
    assert page.fields["title_en"].text() == stored(context).title_en


def test_moving_the_start_keeps_the_length_and_the_day_two_session(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    before = stored(context)
    start = page.fields["starts_at"]
    type_into(qtbot, start, "2019-10-09 13:00")
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    after = stored(context)
    assert after.starts_at == before.starts_at + timedelta(days=7)
    assert after.ends_at == before.ends_at + timedelta(days=7)
    assert page.fields["ends_at"].local() == datetime(2019, 10, 10, 14, 30)
    fixed = [i.fixed_start for i in agenda.get_agenda(context.require_db(), OTTAWA).items if i.fixed_start]
    assert [f.astimezone(TORONTO) for f in fixed] == [datetime(2019, 10, 10, 9, 0, tzinfo=TORONTO)]
    press_undo(qtbot)
    assert (stored(context).starts_at, stored(context).ends_at) == (before.starts_at, before.ends_at)


@pytest.mark.parametrize(("answer", "local_start"), [(KEEP_CLOCK, datetime(2019, 10, 2, 13, 0)),
                                                     (KEEP_INSTANT, datetime(2019, 10, 2, 19, 0))])
def test_a_new_time_zone_keeps_the_local_times_or_the_moment(qtbot, page, context, monkeypatch,  # type: ignore[no-untyped-def]
                                                             answer, local_start) -> None:
    asked: list[str] = []
    monkeypatch.setattr(meeting_details, "ask_time_zone_change",
                        lambda parent, view, zone: asked.append(zone) or answer)
    before = stored(context)
    picker = page.fields["time_zone"]
    type_into(qtbot, picker, "Hague")
    press(qtbot, picker, Qt.Key.Key_Return)

    after = stored(context)
    assert asked == ["Europe/Amsterdam"] and after.time_zone == "Europe/Amsterdam"
    assert after.starts_at.astimezone(AMSTERDAM).replace(tzinfo=None) == local_start
    assert page.fields["starts_at"].local() == local_start
    assert picker.text() == "Amsterdam, Netherlands (UTC+02:00)"
    assert page.form.moments["starts_at"].text().endswith("(UTC+02:00)")

    press_undo(qtbot)
    again = stored(context)
    assert (again.time_zone, again.starts_at, again.ends_at) == (before.time_zone, before.starts_at, before.ends_at)
    assert picker.text() == "Toronto, Canada (UTC−04:00)"


def test_cancelling_the_time_zone_question_changes_nothing(qtbot, page, context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(meeting_details, "ask_time_zone_change", lambda parent, view, zone: None)
    picker = page.fields["time_zone"]
    type_into(qtbot, picker, "Tokyo")
    press(qtbot, picker, Qt.Key.Key_Return)
    assert stored(context).time_zone == "America/Toronto" and picker.zone() == "America/Toronto"
    assert context.undo_stack.count() == 0


def test_an_unknown_time_zone_is_refused_at_the_field(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    picker = page.fields["time_zone"]
    type_into(qtbot, picker, "Atlantis")
    press(qtbot, picker, Qt.Key.Key_Return)
    assert page.errors["time_zone"].label.text().startswith("No time zone matches “Atlantis”.")
    assert picker.text() == "Toronto, Canada (UTC−04:00)" and stored(context).time_zone == "America/Toronto"


def test_chair_and_host_are_picked_from_the_directory_as_you_type(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    chair = page.fields["chair_uuid"]
    type_into(qtbot, chair, "tremb")
    assert [c.text for c in chair.suggestions()] == ["Sophie Tremblay"]
    assert chair.picker_completer.popup().isVisible()
    press(qtbot, chair, Qt.Key.Key_Return)
    sophie = directory.list_people(context.require_db(), search="Tremblay")[0]
    assert stored(context).chair_uuid == sophie.uuid and chair.text() == "Sophie Tremblay"
    press_undo(qtbot)
    assert stored(context).chair_name == "Marie-Claude Arsenault" and chair.text() == "Marie-Claude Arsenault"

    host = page.fields["host_organisation_uuid"]
    type_into(qtbot, host, "")
    press(qtbot, host, Qt.Key.Key_Tab)
    assert stored(context).host_organisation_uuid is None and host.text() == ""
    press_undo(qtbot)
    assert stored(context).host_name == "Royal Canadian Mounted Police"

    type_into(qtbot, chair, "Nobody Atall")
    press(qtbot, chair, Qt.Key.Key_Return)
    assert page.errors["chair_uuid"].label.text() == "No one in the directory matches “Nobody Atall”."
    assert chair.text() == "Marie-Claude Arsenault"


def test_choices_are_saved_when_made_and_the_badge_follows(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    marking = page.fields["marking"]
    qtbot.mouseClick(marking, Qt.MouseButton.LeftButton)
    marking.hidePopup()
    qtbot.keyClick(marking, Qt.Key.Key_Down)
    assert stored(context).marking == Marking.AMBER_STRICT
    assert page.form.badge.text() == "TLP:AMBER+STRICT"
    country = page.fields["country"]
    type_into(qtbot, country, "Pays-B")  # French or English names, in either interface language
    assert country.suggestions()[0].text == "Netherlands"
    press(qtbot, country, Qt.Key.Key_Tab)
    assert stored(context).country == "NL" and country.text() == "Netherlands"
    press_undo(qtbot)
    press_undo(qtbot)
    assert (stored(context).marking, stored(context).country) == (Marking.AMBER, "CA")


def test_the_page_follows_changes_made_elsewhere_and_empties_without_a_meeting(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    meetings.update_meeting(context.require_db(), OTTAWA, {"venue": "Château Laurier"})
    context.events.announce({"meeting"}, {OTTAWA})
    assert page.fields["venue"].text() == "Château Laurier"
    page.show_meeting(None)
    assert page.stack.currentWidget() is page.placeholder
    assert page.placeholder.text() == "Select a meeting to see and edit its details."
    page.show_meeting(OTTAWA)
    context.set_database(None)  # another file opened
    assert page.stack.currentWidget() is page.placeholder


def test_tab_goes_through_the_fields_in_reading_order(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    page.fields["reference"].setFocus()
    seen = ["reference"]
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        name = QApplication.focusWidget().objectName() or "button"
        if name != seen[-1]:
            seen.append(name)
        if name == "button":
            break
    assert seen == ["reference", "title_en", "title_fr", "kind", "status", "starts_at", "ends_at", "time_zone",
                    "mode", "venue", "city", "country", "online_url", "host_organisation_uuid", "chair_uuid",
                    "secretary_uuid", "marking", "original_language", "translation_status", "button"]
    for name, field in page.fields.items():
        assert field.accessibleName(), name
        assert page.form.captions[name].buddy() is field


def test_the_page_speaks_french(qtbot, page, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    use_french(tmp_path, monkeypatch)
    page.retranslate()
    assert page.title() == "Détails"
    assert page.form.groups["when"].title() == "Date et heure"
    assert page.form.captions["chair_uuid"].text() == f"Présidence{NBSP}:"
    assert page.form.moments["starts_at"].text() == "mercredi 2 octobre 2019, 13:00 (UTC−04:00)"
    assert page.fields["host_organisation_uuid"].text() == "Gendarmerie royale du Canada"
    assert page.fields["time_zone"].text() == "Toronto, Canada (UTC−04:00)"
    assert page.fields["kind"].currentText() != "Plenary"
    assert page.form.new_from_button.text() == "Nouvelle réunion sur ce modèle…"


def test_a_day_is_picked_in_the_calendar_and_a_garbled_date_is_refused(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    end = page.fields["ends_at"]
    end.calendar_action.trigger()
    assert end.calendar.isVisible() and end.calendar.selectedDate().toPython().isoformat() == "2019-10-03"
    qtbot.keyClick(end.calendar.focusWidget() or end.calendar, Qt.Key.Key_Right)
    qtbot.keyClick(end.calendar.focusWidget() or end.calendar, Qt.Key.Key_Return)
    assert not end.calendar.isVisible()
    assert stored(context).ends_at.astimezone(TORONTO).replace(tzinfo=None) == datetime(2019, 10, 4, 14, 30)

    type_into(qtbot, end, "4 Oct 2019")
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert page.errors["ends_at"].label.text() == "Enter a date and time such as 2019-10-02 13:00."
    assert end.text() == "2019-10-04 14:30"
    type_into(qtbot, end, "2019-10-04 15h00")  # the French way of writing the time is understood too
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert stored(context).ends_at.astimezone(TORONTO).replace(tzinfo=None) == datetime(2019, 10, 4, 15, 0)


def test_no_edits_while_a_worker_writes_to_the_file(qtbot, page, context) -> None:  # type: ignore[no-untyped-def]
    done: list[object] = []
    context.tasks.start(lambda: meetings.update_meeting(context.require_db(), OTTAWA, {"city": "Gatineau"}), (),
                        done.append, done.append)
    assert not page.form.isEnabled()  # an import, say, holds the file
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert page.form.isEnabled() and page.fields["city"].text() == "Gatineau"  # read again once it is done
