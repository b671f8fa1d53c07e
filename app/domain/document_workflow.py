"""The approval workflow of a document as a pure rule table: which status may follow which, and how.

draft → in review → submitted (to a meeting's agenda item of kind "document approval") → approved /
approved with amendments / deferred / rejected; withdrawn at any point.  The four outcomes are never
set by hand: they come with the meeting's decision (``app.services.approvals.approve_version``).  An
approved document that changes goes back to draft with a new version, which needs its own approval; a
deferred one can be submitted again; a withdrawn one can be taken up again as a draft, or reinstated to
the status it was withdrawn from (that is how undoing a withdrawal reads in the history).
"""

from __future__ import annotations

from app.domain.enums import ApprovalOutcome, DocumentStatus

S = DocumentStatus

OUTCOMES: frozenset[DocumentStatus] = frozenset({
    S.APPROVED, S.APPROVED_WITH_AMENDMENTS, S.DEFERRED, S.REJECTED,
})

APPROVED_STATUSES: frozenset[DocumentStatus] = frozenset({S.APPROVED, S.APPROVED_WITH_AMENDMENTS})

# from -> the statuses a user may move a document to; outcomes only through a meeting's decision.
ALLOWED: dict[DocumentStatus, frozenset[DocumentStatus]] = {
    S.DRAFT: frozenset({S.IN_REVIEW, S.SUBMITTED, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.DRAFT, S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.DRAFT, S.IN_REVIEW, S.WITHDRAWN} | OUTCOMES),
    S.APPROVED: frozenset({S.DRAFT, S.IN_REVIEW, S.WITHDRAWN}),
    S.APPROVED_WITH_AMENDMENTS: frozenset({S.DRAFT, S.IN_REVIEW, S.WITHDRAWN}),
    S.DEFERRED: frozenset({S.DRAFT, S.IN_REVIEW, S.SUBMITTED, S.WITHDRAWN}),
    S.REJECTED: frozenset({S.DRAFT, S.WITHDRAWN}),
    S.WITHDRAWN: frozenset({S.DRAFT}),
}

OUTCOME_STATUS: dict[ApprovalOutcome, DocumentStatus] = {
    ApprovalOutcome.APPROVED: S.APPROVED,
    ApprovalOutcome.APPROVED_WITH_AMENDMENTS: S.APPROVED_WITH_AMENDMENTS,
    ApprovalOutcome.DEFERRED: S.DEFERRED,
    ApprovalOutcome.REJECTED: S.REJECTED,
}

APPROVING_OUTCOMES: frozenset[ApprovalOutcome] = frozenset({
    ApprovalOutcome.APPROVED, ApprovalOutcome.APPROVED_WITH_AMENDMENTS,
})


def can_change(from_status: DocumentStatus, to_status: DocumentStatus) -> bool:
    """Whether the table allows the step (outcomes included: the caller says who may take them)."""
    return to_status in ALLOWED.get(from_status, frozenset())


def manual_next(from_status: DocumentStatus) -> list[DocumentStatus]:
    """The steps a user may take by hand from ``from_status``, in workflow order."""
    allowed = ALLOWED.get(from_status, frozenset()) - OUTCOMES
    return [status for status in DocumentStatus if status in allowed]


def needs_meeting(to_status: DocumentStatus) -> bool:
    """A submission names the meeting and the agenda item that will decide."""
    return to_status == S.SUBMITTED


def can_reinstate(before_withdrawal: DocumentStatus) -> bool:
    """A withdrawal may be reversed to any status but another withdrawal."""
    return before_withdrawal != S.WITHDRAWN
