"""The mapped entities of the whole domain: directory, meetings and their content, documents, audit.

Numbers users see (agenda 1.1, decision VGT-2019-10/D3) are derived from stored order, never stored.
Children that only exist within a meeting are deleted with it; anything that is a record of what was
decided or approved (decisions, versions, approvals) is protected by RESTRICT and left to the services.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    ApprovalOutcome,
    Attendance,
    Audience,
    DecisionKind,
    DecisionMethod,
    Disposition,
    DocumentKind,
    DocumentStatus,
    InvitationStatus,
    ItemOutcome,
    Language,
    Marking,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    MinutesVersionKind,
    QuorumRule,
    Relation,
    ReplyKind,
    Role,
    Sector,
    Stance,
    Threshold,
    Visibility,
    Vote,
)
from app.persistence.base import Base, Bilingual, Entity, EnumText, UTCDateTime, text_column, utcnow

agenda_item_presenter = Table(
    "agenda_item_presenter",
    Base.metadata,
    Column("agenda_item_id", ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="RESTRICT"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
)

agenda_item_document = Table(
    "agenda_item_document",
    Base.metadata,
    Column("agenda_item_id", ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True),
    Column("document_id", ForeignKey("document.id", ondelete="RESTRICT"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
)


class Organisation(Entity, Base):
    __tablename__ = "organisation"

    name_en: Mapped[str] = mapped_column(String(200), default="")
    name_fr: Mapped[str] = mapped_column(String(200), default="")
    acronym_en: Mapped[str] = mapped_column(String(40), default="")
    acronym_fr: Mapped[str] = mapped_column(String(40), default="")
    sector: Mapped[Sector] = mapped_column(EnumText(Sector), default=Sector.OTHER)
    country: Mapped[str | None] = mapped_column(String(2))
    relation: Mapped[Relation] = mapped_column(EnumText(Relation), default=Relation.PARTNER)
    notes: Mapped[str] = text_column()

    people: Mapped[list[Person]] = relationship(back_populates="organisation")


class Person(Entity, Base):
    __tablename__ = "person"

    given_name: Mapped[str] = mapped_column(String(120), default="")
    family_name: Mapped[str] = mapped_column(String(120), default="")
    title_en: Mapped[str] = mapped_column(String(200), default="")
    title_fr: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"), index=True)
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    preferred_language: Mapped[Language] = mapped_column(EnumText(Language, 2), default=Language.EN)
    time_zone: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str] = text_column()

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")


class Meeting(Entity, Bilingual, Base):
    __tablename__ = "meeting"

    reference: Mapped[str] = mapped_column(String(40), unique=True)
    title_en: Mapped[str] = mapped_column(String(300), default="")
    title_fr: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[MeetingKind] = mapped_column(EnumText(MeetingKind), default=MeetingKind.PLENARY)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    time_zone: Mapped[str] = mapped_column(String(64))
    venue: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    online_url: Mapped[str] = mapped_column(String(500), default="")
    mode: Mapped[MeetingMode] = mapped_column(EnumText(MeetingMode), default=MeetingMode.IN_PERSON)
    host_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    marking: Mapped[Marking] = mapped_column(EnumText(Marking), default=Marking.AMBER)
    status: Mapped[MeetingStatus] = mapped_column(EnumText(MeetingStatus), default=MeetingStatus.PLANNED)
    # When and by whom the minutes were approved (the chair on a date, or a later meeting's decision).
    minutes_approved_on: Mapped[date | None] = mapped_column(Date)
    minutes_approved_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The date printed outputs carry as their creation date, so the same data gives the same PDF.
    documents_dated: Mapped[datetime | None] = mapped_column(UTCDateTime())
    quorum_rule: Mapped[QuorumRule] = mapped_column(
        EnumText(QuorumRule), default=QuorumRule.MAJORITY_OF_MEMBERS, server_default="majority_of_members"
    )
    # Locked minutes are read-only; a correction is a new MinutesVersion with a reason.
    minutes_locked: Mapped[bool] = mapped_column(default=False, server_default="0")

    host_organisation: Mapped[Organisation | None] = relationship()
    chair: Mapped[Person | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[Person | None] = relationship(foreign_keys=[secretary_id])
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position",
        foreign_keys="AgendaItem.meeting_id",
    )
    participations: Mapped[list[Participation]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Participation.id"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Decision.position",
        foreign_keys="Decision.meeting_id",
    )
    actions: Mapped[list[ActionItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="ActionItem.position"
    )


class AgendaItem(Entity, Bilingual, Base):
    __tablename__ = "agenda_item"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title_en: Mapped[str] = mapped_column(String(300), default="")
    title_fr: Mapped[str] = mapped_column(String(300), default="")
    description_en: Mapped[str] = text_column()
    description_fr: Mapped[str] = text_column()
    kind: Mapped[AgendaItemKind] = mapped_column(EnumText(AgendaItemKind), default=AgendaItemKind.DISCUSSION)
    visibility: Mapped[Visibility] = mapped_column(EnumText(Visibility), default=Visibility.PUBLIC)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=0)
    # "Not before": an item that opens a later session (day 2 at 09:00) starts then, whatever comes before.
    fixed_start: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[ItemOutcome] = mapped_column(
        EnumText(ItemOutcome), default=ItemOutcome.PENDING, server_default="pending"
    )
    # A postponed item offered again, or a standing item, remembers the item or meeting it came from.
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    refers_to_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items", foreign_keys=[meeting_id])
    parent: Mapped[AgendaItem | None] = relationship(
        remote_side="AgendaItem.id", back_populates="children", foreign_keys=[parent_id]
    )
    # The database deletes sub-items with their parent (ON DELETE CASCADE); never orphan-delete on a move.
    children: Mapped[list[AgendaItem]] = relationship(
        back_populates="parent", order_by="AgendaItem.position", passive_deletes=True, foreign_keys=[parent_id]
    )
    presenters: Mapped[list[Person]] = relationship(
        secondary=agenda_item_presenter, order_by=agenda_item_presenter.c.position
    )
    documents: Mapped[list[Document]] = relationship(
        secondary=agenda_item_document, order_by=agenda_item_document.c.position
    )
    minutes: Mapped[MinutesEntry | None] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", uselist=False
    )

    __table_args__ = (CheckConstraint("duration_minutes >= 0", name="duration_not_negative"),)


class Participation(Entity, Base):
    __tablename__ = "participation"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    # The organisation the person represented at this meeting: people move, the record must not.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    role: Mapped[Role] = mapped_column(EnumText(Role), default=Role.DELEGATE)
    invitation_status: Mapped[InvitationStatus] = mapped_column(
        EnumText(InvitationStatus), default=InvitationStatus.NOT_INVITED
    )
    attendance: Mapped[Attendance] = mapped_column(EnumText(Attendance), default=Attendance.UNKNOWN)
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    notes: Mapped[str] = text_column()

    meeting: Mapped[Meeting] = relationship(back_populates="participations")
    person: Mapped[Person] = relationship()
    organisation: Mapped[Organisation | None] = relationship()

    __table_args__ = (UniqueConstraint("meeting_id", "person_id", name="uq_participation_meeting_person"),)


class MinutesEntry(Entity, Bilingual, Base):
    __tablename__ = "minutes_entry"

    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), unique=True)
    text_en: Mapped[str] = text_column()
    text_fr: Mapped[str] = text_column()

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="minutes")


class Decision(Entity, Bilingual, Base):
    __tablename__ = "decision"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text_en: Mapped[str] = text_column()
    text_fr: Mapped[str] = text_column()
    kind: Mapped[DecisionKind] = mapped_column(EnumText(DecisionKind), default=DecisionKind.AGREEMENT)
    method: Mapped[DecisionMethod] = mapped_column(EnumText(DecisionMethod), default=DecisionMethod.CONSENSUS)
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    abstentions: Mapped[int | None] = mapped_column(Integer)
    threshold: Mapped[Threshold] = mapped_column(
        EnumText(Threshold), default=Threshold.CONSENSUS, server_default="consensus"
    )
    # The quorum as evaluated when the decision was taken: members present or online / needed.
    quorum_present: Mapped[int | None] = mapped_column(Integer)
    quorum_required: Mapped[int | None] = mapped_column(Integer)
    # What the decision approved, when it approved minutes of an earlier meeting.
    approves_minutes_of_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))

    meeting: Mapped[Meeting] = relationship(back_populates="decisions", foreign_keys=[meeting_id])
    agenda_item: Mapped[AgendaItem | None] = relationship()
    votes: Mapped[list[DecisionVote]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="DecisionVote.id"
    )


class ActionItem(Entity, Bilingual, Base):
    __tablename__ = "action_item"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text_en: Mapped[str] = text_column()
    text_fr: Mapped[str] = text_column()
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(EnumText(ActionStatus), default=ActionStatus.OPEN)

    meeting: Mapped[Meeting] = relationship(back_populates="actions")
    agenda_item: Mapped[AgendaItem | None] = relationship()
    owners: Mapped[list[ActionOwner]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionOwner.position"
    )
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionUpdate.recorded_at"
    )


class ActionOwner(Entity, Base):
    """One owner of an action: a person or a whole organisation, never both."""

    __tablename__ = "action_owner"

    action_id: Mapped[int] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    action: Mapped[ActionItem] = relationship(back_populates="owners")
    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()

    __table_args__ = (
        CheckConstraint("(person_id IS NULL) != (organisation_id IS NULL)", name="person_or_organisation"),
    )


class ActionUpdate(Entity, Base):
    """A progress note on an action, recorded when it was given and, if at a meeting, against that meeting."""

    __tablename__ = "action_update"

    action_id: Mapped[int] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[ActionStatus | None] = mapped_column(EnumText(ActionStatus))
    note: Mapped[str] = text_column()

    action: Mapped[ActionItem] = relationship(back_populates="updates")
    meeting: Mapped[Meeting | None] = relationship()


class Document(Entity, Bilingual, Base):
    __tablename__ = "document"

    title_en: Mapped[str] = mapped_column(String(300), default="")
    title_fr: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[DocumentKind] = mapped_column(EnumText(DocumentKind), default=DocumentKind.OTHER)
    owner_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    marking: Mapped[Marking] = mapped_column(EnumText(Marking), default=Marking.AMBER)
    status: Mapped[DocumentStatus] = mapped_column(EnumText(DocumentStatus), default=DocumentStatus.DRAFT)
    publication_date: Mapped[date | None] = mapped_column(Date)
    publication_audience: Mapped[Audience | None] = mapped_column(EnumText(Audience))

    owner_organisation: Mapped[Organisation | None] = relationship()
    versions: Mapped[list[DocumentVersion]] = relationship(
        back_populates="document", order_by="DocumentVersion.number"
    )


class DocumentVersion(Entity, Base):
    """One file of a document, kept byte for byte in the database with its SHA-256."""

    __tablename__ = "document_version"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    language: Mapped[Language | None] = mapped_column(EnumText(Language, 2))
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    # Deferred: listing versions must not pull every file into memory.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    issued_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = text_column()
    # The same text in the other language: an English and a French version linked as one document's.
    parallel_of_id: Mapped[int | None] = mapped_column(ForeignKey("document_version.id", ondelete="SET NULL"))
    review_deadline: Mapped[date | None] = mapped_column(Date)

    document: Mapped[Document] = relationship(back_populates="versions")
    comments: Mapped[list[ReviewComment]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="ReviewComment.position"
    )
    approvals: Mapped[list[Approval]] = relationship(back_populates="version", order_by="Approval.decided_on")

    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_document_version_number"),)


class ReviewComment(Entity, Base):
    """A row of the comment matrix of a version under partner review."""

    __tablename__ = "review_comment"

    version_id: Mapped[int] = mapped_column(ForeignKey("document_version.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    reviewer_name: Mapped[str] = mapped_column(String(200), default="")
    section: Mapped[str] = mapped_column(String(200), default="")
    comment: Mapped[str] = text_column()
    proposed_change: Mapped[str] = text_column()
    disposition: Mapped[Disposition | None] = mapped_column(EnumText(Disposition))
    response: Mapped[str] = text_column()
    received_on: Mapped[date | None] = mapped_column(Date)

    version: Mapped[DocumentVersion] = relationship(back_populates="comments")
    organisation: Mapped[Organisation | None] = relationship()
    reviewer: Mapped[Person | None] = relationship()


class Approval(Entity, Base):
    """The approval (or not) of one exact version at a meeting, with the hash of what was approved."""

    __tablename__ = "approval"

    version_id: Mapped[int] = mapped_column(ForeignKey("document_version.id", ondelete="RESTRICT"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))
    outcome: Mapped[ApprovalOutcome] = mapped_column(EnumText(ApprovalOutcome))
    decided_on: Mapped[date] = mapped_column(Date)
    sha256: Mapped[str] = mapped_column(String(64))
    method: Mapped[DecisionMethod] = mapped_column(EnumText(DecisionMethod), default=DecisionMethod.CONSENSUS)
    publication_date: Mapped[date | None] = mapped_column(Date)
    publication_audience: Mapped[Audience | None] = mapped_column(EnumText(Audience))
    note: Mapped[str] = text_column()

    version: Mapped[DocumentVersion] = relationship(back_populates="approvals")
    meeting: Mapped[Meeting | None] = relationship()
    decision: Mapped[Decision | None] = relationship()
    positions: Mapped[list[ApprovalPosition]] = relationship(
        back_populates="approval", cascade="all, delete-orphan", order_by="ApprovalPosition.id"
    )


class ApprovalPosition(Entity, Base):
    """The position a member organisation took on an approval."""

    __tablename__ = "approval_position"

    approval_id: Mapped[int] = mapped_column(ForeignKey("approval.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    stance: Mapped[Stance] = mapped_column(EnumText(Stance), default=Stance.NO_RESPONSE)

    approval: Mapped[Approval] = relationship(back_populates="positions")
    organisation: Mapped[Organisation] = relationship()

    __table_args__ = (UniqueConstraint("approval_id", "organisation_id", name="uq_approval_position_org"),)


class AuditEvent(Base):
    """Append-only: one row per change, chained to the previous row by a SHA-256 (triggers refuse edits)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    os_user: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(16))
    entity: Mapped[str] = mapped_column(String(64))
    entity_uuid: Mapped[str] = mapped_column(String(36), index=True)
    changes: Mapped[str] = text_column("{}")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))


