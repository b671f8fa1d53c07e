"""Documents and their approval, in the core: the register, versions kept byte for byte, the workflow rule
table, submission to a meeting, the approval as a numbered decision of that meeting tied to a SHA-256,
withdrawal instead of erasure, partner review, and the history the audit log gives."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from app.domain import document_workflow as workflow
from app.domain.enums import (
    AgendaItemKind,
    ApprovalOutcome,
    Audience,
    DecisionMethod,
    Disposition,
    DocumentKind,
    DocumentStatus,
    Language,
    Stance,
)
from app.domain.models import Approval, Decision, DocumentStatusChange
from app.errors import ChairdeskError, DomainError
from app.persistence.database import Database
from app.services import (
    agenda,
    approvals,
    decisions,
    directory,
    document_detail,
    documents,
    meetings,
    reviews,
)

S = DocumentStatus


@dataclass
class World:
    db: Database
    meeting: str
    scan_item: str
    other_item: str
    afp: str
    rcmp: str
    ceop: str
    ncmec: str
    doc: str


@pytest.fixture
def world(db: Database) -> World:
    afp = directory.create_organisation(db, name_en="Australian Federal Police", acronym_en="AFP", relation="member")
    rcmp = directory.create_organisation(db, name_en="Royal Canadian Mounted Police", name_fr="Gendarmerie royale du "
                                         "Canada", acronym_en="RCMP", acronym_fr="GRC", relation="member")
    ceop = directory.create_organisation(db, name_en="CEOP", acronym_en="CEOP", relation="member")
    ncmec = directory.create_organisation(db, name_en="NCMEC", acronym_en="NCMEC", relation="partner")
    meeting = meetings.create_meeting(
        db, reference="VGT-2019-10", title_en="VGT meeting, Ottawa", starts_at=datetime(2019, 10, 2, 17, tzinfo=UTC),
        ends_at=datetime(2019, 10, 3, 18, 30, tzinfo=UTC), time_zone="America/Toronto").uuid
    other = agenda.add_agenda_item(db, meeting, title_en="Industry engagement", kind="decision", duration_minutes=60)
    scan = agenda.add_agenda_item(db, meeting, title_en="2019 Environmental Scan — for approval",
                                  kind="document_approval", duration_minutes=45)
    decisions.add_decision(db, meeting, other.uuid, text_en="The VGT endorsed industry engagement.")
    decisions.add_decision(db, meeting, scan.uuid, text_en="The VGT thanked the RCMP for the scan.")
    doc = documents.create_document(db, title_en="VGT Environmental Scan 2019",
                                    title_fr="Analyse environnementale du VGT 2019", kind="environmental_scan",
                                    owner_organisation_uuid=rcmp.uuid)
    return World(db, meeting, scan.uuid, other.uuid, afp.uuid, rcmp.uuid, ceop.uuid, ncmec.uuid, doc.uuid)


def submitted(w: World, content: bytes = b"%PDF-1.7 scan v2") -> str:
    version = documents.store_version(w.db, w.doc, "scan-v2.pdf", content, language=Language.EN)
    approvals.change_status(w.db, w.doc, S.IN_REVIEW, "Sent to partners")
    approvals.change_status(w.db, w.doc, S.SUBMITTED, "For the Ottawa meeting", w.meeting, w.scan_item)
    return version.uuid


# --- the rule table ---------------------------------------------------------------------------------------------

def test_the_workflow_table_follows_the_issue() -> None:
    assert workflow.manual_next(S.DRAFT) == [S.IN_REVIEW, S.SUBMITTED, S.WITHDRAWN]
    assert workflow.can_change(S.SUBMITTED, S.APPROVED) and not workflow.can_change(S.DRAFT, S.APPROVED)
    assert S.APPROVED not in workflow.manual_next(S.SUBMITTED)  # outcomes only with a decision
    for status in DocumentStatus:
        assert status == S.WITHDRAWN or workflow.can_change(status, S.WITHDRAWN)  # withdrawn at any point
    assert workflow.can_change(S.APPROVED, S.DRAFT) and workflow.can_change(S.DEFERRED, S.SUBMITTED)


# --- register and metadata ----------------------------------------------------------------------------------------

def test_register_search_and_filters(world: World) -> None:
    db = world.db
    documents.create_document(db, title_en="Terms of reference", title_fr="Mandat", kind="terms_of_reference",
                              marking="TLP:GREEN")
    documents.create_document(db, title_fr="Évaluation de la stratégie", kind="strategy")
    assert [d.title_en for d in documents.list_documents(db, search="environmental")] == ["VGT Environmental Scan 2019"]
    assert [d.title_fr for d in documents.list_documents(db, search="evaluation")] == ["Évaluation de la stratégie"]
    documents.update_document(db, world.doc, {"title_fr": "Analyse de l’environnement"})
    assert len(documents.list_documents(db, search="de l'environnement")) == 1  # either apostrophe
    assert [d.title_en for d in documents.list_documents(db, search="grc")] == ["VGT Environmental Scan 2019"]
    assert [d.kind for d in documents.list_documents(db, kind=DocumentKind.STRATEGY)] == [DocumentKind.STRATEGY]
    assert len(documents.list_documents(db, status=S.DRAFT)) == 3
    assert [d.title_en for d in documents.list_documents(db, marking="TLP:GREEN")] == ["Terms of reference"]
    documents.store_version(db, world.doc, "VGT-scan-draft.pdf", b"x")
    assert len(documents.list_documents(db, search="scan-draft")) == 1


def test_metadata_is_checked_field_by_field_and_never_sets_the_status(world: World) -> None:
    db = world.db
    with pytest.raises(DomainError) as error:
        documents.update_document(db, world.doc, {"title_en": "", "title_fr": ""})
    assert error.value.field == "title_en"
    with pytest.raises(DomainError) as error:
        documents.update_document(db, world.doc, {"publication_date": date(2019, 11, 1)})
    assert error.value.field == "publication_audience"
    with pytest.raises(DomainError) as error:
        documents.update_document(db, world.doc, {"status": "approved"})
    assert error.value.field == "status"
    changed = documents.update_document(db, world.doc, {"publication_date": date(2019, 11, 1),
                                                       "publication_audience": Audience.PUBLIC, "marking": "TLP:CLEAR"})
    assert (changed.publication_date, changed.publication_audience, changed.status) == (
        date(2019, 11, 1), Audience.PUBLIC, S.DRAFT)
    assert documents.document_values(db, world.doc)["owner_organisation_uuid"] == world.rcmp


def test_create_with_a_uuid_and_delete_an_empty_document(world: World) -> None:
    made = documents.create_document(world.db, title_en="Strategy", uuid="11111111-2222-3333-4444-555555555555")
    documents.delete_document(world.db, made.uuid)
    again = documents.create_document(world.db, title_en="Strategy", uuid=made.uuid)
    assert again.uuid == made.uuid
    documents.store_version(world.db, world.doc, "scan.pdf", b"x")
    with pytest.raises(DomainError):
        documents.delete_document(world.db, world.doc)


# --- versions -------------------------------------------------------------------------------------------------------

def test_a_version_keeps_its_bytes_hash_size_and_type(world: World) -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 10
    version = documents.store_version(world.db, world.doc, "  scan-v1.pdf ", data, note="Draft for review",
                                      issued_on=date(2019, 8, 30))
    assert (version.number, version.file_name, version.size) == (1, "scan-v1.pdf", len(data))
    assert version.sha256 == hashlib.sha256(data).hexdigest() and version.media_type == "application/pdf"
    stored = documents.read_version_file(world.db, version.uuid)
    assert stored.content == data and stored.file_name == "scan-v1.pdf"
    docx = documents.store_version(world.db, world.doc, "matrix.xlsx", b"PK")
    assert docx.number == 2 and docx.media_type.endswith("spreadsheetml.sheet")
    with pytest.raises(DomainError) as error:
        documents.store_version(world.db, world.doc, " ", b"x")
    assert error.value.field == "file_name"


def test_language_versions_are_linked_both_ways(world: World) -> None:
    english = documents.store_version(world.db, world.doc, "scan-en.pdf", b"en", language=Language.EN)
    french = documents.store_version(world.db, world.doc, "scan-fr.pdf", b"fr", language=Language.FR,
                                     parallel_of_uuid=english.uuid)
    assert french.parallel_number == 1
    by_number = {v.number: v for v in documents.list_versions(world.db, world.doc)}
    assert by_number[1].parallel_uuid == french.uuid
    with pytest.raises(DomainError):
        documents.set_language_version(world.db, english.uuid, english.uuid)
    documents.set_language_version(world.db, french.uuid, None)
    assert all(v.parallel_uuid is None for v in documents.list_versions(world.db, world.doc))


def test_only_an_unreferenced_version_can_be_deleted(world: World) -> None:
    version = documents.store_version(world.db, world.doc, "scan.pdf", b"x")
    reviews.add_comment(world.db, version.uuid, organisation_uuid=world.ceop, comment="Add a footnote.")
    assert not documents.list_versions(world.db, world.doc)[0].deletable
    with pytest.raises(DomainError):
        documents.delete_version(world.db, version.uuid)
    second = documents.store_version(world.db, world.doc, "scan2.pdf", b"y")
    assert second.deletable
    documents.delete_version(world.db, second.uuid)
    assert [v.number for v in documents.list_versions(world.db, world.doc)] == [1]


# --- the workflow ---------------------------------------------------------------------------------------------------

def test_steps_record_who_when_why_and_refuse_what_the_table_forbids(world: World) -> None:
    db = world.db
    with pytest.raises(DomainError) as error:
        approvals.change_status(db, world.doc, S.IN_REVIEW)
    assert error.value.field == "version"  # a review is of a version
    documents.store_version(db, world.doc, "scan.pdf", b"x")
    step = approvals.change_status(db, world.doc, S.IN_REVIEW, "Sent to partners")
    assert (step.from_status, step.to_status, step.reason, step.version_number) == (
        S.DRAFT, S.IN_REVIEW, "Sent to partners", 1)
    assert step.os_user and step.changed_at.tzinfo is not None
    with pytest.raises(DomainError) as error:
        approvals.change_status(db, world.doc, S.APPROVED)
    assert error.value.field == "to_status"
    with pytest.raises(DomainError) as error:
        approvals.change_status(db, world.doc, S.SUBMITTED, "", world.meeting, world.other_item)
    assert error.value.field == "agenda_item"  # not an item of kind "document approval"
    with pytest.raises(DomainError) as error:
        approvals.change_status(db, world.doc, S.WITHDRAWN)
    assert error.value.field == "reason"
    submission = approvals.change_status(db, world.doc, S.SUBMITTED, "", world.meeting, world.scan_item)
    assert (submission.meeting_reference, submission.agenda_item_number) == ("VGT-2019-10", "2")
    assert world.doc in agenda.get_agenda(db, world.meeting).items[1].document_uuids
    approvals.revert_status_change(db, submission.uuid)  # undo
    detail = document_detail.get_document_detail(db, world.doc)
    assert detail.summary.status == S.IN_REVIEW and [s.to_status for s in detail.steps] == [S.IN_REVIEW]
    assert world.doc not in agenda.get_agenda(db, world.meeting).items[1].document_uuids
    with pytest.raises(ChairdeskError):
        approvals.revert_status_change(db, submission.uuid)  # gone


def test_an_approval_is_a_numbered_decision_of_the_meeting_tied_to_the_hash(world: World) -> None:
    db = world.db
    version = submitted(world)
    draft = approvals.approval_draft(db, version, world.scan_item)
    assert [p.organisation_short for p in draft.positions] == ["AFP", "CEOP", "RCMP"]  # members only
    assert draft.decided_on == date(2019, 10, 2) and "approved" in draft.texts["approved"][0]
    approval = approvals.approve_version(
        db, version, world.meeting, world.scan_item, ApprovalOutcome.APPROVED,
        positions={world.afp: Stance.SUPPORTS, world.rcmp: Stance.SUPPORTS, world.ceop: Stance.NO_RESPONSE},
        publication_date=date(2019, 11, 1), audience=Audience.PUBLIC, note="For the VGT website.")
    # After the item's other decision (D2) and after the decisions of the items before it (D1).
    assert approval.decision_number == "VGT-2019-10/D3"
    assert approval.sha256 == hashlib.sha256(b"%PDF-1.7 scan v2").hexdigest()
    assert {p.organisation_short: p.stance for p in approval.positions} == {
        "AFP": Stance.SUPPORTS, "RCMP": Stance.SUPPORTS, "CEOP": Stance.NO_RESPONSE}
    numbers = [d.number for d in meetings.meeting_overview(db, world.meeting).decisions]
    assert numbers == ["VGT-2019-10/D1", "VGT-2019-10/D2", "VGT-2019-10/D3"]
    detail = document_detail.get_document_detail(db, world.doc)
    assert detail.summary.status == S.APPROVED and detail.summary.publication_date == date(2019, 11, 1)
    assert detail.steps[-1].to_status == S.APPROVED and detail.steps[-1].meeting_reference == "VGT-2019-10"
    assert detail.versions[0].approved_by == "VGT-2019-10/D3" and not detail.versions[0].deletable
    with pytest.raises(DomainError):
        documents.delete_version(db, version)


def test_an_approval_is_written_whole_or_not_at_all(world: World) -> None:
    db = world.db
    version = submitted(world)
    with pytest.raises(ChairdeskError):  # found after the decision was added: all of it is rolled back
        approvals.approve_version(db, version, world.meeting, world.scan_item, "approved",
                                  positions={world.afp: Stance.SUPPORTS, "no-such-organisation": Stance.OBJECTS})
    with db.transaction() as session:
        assert session.execute(select(func.count(Approval.id))).scalar_one() == 0
        assert session.execute(select(func.count(Decision.id))).scalar_one() == 2
        assert session.execute(select(func.count(DocumentStatusChange.id))).scalar_one() == 2
    assert document_detail.get_document_detail(db, world.doc).summary.status == S.SUBMITTED


def test_a_vote_counts_the_positions_and_a_deferral_can_be_submitted_again(world: World) -> None:
    db = world.db
    version = submitted(world)
    with pytest.raises(DomainError) as error:
        approvals.approve_version(db, version, world.meeting, world.scan_item, "deferred", method="vote")
    assert error.value.field == "positions"
    deferred = approvals.approve_version(
        db, version, world.meeting, world.scan_item, "deferred", method=DecisionMethod.VOTE,
        positions={world.afp: Stance.SUPPORTS, world.rcmp: Stance.OBJECTS, world.ceop: Stance.ABSTAINS})
    decision = decisions.get_decision(db, deferred.decision_uuid or "")
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (1, 1, 1)
    assert S.SUBMITTED in document_detail.get_document_detail(db, world.doc).next_statuses
    approvals.change_status(db, world.doc, S.SUBMITTED, "", world.meeting, world.scan_item)
    approved = approvals.approve_version(db, version, world.meeting, world.scan_item, "approved_with_amendments")
    assert approved.decision_number == "VGT-2019-10/D4" and approved.method == DecisionMethod.CONSENSUS
    with pytest.raises(DomainError):
        approvals.change_status(db, world.doc, S.SUBMITTED, "", world.meeting, world.scan_item)


def test_a_change_after_approval_is_a_new_version_that_needs_its_own_approval(world: World) -> None:
    db = world.db
    version = submitted(world)
    approvals.approve_version(db, version, world.meeting, world.scan_item, "approved")
    third = documents.store_version(db, world.doc, "scan-v3.pdf", b"%PDF-1.7 amended")
    detail = document_detail.get_document_detail(db, world.doc)
    assert detail.summary.status == S.DRAFT and "needs its own approval" in detail.steps[-1].reason
    assert documents.read_version_file(db, version).content == b"%PDF-1.7 scan v2"  # byte for byte
    documents.delete_version(db, third.uuid)  # undo of the addition takes the automatic step back too
    assert document_detail.get_document_detail(db, world.doc).summary.status == S.APPROVED


def test_taking_back_an_approval_records_a_withdrawal_and_keeps_the_decision(world: World) -> None:
    db = world.db
    version = submitted(world)
    approval = approvals.approve_version(db, version, world.meeting, world.scan_item, "approved")
    step = approvals.withdraw_approval(db, approval.uuid, "Undone in Chairdesk")
    assert (step.from_status, step.to_status, step.meeting_reference) == (S.APPROVED, S.WITHDRAWN, "VGT-2019-10")
    detail = document_detail.get_document_detail(db, world.doc)
    assert len(detail.approvals) == 1 and detail.approvals[0].decision_number == "VGT-2019-10/D3"
    with pytest.raises(DomainError):
        approvals.revert_status_change(db, detail.steps[-2].uuid)  # the decision's step is never removed
    back = approvals.reinstate_document(db, world.doc, "Redone in Chairdesk")
    assert (back.from_status, back.to_status) == (S.WITHDRAWN, S.APPROVED)


def test_the_default_decision_text_in_both_languages() -> None:
    english, french = approvals.default_decision_texts("Scan", "Analyse", 2, ApprovalOutcome.APPROVED)
    assert english == "The Taskforce approved “Scan” (version 2)."
    assert french == "" or "Analyse" in french  # French comes from the catalog once it has the sentence


def test_approval_items_are_the_document_approval_points(world: World) -> None:
    choices = approvals.approval_choices(world.db)
    assert [(c.meeting_reference, c.item_number) for c in choices] == [("VGT-2019-10", "2")]
    assert all(AgendaItemKind.DOCUMENT_APPROVAL for c in choices)


# --- partner review --------------------------------------------------------------------------------------------------

def test_the_comment_matrix_and_who_has_answered(world: World) -> None:
    db = world.db
    version = documents.store_version(db, world.doc, "scan-v1.pdf", b"x").uuid
    documents.update_version(db, version, {"review_deadline": date(2019, 9, 13)})
    asked = reviews.request_review(db, version, [world.ceop, world.ncmec, world.afp], sent_on=date(2019, 8, 30))
    assert len(asked) == 3 and reviews.request_review(db, version, [world.ceop]) == []
    comment = reviews.add_comment(db, version, organisation_uuid=world.ceop, reviewer_name="Jane Pennington",
                                  section="2. Threat picture", comment="Say what a report counts.",
                                  proposed_change="Add a footnote.", received_on=date(2019, 9, 10))
    with pytest.raises(DomainError) as error:
        reviews.add_comment(db, version, organisation_uuid=world.ceop, comment=" ")
    assert error.value.field == "comment"
    with pytest.raises(DomainError) as error:
        reviews.add_comment(db, version, comment="No organisation")
    assert error.value.field == "organisation"
    ncmec = next(r for r in asked if r.organisation_short == "NCMEC")
    reviews.update_request(db, ncmec.uuid, {"no_comments": True, "answered_on": date(2019, 9, 11)})
    reviews.update_comment(db, comment.uuid, {"disposition": Disposition.ACCEPTED, "response": "Footnote added."})
    state = reviews.review_state(db, version)
    assert state.review_deadline == date(2019, 9, 13)
    assert [r.organisation_short for r in state.waiting_for] == ["AFP"]
    assert state.comments[0].disposition == Disposition.ACCEPTED
    removed = reviews.delete_comment(db, comment.uuid)
    reviews.restore_comment(db, removed)
    assert reviews.review_state(db, version).comments == state.comments
    reviews.remove_requests(db, version, [world.afp])
    assert reviews.review_state(db, version).waiting_for == ()


# --- history ---------------------------------------------------------------------------------------------------------

def test_the_history_shows_every_audited_change_including_undone_ones(world: World) -> None:
    db = world.db
    first = documents.store_version(db, world.doc, "scan-v1.pdf", b"x")
    undone = documents.store_version(db, world.doc, "wrong-file.pdf", b"y")
    documents.delete_version(db, undone.uuid)
    documents.update_document(db, world.doc, {"marking": "TLP:GREEN"})
    reviews.add_comment(db, first.uuid, organisation_uuid=world.ceop, comment="Comment")
    history = document_detail.document_history(db, world.doc)
    seen = {(e.entity, e.action) for e in history.events}
    assert {("document", "insert"), ("document", "update"), ("document_version", "insert"),
            ("document_version", "delete"), ("review_comment", "insert")} <= seen
    marking = next(e for e in history.events if e.entity == "document" and e.action == "update")
    assert [(c.name, c.old, c.new) for c in marking.changes] == [("marking", "TLP:AMBER", "TLP:GREEN")]
    assert all(e.intact for e in history.events)
    assert [e.id for e in history.events] == sorted(e.id for e in history.events)
