"""Circulation and approval of a meeting's minutes: where they stand, the draft sent to named people with a
deadline and their replies (who has not answered is marked), the frozen versions, the changes since the
last one, and the steps: circulate, log a reply, approve by the chair, lock, correct.

Approval by a later meeting's decision is made at that meeting, from its 'approval of previous minutes'
item (see ``standing_panels``).  Every step goes through the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import uuid4

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.i18n import _, current_language, ngettext
from app.services import minutes_approval as service
from app.services.minutes import MinutesChanges
from app.services.minutes_approval import ApprovalView
from app.services.views import ParticipationView
from ui.context import AppContext
from ui.empty_state import EmptyState
from ui.minutes.approval_dialogs import ChairApprovalDialog, CirculateDialog, ReasonDialog, ReplyDialog
from ui.minutes.approval_models import RecipientColumn, RecipientsModel, VersionColumn, VersionsModel
from ui.minutes.fields import error_label, show_error
from ui.minutes.texts import day, item_changes_html, state_text
from ui.undo import perform

KINDS = ("minutes", "meeting")


def _table(parent: QWidget, model: Any, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)  # before the header's modes: they are kept per section
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ApprovalPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._context = context
        self._today = today
        self._meeting: str | None = None
        self._approval: ApprovalView | None = None
        self._changes: MinutesChanges | None = None
        self._participants: list[ParticipationView] = []

        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setStyleSheet("font-weight: bold;")
        self.circulate_button, self.reply_button, self.chair_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.lock_button, self.correct_button = QPushButton(self), QPushButton(self)
        buttons = QHBoxLayout()
        for button in (self.circulate_button, self.reply_button, self.chair_button, self.lock_button,
                       self.correct_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.error = error_label(self)
        self.circulation = QLabel(self)
        self.circulation.setWordWrap(True)
        self.recipients_model = RecipientsModel(self)
        self.recipients = _table(self, self.recipients_model, RecipientColumn.COMMENTS)
        self.versions_caption = QLabel(self)
        self.versions_model = VersionsModel(self)
        self.versions = _table(self, self.versions_model, VersionColumn.REASON)
        self.versions.setMaximumHeight(140)
        self.changes_caption = QLabel(self)
        self.changes = QTextBrowser(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.recipients_page = EmptyState(self.recipients, self)
        self.versions_page = EmptyState(self.versions, self)
        self.versions_page.setMaximumHeight(140)
        layout.addWidget(self.circulation)
        layout.addWidget(self.recipients_page, 2)
        layout.addWidget(self.versions_caption)
        layout.addWidget(self.versions_page)
        layout.addWidget(self.changes_caption)
        layout.addWidget(self.changes, 2)

        self.circulate_button.clicked.connect(self.ask_circulate)
        self.reply_button.clicked.connect(self.ask_reply)
        self.recipients.doubleClicked.connect(lambda _index: self.ask_reply())
        self.chair_button.clicked.connect(self.ask_chair_approval)
        self.lock_button.clicked.connect(self.lock)
        self.correct_button.clicked.connect(self.ask_correction)
        self.recipients.selectionModel().currentRowChanged.connect(lambda *_args: self._enable())
        self.retranslate()

    def show_approval(self, meeting_uuid: str, approval: ApprovalView, changes: MinutesChanges,
                      participants: list[ParticipationView]) -> None:
        self._meeting, self._approval, self._changes, self._participants = meeting_uuid, approval, changes, participants
        self.versions_model.time_zone = approval.state.time_zone
        self.versions_model.set_rows(approval.state.versions)
        current = approval.current
        keep = self.recipients.currentIndex().row()
        self.recipients_model.set_rows(current.recipients if current else ())
        if current and current.recipients:
            self.recipients.setCurrentIndex(self.recipients_model.index(max(0, min(keep, len(current.recipients) - 1)),
                                                                        0))
        self._fill()

    def _fill(self) -> None:
        approval, language = self._approval, current_language()
        if approval is None:
            return
        state = approval.state
        self.state.setText(state_text(state, language))
        current = approval.current
        if current is None:
            self.circulation.setText(_("The draft has not been circulated yet."))
        else:
            waiting = current.awaiting
            sent = ngettext("Version {version} sent on {sent} to {count} person; replies due by {deadline}.",
                            "Version {version} sent on {sent} to {count} people; replies due by {deadline}.",
                            len(current.recipients)).format(
                version=current.version_number, sent=day(current.sent_on, language), count=len(current.recipients),
                deadline=day(current.deadline, language))
            if waiting:
                names = ", ".join(r.name for r in waiting)
                late = current.past_deadline(self._today())
                pattern = (ngettext("The deadline has passed; {count} has not answered: {names}.",
                                    "The deadline has passed; {count} have not answered: {names}.", len(waiting))
                           if late else ngettext("{count} has not answered yet: {names}.",
                                                 "{count} have not answered yet: {names}.", len(waiting)))
                sent = f"{sent}\n{pattern.format(count=len(waiting), names=names)}"
            else:
                sent = f"{sent}\n{_('Everyone has answered.')}"
            self.circulation.setText(sent)
        changes = self._changes
        latest = state.latest
        self.changes.setVisible(latest is not None)
        if latest is None:
            self.changes_caption.setText(_("Changes are shown once the minutes have a frozen version."))
            self.changes.clear()
        else:
            self.changes_caption.setText(_("Changes since version {number}:").format(number=latest.number))
            changed = [c for c in (changes.items if changes else ()) if c.changed]
            if not changed:
                self.changes.setHtml("<p>{}</p>".format(_("No changes.")))
            else:
                self.changes.setHtml("".join(item_changes_html(item, language, heading=True) for item in changed))
        self._enable()

    def _enable(self) -> None:
        state = self._approval.state if self._approval else None
        has = state is not None
        self.circulate_button.setEnabled(has and not state.locked and not state.approved)  # type: ignore[union-attr]
        self.reply_button.setEnabled(self.recipients_model.row_at(self.recipients.currentIndex().row()) is not None)
        self.chair_button.setEnabled(has and not state.locked and not state.approved)  # type: ignore[union-attr]
        self.lock_button.setEnabled(has and state.approved and not state.locked)  # type: ignore[union-attr]
        self.correct_button.setEnabled(has and state.locked)  # type: ignore[union-attr]

    # --- the steps ------------------------------------------------------------------------------------------

    def _run(self, text: str, do: Callable[[], Any], undo: Callable[[], Any], uuids: tuple[str, ...] = ()) -> Any:
        """For dialogs: errors propagate (shown at their field); nothing else to catch here."""
        return perform(self._context, text, do, undo, KINDS, (self._meeting or "", *uuids), self)

    def ask_circulate(self) -> bool:
        meeting, db = self._meeting, self._context.require_db()
        if meeting is None:
            return False
        circulation, version = str(uuid4()), str(uuid4())

        def submit(people: list[str], sent_on: date, deadline: date) -> None:
            self._run(_("Circulate the draft minutes"),
                      lambda: service.circulate_minutes(db, meeting, people, sent_on, deadline, uuid=circulation,
                                                        version_uuid=version),
                      lambda: service.withdraw_circulation(db, circulation), (circulation,))

        return bool(CirculateDialog(self._participants, submit, self._today(), self).exec())

    def ask_reply(self) -> bool:
        recipient = self.recipients_model.row_at(self.recipients.currentIndex().row())
        if recipient is None:
            return False
        db = self._context.require_db()

        def submit(reply: Any, replied_on: date, comments: str) -> None:
            self._run(_("Log the reply of {name}").format(name=recipient.name),
                      lambda: service.record_reply(db, recipient.uuid, reply, replied_on, comments),
                      lambda: service.record_reply(db, recipient.uuid, recipient.reply, recipient.replied_on,
                                                   recipient.comments), (recipient.uuid,))

        return bool(ReplyDialog(recipient, submit, self._today(), self).exec())

    def ask_chair_approval(self) -> bool:
        meeting, db, approval = self._meeting, self._context.require_db(), self._approval
        if meeting is None or approval is None:
            return False

        def submit(on: date, name: str) -> None:
            self._run(_("Approve the minutes"), lambda: service.approve_minutes_by_chair(db, meeting, on, name),
                      lambda: service.revoke_minutes_approval(db, meeting))

        return bool(ChairApprovalDialog(approval.state.chair_name, submit, self._today(), self).exec())

    def lock(self) -> None:
        meeting, db = self._meeting, self._context.require_db()
        if meeting is None:
            return
        kept: dict[str, Any] = {}

        def locked(reason: str) -> None:
            def do() -> None:
                kept["receipt"] = service.lock_minutes(db, meeting, reason)

            self._run(_("Lock the minutes"), do, lambda: service.unlock_minutes(db, kept["receipt"]))

        try:
            locked("")
        except DomainError as problem:
            if problem.field != "reason":
                show_error(self.error, problem)
                return
            ReasonDialog(_("Lock the minutes"), str(problem), locked, self).exec()
            return
        show_error(self.error, None)

    def ask_correction(self) -> bool:
        meeting, db = self._meeting, self._context.require_db()
        if meeting is None:
            return False
        version = str(uuid4())

        def submit(reason: str) -> None:
            self._run(_("Correct the minutes"), lambda: service.correct_minutes(db, meeting, reason, uuid=version),
                      lambda: service.undo_correction(db, meeting, version), (version,))

        return bool(ReasonDialog(_("Correct locked minutes"),
                                 _("Locked minutes change only through a correction, kept in their history with "
                                   "its reason. Say why they are corrected; lock them again when done."),
                                 submit, self).exec())

    def retranslate(self) -> None:
        self.circulate_button.setText(_("Circulate the draft…"))
        self.reply_button.setText(_("Log a reply…"))
        self.chair_button.setText(_("Approve by the chair…"))
        self.lock_button.setText(_("Lock the minutes"))
        self.correct_button.setText(_("Correct…"))
        self.versions_caption.setText(_("Frozen versions:"))
        self.recipients_page.set_message(_("Nobody has been sent the draft yet."))
        self.versions_page.set_message(_("No frozen version yet: the minutes are a draft."))
        self.recipients_model.retranslate()
        self.versions_model.retranslate()
        self._fill()
