"""The dialogs of the approval of minutes: circulate the draft, log a reply, approve by the chair, and give
a reason (for a correction, or for changes made after the approval).

Each dialog hands what was entered to ``submit``, which calls the service; a refused entry comes back as a
``DomainError`` and is shown under the field it names while the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Attendance, ReplyKind, label
from app.errors import DomainError
from app.i18n import _
from app.services.minutes_approval import RecipientView
from app.services.views import ParticipationView
from ui.minutes.actions_panel import DATE_FORMAT
from ui.minutes.approval_models import CandidatesModel
from ui.minutes.fields import error_label, show_error

REPLY_DAYS = 14


def date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value), parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class FormDialog(QDialog):
    """A form whose fields each have an error line; ``submit`` raises DomainError to keep it open."""

    def __init__(self, title: str, submit: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self.form = QFormLayout()
        self.errors: dict[str, QLabel] = {}
        self.general_error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def add_field(self, name: str, caption: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(widget)
        self.errors[name] = error_label(box)
        inner.addWidget(self.errors[name])
        title = QLabel(caption, self)
        title.setBuddy(widget)
        self.form.addRow(title, box)
        return widget

    def values(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def accept(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            show_error(error, None)
        try:
            self._submit(*self.values())
        except DomainError as problem:
            show_error(self.errors.get(problem.field or "", self.general_error), problem)
            return
        super().accept()


class CirculateDialog(FormDialog):
    """Choose who the draft goes to (those who attended are ticked), when it is sent and the reply deadline."""

    def __init__(self, participants: list[ParticipationView], submit: Callable[[list[str], date, date], Any],
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(_("Circulate the draft minutes"), submit, parent)
        self.model = CandidatesModel(self)
        self.model.set_rows(participants)
        self.model.checked = {p.person_uuid for p in participants
                              if p.attendance in (Attendance.PRESENT, Attendance.ONLINE)}
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(240)
        self.sent_on = date_edit(self, today)
        self.deadline = date_edit(self, today + timedelta(days=REPLY_DAYS))
        self.add_field("recipients", _("Send to:"), self.table)
        self.add_field("sent_on", _("Sent on:"), self.sent_on)
        self.add_field("deadline", _("Replies by:"), self.deadline)
        hint = QLabel(_("Space ticks or unticks the selected person."), self)
        hint.setStyleSheet("color: #6B6B6B;")
        self.form.addRow(hint)
        self.resize(620, 480)

    def values(self) -> tuple[Any, ...]:
        return self.model.chosen(), self.sent_on.date().toPython(), self.deadline.date().toPython()


class ReplyDialog(FormDialog):
    def __init__(self, recipient: RecipientView, submit: Callable[[ReplyKind, date, str], Any], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(_("Reply of {name}").format(name=recipient.name), submit, parent)
        self.comments_choice = QRadioButton(label(ReplyKind.COMMENTS), self)
        self.none_choice = QRadioButton(label(ReplyKind.NO_COMMENTS), self)
        group = QButtonGroup(self)
        group.addButton(self.comments_choice)
        group.addButton(self.none_choice)
        (self.comments_choice if recipient.reply is ReplyKind.COMMENTS else self.none_choice).setChecked(True)
        choices = QWidget(self)
        row = QVBoxLayout(choices)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.none_choice)
        row.addWidget(self.comments_choice)
        self.replied_on = date_edit(self, recipient.replied_on or today)
        self.comments = QPlainTextEdit(recipient.comments, self)
        self.comments.setTabChangesFocus(True)
        self.add_field("reply", _("Reply:"), choices)
        self.add_field("replied_on", _("Received on:"), self.replied_on)
        self.add_field("comments", _("Comments:"), self.comments)
        self.resize(520, 360)

    def values(self) -> tuple[Any, ...]:
        reply = ReplyKind.COMMENTS if self.comments_choice.isChecked() else ReplyKind.NO_COMMENTS
        return reply, self.replied_on.date().toPython(), self.comments.toPlainText()


class ChairApprovalDialog(FormDialog):
    def __init__(self, chair_name: str, submit: Callable[[date, str], Any], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(_("Approve the minutes by the chair"), submit, parent)
        self.approved_on = date_edit(self, today)
        self.chair_name = QLineEdit(chair_name, self)
        self.add_field("approved_on", _("Approved on:"), self.approved_on)
        self.add_field("chair_name", _("By the chair:"), self.chair_name)
        self.resize(460, 200)

    def values(self) -> tuple[Any, ...]:
        return self.approved_on.date().toPython(), self.chair_name.text()


class ReasonDialog(FormDialog):
    def __init__(self, title: str, prompt: str, submit: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(title, submit, parent)
        intro = QLabel(prompt, self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.add_field("reason", _("Reason:"), self.reason)
        self.resize(480, 260)

    def values(self) -> tuple[Any, ...]:
        return (self.reason.toPlainText(),)
