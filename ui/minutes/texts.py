"""How the minutes screens word what they show: the outcome of a decision, the quorum, the state of the
minutes, a reply to a circulation.  One place, so that a sentence reads the same in every panel."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime

from app.domain.enums import DecisionMethod, MinutesVersionKind, label
from app.domain.minutes_text import Segment, has_changes
from app.i18n import _, format_date, format_datetime, ngettext
from app.services.decisions import DecisionDetailView, QuorumView
from app.services.minutes import ItemChanges, MinutesState, MinutesVersionView


def counts_text(votes_for: int, votes_against: int, abstentions: int) -> str:
    return _("{votes_for} for, {votes_against} against, {abstentions}").format(
        votes_for=votes_for, votes_against=votes_against,
        abstentions=ngettext("{count} abstention", "{count} abstentions", abstentions).format(count=abstentions))


def result_text(decision: DecisionDetailView) -> str:
    """``Adopted by consensus``, ``Adopted (5 for, 3 against, 1 abstention; simple majority)``, ``Not adopted (…)``."""
    if decision.method is DecisionMethod.CONSENSUS:
        return _("Adopted by consensus")
    result = decision.result
    counts = counts_text(result.votes_for, result.votes_against, result.abstentions)
    if result.adopted:
        return _("Adopted ({counts}; {threshold})").format(counts=counts, threshold=label(decision.threshold))
    return _("Not adopted ({counts}; {threshold}: {needed} for needed)").format(
        counts=counts, threshold=label(decision.threshold), needed=result.needed)


def quorum_text(present: int | None, required: int | None, members: int | None = None) -> str:
    if present is None or required is None:
        return _("Quorum not recorded")
    if required == 0:
        return ngettext("No quorum rule ({count} member organisation present or online)",
                        "No quorum rule ({count} member organisations present or online)", present).format(count=present)
    if members is not None:
        sentence = ngettext("{present} of {members} member organisations present or online; {required} needed",
                            "{present} of {members} member organisations present or online; {required} needed",
                            members).format(present=present, members=members, required=required)
    else:
        sentence = ngettext("{present} member organisation present or online; {required} needed",
                            "{present} member organisations present or online; {required} needed",
                            present).format(present=present, required=required)
    if present >= required:
        return _("Quorum reached: {details}").format(details=sentence)
    return _("No quorum: {details}").format(details=sentence)


def live_quorum_text(quorum: QuorumView) -> str:
    return quorum_text(quorum.present, quorum.required, len(quorum.members))


def version_name(version: MinutesVersionView) -> str:
    return _("Version {number} ({kind})").format(number=version.number, kind=label(version.kind).lower())


def when(moment: datetime, time_zone: str, language: str) -> str:
    return format_datetime(moment, time_zone, "medium", language=language)


def day(value: date | None, language: str) -> str:
    return format_date(value, "medium", language=language) if value else ""


def state_text(state: MinutesState, language: str) -> str:
    """One line on where the minutes stand: status, last version, approval, lock."""
    parts = [label(state.status)]
    latest = state.latest
    if latest is not None:
        parts.append(version_name(latest))
    if state.approved_on is not None:
        parts.append(_("approved on {date} by {by}").format(date=day(state.approved_on, language),
                                                            by=state.approved_by))
    if state.locked:
        parts.append(_("locked"))
    elif latest is not None and latest.kind is MinutesVersionKind.CORRECTION and state.approved:
        parts.append(_("correction in progress"))
    return " · ".join(parts)


INSERTED_STYLE = "background-color: #D7F5DD; color: #0B5A1E; text-decoration: underline;"
DELETED_STYLE = "background-color: #FBE3E3; color: #8A1C1C; text-decoration: line-through;"


def changes_html(segments: Sequence[Segment]) -> str:
    """Differences as HTML: insertions underlined on green, deletions struck through on red."""
    parts = []
    for segment in segments:
        body = html.escape(segment.text).replace("\n", "<br/>")
        if segment.kind == "insert":
            parts.append(f'<span style="{INSERTED_STYLE}">{body}</span>')
        elif segment.kind == "delete":
            parts.append(f'<span style="{DELETED_STYLE}">{body}</span>')
        else:
            parts.append(body)
    return "".join(parts)


def item_changes_html(item: ItemChanges, language: str, heading: bool = False) -> str:
    """One item's changes (with its heading if asked): each language that changed, the interface's first."""
    parts = []
    if heading:
        title = item.title_fr if language == "fr" and item.title_fr else item.title_en
        text = (_("Item {number}: {title}").format(number=item.number, title=title) if item.number
                else _("Without an agenda item"))
        parts.append(f"<h4>{html.escape(text)}</h4>")
    names = {"en": _("In English:"), "fr": _("In French:")}
    for code in (language, "fr" if language == "en" else "en"):
        segments = item.segments(code)
        if has_changes(segments):
            parts.append(f"<p><i>{html.escape(names[code])}</i><br/>{changes_html(segments)}</p>")
    return "".join(parts)