class DistributionRecord(Entity, Base):
    """Who received which copy of which output or document version, when and how (the distribution log)."""

    __tablename__ = "distribution_record"

    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), index=True)
    version_id: Mapped[int | None] = mapped_column(ForeignKey("document_version.id", ondelete="RESTRICT"))
    # What was handed out: "minutes", "agenda", "signin", "actions", "attendees" or "document".
    output: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(16), default="en")
    copy_number: Mapped[int | None] = mapped_column(Integer)
    copies_total: Mapped[int | None] = mapped_column(Integer)
    recipient: Mapped[str] = mapped_column(String(200), default="")
    recipient_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    recipient_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    method: Mapped[str] = mapped_column(String(32), default="")
    distributed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = text_column()

    meeting: Mapped[Meeting | None] = relationship()
    version: Mapped[DocumentVersion | None] = relationship()
    recipient_person: Mapped[Person | None] = relationship()
    recipient_organisation: Mapped[Organisation | None] = relationship()


class DecisionVote(Entity, Base):
    """How one member organisation voted on a decision taken by vote."""

    __tablename__ = "decision_vote"

    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    vote: Mapped[Vote] = mapped_column(EnumText(Vote))

    decision: Mapped[Decision] = relationship(back_populates="votes")
    organisation: Mapped[Organisation] = relationship()

    __table_args__ = (UniqueConstraint("decision_id", "organisation_id", name="uq_decision_vote_org"),)


