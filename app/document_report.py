"""Plain-text listings of the documents area for the command line: the register with every version's
status, approval decision and SHA-256 (``chairdesk documents``), and an integrity report (``chairdesk
check``).  Lines are returned, not printed, so the command decides where they go.
"""

from __future__ import annotations

from app.domain.enums import label
from app.i18n import _, format_date, format_number, ngettext
from app.persistence.database import Database
from app.services.document_detail import get_document_detail
from app.services.document_views import IntegrityReport
from app.services.documents import list_documents


def register_lines(db: Database, language: str) -> list[str]:
    """One block per document: title, kind, marking and status, then one line per version."""
    summaries = list_documents(db, language)
    if not summaries:
        return [_("No documents in {path}.").format(path=db.path)]
    lines: list[str] = []
    for summary in summaries:
        detail = get_document_detail(db, summary.uuid, language)
        lines.append(_("{title} [{kind} · {marking} · {status}]").format(
            title=summary.title(language), kind=label(summary.kind), marking=label(summary.marking),
            status=label(summary.status)))
        decided = {a.version_uuid: a for a in detail.approvals}
        if not detail.versions:
            lines.append("  " + _("no version yet"))
        for version in detail.versions:
            approval = decided.get(version.uuid)
            outcome = _("{outcome} by {decision} on {date}").format(
                outcome=label(approval.outcome), decision=approval.decision_number or "?",
                date=format_date(approval.decided_on, "long", language)) if approval else _("not decided")
            lines.append("  " + _("v{number} {file} ({size} bytes) — {outcome}").format(
                number=version.number, file=version.file_name, size=format_number(version.size, language),
                outcome=outcome))
            lines.append("      SHA-256 " + version.sha256)
    return lines


def integrity_lines(report: IntegrityReport, language: str) -> list[str]:
    """What a check found, fault by fault, then a one-line verdict."""
    lines = [_("Checked {path}").format(path=report.path)]
    lines.append(_("{files} · {approvals} · {events}").format(
        files=ngettext("{count} stored file", "{count} stored files", report.files_checked).format(
            count=format_number(report.files_checked, language)),
        approvals=ngettext("{count} approval", "{count} approvals", report.approvals_checked).format(
            count=format_number(report.approvals_checked, language)),
        events=ngettext("{count} audit event", "{count} audit events", report.events_checked).format(
            count=format_number(report.events_checked, language))))
    for fault in report.faults:
        lines.append(_("FAULT [{kind}] {message}").format(kind=fault.kind, message=fault.message))
    if report.ok:
        lines.append(_("No fault found."))
    else:
        count = len(report.faults)
        lines.append(ngettext("{count} fault found.", "{count} faults found.", count).format(count=count))
    return lines
