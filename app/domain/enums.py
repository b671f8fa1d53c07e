"""Closed vocabularies of the domain, stored as their string value, each with a translated label.

Values are stable identifiers (they go into the database and into meeting packages); labels are what a
user reads and are translated at use through ``label()``.
"""

from __future__ import annotations

from enum import StrEnum

from app.i18n import N_, _


class Sector(StrEnum):
    LAW_ENFORCEMENT = "law_enforcement"
    INTERGOVERNMENTAL = "intergovernmental"
    GOVERNMENT = "government"
    INDUSTRY = "industry"
    NGO = "ngo"
    ACADEMIA = "academia"
    OTHER = "other"


class Relation(StrEnum):
    MEMBER = "member"
    PARTNER = "partner"
    OBSERVER = "observer"
    GUEST = "guest"


class Language(StrEnum):
    EN = "en"
    FR = "fr"


class TranslationStatus(StrEnum):
    NOT_TRANSLATED = "not_translated"
    DRAFT = "draft"
    VERIFIED = "verified"


class MeetingKind(StrEnum):
    PLENARY = "plenary"
    BOARD = "board"
    WORKING_GROUP = "working_group"
    CONFERENCE = "conference"
    OTHER = "other"


class MeetingMode(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class Marking(StrEnum):
    CLEAR = "TLP:CLEAR"
    GREEN = "TLP:GREEN"
    AMBER = "TLP:AMBER"
    AMBER_STRICT = "TLP:AMBER+STRICT"
    RED = "TLP:RED"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    AGENDA_PUBLISHED = "agenda_published"
    HELD = "held"
    MINUTES_DRAFT = "minutes_draft"
    MINUTES_CIRCULATED = "minutes_circulated"
    MINUTES_APPROVED = "minutes_approved"


class AgendaItemKind(StrEnum):
    OPENING = "opening"
    INFORMATION = "information"
    DISCUSSION = "discussion"
    DECISION = "decision"
    DOCUMENT_APPROVAL = "document_approval"
    PREVIOUS_MINUTES = "previous_minutes"
    ACTION_REVIEW = "action_review"
    BREAK = "break"
    ANY_OTHER_BUSINESS = "any_other_business"
    CLOSING = "closing"


class Visibility(StrEnum):
    PUBLIC = "public"
    PARTNERS = "partners"
    CLOSED = "closed"


class Role(StrEnum):
    CHAIR = "chair"
    CO_CHAIR = "co_chair"
    SECRETARY = "secretary"
    HEAD_OF_DELEGATION = "head_of_delegation"
    DELEGATE = "delegate"
    SPEAKER = "speaker"
    OBSERVER = "observer"
    GUEST = "guest"


class InvitationStatus(StrEnum):
    NOT_INVITED = "not_invited"
    INVITED = "invited"
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    DECLINED = "declined"


class Attendance(StrEnum):
    UNKNOWN = "unknown"
    PRESENT = "present"
    ONLINE = "online"
    ABSENT = "absent"
    APOLOGIES = "apologies"


class DecisionKind(StrEnum):
    APPROVAL = "approval"
    ENDORSEMENT = "endorsement"
    AGREEMENT = "agreement"
    NOTING = "noting"


class DecisionMethod(StrEnum):
    CONSENSUS = "consensus"
    VOTE = "vote"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class DocumentKind(StrEnum):
    ENVIRONMENTAL_SCAN = "environmental_scan"
    COOPERATION_AGREEMENT = "cooperation_agreement"
    STRATEGY = "strategy"
    TERMS_OF_REFERENCE = "terms_of_reference"
    REPORT = "report"
    MINUTES = "minutes"
    OTHER = "other"


class DocumentStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    APPROVED_WITH_AMENDMENTS = "approved_with_amendments"
    DEFERRED = "deferred"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Audience(StrEnum):
    PUBLIC = "public"
    PARTNERS = "partners"
    MEMBERS = "members"


class Disposition(StrEnum):
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    NOT_ACCEPTED = "not_accepted"
    NOTED = "noted"


class ApprovalOutcome(StrEnum):
    APPROVED = "approved"
    APPROVED_WITH_AMENDMENTS = "approved_with_amendments"
    DEFERRED = "deferred"
    REJECTED = "rejected"


class Stance(StrEnum):
    SUPPORTS = "supports"
    OBJECTS = "objects"
    ABSTAINS = "abstains"
    NO_RESPONSE = "no_response"


class ItemOutcome(StrEnum):
    PENDING = "pending"
    DECIDED = "decided"
    NO_DECISION = "no_decision"
    POSTPONED = "postponed"


class QuorumRule(StrEnum):
    NONE = "none"
    MAJORITY_OF_MEMBERS = "majority_of_members"
    TWO_THIRDS_OF_MEMBERS = "two_thirds_of_members"


class Threshold(StrEnum):
    CONSENSUS = "consensus"
    SIMPLE_MAJORITY = "simple_majority"
    TWO_THIRDS = "two_thirds"


class Vote(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class MinutesVersionKind(StrEnum):
    CIRCULATED = "circulated"
    APPROVED = "approved"
    CORRECTION = "correction"


class ReplyKind(StrEnum):
    COMMENTS = "comments"
    NO_COMMENTS = "no_comments"


# Pairs, not a dict keyed by member: members of different enums with one value ("draft") are equal.
_LABEL_PAIRS: tuple[tuple[StrEnum, str], ...] = (
    (Sector.LAW_ENFORCEMENT, N_("Law enforcement")),
    (Sector.INTERGOVERNMENTAL, N_("Intergovernmental")),
    (Sector.GOVERNMENT, N_("Government")),
    (Sector.INDUSTRY, N_("Industry")),
    (Sector.NGO, N_("NGO")),
    (Sector.ACADEMIA, N_("Academia")),
    (Sector.OTHER, N_("Other")),
    (Relation.MEMBER, N_("Member")),
    (Relation.PARTNER, N_("Partner")),
    (Relation.OBSERVER, N_("Observer")),
    (Relation.GUEST, N_("Guest")),
    (Language.EN, N_("English")),
    (Language.FR, N_("French")),
    (TranslationStatus.NOT_TRANSLATED, N_("Not translated")),
    (TranslationStatus.DRAFT, N_("Draft translation")),
    (TranslationStatus.VERIFIED, N_("Translation verified")),
    (MeetingKind.PLENARY, N_("Plenary")),
    (MeetingKind.BOARD, N_("Board")),
    (MeetingKind.WORKING_GROUP, N_("Working group")),
    (MeetingKind.CONFERENCE, N_("Conference")),
    (MeetingKind.OTHER, N_("Other")),
    (MeetingMode.IN_PERSON, N_("In person")),
    (MeetingMode.ONLINE, N_("Online")),
    (MeetingMode.HYBRID, N_("Hybrid")),
    (Marking.CLEAR, "TLP:CLEAR"),
    (Marking.GREEN, "TLP:GREEN"),
    (Marking.AMBER, "TLP:AMBER"),
    (Marking.AMBER_STRICT, "TLP:AMBER+STRICT"),
    (Marking.RED, "TLP:RED"),
    (MeetingStatus.PLANNED, N_("Planned")),
    (MeetingStatus.AGENDA_PUBLISHED, N_("Agenda published")),
    (MeetingStatus.HELD, N_("Held")),
    (MeetingStatus.MINUTES_DRAFT, N_("Minutes draft")),
    (MeetingStatus.MINUTES_CIRCULATED, N_("Minutes circulated")),
    (MeetingStatus.MINUTES_APPROVED, N_("Minutes approved")),
    (AgendaItemKind.OPENING, N_("Opening")),
    (AgendaItemKind.INFORMATION, N_("Information")),
    (AgendaItemKind.DISCUSSION, N_("Discussion")),
    (AgendaItemKind.DECISION, N_("Decision")),
    (AgendaItemKind.DOCUMENT_APPROVAL, N_("Document approval")),
    (AgendaItemKind.PREVIOUS_MINUTES, N_("Approval of previous minutes")),
    (AgendaItemKind.ACTION_REVIEW, N_("Review of actions")),
    (AgendaItemKind.BREAK, N_("Break")),
    (AgendaItemKind.ANY_OTHER_BUSINESS, N_("Any other business")),
    (AgendaItemKind.CLOSING, N_("Closing")),
    (Visibility.PUBLIC, N_("Public")),
    (Visibility.PARTNERS, N_("Partners only")),
    (Visibility.CLOSED, N_("Closed session")),
    (Role.CHAIR, N_("Chair")),
    (Role.CO_CHAIR, N_("Co-chair")),
    (Role.SECRETARY, N_("Secretary")),
    (Role.HEAD_OF_DELEGATION, N_("Head of delegation")),
    (Role.DELEGATE, N_("Delegate")),
    (Role.SPEAKER, N_("Speaker")),
    (Role.OBSERVER, N_("Observer")),
    (Role.GUEST, N_("Guest")),
    (InvitationStatus.NOT_INVITED, N_("Not invited")),
    (InvitationStatus.INVITED, N_("Invited")),
    (InvitationStatus.CONFIRMED, N_("Confirmed")),
    (InvitationStatus.TENTATIVE, N_("Tentative")),
    (InvitationStatus.DECLINED, N_("Declined")),
    (Attendance.UNKNOWN, N_("Unknown")),
    (Attendance.PRESENT, N_("Present")),
    (Attendance.ONLINE, N_("Online")),
    (Attendance.ABSENT, N_("Absent")),
    (Attendance.APOLOGIES, N_("Apologies")),
    (DecisionKind.APPROVAL, N_("Approval")),
    (DecisionKind.ENDORSEMENT, N_("Endorsement")),
    (DecisionKind.AGREEMENT, N_("Agreement")),
    (DecisionKind.NOTING, N_("Noting")),
    (DecisionMethod.CONSENSUS, N_("Consensus")),
    (DecisionMethod.VOTE, N_("Vote")),
    (ActionStatus.OPEN, N_("Open")),
    (ActionStatus.IN_PROGRESS, N_("In progress")),
    (ActionStatus.DONE, N_("Done")),
    (ActionStatus.DROPPED, N_("Dropped")),
    (DocumentKind.ENVIRONMENTAL_SCAN, N_("Environmental scan")),
    (DocumentKind.COOPERATION_AGREEMENT, N_("Cooperation agreement")),
    (DocumentKind.STRATEGY, N_("Strategy")),
    (DocumentKind.TERMS_OF_REFERENCE, N_("Terms of reference")),
    (DocumentKind.REPORT, N_("Report")),
    (DocumentKind.MINUTES, N_("Minutes")),
    (DocumentKind.OTHER, N_("Other")),
    (DocumentStatus.DRAFT, N_("Draft")),
    (DocumentStatus.IN_REVIEW, N_("In review")),
    (DocumentStatus.SUBMITTED, N_("Submitted")),
    (DocumentStatus.APPROVED, N_("Approved")),
    (DocumentStatus.APPROVED_WITH_AMENDMENTS, N_("Approved with amendments")),
    (DocumentStatus.DEFERRED, N_("Deferred")),
    (DocumentStatus.REJECTED, N_("Rejected")),
    (DocumentStatus.WITHDRAWN, N_("Withdrawn")),
    (Audience.PUBLIC, N_("Public")),
    (Audience.PARTNERS, N_("Partners only")),
    (Audience.MEMBERS, N_("Members only")),
    (Disposition.ACCEPTED, N_("Accepted")),
    (Disposition.PARTLY_ACCEPTED, N_("Partly accepted")),
    (Disposition.NOT_ACCEPTED, N_("Not accepted")),
    (Disposition.NOTED, N_("Noted")),
    (ApprovalOutcome.APPROVED, N_("Approved")),
    (ApprovalOutcome.APPROVED_WITH_AMENDMENTS, N_("Approved with amendments")),
    (ApprovalOutcome.DEFERRED, N_("Deferred")),
    (ApprovalOutcome.REJECTED, N_("Rejected")),
    (Stance.SUPPORTS, N_("Supports")),
    (Stance.OBJECTS, N_("Objects")),
    (Stance.ABSTAINS, N_("Abstains")),
    (Stance.NO_RESPONSE, N_("No response")),
    (ItemOutcome.PENDING, N_("Pending")),
    (ItemOutcome.DECIDED, N_("Decided")),
    (ItemOutcome.NO_DECISION, N_("No decision")),
    (ItemOutcome.POSTPONED, N_("Postponed")),
    (QuorumRule.NONE, N_("No quorum rule")),
    (QuorumRule.MAJORITY_OF_MEMBERS, N_("Majority of member organisations present or online")),
    (QuorumRule.TWO_THIRDS_OF_MEMBERS, N_("Two thirds of member organisations present or online")),
    (Threshold.CONSENSUS, N_("Consensus")),
    (Threshold.SIMPLE_MAJORITY, N_("Simple majority")),
    (Threshold.TWO_THIRDS, N_("Two-thirds majority")),
    (Vote.FOR, N_("For")),
    (Vote.AGAINST, N_("Against")),
    (Vote.ABSTAIN, N_("Abstention")),
    (MinutesVersionKind.CIRCULATED, N_("Circulated")),
    (MinutesVersionKind.APPROVED, N_("Approved")),
    (MinutesVersionKind.CORRECTION, N_("Correction")),
    (ReplyKind.COMMENTS, N_("Comments")),
    (ReplyKind.NO_COMMENTS, N_("No comments")),
)
_LABELS: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _LABEL_PAIRS}


def label(value: StrEnum) -> str:
    """The translated, user-facing name of an enumeration value."""
    return _(_LABELS[(type(value), value.value)])


def label_msgid(value: StrEnum) -> str:
    """The English label, untranslated: for outputs that translate into a language of their own."""
    return _LABELS[(type(value), value.value)]