class MinutesVersion(Entity, Base):
    """A frozen, numbered text of a meeting's minutes: as circulated, as approved, or as corrected."""

    __tablename__ = "minutes_version"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[MinutesVersionKind] = mapped_column(EnumText(MinutesVersionKind))
    # Canonical JSON of the minutes' content at that moment, and its SHA-256.
    content: Mapped[str] = text_column("{}")
    sha256: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = text_column()
    os_user: Mapped[str] = mapped_column(String(120), default="")
    approved_on: Mapped[date | None] = mapped_column(Date)
    approved_by_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))

    meeting: Mapped[Meeting] = relationship(foreign_keys=[meeting_id])

    __table_args__ = (UniqueConstraint("meeting_id", "number", name="uq_minutes_version_number"),)


class Circulation(Entity, Base):
    """The draft minutes sent to named participants for comment, with a deadline."""

    __tablename__ = "circulation"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"), index=True)
    minutes_version_id: Mapped[int] = mapped_column(ForeignKey("minutes_version.id", ondelete="RESTRICT"))
    sent_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date)

    recipients: Mapped[list[CirculationRecipient]] = relationship(
        back_populates="circulation", cascade="all, delete-orphan", order_by="CirculationRecipient.id"
    )


class CirculationRecipient(Entity, Base):
    """One person the draft went to, and their reply once it comes (comments, or no comments)."""

    __tablename__ = "circulation_recipient"

    circulation_id: Mapped[int] = mapped_column(ForeignKey("circulation.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    replied_on: Mapped[date | None] = mapped_column(Date)
    reply: Mapped[ReplyKind | None] = mapped_column(EnumText(ReplyKind))
    comments: Mapped[str] = text_column()

    circulation: Mapped[Circulation] = relationship(back_populates="recipients")
    person: Mapped[Person] = relationship()

    __table_args__ = (UniqueConstraint("circulation_id", "person_id", name="uq_circulation_recipient_person"),)


class ReviewRequest(Entity, Base):
    """A partner organisation asked to review a document version: whether and when it answered."""

    __tablename__ = "review_request"

    version_id: Mapped[int] = mapped_column(ForeignKey("document_version.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="RESTRICT"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    sent_on: Mapped[date | None] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    no_comments: Mapped[bool] = mapped_column(default=False, server_default="0")

    organisation: Mapped[Organisation] = relationship()
    person: Mapped[Person | None] = relationship()

    __table_args__ = (UniqueConstraint("version_id", "organisation_id", name="uq_review_request_org"),)


class DocumentStatusChange(Entity, Base):
    """One step of a document's approval workflow: from what, to what, by whom, when and why."""

    __tablename__ = "document_status_change"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="RESTRICT"), index=True)
    version_id: Mapped[int | None] = mapped_column(ForeignKey("document_version.id", ondelete="RESTRICT"))
    from_status: Mapped[DocumentStatus] = mapped_column(EnumText(DocumentStatus))
    to_status: Mapped[DocumentStatus] = mapped_column(EnumText(DocumentStatus))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    os_user: Mapped[str] = mapped_column(String(120), default="")
    reason: Mapped[str] = text_column()
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
