"""Switching the interface to French from the Language menu redraws the open window in place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ui.agenda_model import AgendaColumn
from ui.main_window import MainWindow
from ui.meeting_list import MeetingColumn

NBSP = "\u00a0"


def test_french_from_the_menu_retranslates_the_open_window_in_place(qtbot, window: MainWindow, settings) -> None:  # type: ignore[no-untyped-def]
    overview = window.overview
    list_view, agenda_view = window.meeting_view, overview.agenda_view
    assert window.menu_actions.languages["en"].isChecked()

    window.menu_actions.languages["fr"].trigger()

    # the same widgets, now in French
    assert window.meeting_view is list_view and overview.agenda_view is agenda_view
    assert window.menu_actions.languages["fr"].isChecked() and not window.menu_actions.languages["en"].isChecked()
    assert [menu.title() for menu in window.menu_actions.menus()][:2] == ["&Fichier", "&Édition"]
    assert window.menu_actions.quit.text() == "&Quitter"
    assert window.menu_actions.undo.text() == "&Annuler"
    model = window.meeting_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in MeetingColumn]
    assert headers[:3] == ["Référence", "Date", "Titre"]
    assert model.index(0, MeetingColumn.DATE).data() == "2 octobre 2019"
    assert model.index(1, MeetingColumn.DATE).data() == "22 novembre 2011"
    assert model.index(0, MeetingColumn.TITLE).data() == (
        "Réunion du Groupe de travail virtuel international — Ottawa, octobre 2019")
    assert model.index(0, MeetingColumn.STATUS).data() != "Minutes draft"

    assert overview.title_label.text().startswith("Réunion du Groupe de travail virtuel international")
    assert overview.field_names["chair"].text() == f"Présidence{NBSP}:"
    assert overview.field_values["when"].text().startswith("du mercredi 2 octobre 2019, 13:00")
    assert overview.field_values["place"].text().endswith("Ottawa, Canada")
    # The core is asked again in French; the overview reloads once the window's background work is done.
    qtbot.waitUntil(lambda: overview.field_values["host"].text() == "Gendarmerie royale du Canada", timeout=10000)
    assert overview.tabs.tabText(0) == "Ordre du jour (13)"
    assert "12 confirmés" in overview.field_values["attendance"].text()
    assert overview.agenda_model.headerData(AgendaColumn.TITLE, Qt.Orientation.Horizontal) == "Point"
    assert overview.agenda_model.index(0, AgendaColumn.KIND).data() == "Ouverture"
    assert overview.badge.text() == "TLP:AMBER"  # TLP labels stay in English
    assert overview.badge.toolTip().startswith(f"Diffusion limitée{NBSP}:")
    # Qt's own strings (QMessageBox, QFileDialog buttons) come from qtbase_fr.qm
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    assert settings.load().language == "fr"

    window.menu_actions.languages["en"].trigger()
    assert window.menu_actions.file_menu.title() == "&File"
    assert model.index(0, MeetingColumn.DATE).data() == "2 October 2019"
    assert overview.field_names["chair"].text() == "Chair:"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert settings.load().language == "en"


def test_the_welcome_page_speaks_french_too(qtbot, make_window, languages) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    languages.set_language("fr")
    assert window.welcome.heading.text() == "Aucune base de données n’est ouverte"
    assert window.welcome.demo_button.text() == "Ouvrir la démonstration"
    assert window.database_label.text() == "Aucune base de données n’est ouverte"
